# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import io

import openpyxl

from odoo.tests import tagged

from .common import DpaCommon


@tagged("post_install", "-at_install")
class TestDpaReport(DpaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve(cls.dpa)
        charge = cls.line_meals.with_user(cls.finance).charge
        charge("2026-01-15", 1_000_000, "Jan")
        charge("2026-02-15", 2_000_000, "Feb")
        charge("2026-03-15", 4_000_000, "Mar, after the report month")

    def test_lra_xlsx(self):
        wizard = (
            self.env["social.dpa.lra.wizard"]
            .with_user(self.kabid)
            .create({"dpa_id": self.dpa.id, "month": "2"})
        )
        action = wizard.action_print()
        self.assertEqual(action["data"], {"month": 2})
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.kabid)
            ._render("social_dpa.lra_xlsx", self.dpa.ids, data={"month": 2})
        )
        self.assertEqual(report_type, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = {
            row[0]: row
            for row in sheet.iter_rows(min_row=6, values_only=True)
            if row[0]
        }
        # code, name, pagu, this month, up to last month, up to this month,
        # remaining, share
        self.assertEqual(
            rows["1.06.04"][2:7],
            (17_000_000, 2_000_000, 1_000_000, 3_000_000, 14_000_000),
        )
        self.assertAlmostEqual(rows["1.06.04"][7], 3 / 17)
        self.assertEqual(rows["1.06.04.2.01.0001"][2:4], (10_000_000, 2_000_000))
        self.assertEqual(rows["5.1.02.01.01.0052"][5], 3_000_000)
        self.assertEqual(rows["5.1.02.01.01.0004"][5], 0)
        total = list(sheet.iter_rows(values_only=True))[-1]
        self.assertEqual(total[2], 17_000_000)
        self.assertEqual(total[5], 3_000_000)
