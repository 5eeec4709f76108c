# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SocialRehabEvaluationLine(models.Model):
    """The result of one goal of the plan."""

    _name = "social.rehab.evaluation.line"
    _description = "Evaluation of a Plan Goal"

    evaluation_id = fields.Many2one(
        "social.rehab.evaluation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    plan_line_id = fields.Many2one("social.rehab.plan.line", string="Plan Goal")
    goal = fields.Char(required=True)
    result = fields.Selection(
        [
            ("achieved", "Achieved"),
            ("partly", "Partly achieved"),
            ("not_achieved", "Not achieved"),
        ]
    )
    note = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        evaluations = self.env["social.rehab.evaluation"].browse(
            [v["evaluation_id"] for v in vals_list if v.get("evaluation_id")]
        )
        self._check_draft(evaluations)
        return super().create(vals_list)

    def write(self, vals):
        self._check_draft(self.evaluation_id)
        return super().write(vals)

    def _check_draft(self, evaluations):
        if evaluations.filtered(lambda e: e.state == "done"):
            raise UserError(self.env._("A completed evaluation stays as it is."))
