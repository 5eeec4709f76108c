# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.social_client.tools.letter_date import format_letter_date


class SocialTrcLetterReport(models.AbstractModel):
    """Values of the assignment letter; refuses letters not signed."""

    _name = "report.social_trc_fleet.report_trc_letter"
    _description = "Assignment Letter"

    @api.model
    def _format_date_id(self, value):
        return format_letter_date(value)

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["social.trc.letter"].browse(docids)
        if any(doc.state != "signed" for doc in docs):
            raise UserError(self.env._("Only a signed assignment letter is printed."))
        verification = docs._social_verification_report_values()
        letters = {
            doc.id: {
                "date": self._format_date_id(doc.date),
                "start": self._format_date_id(doc.date_start),
                "end": self._format_date_id(doc.date_end),
                "verification": verification.get(doc.id),
                # the officers as printed: name, NIP, position (sudo: the
                # reader of the letter reads what the letter says)
                "officers": [
                    {
                        "name": emp.name,
                        "nip": emp.nip or "-",
                        "job": emp.trc_position or "-",
                    }
                    for emp in doc.employee_ids.sudo()
                ],
            }
            for doc in docs
        }
        return {
            "doc_ids": docids,
            "doc_model": "social.trc.letter",
            "docs": docs,
            "letters": letters,
        }
