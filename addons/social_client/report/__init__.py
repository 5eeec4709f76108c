from . import xlsx_table
from . import social_client_xlsx
from . import social_spm_report
from . import social_spm_xlsx
