# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class SocialClientExport(models.Model):
    """Who exported client data, when and how much (UU 27/2022 accountability).

    Evidence: written once by the export wizard (as the system, for the
    exporting user), then never changed or deleted, not even by the
    administrator. The file itself is not kept.
    """

    _name = "social.client.export"
    _description = "Client Export Record"
    _order = "export_date desc, id desc"
    _rec_name = "export_date"

    user_id = fields.Many2one(
        "res.users", string="Exported By", required=True, readonly=True
    )
    export_date = fields.Datetime(
        string="Exported On", required=True, readonly=True, default=fields.Datetime.now
    )
    row_count = fields.Integer(string="Rows", readonly=True)
    filter_description = fields.Text(
        string="Filter", readonly=True, help="Domain of the exported list."
    )
    includes_specific_data = fields.Boolean(
        string="Specific Personal Data",
        readonly=True,
        help="The exporter belonged to the Health and Psychology Team: the file "
        "may hold health notes and the PPKS types, disability types and ATENSI "
        "cluster flagged as specific personal data.",
    )
    file_format = fields.Char(readonly=True, default="xlsx")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )

    def write(self, vals):
        if self:
            raise AccessError(
                self.env._(
                    "Export records are evidence: nobody may change them, not "
                    "even the administrator."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise AccessError(
            self.env._(
                "Export records are evidence: nobody may delete them, not even "
                "the administrator."
            )
        )
