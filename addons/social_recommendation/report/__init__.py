from . import social_recommendation_letter
from . import social_recommendation_register_xlsx
from . import social_recommendation_step_xlsx
