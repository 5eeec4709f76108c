# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from psycopg2.errors import UniqueViolation

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SocialClientCommon, make_nik


@tagged("post_install", "-at_install")
class TestClientNumbers(SocialClientCommon):
    """Registration numbers come from the office's own register only."""

    def _client(self, user, **vals):
        return self.Client.with_user(user).create(
            {"name": "Siti Aminah", "nik": make_nik(serial=7), **vals}
        )

    def test_number_cannot_be_supplied_on_create(self):
        count = self.Client.search_count([])
        with self.assertRaisesRegex(UserError, "cannot be entered or changed"):
            self._client(self.user_staff, registration_number="PPKS/2026/99999")
        self.assertEqual(self.Client.search_count([]), count)

    def test_number_cannot_be_rewritten(self):
        client = self._client(self.user_staff)
        number = client.registration_number
        for user in (self.user_staff, self.user_manager):
            with self.assertRaisesRegex(UserError, "cannot be entered or changed"):
                client.with_user(user).write({"registration_number": "PPKS/2026/1"})
            with self.assertRaisesRegex(UserError, "cannot be entered or changed"):
                client.with_user(user).write({"registration_number": False})
        self.assertEqual(client.registration_number, number)

    def test_each_office_numbers_its_own_clients(self):
        other = self.env["res.company"].create({"name": "Dinas Sosial Kota Metro"})
        sequences = self.env["ir.sequence"].search([("code", "=", "social.client")])
        self.assertIn(other, sequences.company_id)
        self.assertIn(self.env.company, sequences.company_id)
        self.user_staff.write({"company_ids": [Command.link(other.id)]})
        ours = self._client(self.user_staff)
        theirs = (
            self.Client.with_user(self.user_staff)
            .with_company(other)
            .create({"name": "Budi", "nik": make_nik(serial=8), "company_id": other.id})
        )
        self.assertEqual(theirs.registration_number[-5:], "00001")
        self.assertNotEqual(ours.registration_number, "/")

    def test_duplicate_number_refused_by_postgresql(self):
        first = self._client(self.user_staff)
        second = self._client(self.user_staff, nik=make_nik(serial=9))
        # as a reset sequence would: the unique index refuses it
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(UniqueViolation),
            self.env.cr.savepoint(),
        ):
            second.sudo().write({"registration_number": first.registration_number})
            self.env.flush_all()
