# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.tools.letter_date import format_letter_date

from ..models.social_recommendation import PRINTABLE_STATES


class SocialRecommendationLetter(models.AbstractModel):
    """Values of the recommendation letter; refuses letters not yet approved.

    What the template prints beyond the record's own fields is prepared here,
    per letter (``letters[doc.id]``): the date, the initials (paraf), the
    signature and, once issued, the verification code with its QR code.
    """

    _name = "report.social_recommendation.report_recommendation_letter"
    _description = "Recommendation Letter"

    @api.model
    def _format_date_id(self, value):
        """An Indonesian official letter writes dates as 5 Januari 2025."""
        return format_letter_date(value)

    @api.model
    def _local_date(self, record, value=None):
        """The date in the user's time zone of a datetime (default: now)."""
        return fields.Datetime.context_timestamp(
            record, value or fields.Datetime.now()
        ).date()

    @api.model
    def _letter_values(self, docs):
        verification = docs._social_verification_report_values()
        letters = {}
        for doc in docs:
            parafs, signature = doc._letter_signoffs()
            letters[doc.id] = {
                "date": self._format_date_id(doc.letter_date or self._local_date(doc)),
                "parafs": [
                    {
                        "initials": "".join(
                            word[:1] for word in (paraf.done_by.name or "").split()
                        ),
                        "official": paraf.name,
                        "name": paraf.done_by.name,
                        "date": self._format_date_id(
                            self._local_date(doc, paraf.reviewed_date)
                        ),
                    }
                    for paraf in parafs
                ],
                "signer": signature.done_by,
                # code, url and qr (data URI) once issued, else None
                "verification": verification.get(doc.id),
            }
        return letters

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["social.recommendation"].browse(docids)
        not_approved = docs.filtered(lambda d: d.state not in PRINTABLE_STATES)
        if not_approved:
            raise UserError(
                self.env._(
                    "A recommendation letter can be printed only once it is "
                    "approved: %(names)s is not.",
                    names=", ".join(not_approved.mapped("name")),
                )
            )
        return {
            "doc_ids": docs.ids,
            "doc_model": "social.recommendation",
            "docs": docs,
            "letters": self._letter_values(docs),
            "format_date_id": self._format_date_id,
        }
