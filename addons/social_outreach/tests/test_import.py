# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import io

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OutreachCommon, make_nik


@tagged("post_install", "-at_install")
class TestImport(OutreachCommon):
    def _file(self, rows, header=("NIK", "Nama", "No KK", "Kategori")):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(list(header))
        for row in rows:
            sheet.append(list(row))
        stream = io.BytesIO()
        workbook.save(stream)
        return base64.b64encode(stream.getvalue())

    def _import(self, rows, **kwargs):
        wizard = (
            self.env["social.outreach.import"]
            .with_user(self.desk)
            .create({"event_id": self.event.id, "file": self._file(rows, **kwargs)})
        )
        wizard.action_import()
        return wizard

    def test_list_imported_with_rejected_rows_reported(self):
        office = self.env["res.company"].create({"name": "Dinsos Lain"})
        self.Client.create(
            {
                "name": "Orang Kantor Lain",
                "nik": make_nik(serial=901),
                "company_id": office.id,
            }
        )
        self._invite(self.event, self.clients[1])
        new_nik = make_nik(serial=501, day=1, month=2, year=70)
        wizard = self._import(
            [
                (self.clients[0].nik, "", None, "disabilitas"),  # registered client
                (new_nik, "Karyo Utomo", "1811012304120099", "keluarga"),  # new
                ("12345", "NIK Pendek", None, "disabilitas"),
                (new_nik, "Karyo Lagi", None, "lainnya"),  # same NIK again
                (make_nik(serial=901), "Orang Kantor Lain", None, ""),
                (self.clients[1].nik, "Joko Susilo", None, ""),  # already invited
                (make_nik(serial=502), "", None, ""),  # no name
                (make_nik(serial=503), "Salah Kategori", None, "anak"),
                (None, "Tanpa NIK", None, ""),
            ]
        )
        self.assertEqual(wizard.imported_count, 2)
        self.assertEqual(wizard.rejected_count, 7)
        for text in (
            "same NIK is on an earlier row",
            "another office",
            "already a participant",
            "no name",
            "unknown category",
            "no NIK",
            "NIK Pendek",
        ):
            self.assertIn(text, wizard.result)
        participants = self.event.participant_ids
        imported = participants.filtered(lambda p: p.source == "imported")
        self.assertEqual(len(imported), 2)
        new = imported.filtered(lambda p: p.client_id.nik == new_nik)
        self.assertEqual(new.client_id.name, "Karyo Utomo")
        self.assertEqual(new.category, "family")
        self.assertEqual(new.client_id.village_id, self.village)
        self.assertEqual(
            imported.filtered(lambda p: p.client_id == self.clients[0]).category,
            "disability",
        )

    def test_bad_file_refused(self):
        with self.assertRaisesRegex(UserError, "at least NIK and Nama"):
            self._import([("1",)], header=("Nomor",))
        wizard = self.env["social.outreach.import"].create(
            {"event_id": self.event.id, "file": base64.b64encode(b"not a workbook")}
        )
        with self.assertRaisesRegex(UserError, "not an XLSX"):
            wizard.action_import()
        self.event.action_cancel()
        with self.assertRaisesRegex(UserError, "closed or cancelled"):
            self._import([(make_nik(serial=504), "A B", None, "")])
