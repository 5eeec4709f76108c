# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

CASE_FILE_REPORT = "social_rehab_case.social_rehab_case_file_report"


class SocialRehabCase(models.Model):
    """The PDF case file, issued with the suite's verification QR code: each
    issue is a dated, read-only snapshot of the case."""

    _name = "social.rehab.case"
    _inherit = ["social.rehab.case", "social.verifiable.mixin"]

    def action_print_case_file(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        signer = self.supervisor_id or self.env.user
        self._social_verification_issue(
            kind=self.env._("Rehabilitation Case File"),
            number=self.name,
            date=today,
            signer_name=signer.name,
            revoke_group_xmlid="social_client.group_social_kasi",
            signer=signer,
            report=CASE_FILE_REPORT,
        )
        attachment = self._social_verification_attach(
            self.env._("Case File %(name)s", name=self.name.replace("/", "-"))
        )
        self.message_post(
            body=self.env._(
                "Case file issued, verification code %(code)s.",
                code=self.verification_code,
            ),
            attachment_ids=attachment.ids,
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
