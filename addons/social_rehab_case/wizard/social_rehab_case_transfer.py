# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

from ..models.social_rehab_case_gate import transfer_reason


class SocialRehabCaseTransfer(models.TransientModel):
    """Hand a case over to another social worker, with the reason, recorded
    in the chatter. The caseload limit of the new worker applies unless a
    Kasi transfers."""

    _name = "social.rehab.case.transfer"
    _description = "Transfer a Rehabilitation Case"

    case_id = fields.Many2one(
        "social.rehab.case",
        required=True,
        default=lambda s: s.env.context.get("active_id"),
    )
    user_id = fields.Many2one(
        "res.users",
        string="New Social Worker",
        required=True,
        domain=lambda self: [
            ("all_group_ids", "in", self.env.ref("social_client.group_social_user").id)
        ],
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        case = self.case_id
        if self.user_id == case.user_id:
            raise UserError(
                self.env._("The case is already with %(user)s.", user=self.user_id.name)
            )
        if not (self.reason or "").strip():
            raise UserError(self.env._("Say why the case is transferred."))
        old = case.user_id
        case.message_post(
            body=Markup("%s<br/>%s")
            % (
                self.env._(
                    "Case transferred from %(old)s to %(new)s.",
                    old=old.name,
                    new=self.user_id.name,
                ),
                self.env._("Reason: %(reason)s", reason=self.reason.strip()),
            )
        )
        with transfer_reason(self.reason.strip()):
            case.write({"user_id": self.user_id.id})
        return {"type": "ir.actions.act_window_close"}
