# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models
from odoo.exceptions import UserError

from ..models.social_recommendation import PRINTABLE_STATES

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


class SocialRecommendationLetter(models.AbstractModel):
    """Values of the recommendation letter; refuses letters not yet approved."""

    _name = "report.social_recommendation.report_recommendation_letter"
    _description = "Recommendation Letter"

    @api.model
    def _format_date_id(self, value):
        """An Indonesian official letter writes dates as 5 Januari 2025."""
        if not value:
            return ""
        return f"{value.day} {MONTHS_ID[value.month - 1]} {value.year}"

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
            "format_date_id": self._format_date_id,
        }
