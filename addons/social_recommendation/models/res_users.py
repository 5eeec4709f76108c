# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    nip = fields.Char(
        string="NIP",
        help="Civil-servant identification number (Nomor Induk Pegawai), printed "
        "under the signature of an official.",
    )
    civil_servant_rank = fields.Char(
        string="Rank and Grade",
        help="Pangkat and golongan printed under the signature, e.g. "
        "Pembina Tingkat I (IV/b).",
    )

    @api.model
    def review_user_count(self):
        """The reviewer's systray names each model by its translated name
        (base_tier_validation shows the untranslatable ``_description``)."""
        groups = super().review_user_count()
        IrModel = self.env["ir.model"]
        for group in groups:
            group["name"] = IrModel._get(group["model"]).name or group["name"]
        return groups
