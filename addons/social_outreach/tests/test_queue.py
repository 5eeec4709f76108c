# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OutreachCommon


@tagged("post_install", "-at_install")
class TestQueueNumbers(OutreachCommon):
    def test_contract_confirm_start_check_in(self):
        event = self._make_event()
        event.action_confirm()
        event.action_start()
        self.assertEqual(event.state, "in_progress")
        participants = self._invite(event, self.clients)
        numbers = [p.with_user(self.desk).action_check_in() for p in participants[::-1]]
        self.assertEqual(numbers, [1, 2, 3])
        self.assertEqual(participants.mapped("queue_number"), [3, 2, 1])
        self.assertEqual(set(participants.mapped("state")), {"checked_in"})
        self.assertEqual(participants.checked_in_by_id, self.desk)
        self.assertEqual(participants.day_id, event.day_ids)

    def test_checking_in_twice_keeps_the_first_number(self):
        self._start(self.event)
        first, second = self._invite(self.event, self.clients[:2])
        self.assertEqual(first.action_check_in(), 1)
        self.assertEqual(second.action_check_in(), 2)
        self.assertEqual(first.action_check_in(), 1)
        self.assertEqual(first.queue_number, 1)
        # a batch with one already checked in numbers only the others
        third = self._invite(self.event, self.clients[2])
        (first | third).action_check_in()
        self.assertEqual(third.queue_number, 3)
        # one visit at the first station per participant, not one per click
        self.assertEqual(len(first.visit_ids), 1)
        self.assertEqual(first.visit_ids.station_id, self.st_assess)
        self.assertEqual(first.visit_ids.state, "waiting")

    def test_batch_in_order_and_flat_query_count(self):
        self._start(self.event)
        clients = self.Client.create(
            [
                {
                    "name": f"Peserta {i}",
                    "no_identity": True,
                    "no_identity_description": "x",
                }
                for i in range(40)
            ]
        )
        small = self._invite(self.event, clients[:5])
        large = self._invite(self.event, clients[5:])
        counts = []
        for batch in (small, large):
            self.env.flush_all()
            self.env.invalidate_all()
            queries = self.env.cr.sql_log_count
            batch.action_check_in()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - queries)
        self.assertLessEqual(
            counts[1], counts[0] + 5, f"the check-in grew with the batch: {counts}"
        )
        self.assertEqual(small.mapped("queue_number"), [1, 2, 3, 4, 5])
        self.assertEqual(large.mapped("queue_number"), list(range(6, 41)))

    def test_numbers_count_per_day(self):
        event = self._make_event(date_end=self.event.date_start + timedelta(days=1))
        self._start(event)
        day1, day2 = event.day_ids.sorted("date")
        participants = self._invite(event, self.clients)
        participants[:2].action_check_in()
        participants[2]._check_in_on({event.id: day2})
        self.assertEqual(participants[:2].mapped("queue_number"), [1, 2])
        self.assertEqual(participants[2].queue_number, 1)
        self.assertEqual(participants[2].day_id, day2)
        self.assertEqual(participants[0].day_id, day1)
        # a day with check-ins cannot leave the dates
        event.action_done()
        with self.assertRaises(UserError):
            event.write({"date_end": event.date_start})

    def test_check_in_refused_outside_a_running_day(self):
        participant = self._invite(self.event, self.clients[0])
        for step in (None, "action_confirm"):
            if step:
                getattr(self.event, step)()
            with self.assertRaisesRegex(UserError, "not in progress"):
                participant.with_user(self.desk).action_check_in()
        self.event.action_start()
        self.event.action_done()
        with self.assertRaisesRegex(UserError, "not in progress"):
            participant.with_user(self.desk).action_check_in()
        self.assertFalse(participant.queue_number)
        future = self._make_event(
            date_start=self.event.date_start + timedelta(days=3),
            date_end=self.event.date_start + timedelta(days=4),
        )
        self._start(future)
        other = self._invite(future, self.clients[1])
        with self.assertRaisesRegex(UserError, "not a day of"):
            other.action_check_in()

    def test_queue_fields_never_written_directly(self):
        self._start(self.event)
        participant = self._invite(self.event, self.clients[0])
        participant.action_check_in()
        for user in (self.desk, self.kasi, self.users["manager"]):
            for vals in (
                {"queue_number": 7},
                {"state": "done"},
                {"check_in_date": "2023-01-01 08:00:00"},
                {"day_id": False},
            ):
                with self.subTest(user=user.login, vals=vals):
                    with self.assertRaises(UserError):
                        participant.with_user(user).write(vals)
                    with self.assertRaises(UserError):
                        participant.with_user(user).with_context(
                            social_workflow=True
                        ).write(vals)
        with self.assertRaises(UserError):
            self.Participant.with_user(self.desk).create(
                {
                    "event_id": self.event.id,
                    "client_id": self.clients[1].id,
                    "queue_number": 1,
                }
            )
        with self.assertRaises(UserError):
            participant.with_user(self.desk).write({"client_id": self.clients[1].id})
        with self.assertRaises(UserError):
            participant.with_user(self.users["manager"]).unlink()
        self.assertEqual(participant.queue_number, 1)

    def test_visits_are_made_by_the_workflow_only(self):
        self._start(self.event)
        participant = self._invite(self.event, self.clients[0])
        with self.assertRaises(UserError):
            self.Visit.with_user(self.kasi).create(
                {"participant_id": participant.id, "station_id": self.st_health.id}
            )
        with self.assertRaises(UserError):
            self.Visit.with_user(self.desk).create(
                {"participant_id": participant.id, "station_id": self.st_health.id}
            )

    def test_desk_in_another_time_zone_finds_the_day(self):
        """The day planned for today's date is found by a desk whose clock is
        already on the next date (UTC+14) or still on the previous (UTC-12)."""
        today = fields.Date.today()
        event = self._make_event(date_start=today, date_end=today)
        self._start(event)
        participants = self._invite(event, self.clients[:2])
        for participant, tz in zip(
            participants, ("Pacific/Kiritimati", "Etc/GMT+12"), strict=True
        ):
            self.desk.tz = tz
            self.assertTrue(participant.with_user(self.desk).action_check_in())
        self.assertEqual(participants.mapped("queue_number"), [1, 2])
