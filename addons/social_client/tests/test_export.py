# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import datetime
import io

from openpyxl import load_workbook

from odoo.tests import tagged

from .common import SocialClientCommon, make_nik

HEADERS = [
    "Registration Number",
    "Name",
    "NIK",
    "KK Number",
    "Without Identity",
    "Sex",
    "Birth Place",
    "Birth Date",
    "Age",
    "Address",
    "RT",
    "RW",
    "Village",
    "District",
    "Regency/City",
    "Province",
    "Phone",
    "PPKS Types",
    "ATENSI Cluster",
    "Disability Types",
    "DTKS/DTSEN Status",
    "BPJS Number",
    "BPJS Status",
    "Documents Complete",
    "Social Worker",
]


@tagged("post_install", "-at_install")
class TestClientExport(SocialClientCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clients = cls.Client.create(
            [
                cls._client_vals(
                    "Export Budi",
                    make_nik(serial=1),
                    kk_number="3201012345678901",
                    village_id=cls.village_pondok_rajeg.id,
                    ppks_type_ids=[cls.ppks_type.id],
                    disability_type_ids=[cls.disability_type.id],
                    rt="001",
                    rw="002",
                ),
                cls._client_vals("Export Siti", make_nik(female=True, serial=2)),
                cls._client_vals("Export Tanpa Nama"),
            ]
        )
        cls.clients.sudo().write(
            {"health_notes": "SECRET-HEALTH", "psychological_notes": "SECRET-PSY"}
        )
        cls.outsider = cls._create_client("Someone Else", make_nik(serial=3))

    def _read_xlsx(self, content):
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        sheet = workbook.active
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def _export_records(self):
        return self.env["social.client.export"].sudo().search([])

    def test_wizard_export(self):
        domain = [("name", "ilike", "Export")]
        before = self._export_records()
        wizard = (
            self.env["social.client.export.wizard"]
            .with_user(self.user_staff)
            .with_context(active_model="social.client", active_domain=domain)
            .create({})
        )
        self.assertEqual(wizard.row_count, 3)
        action = wizard.action_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertTrue(wizard.filename.endswith(".xlsx"))
        rows = self._read_xlsx(base64.b64decode(wizard.file))
        self.assertEqual(rows[0], HEADERS)
        self.assertEqual(len(rows), 4)
        by_name = {row[1]: dict(zip(HEADERS, row, strict=True)) for row in rows[1:]}
        self.assertEqual(
            set(by_name), {"Export Budi", "Export Siti", "Export Tanpa Nama"}
        )
        budi = by_name["Export Budi"]
        self.assertEqual(budi["NIK"], "3201011505800001")
        self.assertEqual(budi["KK Number"], "3201012345678901")
        self.assertEqual(budi["Sex"], "Male")
        self.assertEqual(budi["Birth Date"], datetime.datetime(1980, 5, 15))
        self.assertEqual(budi["Village"], "Pondok Rajeg")
        self.assertEqual(budi["District"], "Cibinong")
        self.assertEqual(budi["Province"], "Jawa Barat")
        self.assertEqual(budi["RT"], "001")
        self.assertEqual(budi["PPKS Types"], self.ppks_type.name)
        self.assertEqual(budi["ATENSI Cluster"], self.ppks_type.cluster_id.name or None)
        self.assertEqual(
            budi["Registration Number"], self.clients[0].registration_number
        )
        self.assertEqual(by_name["Export Siti"]["Sex"], "Female")
        self.assertEqual(by_name["Export Tanpa Nama"]["Without Identity"], "Yes")
        self.assertIn(by_name["Export Tanpa Nama"]["NIK"], (None, ""))
        # health and psychological notes never leave the system
        cells = " ".join(str(value) for row in rows for value in row)
        self.assertNotIn("SECRET", cells)
        self.assertNotIn("Health", cells)
        # the export is recorded: who, how many rows, which filter
        record = self._export_records() - before
        self.assertEqual(len(record), 1)
        self.assertEqual(record.user_id, self.user_staff)
        self.assertEqual(record.row_count, 3)
        self.assertIn("Export", record.filter_description)
        self.assertTrue(record.export_date)

    def test_wizard_export_selected_ids(self):
        before = self._export_records()
        wizard = (
            self.env["social.client.export.wizard"]
            .with_user(self.user_kadis)
            .with_context(active_model="social.client", active_ids=self.clients[:2].ids)
            .create({})
        )
        self.assertEqual(wizard.row_count, 2)
        wizard.action_export()
        rows = self._read_xlsx(base64.b64decode(wizard.file))
        self.assertEqual({row[1] for row in rows[1:]}, {"Export Budi", "Export Siti"})
        record = self._export_records() - before
        self.assertEqual((record.user_id, record.row_count), (self.user_kadis, 2))
        # the Kadis reads the log of the export just made
        self.assertIn(
            record,
            self.env["social.client.export"].with_user(self.user_kadis).search([]),
        )

    def test_report_action_records_export(self):
        before = self._export_records()
        content, extension = (
            self.env["ir.actions.report"]
            .with_user(self.user_staff)
            ._render_xlsx(
                "social_client.social_client_xlsx_report", self.clients.ids, None
            )
        )
        self.assertEqual(extension, "xlsx")
        rows = self._read_xlsx(content)
        self.assertEqual(rows[0], HEADERS)
        self.assertEqual(len(rows), 4)
        self.assertIn("3201015505800002", [row[2] for row in rows])
        record = self._export_records() - before
        self.assertEqual(len(record), 1)
        self.assertEqual((record.user_id, record.row_count), (self.user_staff, 3))
        self.assertIn("3", record.filter_description)

    def test_empty_export(self):
        before = self._export_records()
        wizard = (
            self.env["social.client.export.wizard"]
            .with_context(
                active_model="social.client", active_domain=[("name", "=", "Nobody")]
            )
            .create({})
        )
        wizard.action_export()
        rows = self._read_xlsx(base64.b64decode(wizard.file))
        self.assertEqual(rows, [HEADERS])
        self.assertEqual((self._export_records() - before).row_count, 0)
