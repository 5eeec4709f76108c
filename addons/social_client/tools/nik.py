# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""NIK and KK numbers: normalisation, structure checks and their messages.

Both numbers are parsed into one result type, :class:`IdentityNumber`, whose
error codes are worded in ONE place, :func:`message`, with the ``_`` of the
caller's environment (so in the user's language). The models ask this module
for their messages and never word a NIK or KK error themselves.

On top of lokal-id's parser: input with letters is refused instead of being
silently cleaned, a value that is not text (a number or a list sent over RPC)
is refused instead of failing, and the century is the one that does not put
the birth in the future (lokal-id and python-stdnum both take 20yy for any yy
up to this year's, so a NIK of December 2026 read in November 2026 would be
born in the future).
"""

import datetime
import re
from dataclasses import dataclass, field

from lokal import parse_nik as lokal_parse_nik
from lokal.provinces import PROVINCES

NIK = "nik"
KK = "kk"
LENGTH = 16
SHOWN_LENGTH = 24  # a hostile 1 MB value is not echoed back whole

_SPACES = re.compile(r"\s+")
_LOKAL_CODES = {
    "province": "province",
    "wilayah": "region_zero",
    "birth_date": "birth_date",
    "serial": "serial",
}


@dataclass
class IdentityNumber:
    """A NIK or a KK number as parsed; ``errors`` holds codes, first one first.

    Codes: type (not text), blank (spaces only), format_chars, format_length,
    province, region_zero, birth_date, serial (NIK only).
    """

    kind: str
    value: object = None  # as given
    number: str | None = None  # the 16 digits, once the format is right
    errors: list = field(default_factory=list)
    length: int = 0
    province_code: str | None = None
    regency_code: str | None = None
    district_code: str | None = None
    gender: str | None = None  # NIK only: 'male' / 'female'
    birth_date: datetime.date | None = None  # NIK only

    @property
    def valid(self):
        return not self.errors

    def message(self, env, code=None, **params):
        """The first error (or ``code``) in the user's words, None when valid."""
        if not code and not self.errors:
            return None
        return message(env, self, code, **params)


def normalize(value):
    """Drop the spaces people type between digit groups; keep everything else.

    Returns None for a value that is not text (numbers, lists, dicts).
    """
    if not isinstance(value, str):
        return None
    return _SPACES.sub("", value)


def shown(value):
    """The value as put in a message: text, and not longer than a NIK or so."""
    text = value if isinstance(value, str) else repr(value)
    text = text.strip()
    if len(text) > SHOWN_LENGTH:
        text = text[: SHOWN_LENGTH - 1] + "…"
    return text


def _parse_format(kind, value):
    """The checks both numbers share: text, not blank, 16 ASCII digits."""
    result = IdentityNumber(kind=kind, value=value)
    digits = normalize(value)
    if digits is None:
        result.errors.append("type")
        return result
    result.length = len(digits)
    if not digits:
        result.errors.append("blank")
    elif not digits.isdigit() or not digits.isascii():
        result.errors.append("format_chars")
    elif len(digits) != LENGTH:
        result.errors.append("format_length")
    else:
        result.number = digits
        result.province_code = digits[:2]
        result.regency_code = f"{digits[:2]}.{digits[2:4]}"
        result.district_code = f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}"
    return result


def parse_nik(value, today=None):
    """Check a NIK: 16 digits, known province, real birth date, serial not 0000.

    The birth date is read with the century that does not put it after
    ``today`` (default: the current date).
    """
    today = today or datetime.date.today()
    result = _parse_format(NIK, value)
    if not result.number:
        return result
    info = lokal_parse_nik(result.number, reference_date=today)
    result.errors.extend(_LOKAL_CODES.get(i.code, i.code) for i in info.errors)
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
    """Check a KK number: 16 digits starting with a plausible region code."""
    result = _parse_format(KK, value)
    if not result.number:
        return result
    if result.province_code not in PROVINCES:
        result.errors.append("province")
    if result.number[2:4] == "00" or result.number[4:6] == "00":
        result.errors.append("region_zero")
    return result


def parse(kind, value, today=None):
    return parse_nik(value, today=today) if kind == NIK else parse_kk(value)


def birth_date_agrees(result, birth_date):
    """A birth date entered by hand agrees with the NIK's.

    The NIK does not write the century: a date 100 years off, same day and
    month, is the same NIK (a centenarian read as a child, or the reverse).
    """
    nik_date = result.birth_date
    if not birth_date or not nik_date:
        return True
    return birth_date == nik_date or (
        (birth_date.month, birth_date.day) == (nik_date.month, nik_date.day)
        and abs(birth_date.year - nik_date.year) == 100
    )


def region_unknown_warning(env):
    """The onchange warning for a NIK whose district code is not (any more) in
    the Kepmendagri list: a warning, never a refusal (regions split)."""
    return {
        "title": env._("Unknown region code"),
        "message": env._(
            "The region code of this NIK is not in the current Kepmendagri list. It "
            "may be an old code from before a region was split: check the address."
        ),
    }


def message(env, result, code=None, **params):
    """Word an error code of ``result`` with ``env._``: the one place they are.

    ``code`` defaults to the first error; besides the parse codes it takes
    ``birth_date_contradiction`` (params: date) and ``gender_contradiction``
    (params: name).
    """
    code = code or result.errors[0]
    value = shown(result.value)
    if result.kind == KK:
        if code == "type":
            return env._("The KK number must be sent as text of 16 digits.")
        if code == "blank":
            return env._(
                "The KK number cannot be only spaces: enter its 16 digits or "
                "leave it empty."
            )
        if code in ("format_chars", "format_length"):
            return env._("The KK number %(kk)s must have exactly 16 digits.", kk=value)
        return env._(
            "The KK number %(kk)s must start with a region code (province, "
            "regency and district).",
            kk=value,
        )
    if code == "type":
        return env._("The NIK must be sent as text of 16 digits.")
    if code == "blank":
        return env._(
            "The NIK cannot be only spaces: enter its 16 digits or leave it empty."
        )
    if code == "format_chars":
        return env._("The NIK %(nik)s may contain digits only.", nik=value)
    if code == "format_length":
        return env._(
            "The NIK %(nik)s must have exactly 16 digits, not %(length)s.",
            nik=value,
            length=result.length,
        )
    if code == "province":
        return env._("The NIK %(nik)s starts with an unknown province code.", nik=value)
    if code == "region_zero":
        return env._(
            "The regency and district codes of NIK %(nik)s cannot be 00.", nik=value
        )
    if code == "birth_date":
        return env._(
            "The birth date in NIK %(nik)s is not a real calendar date.", nik=value
        )
    if code == "serial":
        return env._("The serial number of NIK %(nik)s cannot be 0000.", nik=value)
    if code == "birth_date_contradiction":
        return env._(
            "The birth date %(date)s contradicts the NIK %(nik)s, which encodes "
            "%(nik_date)s.",
            date=params["date"],
            nik=value,
            nik_date=result.birth_date,
        )
    if code == "gender_contradiction":
        return env._(
            "The sex of %(name)s contradicts the NIK %(nik)s (for women the day "
            "of birth is written plus 40).",
            name=params["name"],
            nik=value,
        )
    return env._("The NIK %(nik)s is not valid.", nik=value)
