# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models
from odoo.exceptions import AccessError


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    social_holiday_date = fields.Date(
        string="National Holiday Date",
        readonly=True,
        copy=False,
        help="The national holiday or collective leave day this time off was "
        "loaded for. The loader skips a day already loaded on the calendar, so "
        "the office's edits are kept: to work on such a day, set the type to "
        "Other instead of deleting the line.",
    )
    social_holiday_category = fields.Selection(
        [("public", "National holiday"), ("collective", "Collective leave")],
        string="Holiday Type",
        readonly=True,
        copy=False,
    )

    _social_holiday_unique = models.UniqueIndex(
        "(calendar_id, social_holiday_date) WHERE social_holiday_date IS NOT NULL",
        "This national holiday is already loaded on these working hours.",
    )

    def action_social_load_national_holidays(self):
        """Button: load this year's and next year's national holidays and cuti
        bersama on the working hours of the offices the user works in."""
        if not self.env.user.has_group("social_client.group_social_manager"):
            raise AccessError(
                self.env._("Only the administrator loads the national holidays.")
            )
        calendars = self.env.companies.resource_calendar_id
        leaves = calendars._social_load_national_holidays()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s national holidays and collective leave days loaded.",
                    count=len(leaves),
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
