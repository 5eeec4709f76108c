# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models
from odoo.exceptions import UserError

RECAP_REPORT = "social_outreach.social_outreach_event_recap_report"


class SocialOutreachEvent(models.Model):
    """The event's reports: the verifiable PDF recap, the participant XLSX."""

    _inherit = "social.outreach.event"

    def action_print_recap(self):
        """Issue the recap of a closed day (once: later prints give the
        stored file) with its verification QR."""
        self.ensure_one()
        self.check_access("write")
        if self.state != "done":
            raise UserError(
                self.env._(
                    "The recap of %(event)s is issued once the day is closed.",
                    event=self.display_name,
                )
            )
        if not self.verification_id:
            self._social_verification_issue(
                kind=self.env._("Outreach Day Recap"),
                number=self.number,
                date=self.date_end,
                signer_name=self.env.user.name,
                revoke_group_xmlid="social_client.group_social_kasi",
                signer=self.env.user,
                report=RECAP_REPORT,
            )
            attachment = self._social_verification_attach(
                self.env._(
                    "Outreach Recap %(name)s", name=self.number.replace("/", "-")
                )
            )
            self.message_post(
                body=self.env._(
                    "Recap issued, verification code %(code)s.",
                    code=self.verification_code,
                ),
                attachment_ids=attachment.ids,
            )
        else:
            # sudo: the stored file of the issued recap, the reader may see it
            attachment = self.verification_id.sudo().attachment_id
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def action_print_participants_xlsx(self):
        self.ensure_one()
        return self.env.ref(
            "social_outreach.social_outreach_participant_xlsx_report"
        ).report_action(self.participant_ids)
