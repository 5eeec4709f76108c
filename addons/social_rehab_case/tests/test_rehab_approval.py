# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import RehabCaseCommon


@tagged("post_install", "-at_install")
class TestRehabApproval(RehabCaseCommon):
    """Plan approval and re-approval, closure approval and reopening."""

    def test_plan_needs_kasi_not_self(self):
        case = self._to_stage(self._case(supervisor_id=self.kasi.id), self.st_planning)
        plan = self._plan(case)
        plan.with_user(self.peksos).action_request_approval()
        self.assertEqual(plan.state, "to_approve")
        # the worker cannot approve (not a Kasi, and the requester)
        with self.assertRaises(UserError):
            plan.with_user(self.peksos).validate_tier()
        # another social worker is no Kasi
        with self.assertRaises(UserError):
            plan.with_user(self.peksos2).validate_tier()
        self.assertEqual(plan.state, "to_approve")
        plan.with_user(self.kasi).validate_tier()
        self.assertEqual(plan.state, "approved")

    def test_kasi_does_not_approve_own_plan(self):
        case = self._case(user=self.kasi)
        case = self._to_stage(case, self.st_planning)
        plan = self._plan(case)
        plan.with_user(self.kasi).action_request_approval()
        with self.assertRaisesRegex(UserError, "four-eyes"):
            plan.with_user(self.kasi).validate_tier()
        plan.with_user(self.kasi2).validate_tier()
        self.assertEqual(plan.state, "approved")

    def test_plan_state_not_writable(self):
        case = self._to_stage(self._case(), self.st_planning)
        plan = self._plan(case)
        with self.assertRaises(UserError):
            plan.with_user(self.peksos).write({"state": "approved"})
        with self.assertRaises(UserError):
            self.env["social.rehab.plan"].with_user(self.peksos).create(
                {"case_id": case.id, "state": "approved", "version": 5}
            )
        self.assertEqual(plan.state, "draft")

    def test_plan_revision_needs_approval_again(self):
        case = self._to_stage(self._case(), self.st_intervention)
        plan_v1 = case.plan_ids
        self.assertEqual(plan_v1.state, "approved")
        with self.assertRaisesRegex(UserError, "revise the plan"):
            plan_v1.line_ids[0].with_user(self.peksos).write({"goal": "Lain"})
        action = plan_v1.with_user(self.peksos).action_revise()
        plan_v2 = self.env["social.rehab.plan"].browse(action["res_id"])
        self.assertEqual(plan_v2.version, 2)
        self.assertEqual(plan_v2.state, "draft")
        self.assertEqual(len(plan_v2.line_ids), len(plan_v1.line_ids))
        plan_v2.line_ids = [
            Command.create({"guidance_type": "keterampilan", "goal": "Bisa menjahit"})
        ]
        with self.assertRaisesRegex(UserError, "newer version"):
            plan_v1.with_user(self.peksos).action_revise()
        plan_v2.with_user(self.peksos).action_request_approval()
        self.assertEqual(plan_v1.state, "approved")
        plan_v2.with_user(self.kasi).validate_tier()
        self.assertEqual(plan_v2.state, "approved")
        self.assertEqual(plan_v1.state, "superseded")
        # the earlier version stays readable, with its goals
        self.assertEqual(len(plan_v1.with_user(self.peksos).line_ids), 2)

    def test_plan_rejected_goes_back_to_draft(self):
        case = self._to_stage(self._case(), self.st_planning)
        plan = self._plan(case)
        plan.with_user(self.peksos).action_request_approval()
        plan.with_user(self.kasi).reject_tier()
        self.assertEqual(plan.state, "draft")
        plan.line_ids[0].with_user(self.peksos).write({"goal": "Tujuan baru"})
        plan.with_user(self.peksos).action_request_approval()
        plan.with_user(self.kasi).validate_tier()
        self.assertEqual(plan.state, "approved")

    def test_closure_approval_and_reopen(self):
        case = self._to_stage(self._case(), self.st_termination)
        with self.assertRaisesRegex(UserError, "termination reason"):
            case.with_user(self.peksos).action_request_closure()
        case.termination_reason = "goals_achieved"
        case.with_user(self.peksos).action_request_closure()
        closure = case.closure_ids
        with self.assertRaisesRegex(UserError, "already requested"):
            case.with_user(self.peksos).action_request_closure()
        with self.assertRaises(UserError):
            closure.with_user(self.peksos).validate_tier()
        with self.assertRaises(UserError):
            closure.with_user(self.peksos).write({"state": "approved"})
        closure.with_user(self.kasi).validate_tier()
        self.assertEqual(case.stage_id, self.st_done)
        # reopen with a reason
        self.env["social.rehab.case.move.back"].with_user(self.peksos).with_context(
            active_id=case.id
        ).create({"reason": "Klien kembali ke jalan"}).action_confirm()
        self.assertEqual(case.stage_id, self.st_aftercare)
        self.assertEqual(closure.state, "reopened")
        self.assertFalse(case.date_closed)
        # closing again needs a new approval
        with self.assertRaisesRegex(UserError, "closure approved"):
            case.with_user(self.peksos).write({"stage_id": self.st_done.id})
        case.with_user(self.peksos).action_request_closure()
        self.assertEqual(len(case.closure_ids), 2)

    def test_ineligible_candidate_closed_with_referral(self):
        case = self._case()
        case.write({"eligibility": "ineligible", "termination_reason": "ineligible"})
        referral = (
            self.env["social.rehab.referral"]
            .with_user(self.peksos)
            .create(
                {
                    "case_id": case.id,
                    "institution": "Panti Werdha Lain",
                    "reason": "Di luar sasaran",
                    "consent_by": "client",
                    "consent_date": "2026-01-05",
                }
            )
        )
        referral.action_send()
        case.with_user(self.peksos).action_request_closure()
        case.closure_ids.with_user(self.kasi).validate_tier()
        self.assertEqual(case.stage_id, self.st_done)
