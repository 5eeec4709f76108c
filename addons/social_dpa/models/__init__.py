# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import social_dpa_nomenclature
from . import social_dpa_account
from . import social_dpa
from . import social_dpa_tier
from . import social_dpa_line
from . import social_dpa_line_charge
from . import social_dpa_chargeable_mixin
from . import account_analytic_line
from . import tier_definition
