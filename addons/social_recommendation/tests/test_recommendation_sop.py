# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import io
from datetime import datetime, timedelta

from freezegun import freeze_time
from openpyxl import load_workbook
from pytz import timezone, utc

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import RecommendationCommon

# Monday 10 March 2025, 08:00 in Jakarta: within the office hours
T0 = datetime(2025, 3, 10, 1, 0, 0)
WIB = timezone("Asia/Jakarta")


def wib(*args):
    """A Jakarta wall-clock time as the naive UTC the ORM stores."""
    return WIB.localize(datetime(*args)).astimezone(utc).replace(tzinfo=None)


@tagged("post_install", "-at_install")
class TestRecommendationSop(RecommendationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the office hours of a Dinas Sosial (07:30-16:00, Friday 16:30, WIB)
        # and the 2026 national holidays, whatever the database's own calendar
        Calendar = cls.env["resource.calendar"]
        values = Calendar._social_office_calendar_values(cls.company)
        values["tz"] = "Asia/Jakarta"
        cls.company.resource_calendar_id = Calendar.create(values)
        cls.company.resource_calendar_id._social_load_national_holidays([2026])

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
            # by the second Kasi: who checks the request does not sign it
            rec.with_user(self.kasi_other).action_administrative_check()
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
        self.assertEqual(admin.user_id, self.kasi_other)

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

    # ------------------------------------------------------------------
    # Working time
    # ------------------------------------------------------------------

    def _verification_between(self, start, end):
        with freeze_time(start - timedelta(minutes=5)):
            rec = self._create()
            self._add_documents(rec)
        with freeze_time(start):
            rec.with_user(self.staff).action_start_verification()
            rec.with_user(self.worker).write(
                {"assessment_result": "eligible", "assessment_notes": "Lives alone."}
            )
        with freeze_time(end):
            rec.with_user(self.worker).action_submit_assessment()
        return self._step(rec, "verification")

    def test_timing_in_working_time(self):
        """Verification started 5 minutes before closing and ended 5 minutes
        after opening the next working day: 10 working minutes, within the
        SOP's 15; over Friday 14 May 2026 (cuti bersama after the Ascension
        holiday) and the weekend likewise."""
        step = self._verification_between(
            wib(2026, 3, 2, 15, 55), wib(2026, 3, 3, 7, 35)
        )
        self.assertAlmostEqual(step.duration_minutes, 10.0)
        self.assertEqual(step.standard_minutes, 15)
        self.assertFalse(step.is_overrun)
        self.assertEqual(step.within_standard_rate, 100.0)
        self.assertEqual(step.date_deadline, wib(2026, 3, 3, 7, 40))

        step = self._verification_between(
            wib(2026, 5, 13, 15, 50), wib(2026, 5, 18, 7, 40)
        )
        self.assertAlmostEqual(step.duration_minutes, 20.0)
        self.assertTrue(step.is_overrun)
        self.assertEqual(step.within_standard_rate, 0.0)

    def test_open_step_late_after_deadline(self):
        with freeze_time(wib(2026, 3, 2, 15, 50)):
            rec = self._create()
            self._add_documents(rec)
            rec.with_user(self.staff).action_start_verification()
        step = self._step(rec, "verification")
        self.assertEqual(step.date_deadline, wib(2026, 3, 3, 7, 35))
        Step = self.env["social.recommendation.step"]
        late = [("is_overdue", "=", True), ("id", "=", step.id)]
        with freeze_time(wib(2026, 3, 3, 7, 0)):
            self.assertFalse(Step.search(late), "the night is no working time")
            step.invalidate_recordset(["is_overdue", "elapsed_minutes"])
            self.assertAlmostEqual(step.elapsed_minutes, 10.0)
        with freeze_time(wib(2026, 3, 3, 7, 40)):
            self.assertEqual(Step.search(late), step)
            step.invalidate_recordset(["is_overdue", "elapsed_minutes"])
            self.assertTrue(step.is_overdue)
            self.assertAlmostEqual(step.elapsed_minutes, 20.0)

    # ------------------------------------------------------------------
    # Evidence
    # ------------------------------------------------------------------

    def test_logs_append_only_for_everybody(self):
        """Nobody changes or deletes a timing log, the administrators
        included; only the workflow writes them."""
        rec = self._timed_path()
        logs = rec.step_ids
        before = logs.read(["date_start", "date_end", "duration_minutes"])
        admin = self.env.ref("base.user_admin")
        for user in (self.manager, admin, self.kasi):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    logs.with_user(user).write({"date_end": T0})
                with self.assertRaises(AccessError):
                    logs.with_user(user).unlink()
                with self.assertRaises(AccessError):
                    self.env["social.recommendation.step"].with_user(user).create(
                        {
                            "recommendation_id": rec.id,
                            "sop_step_id": logs[0].sop_step_id.id,
                            "date_start": T0,
                        }
                    )
        # not even with access rights granted by another module
        with self.assertRaises(AccessError):
            logs.with_user(admin)._check_sop_log_writer()
        logs.invalidate_recordset()
        self.assertEqual(
            logs.read(["date_start", "date_end", "duration_minutes"]), before
        )
