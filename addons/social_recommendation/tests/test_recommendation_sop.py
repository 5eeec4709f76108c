# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import io
from datetime import datetime, timedelta

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.tests import tagged

from .common import RecommendationCommon

T0 = datetime(2025, 3, 10, 1, 0, 0)


@tagged("post_install", "-at_install")
class TestRecommendationSop(RecommendationCommon):
    def _timed_path(self, verification_minutes=20, admin_minutes=1, kabid_minutes=4):
        """Walk a recommendation up to the approval at explicit times."""
        t = T0
        with freeze_time(t):
            rec = self._create()
            self._add_documents(rec)
        t += timedelta(minutes=5)
        with freeze_time(t):
            rec.with_user(self.staff).action_start_verification()
            rec.with_user(self.worker).write(
                {"assessment_result": "eligible", "assessment_notes": "Lives alone."}
            )
        t += timedelta(minutes=verification_minutes)
        with freeze_time(t):
            rec.with_user(self.worker).action_submit_assessment()
        t += timedelta(minutes=admin_minutes)
        with freeze_time(t):
            rec.with_user(self.kasi).action_administrative_check()
        t += timedelta(minutes=3)
        with freeze_time(t):
            self._review(rec, self.kasi)
        t += timedelta(minutes=kabid_minutes)
        with freeze_time(t):
            self._review(rec, self.kabid)
        t += timedelta(minutes=30)
        with freeze_time(t):
            self._review(rec, self.kadis)
        return rec

    def _step(self, rec, code):
        return rec.step_ids.filtered(lambda s: s.sop_step_id.code == code)

    def test_seed_standards_shipped(self):
        standards = {
            step.code: step.standard_minutes
            for step in self.env["social.recommendation.sop.step"].search([])
        }
        self.assertEqual(standards["verification"], 15)
        self.assertEqual(standards["admin_check"], 2)
        self.assertEqual(standards["kabid_review"], 5)
        self.assertEqual(standards["delivery"], 3)

    def test_timing_and_overrun(self):
        rec = self._timed_path(
            verification_minutes=20, admin_minutes=1, kabid_minutes=4
        )
        verification = self._step(rec, "verification")
        self.assertEqual(verification.date_start, T0 + timedelta(minutes=5))
        self.assertEqual(verification.date_end, T0 + timedelta(minutes=25))
        self.assertEqual(verification.user_id, self.worker)
        self.assertEqual(verification.standard_minutes, 15)
        self.assertAlmostEqual(verification.duration_minutes, 20.0)
        self.assertTrue(verification.is_overrun)
        self.assertEqual(verification.within_standard_rate, 0.0)

        admin = self._step(rec, "admin_check")
        self.assertAlmostEqual(admin.duration_minutes, 1.0)
        self.assertFalse(admin.is_overrun)
        self.assertEqual(admin.within_standard_rate, 100.0)
        self.assertEqual(admin.user_id, self.kasi)

        kabid = self._step(rec, "kabid_review")
        self.assertAlmostEqual(kabid.duration_minutes, 4.0)
        self.assertFalse(kabid.is_overrun)

        kadis = self._step(rec, "kadis_signature")
        self.assertAlmostEqual(kadis.duration_minutes, 30.0)
        self.assertFalse(kadis.is_overrun, "a step without a standard is never flagged")

        self.assertTrue(rec.sop_overrun)
        self.assertEqual(rec.sop_overrun_count, 1)
        self.assertFalse(self._step(rec, "issue").date_end, "the issue step is open")

    def test_standard_snapshot(self):
        """Changing a standard later does not rewrite the logs already taken."""
        rec = self._timed_path(verification_minutes=10)
        self.assertFalse(self._step(rec, "verification").is_overrun)
        self.env.ref("social_recommendation.sop_step_verification").standard_minutes = 5
        self.assertFalse(self._step(rec, "verification").is_overrun)

    def test_overrun_compute_is_batched(self):
        recs = self.env["social.recommendation"]
        for minutes in (20, 10, 16, 14, 30, 1):
            recs |= self._timed_path(verification_minutes=minutes)
        fields_ = [recs._fields["sop_overrun"], recs._fields["sop_overrun_count"]]

        def recompute(records):
            self.env.flush_all()
            self.env.invalidate_all()
            for field in fields_:
                self.env.add_to_compute(field, records)
            with self.assertQueryCount(3):
                counts = records.mapped("sop_overrun_count")
            return counts

        self.assertEqual(recompute(recs[:2]), [1, 0])
        self.assertEqual(recompute(recs), [1, 0, 1, 0, 1, 0])

    def test_compliance_xlsx(self):
        recs = self._timed_path(verification_minutes=20) | self._timed_path(
            verification_minutes=10
        )
        steps = recs.step_ids
        report = self.env.ref(
            "social_recommendation.social_recommendation_step_compliance_xlsx_report"
        )
        content, file_type = (
            self.env["ir.actions.report"]
            .with_user(self.kasi)
            ._render(report, steps.ids, {})
        )
        self.assertEqual(file_type, "xlsx")
        sheet = load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "SOP Step")
        self.assertEqual(rows[0][7], "Share Within Standard (%)")
        verification = [
            r for r in rows[1:] if r[0] == "Field verification and assessment"
        ]
        self.assertEqual(len(verification), 1)
        row = verification[0]
        self.assertEqual(row[1].strftime("%Y-%m"), "2025-03")
        self.assertEqual(row[2], "Sari Peksos")
        self.assertEqual(row[3], 2)
        self.assertEqual(row[4], 15)
        self.assertAlmostEqual(row[5], 15.0)
        self.assertAlmostEqual(row[6], 20.0)
        self.assertAlmostEqual(row[7], 50.0)

    def test_compliance_rows_query_count_constant(self):
        recs = self._timed_path() | self._timed_path()
        xlsx = self.env["report.social_recommendation.sop_compliance_xlsx"]
        steps_few = recs[:1].step_ids
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            rows_few = xlsx._compliance_rows(steps_few)
            labels_few = [(r["step"].name, r["user"].name) for r in rows_few]
        for _i in range(3):
            recs |= self._timed_path()
        self.env.invalidate_all()
        steps = recs.step_ids
        with self.assertQueryCount(4):
            rows_many = xlsx._compliance_rows(steps)
            labels_many = [(r["step"].name, r["user"].name) for r in rows_many]
        self.assertEqual(labels_few, labels_many)
        self.assertEqual(
            sum(r["count"] for r in rows_many), len(steps.filtered("date_end"))
        )
