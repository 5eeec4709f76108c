# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

MEMBER_KINDS = [("committee", "Committee (panitia)"), ("cadre", "Cadre (kader)")]
MEMBER_ORIGINS = [
    ("dinsos_regency", "Dinas Sosial of the regency/city"),
    ("district", "Sub-district (kecamatan) officer"),
    ("village", "Village government (desa)"),
    ("psm", "Community social worker (PSM)"),
    ("tksk", "TKSK/TKSPD"),
]


class SocialOutreachComposition(models.Model):
    """The committee and cadres an outreach day is given by default (the
    composition of the Juknis Yansos Jejama 2023); editable."""

    _name = "social.outreach.composition"
    _description = "Outreach Committee Composition"
    _order = "kind, sequence, id"

    sequence = fields.Integer(default=10)
    kind = fields.Selection(MEMBER_KINDS, required=True)
    origin = fields.Selection(MEMBER_ORIGINS, required=True)
    role = fields.Char(required=True, translate=True)
    quantity = fields.Integer(required=True, default=1)
    active = fields.Boolean(default=True)

    _quantity_positive = models.Constraint(
        "CHECK (quantity > 0)", "A composition line counts at least one person."
    )
