from . import social_trc_letter_report
from . import social_trc_xlsx
