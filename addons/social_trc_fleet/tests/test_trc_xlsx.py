# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from io import BytesIO

from openpyxl import load_workbook

from odoo.tests import tagged

from .common import TrcCommon, wib


@tagged("post_install", "-at_install")
class TestTrcXlsx(TrcCommon):
    def _sheet(self, report, records):
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.trc)
            ._render(report, records.ids)
        )
        return load_workbook(BytesIO(content)).active

    def test_complaint_register(self):
        reports = self._report() | self._report(channel="kelurahan")
        sheet = self._sheet("social_trc_fleet.social_trc_report_xlsx_report", reports)
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "Number")
        self.assertEqual({r[0] for r in rows[1:3]}, set(reports.mapped("name")))
        self.assertIn("Kelurahan", {r[2] for r in rows[1:3]})

    def test_trip_log(self):
        trips = self._trip(wib(2026, 8, 11, 8, 0)) | self._trip(
            wib(2026, 8, 12, 8, 0), destination="RSD Idaman"
        )
        sheet = self._sheet("social_trc_fleet.social_trc_trip_xlsx_report", trips)
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[1][1], "DA 1 TRC")
        self.assertEqual({r[6] for r in rows[1:3]}, {"RSJ Sambang Lihum", "RSD Idaman"})
