# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class AccountAnalyticLine(models.Model):
    """The link of a DPA charge back to the record that caused it."""

    _inherit = "account.analytic.line"

    social_dpa_line_id = fields.Many2one(
        "social.dpa.line",
        string="DPA Line",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
        help="The DPA line charged through the suite (costs from vendor bills "
        "count through their analytic distribution instead).",
    )
    social_source_model = fields.Char(string="Source Model", index=True, readonly=True)
    social_source_id = fields.Many2oneReference(
        string="Source Record", model_field="social_source_model", readonly=True
    )
    social_source_name = fields.Char(
        string="Source", compute="_compute_social_source_name"
    )

    # The realisation of the DPA lines is computed from the analytic lines, not
    # stored: forget the figures read in this transaction when lines change.
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        self._invalidate_dpa_figures()
        return lines

    def write(self, vals):
        res = super().write(vals)
        self._invalidate_dpa_figures()
        return res

    def unlink(self):
        res = super().unlink()
        self._invalidate_dpa_figures()
        return res

    def _invalidate_dpa_figures(self):
        self.env["social.dpa.line"].invalidate_model(
            ["amount_realized", "amount_remaining", "absorption"]
        )
        self.env["social.dpa"].invalidate_model(
            ["amount_realized", "amount_remaining", "absorption"]
        )

    @api.depends("social_source_model", "social_source_id")
    def _compute_social_source_name(self):
        for line in self:
            name = False
            if line.social_source_model in self.env and line.social_source_id:
                record = self.env[line.social_source_model].browse(
                    line.social_source_id
                )
                # sudo: only the name of the source, for the reader of the cost
                name = record.sudo().exists().display_name
            line.social_source_name = name

    def action_open_social_source(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.social_source_model,
            "res_id": self.social_source_id,
            "view_mode": "form",
        }
