# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialClientExport(models.Model):
    """Who exported client data, when and how much (UU 27/2022 accountability).

    Rows are written by the export itself, never by hand; the file is not kept.
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
    file_format = fields.Char(readonly=True, default="xlsx")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
