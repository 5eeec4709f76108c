# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import threading
import uuid

import psycopg2.errors

from odoo import SUPERUSER_ID, api, fields
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.social_client.tests.concurrency import commit_when_blocked


@tagged("post_install", "-at_install")
class TestQueueConcurrency(BaseCase):
    """Two registration desks check people in at the same moment, in two
    real transactions: the second waits for the first (the day's row lock)
    and then takes the next number; no duplicate, no gap. The data are
    committed, so they are removed at the end."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the registry is not in test mode: its cursors are real connections
        cls.registry = Registry(get_db_name())

    def setUp(self):
        super().setUp()
        self.mark = f"Antrean {uuid.uuid4().hex[:8]}"
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            today = fields.Date.context_today(env.user)
            event = env["social.outreach.event"].create(
                {"name": self.mark, "date_start": today, "date_end": today}
            )
            event.action_confirm()
            event.action_start()
            clients = env["social.client"].create(
                [
                    {
                        "name": f"{self.mark} {i}",
                        "no_identity": True,
                        "no_identity_description": "Uji antrean",
                    }
                    for i in range(6)
                ]
            )
            participants = env["social.outreach.participant"].create(
                [{"event_id": event.id, "client_id": c.id} for c in clients]
            )
            self.event_id = event.id
            self.participant_ids = participants.ids
            self.client_ids = clients.ids
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            params = {"event": self.event_id, "clients": self.client_ids}
            for query in (
                "DELETE FROM social_outreach_visit WHERE event_id = %(event)s",
                "DELETE FROM social_outreach_participant WHERE event_id = %(event)s",
                "DELETE FROM social_outreach_event WHERE id = %(event)s",
                "DELETE FROM mail_message WHERE model = 'social.outreach.event' "
                "AND res_id = %(event)s",
                "DELETE FROM mail_followers WHERE res_model = 'social.outreach.event' "
                "AND res_id = %(event)s",
                "DELETE FROM mail_message WHERE model = 'social.client' "
                "AND res_id = ANY(%(clients)s)",
                "DELETE FROM mail_followers WHERE res_model = 'social.client' "
                "AND res_id = ANY(%(clients)s)",
                "DELETE FROM social_client WHERE id = ANY(%(clients)s)",
            ):
                cr.execute(SQL(query, **params))

    def _check_in(self, cr, index):
        env = api.Environment(cr, SUPERUSER_ID, {})
        participant = env["social.outreach.participant"].browse(
            self.participant_ids[index]
        )
        number = participant.action_check_in()
        env.flush_all()
        return number

    def _numbers(self):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT id, queue_number FROM social_outreach_participant "
                    "WHERE event_id = %s AND queue_number IS NOT NULL",
                    self.event_id,
                )
            )
            return dict(cr.fetchall())

    def test_parallel_desks_get_consecutive_numbers(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first = self._check_in(cr1, 0)  # holds the day's lock until cr1 ends
            cr2.execute("SET LOCAL lock_timeout = '5s'")
            thread, result = commit_when_blocked(
                self.registry, cr1, cr2.connection.get_backend_pid()
            )
            try:
                second = self._check_in(cr2, 1)
            finally:
                thread.join(10)
            self.assertTrue(result["blocked"], "the second desk did not wait")
            cr2.commit()
        self.assertEqual(sorted((first, second)), [1, 2])
        # a desk whose transaction fails gives its number back: no gap
        with self.registry.cursor() as cr:
            self._check_in(cr, 2)
            cr.rollback()
        with self.registry.cursor() as cr:
            self.assertEqual(self._check_in(cr, 3), 3)
        numbers = self._numbers()
        self.assertEqual(sorted(numbers.values()), [1, 2, 3])

    def test_many_desks_at_once_no_duplicate_no_gap(self):
        """Three threads, each its own transaction, check in at once."""
        start = len(self._numbers())
        barrier = threading.Barrier(2)
        errors = []

        def desk(index):
            try:
                with self.registry.cursor() as cr:
                    # the ORM runs in the test's thread only (registry lock):
                    # this desk takes the day's lock through plain SQL, as the
                    # check-in does, and holds it while the test's desk waits
                    cr.execute(
                        SQL(
                            "SELECT id FROM social_outreach_event_day "
                            "WHERE event_id = %s FOR UPDATE",
                            self.event_id,
                        )
                    )
                    barrier.wait(5)
                    cr.execute(
                        SQL(
                            "UPDATE social_outreach_participant SET queue_number = "
                            "(SELECT COALESCE(MAX(queue_number), 0) + 1 FROM "
                            "social_outreach_participant WHERE event_id = %s), "
                            "day_id = (SELECT id FROM social_outreach_event_day "
                            "WHERE event_id = %s), state = 'checked_in' "
                            "WHERE id = %s",
                            self.event_id,
                            self.event_id,
                            self.participant_ids[index],
                        )
                    )
            except Exception as exc:  # noqa: BLE001 - reported by the test
                errors.append(exc)

        thread = threading.Thread(target=desk, args=(4,))
        thread.start()
        barrier.wait(5)
        with self.registry.cursor() as cr:
            # waits for the other desk's lock, then reads its committed number
            number = self._check_in(cr, 5)
        thread.join(10)
        self.assertFalse(errors)
        numbers = self._numbers()
        self.assertEqual(sorted(numbers.values()), list(range(1, start + 3)), numbers)
        self.assertEqual(number, start + 2)

    def test_duplicate_number_refused_by_postgresql(self):
        with self.registry.cursor() as cr:
            self._check_in(cr, 0)  # committed at the end of the block
        with self.registry.cursor() as cr:
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(psycopg2.errors.UniqueViolation) as caught,
            ):
                cr.execute(
                    SQL(
                        "UPDATE social_outreach_participant p SET queue_number = 1, "
                        "day_id = d.id FROM social_outreach_event_day d "
                        "WHERE d.event_id = p.event_id AND p.id = %s",
                        self.participant_ids[1],
                    )
                )
            self.assertEqual(
                caught.exception.diag.constraint_name,
                "social_outreach_participant_queue_unique",
            )
            cr.rollback()
