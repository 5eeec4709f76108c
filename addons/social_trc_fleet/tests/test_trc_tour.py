# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import TrcCommon, wib


@tagged("post_install", "-at_install")
class TestTrcTour(HttpCase, TrcCommon):
    """A trip booking in the web client, refused for an overlap."""

    def test_overlapping_booking_refused_in_the_form(self):
        # the whole of 11 August: the times typed in the browser overlap it in
        # whatever time zone the browser runs
        booked = self._trip(wib(2026, 8, 11, 0, 0) - timedelta(hours=7), hours=48)
        # the refusal is the point: its error is logged by odoo.http
        with mute_logger("odoo.http"):
            self.start_tour(
                "/odoo/action-social_trc_fleet.social_trc_trip_action/new",
                "social_trc_fleet_trip_overlap_tour",
                login=self.trc.login,
            )
        trips = self.env["social.trc.trip"].search(
            [("vehicle_id", "=", self.vehicle.id)]
        )
        self.assertEqual(trips, booked)
