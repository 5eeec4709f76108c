# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import threading
import time
from unittest.mock import MagicMock, Mock, patch

from odoo import SUPERUSER_ID, api
from odoo.tests import HttpCase, tagged

from .common import OutreachCommon


@tagged("post_install", "-at_install")
class TestQueueDisplay(OutreachCommon, HttpCase):
    """The public queue screen: opened without a login by the event's link,
    numbers and first names only, updated through the bus."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._start(cls.event)
        cls.participants = cls._invite(cls.event, cls.clients)
        cls.participants.action_check_in()

    def _url(self):
        return f"/social/outreach/display/{self.event.display_token}"

    def test_page_public_with_first_names_only(self):
        self.st_assess.with_user(self.assessor).action_call_next()
        response = self.url_open(self._url())
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("Sumarni", page)  # first name of number 1
        self.assertNotIn("Wati", page)  # never the full name
        for client in self.clients:
            self.assertNotIn(client.nik, page)
            self.assertNotIn(client.registration_number, page)
        self.assertIn(self.st_assess.name, page)
        registration = self.event.station_ids.filtered(
            lambda s: s.kind == "registration"
        )
        self.assertNotIn(f'data-station-id="{registration.id}"', page)
        self.assertEqual(response.headers.get("Cache-Control"), "no-store")

    def test_wrong_or_old_token_not_found(self):
        self.assertEqual(
            self.url_open("/social/outreach/display/x" * 3).status_code, 404
        )
        old = self._url()
        self.event.action_regenerate_display_token()
        self.assertEqual(self.url_open(old).status_code, 404)
        self.assertEqual(self.url_open(self._url()).status_code, 200)

    @patch(
        "odoo.addons.bus.models.ir_websocket.request", MagicMock(session=Mock(uid=None))
    )
    def test_bus_channel_only_for_a_valid_token(self):
        Websocket = self.env["ir.websocket"]
        token = self.event.display_token
        channels = Websocket._build_bus_channel_list(
            [f"social_outreach.display:{token}", "social_outreach.display:wrong"]
        )
        self.assertIn((self.event, "social_outreach_display"), channels)
        self.assertFalse(
            [
                c
                for c in channels
                if isinstance(c, str) and c.startswith("social_outreach")
            ]
        )
        channels = Websocket._build_bus_channel_list(["social_outreach.display:wrong"])
        self.assertFalse(
            [
                c
                for c in channels
                if isinstance(c, tuple) and c[1] == "social_outreach_display"
            ]
        )

    def test_display_updates_without_reload(self):
        """Headless Chromium opens the screen without a login; a station
        calls the next number; the page shows it without reloading."""
        desk = self.st_assess.with_user(self.assessor)
        # the fixtures' display notifications are written now, in this thread:
        # nothing is left for the browser's first request to flush while the
        # bus dispatcher reads the same test cursor
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.cr.postcommit.clear()

        def call_later():
            time.sleep(3)
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                station = env["social.outreach.station"].browse(desk.id)
                station.with_user(self.assessor.id).action_call_next()

        thread = threading.Thread(target=call_later)
        thread.start()
        try:
            self.start_tour(self._url(), "social_outreach_display_tour", login=None)
        finally:
            thread.join(30)
