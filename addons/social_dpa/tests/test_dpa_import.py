# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import file_open

from ..tools.sipd_xlsx import build_sipd_xlsx
from .common import DpaCommon

SUB = ("1.06.04.2.01.0001", "Penyediaan Permakanan")
GOOD = ("5.1.02.01.01.0052", "Makan minum", "Nasi kotak", 10, "kotak", 25000, 250000)


@tagged("post_install", "-at_install")
class TestDpaImport(DpaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.empty = (
            cls.env["social.dpa"]
            .with_user(cls.finance)
            .create({"name": "DPA 2027", "fiscal_year": 2027})
        )

    def _wizard(self, content, dpa=None, **values):
        return (
            self.env["social.dpa.import"]
            .with_user(self.finance)
            .create(
                {
                    "dpa_id": (dpa or self.empty).id,
                    "file": base64.b64encode(content),
                    "filename": "dpa.xlsx",
                    **values,
                }
            )
        )

    def test_import_sample_file(self):
        with file_open("social_dpa/data/sipd_sample.xlsx", "rb") as f:
            wizard = self._wizard(f.read())
        wizard.action_import()
        self.assertEqual(wizard.rejected_count, 0, wizard.result)
        lines = self.empty.line_ids
        self.assertEqual(len(lines), 7)
        self.assertEqual(sum(lines.mapped("amount")), 118_000_000)
        meals = lines.filtered(lambda r: r.account_code == "5.1.02.01.01.0052")
        self.assertEqual(meals.sub_activity_code, "1.06.04.2.01.0001")
        self.assertEqual(meals.program_id.code, "1.06.04")
        self.assertEqual(
            (meals.volume, meals.uom, meals.unit_price), (1500, "kotak", 25000)
        )
        self.assertEqual(meals.component, "Nasi kotak")
        self.assertTrue(all(lines.mapped("analytic_account_id")))
        self.assertEqual(len(lines.analytic_account_id), 7)

    def _bad_file(self):
        return build_sipd_xlsx(
            [
                ("1.06.04", "Program Rehabilitasi Sosial"),  # row 4
                SUB,  # row 5
                GOOD,  # row 6
                ("1.06.04.2", "Unknown level"),  # row 7
                ("5.1.02.01.01.52", "Bad code", "", 1, "x", 10, 10),  # row 8
                ("5.1.02.05.01.0001", "Wrong sum", "", 3, "paket", 1000, 4000),  # 9
                GOOD,  # row 10: duplicate of row 6
                ("5.1.02.01.01.0004", "BBM", "", 5, "liter", 10000, 50000),  # 11
                ("1.06.09.2.01.0001", "Orphan", ""),  # 12: parent unknown
                ("5.1.02.01.01.0024", "ATK", "", 1, "paket", 5, 5),  # 13: no sub
                ("1.06.04.2.02.0099", "New sub-kegiatan"),  # 14: created
                ("5.1.02.99.01.0001", "New account", "", "2", "unit", "1.500", "3.000"),
            ]
        )

    def test_each_rejection_reported_and_nothing_imported(self):
        wizard = self._wizard(self._bad_file())
        parsed = wizard._parse()
        reasons = dict(parsed.errors)
        self.assertEqual(sorted(reasons), [7, 8, 9, 10, 12, 13])
        self.assertIn("unknown level", reasons[7])
        self.assertIn("bad code 5.1.02.01.01.52", reasons[8])
        self.assertIn("does not equal volume x unit price", reasons[9])
        self.assertIn("duplicate", reasons[10])
        self.assertIn("row 6", reasons[10])
        self.assertIn("its parent 1.06.09.2.01", reasons[12])
        self.assertIn("not under a valid sub-kegiatan", reasons[13])
        wizard.action_import()
        self.assertFalse(self.empty.line_ids)
        self.assertEqual((wizard.imported_count, wizard.rejected_count), (0, 6))
        self.assertIn("Nothing was imported", wizard.result)
        self.assertIn("Row 9:", wizard.result)
        self.assertFalse(
            self.env["social.dpa.account"].search([("code", "=", "5.1.02.99.01.0001")])
        )

    def test_import_valid_rows_when_chosen(self):
        wizard = self._wizard(self._bad_file(), import_valid_rows=True)
        wizard.action_import()
        self.assertEqual((wizard.imported_count, wizard.rejected_count), (3, 6))
        self.assertEqual(
            sorted(self.empty.line_ids.mapped("account_code")),
            ["5.1.02.01.01.0004", "5.1.02.01.01.0052", "5.1.02.99.01.0001"],
        )
        new = self.empty.line_ids.filtered(
            lambda r: r.account_code == "5.1.02.99.01.0001"
        )
        self.assertEqual(new.amount, 3000)
        self.assertEqual(new.sub_activity_id.name, "New sub-kegiatan")
        self.assertEqual(new.activity_id.code, "1.06.04.2.02")

    def test_duplicate_of_existing_line_and_locked_dpa(self):
        content = build_sipd_xlsx(
            [SUB, ("5.1.02.01.01.0052", "Makan", "", 1, "x", 5, 5)]
        )
        parsed = self._wizard(content, dpa=self.dpa)._parse()
        self.assertIn("already in the DPA", dict(parsed.errors)[5])
        self._approve(self.dpa)
        with self.assertRaisesRegex(UserError, "locked"):
            self._wizard(content, dpa=self.dpa).action_import()

    def test_not_an_xlsx(self):
        with self.assertRaisesRegex(UserError, "not a readable XLSX"):
            self._wizard(b"not a spreadsheet").action_import()
