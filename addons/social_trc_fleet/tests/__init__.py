from . import test_trc_report
from . import test_trc_response_time
from . import test_trc_letter
from . import test_trc_trip
from . import test_trc_service
from . import test_shelter
from . import test_trc_access
from . import test_trc_concurrency
