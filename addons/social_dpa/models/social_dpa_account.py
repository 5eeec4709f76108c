# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.codes import CODE_EXAMPLES, CODE_PATTERNS


class SocialDpaAccount(models.Model):
    """An expense account (rekening belanja) of the regional chart of
    accounts, at its sixth segment (sub rincian objek)."""

    _name = "social.dpa.account"
    _description = "Budget Expense Account (Rekening)"
    _order = "code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True)
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint(
        "UNIQUE(code)", "An account code appears only once."
    )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.code} {rec.name}"

    @api.constrains("code")
    def _check_code(self):
        for rec in self:
            if not CODE_PATTERNS["account"].match(rec.code or ""):
                raise ValidationError(
                    self.env._(
                        "The account code %(code)s does not have six segments "
                        "(e.g. %(example)s).",
                        code=rec.code,
                        example=CODE_EXAMPLES["account"],
                    )
                )
