# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import HttpCase, tagged

from .common import RecommendationCommon


@tagged("post_install", "-at_install")
class TestRecommendationTour(HttpCase, RecommendationCommon):
    """The Kasi's paraf as the Kasi does it: the form button and the wizard."""

    def test_kasi_initials_in_the_web_client(self):
        rec = self._to_review(self._create())
        self.start_tour(
            f"/odoo/action-social_recommendation.social_recommendation_action/{rec.id}",
            "social_recommendation_kasi_paraf_tour",
            login=self.kasi.login,
        )
        kasi_review, kabid_review = rec.review_ids.sorted("sequence")[:2]
        self.assertEqual(kasi_review.status, "approved")
        self.assertEqual(kasi_review.done_by, self.kasi)
        self.assertEqual(kasi_review.comment, "Data lengkap, diparaf.")
        self.assertEqual(kabid_review.status, "pending")
        self.assertEqual(rec.state, "review")
