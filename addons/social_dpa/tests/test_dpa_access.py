# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DpaCommon


@tagged("post_install", "-at_install")
class TestDpaAccess(DpaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve(cls.dpa)
        cls.line_meals.with_user(cls.finance).charge("2026-01-05", 100_000, "Jan")

    def test_social_worker(self):
        dpa = self.dpa.with_user(self.worker)
        line = self.line_meals.with_user(self.worker)
        self.assertEqual(line.amount_realized, 100_000)  # reads, to pick a line
        with self.assertRaises(AccessError):
            dpa.name = "Changed"
        with self.assertRaises(AccessError):
            line.name = "Changed"
        with self.assertRaises(AccessError):
            self.env["social.dpa"].with_user(self.worker).create(
                {"name": "Mine", "fiscal_year": 2029}
            )
        column = self.line_meals._dpa_column()
        with self.assertRaises(AccessError):
            self.env["account.analytic.line"].with_user(self.worker).create(
                {
                    "name": "Direct",
                    "amount": -1,
                    column: self.line_meals.analytic_account_id.id,
                }
            )
        with self.assertRaises(AccessError):
            self.env["account.analytic.line"].with_user(self.worker).search([])
        with self.assertRaises(AccessError):
            self.env["social.dpa.realization"].with_user(self.worker).search([])
        self.assertEqual(self.dpa.name, "DPA Test 2026")

    def test_kabid_kadis_read_and_approve_only(self):
        for user in (self.kabid, self.kadis):
            dpa = self.dpa.with_user(user)
            self.assertEqual(dpa.amount_realized, 100_000)
            self.assertTrue(
                self.env["social.dpa.realization"]
                .with_user(user)
                .search([("dpa_id", "=", self.dpa.id)])
            )
            self.assertTrue(
                self.env["account.analytic.line"]
                .with_user(user)
                .search([("social_dpa_line_id", "=", self.line_meals.id)])
            )
            with self.assertRaises(AccessError):
                dpa.ceiling_policy = "warn"
            with self.assertRaises(AccessError):
                dpa.action_revise()
            with self.assertRaises(AccessError):
                self.line_meals.with_user(user).charge("2026-01-06", 1, "X")

    def test_finance_edits_and_charges(self):
        draft = self._create_dpa(2028)
        draft.line_ids[0].with_user(self.finance).amount = 123
        self.assertEqual(draft.line_ids[0].amount, 123)
        self.dpa.with_user(self.finance).ceiling_policy = "warn"
        self.line_clothes.with_user(self.finance).charge("2026-01-06", 5, "SPJ")
        self.assertEqual(self.line_clothes.amount_realized, 5)

    def test_other_office(self):
        other = self.env["res.company"].create({"name": "Dinsos Kota Lain"})
        self.finance_other.write(
            {"company_ids": [(6, 0, other.ids)], "company_id": other.id}
        )
        self.assertFalse(
            self.env["social.dpa"]
            .with_user(self.finance_other)
            .search([("id", "=", self.dpa.id)])
        )
