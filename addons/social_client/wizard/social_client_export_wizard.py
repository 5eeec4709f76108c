# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64

from odoo import api, fields, models
from odoo.tools.safe_eval import safe_eval


class SocialClientExportWizard(models.TransientModel):
    """Export the clients of the current list (its filters) to XLSX.

    The file is built on the server from the list's domain, so an export of
    tens of thousands of clients never sends their ids through the browser.
    """

    _name = "social.client.export.wizard"
    _description = "Export Clients to XLSX"

    domain = fields.Char(default="[]", readonly=True)
    row_count = fields.Integer(string="Rows", compute="_compute_row_count")
    file = fields.Binary(readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") == "social.client":
            if context.get("active_domain") is not None:
                values["domain"] = repr(list(context["active_domain"]))
            elif context.get("active_ids"):
                values["domain"] = repr([("id", "in", list(context["active_ids"]))])
        return values

    def _get_domain(self):
        self.ensure_one()
        return safe_eval(self.domain or "[]")

    @api.depends("domain")
    def _compute_row_count(self):
        for wizard in self:
            wizard.row_count = self.env["social.client"].search_count(
                wizard._get_domain()
            )

    def action_export(self):
        self.ensure_one()
        domain = self._get_domain()
        clients = self.env["social.client"].search(domain)
        content, _ext = (
            self.env["ir.actions.report"]
            .with_context(active_model="social.client")
            ._render_xlsx(
                "social_client.social_client_xlsx_report",
                clients.ids,
                {"domain": domain},
            )
        )
        self.write(
            {
                "file": base64.b64encode(content),
                "filename": self.env._(
                    "clients-%(date)s.xlsx", date=fields.Date.today()
                ),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": (
                f"/web/content/{self._name}/{self.id}/file/{self.filename}"
                "?download=true"
            ),
            "target": "self",
        }
