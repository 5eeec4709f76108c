# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models

from .social_outreach_event_display import BUS_SUBCHANNEL

CHANNEL_PREFIX = "social_outreach.display:"


class IrWebsocket(models.AbstractModel):
    """The public queue display subscribes with the token of its link: the
    token is checked here and replaced by the event's own channel, which a
    browser cannot name itself (a regenerated link stops the old screens at
    their next subscription)."""

    _inherit = "ir.websocket"

    def _build_bus_channel_list(self, channels):
        channels = list(channels)  # do not alter the caller's list
        tokens = [
            channel[len(CHANNEL_PREFIX) :]
            for channel in channels
            if isinstance(channel, str) and channel.startswith(CHANNEL_PREFIX)
        ]
        if tokens:
            channels = [
                c
                for c in channels
                if not (isinstance(c, str) and c.startswith(CHANNEL_PREFIX))
            ]
            # sudo: a public screen holds no right; the token is its key
            events = (
                self.env["social.outreach.event"]
                .sudo()
                .search([("display_token", "in", tokens[:10])])
            )
            channels.extend((event, BUS_SUBCHANNEL) for event in events)
        return super()._build_bus_channel_list(channels)
