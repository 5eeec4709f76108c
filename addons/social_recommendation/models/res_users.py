# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


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
