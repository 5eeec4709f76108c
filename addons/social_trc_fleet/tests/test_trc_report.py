# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import TrcCommon


@tagged("post_install", "-at_install")
class TestTrcReportFlow(TrcCommon):
    """Every state change of a complaint, allowed and refused."""

    def test_number_from_register_only(self):
        report = self._report()
        self.assertRegex(report.name, r"^ADU/\d{4}/\d{5}$")
        with self.assertRaisesRegex(UserError, "set by its buttons only"):
            self._report(name="ADU/1")
        with self.assertRaisesRegex(UserError, "set by its buttons only"):
            report.write({"name": "X"})

    def test_full_path(self):
        report = self._report()
        self.assertEqual(report.state, "new")
        self.assertEqual(len(report.response_ids), 3)
        report.action_verify()
        self.assertEqual(report.state, "verified")
        with self.assertRaisesRegex(UserError, "Name the officers"):
            report.action_assign()
        report.employee_ids = self.officer
        report.action_assign()
        self.assertEqual(report.state, "assigned")
        assign = report.response_ids.filtered(lambda r: r.step == "assign")
        self.assertTrue(assign.date_end)
        with self.assertRaisesRegex(UserError, "Record the field visit"):
            report.action_handle()
        report.action_record_visit()
        with self.assertRaisesRegex(UserError, "already recorded"):
            report.action_record_visit()
        with self.assertRaisesRegex(UserError, "Describe how"):
            report.action_handle()
        report.handling_note = "Dirujuk ke RSJ Sambang Lihum"
        report.action_handle()
        self.assertEqual(report.state, "handled")
        self.assertTrue(all(report.response_ids.mapped("date_end")))
        with self.assertRaisesRegex(UserError, "Only the Kasi"):
            report.action_close()
        report.with_user(self.kasi).action_close()
        self.assertEqual(report.state, "closed")
        self.assertTrue(report.date_closed)

    def test_refused_transitions(self):
        report = self._report()
        for action in ("action_assign", "action_record_visit", "action_handle"):
            with self.assertRaisesRegex(UserError, "cannot be"):
                getattr(report, action)()
        with self.assertRaisesRegex(UserError, "cannot be"):
            report.with_user(self.kasi).action_close()
        report.action_verify()
        with self.assertRaisesRegex(UserError, "cannot be"):
            report.action_verify()
        report.employee_ids = self.officer
        report.action_assign()
        with self.assertRaisesRegex(UserError, "cannot be"):
            report.action_reject()
        with self.assertRaisesRegex(UserError, "cannot be"):
            report.action_mark_duplicate()

    def test_reject_needs_reason(self):
        report = self._report()
        with self.assertRaisesRegex(UserError, "reason"):
            report.action_reject()
        report.reject_reason = "Bukan PPKS"
        report.action_reject()
        self.assertEqual(report.state, "rejected")
        self.assertFalse(report.is_overdue)
        with self.assertRaisesRegex(UserError, "cannot be"):
            report.action_verify()

    def test_duplicate_points_to_original(self):
        original = self._report()
        copy = self._report()
        with self.assertRaisesRegex(UserError, "original complaint"):
            copy.action_mark_duplicate()
        with self.assertRaisesRegex(ValidationError, "itself"):
            copy.duplicate_of_id = copy
        copy.duplicate_of_id = original
        copy.action_mark_duplicate()
        self.assertEqual(copy.state, "duplicate")
        third = self._report()
        with self.assertRaisesRegex(ValidationError, "itself a duplicate"):
            third.duplicate_of_id = copy

    def test_workflow_fields_refused(self):
        report = self._report()
        for vals in (
            {"state": "closed"},
            {"date_assigned": fields.Datetime.now()},
            {"overdue_notified_date": fields.Datetime.now()},
        ):
            with self.assertRaisesRegex(UserError, "set by its buttons only"):
                report.write(vals)
            # a context key opens nothing
            with self.assertRaisesRegex(UserError, "set by its buttons only"):
                report.with_context(
                    social_workflow=True, skip_validation_check=True
                ).write(vals)
        self.assertEqual(report.state, "new")

    def test_anonymous_reporter(self):
        report = self._report(reporter_anonymous=True)
        self.assertFalse(report.reporter_name)
        self.assertFalse(report.reporter_phone)
        with self.assertRaisesRegex(ValidationError, "reporter's name"):
            self._report(reporter_name=False)

    def test_delete_only_new(self):
        report = self._report()
        report.action_verify()
        with self.assertRaisesRegex(UserError, "Only a new complaint"):
            report.unlink()

    def test_cron_notifies_kasi_once(self):
        late = self._report(date_received=fields.Datetime.now() - timedelta(days=30))
        self._report()  # on time
        self.assertTrue(late.is_overdue)
        count = late.env["social.trc.report"].sudo()._cron_notify_overdue()
        self.assertGreaterEqual(count, 1)
        self.assertTrue(late.overdue_notified_date)
        message = late.message_ids.filtered(lambda m: "past its response" in m.body)
        self.assertEqual(len(message), 1)
        self.assertIn(self.kasi.partner_id, message.partner_ids)
        late.env["social.trc.report"].sudo()._cron_notify_overdue()
        late.invalidate_recordset()
        message = late.message_ids.filtered(lambda m: "past its response" in m.body)
        self.assertEqual(len(message), 1, "the Kasi is told once")

    def test_register_client_without_identity(self):
        ppks = self.env["social.ppks.type"].search([], limit=1)
        report = self._report(
            person_name="Acil Tanpa Nama",
            location_address="Halte Jl. A. Yani Km 33",
            ppks_type_id=ppks.id,
        )
        action = report.action_register_client()
        client = report.client_id
        self.assertEqual(action["res_id"], client.id)
        self.assertEqual(client.name, "Acil Tanpa Nama")
        self.assertTrue(client.no_identity)
        self.assertIn(report.name, client.no_identity_description)
        self.assertIn("Halte", client.no_identity_description)
        self.assertEqual(client.ppks_type_ids, ppks)
        with self.assertRaisesRegex(UserError, "already has its client"):
            report.action_register_client()
        anonymous = self._report()
        anonymous.action_register_client()
        self.assertIn(anonymous.name, anonymous.client_id.name)
        rejected = self._report(reject_reason="Bukan PPKS")
        rejected.action_reject()
        with self.assertRaisesRegex(UserError, "registers no client"):
            rejected.action_register_client()
