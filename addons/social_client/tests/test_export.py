# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import datetime
import io
from unittest.mock import patch

import xlsxwriter
from openpyxl import load_workbook

from odoo.api import Environment
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..report.xlsx_table import TableColumn
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
HEALTH_HEADERS = HEADERS + ["Health Notes", "Psychological Notes"]
REPORT = "report.social_client.social_client_xlsx"


@tagged("post_install", "-at_install")
class TestClientExport(SocialClientCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        PpksType = cls.env["social.ppks.type"].sudo()
        DisabilityType = cls.env["social.disability.type"].sudo()
        cls.cluster_flagged = (
            cls.env["social.atensi.cluster"]
            .sudo()
            .create(
                {
                    "name": "Export Cluster HIV",
                    "code": "export_hiv",
                    "specific_personal_data": True,
                }
            )
        )
        cls.ppks_plain = PpksType.create(
            {
                "name": "Export Lansia",
                "code": "EX1",
                "sequence": 2,
                "specific_personal_data": False,
            }
        )
        # first type: the client's ATENSI cluster comes from it
        cls.ppks_flagged = PpksType.create(
            {
                "name": "Export ODHIV",
                "code": "EX2",
                "sequence": 1,
                "cluster_id": cls.cluster_flagged.id,
                "specific_personal_data": True,
            }
        )
        cls.disability_plain = DisabilityType.create(
            {
                "name": "Export Fisik",
                "code": "EXD1",
                "category": "physical",
                "specific_personal_data": False,
            }
        )
        cls.disability_flagged = DisabilityType.create(
            {
                "name": "Export Mental",
                "code": "EXD2",
                "category": "mental",
                "specific_personal_data": True,
            }
        )
        cls.clients = cls.Client.create(
            [
                cls._client_vals(
                    "Export Budi",
                    make_nik(serial=1),
                    kk_number="3201012345678901",
                    village_id=cls.village_pondok_rajeg.id,
                    ppks_type_ids=[
                        Command.set((cls.ppks_flagged | cls.ppks_plain).ids)
                    ],
                    disability_type_ids=[
                        Command.set((cls.disability_plain | cls.disability_flagged).ids)
                    ],
                    rt="001",
                    rw="002",
                    street='=HYPERLINK("http://evil")',
                ),
                cls._client_vals("Export Siti", make_nik(female=True, serial=2)),
                cls._client_vals("Export Tanpa Nama"),
            ]
        )
        cls.clients.sudo().write(
            {"health_notes": "SECRET-HEALTH", "psychological_notes": "SECRET-PSY"}
        )
        cls.outsider = cls._create_client("Someone Else", make_nik(serial=3))
        cls.plain_user = new_test_user(
            cls.env, login="social_export_plain", groups="base.group_user"
        )

    def _rows(self, content):
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        return [list(row) for row in workbook.active.iter_rows(values_only=True)]

    def _export_records(self):
        return self.env["social.client.export"].sudo().search([])

    def _wizard(self, user, **context):
        return (
            self.env["social.client.export.wizard"]
            .with_user(user)
            .with_context(active_model="social.client", **context)
            .create({})
        )

    def _export(self, user, domain=None, **context):
        """Run the wizard as ``user`` as the download route does: (rows by
        name, headers, export record)."""
        before = self._export_records()
        context.setdefault("active_domain", domain or [("name", "ilike", "Export")])
        wizard = self._wizard(user, **context)
        action = wizard.action_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(action["url"], f"/social_client/export/{wizard.id}")
        self.assertEqual(self._export_records(), before, "recorded on download")
        output, filename = wizard._export_file()
        with output:
            content = output.read()
        self.assertTrue(filename.endswith(".xlsx"))
        rows = self._rows(content)
        headers = rows[0]
        by_name = {row[1]: dict(zip(headers, row, strict=True)) for row in rows[1:]}
        return by_name, headers, self._export_records() - before

    def test_wizard_export_typed_cells(self):
        by_name, headers, record = self._export(self.user_staff)
        self.assertEqual(headers, HEADERS)
        self.assertEqual(
            set(by_name), {"Export Budi", "Export Siti", "Export Tanpa Nama"}
        )
        budi = by_name["Export Budi"]
        # text stays text (leading digits, formulas), dates are dates, numbers
        # are numbers, booleans are booleans
        self.assertEqual(budi["NIK"], "3201011505800001")
        self.assertEqual(budi["KK Number"], "3201012345678901")
        self.assertEqual(budi["Address"], '=HYPERLINK("http://evil")')
        self.assertEqual(budi["Birth Date"], datetime.datetime(1980, 5, 15))
        self.assertIsInstance(budi["Age"], int)
        self.assertIs(budi["Without Identity"], False)
        self.assertIs(by_name["Export Tanpa Nama"]["Without Identity"], True)
        self.assertIsNone(by_name["Export Tanpa Nama"]["NIK"])
        self.assertIsNone(by_name["Export Tanpa Nama"]["Age"])
        self.assertEqual(budi["Sex"], "Male")
        self.assertEqual(by_name["Export Siti"]["Sex"], "Female")
        self.assertEqual(budi["Village"], "Pondok Rajeg")
        self.assertEqual(budi["District"], "Cibinong")
        self.assertEqual(budi["Province"], "Jawa Barat")
        self.assertEqual(budi["RT"], "001")
        self.assertEqual(budi["DTKS/DTSEN Status"], "Not Registered")
        self.assertEqual(budi["Social Worker"], self.env.user.name)
        self.assertEqual(
            budi["Registration Number"], self.clients[0].registration_number
        )
        # without the health role: neither health notes nor flagged types
        self.assertEqual(budi["PPKS Types"], "Export Lansia")
        self.assertEqual(budi["Disability Types"], "Export Fisik")
        self.assertIsNone(budi["ATENSI Cluster"])
        cells = " ".join(
            str(value) for row in by_name.values() for value in row.values()
        )
        for secret in ("SECRET", "ODHIV", "Export Mental", "HIV"):
            self.assertNotIn(secret, cells)
        # the wizard recorded the export: who, how many rows, which filter
        self.assertEqual(len(record), 1)
        self.assertEqual(record.user_id, self.user_staff)
        self.assertEqual(record.row_count, 3)
        self.assertIn("Export", record.filter_description)
        self.assertFalse(record.includes_specific_data)
        self.assertTrue(record.export_date)

    def test_wizard_export_health_role(self):
        by_name, headers, record = self._export(self.user_health)
        self.assertEqual(headers, HEALTH_HEADERS)
        budi = by_name["Export Budi"]
        self.assertEqual(budi["PPKS Types"], "Export ODHIV, Export Lansia")
        self.assertEqual(budi["ATENSI Cluster"], "Export Cluster HIV")
        self.assertEqual(budi["Disability Types"], "Export Fisik, Export Mental")
        self.assertEqual(budi["Health Notes"], "SECRET-HEALTH")
        self.assertEqual(budi["Psychological Notes"], "SECRET-PSY")
        self.assertEqual((record.user_id, record.row_count), (self.user_health, 3))
        self.assertTrue(record.includes_specific_data)

    def test_wizard_export_selected_ids(self):
        by_name, _headers, record = self._export(
            self.user_kadis, active_ids=self.clients[:2].ids, active_domain=None
        )
        self.assertEqual(set(by_name), {"Export Budi", "Export Siti"})
        self.assertEqual((record.user_id, record.row_count), (self.user_kadis, 2))
        self.assertEqual(record.filter_description, "2 selected records")
        # the Kadis reads the log of the export just made
        Export = self.env["social.client.export"].with_user(self.user_kadis)
        self.assertIn(record, Export.search([]))

    def test_empty_export(self):
        by_name, headers, record = self._export(
            self.user_staff, domain=[("name", "=", "Nobody")]
        )
        self.assertEqual((by_name, headers), ({}, HEADERS))
        self.assertEqual(record.row_count, 0)

    def test_sheet_layout(self):
        content = (
            self.env[REPORT].with_user(self.user_staff)._table_content(self.clients)
        )
        sheet = load_workbook(io.BytesIO(content)).active
        self.assertEqual(sheet.title, "Clients")
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual(sheet.auto_filter.ref, "A1:Y4")
        self.assertTrue(sheet["A1"].font.bold)
        self.assertTrue(sheet["A1"].alignment.wrap_text)
        self.assertEqual(sheet.column_dimensions["B"].width, 28.7109375)
        birth = sheet.cell(row=2, column=HEADERS.index("Birth Date") + 1)
        self.assertEqual((birth.data_type, birth.number_format), ("d", "dd/mm/yyyy"))
        age = sheet.cell(row=2, column=HEADERS.index("Age") + 1)
        self.assertEqual(age.data_type, "n")
        nik = sheet.cell(row=2, column=HEADERS.index("NIK") + 1)
        self.assertEqual(nik.data_type, "s")

    def test_report_route_refused(self):
        """No client list leaves through the report_xlsx route, which would
        escape the export record."""
        before = self._export_records()
        with self.assertRaisesRegex(UserError, "Export to XLSX"):
            self.env[REPORT].with_user(self.user_manager).with_context(
                active_model="social.client"
            ).create_xlsx_report(self.clients.ids, {})
        self.assertFalse(
            self.env["ir.actions.report"].search(
                [("report_name", "=", "social_client.social_client_xlsx")]
            )
        )
        self.assertEqual(self._export_records(), before)

    def test_wizard_requires_registry_role(self):
        before = self._export_records()
        with self.assertRaises(AccessError):
            self._wizard(self.plain_user, active_domain=[])
        wizard = self._wizard(self.user_staff, active_domain=[])
        for method in ("action_export", "_export_file"):
            with self.assertRaisesRegex(AccessError, "roles of the client registry"):
                getattr(wizard.with_user(self.plain_user), method)()
            # nor another registry user's export
            with self.assertRaisesRegex(AccessError, "who opened this export"):
                getattr(wizard.with_user(self.user_kadis), method)()
        self.assertEqual(self._export_records(), before)

    def test_export_record_is_evidence(self):
        self._export(self.user_staff)
        record = self._export_records()[:1]
        admin = self.env.ref("base.user_admin")
        self.assertTrue(admin.has_group("social_client.group_social_manager"))
        with self.assertRaisesRegex(AccessError, "evidence"):
            record.with_user(admin).write({"row_count": 0})
        with self.assertRaises(AccessError):
            record.with_user(admin).unlink()
        # not even as the system
        with self.assertRaisesRegex(AccessError, "evidence"):
            record.sudo().write({"row_count": 0})
        with self.assertRaisesRegex(AccessError, "evidence"):
            record.sudo().unlink()
        with self.assertRaises(AccessError):
            self.env["social.client.export"].with_user(admin).create(
                {"user_id": admin.id, "row_count": 1}
            )
        self.assertTrue(record.exists())
        self.assertEqual(record.row_count, 3)

    def test_rendering_in_chunks(self):
        report = self.env[REPORT].with_user(self.user_staff)
        clients = self.clients | self.outsider
        calls = []
        invalidate_all = Environment.invalidate_all

        def count(env, *args, **kwargs):
            calls.append(1)
            return invalidate_all(env, *args, **kwargs)

        with (
            patch.object(type(report), "_table_chunk_size", 2),
            patch.object(Environment, "invalidate_all", count),
        ):
            content = report._table_content(clients)
        self.assertEqual(len(calls), 2, "one cache clearing per chunk of 2")
        rows = self._rows(content)
        self.assertEqual([row[1] for row in rows[1:]], clients.mapped("name"))

    def test_domain_rows_in_chunks(self):
        """With a domain, the rows are read chunk by chunk: in id order, or in
        the report's order when it has one."""
        report = self.env[REPORT].with_user(self.user_staff)
        data = {"domain": [("name", "ilike", "Export")]}
        with patch.object(type(report), "_table_chunk_size", 2):
            by_id = self._rows(report._table_content(self.Client, data))
            with patch.object(type(report), "_table_order", "name desc"):
                by_name = self._rows(report._table_content(self.Client, data))
        self.assertEqual([row[1] for row in by_id[1:]], self.clients.mapped("name"))
        self.assertEqual(
            [row[1] for row in by_name[1:]],
            ["Export Tanpa Nama", "Export Siti", "Export Budi"],
        )

    def test_rendering_queries_flat(self):
        vals = [
            self._client_vals(
                f"Flat {i}",
                make_nik(serial=100 + i),
                village_id=self.village_wanaherang.id,
                ppks_type_ids=[Command.set(self.ppks_plain.ids)],
                disability_type_ids=[Command.set(self.disability_plain.ids)],
            )
            for i in range(30)
        ]
        clients = self.Client.create(vals)
        report = self.env[REPORT].with_user(self.user_staff)

        def queries(records):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            report._table_content(records)
            return self.cr.sql_log_count - before

        queries(clients[:3])  # access rules, groups and translations cached
        few = queries(clients[:3])
        self.assertEqual(queries(clients), few)
        self.assertLess(few, 20)


@tagged("post_install", "-at_install")
class TestXlsxTable(SocialClientCommon):
    """The column API of the base on rows that are not records."""

    def test_columns_totals_and_groups(self):
        Table = self.env["report.social_client.xlsx_table"].with_user(self.user_staff)
        columns = [
            TableColumn("name", "Name", value=lambda r: r["name"]),
            TableColumn(
                "amount",
                "Amount",
                type="float",
                total=True,
                value=lambda r: r["amount"],
            ),
            TableColumn("day", "Day", type="date", value=lambda r: r["day"]),
            TableColumn(
                "secret",
                "Secret",
                value=lambda r: "hidden",
                groups="social_client.group_social_health",
            ),
            TableColumn(
                "double",
                "Double",
                type="integer",
                batch=lambda rows: [2 * r["n"] for r in rows],
            ),
        ]
        rows = [
            {"name": "=1+1", "amount": 1.5, "day": datetime.date(2026, 1, 2), "n": 1},
            {"name": "", "amount": 2.25, "day": None, "n": 2},
        ]
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, Table.get_workbook_options())
        written = Table._table_write_sheet(workbook, "Test", columns, [rows])
        workbook.close()
        self.assertEqual(written, 2)
        sheet = load_workbook(io.BytesIO(output.getvalue())).active
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
        self.assertEqual(values[0], ["Name", "Amount", "Day", "Double"])
        self.assertEqual(values[1], ["=1+1", 1.5, datetime.datetime(2026, 1, 2), 2])
        self.assertEqual(values[2], [None, 2.25, None, 4])
        self.assertEqual(values[3][0], "Total")
        self.assertEqual(values[3][1], "=SUBTOTAL(109,B2:B3)")
        self.assertEqual(sheet["A2"].data_type, "s")
        self.assertEqual(sheet.auto_filter.ref, "A1:D3")


@tagged("post_install", "-at_install")
class TestClientExportRoute(HttpCase, SocialClientCommon):
    """The download route streams the file and the export is recorded."""

    def test_download(self):
        self._create_client("Route Budi", make_nik(serial=7))
        wizard = (
            self.env["social.client.export.wizard"]
            .with_user(self.user_staff)
            .with_context(
                active_model="social.client",
                active_domain=[("name", "=", "Route Budi")],
            )
            .create({})
        )
        url = wizard.action_export()["url"]
        Export = self.env["social.client.export"].sudo()
        before = Export.search([])
        # another user cannot download the staff member's wizard
        self.authenticate(self.user_kadis.login, self.user_kadis.login)
        with mute_logger("odoo.http"):
            response = self.url_open(url)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(Export.search([]), before)
        self.authenticate(self.user_staff.login, self.user_staff.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertIn(".xlsx", response.headers["Content-Disposition"])
        sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual([row[1] for row in rows[1:]], ["Route Budi"])
        record = Export.search([]) - before
        self.assertEqual((record.user_id, record.row_count), (self.user_staff, 1))
