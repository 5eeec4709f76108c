# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import uuid

import psycopg2.errors

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import SQL, mute_logger

from .common import make_nik
from .concurrency import commit_when_blocked


@tagged("post_install", "-at_install")
class TestClientConcurrency(BaseCase):
    """Two offices register clients at the same moment, in two real
    transactions (not the test's savepoint): the registration numbers differ,
    and the same NIK saved twice is refused by PostgreSQL's unique index even
    though neither transaction can see the other's row in Python. The rows are
    committed, so they are deleted at the end."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the registry is not in test mode: its cursors are real connections
        cls.registry = Registry(get_db_name())

    def setUp(self):
        super().setUp()
        # a mark on the names of this test's clients, for the cleanup
        self.mark = f"Concurrency {uuid.uuid4().hex[:8]}"
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT id FROM social_client WHERE name LIKE %s",
                    f"{self.mark}%",
                )
            )
            ids = [row[0] for row in cr.fetchall()]
            if not ids:
                return
            # the chatter of a client is not linked by a foreign key
            cr.execute(
                SQL(
                    "DELETE FROM mail_message WHERE model = 'social.client' "
                    "AND res_id = ANY(%s)",
                    ids,
                )
            )
            cr.execute(
                SQL(
                    "DELETE FROM mail_followers WHERE res_model = 'social.client' "
                    "AND res_id = ANY(%s)",
                    ids,
                )
            )
            cr.execute(SQL("DELETE FROM social_client WHERE id = ANY(%s)", ids))

    def _nik(self):
        # a serial of this run only, so that no existing client holds the NIK
        return make_nik(serial=int(uuid.uuid4().int % 9000) + 1000, year=71)

    def _create(self, cr, count=1, nik=None):
        env = api.Environment(cr, SUPERUSER_ID, {})
        clients = env["social.client"].create(
            [
                {
                    "name": f"{self.mark} {i}",
                    "nik": nik if nik and count == 1 else self._nik(),
                }
                for i in range(count)
            ]
        )
        env.flush_all()  # the rows are in the transaction, not only in the cache
        return clients.mapped("registration_number")

    def test_numbers_of_interleaved_registrations_differ(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first = self._create(cr1)  # not committed yet
            second = self._create(cr2, count=3)  # a batch, meanwhile
            third = self._create(cr1, count=2)
            cr2.commit()
            cr1.commit()
        numbers = first + second + third
        self.assertNotIn("/", numbers)
        self.assertEqual(len(set(numbers)), 6, numbers)
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT count(DISTINCT registration_number) FROM social_client "
                    "WHERE name LIKE %s",
                    f"{self.mark}%",
                )
            )
            self.assertEqual(cr.fetchone()[0], 6)

    def test_same_nik_waits_for_the_first_then_fails(self):
        """The Python check of the second transaction sees no holder of the NIK
        (the first one has not committed): its insert waits on the unique index
        until the first commits, then fails."""
        nik = self._nik()
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            self._create(cr1, nik=nik)  # holds the index entry until cr1 ends
            cr1.flush()
            cr2.execute("SET LOCAL lock_timeout = '5s'")
            thread, result = commit_when_blocked(
                self.registry, cr1, cr2.connection.get_backend_pid()
            )
            try:
                with (
                    mute_logger("odoo.sql_db"),
                    self.assertRaises(psycopg2.errors.UniqueViolation) as caught,
                ):
                    self._create(cr2, nik=nik)
            finally:
                thread.join(10)
            self.assertTrue(result["blocked"], "the second save did not wait")
            self.assertEqual(
                caught.exception.diag.constraint_name, "social_client_nik_unique"
            )
            cr2.rollback()
        with self.registry.cursor() as cr:
            cr.execute(SQL("SELECT count(*) FROM social_client WHERE nik = %s", nik))
            self.assertEqual(cr.fetchone()[0], 1)

    def test_same_nik_times_out_while_the_first_is_open(self):
        """No session waits forever: with a lock timeout the waiting save
        fails with LockNotAvailable, and nothing of it is kept."""
        nik = self._nik()
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            self._create(cr1, nik=nik)
            cr2.execute("SET LOCAL lock_timeout = '1s'")
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(psycopg2.errors.LockNotAvailable),
            ):
                self._create(cr2, nik=nik)
            cr2.rollback()
            cr1.rollback()
        with self.registry.cursor() as cr:
            cr.execute(SQL("SELECT count(*) FROM social_client WHERE nik = %s", nik))
            self.assertEqual(cr.fetchone()[0], 0)
