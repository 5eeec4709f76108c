# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import social_rehab_case_xlsx
from . import social_rehab_case_file
from . import social_spm_report
