# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import io

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .common import RehabCaseCommon


@tagged("post_install", "-at_install")
class TestRehabSpm(RehabCaseCommon):
    """The SPM achievement counted from cases: assessed, then served."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.client_a.ppks_type_ids = [
            Command.set(ref("social_client.social_ppks_type_09").ids)
        ]
        cls.client_b.ppks_type_ids = [
            Command.set(ref("social_client.social_ppks_type_08").ids)
        ]
        cls.Spm = cls.env["social.spm.report"]

    def _assess(self, case, date):
        assessment = (
            self.env["social.rehab.assessment"]
            .with_user(case.user_id)
            .create({"case_id": case.id, "problems": "Terlantar", "date": date})
        )
        assessment.action_complete()

    def _rows(self, user=None):
        self.env.flush_all()
        return self.Spm.with_user(user or self.kasi).search([])

    @freeze_time("2026-05-20")
    def test_assessed_then_served(self):
        case_a = self._case()
        case_b = self._case(client_id=self.client_b.id)
        self._assess(case_a, "2026-03-01")
        self._assess(case_b, "2026-04-01")
        rows = self._rows()
        self.assertEqual(
            sorted((r.client_id.name, r.service_type, r.served_count) for r in rows),
            [("Klien Dua", "elderly", 0), ("Klien Satu", "disability", 0)],
        )
        self.env["social.rehab.service"].with_user(self.peksos).create(
            [
                {
                    "case_id": case_a.id,
                    "service_type": "kebutuhan_hidup",
                    "date": "2026-05-02",
                },
                # served twice: still one person served
                {"case_id": case_a.id, "service_type": "terapi", "date": "2026-05-09"},
            ]
        )
        [(needing, served, share)] = self.Spm.with_user(self.kasi)._read_group(
            [("year", "=", 2026)],
            [],
            ["needing_count:sum", "served_count:sum", "share:avg"],
        )
        self.assertEqual((needing, served, share), (2, 1, 50.0))

        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.kasi)
            ._render("social_client.social_spm_xlsx_report", self._rows().ids, {})
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
        by_service = {row[1]: row for row in values if row[0] == 2026}
        self.assertEqual(len(by_service), 2)
        served_disabled = next(row for label, row in by_service.items() if row[3] == 1)
        self.assertEqual(served_disabled[2:], [1, 1, 100.0])

    def test_years_and_types_apart(self):
        case = self._case()
        self._assess(case, "2025-11-01")
        self.env["social.rehab.service"].with_user(self.peksos).create(
            {"case_id": case.id, "service_type": "terapi", "date": "2026-01-15"}
        )
        rows = self._rows()
        self.assertEqual(
            sorted((r.year, r.needing_count, r.served_count) for r in rows),
            [(2025, 1, 0), (2026, 1, 1)],
        )
        # a client of no SPM service is not counted
        self.client_a.ppks_type_ids = [Command.clear()]
        self.assertFalse(self._rows())

    def test_report_for_the_kasi_and_above(self):
        self._assess(self._case(), "2026-03-01")
        for role in ("kasi", "kabid", "kadis", "manager"):
            with self.subTest(role=role):
                self.assertEqual(len(self._rows(self.users[role])), 1)
        for role in ("peksos", "health"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self._rows(self.users[role])
