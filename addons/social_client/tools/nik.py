# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""NIK and KK structure checks, on top of lokal-id's parser.

lokal-id knows the province codes and the NIK layout; two things are added
here: input with letters is refused instead of being silently cleaned, and the
century is the one that does not put the birth in the future (lokal-id and
python-stdnum both take 20yy for any yy up to this year's, so a NIK of
December 2026 read in November 2026 would be born in the future).
"""

import datetime
import re
from dataclasses import dataclass, field

from lokal import parse_nik as lokal_parse_nik
from lokal.provinces import PROVINCES

_SPACES = re.compile(r"\s+")


@dataclass
class NikResult:
    nik: str | None = None
    errors: list = field(default_factory=list)
    length: int = 0
    province_code: str | None = None
    regency_code: str | None = None
    district_code: str | None = None
    gender: str | None = None  # 'male' / 'female'
    birth_date: datetime.date | None = None

    @property
    def valid(self):
        return not self.errors


def normalize(value):
    """Drop spaces people type between digit groups; keep everything else."""
    return _SPACES.sub("", value or "")


def parse_nik(value, today=None):
    """Check a NIK: 16 digits, known province, real birth date, serial not 0000.

    Errors are codes (format_chars, format_length, province, region_zero,
    birth_date, serial) for the caller to word in the user's language.
    """
    today = today or datetime.date.today()
    digits = normalize(value)
    result = NikResult(length=len(digits))
    if not digits.isdigit() or not digits.isascii():
        result.errors.append("format_chars")
        return result
    if len(digits) != 16:
        result.errors.append("format_length")
        return result
    info = lokal_parse_nik(digits, reference_date=today)
    result.nik = digits
    result.province_code = info.province_code
    result.regency_code = info.regency_code
    result.district_code = info.district_code
    for issue in info.errors:
        result.errors.append(
            {
                "province": "province",
                "wilayah": "region_zero",
                "birth_date": "birth_date",
                "serial": "serial",
            }.get(issue.code, issue.code)
        )
    if info.birth_date:
        birth = datetime.date.fromisoformat(info.birth_date)
        if birth > today:
            # yy of this year but a later day: the person was born a century ago
            try:
                birth = birth.replace(year=birth.year - 100)
            except ValueError:  # 29 February of a year that was not leap then
                birth = None
                result.errors.append("birth_date")
        result.birth_date = birth
        result.gender = {"L": "male", "P": "female"}.get(info.gender)
    return result


def parse_kk(value):
    """Check a KK number: 16 digits starting with a plausible region code.

    Returns (digits or None, error codes, district code 'pp.rr.dd').
    """
    digits = normalize(value)
    if not digits.isdigit() or not digits.isascii():
        return None, ["format_chars"], None
    if len(digits) != 16:
        return None, ["format_length"], None
    errors = []
    if digits[:2] not in PROVINCES:
        errors.append("province")
    if digits[2:4] == "00" or digits[4:6] == "00":
        errors.append("region_zero")
    district_code = f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}"
    return (None if errors else digits), errors, district_code
