from . import test_recommendation_access
from . import test_recommendation_flow
from . import test_recommendation_report
from . import test_recommendation_signoff
from . import test_recommendation_sop
from . import test_recommendation_tour
from . import test_recommendation_i18n
from . import test_recommendation_attacks
