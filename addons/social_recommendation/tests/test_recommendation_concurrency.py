# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

import psycopg2.errors

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.social_client.tests.concurrency import commit_when_blocked

LETTER_SEQUENCE = "social.recommendation.letter"
# years no other test writes letters in: their date ranges are this test's
YEAR_OPEN = 2031  # its date range exists before the test draws numbers
YEAR_NEW = 2032  # its date range does not: the first letters of a year


@tagged("post_install", "-at_install")
class TestRecommendationConcurrency(BaseCase):
    """Two members of staff of the same office register requests and issue
    letters at the same moment, in two real transactions: the agenda and
    letter numbers differ, and a duplicate letter number is refused by
    PostgreSQL. The data are committed, so they are removed at the end."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the registry is not in test mode: its cursors are real connections
        cls.registry = Registry(get_db_name())
        cls.rec_ids = []
        cls.addClassCleanup(cls._cleanup)
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            cls.company_id = env.company.id
            client = env["social.client"].create(
                {
                    "name": "Recommendation concurrency client",
                    "no_identity": True,
                    "no_identity_description": "Test of concurrent numbers.",
                }
            )
            rec_type = env["social.recommendation.type"].create(
                {"name": "Recommendation concurrency type"}
            )
            cls.client_id, cls.type_id = client.id, rec_type.id
            cls.sequence_id = (
                env["ir.sequence"]
                .search(
                    [
                        ("code", "=", LETTER_SEQUENCE),
                        ("company_id", "=", cls.company_id),
                    ]
                )
                .id
            )
            ranges = cls._date_ranges(env)
            cls.own_range_years = {YEAR_OPEN, YEAR_NEW} - {
                r.date_from.year for r in ranges
            }
            if YEAR_NEW not in cls.own_range_years:
                raise AssertionError(f"{YEAR_NEW} already has letter numbers")
        with cls.registry.cursor() as cr:
            cls.rec_ids = cls._create(cr, 6).ids
            # the date range of YEAR_OPEN, as after the first letter of the year
            cls._letter_numbers(cr, cls.rec_ids[:1], date(YEAR_OPEN, 1, 2))

    @classmethod
    def _date_ranges(cls, env):
        return env["ir.sequence.date_range"].search(
            [
                ("sequence_id", "=", cls.sequence_id),
                ("date_from", ">=", f"{YEAR_OPEN}-01-01"),
                ("date_to", "<=", f"{YEAR_NEW}-12-31"),
            ]
        )

    @classmethod
    def _cleanup(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            cr.execute(
                SQL(
                    "SELECT id FROM social_recommendation WHERE client_id = %s",
                    getattr(cls, "client_id", 0),
                )
            )
            ids = [row[0] for row in cr.fetchall()]
            # SQL: the SOP log and the register refuse deletion through the ORM;
            # the chatter and followers are not linked by foreign keys
            for table, model, key in (
                ("mail_message", "social.recommendation", "model"),
                ("mail_followers", "social.recommendation", "res_model"),
                ("mail_message", "social.client", "model"),
                ("mail_followers", "social.client", "res_model"),
            ):
                res_ids = ids if model == "social.recommendation" else [cls.client_id]
                cr.execute(
                    SQL(
                        "DELETE FROM %s WHERE %s = %s AND res_id = ANY(%s)",
                        SQL.identifier(table),
                        SQL.identifier(key),
                        model,
                        res_ids,
                    )
                )
            cr.execute(SQL("DELETE FROM social_recommendation WHERE id = ANY(%s)", ids))
            if getattr(cls, "type_id", None):
                cr.execute(
                    SQL(
                        "DELETE FROM social_recommendation_type WHERE id = %s",
                        cls.type_id,
                    )
                )
                cr.execute(
                    SQL("DELETE FROM social_client WHERE id = %s", cls.client_id)
                )
            if getattr(cls, "sequence_id", None):
                # unlink drops the PostgreSQL sequence of each date range
                cls._date_ranges(env).filtered(
                    lambda r: r.date_from.year in cls.own_range_years
                ).unlink()

    @classmethod
    def _create(cls, cr, count):
        env = api.Environment(cr, SUPERUSER_ID, {})
        recs = env["social.recommendation"].create(
            [
                {
                    "request_from": "Kelurahan Nanga Bulik",
                    "client_id": cls.client_id,
                    "type_id": cls.type_id,
                    "company_id": cls.company_id,
                }
                for _i in range(count)
            ]
        )
        env.flush_all()
        return recs

    @classmethod
    def _letter_numbers(cls, cr, rec_ids, letter_date):
        """Draw and write the letter number of each request, as the issue does."""
        env = api.Environment(cr, SUPERUSER_ID, {})
        numbers = []
        for rec in env["social.recommendation"].browse(rec_ids):
            number = rec._next_letter_number(letter_date)
            rec.letter_number = number
            numbers.append(number)
        env.flush_all()
        return numbers

    def test_agenda_numbers_of_interleaved_requests_differ(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first = self._create(cr1, 1)  # not committed yet
            second = self._create(cr2, 3)  # a batch, meanwhile
            third = self._create(cr1, 2)
            names = (first | third).mapped("name") + second.mapped("name")
            type(self).rec_ids += (first | third).ids + second.ids
            cr2.commit()
            cr1.commit()
        self.assertNotIn("/", names)
        self.assertEqual(len(set(names)), 6, names)

    def test_letter_numbers_of_concurrent_issues_differ(self):
        letter_date = date(YEAR_OPEN, 3, 1)
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first = self._letter_numbers(cr1, self.rec_ids[1:2], letter_date)
            second = self._letter_numbers(cr2, self.rec_ids[2:4], letter_date)
            cr2.commit()
            cr1.commit()
        numbers = first + second
        self.assertEqual(len(set(numbers)), 3, numbers)
        self.assertTrue(all(str(YEAR_OPEN) in number for number in numbers))

    def test_first_letters_of_a_year_never_share_a_number(self):
        """The first letter of a year creates the year's date range of the
        sequence. A second issue meanwhile does not see it and creates its own:
        it waits on the unique index of the date ranges, fails when the first
        commits, and its retry draws the next number."""
        letter_date = date(YEAR_NEW, 1, 2)
        rec_a, rec_b = self.rec_ids[4:6]
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first = self._letter_numbers(cr1, [rec_a], letter_date)
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
                    self._letter_numbers(cr2, [rec_b], letter_date)
            finally:
                thread.join(10)
            self.assertTrue(result["blocked"], "the second issue did not wait")
            self.assertEqual(
                caught.exception.diag.constraint_name,
                "ir_sequence_date_range_unique_range_per_sequence",
            )
            cr2.rollback()
            # the retry of the request (a new transaction) sees the date range
            second = self._letter_numbers(cr2, [rec_b], letter_date)
            cr2.commit()
        self.assertNotEqual(second, first)
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT count(DISTINCT letter_number), count(*) "
                    "FROM social_recommendation WHERE id IN %s",
                    (rec_a, rec_b),
                )
            )
            self.assertEqual(cr.fetchone(), (2, 2))

    def test_duplicate_letter_number_refused_by_postgresql(self):
        """A reset sequence gives a number again: PostgreSQL refuses it."""
        letter_date = date(YEAR_OPEN, 4, 1)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            rec_a, rec_b = env["social.recommendation"].browse(self.rec_ids[4:6])
            date_range = self._date_ranges(env).filtered(
                lambda r: r.date_from.year == YEAR_OPEN
            )
            next_number = date_range.number_next_actual
            rec_a.letter_number = rec_a._next_letter_number(letter_date)
            env.flush_all()
            date_range.number_next_actual = next_number  # the reset
            number = rec_b._next_letter_number(letter_date)
            self.assertEqual(number, rec_a.letter_number)
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(psycopg2.errors.UniqueViolation) as caught,
            ):
                rec_b.letter_number = number
                env.flush_all()
            self.assertEqual(
                caught.exception.diag.constraint_name,
                "social_recommendation_letter_number_company_unique",
            )
            cr.rollback()
