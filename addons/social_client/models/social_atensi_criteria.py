# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialAtensiCriteria(models.Model):
    """Criterion that makes a person an ATENSI target (Permensos 7/2021)."""

    _name = "social.atensi.criteria"
    _description = "ATENSI Criterion"
    _order = "sequence, id"

    name = fields.Char(
        required=True,
        help="Official Indonesian term of the regulation, kept as written.",
    )
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint(
        "UNIQUE(code)", "The criterion code must be unique."
    )
