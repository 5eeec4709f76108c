# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import datetime

from odoo.tests import BaseCase, tagged

from ..tools.letter_date import format_letter_date


@tagged("post_install", "-at_install")
class TestLetterDate(BaseCase):
    def test_indonesian_letter_date(self):
        self.assertEqual(
            format_letter_date(datetime.date(2025, 1, 5)), "5 Januari 2025"
        )
        self.assertEqual(
            format_letter_date(datetime.datetime(2026, 12, 2, 9, 30)), "2 Desember 2026"
        )
        self.assertEqual(format_letter_date(False), "")
