# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialDpaChargeableMixin(models.AbstractModel):
    """For a record whose costs are charged to the DPA (an outreach day, a
    trip): what it cost, and a button to its analytic lines."""

    _name = "social.dpa.chargeable.mixin"
    _description = "Record Charged to the DPA"

    dpa_cost_amount = fields.Monetary(
        string="Cost (DPA)",
        compute="_compute_dpa_cost",
        currency_field="dpa_cost_currency_id",
        help="What this record cost, from the analytic lines charged with it.",
    )
    dpa_cost_count = fields.Integer(string="DPA Charges", compute="_compute_dpa_cost")
    dpa_cost_currency_id = fields.Many2one("res.currency", compute="_compute_dpa_cost")

    def _dpa_analytic_domain(self):
        return [
            ("social_source_model", "=", self._name),
            ("social_source_id", "in", self.ids),
        ]

    def _compute_dpa_cost(self):
        # sudo: the reader of the record sees what it cost; the analytic lines
        # themselves stay restricted to the accounting roles
        groups = (
            self.env["account.analytic.line"]
            .sudo()
            ._read_group(
                self._dpa_analytic_domain(),
                ["social_source_id"],
                ["amount:sum", "__count"],
            )
        )
        costs = {res_id: (-amount, count) for res_id, amount, count in groups}
        currency = self.env.company.currency_id
        for rec in self:
            rec.dpa_cost_amount, rec.dpa_cost_count = costs.get(rec.id, (0.0, 0))
            rec.dpa_cost_currency_id = currency

    def action_view_dpa_costs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("DPA Charges"),
            "res_model": "account.analytic.line",
            "view_mode": "list,form",
            "views": [
                (
                    self.env.ref("social_dpa.account_analytic_line_view_list_dpa").id,
                    "list",
                ),
                (False, "form"),
            ],
            "domain": self._dpa_analytic_domain(),
            "context": {"create": False},
        }

    def _dpa_charge(self, dpa_line, date, amount, label):
        """Charge a cost of this record to a DPA line (see
        ``social.dpa.line.charge``)."""
        self.ensure_one()
        return dpa_line.charge(date, amount, label, source=self)
