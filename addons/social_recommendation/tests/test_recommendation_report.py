# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import io

from openpyxl import load_workbook

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import RecommendationCommon

LETTER = "social_recommendation.report_recommendation_letter"


@tagged("post_install", "-at_install")
class TestRecommendationReport(RecommendationCommon):
    def test_letter_refused_before_approval(self):
        rec = self._to_review(self._create())
        self._review(rec, self.kasi)
        Report = self.env["ir.actions.report"].with_user(self.kasi)
        with self.assertRaisesRegex(UserError, "only once it is approved"):
            Report._render_qweb_html(LETTER, rec.ids)
        with self.assertRaisesRegex(UserError, "only once it is approved"):
            Report.with_context(force_report_rendering=True)._render_qweb_pdf(
                LETTER, rec.ids
            )
        with self.assertRaisesRegex(UserError, "not possible"):
            rec.with_user(self.kasi).action_print_letter()

    def test_letter_content(self):
        rec = self._issued()
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.staff)
            ._render_qweb_html(LETTER, rec.ids)
        )
        html = html.decode()
        for text in (
            rec.letter_number,
            "Sarinah binti Dullah",
            "Panti Werdha Sinta Rangkang",
            "M. Syaifudin Zuhri",
            "197812112006041006",
            "Pembina Tingkat I (IV/b)",
            "Yohanes Kasi",
            "Hendra Kabid",
            "140/27/KEL-NB/2025",
            "Law No. 13 of 1998",
            "Nanga Bulik",
        ):
            with self.subTest(text=text):
                self.assertIn(text, html)
        # the issued letter prints as stored (test_recommendation_verification)
        action = rec.with_user(self.staff).action_print_letter()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(f"/web/content/{rec.letter_attachment_id.id}", action["url"])

    def test_register_xlsx(self):
        issued = self._issued()
        received = self._create(request_letter_number="400/12/DS-BR/2025")
        report = self.env.ref(
            "social_recommendation.social_recommendation_register_xlsx_report"
        )
        content, file_type = (
            self.env["ir.actions.report"]
            .with_user(self.kasi)
            ._render(report, (issued | received).ids, {})
        )
        self.assertEqual(file_type, "xlsx")
        rows = list(
            load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)
        )
        self.assertEqual(rows[0][0], "Agenda Number")
        self.assertEqual(rows[0][11], "Letter Number")
        by_number = {row[0]: row for row in rows[1:]}
        self.assertEqual(by_number[issued.name][11], issued.letter_number)
        self.assertEqual(by_number[issued.name][6], "Sarinah binti Dullah")
        self.assertEqual(by_number[received.name][4], "400/12/DS-BR/2025")
        self.assertIsNone(by_number[received.name][11], "no letter yet")


@tagged("post_install", "-at_install")
class TestRecommendationLetterPdf(HttpCase, RecommendationCommon):
    """The real PDF through wkhtmltopdf. An HttpCase, so that wkhtmltopdf loads
    the report assets from this test's own server."""

    def test_letter_pdf_rendered_and_kept(self):
        rec = self._to_review(self._create())
        self._approve_all(rec)
        rec.with_user(self.staff).with_context(
            force_report_rendering=True
        ).action_issue()
        attachment = rec.letter_attachment_id
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertTrue(attachment.raw.startswith(b"%PDF"))
        self.assertIn(rec.letter_number.replace("/", "-"), attachment.name)
        self.assertEqual((attachment.res_model, attachment.res_id), (rec._name, rec.id))
