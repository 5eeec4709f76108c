# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

DEFAULT_NUMBER_PATTERN = "800/{seq}/Dinsos.C/{year}"
NUMBER_PATTERN_KEYS = ("seq", "year", "month", "roman_month")
# the numbers of each office: its own register and its own letter sequence
RECOMMENDATION_SEQUENCES = {
    "social.recommendation": {
        "name": "Recommendation Register",
        "prefix": "REK/%(year)s/",
        "padding": 4,
    },
    "social.recommendation.letter": {
        "name": "Recommendation Letter",
        "padding": 3,
        "use_date_range": True,
    },
}


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

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._recommendation_create_sequences()
        return companies

    @api.model
    def _recommendation_create_all_sequences(self):
        """Data file hook: the sequences of every office that has none yet."""
        self.search([])._recommendation_create_sequences()  # pylint: disable=no-search-all  # every office is meant

    def _recommendation_create_sequences(self):
        """Create the register and letter sequences of each office lacking
        them, so that no office shares its numbers with another."""
        # sudo: sequences are configuration that staff may not create, and the
        # values here are fixed by the code
        Sequence = self.env["ir.sequence"].sudo()
        existing = Sequence.search(
            [
                ("code", "in", list(RECOMMENDATION_SEQUENCES)),
                ("company_id", "in", self.ids),
            ]
        )
        have = {(seq.code, seq.company_id.id) for seq in existing}
        Sequence.create(
            [
                {**values, "code": code, "company_id": company.id}
                for company in self
                for code, values in RECOMMENDATION_SEQUENCES.items()
                if (code, company.id) not in have
            ]
        )

    def _recommendation_next_numbers(self, code, count):
        """``count`` numbers of the office's sequence ``code``."""
        self.ensure_one()
        numbers = (
            self.env["ir.sequence"].with_company(self)._next_by_code_batch(code, count)
        )
        if not all(numbers):
            raise UserError(
                self.env._(
                    "The office %(office)s has no sequence %(code)s: ask the "
                    "administrator to update the add-on.",
                    office=self.name,
                    code=code,
                )
            )
        return numbers

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
