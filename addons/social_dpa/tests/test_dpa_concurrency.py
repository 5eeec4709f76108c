# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import psycopg2.errors

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.social_client.tests.concurrency import commit_when_blocked


@tagged("post_install", "-at_install")
class TestDpaConcurrentCharges(BaseCase):
    """Two users charge the same line at the same moment, in two real
    transactions: the second one waits for the first (row lock) and then sees
    its charge. The data are committed, so they are removed at the end."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            dpa = env["social.dpa"].create(
                {
                    "name": "DPA concurrency test",
                    "fiscal_year": 2031,
                    "line_ids": [
                        Command.create(
                            {
                                "sub_activity_id": env.ref(
                                    "social_dpa.nomenclature_1_06_04_2_01_0001"
                                ).id,
                                "rekening_id": env.ref(
                                    "social_dpa.account_5_1_02_01_01_0052"
                                ).id,
                                "amount": 1000,
                            }
                        )
                    ],
                }
            )
            # fixture: approved without the sign-off, which is tested elsewhere
            cr.execute(
                SQL("UPDATE social_dpa SET state = 'approved' WHERE id = %s", dpa.id)
            )
            cls.dpa_id = dpa.id
            cls.line_id = dpa.line_ids.id
        cls.addClassCleanup(cls._cleanup)

    @classmethod
    def _cleanup(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["account.analytic.line"].search(
                [("social_dpa_line_id", "=", cls.line_id)]
            ).unlink()
            cr.execute(
                SQL("UPDATE social_dpa SET state = 'draft' WHERE id = %s", cls.dpa_id)
            )
            env["social.dpa"].browse(cls.dpa_id).unlink()

    def _charge(self, cr, amount):
        env = api.Environment(cr, SUPERUSER_ID, {})
        line = env["social.dpa.line"].browse(self.line_id)
        return line.charge("2031-03-01", amount, "Concurrent charge")

    def test_second_charge_waits_then_sees_the_first(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            self._charge(cr1, 600)  # holds the row lock until cr1 ends
            cr2.execute("SET LOCAL lock_timeout = '1s'")
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(psycopg2.errors.LockNotAvailable),
            ):
                self._charge(cr2, 600)
            cr2.rollback()
            cr1.commit()
            cr2.execute("SET LOCAL lock_timeout = '1s'")
            with self.assertRaisesRegex(UserError, "exceeds the remaining ceiling"):
                self._charge(cr2, 600)
            cr2.rollback()
            self._charge(cr2, 400)  # what remains is still accepted
            cr2.commit()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            line = env["social.dpa.line"].browse(self.line_id)
            self.assertEqual(line.amount_realized, 1000)
            self.assertEqual(line.amount_remaining, 0)

    def test_charge_begun_before_the_other_commits_is_retried(self):
        """The second request began (took its snapshot) before the first charge
        committed: it waits, then fails to serialize, and its retry counts the
        first charge."""
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            cr2.execute("SELECT 1")  # the second request has begun: its snapshot
            self._charge(cr1, 600)
            cr1.flush()
            thread, result = commit_when_blocked(
                self.registry, cr1, cr2.connection.get_backend_pid()
            )
            try:
                with (
                    mute_logger("odoo.sql_db"),
                    self.assertRaises(psycopg2.errors.SerializationFailure),
                ):
                    self._charge(cr2, 600)
            finally:
                thread.join(10)
            self.assertTrue(result["blocked"], "the second charge did not wait")
            cr2.rollback()
            # what Odoo's retry of the request does: a new transaction
            with self.assertRaisesRegex(UserError, "exceeds the remaining ceiling"):
                self._charge(cr2, 600)
            cr2.rollback()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            line = env["social.dpa.line"].browse(self.line_id)
            self.assertEqual(line.amount_realized, 600)
            env["account.analytic.line"].search(
                [("social_dpa_line_id", "=", self.line_id)]
            ).unlink()
