# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
    social_workflow,
)


class SocialRehabEvaluation(models.Model):
    """The evaluation of a case against the goals of its approved plan."""

    _name = "social.rehab.evaluation"
    _description = "Rehabilitation Evaluation"
    _order = "date desc, id desc"

    case_id = fields.Many2one(
        "social.rehab.case", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    plan_id = fields.Many2one("social.rehab.plan", string="Plan Version", readonly=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users", string="Evaluated by", default=lambda s: s.env.user, readonly=True
    )
    summary = fields.Text()
    line_ids = fields.One2many(
        "social.rehab.evaluation.line", "evaluation_id", string="Goals"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Completed")],
        default="draft",
        required=True,
        readonly=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not in_social_workflow(self.env) and any("state" in v for v in vals_list):
            raise UserError(self.env._("An evaluation is completed by its button."))
        evaluations = super().create(vals_list)
        for evaluation in evaluations.filtered(lambda e: not e.line_ids):
            plan = evaluation.case_id.plan_ids.filtered(
                lambda p: p.state == "approved"
            )[:1]
            # sudo: link to the approved plan of a case the user may write
            evaluation.sudo().plan_id = plan
            evaluation.line_ids = [
                fields.Command.create({"plan_line_id": line.id, "goal": line.goal})
                for line in plan.line_ids
            ]
        return evaluations

    def write(self, vals):
        if not in_social_workflow(self.env):
            if "state" in vals:
                raise UserError(self.env._("An evaluation is completed by its button."))
            if self.filtered(lambda e: e.state == "done"):
                raise UserError(self.env._("A completed evaluation stays as it is."))
        return super().write(vals)

    def action_done(self):
        for evaluation in self:
            if not evaluation.line_ids or evaluation.line_ids.filtered(
                lambda line: not line.result
            ):
                raise UserError(
                    self.env._(
                        "Give the result of every goal (achieved, partly achieved, "
                        "not achieved) before completing the evaluation."
                    )
                )
        with social_workflow():
            self.write({"state": "done"})
