# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import test_dpa_nomenclature
from . import test_dpa_rollup
from . import test_dpa_charge
from . import test_dpa_concurrency
from . import test_dpa_import
from . import test_dpa_revision
from . import test_dpa_access
from . import test_dpa_report
from . import test_dpa_overview
