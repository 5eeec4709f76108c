# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from .codes import CODE_PATTERNS, code_level
