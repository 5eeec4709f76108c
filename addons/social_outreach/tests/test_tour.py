# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import HttpCase, tagged

from .common import OutreachCommon


@tagged("post_install", "-at_install")
class TestDeskTours(OutreachCommon, HttpCase):
    """The registration desk and a station desk as their users meet them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._start(cls.event)

    def test_registration_desk_checks_in_by_nik(self):
        self.assertEqual(self.clients[0].nik, "1811011505800011")
        self.start_tour(
            f"/odoo/action-social_outreach.social_outreach_event_action/{self.event.id}",
            "social_outreach_registration_tour",
            login=self.desk.login,
        )
        participant = self.Participant.search([("event_id", "=", self.event.id)])
        self.assertEqual(participant.client_id, self.clients[0])
        self.assertEqual(participant.queue_number, 1)
        self.assertTrue(participant.ktp_checked)
        self.assertEqual(participant.checked_in_by_id, self.desk)

    def test_station_desk_calls_and_serves(self):
        participants = self._invite(self.event, self.clients[:2])
        participants.action_check_in()
        self.start_tour(
            "/odoo/action-social_outreach.social_outreach_station_action",
            "social_outreach_station_tour",
            login=self.assessor.login,
        )
        visit = self.Visit.search(
            [
                ("participant_id", "=", participants[0].id),
                ("station_id", "=", self.st_assess.id),
            ]
        )
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.user_id, self.assessor)
        self.assertEqual(
            self.Visit.search(
                [
                    ("participant_id", "=", participants[1].id),
                    ("station_id", "=", self.st_assess.id),
                ]
            ).state,
            "waiting",
        )
