# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RehabCaseCommon


@tagged("post_install", "-at_install")
class TestRehabNumbers(RehabCaseCommon):
    """Case numbers come from the office's register only."""

    def test_number_cannot_be_supplied(self):
        count = self.env["social.rehab.case"].search_count([])
        with self.assertRaisesRegex(UserError, "cannot be entered"):
            self._case(name="RHB/2026/99999")
        self.assertEqual(self.env["social.rehab.case"].search_count([]), count)

    def test_number_cannot_be_rewritten(self):
        case = self._case()
        number = case.name
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            case.with_user(self.peksos).write({"name": "RHB/2026/1"})
        self.assertEqual(case.name, number)
        self.assertTrue(number.startswith("RHB/"))
