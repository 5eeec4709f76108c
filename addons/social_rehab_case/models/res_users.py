# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    rehab_caseload_limit = fields.Integer(
        string="Caseload Limit",
        help="Open rehabilitation cases this social worker may carry; 0 takes the "
        "office's limit. Only a Kasi assigns past it.",
    )

    def _social_rehab_caseload_limit(self):
        self.ensure_one()
        return self.rehab_caseload_limit or self.company_id.rehab_caseload_limit
