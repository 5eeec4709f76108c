# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The date as an Indonesian official letter writes it (5 Januari 2025)."""

from babel.dates import format_date


def format_letter_date(value):
    """``5 Januari 2025`` for a date (or datetime), ``""`` for none: the month
    names of the Indonesian locale (babel, Unicode CLDR), whatever the user's
    language, since a letter of the office is written in Indonesian."""
    if not value:
        return ""
    return format_date(value, format="d MMMM y", locale="id")
