# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.social_client.models.social_tier_validation import social_workflow


class SocialRehabCase(models.Model):
    """Closure and reopening of a case (the closure approved by a Kasi)."""

    _inherit = "social.rehab.case"

    def action_request_closure(self):
        self.ensure_one()
        if self.closure_ids.filtered(lambda c: c.state in ("to_approve", "approved")):
            raise UserError(
                self.env._(
                    "The closure of %(case)s is already requested or approved.",
                    case=self.name,
                )
            )
        closure = self.closure_ids.filtered(lambda c: c.state == "draft")[:1]
        if not closure:
            with social_workflow():
                closure = self.env["social.rehab.closure"].create({"case_id": self.id})
        closure.action_request_approval()
        return True

    @api.model
    def _reopen_closures(self, cases):
        closures = cases.closure_ids.filtered(lambda c: c.state == "approved")
        closures._social_workflow_write({"state": "reopened"})
