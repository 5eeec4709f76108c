# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialClient(models.Model):
    _inherit = "social.client"

    rehab_case_ids = fields.One2many(
        "social.rehab.case", "client_id", string="Rehabilitation Cases"
    )
    rehab_case_count = fields.Integer(
        string="Cases", compute="_compute_rehab_case_count"
    )

    def _compute_rehab_case_count(self):
        counts = dict(
            self.env["social.rehab.case"]._read_group(
                [("client_id", "in", self.ids)], ["client_id"], ["__count"]
            )
        )
        for client in self:
            client.rehab_case_count = counts.get(client, 0)

    def action_view_rehab_cases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_rehab_case.social_rehab_case_action"
        )
        action["domain"] = [("client_id", "=", self.id)]
        action["context"] = {"default_client_id": self.id}
        return action
