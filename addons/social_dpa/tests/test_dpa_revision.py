# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import psycopg2.errors

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import DpaCommon


@tagged("post_install", "-at_install")
class TestDpaApproval(DpaCommon):
    def test_approval_kabid_then_kadis(self):
        self.dpa.with_user(self.finance).request_validation()
        self.assertEqual(len(self.dpa.review_ids), 2)
        with self.assertRaisesRegex(UserError, "no sign-off step waiting for you"):
            self.dpa.with_user(self.kadis).validate_tier()
        self.dpa.with_user(self.kabid).validate_tier()
        self.assertEqual(self.dpa.state, "draft")
        with self.assertRaisesRegex(UserError, "locked"):
            self.line_meals.with_user(self.finance).amount = 1
        self.dpa.with_user(self.kadis).validate_tier()
        self.assertEqual(self.dpa.state, "approved")
        self.assertTrue(self.dpa.approved_date)
        self.assertEqual(
            self.dpa.review_ids.sorted("sequence").mapped("done_by"),
            self.kabid | self.kadis,
        )

    def test_no_approval_without_tiers(self):
        with self.assertRaisesRegex(UserError, "must be approved by the Kabid"):
            self.dpa.with_user(self.finance).action_approve()
        with self.assertRaisesRegex(UserError, "set by the workflow only"):
            self.dpa.with_user(self.finance).write({"state": "approved"})
        self.assertEqual(self.dpa.state, "draft")

    def test_requester_cannot_approve(self):
        """A Kabid who also keeps the books does not approve what they asked."""
        self.kabid.group_ids = [
            Command.link(self.env.ref("social_dpa.group_social_finance").id)
        ]
        self.dpa.with_user(self.kabid).request_validation()
        with self.assertRaisesRegex(UserError, "four-eyes"):
            self.dpa.with_user(self.kabid).validate_tier()
        self.assertEqual(self.dpa.review_ids.mapped("status"), ["pending", "waiting"])

    def test_rejection_reopens(self):
        self.dpa.with_user(self.finance).request_validation()
        self.dpa.with_user(self.kabid).reject_tier()
        self.assertEqual(self.dpa.validation_status, "rejected")
        self.assertEqual(self.dpa.state, "draft")
        self.line_meals.with_user(self.finance).amount = 12_000_000
        self.assertEqual(self.line_meals.amount, 12_000_000)


@tagged("post_install", "-at_install")
class TestDpaRevision(DpaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve(cls.dpa)
        cls.line_meals.with_user(cls.finance).charge("2026-02-01", 3_000_000, "Feb")

    def test_approved_is_locked_for_everyone(self):
        for env_line in (self.line_meals.with_user(self.finance), self.line_meals):
            with self.assertRaisesRegex(UserError, "locked"):
                env_line.amount = 1
            with self.assertRaisesRegex(UserError, "locked"):
                env_line.rekening_id = self.acc_fuel
            with self.assertRaisesRegex(UserError, "locked"):
                env_line.unlink()
        with self.assertRaisesRegex(UserError, "locked"):
            self.env["social.dpa.line"].create(
                {
                    "dpa_id": self.dpa.id,
                    "sub_activity_id": self.sub_meals.id,
                    "rekening_id": self.acc_fuel.id,
                    "amount": 5,
                }
            )
        with self.assertRaisesRegex(UserError, "locked"):
            self.dpa.fiscal_year = 2027
        self.assertEqual(self.line_meals.amount, 10_000_000)

    def _revise(self):
        action = self.dpa.with_user(self.finance).action_revise()
        return self.env["social.dpa"].browse(action["res_id"])

    def test_revision_versions_and_differences(self):
        revision = self._revise()
        self.assertEqual((revision.version, revision.state), (2, "draft"))
        self.assertEqual(revision.previous_id, self.dpa)
        self.assertEqual(len(revision.line_ids), 3)
        new_meals = revision.line_ids.filtered(
            lambda r: r.origin_line_id == self.line_meals
        )
        self.assertEqual(
            new_meals.analytic_account_id, self.line_meals.analytic_account_id
        )
        self.assertEqual(new_meals.amount_realized, 3_000_000)
        revision = revision.with_user(self.finance)
        revision.revision_kind = "shift"
        new_meals.with_user(self.finance).amount = 8_000_000
        revision.write(
            {
                "line_ids": [
                    Command.create(
                        {
                            "sub_activity_id": self.sub_clothes.id,
                            "rekening_id": self.acc_meals.id,
                            "amount": 2_000_000,
                        }
                    )
                ]
            }
        )
        self.assertEqual(new_meals.amount_previous, 10_000_000)
        self.assertEqual(new_meals.amount_difference, -2_000_000)
        added = revision.line_ids.filtered(lambda r: not r.origin_line_id)
        self.assertEqual(added.amount_difference, 2_000_000)
        self.assertNotEqual(
            added.analytic_account_id, self.line_meals.analytic_account_id
        )
        with self.assertRaisesRegex(UserError, "keeps its codes"):
            new_meals.with_user(self.finance).rekening_id = self.acc_fuel
        with self.assertRaisesRegex(UserError, "stays in the revision"):
            new_meals.with_user(self.finance).unlink()
        with self.assertRaisesRegex(UserError, "already has a revision"):
            self.dpa.with_user(self.finance).action_revise()
        # charges still go to the approved version meanwhile
        self.line_meals.with_user(self.finance).charge("2026-03-01", 1_000_000, "Mar")
        self._approve(revision)
        self.assertEqual(revision.state, "approved")
        self.assertEqual(self.dpa.state, "revised")
        # the approved version stays readable, unchanged
        self.assertEqual(self.line_meals.amount, 10_000_000)
        self.assertEqual(self.dpa.revision_ids, revision)
        self.assertEqual(len(self.dpa.review_ids), 2)
        # a charge to the old line lands on its successor, under its ceiling
        aal = self.line_meals.with_user(self.finance).charge(
            "2026-04-01", 500_000, "Apr"
        )
        self.assertEqual(aal.sudo().social_dpa_line_id, new_meals)
        self.assertEqual(new_meals.amount_realized, 4_500_000)
        with self.assertRaisesRegex(UserError, "remaining ceiling"):
            new_meals.with_user(self.finance).charge("2026-04-02", 4_000_000, "X")

    def test_revision_below_realized_refused(self):
        revision = self._revise()
        new_meals = revision.line_ids.filtered(
            lambda r: r.origin_line_id == self.line_meals
        )
        new_meals.with_user(self.finance).amount = 2_000_000
        with self.assertRaisesRegex(UserError, "below what it has already realised"):
            self._approve(revision)
        self.assertEqual(self.dpa.state, "approved")

    def test_pair_unique_and_negative_ceiling(self):
        draft = self._create_dpa(2027)
        with (
            self.assertRaises(psycopg2.errors.UniqueViolation),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            draft.line_ids[0].copy({"dpa_id": draft.id})
        with self.assertRaisesRegex(ValidationError, "negative"):
            draft.line_ids[0].with_user(self.finance).amount = -5
