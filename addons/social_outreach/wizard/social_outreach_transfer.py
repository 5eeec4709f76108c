# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialOutreachTransfer(models.TransientModel):
    _name = "social.outreach.transfer"
    _description = "Send a Participant On to Another Station"

    visit_id = fields.Many2one("social.outreach.visit", required=True)
    event_id = fields.Many2one(related="visit_id.event_id")
    current_station_id = fields.Many2one(related="visit_id.station_id")
    station_id = fields.Many2one(
        "social.outreach.station",
        string="Send On To",
        required=True,
        domain="[('event_id', '=', event_id), ('id', '!=', current_station_id)]",
    )

    def action_confirm(self):
        self.ensure_one()
        self.visit_id._transfer(self.station_id)
        return {"type": "ir.actions.act_window_close"}
