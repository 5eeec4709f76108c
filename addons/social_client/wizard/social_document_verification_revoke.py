# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialDocumentVerificationRevoke(models.TransientModel):
    """Ask the reason of a revocation; the verification checks the role."""

    _name = "social.document.verification.revoke"
    _description = "Revoke Document"

    verification_ids = fields.Many2many(
        "social.document.verification",
        "social_document_verification_revoke_rel",
        "wizard_id",
        "verification_id",
        string="Documents",
        required=True,
    )
    reason = fields.Text(
        required=True,
        help="Shown on the public verification page: say why the document is no "
        "longer valid, without personal data.",
    )

    def action_revoke(self):
        self.ensure_one()
        self.verification_ids._revoke(self.reason)
        return {"type": "ir.actions.act_window_close"}
