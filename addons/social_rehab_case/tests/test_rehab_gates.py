# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RehabCaseCommon


@tagged("post_install", "-at_install")
class TestRehabGates(RehabCaseCommon):
    """Every gate, allowed and refused, by write (the kanban drag), by import
    and in batch."""

    def assertRefused(self, case, stage, fragment):
        before = case.stage_id
        with self.assertRaisesRegex(UserError, fragment):
            case.with_user(case.user_id).write({"stage_id": stage.id})
        self.assertEqual(case.stage_id, before)

    def test_case_number_and_first_stage(self):
        case = self._case()
        self.assertTrue(case.name.startswith("RHB/"))
        self.assertEqual(case.stage_id, self.st_engagement)
        self.assertEqual(case.user_id, self.peksos)
        self.assertEqual(len(case.stage_log_ids), 1)
        self.assertTrue(case.checklist_ids)
        self.assertEqual(set(case.checklist_ids.stage_id.ids), {self.st_engagement.id})

    def test_create_in_later_stage_refused(self):
        with self.assertRaisesRegex(UserError, "starts at the stage"):
            self._case(stage_id=self.st_intervention.id)

    def test_engagement_to_assessment_needs_only_the_case(self):
        case = self._case()
        case.with_user(self.peksos).write({"stage_id": self.st_assessment.id})
        self.assertEqual(case.stage_id, self.st_assessment)
        log = case.stage_log_ids.filtered(lambda sl: sl.stage_id == self.st_engagement)
        self.assertTrue(log.date_end)
        self.assertEqual(case.stage_log_id.stage_id, self.st_assessment)

    def test_skip_forward_refused(self):
        case = self._case()
        self.assertRefused(case, self.st_planning, "cannot be skipped")

    def test_planning_needs_completed_assessment(self):
        case = self._to_stage(self._case(), self.st_assessment)
        assessment = (
            self.env["social.rehab.assessment"]
            .with_user(self.peksos)
            .create({"case_id": case.id})
        )
        self.assertRefused(case, self.st_planning, "completed by its author")
        assessment.action_complete()
        case.with_user(self.peksos).write({"stage_id": self.st_planning.id})
        self.assertEqual(case.stage_id, self.st_planning)

    def test_intervention_needs_approved_plan(self):
        case = self._to_stage(self._case(), self.st_planning)
        plan = self._plan(case)
        self.assertRefused(case, self.st_intervention, "approved by the Kasi")
        plan.with_user(self.peksos).action_request_approval()
        self.assertRefused(case, self.st_intervention, "approved by the Kasi")
        plan.with_user(self.kasi).validate_tier()
        self.assertEqual(plan.state, "approved")
        case.with_user(self.peksos).write({"stage_id": self.st_intervention.id})
        self.assertEqual(case.stage_id, self.st_intervention)

    def test_evaluation_needs_a_session(self):
        case = self._to_stage(self._case(), self.st_intervention)
        self.assertRefused(
            case, self.st_evaluation, "at least one intervention session"
        )
        self._session(case)
        case.with_user(self.peksos).write({"stage_id": self.st_evaluation.id})
        self.assertEqual(case.stage_id, self.st_evaluation)

    def test_termination_needs_evaluation(self):
        case = self._to_stage(self._case(), self.st_evaluation)
        self.assertRefused(case, self.st_termination, "completed evaluation")
        self._evaluation(case)
        case.with_user(self.peksos).write({"stage_id": self.st_termination.id})
        self.assertEqual(case.stage_id, self.st_termination)

    def test_aftercare_and_done_need_termination_reason(self):
        case = self._to_stage(self._case(), self.st_termination)
        self.assertRefused(case, self.st_aftercare, "termination reason")
        # Selesai: aftercare is optional, but the closure is missing
        case.termination_reason = "goals_achieved"
        self.assertRefused(case, self.st_done, "closure approved by the Kasi")
        case.with_user(self.peksos).write({"stage_id": self.st_aftercare.id})
        self.assertEqual(case.stage_id, self.st_aftercare)

    def test_done_needs_approved_closure(self):
        case = self._to_stage(self._case(), self.st_aftercare)
        self.assertRefused(case, self.st_done, "closure approved")
        case.with_user(self.peksos).action_request_closure()
        closure = case.closure_ids
        self.assertEqual(closure.state, "to_approve")
        self.assertRefused(case, self.st_done, "closure approved")
        closure.with_user(self.kasi).validate_tier()
        self.assertEqual(closure.state, "approved")
        self.assertEqual(case.stage_id, self.st_done)
        self.assertTrue(case.date_closed)

    def test_move_back_needs_reason(self):
        case = self._to_stage(self._case(), self.st_planning)
        self.assertRefused(case, self.st_assessment, "needs a reason")
        wizard = (
            self.env["social.rehab.case.move.back"]
            .with_user(self.peksos)
            .with_context(active_id=case.id)
            .create({"reason": "Data asesmen belum lengkap"})
        )
        self.assertEqual(wizard.stage_id, self.st_assessment)
        wizard.action_confirm()
        self.assertEqual(case.stage_id, self.st_assessment)
        self.assertIn("Data asesmen belum lengkap", case.message_ids[0].body)

    def test_context_key_opens_no_gate(self):
        case = self._case()
        with self.assertRaises(UserError):
            case.with_user(self.peksos).with_context(
                skip_validation_check=True, social_workflow=True
            ).write({"stage_id": self.st_planning.id})

    def test_import_obeys_gates(self):
        case = self._to_stage(self._case(), self.st_assessment)
        result = (
            self.Case.with_user(self.peksos)
            .with_context(import_file=True)
            .load(
                ["id", "stage_id/id"],
                [
                    [
                        case.export_data(["id"])["datas"][0][0],
                        "social_rehab_case.stage_rencana_intervensi",
                    ]
                ],
            )
        )
        self.assertTrue(result["messages"])
        self.assertIn("completed by its author", result["messages"][0]["message"])
        self.assertEqual(case.stage_id, self.st_assessment)
        self._complete_assessment(case)
        result = self.Case.with_user(self.peksos).load(
            ["id", "stage_id/id"],
            [
                [
                    case.export_data(["id"])["datas"][0][0],
                    "social_rehab_case.stage_rencana_intervensi",
                ]
            ],
        )
        self.assertFalse(result["messages"])
        self.assertEqual(case.stage_id, self.st_planning)

    def test_batch_move_refuses_all_if_one_lacks(self):
        cases = self._case() | self._case(client_id=self.client_b.id)
        cases.write({"stage_id": self.st_assessment.id})
        self._complete_assessment(cases[0])
        with self.assertRaisesRegex(UserError, cases[1].name):
            cases.write({"stage_id": self.st_planning.id})
        self.assertEqual(cases.stage_id, self.st_assessment)

    def test_batch_gate_queries_do_not_grow(self):
        def make(n):
            cases = self.Case.create(
                [{"client_id": self.client_a.id} for _i in range(n)]
            )
            cases.write({"stage_id": self.st_assessment.id})
            for case in cases:
                self._complete_assessment(case)
            self.env.flush_all()
            self.env.invalidate_all()
            return cases

        make(2).write({"stage_id": self.st_planning.id})  # warm the caches
        # 6 cases: their checklist rows fit one INSERT chunk (100 rows)
        small, large = make(2), make(6)
        counts = []
        for cases in (small, large):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            with self.assertQueryCount(__system__=1000):
                cases.write({"stage_id": self.st_planning.id})
                self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1], counts)

    def test_delete_only_before_moving(self):
        case = self._case()
        moved = self._case()
        moved.write({"stage_id": self.st_assessment.id})
        with self.assertRaisesRegex(UserError, "archive it"):
            moved.unlink()
        case.unlink()
        self.assertFalse(case.exists())

    def test_overdue_mark(self):
        case = self._case()
        self.assertFalse(case.stage_overdue)
        # sudo: a stay that started long ago, as evidence written by the workflow
        case.stage_log_id.sudo().write({"date_start": "2020-01-01 08:00:00"})
        self.assertTrue(case.stage_overdue)
        self.assertIn(case, self.Case.search([("stage_overdue", "=", True)]))
