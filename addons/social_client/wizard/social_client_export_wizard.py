# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.safe_eval import safe_eval

REGISTRY_GROUP = "social_client.group_social_user"


class SocialClientExportWizard(models.TransientModel):
    """Export the clients of the current list (its filters) to XLSX.

    The file is built on the server from the list's domain, so an export of
    tens of thousands of clients never sends their ids through the browser,
    and streamed from a temporary file by the route /social_client/export.
    Every export is recorded by the wizard, in social.client.export.
    """

    _name = "social.client.export.wizard"
    _description = "Export Clients to XLSX"

    domain = fields.Char(default="[]", readonly=True)
    row_count = fields.Integer(string="Rows", compute="_compute_row_count")

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

    def _check_export_allowed(self):
        if not self.env.user.has_group(REGISTRY_GROUP):
            raise AccessError(
                self.env._("Only the roles of the client registry may export clients.")
            )
        # a transient record is readable by everyone with the ACL: the file
        # of an export goes to the user who opened it, nobody else
        if not self.env.su and any(w.create_uid != self.env.user for w in self):
            raise AccessError(
                self.env._("Only the user who opened this export may download it.")
            )

    def _filter_description(self, domain, count):
        """The filter as recorded: the domain, or the number of records
        picked by hand."""
        if (
            len(domain) == 1
            and isinstance(domain[0], list | tuple)
            and tuple(domain[0][:2]) == ("id", "in")
        ):
            return self.env._("%(count)s selected records", count=count)
        return repr(domain)

    def _export_filename(self):
        return self.env._("clients-%(date)s.xlsx", date=fields.Date.today())

    def action_export(self):
        """Download the file: the route calls ``_export_file``, which builds
        it and records the export."""
        self.ensure_one()
        self._check_export_allowed()
        return {
            "type": "ir.actions.act_url",
            "url": f"/social_client/export/{self.id}",
            "target": "self",
        }

    def _export_file(self):
        """Build the XLSX of the wizard's clients and record the export.

        Return the open temporary file (the caller streams and closes it) and
        its file name. The clients are read chunk by chunk from the domain:
        memory stays flat whatever the number of clients."""
        self.ensure_one()
        self._check_export_allowed()
        domain = self._get_domain()
        report = self.env["report.social_client.social_client_xlsx"]
        output, rows = report._table_file(self.env["social.client"], {"domain": domain})
        # users may not create export records themselves (no ACL), so the
        # trail cannot be forged: the wizard writes it as the system, for the
        # current user, with the number of rows actually written
        self.env["social.client.export"].sudo().create(
            {
                "user_id": self.env.user.id,
                "row_count": rows,
                "filter_description": self._filter_description(domain, rows),
                "includes_specific_data": report._specific_data_allowed(),
                "company_id": self.env.company.id,
            }
        )
        return output, self._export_filename()
