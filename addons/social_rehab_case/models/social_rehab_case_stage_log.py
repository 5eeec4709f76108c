# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models
from odoo.exceptions import UserError


class SocialRehabCaseStageLog(models.Model):
    """One stay of a case in a stage, timed in the office's working days by
    the suite's service-time mixin; the stage's target days are its
    standard. Written by the stage workflow only (evidence)."""

    _name = "social.rehab.case.stage.log"
    _inherit = ["social.service.time.mixin"]
    _description = "Rehabilitation Case Stage Stay"
    _order = "date_start desc, id desc"

    case_id = fields.Many2one(
        "social.rehab.case", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="case_id.company_id", store=True, index=True, string="Office"
    )
    stage_id = fields.Many2one("social.rehab.stage", required=True, index=True)
    cluster_id = fields.Many2one(related="case_id.cluster_id", store=True)
    case_user_id = fields.Many2one(
        related="case_id.user_id", store=True, string="Social Worker"
    )

    def write(self, vals):
        if not self.env.su:
            raise UserError(
                self.env._("The days per stage are recorded by the case workflow only.")
            )
        return super().write(vals)
