from . import social_trc_letter_report
from . import social_trc_xlsx
from . import social_spm_report
