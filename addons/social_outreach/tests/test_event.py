# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from psycopg2.errors import CheckViolation

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import OutreachCommon


@tagged("post_install", "-at_install")
class TestEventStates(OutreachCommon):
    def test_number_days_default_members_and_stations(self):
        event = self._make_event(
            date_start=self.event.date_start,
            date_end=self.event.date_start + timedelta(days=2),
        )
        self.assertRegex(event.number, r"^YJ/\d{4}/\d{3}$")
        self.assertEqual(len(event.day_ids), 3)
        self.assertEqual(event.planned_participants, 100)
        committee = event.member_ids.filtered(lambda m: m.kind == "committee")
        cadres = event.member_ids.filtered(lambda m: m.kind == "cadre")
        self.assertEqual(len(committee), 5)
        self.assertEqual(len(cadres), 9)
        self.assertEqual(
            sorted(committee.mapped("origin")),
            ["dinsos_regency", "dinsos_regency", "district", "tksk", "tksk"],
        )
        self.assertEqual(len(event.station_ids), 8)
        self.assertTrue(event.display_token and len(event.display_token) >= 32)
        # shortening the dates removes the days without check-ins
        event.date_end = event.date_start
        self.assertEqual(len(event.day_ids), 1)

    def test_every_transition_allowed(self):
        event = self._make_event()
        self.assertEqual(event.state, "draft")
        event.with_user(self.desk).action_confirm()
        self.assertEqual(event.state, "confirmed")
        event.with_user(self.desk).action_start()
        self.assertEqual(event.state, "in_progress")
        event.with_user(self.desk).action_done()
        self.assertEqual(event.state, "done")
        self.assertTrue(event.date_done)
        other = self._make_event()
        other.action_cancel()
        self.assertEqual(other.state, "cancel")
        other.action_draft()
        self.assertEqual(other.state, "draft")
        other.action_confirm()
        other.action_cancel()
        self.assertEqual(other.state, "cancel")

    def test_every_transition_refused_out_of_place(self):
        event = self._make_event()
        refusals = {
            "draft": ("action_start", "action_done", "action_draft"),
            "confirmed": ("action_confirm", "action_done", "action_draft"),
            "in_progress": (
                "action_confirm",
                "action_start",
                "action_cancel",
                "action_draft",
            ),
            "done": (
                "action_confirm",
                "action_start",
                "action_done",
                "action_cancel",
                "action_draft",
            ),
        }
        steps = {
            "draft": "action_confirm",
            "confirmed": "action_start",
            "in_progress": "action_done",
        }
        for state, refused in refusals.items():
            self.assertEqual(event.state, state)
            for method in refused:
                with self.subTest(state=state, method=method):
                    with self.assertRaises(UserError):
                        getattr(event.with_user(self.desk), method)()
                    self.assertEqual(event.state, state)
            if state in steps:
                getattr(event, steps[state])()
        cancelled = self._make_event()
        cancelled.action_cancel()
        for method in ("action_confirm", "action_start", "action_done"):
            with self.assertRaises(UserError):
                getattr(cancelled, method)()

    def test_state_and_number_not_written_by_a_client(self):
        event = self._make_event()
        for vals in (
            {"state": "done"},
            {"number": "YJ/9999/001"},
            {"date_done": "2023-01-01"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                event.with_user(self.desk).write(vals)
        with self.assertRaises(UserError):
            self.Event.with_user(self.desk).create(
                {"name": "X", "state": "in_progress"}
            )
        with self.assertRaises(UserError):
            self.Event.with_user(self.desk).create(
                {"name": "X", "display_token": "abc"}
            )
        with self.assertRaises(UserError):
            event.with_user(self.desk).write({"display_token": "guessable"})
        # a context key opens nothing
        with self.assertRaises(UserError):
            event.with_user(self.desk).with_context(social_workflow=True).write(
                {"state": "done"}
            )
        self.assertEqual(event.state, "draft")

    def test_dates_fixed_once_confirmed(self):
        event = self._make_event()
        event.action_confirm()
        with self.assertRaisesRegex(UserError, "fixed once it is confirmed"):
            event.with_user(self.desk).write(
                {"date_end": event.date_end + timedelta(days=1)}
            )
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(CheckViolation),
            self.env.cr.savepoint(),
        ):
            self._make_event(date_end=event.date_start - timedelta(days=1))
        with self.assertRaisesRegex(ValidationError, "at most 14 days"):
            self._make_event(date_end=event.date_start + timedelta(days=14))

    def test_display_token_regenerated(self):
        event = self._make_event()
        old = event.display_token
        event.with_user(self.desk).action_regenerate_display_token()
        self.assertNotEqual(event.display_token, old)
        self.assertIn(event.display_token, event.display_url)

    def test_delete_only_unstarted(self):
        event = self._make_event()
        self._start(event)
        with self.assertRaises(UserError):
            event.with_user(self.users["manager"]).unlink()
        draft = self._make_event()
        draft.with_user(self.users["manager"]).unlink()
        self.assertFalse(draft.exists())
