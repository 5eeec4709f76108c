# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models
from odoo.tools import SQL


class IrSequence(models.Model):
    _inherit = "ir.sequence"

    @api.model
    def _next_by_code_batch(self, code, count):
        """Return ``count`` numbers of the sequence ``code`` of the current company.

        ``next_by_code`` costs a query per number, which a batch import of
        thousands of records should not pay: a standard sequence (the default)
        draws them all in one ``nextval`` query. No-gap sequences and sequences
        with date ranges fall back to one call per number, as they must.
        """
        if count <= 0:
            return []
        self.browse().check_access("read")
        company_id = self.env.company.id
        # the same choice of sequence, and the same rights, as next_by_code
        sequence = self.search(
            [("code", "=", code), ("company_id", "in", [company_id, False])],
            order="company_id",
            limit=1,
        )
        if not sequence:
            return [False] * count
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence._next() for _i in range(count)]
        self.env.cr.execute(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        return [sequence.get_next_char(number) for (number,) in self.env.cr.fetchall()]
