from . import nik
from . import client_input
