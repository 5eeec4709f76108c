from . import nik
from . import client_input
from . import letter_date
