# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialOutreachEventDay(models.Model):
    """One day of an outreach event: the queue numbers count per day, and
    this row is the lock that check-in desks take in turn."""

    _name = "social.outreach.event.day"
    _description = "Outreach Day (Date)"
    _order = "date, id"
    _check_company_auto = True

    event_id = fields.Many2one(
        "social.outreach.event",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="event_id.company_id", store=True, index=True, string="Office"
    )
    date = fields.Date(required=True)
    participant_ids = fields.One2many(
        "social.outreach.participant", "day_id", string="Checked In"
    )

    _date_unique = models.UniqueIndex(
        "(event_id, date)", "An event has one record per date."
    )

    def _compute_display_name(self):
        for day in self:
            day.display_name = fields.Date.to_string(day.date) if day.date else ""
