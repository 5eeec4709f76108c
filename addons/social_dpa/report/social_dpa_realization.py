# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models
from odoo.tools import SQL, sql


class SocialDpaRealization(models.Model):
    """Ceiling and realisation of the approved DPAs, for the list, pivot and
    graph views: one row per line (its ceiling, dated 1 January) and one row
    per cost on the line's analytic account (its date). A view over the
    analytic lines, not a copy of them."""

    _name = "social.dpa.realization"
    _description = "DPA Realisation Analysis"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "line_id"

    dpa_id = fields.Many2one("social.dpa", string="DPA", readonly=True)
    line_id = fields.Many2one("social.dpa.line", string="DPA Line", readonly=True)
    company_id = fields.Many2one("res.company", string="Office", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    fiscal_year = fields.Integer(readonly=True, aggregator=False)
    program_id = fields.Many2one(
        "social.dpa.nomenclature", string="Programme", readonly=True
    )
    activity_id = fields.Many2one(
        "social.dpa.nomenclature", string="Kegiatan", readonly=True
    )
    sub_activity_id = fields.Many2one(
        "social.dpa.nomenclature", string="Sub-kegiatan", readonly=True
    )
    rekening_id = fields.Many2one(
        "social.dpa.account", string="Account (Rekening)", readonly=True
    )
    date = fields.Date(readonly=True)
    name = fields.Char(string="Description", readonly=True)
    amount_ceiling = fields.Monetary(string="Ceiling (Pagu)", readonly=True)
    amount_realized = fields.Monetary(string="Realised", readonly=True)

    def _cost_query(self):
        plan = self.env.ref("social_dpa.account_analytic_plan_dpa", False)
        column = plan and plan._column_name()
        if not column or not sql.column_exists(
            self.env.cr, "account_analytic_line", column
        ):
            return None
        return SQL(
            """
            SELECT aal.id * 2 + 1 AS id, line.id AS line_id, aal.date AS date,
                   aal.name AS name, 0.0 AS amount_ceiling,
                   -aal.amount AS amount_realized
              FROM account_analytic_line aal
              JOIN social_dpa_line line
                ON line.analytic_account_id = aal.%(column)s
            """,
            column=SQL.identifier(column),
        )

    def init(self):
        ceiling = SQL(
            """
            SELECT line.id * 2 AS id, line.id AS line_id,
                   make_date(line.fiscal_year, 1, 1) AS date,
                   line.name AS name, line.amount AS amount_ceiling,
                   0.0 AS amount_realized
              FROM social_dpa_line line
            """
        )
        cost = self._cost_query()
        rows = SQL("%s UNION ALL %s", ceiling, cost) if cost else ceiling
        sql.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(table)s AS (
                    SELECT row.id, row.line_id, line.dpa_id, line.company_id,
                           company.currency_id, line.fiscal_year, line.program_id,
                           line.activity_id, line.sub_activity_id,
                           line.rekening_id, row.date, row.name,
                           row.amount_ceiling, row.amount_realized
                      FROM (%(rows)s) row
                      JOIN social_dpa_line line ON line.id = row.line_id
                      JOIN social_dpa dpa ON dpa.id = line.dpa_id
                      JOIN res_company company ON company.id = line.company_id
                     WHERE dpa.state = 'approved'
                )
                """,
                table=SQL.identifier(self._table),
                rows=rows,
            )
        )
