from . import xlsx_table
from . import social_client_xlsx
