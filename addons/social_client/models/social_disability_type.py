# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialDisabilityType(models.Model):
    """Disability type of UU 8/2016 art. 4; a client may have several (ganda)."""

    _name = "social.disability.type"
    _description = "Disability Type"
    _order = "sequence, id"

    name = fields.Char(
        required=True,
        help="Official Indonesian term of the regulation, kept as written.",
    )
    code = fields.Char(required=True)
    category = fields.Selection(
        [
            ("physical", "Physical"),
            ("intellectual", "Intellectual"),
            ("mental", "Mental"),
            ("sensory", "Sensory"),
        ],
        required=True,
    )
    sequence = fields.Integer(default=10)
    description = fields.Text()
    specific_personal_data = fields.Boolean(
        default=True,
        help="Specific personal data under UU 27/2022 (health, disability, "
        "HIV/AIDS, NAPZA, children, criminal records): never shown in the "
        "chatter's tracking, and left out of the XLSX export unless the "
        "exporter is in the health and psychology team.",
    )
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint(
        "UNIQUE(code)", "The disability type code must be unique."
    )
