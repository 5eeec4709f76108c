# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import DpaCommon


@tagged("post_install", "-at_install")
class TestDpaOverview(DpaCommon):
    """The DPA tiles of the overview: sign-offs in order, the year's absorption."""

    def _tile(self, name, user):
        tile = self.env.ref(f"social_dpa.social_overview_tile_dpa_{name}")
        tile.invalidate_recordset()  # figures are computed per request, not cached
        return tile.with_user(user)

    def test_signoff_tile_follows_the_tiers(self):
        self.dpa.with_user(self.finance).request_validation()
        self.assertEqual(self._tile("signoff", self.kabid).value, 1)
        # the Kadis signs after the Kabid: nothing waits for the Kadis yet
        self.assertEqual(self._tile("signoff", self.kadis).value, 0)
        self.dpa.with_user(self.kabid).validate_tier()
        self.dpa.invalidate_recordset()
        self.assertEqual(self._tile("signoff", self.kabid).value, 0)
        self.assertEqual(self._tile("signoff", self.kadis).value, 1)

    @freeze_time("2026-06-15")
    def test_absorption_of_the_year(self):
        self._approve(self.dpa)
        self.line_meals.with_user(self.finance).charge(
            "2026-02-14", 1_700_000, "Permakanan"
        )
        tile = self._tile("absorption", self.kabid)
        self.assertAlmostEqual(tile.value, 10.0)  # 1.7 of 17 million
        self.assertTrue(tile.value_display.endswith("%"))
        self.assertEqual(len(tile.breakdown), len(self.dpa.line_ids.program_id))
        # a social worker has no budget tile
        Tile = self.env["social.overview.tile"]
        self.assertNotIn(
            self._tile("absorption", self.kabid).sudo(),
            Tile.with_user(self.worker).search([("accessible", "=", True)]),
        )
        # another year's DPA does not count
        with freeze_time("2027-01-10"):
            self.assertEqual(self._tile("absorption", self.kabid).value, 0)
