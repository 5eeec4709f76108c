# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

import psycopg2.errors
from lxml import html

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TrcCommon


@tagged("post_install", "-at_install")
class TestTrcLetter(TrcCommon):
    """Assignment letters: number, sign-off by the Kabid, PDF with QR."""

    def _draft(self, user=None):
        return (
            self.env["social.trc.letter"]
            .with_user(user or self.trc)
            .create(
                {
                    "employee_ids": [Command.set((self.officer | self.driver).ids)],
                    "purpose": "Penjangkauan ODGJ di Loktabat Utara",
                    "date_start": date(2026, 8, 10),
                    "date_end": date(2026, 8, 20),
                    "vehicle_id": self.vehicle.id,
                }
            )
        )

    def test_number_and_protected_fields(self):
        letter = self._draft()
        self.assertRegex(letter.name, r"^ST/\d{4}/REHSOS/\d{4}$")
        with self.assertRaisesRegex(UserError, "set by the workflow only"):
            letter.write({"state": "signed"})
        with self.assertRaisesRegex(UserError, "set by the workflow only"):
            self.env["social.trc.letter"].with_user(self.trc).create(
                {
                    "employee_ids": [Command.set(self.officer.ids)],
                    "purpose": "x",
                    "date_start": date(2026, 8, 10),
                    "date_end": date(2026, 8, 20),
                    "name": "ST/forged",
                }
            )
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.CheckViolation),
            self.env.cr.savepoint(),
        ):
            letter.write({"date_end": date(2026, 8, 1)})

    def test_signed_by_kabid(self):
        letter = self._draft()
        letter.request_validation()
        letter.invalidate_recordset()
        # the requester, a Kasi and the Kadis cannot sign
        for user in (self.trc, self.kasi, self.kadis):
            with self.assertRaises(UserError):
                letter.with_user(user).validate_tier()
        letter.invalidate_recordset()
        self.assertEqual(letter.state, "draft")
        letter.with_user(self.kabid).validate_tier()
        letter.invalidate_recordset()
        self.assertEqual(letter.state, "signed")
        self.assertEqual(letter.signed_by_id, self.kabid)
        self.assertTrue(letter.verification_code)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            letter.write({"purpose": "Lain"})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            letter.unlink()

    def test_kabid_rejects(self):
        letter = self._draft()
        letter.request_validation()
        letter.invalidate_recordset()
        letter.with_user(self.kabid).reject_tier()
        letter.invalidate_recordset()
        self.assertEqual(letter.state, "draft")
        self.assertEqual(letter.validation_status, "rejected")

    def test_unsigned_letter_not_printed(self):
        letter = self._draft()
        with self.assertRaisesRegex(UserError, "signed"):
            letter.action_print()
        with self.assertRaisesRegex(UserError, "signed"):
            self.env["ir.actions.report"]._render_qweb_html(
                "social_trc_fleet.social_trc_letter_report", letter.ids
            )

    def test_letter_rendered_and_parsed(self):
        letter = self._signed_letter(
            self.officer | self.driver, date(2026, 8, 10), date(2026, 8, 20)
        )
        content, _type = self.env["ir.actions.report"]._render_qweb_html(
            "social_trc_fleet.social_trc_letter_report", letter.ids
        )
        tree = html.fromstring(content)
        self.assertEqual(
            tree.xpath("string(//*[hasclass('o_trc_letter_number')])"), letter.name
        )
        rows = tree.xpath("//table[hasclass('o_trc_letter_officers')]//tr[td]")
        self.assertEqual(len(rows), 2)
        text = tree.text_content()
        self.assertIn("199001012020011001", text)
        self.assertIn("10 Agustus 2026", text)
        self.assertIn("20 Agustus 2026", text)
        self.assertEqual(
            tree.xpath("string(//*[hasclass('o_verification_code')])"),
            letter.verification_code,
        )
        self.assertTrue(
            tree.xpath("//img[starts-with(@src, 'data:image/png;base64,')]")
        )
        action = letter.action_print()
        self.assertIn("/web/content/", action["url"])
        attachment = letter.verification_id.attachment_id
        self.assertTrue(attachment)
        self.assertEqual(letter.action_print()["url"], action["url"])

    def test_nip_checked(self):
        with self.assertRaisesRegex(ValidationError, "18 digits"):
            self.env["hr.employee"].create({"name": "X", "nip": "12345"})
        employee = self.env["hr.employee"].create(
            {"name": "Y", "nip": "19900101 202001 1 099"}
        )
        self.assertEqual(employee.nip, "199001012020011099")

    def test_officers_readable_by_the_roles(self):
        """The letter's officers (name, NIP, position) are read by the TRC and
        the signers, who have no HR rights."""
        letter = self._draft()
        letter.employee_ids.sudo().job_title = "Petugas TRC"
        spec = {
            "employee_ids": {
                "fields": {"display_name": {}, "nip": {}, "trc_position": {}}
            }
        }
        for user in (self.trc, self.kasi, self.kabid, self.kadis):
            values = letter.with_user(user).web_read(spec)[0]["employee_ids"]
            self.assertEqual(
                {v["nip"] for v in values}, {"199001012020011001", "199001012020011002"}
            )
            self.assertIn("Petugas TRC", {v["trc_position"] for v in values})
