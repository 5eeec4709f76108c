# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.fields import Command
from odoo.tests import tagged

from .common import TrcCommon


@tagged("post_install", "-at_install")
class TestTrcOverview(TrcCommon):
    """The TRC tiles of the overview and the SPM counts of the rumah singgah."""

    def _tile(self, name, user):
        tile = self.env.ref(f"social_trc_fleet.social_overview_tile_{name}")
        tile.invalidate_recordset()  # figures are computed per request, not cached
        return tile.with_user(user)

    def test_open_complaints_for_the_trc_and_above(self):
        self._report()
        self._report().with_user(self.trc).action_verify()
        tile = self._tile("trc_report_open", self.trc)
        self.assertEqual(tile.value, 2)
        self.assertEqual(len(tile.breakdown), 2)
        self.assertEqual(self._tile("trc_report_open", self.kasi).value, 2)
        Tile = self.env["social.overview.tile"].with_user(self.staff)
        self.assertNotIn(tile.sudo(), Tile.search([("accessible", "=", True)]))

    def test_letter_waits_for_the_kabid(self):
        letter = (
            self.env["social.trc.letter"]
            .with_user(self.trc)
            .create(
                {
                    "employee_ids": [Command.set(self.officer.ids)],
                    "purpose": "Penjangkauan",
                    "date_start": "2026-08-10",
                    "date_end": "2026-08-12",
                    "vehicle_id": self.vehicle.id,
                }
            )
        )
        letter.request_validation()
        self.assertEqual(self._tile("trc_letter_signoff", self.kabid).value, 1)
        letter.with_user(self.kabid).validate_tier()
        self.assertEqual(self._tile("trc_letter_signoff", self.kabid).value, 0)

    def test_occupancy_and_spm(self):
        self.client.ppks_type_ids = [
            Command.set(self.env.ref("social_client.social_ppks_type_08").ids)
        ]
        self.env["social.shelter.stay"].with_user(self.shelter_user).create(
            {
                "shelter_id": self.shelter.id,
                "bed_id": self.bed_a.id,
                "client_id": self.client.id,
                "reason": "Terlantar",
            }
        )
        tile = self._tile("shelter_occupancy", self.shelter_user)
        self.assertEqual(tile.value, 1)
        self.assertEqual(tile.breakdown[0]["label"], self.shelter.display_name)
        self.assertEqual(tile.alert_count, 0)
        self.env.flush_all()
        rows = (
            self.env["social.spm.report"]
            .with_user(self.kasi)
            .search([("client_id", "=", self.client.id)])
        )
        self.assertEqual(
            [(r.service_type, r.needing_count, r.served_count) for r in rows],
            [("elderly", 1, 1)],
        )
