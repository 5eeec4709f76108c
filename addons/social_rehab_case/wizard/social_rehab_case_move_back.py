# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.social_rehab_case_gate import move_reason


class SocialRehabCaseMoveBack(models.TransientModel):
    """Move a case back to an earlier stage, or reopen a closed case, with a
    reason recorded in the chatter."""

    _name = "social.rehab.case.move.back"
    _description = "Move a Rehabilitation Case Back"

    case_id = fields.Many2one("social.rehab.case", required=True)
    current_stage_id = fields.Many2one(related="case_id.stage_id")
    stage_id = fields.Many2one(
        "social.rehab.stage",
        string="Back to",
        required=True,
        domain="[('sequence', '<', current_stage_sequence)]",
    )
    current_stage_sequence = fields.Integer(related="case_id.stage_id.sequence")
    reason = fields.Text(required=True)

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        case = self.env["social.rehab.case"].browse(
            res.get("case_id") or self.env.context.get("active_id")
        )
        if case:
            res["case_id"] = case.id
            previous = self.env["social.rehab.stage"].search(
                [("sequence", "<", case.stage_id.sequence)],
                order="sequence desc",
                limit=1,
            )
            res["stage_id"] = previous.id
        return res

    def action_confirm(self):
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Say why the case moves back."))
        with move_reason(self.reason.strip()):
            self.case_id.write({"stage_id": self.stage_id.id})
        return {"type": "ir.actions.act_window_close"}
