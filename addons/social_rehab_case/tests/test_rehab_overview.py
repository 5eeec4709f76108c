# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import tagged

from .common import RehabCaseCommon


@tagged("post_install", "-at_install")
class TestRehabOverview(RehabCaseCommon):
    """The case tiles of the overview, as each role sees them."""

    def _tile(self, xmlid, user):
        tile = self.env.ref(f"social_rehab_case.{xmlid}")
        tile.invalidate_recordset()  # figures are computed per request, not cached
        return tile.with_user(user)

    def test_my_cases_and_plans_to_sign(self):
        case = self._to_stage(self._case(supervisor_id=self.kasi.id), self.st_planning)
        self._case(user=self.peksos2)
        mine = self._tile("social_overview_tile_rehab_case_mine", self.peksos)
        self.assertEqual(mine.value, 1)
        self.assertEqual(
            [line["label"] for line in mine.breakdown], [self.st_planning.display_name]
        )
        self.assertEqual(
            self._tile("social_overview_tile_rehab_case_mine", self.peksos2).value, 1
        )

        signoff = "social_overview_tile_rehab_plan_signoff"
        self.assertEqual(self._tile(signoff, self.kasi).value, 0)
        plan = self._plan(case)
        plan.with_user(self.peksos).action_request_approval()
        self.assertEqual(self._tile(signoff, self.kasi).value, 1)
        # the requester signs nothing: nothing waits for them
        self.assertEqual(self._tile(signoff, self.peksos).value, 0)
        action = self._tile(signoff, self.kasi).action_open()
        Plan = self.env["social.rehab.plan"].with_user(self.kasi)
        self.assertEqual(Plan.search(action["domain"]), plan)
        plan.with_user(self.kasi).validate_tier()
        self.assertEqual(self._tile(signoff, self.kasi).value, 0)

    def test_office_tile_is_for_the_kasi_and_above(self):
        tile = self.env.ref("social_rehab_case.social_overview_tile_rehab_case_office")
        Tile = self.env["social.overview.tile"]
        self.assertNotIn(
            tile, Tile.with_user(self.peksos).search([("accessible", "=", True)])
        )
        self.assertIn(
            tile, Tile.with_user(self.kasi).search([("accessible", "=", True)])
        )
        self._case()
        self._case(user=self.peksos2)
        self.assertEqual(tile.with_user(self.kasi).value, 2)
