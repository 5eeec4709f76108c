# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models

DISPLAY_NEXT = 5
BUS_SUBCHANNEL = "social_outreach_display"
BUS_TYPE = "social_outreach/display"


class SocialOutreachEvent(models.Model):
    """The live queue display of an event: what the TV at the venue shows,
    and the bus notification that refreshes it."""

    _inherit = "social.outreach.event"

    def _display_data(self):
        """Per station: now serving and the next numbers, with first names
        only (no other personal data leaves the office on this page)."""
        self.ensure_one()
        # sudo: the public display reads the queue of its own event only
        event = self.sudo()
        Visit = self.env["social.outreach.visit"].sudo()
        visits = Visit.search(
            [
                ("event_id", "=", event.id),
                ("state", "in", ("waiting", "called", "serving")),
            ],
            order="station_id, queue_number, id",
        )
        by_station = {}
        for visit in visits:
            by_station.setdefault(visit.station_id.id, []).append(visit)
        stations = []
        for station in event.station_ids.sorted("sequence"):
            current = [
                v for v in by_station.get(station.id, []) if v.state != "waiting"
            ]
            waiting = [
                v for v in by_station.get(station.id, []) if v.state == "waiting"
            ]
            current.sort(key=lambda v: v.date_called or v.create_date, reverse=True)
            stations.append(
                {
                    "id": station.id,
                    "name": station.name,
                    "serving": [
                        {"number": v.queue_number, "name": v.participant_id.first_name}
                        for v in current[:2]
                    ],
                    "next": [v.queue_number for v in waiting[:DISPLAY_NEXT]],
                }
            )
        return {"event": event.display_name, "stations": stations}

    def _display_notify(self):
        """Send the display data to the event's screens (after commit)."""
        Bus = self.env["bus.bus"].sudo()
        for event in self:
            Bus._sendone((event, BUS_SUBCHANNEL), BUS_TYPE, event._display_data())
