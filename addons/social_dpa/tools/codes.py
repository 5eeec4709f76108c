# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Shapes of the regional budget codes (Permendagri 90/2019 and its updates).

programme     1.06.04                 urusan.bidang.program
activity      1.06.04.2.01            ... .kewenangan.kegiatan
sub_activity  1.06.04.2.01.0001       ... .sub-kegiatan
account       5.1.02.01.01.0052       akun.kelompok.jenis.objek.rincian.sub-rincian
"""

import re

CODE_PATTERNS = {
    "program": re.compile(r"^\d\.\d{2}\.\d{2}$"),
    "activity": re.compile(r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}$"),
    "sub_activity": re.compile(r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}$"),
    "account": re.compile(r"^\d\.\d\.\d{2}\.\d{2}\.\d{2}\.\d{4}$"),
}

CODE_EXAMPLES = {
    "program": "1.06.04",
    "activity": "1.06.04.2.01",
    "sub_activity": "1.06.04.2.01.0001",
    "account": "5.1.02.01.01.0052",
}


def code_level(code):
    """The level whose pattern the code has, or None."""
    code = (code or "").strip()
    for level, pattern in CODE_PATTERNS.items():
        if pattern.match(code):
            return level
    return None
