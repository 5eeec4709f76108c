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
            for row in sheet.iter_rows(min_row=2, values_only=True)
            if row[0]
        }
        header = next(sheet.iter_rows(max_row=1, values_only=True))
        self.assertEqual(header[3], "Ceiling (Pagu)")
        # code, name, level, pagu, this month, up to last month, up to this
        # month, remaining, share
        self.assertEqual(
            rows["1.06.04"][3:8],
            (17_000_000, 2_000_000, 1_000_000, 3_000_000, 14_000_000),
        )
        self.assertEqual(rows["1.06.04"][2], "Programme")
        self.assertAlmostEqual(rows["1.06.04"][8], 3 / 17)
        self.assertEqual(rows["1.06.04.2.01.0001"][3:5], (10_000_000, 2_000_000))
        self.assertEqual(rows["5.1.02.01.01.0052"][6], 3_000_000)
        self.assertEqual(rows["5.1.02.01.01.0004"][6], 0)
        total = list(sheet.iter_rows(values_only=True))[-1]
        self.assertEqual(total[2], "Total")
        self.assertEqual(total[3], 17_000_000)
        self.assertEqual(total[6], 3_000_000)
