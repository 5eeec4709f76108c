from . import social_region_load
from . import social_client_export_wizard
