from . import social_client_xlsx
