# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import UserError


class SocialRehabCase(models.Model):
    """The aftercare schedule of a case and its visits."""

    _inherit = "social.rehab.case"

    aftercare_interval_months = fields.Integer(
        string="Aftercare Every (months)", default=1
    )
    aftercare_visit_count = fields.Integer(string="Aftercare Visits to Plan", default=3)

    def action_plan_aftercare(self):
        """Plan the aftercare visits of the case on its schedule."""
        today = fields.Date.context_today(self)
        vals = []
        for case in self:
            if case.stage_kind not in ("aftercare", "termination"):
                raise UserError(
                    self.env._(
                        "Aftercare visits are planned from the termination or "
                        "aftercare stage."
                    )
                )
            vals += [
                {
                    "case_id": case.id,
                    "user_id": case.user_id.id,
                    "date_planned": today
                    + relativedelta(months=case.aftercare_interval_months * (i + 1)),
                }
                for i in range(max(case.aftercare_visit_count, 0))
            ]
        self.env["social.rehab.aftercare.visit"].create(vals)
        return True
