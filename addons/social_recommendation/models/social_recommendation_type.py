# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialRecommendationType(models.Model):
    """Kind of recommendation, e.g. placement in a nursing home.

    As in SOP No. 800/13-c/Dinsos.C/2023 of the Dinas Sosial Kabupaten Lamandau.
    """

    _name = "social.recommendation.type"
    _description = "Recommendation Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    letter_subject = fields.Char(
        translate=True,
        help="Subject (perihal) printed on the letter; the type name when empty.",
    )
    letter_basis = fields.Text(
        string="Legal Basis",
        translate=True,
        help="Basis (dasar) printed on the letter, one item per line.",
    )
    letter_body = fields.Text(
        string="Recommendation Text",
        translate=True,
        help="Sentence after the identity of the client, e.g. that the client is "
        "recommended to live in the institution.",
    )
    institution_ids = fields.Many2many(
        "res.partner",
        "social_recommendation_type_institution_rel",
        "type_id",
        "partner_id",
        string="Destination Institutions",
        help="Institutions a recommendation of this type may be addressed to.",
    )
    required_document_type_ids = fields.Many2many(
        "social.recommendation.document.type",
        "social_recommendation_type_document_type_rel",
        "type_id",
        "document_type_id",
        string="Required Documents",
        help="The Kasi's administrative check refuses to go on while one of them "
        "is missing.",
    )
    active = fields.Boolean(default=True)
