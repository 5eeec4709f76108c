# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Each way of forging, skipping or self-signing a recommendation, tried as
the user who would try it: refused with a clear message, nothing changed."""

from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import RecommendationCommon


@tagged("post_install", "-at_install")
class TestRecommendationWorkflowFields(RecommendationCommon):
    def test_workflow_fields_refused_whatever_the_context(self):
        rec = self._to_review(self._create())
        forged = {
            "state": "approved",
            "letter_number": "800/999/Dinsos.C/2025",
            "approved_date": fields.Datetime.now(),
            "checked_by_id": self.kadis.id,
            "name": "REK/FORGED",
        }
        contexts = (
            {},
            {"social_recommendation_workflow": True},
            {"skip_validation_check": True, "tracking_disable": True},
        )
        for user in (self.staff, self.kasi, self.manager):
            for context in contexts:
                for field, value in forged.items():
                    with (
                        self.subTest(user=user.login, field=field, context=context),
                        self.assertRaisesRegex(UserError, "set by the workflow only"),
                    ):
                        rec.with_user(user).with_context(**context).write(
                            {field: value}
                        )
        rec.invalidate_recordset()
        self.assertEqual(rec.state, "review")
        self.assertFalse(rec.letter_number)
        self.assertFalse(rec.approved_date)
        self.assertEqual(rec.checked_by_id, self.kasi_other)
        self.assertTrue(rec.name.startswith("REK/"))

    def test_numbers_not_supplied_on_create(self):
        for field, value in (
            ("name", "REK/2025/9999"),
            ("letter_number", "800/001/Dinsos.C/2025"),
            ("state", "approved"),
        ):
            with (
                self.subTest(field=field),
                self.assertRaisesRegex(UserError, "set by the workflow only"),
            ):
                self._create(**{field: value})
        self.assertFalse(
            self.env["social.recommendation"].search([("name", "=", "REK/2025/9999")])
        )

    def test_skip_state_condition_context_refused(self):
        rec = self._create()
        rec.with_user(self.kasi).with_context(
            skip_check_state_condition=True
        ).request_validation()
        self.assertFalse(rec.review_ids, "no sign-off requested from the draft")


@tagged("post_install", "-at_install")
class TestRecommendationNumbers(RecommendationCommon):
    def test_agenda_number_unique_in_database(self):
        first, second = self._create(), self._create()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            second.sudo().write({"name": first.name})
            second.flush_recordset()

    def test_letter_number_unique_in_database(self):
        first = self._issued()
        second = self._create()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            second.sudo().write({"letter_number": first.letter_number})
            second.flush_recordset()

    def test_sequences_per_office(self):
        other = self.env["res.company"].create({"name": "Dinas Sosial Kota Lain"})
        sequences = self.env["ir.sequence"].search([("company_id", "=", other.id)])
        self.assertEqual(
            sorted(sequences.mapped("code")),
            ["social.client", "social.recommendation", "social.recommendation.letter"],
        )
        self._create()  # the main office's register moves on
        client = self.env["social.client"].create(
            {
                "name": "Klien Lain",
                "no_identity": True,
                "no_identity_description": "Found at the terminal.",
                "company_id": other.id,
            }
        )
        rec = (
            self.env["social.recommendation"]
            .with_company(other)
            .create(
                {
                    "request_from": "Desa Lain",
                    "client_id": client.id,
                    "type_id": self.rec_type.id,
                    "company_id": other.id,
                }
            )
        )
        year = fields.Date.today().year
        self.assertEqual(rec.name, f"REK/{year}/0001", "its own register")


@tagged("post_install", "-at_install")
class TestRecommendationReviewForgery(RecommendationCommon):
    def test_review_fields_not_writable(self):
        rec = self._to_review(self._create())
        kadis_review = rec.review_ids.sorted("sequence")[-1]
        other = self._to_review(self._create())
        forged = {
            "status": "approved",
            "done_by": self.kadis.id,
            "reviewed_date": fields.Datetime.now(),
            "sequence": 0,
            "res_id": other.id,
            "model": "social.client",
            "definition_id": self.env.ref(
                "social_recommendation.tier_definition_kasi"
            ).id,
            "comment": "signed",
        }
        for user in (self.kasi, self.kabid, self.kadis, self.staff, self.manager):
            for field, value in forged.items():
                with (
                    self.subTest(user=user.login, field=field),
                    self.assertRaisesRegex(AccessError, "through the sign-off"),
                ):
                    kadis_review.with_user(user).write({field: value})
        kadis_review.invalidate_recordset()
        self.assertEqual(kadis_review.status, "waiting")
        self.assertFalse(kadis_review.done_by)
        self.assertEqual(kadis_review.res_id, rec.id)

    def test_approved_review_not_creatable(self):
        rec = self._to_review(self._create())
        for user in (self.kasi, self.kadis, self.staff):
            with (
                self.subTest(user=user.login),
                self.assertRaisesRegex(AccessError, "through the sign-off"),
            ):
                self.env["tier.review"].with_user(user).create(
                    {
                        "model": rec._name,
                        "res_id": rec.id,
                        "definition_id": self.env.ref(
                            "social_recommendation.tier_definition_kadis"
                        ).id,
                        "status": "approved",
                        "done_by": self.kadis.id,
                        "sequence": 9,
                    }
                )
        self.assertEqual(len(rec.review_ids), 3)

    def test_earlier_reviews_not_deletable(self):
        rec = self._to_review(self._create())
        self._review(rec, self.kasi)
        kasi_review = rec.review_ids.filtered(lambda r: r.status == "approved")
        for user in (self.kabid, self.kasi, self.manager):
            with (
                self.subTest(user=user.login),
                self.assertRaisesRegex(AccessError, "through the sign-off"),
            ):
                kasi_review.with_user(user).unlink()
        self.assertTrue(kasi_review.exists())
        self.assertEqual(kasi_review.status, "approved")

    def test_portal_user_reads_no_review(self):
        rec = self._to_review(self._create())
        portal = new_test_user(self.env, login="rec_portal", groups="base.group_portal")
        self.assertFalse(self.env["tier.review"].with_user(portal).search([]))
        with self.assertRaises(AccessError):
            rec.review_ids.with_user(portal).read(["status"])

    def test_other_office_reads_no_review(self):
        rec = self._to_review(self._create())
        other = self.env["res.company"].create({"name": "Dinas Sosial Kota Lain"})
        outsider_kasi = new_test_user(
            self.env,
            login="rec_kasi_other_office",
            groups="social_client.group_social_kasi",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        self.assertFalse(
            self.env["tier.review"]
            .with_user(outsider_kasi)
            .search([("res_id", "=", rec.id)])
        )
        self.assertEqual(rec.review_ids.res_company_id, self.company)

    def test_comment_wizard_names_only_own_review(self):
        rec = self._to_review(self._create())
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.kasi)
            .create(
                {
                    "res_model": rec._name,
                    "res_id": rec.id,
                    "review_ids": [Command.set(rec.review_ids.ids)],
                    "validate_reject": "validate",
                    "comment": "all three at once",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "not yours to sign"):
            wizard.add_comment()
        self.assertFalse(rec.review_ids.filtered(lambda r: r.status == "approved"))
        self.assertFalse(any(rec.review_ids.mapped("comment")))


@tagged("post_install", "-at_install")
class TestRecommendationSigners(RecommendationCommon):
    def test_registrant_change_does_not_beat_exclusion(self):
        # the Kabid registers, the Kasi names someone else as registrant
        rec = self._create(user=self.kabid)
        rec.with_user(self.kasi).write({"user_id": self.staff.id})
        self._to_review(rec)
        self.assertIn(self.kabid, rec.review_ids.excluded_user_ids)
        self._review(rec, self.kasi)
        with self.assertRaisesRegex(UserError, "cannot sign any"):
            rec.with_user(self.kabid).validate_tier()
        with self.assertRaisesRegex(UserError, "cannot sign any"):
            rec.with_user(self.kabid).reject_tier()
        self.assertEqual(
            rec.review_ids.filtered(lambda r: r.status == "approved").done_by,
            self.kasi,
        )
        self.assertNotIn(self.kabid, rec.review_ids.reviewer_ids)

    def test_verifier_and_checker_cannot_sign(self):
        rec = self._create(social_worker_id=self.kasi.id)
        self._add_documents(rec)
        rec.with_user(self.staff).action_start_verification()
        rec.with_user(self.kasi).write(
            {"assessment_result": "eligible", "assessment_notes": "Lives alone."}
        )
        rec.with_user(self.kasi).action_submit_assessment()
        rec.with_user(self.kasi_other).action_administrative_check()
        for user in (self.kasi, self.kasi_other):
            with (
                self.subTest(user=user.login),
                self.assertRaisesRegex(UserError, "cannot sign any"),
            ):
                rec.with_user(user).validate_tier()
            self.assertFalse(rec.with_user(user).can_review)
        self.assertEqual(set(rec.review_ids.mapped("status")), {"pending", "waiting"})

    def test_two_roles_sign_one_tier(self):
        both = new_test_user(
            self.env,
            login="rec_kabid_kadis",
            name="Plt. Kadis",
            groups="social_client.group_social_kabid,social_client.group_social_kadis",
        )
        rec = self._to_review(self._create())
        self._review(rec, self.kasi)
        self._review(rec, both)
        kabid_review, kadis_review = rec.review_ids.sorted("sequence")[1:]
        self.assertEqual(kabid_review.done_by, both)
        self.assertEqual(kadis_review.status, "pending", "one tier per signature")
        with self.assertRaisesRegex(UserError, "already signed"):
            rec.with_user(both).validate_tier()
        self.assertEqual(kadis_review.status, "pending")
        self.assertEqual(rec.state, "review")
        self._review(rec, self.kadis)
        self.assertEqual(rec.state, "approved")

    def test_one_tier_per_signer_in_database(self):
        rec = self._to_review(self._create())
        self._review(rec, self.kasi)
        kabid_review = rec.review_ids.sorted("sequence")[1]
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            kabid_review.sudo().write({"status": "approved", "done_by": self.kasi.id})
            kabid_review.flush_recordset()


@tagged("post_install", "-at_install")
class TestRecommendationTierDefinitions(RecommendationCommon):
    def setUp(self):
        super().setUp()
        self.kadis_tier = self.env.ref("social_recommendation.tier_definition_kadis")

    def test_only_administrator_edits_tiers(self):
        for user in (self.kasi, self.kadis, self.staff):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.kadis_tier.with_user(user).write({"sequence": 99})
        self.assertEqual(self.kadis_tier.sequence, 10)
        with self.assertRaises(AccessError):
            self.kadis_tier.with_user(self.kadis).copy()

    def test_administrator_change_tracked(self):
        kabid_group = self.env.ref("social_client.group_social_kabid")
        # the test base disables tracking in the context: as in the office
        self.kadis_tier.with_user(self.manager).with_context(
            tracking_disable=False, mail_notrack=False
        ).write({"reviewer_group_id": kabid_group.id})
        self.env.cr.precommit.run()  # tracking is written at commit
        tracked = self.kadis_tier.message_ids.tracking_value_ids.filtered(
            lambda t: (
                t.field_id.name == "reviewer_group_id"
                and t.new_value_integer == kabid_group.id
            )
        )
        self.assertEqual(
            tracked.old_value_integer,
            self.env.ref("social_client.group_social_kadis").id,
        )
        self.assertEqual(tracked.mail_message_id.author_id, self.manager.partner_id)

    def test_change_does_not_alter_running_signoff(self):
        rec = self._to_review(self._create())
        self._review(rec, self.kasi)
        before = rec.review_ids.sorted("sequence")
        snapshot = [
            (r.sequence, r.name, r.reviewer_group_id, r.approve_sequence, r.status)
            for r in before
        ]
        self.kadis_tier.with_user(self.manager).write(
            {
                "name": "Sekretaris signature",
                "reviewer_group_id": self.env.ref(
                    "social_client.group_social_kabid"
                ).id,
                "approve_sequence": False,
                "sequence": 40,
            }
        )
        rec.invalidate_recordset()
        after = rec.review_ids.sorted("sequence")
        self.assertEqual(after, before)
        self.assertEqual(
            [
                (r.sequence, r.name, r.reviewer_group_id, r.approve_sequence, r.status)
                for r in after
            ],
            snapshot,
        )
        frozen = after[-1].definition_id
        self.assertFalse(frozen.active)
        self.assertEqual(frozen.frozen_from_id, self.kadis_tier)
        # the Kabid cannot sign the Kadis step in the Kadis's place
        self._review(rec, self.kabid)
        with self.assertRaisesRegex(UserError, "already signed"):
            rec.with_user(self.kabid).validate_tier()
        self._review(rec, self.kadis)
        self.assertEqual(rec.state, "approved")
        # a new request follows the changed tier
        new = self._to_review(self._create())
        self.assertIn(self.kadis_tier, new.review_ids.definition_id)

    def test_letter_needs_the_signature_tier(self):
        self.kadis_tier.with_user(self.manager).write({"active": False})
        rec = self._to_review(self._create())
        self._review(rec, self.kasi)
        self._review(rec, self.kabid)
        self.assertEqual(rec.state, "approved")
        self.assertFalse(rec.with_user(self.staff).can_issue)
        with self.assertRaisesRegex(UserError, "signature tier"):
            rec.with_user(self.staff).action_issue()
        self.assertEqual(rec.state, "approved")
        self.assertFalse(rec.letter_number)

    def test_tier_with_reviews_not_deletable(self):
        self._to_review(self._create())
        with self.assertRaisesRegex(UserError, "archive it instead"):
            self.kadis_tier.with_user(self.manager).unlink()
        self.assertTrue(self.kadis_tier.exists())


@tagged("post_install", "-at_install")
class TestRecommendationCancel(RecommendationCommon):
    def test_kasi_cancels_and_reviews_stay_as_history(self):
        rec = self._to_review(self._create())
        self._review(rec, self.kasi)
        rec.with_user(self.kasi).action_cancel()
        self.assertEqual(rec.state, "cancel")
        self.assertFalse(rec.review_ids)
        history = rec.with_user(self.kasi).review_history_ids
        self.assertEqual(history.mapped("status"), ["approved", "cancel", "cancel"])
        self.assertEqual(history[0].done_by, self.kasi)
        with self.assertRaisesRegex(AccessError, "through the sign-off"):
            history[0].with_user(self.kasi).write({"status": "rejected"})
        self.assertTrue(all(rec.step_ids.mapped("date_end")))
        self.assertEqual(rec.step_ids[-1].outcome, "cancelled")

    def test_registrant_cancels_only_before_the_signoff(self):
        rec = self._create()
        with self.assertRaisesRegex(UserError, "Kasi or the registrant"):
            rec.with_user(self.staff_other).action_cancel()
        self._to_review(rec)
        with self.assertRaisesRegex(UserError, "only the Kasi"):
            rec.with_user(self.staff).action_cancel()
        self.assertEqual(rec.state, "review")
        draft = self._create()
        draft.with_user(self.staff).action_cancel()
        self.assertEqual(draft.state, "cancel")

    def test_cancel_refused_after_approval(self):
        rec = self._to_review(self._create())
        self._approve_all(rec)
        for user in (self.kasi, self.staff, self.manager):
            with (
                self.subTest(user=user.login),
                self.assertRaisesRegex(UserError, "not possible"),
            ):
                rec.with_user(user).action_cancel()
        self.assertEqual(rec.state, "approved")
        self.assertEqual(len(rec.review_ids), 3)
