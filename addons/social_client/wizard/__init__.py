from . import social_region_load
from . import social_client_export_wizard
from . import social_document_verification_revoke
from . import comment_wizard
