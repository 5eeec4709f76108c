# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, datetime

from psycopg2 import IntegrityError
from pytz import timezone, utc

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SocialClientCommon

WIB = timezone("Asia/Jakarta")


def wib(*args):
    """A Jakarta wall-clock time as the naive UTC the ORM stores."""
    return WIB.localize(datetime(*args)).astimezone(utc).replace(tzinfo=None)


@tagged("post_install", "-at_install")
class TestServiceTime(SocialClientCommon):
    """Service time in working time: 07:30-16:00 (Friday 16:30) in WIB, with
    the national holidays and cuti bersama of 2026 as global time off."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Mixin = cls.env["social.service.time.mixin"]
        cls.Calendar = cls.env["resource.calendar"]
        cls.Leave = cls.env["resource.calendar.leaves"]
        cls.company = cls.env.company
        values = cls.Calendar._social_office_calendar_values(cls.company)
        values["tz"] = "Asia/Jakarta"
        cls.calendar = cls.Calendar.create(values)
        cls.company.resource_calendar_id = cls.calendar
        cls.calendar._social_load_national_holidays([2026])
        cls.user_kasi = cls.users["kasi"]

    def _steps(self, *periods, standard=0.0, unit="minutes"):
        """Unsaved steps (the mixin has no table) from (start, end) pairs."""
        steps = self.Mixin
        for start, end in periods:
            steps |= self.Mixin.new(
                {
                    "company_id": self.company.id,
                    "date_start": start,
                    "date_end": end,
                    "standard_value": standard,
                    "standard_unit": unit,
                }
            )
        return steps

    def _minutes(self, start, end):
        return self._steps((start, end)).duration_minutes

    # ------------------------------------------------------------------
    # Working time
    # ------------------------------------------------------------------

    def test_office_calendar(self):
        self.assertEqual(self.calendar.hours_per_week, 37.5)
        self.assertEqual(self.calendar.hours_per_day, 7.5)
        self.assertEqual(self.calendar.tz, "Asia/Jakarta")

    def test_end_of_day_to_start_of_next_day(self):
        """Received 5 minutes before closing, handled 5 minutes after opening
        the next working day: 10 working minutes, not 15 and a half hours."""
        step = self._steps((wib(2026, 3, 2, 15, 55), wib(2026, 3, 3, 7, 35)))
        self.assertAlmostEqual(step.duration_minutes, 10.0)
        self.assertAlmostEqual(step.duration_days, 10 / 450, places=2)

    def test_odoo_default_hours(self):
        """The issue's own case, in Odoo's generic 08:00-17:00 calendar."""
        attendances = [
            Command.create(
                {
                    "name": f"{day} {period}",
                    "dayofweek": day,
                    "day_period": period,
                    "hour_from": hour_from,
                    "hour_to": hour_to,
                }
            )
            for day in "01234"
            for period, hour_from, hour_to in (
                ("morning", 8, 12),
                ("lunch", 12, 13),
                ("afternoon", 13, 17),
            )
        ]
        self.company.resource_calendar_id = self.Calendar.create(
            {"name": "8-17", "tz": "Asia/Jakarta", "attendance_ids": attendances}
        )
        minutes = self._minutes(wib(2026, 3, 2, 16, 55), wib(2026, 3, 3, 8, 5))
        self.assertAlmostEqual(minutes, 10.0)

    def test_lunch_break_and_friday(self):
        self.assertAlmostEqual(
            self._minutes(wib(2026, 3, 2, 11, 55), wib(2026, 3, 2, 13, 5)), 10.0
        )
        # Friday: break 11:30-13:00, closing at 16:30
        self.assertAlmostEqual(
            self._minutes(wib(2026, 3, 6, 11, 25), wib(2026, 3, 6, 13, 5)), 10.0
        )

    def test_across_weekend(self):
        minutes = self._minutes(wib(2026, 3, 6, 16, 20), wib(2026, 3, 9, 7, 40))
        self.assertAlmostEqual(minutes, 20.0)

    def test_across_holiday_and_cuti_bersama(self):
        """Thursday 14 May 2026 (Ascension) is a national holiday, Friday 15
        May a cuti bersama day: Wednesday 15:50 to Monday 07:40 is 20 working
        minutes; Independence Day on Monday 17 August 2026 likewise."""
        loaded = self.Leave.search(
            [
                ("calendar_id", "=", self.calendar.id),
                ("social_holiday_date", "!=", False),
            ]
        )
        categories = {
            leave.social_holiday_date: leave.social_holiday_category for leave in loaded
        }
        self.assertEqual(categories[date(2026, 5, 14)], "public")
        self.assertEqual(categories[date(2026, 5, 15)], "collective")
        self.assertEqual(categories[date(2026, 8, 17)], "public")
        self.assertAlmostEqual(
            self._minutes(wib(2026, 5, 13, 15, 50), wib(2026, 5, 18, 7, 40)), 20.0
        )
        self.assertAlmostEqual(
            self._minutes(wib(2026, 8, 14, 16, 25), wib(2026, 8, 18, 7, 35)), 10.0
        )

    def test_outside_hours_counts_nothing(self):
        self.assertAlmostEqual(
            self._minutes(wib(2026, 3, 7, 9, 0), wib(2026, 3, 8, 15, 0)), 0.0
        )
        self.assertAlmostEqual(
            self._minutes(wib(2026, 3, 2, 18, 0), wib(2026, 3, 3, 6, 0)), 0.0
        )

    # ------------------------------------------------------------------
    # Standards, deadline, overrun
    # ------------------------------------------------------------------

    def test_overrun_against_standard_in_minutes(self):
        within, over, open_ = self._steps(
            (wib(2026, 3, 2, 15, 55), wib(2026, 3, 3, 7, 35)),
            (wib(2026, 3, 2, 15, 50), wib(2026, 3, 3, 7, 40)),
            (wib(2026, 3, 2, 15, 50), False),
            standard=15,
        )
        self.assertEqual(within.standard_minutes, 15)
        self.assertFalse(within.is_overrun)
        self.assertEqual(within.within_standard_rate, 100.0)
        self.assertTrue(over.is_overrun)
        self.assertEqual(over.within_standard_rate, 0.0)
        self.assertFalse(open_.is_overrun, "an open step has no overrun yet")
        self.assertEqual(open_.duration_minutes, 0.0)
        # the deadline runs over the night: 10 minutes today, 5 tomorrow
        self.assertEqual(over.date_deadline, wib(2026, 3, 3, 7, 35))

    def test_no_standard_never_overruns(self):
        step = self._steps((wib(2026, 3, 2, 8, 0), wib(2026, 3, 6, 16, 0)))
        self.assertFalse(step.is_overrun)
        self.assertFalse(step.date_deadline)
        self.assertFalse(step.within_standard_rate)

    def test_standard_in_working_days(self):
        """1 working day = 7.5 working hours: from Wednesday 13 May 2026 13:00
        over the holiday, the cuti bersama day and the weekend, the deadline is
        Monday 18 May 12:00."""
        step = self._steps((wib(2026, 5, 13, 13, 0), False), standard=1, unit="days")
        self.assertEqual(step.standard_minutes, 450)
        self.assertEqual(step.date_deadline, wib(2026, 5, 18, 12, 0))
        two = self._steps(
            (wib(2026, 3, 2, 7, 30), wib(2026, 3, 4, 9, 0)), standard=2, unit="days"
        )
        self.assertEqual(two.date_deadline, wib(2026, 3, 3, 16, 0))
        self.assertAlmostEqual(two.duration_days, 2.2)
        self.assertTrue(two.is_overrun)

    def test_deadline_helper_and_elapsed_so_far(self):
        deadline = self.Mixin._service_time_deadline(
            wib(2026, 5, 13, 13, 0), 1, unit="days"
        )
        self.assertEqual(deadline, wib(2026, 5, 18, 12, 0))
        # back-dating: 25 working minutes before Monday 18 May 2026 04:50
        start = self.Mixin._service_time_start_before(wib(2026, 5, 18, 4, 50), 25)
        self.assertEqual(start, wib(2026, 5, 13, 15, 35))
        open_step = self._steps((wib(2026, 5, 13, 15, 50), False), standard=15)
        elapsed = open_step._service_time_elapsed(now=wib(2026, 5, 18, 7, 40))
        self.assertAlmostEqual(elapsed[open_step.id], 20.0)

    # ------------------------------------------------------------------
    # Batch
    # ------------------------------------------------------------------

    def test_batch_query_count_flat(self):
        """The figures of a batch cost the same queries for 2 or 40 records:
        the intervals are read once per calendar."""

        def periods(count):
            # the same span of days (and holidays) whatever the count
            return [(wib(2026, 3, 2, 8, 0), wib(2026, 3, 31, 9, 0))] + [
                (wib(2026, 3, 2 + i % 20, 8, 0), wib(2026, 3, 3 + i % 20, 9, i))
                for i in range(count - 1)
            ]

        def measure(count, queries=8):
            steps = self._steps(*periods(count), standard=30)
            # unsaved steps live in the cache: forget the calendar side only
            for model in (
                "res.company",
                "resource.calendar",
                "resource.calendar.attendance",
                "resource.calendar.leaves",
            ):
                self.env[model].invalidate_model()
            with self.assertQueryCount(queries):
                values = list(steps._service_time_values().values())
                elapsed = list(
                    steps._service_time_elapsed(now=wib(2026, 4, 1, 8, 0)).values()
                )
            return values, elapsed

        few, few_elapsed = measure(2)
        many, many_elapsed = measure(40)
        self.assertEqual(len(many), 40)
        # Monday 08:00 to Tuesday 09:00 = 420 + 90 working minutes, and so on
        self.assertAlmostEqual(few[1]["duration_minutes"], 510.0)
        self.assertAlmostEqual(many[2]["duration_minutes"], 511.0)
        self.assertEqual(few[1]["date_deadline"], wib(2026, 3, 2, 8, 30))
        overrun = [vals["is_overrun"] for vals in many]
        self.assertEqual(overrun, [vals["duration_minutes"] > 30 for vals in many])
        self.assertIn(False, overrun, "weekend-only periods are within")
        self.assertIn(True, overrun)
        self.assertEqual(few, many[:2])
        self.assertEqual(few_elapsed, many_elapsed[:2])

    # ------------------------------------------------------------------
    # National holidays
    # ------------------------------------------------------------------

    def _holidays(self, calendar=None):
        return self.Leave.search(
            [
                ("calendar_id", "=", (calendar or self.calendar).id),
                ("resource_id", "=", False),
                ("social_holiday_date", "!=", False),
            ]
        )

    def test_holiday_loader_idempotent_and_keeps_edits(self):
        first = self._holidays()
        self.assertGreater(len(first), 15)
        self.assertIn("Hari Kemerdekaan Republik Indonesia", first.mapped("name"))
        self.assertFalse(self.calendar._social_load_national_holidays([2026]))
        self.assertEqual(self._holidays(), first)

        # the office renames one day and works on another: both are kept
        independence = first.filtered(
            lambda leave: leave.social_holiday_date == date(2026, 8, 17)
        )
        ascension = first.filtered(
            lambda leave: leave.social_holiday_date == date(2026, 5, 14)
        )
        independence.name = "HUT RI ke-81"
        ascension.time_type = "other"
        self.assertFalse(self.calendar._social_load_national_holidays([2026]))
        self.assertEqual(independence.name, "HUT RI ke-81")
        self.assertAlmostEqual(
            self._minutes(wib(2026, 5, 13, 15, 50), wib(2026, 5, 18, 7, 40)),
            20.0 + 450.0,
            msg="a holiday turned into working time counts as working time",
        )

    def test_holiday_loader_skips_days_entered_by_hand(self):
        calendar = self.Calendar.create(
            self.Calendar._social_office_calendar_values(self.company)
            | {"tz": "Asia/Jakarta"}
        )
        self.Leave.create(
            {
                "name": "Libur Idul Fitri",
                "calendar_id": calendar.id,
                "date_from": wib(2026, 3, 20, 0, 0),
                "date_to": wib(2026, 3, 24, 23, 59),
            }
        )
        loaded = calendar._social_load_national_holidays([2026])
        self.assertTrue(loaded)
        days = set(loaded.mapped("social_holiday_date"))
        self.assertFalse(days & {date(2026, 3, d) for d in range(20, 25)})
        self.assertIn(date(2026, 3, 19), days)

    def test_holiday_unique_per_calendar(self):
        leave = self._holidays()[:1]
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            leave.copy({"social_holiday_date": leave.social_holiday_date})

    def test_cron_loads_every_office(self):
        office = self.env["res.company"].create({"name": "Dinas Sosial Kota Metro"})
        calendar = office.resource_calendar_id
        self.assertEqual(calendar.hours_per_week, 37.5, "an office's hours")
        self.Calendar._cron_social_load_national_holidays()
        self.assertTrue(self._holidays(calendar))

    def test_load_button_administrator_only(self):
        Leave = self.Leave.with_user(self.user_kasi)
        count = self.Leave.search_count([])
        with self.assertRaises(AccessError):
            Leave.action_social_load_national_holidays()
        with self.assertRaises(AccessError):
            self._holidays()[:1].with_user(self.user_kasi).write({"name": "X"})
        self.assertEqual(self.Leave.search_count([]), count)
        action = self.Leave.with_user(
            self.user_manager
        ).action_social_load_national_holidays()
        self.assertEqual(action["tag"], "display_notification")
        self._holidays()[:1].with_user(self.user_manager).write({"name": "Libur"})
