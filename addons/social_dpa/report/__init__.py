# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import social_dpa_realization
from . import social_dpa_lra_xlsx
