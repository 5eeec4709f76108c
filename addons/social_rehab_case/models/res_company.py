# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    rehab_caseload_limit = fields.Integer(
        string="Caseload Limit per Social Worker",
        default=25,
        help="Open rehabilitation cases a social worker may carry unless their own "
        "limit says otherwise; 0: no limit.",
    )
