from . import main
from . import social_client_export
