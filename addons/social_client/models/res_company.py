# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models

CLIENT_SEQUENCE = {
    "name": "Social Client Register",
    "code": "social.client",
    "prefix": "PPKS/%(year)s/",
    "padding": 5,
}


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._social_client_create_sequences()
        return companies

    def _social_client_create_sequences(self):
        """Give each office lacking one its own client register sequence, so that
        no office shares its registration numbers with another."""
        # sudo: sequences are configuration that staff may not create; the values
        # are fixed here
        Sequence = self.env["ir.sequence"].sudo()
        have = Sequence.search(
            [("code", "=", CLIENT_SEQUENCE["code"]), ("company_id", "in", self.ids)]
        ).company_id
        Sequence.create(
            [{**CLIENT_SEQUENCE, "company_id": company.id} for company in self - have]
        )

    def _prepare_resource_calendar_values(self):
        """A new office works the hours of a Dinas Sosial office."""
        return self.env["resource.calendar"]._social_office_calendar_values(self)

    def _social_set_office_calendar(self):
        """Give the offices still on Odoo's generic 40-hour calendar the hours
        of a Dinas Sosial office (the generic calendar itself is kept)."""
        standard = self.env.ref("resource.resource_calendar_std", False)
        companies = self.filtered(
            lambda company: (
                not company.resource_calendar_id
                or company.resource_calendar_id == standard
            )
        )
        if companies:
            companies._create_resource_calendar()
