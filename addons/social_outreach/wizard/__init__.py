from . import social_outreach_registration
from . import social_outreach_import
from . import social_outreach_followup_wizard
from . import social_outreach_transfer
