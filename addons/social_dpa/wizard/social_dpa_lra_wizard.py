# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]


class SocialDpaLraWizard(models.TransientModel):
    """Month of the Laporan Realisasi Anggaran to print."""

    _name = "social.dpa.lra.wizard"
    _description = "Print the DPA Realisation Report"

    dpa_id = fields.Many2one("social.dpa", string="DPA", required=True)
    month = fields.Selection(
        MONTHS,
        required=True,
        default=lambda self: str(fields.Date.context_today(self).month),
    )

    def action_print(self):
        self.ensure_one()
        return self.env.ref("social_dpa.social_dpa_lra_xlsx_report").report_action(
            self.dpa_id, data={"month": int(self.month)}
        )
