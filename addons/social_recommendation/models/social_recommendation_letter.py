# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models
from odoo.exceptions import UserError

LETTER_REPORT = "social_recommendation.social_recommendation_letter_report"
KADIS = "social_client.group_social_kadis"
ROMAN_MONTHS = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
)


class SocialRecommendation(models.Model):
    """The recommendation letter: its number, its signatures, and the issued
    letter kept read-only with its public verification code
    (``social.verifiable.mixin``)."""

    _name = "social.recommendation"
    _inherit = ["social.recommendation", "social.verifiable.mixin"]

    def _next_letter_number(self, date):
        self.ensure_one()
        seq = (
            self.env["ir.sequence"]
            .with_company(self.company_id)
            .next_by_code("social.recommendation.letter", sequence_date=date)
        )
        if not seq:
            raise UserError(
                self.env._("The sequence of recommendation letters is missing.")
            )
        return self.company_id.recommendation_number_pattern.format(
            seq=seq,
            year=date.year,
            month=f"{date.month:02d}",
            roman_month=ROMAN_MONTHS[date.month - 1],
        )

    def action_print_letter(self):
        """The issued letter as it was issued (its stored PDF); before the issue,
        a rendering of the approved letter, without number nor QR code."""
        self._check_allowed("can_print_letter", self.env._("Printing the letter"))
        if len(self) == 1 and self.letter_attachment_id:
            return {
                "type": "ir.actions.act_url",
                "url": f"/web/content/{self.letter_attachment_id.id}?download=true",
                "target": "self",
            }
        return self.env.ref(LETTER_REPORT).report_action(self)

    def _attach_letter(self):
        """Record the issued letter for its public verification, render it with
        its QR code and keep the PDF read-only."""
        for rec in self:
            # the letter, its kind and its messages in the user's language, also
            # where the context has none
            rec = rec._fallback_lang()
            signature = rec._letter_signoffs()[1]
            if not signature:
                raise UserError(
                    self.env._(
                        "%(name)s has no signature of the Kadis: the letter cannot "
                        "be issued.",
                        name=rec.name,
                    )
                )
            rec._social_verification_issue(
                kind=rec.env._("Recommendation Letter"),
                number=rec.letter_number,
                date=rec.letter_date,
                signer_name=signature.done_by.name,
                revoke_group_xmlid=KADIS,
                signer=signature.done_by,
                report=LETTER_REPORT,
            )
            attachment = rec._social_verification_attach(
                rec.env._(
                    "Recommendation %(number)s",
                    number=rec.letter_number.replace("/", "-"),
                )
            )
            rec._write_workflow({"letter_attachment_id": attachment.id})
            rec.message_post(
                body=rec.env._(
                    "Letter %(number)s issued, verification code %(code)s.",
                    number=rec.letter_number,
                    code=rec.verification_code,
                ),
                attachment_ids=attachment.ids,
            )

    def _letter_signoffs(self):
        """Approved reviews for the letter: the parafs and the signature."""
        self.ensure_one()
        approved = self.review_ids.filtered(lambda r: r.status == "approved").sorted(
            "sequence"
        )
        parafs = approved.filtered(
            lambda r: r.definition_id.recommendation_signoff == "paraf"
        )
        signature = approved.filtered(
            lambda r: r.definition_id.recommendation_signoff == "signature"
        )[-1:]
        return parafs, signature
