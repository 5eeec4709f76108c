# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from . import test_rehab_gates
from . import test_rehab_approval
from . import test_rehab_access
from . import test_rehab_flow
from . import test_rehab_assessment_services
from . import test_rehab_numbers
from . import test_rehab_overview
from . import test_rehab_spm
from . import test_rehab_tour
