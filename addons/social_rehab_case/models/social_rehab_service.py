# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models
from odoo.exceptions import UserError

# the ATENSI services of Permensos 7/2021
ATENSI_SERVICES = [
    ("kebutuhan_hidup", "Support for a decent living (kebutuhan hidup layak)"),
    ("perawatan_sosial", "Social care and/or child care (perawatan sosial)"),
    ("dukungan_keluarga", "Family support (dukungan keluarga)"),
    ("terapi", "Physical, psychosocial and mental spiritual therapy (terapi)"),
    ("vokasional", "Vocational training and entrepreneurship (pelatihan vokasional)"),
    ("bantuan_sosial", "Social assistance (bantuan dan asistensi sosial)"),
    ("aksesibilitas", "Accessibility support (dukungan aksesibilitas)"),
]


class SocialRehabService(models.Model):
    """An ATENSI service delivered to the client of a case."""

    _name = "social.rehab.service"
    _description = "ATENSI Service Delivered"
    _order = "date desc, id desc"

    case_id = fields.Many2one(
        "social.rehab.case", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    service_type = fields.Selection(ATENSI_SERVICES, required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    description = fields.Char()
    quantity = fields.Float(default=1.0)
    value = fields.Monetary(currency_field="currency_id")

    _quantity_positive = models.Constraint(
        "CHECK(quantity > 0)", "The quantity of a service must be positive."
    )
    _value_not_negative = models.Constraint(
        "CHECK(value >= 0)", "The value of a service cannot be negative."
    )

    def write(self, vals):
        # the record rules are checked before a write only: moving a service
        # would put it on a case its author has no access to
        if "case_id" in vals and any(s.case_id.id != vals["case_id"] for s in self):
            raise UserError(self.env._("A service stays with its case."))
        return super().write(vals)
