# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import logging
from datetime import datetime, time

from pytz import timezone, utc

from odoo import api, fields, models
from odoo.fields import Command

_logger = logging.getLogger(__name__)

try:
    import holidays
except ImportError:  # pragma: no cover - declared in external_dependencies
    holidays = None

# Office hours of an Indonesian government office (Perpres 21/2023: five
# working days, 37.5 hours a week without breaks): Monday to Thursday
# 07:30-16:00 with a break at 12:00-13:00, Friday 07:30-16:30 with the longer
# Friday-prayer break at 11:30-13:00. Each office can adapt its calendar.
OFFICE_HOURS = {
    "0": ((7.5, 12.0), (13.0, 16.0)),
    "1": ((7.5, 12.0), (13.0, 16.0)),
    "2": ((7.5, 12.0), (13.0, 16.0)),
    "3": ((7.5, 12.0), (13.0, 16.0)),
    "4": ((7.5, 11.5), (13.0, 16.5)),
}
INDONESIAN_TZ = ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura")


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    @api.model
    def _social_office_calendar_values(self, company):
        """Values of the working hours of a Dinas Sosial office
        (``OFFICE_HOURS``), in the office's Indonesian time zone (WIB when the
        office has none)."""
        tz = company.partner_id.tz
        Attendance = self.env["resource.calendar.attendance"]
        day_labels = dict(
            Attendance._fields["dayofweek"]._description_selection(self.env)
        )
        period_labels = dict(
            Attendance._fields["day_period"]._description_selection(self.env)
        )
        attendances = []
        for day, ((m_from, m_to), (a_from, a_to)) in OFFICE_HOURS.items():
            for period, hour_from, hour_to in (
                ("morning", m_from, m_to),
                ("lunch", m_to, a_from),
                ("afternoon", a_from, a_to),
            ):
                attendances.append(
                    Command.create(
                        {
                            "name": f"{day_labels[day]} {period_labels[period]}",
                            "dayofweek": day,
                            "day_period": period,
                            "hour_from": hour_from,
                            "hour_to": hour_to,
                        }
                    )
                )
        return {
            "name": self.env._("Dinas Sosial Office Hours"),
            "company_id": company.id,
            "tz": tz if tz in INDONESIAN_TZ else "Asia/Jakarta",
            "full_time_required_hours": 37.5,
            "attendance_ids": attendances,
        }

    # ------------------------------------------------------------------
    # National holidays and collective leave (cuti bersama)
    # ------------------------------------------------------------------

    @api.model
    def _social_national_holidays(self, years):
        """{date: (name, category)} of Indonesia's national holidays
        ("public") and collective leave days ("collective") of ``years``,
        named in Indonesian, from the ``holidays`` package."""
        if holidays is None:
            _logger.warning("The holidays package is missing: no holiday loaded.")
            return {}
        days = {
            day: (name, "collective")
            for day, name in holidays.country_holidays(
                "ID", years=years, categories=(holidays.GOVERNMENT,), language="id"
            ).items()
        }
        days.update(
            (day, (name, "public"))
            for day, name in holidays.country_holidays(
                "ID", years=years, categories=(holidays.PUBLIC,), language="id"
            ).items()
        )
        return days

    @api.model
    def _social_company_calendars(self):
        """The working hours of every office (company)."""
        return self.env["res.company"].search([]).resource_calendar_id  # pylint: disable=no-search-all  # every office is meant

    def _social_load_national_holidays(self, years=None):
        """Load the national holidays and cuti bersama of ``years`` (default:
        this year and the next) as global time off of the calendars ``self``.

        Idempotent: a day already loaded on a calendar (even if edited, moved
        or turned into working time since) or already covered by a global time
        off entered by hand is skipped, so re-running creates no duplicate
        and keeps the office's edits. Returns the time off created.
        """
        Leave = self.env["resource.calendar.leaves"]
        if not self:
            return Leave
        if not years:
            this_year = fields.Date.context_today(self).year
            years = [this_year, this_year + 1]
        days = self._social_national_holidays(years)
        if not days:
            return Leave
        first, last = min(days), max(days)
        existing = Leave.search(
            [
                ("calendar_id", "in", self.ids),
                ("resource_id", "=", False),
                "|",
                ("social_holiday_date", "in", list(days)),
                "&",
                ("date_from", "<=", datetime.combine(last, time.max)),
                ("date_to", ">=", datetime.combine(first, time.min)),
            ]
        )
        by_calendar = existing.grouped("calendar_id")
        vals_list = []
        for calendar in self:
            tz = timezone(calendar.tz or "Asia/Jakarta")
            leaves = by_calendar.get(calendar, Leave)
            loaded = set(leaves.mapped("social_holiday_date"))
            for day, (name, category) in sorted(days.items()):
                if day in loaded:
                    continue
                start = tz.localize(datetime.combine(day, time.min))
                stop = tz.localize(datetime.combine(day, time(23, 59, 59)))
                start = start.astimezone(utc).replace(tzinfo=None)
                stop = stop.astimezone(utc).replace(tzinfo=None)
                noon = start + (stop - start) / 2
                if any(lv.date_from <= noon <= lv.date_to for lv in leaves):
                    continue  # entered by hand
                vals_list.append(
                    {
                        "name": name,
                        "calendar_id": calendar.id,
                        "date_from": start,
                        "date_to": stop,
                        "time_type": "leave",
                        "social_holiday_date": day,
                        "social_holiday_category": category,
                    }
                )
        return Leave.create(vals_list)

    @api.model
    def _cron_social_load_national_holidays(self):
        """Yearly: this year's and next year's holidays on every office."""
        self._social_company_calendars()._social_load_national_holidays()
