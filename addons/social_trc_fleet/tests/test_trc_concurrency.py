# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import psycopg2.errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.social_client.tests.concurrency import commit_when_blocked

from .common import wib


@tagged("post_install", "-at_install")
class TestTrcConcurrency(BaseCase):
    """Two dispatchers book the car, two shelter workers check in, at the
    same moment, in two real transactions. The data are committed, so they
    are removed at the end."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            model = env["fleet.vehicle.model"].create(
                {"name": "Concurrency", "brand_id": env.ref("fleet.brand_toyota").id}
            )
            cls.vehicle_id, cls.vehicle2_id = (
                env["fleet.vehicle"]
                .create(
                    [
                        {"model_id": model.id, "license_plate": "DA 9 CC"},
                        {"model_id": model.id, "license_plate": "DA 10 CC"},
                    ]
                )
                .ids
            )
            cls.model_id = model.id
            drivers = env["hr.employee"].create(
                [{"name": "Sopir Satu"}, {"name": "Sopir Dua"}]
            )
            cls.driver_ids = drivers.ids
            cls.client_ids = (
                env["social.client"]
                .create(
                    [
                        {
                            "name": f"Klien Bersamaan {i}",
                            "no_identity": True,
                            "no_identity_description": "Uji dua transaksi",
                        }
                        for i in range(2)
                    ]
                )
                .ids
            )
            shelter = env["social.shelter"].create(
                {
                    "name": "Rumah Singgah Bersamaan",
                    "capacity": 1,
                    "bed_ids": [(0, 0, {"name": "A"}), (0, 0, {"name": "B"})],
                }
            )
            cls.shelter_id = shelter.id
            cls.bed_ids = shelter.bed_ids.ids
            big = env["social.shelter"].create(
                {
                    "name": "Rumah Singgah Besar",
                    "capacity": 5,
                    "bed_ids": [(0, 0, {"name": "A"})],
                }
            )
            cls.big_shelter_id = big.id
            cls.big_bed_id = big.bed_ids.id
        cls.addClassCleanup(cls._cleanup)

    @classmethod
    def _cleanup(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["social.trc.trip"].search(
                [("vehicle_id", "in", [cls.vehicle_id, cls.vehicle2_id])]
            ).unlink()
            stays = env["social.shelter.stay"].search(
                [("shelter_id", "in", [cls.shelter_id, cls.big_shelter_id])]
            )
            stays.write({"state": "cancelled"})
            stays.unlink()
            env["social.shelter"].browse([cls.shelter_id, cls.big_shelter_id]).unlink()
            env["fleet.vehicle"].browse([cls.vehicle_id, cls.vehicle2_id]).unlink()
            env["fleet.vehicle.model"].browse(cls.model_id).unlink()
            env["hr.employee"].browse(cls.driver_ids).unlink()
            env["social.client"].browse(cls.client_ids).unlink()

    def _book(self, cr, driver_index, hour, vehicle_id=None):
        env = api.Environment(cr, SUPERUSER_ID, {})
        start = wib(2031, 3, 3, hour, 0)
        return env["social.trc.trip"].create(
            {
                "vehicle_id": vehicle_id or self.vehicle_id,
                "driver_id": self.driver_ids[driver_index],
                "date_departure": start,
                "date_return": wib(2031, 3, 3, hour + 2, 0),
                "destination": "RSJ Sambang Lihum",
            }
        )

    def _check_in(self, cr, client_index, shelter_id, bed_id=None):
        env = api.Environment(cr, SUPERUSER_ID, {})
        return env["social.shelter.stay"].create(
            {
                "shelter_id": shelter_id,
                "bed_id": bed_id,
                "client_id": self.client_ids[client_index],
                "reason": "Uji",
            }
        )

    def test_two_dispatchers_book_the_car(self):
        """The second booking passes the Python check (the first one is not
        committed), waits on the exclusion constraint, then is refused."""
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            self._book(cr1, 0, 8)
            cr1.flush()
            cr2.execute("SET LOCAL lock_timeout = '5s'")
            thread, result = commit_when_blocked(
                self.registry, cr1, cr2.connection.get_backend_pid()
            )
            try:
                with (
                    mute_logger("odoo.sql_db"),
                    self.assertRaisesRegex(
                        ValidationError, "vehicle is already booked"
                    ),
                ):
                    self._book(cr2, 1, 9)
            finally:
                thread.join(10)
            self.assertTrue(result["blocked"], "the second booking did not wait")
            cr2.rollback()
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT count(*) FROM social_trc_trip WHERE vehicle_id = %s",
                    self.vehicle_id,
                )
            )
            self.assertEqual(cr.fetchone()[0], 1)

    def test_one_driver_booked_twice_at_once(self):
        """Two cars, one driver, overlapping times, two transactions."""
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            self._book(cr1, 0, 13, vehicle_id=self.vehicle2_id)
            cr1.flush()
            cr2.execute("SET LOCAL lock_timeout = '5s'")
            thread, result = commit_when_blocked(
                self.registry, cr1, cr2.connection.get_backend_pid()
            )
            try:
                with (
                    mute_logger("odoo.sql_db"),
                    self.assertRaisesRegex(ValidationError, "driver is already on"),
                ):
                    self._book(cr2, 0, 14)
            finally:
                thread.join(10)
            self.assertTrue(result["blocked"], "the second booking did not wait")
            cr2.rollback()

    def _second_check_in_waits(self, first, second):
        """``second`` waits for ``first``'s transaction on the shelter's row,
        fails to serialise once it commits (the web client's request is then
        retried), and the retry sees the first stay."""
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first(cr1)
            cr1.flush()
            cr2.execute("SET LOCAL lock_timeout = '5s'")
            thread, result = commit_when_blocked(
                self.registry, cr1, cr2.connection.get_backend_pid()
            )
            try:
                with (
                    mute_logger("odoo.sql_db"),
                    self.assertRaises(psycopg2.errors.SerializationFailure),
                ):
                    second(cr2)
            finally:
                thread.join(10)
            self.assertTrue(result["blocked"], "the second check-in did not wait")
            cr2.rollback()
            return cr2

    def test_two_check_ins_for_the_last_place(self):
        def first(cr):
            self._check_in(cr, 0, self.shelter_id)

        def second(cr):
            self._check_in(cr, 1, self.shelter_id)

        self._second_check_in_waits(first, second)
        with self.registry.cursor() as cr:
            with self.assertRaisesRegex(ValidationError, "is full"):
                second(cr)
            cr.rollback()
            cr.execute(
                SQL(
                    "SELECT count(*) FROM social_shelter_stay WHERE shelter_id = %s",
                    self.shelter_id,
                )
            )
            self.assertEqual(cr.fetchone()[0], 1)

    def test_two_check_ins_on_one_bed(self):
        def first(cr):
            self._check_in(cr, 0, self.big_shelter_id, self.big_bed_id)

        def second(cr):
            self._check_in(cr, 1, self.big_shelter_id, self.big_bed_id)

        self._second_check_in_waits(first, second)
        with self.registry.cursor() as cr:
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaisesRegex(ValidationError, "bed is already taken"),
            ):
                second(cr)
            cr.rollback()
