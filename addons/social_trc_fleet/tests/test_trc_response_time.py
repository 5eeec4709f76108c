# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import TrcCommon, wib


@tagged("post_install", "-at_install")
class TestTrcResponseTime(TrcCommon):
    """Response times in working time (07:30-16:00, Friday 16:30 WIB), across
    a night, a weekend and a holiday (17 August 2026, a Monday)."""

    def _walk(self, received, assigned, visited, handled):
        with freeze_time(received):
            report = self._report(date_received=received, employee_ids=self.officer.ids)
            report.action_verify()
        with freeze_time(assigned):
            report.action_assign()
        with freeze_time(visited):
            report.action_record_visit()
        with freeze_time(handled):
            report.handling_note = "Ditangani"
            report.action_handle()
        return {r.step: r for r in report.response_ids}

    def test_night_weekend_holiday(self):
        steps = self._walk(
            # Tuesday 15:30: 30 minutes before closing
            wib(2026, 8, 11, 15, 30),
            # the next morning 08:00: 30 + 30 minutes across the night
            wib(2026, 8, 12, 8, 0),
            # Friday 16:00: Tue 30 + Wed 450 + Thu 450 + Fri 450 - 30
            wib(2026, 8, 14, 16, 0),
            # Tuesday 18 August 08:30, after the weekend and Independence Day
            wib(2026, 8, 18, 8, 30),
        )
        self.assertAlmostEqual(steps["assign"].duration_minutes, 60.0)
        self.assertAlmostEqual(steps["visit"].duration_minutes, 30 + 450 + 450 + 420)
        self.assertAlmostEqual(
            steps["handle"].duration_minutes, 30 + 450 + 450 + 450 + 60
        )
        # high urgency: 2 h to assign, 4 h to visit, 15 h to handle
        self.assertFalse(steps["assign"].is_overrun)
        self.assertTrue(steps["visit"].is_overrun)
        self.assertTrue(steps["handle"].is_overrun)
        self.assertEqual(steps["assign"].within_standard_rate, 100.0)

    def test_deadline_over_weekend_and_holiday(self):
        received = wib(2026, 8, 14, 16, 0)  # Friday, 30 minutes before closing
        with freeze_time(received):
            report = self._report(date_received=received)
        assign = report.response_ids.filtered(lambda r: r.step == "assign")
        # 120 minutes: 30 on Friday, 90 on Tuesday (Monday is a holiday)
        self.assertEqual(assign.date_deadline, wib(2026, 8, 18, 9, 0))
        # at risk from 75 %: 90 minutes, 60 of them on Tuesday
        self.assertEqual(assign.date_at_risk, wib(2026, 8, 18, 8, 30))

        Report = self.env["social.trc.report"]
        with freeze_time(wib(2026, 8, 17, 12, 0)):  # the holiday: no time runs
            report.invalidate_recordset()
            self.assertFalse(report.is_at_risk)
            self.assertFalse(report.is_overdue)
            self.assertNotIn(report, Report.search([("is_at_risk", "=", True)]))
        with freeze_time(wib(2026, 8, 18, 8, 45)):
            report.invalidate_recordset()
            self.assertTrue(report.is_at_risk)
            self.assertFalse(report.is_overdue)
            self.assertIn(report, Report.search([("is_at_risk", "=", True)]))
            self.assertNotIn(report, Report.search([("is_overdue", "=", True)]))
        with freeze_time(wib(2026, 8, 18, 9, 30)):
            report.invalidate_recordset()
            self.assertTrue(report.is_overdue)
            self.assertFalse(report.is_at_risk)
            self.assertIn(report, Report.search([("is_overdue", "=", True)]))
            self.assertIn(report, Report.search([("is_at_risk", "=", False)]))
            # once assigned, the next step (visit, 240 min) is still in time
            report.employee_ids = self.officer
            report.action_verify()
            report.action_assign()
            report.invalidate_recordset()
            self.assertFalse(report.is_overdue)
            self.assertNotIn(report, Report.search([("is_overdue", "=", True)]))

    def test_urgency_change_moves_targets(self):
        received = wib(2026, 8, 11, 8, 0)
        with freeze_time(received):
            report = self._report(date_received=received)
            report.urgency_id = self.env.ref("social_trc_fleet.urgency_emergency")
        assign = report.response_ids.filtered(lambda r: r.step == "assign")
        self.assertEqual(assign.standard_minutes, 60)
        self.assertEqual(assign.date_deadline, wib(2026, 8, 11, 9, 0))
