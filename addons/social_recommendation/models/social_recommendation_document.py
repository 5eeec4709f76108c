# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .social_recommendation import EDITABLE_STATES


class SocialRecommendationDocument(models.Model):
    """A document of the file of a recommendation (KTP, KK, SKTM, ...)."""

    _name = "social.recommendation.document"
    _description = "Recommendation Document"
    _order = "recommendation_id, document_type_id, id"
    _rec_name = "document_type_id"

    recommendation_id = fields.Many2one(
        "social.recommendation",
        string="Recommendation",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="recommendation_id.company_id", store=True, index=True
    )
    document_type_id = fields.Many2one(
        "social.recommendation.document.type",
        string="Document Type",
        required=True,
        ondelete="restrict",
    )
    file = fields.Binary(required=True, attachment=True)
    file_name = fields.Char()
    note = fields.Char()

    def _check_recommendation_editable(self):
        for recommendation in self.recommendation_id:
            if recommendation.state not in EDITABLE_STATES:
                raise UserError(
                    self.env._(
                        "The documents of %(name)s can no longer be changed: the "
                        "administrative check has passed.",
                        name=recommendation.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_recommendation_editable()
        return records

    def write(self, vals):
        self._check_recommendation_editable()
        res = super().write(vals)
        if "recommendation_id" in vals:
            self._check_recommendation_editable()
        return res

    def unlink(self):
        self._check_recommendation_editable()
        return super().unlink()
