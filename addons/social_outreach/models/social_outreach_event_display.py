# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models
from odoo.tools import SQL

DISPLAY_NEXT = 5
DISPLAY_SERVING = 2
BUS_SUBCHANNEL = "social_outreach_display"
BUS_TYPE = "social_outreach/display"


class SocialOutreachEvent(models.Model):
    """The live queue display of an event: what the TV at the venue shows,
    and the bus notification that refreshes it."""

    _inherit = "social.outreach.event"

    def _display_data(self):
        """Per station: now serving and the next numbers, with first names
        only (no other personal data leaves the office on this page). One
        query picks the few visits shown, however long the queues are."""
        self.ensure_one()
        # sudo: the public display reads the queue of its own event only
        event = self.sudo()
        self.env["social.outreach.visit"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT id FROM (
                    SELECT v.id, row_number() OVER (
                               PARTITION BY v.station_id, v.state = 'waiting'
                               ORDER BY CASE WHEN v.state = 'waiting'
                                             THEN v.queue_number END,
                                        v.date_called DESC NULLS LAST, v.id
                           ) AS rank, v.state
                      FROM social_outreach_visit v
                     WHERE v.event_id = %s
                       AND v.state IN ('waiting', 'called', 'serving')
                ) ranked
                 WHERE rank <= CASE WHEN state = 'waiting' THEN %s ELSE %s END
                """,
                event.id,
                DISPLAY_NEXT,
                DISPLAY_SERVING,
            )
        )
        visits = (
            self.env["social.outreach.visit"]
            .sudo()
            .browse([row[0] for row in self.env.cr.fetchall()])
        )
        by_station = {}
        for visit in visits:
            by_station.setdefault(visit.station_id.id, []).append(visit)
        stations = []
        # the registration desk has no queue of its own: the check-in is it
        desks = event.station_ids.filtered(lambda s: s.kind != "registration")
        for station in desks.sorted("sequence"):
            shown = by_station.get(station.id, [])
            current = sorted(
                (v for v in shown if v.state != "waiting"),
                key=lambda v: (v.date_called or v.create_date, v.id),
                reverse=True,
            )
            waiting = sorted(
                (v for v in shown if v.state == "waiting"),
                key=lambda v: (v.queue_number, v.id),
            )
            stations.append(
                {
                    "id": station.id,
                    "name": station.name,
                    "serving": [
                        {"number": v.queue_number, "name": v.participant_id.first_name}
                        for v in current
                    ],
                    "next": [v.queue_number for v in waiting],
                }
            )
        return {"event": event.display_name, "stations": stations}

    def _display_notify(self):
        """Send the display data to the event's screens (after commit)."""
        Bus = self.env["bus.bus"].sudo()
        for event in self:
            Bus._sendone((event, BUS_SUBCHANNEL), BUS_TYPE, event._display_data())
