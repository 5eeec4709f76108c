from . import social_region
from . import social_atensi_cluster
from . import social_ppks_type
from . import social_disability_type
from . import social_atensi_criteria
from . import social_client
from . import social_client_family
from . import social_client_export
