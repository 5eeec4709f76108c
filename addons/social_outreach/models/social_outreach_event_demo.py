# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import datetime, timedelta

from odoo import api, models

from odoo.addons.social_client.models.social_tier_validation import social_workflow


class SocialOutreachEvent(models.Model):
    _inherit = "social.outreach.event"

    @api.model
    def _demo_run_past_day(self, event_ref):
        """Demo data only: play a past day of ``event_ref`` as it happened:
        check-in from 08:00 local time (UTC+7), then each participant
        through the first two stations, and close the day."""
        event = self.env.ref(event_ref)
        if event.state != "draft":
            return
        peksos = self.env.ref("social_client.user_peksos_demo")
        health = self.env.ref("social_client.user_health_demo")
        stations = event.station_ids.filtered(
            lambda s: s.kind != "registration"
        ).sorted("sequence")
        stations[0].user_ids = peksos
        stations[1].user_ids = health
        event.action_confirm()
        event.action_start()
        day = event.day_ids[:1]
        start = datetime.combine(day.date, datetime.min.time()) + timedelta(hours=1)
        participants = event.participant_ids.sorted("id")
        for index, participant in enumerate(participants):
            participant._check_in_on(
                {event.id: day}, now=start + timedelta(minutes=4 * index)
            )
        Visit = self.env["social.outreach.visit"]
        for index, participant in enumerate(participants):
            visit = Visit.search([("participant_id", "=", participant.id)], limit=1)
            called = participant.check_in_date + timedelta(minutes=10 + index)
            with social_workflow():
                visit.write(
                    {
                        "state": "serving",
                        "date_called": called,
                        "call_count": 1,
                        "waiting_minutes": 10.0 + index,
                        "date_start": called + timedelta(minutes=1),
                        "user_id": peksos.id,
                    }
                )
            ended = called + timedelta(minutes=12)
            with social_workflow():
                visit.write({"state": "done", "date_end": ended})
                nxt = Visit.create(
                    {
                        "participant_id": participant.id,
                        "station_id": stations[1].id,
                        "date_queued": ended,
                        "from_visit_id": visit.id,
                    }
                )
                nxt.write(
                    {
                        "state": "done",
                        "date_called": ended + timedelta(minutes=5),
                        "call_count": 1,
                        "waiting_minutes": 5.0,
                        "date_start": ended + timedelta(minutes=6),
                        "date_end": ended + timedelta(minutes=20),
                        "user_id": health.id,
                        "anamnesis": "Pemeriksaan awal: tekanan darah, gizi.",
                    }
                )
            visit._participant_served()
        event.action_done()
