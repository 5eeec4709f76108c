# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import tagged

from .common import RecommendationCommon


@tagged("post_install", "-at_install")
class TestRecommendationOverview(RecommendationCommon):
    """The overview tiles: the letter climbs Kasi -> Kabid -> Kadis, tile by tile."""

    def _value(self, name, user):
        tile = self.env.ref(
            f"social_recommendation.social_overview_tile_recommendation_{name}"
        )
        tile.invalidate_recordset()  # figures are computed per request, not cached
        return tile.with_user(user).value

    def test_signoff_tile_follows_the_tiers(self):
        rec = self._to_review(self._create())
        self.assertEqual(
            [self._value("signoff", u) for u in (self.kasi, self.kabid, self.kadis)],
            [1, 0, 0],
        )
        # the Kasi who did the administrative check signs no tier of it
        self.assertEqual(self._value("signoff", self.kasi_other), 0)
        self._review(rec, self.kasi)
        self.assertEqual(
            [self._value("signoff", u) for u in (self.kasi, self.kabid, self.kadis)],
            [0, 1, 0],
        )
        self._review(rec, self.kabid)
        self._review(rec, self.kadis)
        self.assertEqual(
            [self._value("signoff", u) for u in (self.kasi, self.kabid, self.kadis)],
            [0, 0, 0],
        )

    def test_my_requests(self):
        self._create()
        self._create(user=self.staff_other, social_worker_id=False)
        self.assertEqual(self._value("mine", self.staff), 1)
        self.assertEqual(self._value("mine", self.worker), 1)
        self.assertEqual(self._value("mine", self.staff_other), 1)
