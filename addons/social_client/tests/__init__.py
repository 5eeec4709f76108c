from . import test_access
from . import test_client
from . import test_document_verification
from . import test_export
from . import test_nik
from . import test_region
from . import test_tour
