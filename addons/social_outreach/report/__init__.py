from . import social_outreach_recap
from . import social_outreach_participant_xlsx
from . import social_spm_report
