# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

DEFAULT_NUMBER_PATTERN = "800/{seq}/Dinsos.C/{year}"
NUMBER_PATTERN_KEYS = ("seq", "year", "month", "roman_month")


class ResCompany(models.Model):
    _inherit = "res.company"

    recommendation_number_pattern = fields.Char(
        string="Recommendation Letter Number Pattern",
        default=DEFAULT_NUMBER_PATTERN,
        required=True,
        help="Number of an issued recommendation letter. Placeholders: {seq} (next "
        "number of the letter sequence), {year}, {month} and {roman_month} of the "
        "letter date.",
    )
    recommendation_city = fields.Char(
        string="Place of Signature",
        help="Town written before the date above the signature, e.g. Nanga Bulik. "
        "The company's city when empty.",
    )

    @api.constrains("recommendation_number_pattern")
    def _check_recommendation_number_pattern(self):
        for company in self:
            pattern = company.recommendation_number_pattern or ""
            try:
                pattern.format(**dict.fromkeys(NUMBER_PATTERN_KEYS, "x"))
            except (KeyError, IndexError, ValueError) as error:
                raise ValidationError(
                    self.env._(
                        "The letter number pattern %(pattern)s is not valid: only "
                        "{seq}, {year}, {month} and {roman_month} may be used.",
                        pattern=pattern,
                    )
                ) from error
            if "{seq}" not in pattern:
                raise ValidationError(
                    self.env._(
                        "The letter number pattern must contain {seq}, "
                        "otherwise every letter would get the same number."
                    )
                )
