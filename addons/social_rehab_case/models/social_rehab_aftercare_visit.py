# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class SocialRehabAftercareVisit(models.Model):
    """An aftercare visit (bimbingan lanjut, seed 001, F) to the former client:
    planned on its own schedule; the reminder job schedules one activity per
    due visit, never two, however often it runs."""

    _name = "social.rehab.aftercare.visit"
    _description = "Aftercare Visit"
    _order = "date_planned, id"

    case_id = fields.Many2one(
        "social.rehab.case", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    client_id = fields.Many2one(related="case_id.client_id")
    user_id = fields.Many2one(
        "res.users", string="Visitor", default=lambda s: s.env.user
    )
    date_planned = fields.Date(string="Planned for", required=True, index=True)
    date_done = fields.Date(string="Visited on")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        index=True,
    )
    note = fields.Text(string="Progress Notes")
    reminder_date = fields.Datetime(
        string="Reminder Scheduled", readonly=True, copy=False
    )

    def write(self, vals):
        if "reminder_date" in vals and not self.env.su:
            raise UserError(self.env._("The reminder is scheduled by the server."))
        return super().write(vals)

    def action_done(self):
        self.write({"state": "done", "date_done": fields.Date.context_today(self)})

    @api.model
    def _cron_remind(self, lead_days=3):
        """Schedule one activity on the case for each visit due within
        ``lead_days``. The visits are locked (``FOR UPDATE SKIP LOCKED``) and
        marked in the same transaction: a second run, even a concurrent one,
        finds nothing left to remind."""
        limit = fields.Date.context_today(self) + timedelta(days=lead_days)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM social_rehab_aftercare_visit WHERE state = 'planned' "
                "AND reminder_date IS NULL AND date_planned <= %s "
                "ORDER BY id FOR UPDATE SKIP LOCKED",
                limit,
            )
        )
        visits = self.sudo().browse([row[0] for row in self.env.cr.fetchall()])
        if not visits:
            return 0
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id("social.rehab.case")
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": visit.case_id.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._(
                        "Aftercare visit to %(client)s",
                        client=visit.case_id.client_id.name,
                    ),
                    "date_deadline": visit.date_planned,
                    "user_id": (visit.user_id or visit.case_id.user_id).id,
                }
                for visit in visits
            ]
        )
        visits.write({"reminder_date": fields.Datetime.now()})
        return len(visits)
