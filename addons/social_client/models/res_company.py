# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

    def _prepare_resource_calendar_values(self):
        """A new office works the hours of a Dinas Sosial office."""
        return self.env["resource.calendar"]._social_office_calendar_values(self)

    def _social_set_office_calendar(self):
        """Give the offices still on Odoo's generic 40-hour calendar the hours
        of a Dinas Sosial office (the generic calendar itself is kept)."""
        standard = self.env.ref("resource.resource_calendar_std", False)
        companies = self.filtered(
            lambda company: not company.resource_calendar_id
            or company.resource_calendar_id == standard
        )
        if companies:
            companies._create_resource_calendar()
