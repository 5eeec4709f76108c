# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64

from odoo import models
from odoo.exceptions import UserError

from .social_recommendation import PRINTABLE_STATES

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
    """The recommendation letter: its number, its stored PDF, its signatures."""

    _inherit = "social.recommendation"

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
        self._check_state(list(PRINTABLE_STATES), self.env._("Printing the letter"))
        return self.env.ref(
            "social_recommendation.social_recommendation_letter_report"
        ).report_action(self)

    def _attach_letter(self):
        """Render the issued letter and keep it as an attachment."""
        report = self.env["ir.actions.report"]
        report_name = "social_recommendation.report_recommendation_letter"
        for rec in self:
            content, file_type = report._render_qweb_pdf(report_name, rec.ids)
            filename = self.env._(
                "Recommendation %(number)s", number=rec.letter_number.replace("/", "-")
            )
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{filename}.{file_type}",
                    "datas": base64.b64encode(content),
                    "res_model": rec._name,
                    "res_id": rec.id,
                    "mimetype": "application/pdf"
                    if file_type == "pdf"
                    else "text/html",
                }
            )
            rec._write_workflow({"letter_attachment_id": attachment.id})
            rec.message_post(
                body=self.env._("Letter %(number)s issued.", number=rec.letter_number),
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
