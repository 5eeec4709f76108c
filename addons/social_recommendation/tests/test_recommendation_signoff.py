# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RecommendationCommon


@tagged("post_install", "-at_install")
class TestRecommendationSignoff(RecommendationCommon):
    def _pending(self, rec):
        return rec.review_ids.filtered(lambda r: r.status == "pending").sorted(
            "sequence"
        )

    def test_shipped_tier_definitions(self):
        definitions = self.env["tier.definition"].search(
            [("model", "=", "social.recommendation")], order="sequence desc"
        )
        # base_tier_validation reviews the highest definition sequence first
        self.assertEqual(
            definitions.mapped("reviewer_group_id").ids,
            [
                self.env.ref("social_client.group_social_kasi").id,
                self.env.ref("social_client.group_social_kabid").id,
                self.env.ref("social_client.group_social_kadis").id,
            ],
        )
        self.assertTrue(all(definitions.mapped("approve_sequence")))
        self.assertTrue(all(definitions.mapped("exclude_requester")))
        self.assertEqual(set(definitions.mapped("review_type")), {"group"})
        self.assertEqual(
            definitions.mapped("recommendation_signoff"),
            ["paraf", "paraf", "signature"],
        )
        self.assertIn(
            "social.recommendation",
            self.env["tier.definition"]._get_tier_validation_model_names(),
        )

    def test_order_cannot_be_skipped(self):
        rec = self._to_review(self._create())
        self.assertEqual(
            self._pending(rec).reviewer_group_id.name, "Section Head (Kasi)"
        )
        for user in (self.kabid, self.kadis):
            with (
                self.subTest(user=user.login),
                self.assertRaisesRegex(UserError, "not your turn"),
            ):
                rec.with_user(user).validate_tier()
        self._review(rec, self.kasi)
        with self.assertRaisesRegex(UserError, "not your turn"):
            rec.with_user(self.kadis).validate_tier()
        with self.assertRaisesRegex(UserError, "not your turn"):
            rec.with_user(self.kadis).reject_tier()
        self._review(rec, self.kabid)
        self._review(rec, self.kadis)
        self.assertEqual(rec.state, "approved")

    def test_order_cannot_be_skipped_through_the_comment_wizard(self):
        rec = self._to_review(self._create())
        kabid_review = rec.review_ids.filtered(
            lambda r: (
                r.definition_id
                == self.env.ref("social_recommendation.tier_definition_kabid")
            )
        )
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.kabid)
            .create(
                {
                    "res_model": rec._name,
                    "res_id": rec.id,
                    "review_ids": [Command.set(kabid_review.ids)],
                    "validate_reject": "validate",
                    "comment": "skip the Kasi",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "not your turn"):
            wizard.add_comment()
        self.assertNotEqual(kabid_review.status, "approved")

    def test_wrong_role(self):
        rec = self._to_review(self._create())
        with self.assertRaisesRegex(UserError, "may only be signed by"):
            rec.with_user(self.manager).validate_tier()
        self._review(rec, self.kasi)
        # a Kasi does not sign the Kabid's step either
        with self.assertRaisesRegex(UserError, "already signed"):
            rec.with_user(self.kasi).validate_tier()
        self.assertEqual(
            self._pending(rec).definition_id.reviewer_group_id.name,
            "Division Head (Kabid)",
        )

    def test_requester_cannot_approve_own_request(self):
        rec = self._create(user=self.kasi_other)
        self._to_review(rec)
        self.assertEqual(rec.review_ids.mapped("requested_by"), self.kasi_other)
        self.assertNotIn(self.kasi_other, rec.review_ids.mapped("reviewer_ids"))
        with self.assertRaisesRegex(UserError, "cannot sign any"):
            rec.with_user(self.kasi_other).validate_tier()
        self._review(rec, self.kasi)
        self.assertEqual(
            rec.review_ids.filtered(lambda r: r.status == "approved").done_by, self.kasi
        )

    def test_rejection_and_resubmission(self):
        rec = self._to_review(self._create())
        self._review(rec, self.kasi)
        self._review(rec, self.kabid, "reject", comment="The SKTM is expired.")
        self.assertEqual(rec.state, "verification")
        self.assertEqual(rec.validation_status, "rejected")
        self.assertEqual(rec.return_note, "The SKTM is expired.")
        self.assertIn("The SKTM is expired.", rec.message_ids[:1].body)
        kabid_step = rec.step_ids.filtered(
            lambda s: s.sop_step_id.code == "kabid_review"
        )
        self.assertEqual(kabid_step.outcome, "returned")
        self.assertEqual(kabid_step.user_id, self.kabid)
        # the request can be completed again
        rec.with_user(self.worker).write({"assessment_notes": "New SKTM attached."})
        rec.with_user(self.worker).action_submit_assessment()
        self.assertFalse(rec.return_note)
        rec.with_user(self.kasi_other).action_administrative_check()
        self.assertEqual(
            len(rec.review_ids), 3, "a fresh sign-off replaces the old one"
        )
        self.assertEqual(
            rec.review_history_ids.mapped("status"),
            ["approved", "rejected", "cancel"],
            "the returned round stays readable",
        )
        self.assertEqual(set(rec.review_ids.mapped("status")), {"pending", "waiting"})
        self._approve_all(rec)
        self.assertEqual(rec.state, "approved")
        self.assertEqual(
            len(rec.step_ids.filtered(lambda s: s.sop_step_id.code == "verification")),
            2,
        )

    def test_rejection_by_kasi(self):
        rec = self._to_review(self._create())
        self._review(rec, self.kasi, "reject", comment="Assessment too thin.")
        self.assertEqual(rec.state, "verification")
        self.assertEqual(rec.return_note, "Assessment too thin.")

    def test_restart_only_by_administrator(self):
        rec = self._to_review(self._create())
        self._review(rec, self.kasi)
        with self.assertRaisesRegex(UserError, "administrator"):
            rec.with_user(self.kasi).restart_validation()
        self.assertEqual(len(rec.review_ids), 3)
        rec.with_user(self.manager).restart_validation()
        self.assertFalse(rec.review_ids)
        self.assertEqual(rec.state, "check")
        self.assertEqual(len(rec.review_history_ids), 3, "kept as history")
        open_logs = rec.step_ids.filtered(lambda s: not s.date_end)
        self.assertEqual(open_logs.sop_step_id.code, "admin_check")
        tier_log = rec.step_ids.filtered(lambda s: s.sop_step_id.code == "kabid_review")
        self.assertEqual(tier_log.outcome, "returned", "the tier's SOP log closed")
        # sent for sign-off again by the administrative check
        rec.with_user(self.kasi_other).action_administrative_check()
        self.assertEqual(rec.state, "review")
        self.assertEqual(len(rec.review_ids), 3)
        self._approve_all(rec)
        self.assertEqual(rec.state, "approved")

    def test_no_tier_configured(self):
        self.env["tier.definition"].search(
            [("model", "=", "social.recommendation")]
        ).active = False
        rec = self._create()
        self._add_documents(rec)
        self._verify(rec)
        with self.assertRaisesRegex(UserError, "No sign-off tier"):
            rec.with_user(self.kasi_other).action_administrative_check()
