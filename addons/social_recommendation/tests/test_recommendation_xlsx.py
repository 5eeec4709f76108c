# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import datetime
import io

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.tests import tagged

from .common import RecommendationCommon

REGISTER = "social_recommendation.social_recommendation_register_xlsx_report"
COMPLIANCE = "social_recommendation.social_recommendation_step_compliance_xlsx_report"
REGISTER_HEADERS = [
    "Agenda Number",
    "Received on",
    "Requested by (Office)",
    "Requesting Village",
    "Request Letter Number",
    "Request Letter Date",
    "Client",
    "Recommendation Type",
    "Destination Institution",
    "Social Worker",
    "Step",
    "Letter Number",
    "Letter Date",
    "Delivered on",
]
COMPLIANCE_HEADERS = [
    "SOP Step",
    "Month",
    "Done by",
    "Steps",
    "Standard (minutes)",
    "Average Duration (minutes)",
    "Longest Duration (minutes)",
    "Share Within Standard (%)",
]


@tagged("post_install", "-at_install")
class TestRecommendationXlsx(RecommendationCommon):
    """Both XLSX reports on social_client's XLSX table base."""

    def _render(self, xmlid, records, user):
        content, file_type = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(tz="Asia/Jakarta")
            ._render(self.env.ref(xmlid), records.ids, {})
        )
        self.assertEqual(file_type, "xlsx")
        return load_workbook(io.BytesIO(content)).active

    def test_register(self):
        with freeze_time("2025-03-10 01:30:00"):
            issued = self._issued()
        with freeze_time("2025-03-09 23:00:00"):
            received = self._create(
                request_letter_number="400/12/DS-BR/2025",
                request_letter_date=datetime.date(2025, 3, 3),
            )
        sheet = self._render(REGISTER, issued | received, self.kasi)
        self.assertEqual(sheet.title, "Register")
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual(sheet.auto_filter.ref, "A1:N3")
        self.assertTrue(sheet["A1"].font.bold)
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        self.assertEqual(rows[0], REGISTER_HEADERS)
        # in the order of reception, whatever the order of the selection
        self.assertEqual([row[0] for row in rows[1:]], [received.name, issued.name])
        by_number = {
            row[0]: dict(zip(REGISTER_HEADERS, row, strict=True)) for row in rows[1:]
        }
        first, second = by_number[received.name], by_number[issued.name]
        # times in the user's time zone (UTC+7), as Excel dates
        self.assertEqual(first["Received on"], datetime.datetime(2025, 3, 10, 6, 0))
        self.assertEqual(second["Received on"], datetime.datetime(2025, 3, 10, 8, 30))
        self.assertEqual(sheet["B2"].number_format, "dd/mm/yyyy hh:mm")
        self.assertEqual(first["Request Letter Date"], datetime.datetime(2025, 3, 3))
        self.assertEqual(sheet["F2"].number_format, "dd/mm/yyyy")
        self.assertEqual(first["Request Letter Number"], "400/12/DS-BR/2025")
        self.assertIsNone(first["Letter Number"], "no letter yet")
        self.assertEqual(second["Letter Number"], issued.letter_number)
        self.assertEqual(
            second["Letter Date"],
            datetime.datetime.combine(issued.letter_date, datetime.time()),
        )
        self.assertEqual(second["Client"], "Sarinah binti Dullah")
        self.assertEqual(second["Social Worker"], "Sari Peksos")
        self.assertEqual(second["Recommendation Type"], self.rec_type.name)
        states = dict(issued._fields["state"]._description_selection(self.env))
        self.assertEqual(second["Step"], states[issued.state])
        self.assertEqual(first["Step"], states[received.state])

    def test_compliance_figures(self):
        recs = self._to_review(self._create()) | self._to_review(self._create())
        self._approve_all(recs[0])
        steps = recs.step_ids
        ended = steps.filtered("date_end")
        self.assertTrue(ended)
        sheet = self._render(COMPLIANCE, steps, self.kasi)
        self.assertEqual(sheet.title, "SOP Compliance")
        self.assertEqual(sheet.freeze_panes, "A2")
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        self.assertEqual(rows[0], COMPLIANCE_HEADERS)
        self.assertEqual(sheet.auto_filter.ref, f"A1:H{len(rows)}")
        # the figures are the step logs' own: count, standard, durations, share
        groups = self.env["social.recommendation.step"]._read_group(
            [("id", "in", ended.ids)],
            groupby=["sop_step_id", "date_end:month", "user_id"],
            aggregates=[
                "__count",
                "standard_minutes:max",
                "duration_minutes:avg",
                "duration_minutes:max",
                "within_standard_rate:avg",
            ],
        )
        expected = {
            (step.name, f"{month:%Y-%m}", user.name or None): figures
            for step, month, user, *figures in groups
        }
        got = {(row[0], f"{row[1]:%Y-%m}", row[2]): row for row in rows[1:]}
        self.assertEqual(set(got), set(expected))
        for key, (count, standard, avg, maximum, share) in expected.items():
            with self.subTest(step=key):
                row = got[key]
                self.assertEqual(row[3], count)
                self.assertEqual(row[4], standard or 0)
                self.assertAlmostEqual(row[5], avg or 0.0)
                self.assertAlmostEqual(row[6], maximum or 0.0)
                if standard:
                    self.assertAlmostEqual(row[7], share)
                else:
                    self.assertIsNone(row[7])
        self.assertEqual(sheet["B2"].number_format, "mm/yyyy")
        self.assertEqual(sheet["F2"].number_format, "#,##0.0")
