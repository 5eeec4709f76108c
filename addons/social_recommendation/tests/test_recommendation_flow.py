# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Date
from odoo.tests import tagged

from .common import RecommendationCommon


@tagged("post_install", "-at_install")
class TestRecommendationFlow(RecommendationCommon):
    def test_full_path(self):
        rec = self._create()
        self.assertTrue(rec.name.startswith("REK/"))
        self.assertEqual(rec.user_id, self.staff)
        self._add_documents(rec)
        rec.with_user(self.staff).action_start_verification()
        self.assertEqual(rec.state, "verification")
        rec.with_user(self.worker).write(
            {"assessment_result": "eligible", "assessment_notes": "Lives alone."}
        )
        rec.with_user(self.worker).action_submit_assessment()
        self.assertEqual(rec.state, "check")
        rec.with_user(self.kasi_other).action_administrative_check()
        self.assertEqual(rec.state, "review")
        self.assertEqual(rec.checked_by_id, self.kasi_other)
        self.assertEqual(
            rec.review_ids.sorted("sequence").mapped("definition_id").ids,
            [
                self.env.ref("social_recommendation.tier_definition_kasi").id,
                self.env.ref("social_recommendation.tier_definition_kabid").id,
                self.env.ref("social_recommendation.tier_definition_kadis").id,
            ],
            "Kasi, then Kabid, then Kadis",
        )
        self.assertEqual(rec.validation_status, "pending")
        self._review(rec, self.kasi)
        self.assertEqual(rec.state, "review")
        self._review(rec, self.kabid)
        self.assertEqual(rec.state, "review")
        self._review(rec, self.kadis)
        self.assertEqual(rec.state, "approved")
        self.assertEqual(rec.validation_status, "validated")
        self.assertEqual(
            rec.review_ids.sorted("sequence").mapped("done_by").ids,
            [self.kasi.id, self.kabid.id, self.kadis.id],
        )
        rec.with_user(self.staff).action_issue()
        self.assertEqual(rec.state, "issued")
        year = Date.context_today(rec).year
        self.assertRegex(rec.letter_number, rf"^800/\d{{3}}/Dinsos\.C/{year}$")
        self.assertEqual(rec.letter_date, Date.context_today(rec))
        self.assertTrue(rec.letter_attachment_id)
        self.assertEqual(rec.letter_attachment_id.res_id, rec.id)
        rec.with_user(self.staff).action_hand_over()
        self.assertEqual(rec.state, "handed")
        self.assertTrue(rec.handed_date)
        rec.with_user(self.worker).action_deliver()
        self.assertEqual(rec.state, "delivered")
        self.assertEqual(rec.delivered_by_id, self.worker)
        self.assertTrue(rec.delivery_date)
        self.assertEqual(
            rec.step_ids.mapped("sop_step_id.code"),
            [
                "assignment",
                "verification",
                "admin_check",
                "kasi_paraf",
                "kabid_review",
                "kadis_signature",
                "issue",
                "handover",
                "delivery",
            ],
        )
        self.assertTrue(all(rec.step_ids.mapped("date_end")))
        self.assertEqual(
            rec.step_ids.filtered(
                lambda s: s.sop_step_id.code == "kabid_review"
            ).user_id,
            self.kabid,
        )

    def test_letter_numbers_follow_sequence(self):
        first = self._issued()
        second = self._issued()
        seq_first = int(first.letter_number.split("/")[1])
        seq_second = int(second.letter_number.split("/")[1])
        self.assertEqual(seq_second, seq_first + 1)

    def test_number_pattern_validated(self):
        with self.assertRaises(ValidationError):
            self.company.recommendation_number_pattern = "800/Dinsos.C/{year}"
        with self.assertRaises(ValidationError):
            self.company.recommendation_number_pattern = "800/{seq}/{unknown}"
        self.company.recommendation_number_pattern = (
            "460/{seq}/Rehsos/{roman_month}/{year}"
        )
        rec = self._issued()
        self.assertRegex(rec.letter_number, r"^460/\d{3}/Rehsos/[IVX]+/\d{4}$")

    def test_transitions_from_wrong_state(self):
        rec = self._create()
        for method in (
            "action_submit_assessment",
            "action_administrative_check",
            "action_issue",
            "action_hand_over",
            "action_deliver",
        ):
            with (
                self.subTest(method=method),
                self.assertRaisesRegex(UserError, "not possible"),
            ):
                getattr(rec.with_user(self.kasi), method)()
        with self.assertRaisesRegex(UserError, "not waiting for a sign-off"):
            rec.with_user(self.kasi).validate_tier()
        with self.assertRaises(UserError):
            rec.with_user(self.staff).action_print_letter()
        self._add_documents(rec)
        self._verify(rec)
        with self.assertRaisesRegex(UserError, "not possible"):
            rec.with_user(self.staff).action_start_verification()

    def test_start_verification_needs_social_worker(self):
        rec = self._create(social_worker_id=False)
        with self.assertRaisesRegex(UserError, "social worker"):
            rec.with_user(self.staff).action_start_verification()

    def test_assessment_by_assigned_worker_and_complete(self):
        rec = self._create()
        rec.with_user(self.staff).action_start_verification()
        with self.assertRaisesRegex(UserError, "assessment"):
            rec.with_user(self.worker).action_submit_assessment()
        rec.with_user(self.worker).write(
            {"assessment_result": "eligible", "assessment_notes": "Lives alone."}
        )
        with self.assertRaisesRegex(UserError, "Only the assigned social worker"):
            rec.with_user(self.staff).action_submit_assessment()
        rec.with_user(self.worker).action_submit_assessment()
        self.assertEqual(rec.state, "check")

    def test_missing_documents_block_administrative_check(self):
        rec = self._create()
        self._add_documents(rec, self.doc_ktp)
        self._verify(rec)
        self.assertEqual(rec.missing_document_type_ids, self.doc_sktm)
        with self.assertRaisesRegex(UserError, "Test SKTM"):
            rec.with_user(self.kasi_other).action_administrative_check()
        self.assertEqual(rec.state, "check")
        self.assertFalse(rec.review_ids)
        self._add_documents(rec, self.doc_sktm)
        rec.with_user(self.kasi_other).action_administrative_check()
        self.assertEqual(rec.state, "review")

    def test_not_eligible_blocks_administrative_check(self):
        rec = self._create()
        self._add_documents(rec)
        rec.with_user(self.staff).action_start_verification()
        rec.with_user(self.worker).write(
            {"assessment_result": "not_eligible", "assessment_notes": "Has a family."}
        )
        rec.with_user(self.worker).action_submit_assessment()
        with self.assertRaisesRegex(UserError, "not assessed as eligible"):
            rec.with_user(self.kasi_other).action_administrative_check()

    def test_administrative_check_only_by_kasi(self):
        rec = self._create()
        self._add_documents(rec)
        self._verify(rec)
        for user in (self.staff, self.kabid, self.kadis, self.manager):
            with (
                self.subTest(user=user.login),
                self.assertRaisesRegex(UserError, "Kasi"),
            ):
                rec.with_user(user).action_administrative_check()

    def test_read_only_under_review(self):
        rec = self._to_review(self._create())
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            rec.with_user(self.staff).write({"request_from": "Desa Lain"})
        # base_tier_validation's own guard for every other field
        with self.assertRaisesRegex(ValidationError, "under validation"):
            rec.with_user(self.staff).write({"note": "<p>edited</p>"})
        with self.assertRaisesRegex(UserError, "documents"):
            self._add_documents(rec, self.doc_ktp)
        with self.assertRaisesRegex(UserError, "documents"):
            rec.document_ids[:1].with_user(self.staff).unlink()

    def test_unlink_only_draft_or_cancelled(self):
        rec = self._create()
        rec.with_user(self.staff).action_start_verification()
        with self.assertRaisesRegex(UserError, "register keeps"):
            rec.with_user(self.manager).unlink()
        rec.with_user(self.staff).action_cancel()
        rec.with_user(self.manager).unlink()
        self.assertFalse(rec.exists())

    def test_kanban_columns_follow_the_flow(self):
        """The board shows every step in the order of the SOP, whatever the
        grouping's SQL order; the cancelled column only when it holds records."""
        recs = self._create() | self._create()
        self._to_review(recs[1])
        model = self.env["social.recommendation"].with_context(read_group_expand=True)
        domain = [("id", "in", recs.ids)]

        def columns():
            result = model.web_read_group(domain, ["state"], ["__count"])
            return [group["state"] for group in result["groups"]]

        flow = [
            "draft",
            "verification",
            "check",
            "review",
            "approved",
            "issued",
            "handed",
            "delivered",
        ]
        self.assertEqual(columns(), flow)
        recs[0].with_user(self.staff).action_cancel()
        self.assertEqual(columns(), [*flow, "cancel"])
