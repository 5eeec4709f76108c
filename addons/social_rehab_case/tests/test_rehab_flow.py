# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import RehabCaseCommon


@tagged("post_install", "-at_install")
class TestRehabFlow(RehabCaseCommon):
    """Consent, caseload, transfer, group sessions, checklists, reminders, reports."""

    def test_referral_needs_consent(self):
        case = self._case()
        referral = (
            self.env["social.rehab.referral"]
            .with_user(self.peksos)
            .create(
                {
                    "case_id": case.id,
                    "institution": "RSJ Sambang Lihum",
                    "reason": "Rawat",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "consent"):
            referral.action_send()
        self.assertEqual(referral.state, "draft")
        with self.assertRaises(UserError):
            referral.write({"state": "sent"})
        referral.write({"consent_by": "guardian", "consent_date": "2026-01-05"})
        referral.action_send()
        self.assertEqual(referral.state, "sent")
        with self.assertRaisesRegex(UserError, "consent"):
            referral.write({"consent_date": "2026-01-01"})

    def test_caseload_limit(self):
        self.peksos2.rehab_caseload_limit = 2
        self._case(user=self.peksos2)
        self._case(user=self.peksos2, client_id=self.client_b.id)
        with self.assertRaisesRegex(UserError, "caseload limit"):
            self._case(user=self.peksos2)
        self.assertEqual(self.Case.search_count([("user_id", "=", self.peksos2.id)]), 2)
        # the Kasi assigns past the limit
        case = self.Case.with_user(self.kasi).create(
            {"client_id": self.client_a.id, "user_id": self.peksos2.id}
        )
        self.assertEqual(case.user_id, self.peksos2)

    def test_transfer_with_reason_and_limit(self):
        case = self._case()
        with self.assertRaisesRegex(UserError, "Transfer"):
            case.with_user(self.peksos).write({"user_id": self.peksos2.id})
        self.peksos2.rehab_caseload_limit = 1
        self._case(user=self.peksos2)
        wizard = (
            self.env["social.rehab.case.transfer"]
            .with_user(self.peksos)
            .with_context(active_id=case.id)
            .create({"user_id": self.peksos2.id, "reason": "Cuti panjang"})
        )
        with self.assertRaisesRegex(UserError, "caseload limit"):
            wizard.action_confirm()
        self.assertEqual(case.user_id, self.peksos)
        self.peksos2.rehab_caseload_limit = 5
        wizard.action_confirm()
        case = case.with_user(self.peksos2)
        self.assertEqual(case.user_id, self.peksos2)
        self.assertIn("Cuti panjang", case.message_ids[0].body)

    def test_group_session_on_each_case(self):
        case_a = self._case()
        case_b = self._case(user=self.peksos2, client_id=self.client_b.id)
        # a Kasi records the group session that peksos led
        session = self._session(case_a | case_b, user=self.kasi, leader=self.peksos)
        self.assertTrue(session.is_group)
        self.assertIn(session, case_a.session_ids)
        self.assertIn(session, case_b.session_ids)
        # peksos led the session: reads case_b, does not write it
        self.assertEqual(case_b.with_user(self.peksos).client_id, self.client_b)
        with self.assertRaises(AccessError):
            case_b.with_user(self.peksos).write({"presenting_problem": "x"})

    def test_checklist_ticked_by(self):
        case = self._case()
        item = case.checklist_ids[0]
        item.with_user(self.peksos).write({"done": True})
        self.assertEqual(item.done_by_id, self.peksos)
        self.assertTrue(item.done_date)
        with self.assertRaises(UserError):
            item.with_user(self.peksos).write({"done_by_id": self.kasi.id})
        self.assertGreater(case.checklist_progress, 0)
        self.assertEqual(len(case.checklist_ids), len(self.st_engagement.activity_ids))

    def test_plan_psychosocial_kind(self):
        case = self._to_stage(self._case(), self.st_planning)
        with self.assertRaises(ValidationError):
            self.env["social.rehab.plan"].with_user(self.peksos).create(
                {
                    "case_id": case.id,
                    "line_ids": [
                        fields.Command.create(
                            {"guidance_type": "psikososial", "goal": "Tanpa jenis"}
                        )
                    ],
                }
            )

    def test_aftercare_reminder_job_twice(self):
        case = self._to_stage(self._case(), self.st_aftercare)
        today = fields.Date.context_today(case)
        Visit = self.env["social.rehab.aftercare.visit"]
        Visit.create(
            [
                {"case_id": case.id, "date_planned": today + timedelta(days=1)},
                {"case_id": case.id, "date_planned": today + timedelta(days=60)},
            ]
        )
        before = len(case.activity_ids)
        self.assertEqual(Visit._cron_remind(), 1)
        self.assertEqual(Visit._cron_remind(), 0)
        self.assertEqual(len(case.activity_ids), before + 1)
        case.with_user(self.peksos).action_plan_aftercare()
        self.assertEqual(len(case.aftercare_visit_ids), 2 + 3)

    def test_client_smart_button(self):
        case = self._case()
        self.assertEqual(self.client_a.rehab_case_count, 1)
        action = self.client_a.action_view_rehab_cases()
        self.assertEqual(self.Case.search(action["domain"]), case)

    def test_case_file_pdf_with_verification(self):
        case = self._to_stage(self._case(supervisor_id=self.kasi.id), self.st_planning)
        action = case.with_user(self.peksos).action_print_case_file()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertTrue(case.verification_code)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", case._name), ("res_id", "=", case.id)]
        )
        self.assertTrue(attachment)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "social_rehab_case.social_rehab_case_file_report", case.ids
            )[0]
            .decode()
        )
        self.assertIn(case.name, html)
        self.assertIn("data:image/png;base64", html)
        self.assertIn("Tidak punya tempat tinggal", html)

    def test_xlsx_register(self):
        case = self._case()
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.kasi)
            ._render("social_rehab_case.social_rehab_case_xlsx_report", case.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"))
