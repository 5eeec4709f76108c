# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Shape checks of the values sent for a person (client or family member).

The web client sends well-typed values, an RPC caller anything: a number or a
list where text is expected, a NUL byte that PostgreSQL refuses, a name longer
than the duplicate-key index holds, an RT longer than three digits (which the
ORM would cut silently to the field's size). Each check returns an error code
or None; :func:`message` words the codes, in one place, with ``env._``.
The NIK and the KK number are checked by :mod:`.nik`.
"""

import datetime
import re
import unicodedata

from dateutil.relativedelta import relativedelta

from .nik import shown

# a name fits the btree duplicate-key index (about 2,700 bytes) with room to
# spare even in 4-byte characters; Permendagri 73/2022 allows 60 on a KTP
NAME_MAX_LENGTH = 200
MAX_AGE_YEARS = 130
_SHORT_NUMBER = re.compile(r"[0-9]{1,3}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def check_text(value):
    """Any text field: text (or empty), without the NUL PostgreSQL refuses."""
    if value is False or value is None:
        return None
    if not isinstance(value, str):
        return "type"
    if "\x00" in value:
        return "nul"
    return None


def check_name(value):
    """A person's name: text, not blank, no control characters, not too long."""
    if value is False or value is None:
        return "name_required"
    if not isinstance(value, str):
        return "type"
    if not value.strip():
        return "name_blank"
    if len(value) > NAME_MAX_LENGTH:
        return "name_too_long"
    if any(unicodedata.category(char) == "Cc" for char in value):
        return "name_control"
    return None


def check_short_number(value):
    """RT and RW: one to three ASCII digits, refused (not cut) when longer."""
    if value is False or value is None:
        return None
    if not isinstance(value, str):
        return "type"
    if not value.strip():
        return "short_number_blank"
    if not _SHORT_NUMBER.fullmatch(value):
        return "short_number"
    return None


def to_date(value):
    """(date or None, error code or None) from what a caller sent as a date."""
    if value is False or value is None or value == "":
        return None, None
    if isinstance(value, datetime.datetime):
        return value.date(), None
    if isinstance(value, datetime.date):
        return value, None
    if not isinstance(value, str):
        return None, "date_type"
    if not _DATE.fullmatch(value):
        return None, "date_format"
    try:
        return datetime.date.fromisoformat(value), None
    except ValueError:
        return None, "date_format"


def check_birth_date(value, today):
    """A birth date: not after ``today``, not more than 130 years before it."""
    if not value:
        return None
    if value > today:
        return "birth_date_future"
    if value < today - relativedelta(years=MAX_AGE_YEARS):
        return "birth_date_too_old"
    return None


def message(env, code, label="", value=None):
    """Word ``code`` for the field labelled ``label`` holding ``value``."""
    shown_value = shown(value) if value is not None else ""
    if code == "type":
        return env._("%(field)s must be sent as text.", field=label)
    if code == "nul":
        return env._("%(field)s cannot contain a NUL character.", field=label)
    if code == "name_required":
        return env._("Enter the name.")
    if code == "name_blank":
        return env._("The name cannot be empty or only spaces.")
    if code == "name_too_long":
        return env._(
            "The name may have at most %(max)s characters, not %(length)s.",
            max=NAME_MAX_LENGTH,
            length=len(value),
        )
    if code == "name_control":
        return env._(
            "The name cannot contain line breaks, tabs or other control characters."
        )
    if code == "short_number_blank":
        return env._(
            "%(field)s cannot be only spaces: enter up to 3 digits or leave it empty.",
            field=label,
        )
    if code == "short_number":
        return env._(
            "%(field)s must be a number of at most 3 digits, not %(value)s.",
            field=label,
            value=shown_value,
        )
    if code in ("date_type", "date_format"):
        return env._(
            "%(field)s must be a date written year-month-day, not %(value)s.",
            field=label,
            value=shown_value,
        )
    if code == "birth_date_future":
        return env._("The birth date %(date)s lies in the future.", date=value)
    if code == "birth_date_too_old":
        return env._(
            "The birth date %(date)s is more than %(years)s years ago: check the year.",
            date=value,
            years=MAX_AGE_YEARS,
        )
    return env._("%(field)s is not valid.", field=label)
