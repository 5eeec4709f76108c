# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    nip = fields.Char(
        string="NIP",
        index=True,
        copy=False,
        help="Nomor Induk Pegawai: the 18 digits of a civil servant "
        "(birth date, appointment month, sex, serial), printed on the "
        "assignment letters. Empty for non-civil-servant staff.",
    )

    trc_position = fields.Char(
        string="Position",
        compute="_compute_trc_position",
        compute_sudo=True,
        help="The job title as printed on the assignment letters.",
    )

    _nip_company_unique = models.UniqueIndex(
        "(nip, company_id) WHERE nip IS NOT NULL",
        "This NIP is already given to another employee of the office.",
    )

    @api.depends("job_title", "job_id")
    def _compute_trc_position(self):
        # the job title lives on hr.version (HR officers only); the position
        # printed on a letter is no secret for the TRC and its supervisors
        for employee in self:
            employee.trc_position = employee.job_title or employee.job_id.name

    @api.constrains("nip")
    def _check_nip(self):
        for employee in self:
            if employee.nip and not re.fullmatch(r"\d{18}", employee.nip):
                raise ValidationError(
                    self.env._(
                        "The NIP of %(name)s must have 18 digits.",
                        name=employee.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("nip"):
                vals["nip"] = re.sub(r"\s", "", vals["nip"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("nip"):
            vals["nip"] = re.sub(r"\s", "", vals["nip"])
        return super().write(vals)
