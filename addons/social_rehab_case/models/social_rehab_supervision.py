# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SocialRehabSupervision(models.Model):
    """A supervision note of the Kasi on a case."""

    _name = "social.rehab.supervision"
    _description = "Case Supervision Note"
    _order = "date desc, id desc"

    case_id = fields.Many2one(
        "social.rehab.case", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users", string="Kasi", default=lambda s: s.env.user, readonly=True
    )
    note = fields.Text(required=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group("social_client.group_social_kasi"):
            raise UserError(self.env._("Supervision notes are written by a Kasi."))
        for vals in vals_list:
            vals["user_id"] = self.env.uid
        return super().create(vals_list)
