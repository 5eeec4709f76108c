# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.tests import tagged

from .common import DpaCommon


@tagged("post_install", "-at_install")
class TestDpaRollup(DpaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve(cls.dpa)
        cls.line_meals.with_user(cls.finance).charge("2026-01-15", 1_000_000, "Jan")
        cls.line_meals.with_user(cls.finance).charge("2026-02-15", 2_500_000, "Feb")
        cls.line_clothes.with_user(cls.finance).charge("2026-02-20", 500_000, "Feb")
        cls.line_fuel.with_user(cls.finance).charge("2026-03-01", 400_000, "Mar")

    def test_line_realization(self):
        self.assertEqual(self.line_meals.amount_realized, 3_500_000)
        self.assertEqual(self.line_meals.amount_remaining, 6_500_000)
        self.assertAlmostEqual(self.line_meals.absorption, 35.0)
        self.assertEqual(self.dpa.amount_total, 17_000_000)
        self.assertEqual(self.dpa.amount_realized, 4_400_000)
        self.assertEqual(self.dpa.amount_remaining, 12_600_000)

    def test_rollup_per_level_and_month(self):
        rollup = self.dpa._realization_rollup(by_month=True)
        programme = self.env.ref("social_dpa.nomenclature_1_06_04")
        outside = self.env.ref("social_dpa.nomenclature_1_06_04_2_01")
        other = self.env.ref("social_dpa.nomenclature_1_06_04_2_02")
        level = rollup["levels"]
        self.assertEqual(level[("program", programme.id)]["ceiling"], 17_000_000)
        self.assertEqual(level[("program", programme.id)]["realized"], 4_400_000)
        self.assertEqual(level[("activity", outside.id)]["ceiling"], 15_000_000)
        self.assertEqual(level[("activity", outside.id)]["realized"], 4_000_000)
        self.assertEqual(
            level[("activity", outside.id)]["months"], {1: 1_000_000, 2: 3_000_000}
        )
        self.assertEqual(level[("activity", other.id)]["remaining"], 1_600_000)
        self.assertAlmostEqual(level[("activity", other.id)]["absorption"], 20.0)
        self.assertEqual(
            level[("sub_activity", self.sub_meals.id)]["realized"], 3_500_000
        )
        self.assertEqual(rollup["total"]["months"], {1: 1e6, 2: 3e6, 3: 4e5})
        self.assertEqual(rollup["lines"][self.line_fuel.id]["realized"], 400_000)

    def test_realization_reads_analytic_lines(self):
        """A cost recorded elsewhere (a vendor bill's analytic distribution)
        counts: the realisation is read from the analytic lines."""
        column = self.line_clothes._dpa_column()
        self.env["account.analytic.line"].create(
            {
                "name": "Vendor bill",
                "date": "2026-04-02",
                "amount": -750_000,
                column: self.line_clothes.analytic_account_id.id,
            }
        )
        self.line_clothes.invalidate_recordset()
        self.assertEqual(self.line_clothes.amount_realized, 1_250_000)
        report = self.env["social.dpa.realization"].search(
            [("line_id", "=", self.line_clothes.id)]
        )
        self.assertEqual(sum(report.mapped("amount_ceiling")), 5_000_000)
        self.assertEqual(sum(report.mapped("amount_realized")), 1_250_000)

    def test_rollup_queries_flat(self):
        """The roll-up costs the same queries for 3 lines and for 30."""
        big = self.env["social.dpa"].create(
            {
                "name": "Big",
                "fiscal_year": 2030,
                "line_ids": [
                    Command.create(
                        {
                            "sub_activity_id": sub.id,
                            "rekening_id": account.id,
                            "amount": 1000,
                        }
                    )
                    for sub in self.env["social.dpa.nomenclature"].search(
                        [("level", "=", "sub_activity")], limit=10
                    )
                    for account in (self.acc_meals, self.acc_goods, self.acc_fuel)
                ],
            }
        )
        self.assertEqual(len(big.line_ids), 30)

        def count(dpa):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            dpa._realization_rollup(by_month=True)
            return self.cr.sql_log_count - before

        count(self.dpa)  # warm the caches (plan, its column, the xml id)
        small_count = count(self.dpa)
        self.assertEqual(count(big), small_count)
        self.assertLessEqual(small_count, 6)
