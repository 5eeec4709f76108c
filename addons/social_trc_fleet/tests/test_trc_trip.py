# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, timedelta

import psycopg2.errors

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TrcCommon, wib


@tagged("post_install", "-at_install")
class TestTrcTrip(TrcCommon):
    """Trips: overlaps refused, start only on a signed letter, odometer and
    fuel into fleet and the DPA."""

    def test_vehicle_overlap_refused(self):
        first = self._trip(wib(2026, 8, 11, 8, 0), hours=3)
        self.assertRegex(first.name, r"^TRP/")
        with self.assertRaisesRegex(ValidationError, "vehicle is already booked"):
            self._trip(wib(2026, 8, 11, 10, 0), driver_id=self.driver2.id)
        # back to back is no overlap
        self._trip(wib(2026, 8, 11, 11, 0), driver_id=self.driver2.id)

    def test_driver_overlap_refused(self):
        self._trip(wib(2026, 8, 11, 8, 0), hours=3)
        with self.assertRaisesRegex(ValidationError, "driver is already on"):
            self._trip(wib(2026, 8, 11, 9, 0), vehicle_id=self.vehicle2.id)

    def test_overlap_by_write_refused(self):
        self._trip(wib(2026, 8, 11, 8, 0), hours=3)
        later = self._trip(wib(2026, 8, 11, 14, 0), driver_id=self.driver2.id)
        with self.assertRaisesRegex(ValidationError, "vehicle is already booked"):
            later.write({"date_departure": wib(2026, 8, 11, 9, 0)})

    def test_overlap_in_one_batch_refused_by_postgresql(self):
        start = wib(2026, 8, 12, 8, 0)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(ValidationError, "vehicle is already booked"),
        ):
            self.env["social.trc.trip"].with_user(self.trc).create(
                [
                    {
                        "vehicle_id": self.vehicle.id,
                        "driver_id": driver.id,
                        "date_departure": start,
                        "date_return": start + timedelta(hours=2),
                        "destination": "RSD Idaman",
                    }
                    for driver in (self.driver, self.driver2)
                ]
            )

    def test_cancelled_trip_frees_the_car(self):
        first = self._trip(wib(2026, 8, 11, 8, 0), hours=3)
        first.action_cancel()
        self._trip(wib(2026, 8, 11, 9, 0))
        with self.assertRaisesRegex(UserError, "Only a planned trip"):
            first.action_cancel()

    def test_bad_dates_refused(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.CheckViolation),
            self.env.cr.savepoint(),
        ):
            self._trip(wib(2026, 8, 11, 8, 0), hours=-1)

    def test_start_needs_signed_letter(self):
        trip = self._trip(
            wib(2026, 8, 11, 8, 0), officer_ids=self.officer.ids, odometer_out=1000
        )
        with self.assertRaisesRegex(ValidationError, "no signed assignment letter"):
            trip.action_start()
        # a letter naming only the driver is not enough
        self._signed_letter(self.driver, date(2026, 8, 10), date(2026, 8, 20))
        with self.assertRaisesRegex(ValidationError, "Rizky Petugas"):
            trip.action_start()
        # a draft letter does not count
        self.env["social.trc.letter"].with_user(self.trc).create(
            {
                "employee_ids": [(6, 0, self.officer.ids)],
                "purpose": "x",
                "date_start": date(2026, 8, 10),
                "date_end": date(2026, 8, 20),
            }
        )
        with self.assertRaisesRegex(ValidationError, "Rizky Petugas"):
            trip.action_start()
        # a signed letter of another period does not count either
        self._signed_letter(self.officer, date(2026, 9, 1), date(2026, 9, 5))
        with self.assertRaisesRegex(ValidationError, "Rizky Petugas"):
            trip.action_start()
        self._signed_letter(self.officer, date(2026, 8, 11), date(2026, 8, 11))
        trip.action_start()
        self.assertEqual(trip.state, "ongoing")
        self.assertEqual(trip.odometer_out_id.value, 1000)
        self.vehicle.invalidate_recordset(["odometer"])
        self.assertEqual(self.vehicle.odometer, 1000)

    def test_full_trip_feeds_fleet_and_dpa(self):
        self._signed_letter(self.driver, date(2026, 8, 10), date(2026, 8, 20))
        trip = self._trip(wib(2026, 8, 11, 8, 0), odometer_out=500)
        with self.assertRaisesRegex(UserError, "not on the road"):
            trip.action_return()
        trip.action_start()
        with self.assertRaisesRegex(UserError, "has left"):
            trip.write({"vehicle_id": self.vehicle2.id})
        with self.assertRaisesRegex(UserError, "not planned"):
            trip.action_start()
        with self.assertRaisesRegex(UserError, "at least its odometer out"):
            trip.action_return()
        trip.write({"odometer_in": 562, "fuel_cost": 150_000})
        with self.assertRaisesRegex(UserError, "DPA line"):
            trip.action_return()
        trip.dpa_line_id = self.line_fuel
        trip.action_return()
        self.assertEqual(trip.state, "done")
        self.assertEqual(trip.distance, 62)
        self.vehicle.invalidate_recordset(["odometer"])
        self.assertEqual(self.vehicle.odometer, 562)
        self.assertEqual(trip.fuel_log_id.amount, 150_000)
        self.assertEqual(trip.fuel_log_id.vehicle_id, self.vehicle)
        self.assertEqual(trip.dpa_cost_amount, 150_000)
        self.assertEqual(self.line_fuel.amount_realized, 150_000)
        with self.assertRaisesRegex(UserError, "is closed"):
            trip.write({"fuel_cost": 1})
        with self.assertRaisesRegex(UserError, "Only a planned trip"):
            trip.unlink()

    def test_odometer_below_last_reading_refused(self):
        self.env["fleet.vehicle.odometer"].create(
            {"vehicle_id": self.vehicle.id, "value": 2000}
        )
        self._signed_letter(self.driver, date(2026, 8, 10), date(2026, 8, 20))
        trip = self._trip(wib(2026, 8, 11, 8, 0), odometer_out=1500)
        with self.assertRaisesRegex(UserError, "below the last reading"):
            trip.action_start()
        trip.odometer_out = 0
        with self.assertRaisesRegex(UserError, "Read the odometer"):
            trip.action_start()

    def test_workflow_fields_refused(self):
        trip = self._trip(wib(2026, 8, 11, 8, 0))
        for vals in ({"state": "done"}, {"date_started": fields.Datetime.now()}):
            with self.assertRaisesRegex(UserError, "set by its buttons only"):
                trip.write(vals)

    def test_revoked_letter_covers_nobody(self):
        letter = self._signed_letter(self.driver, date(2026, 8, 10), date(2026, 8, 20))
        with self.assertRaisesRegex(UserError, "Only a draft letter is cancelled"):
            letter.action_cancel()
        with self.assertRaisesRegex(UserError, "may revoke"):
            letter.verification_id.with_user(self.trc)._revoke("Salah nama")
        letter.verification_id.with_user(self.kabid)._revoke("Petugas diganti")
        trip = self._trip(wib(2026, 8, 11, 8, 0), odometer_out=100)
        with self.assertRaisesRegex(ValidationError, "Fauzan Pengemudi"):
            trip.action_start()
        draft = (
            self.env["social.trc.letter"]
            .with_user(self.trc)
            .create(
                {
                    "employee_ids": [(6, 0, self.driver.ids)],
                    "purpose": "x",
                    "date_start": date(2026, 8, 10),
                    "date_end": date(2026, 8, 20),
                }
            )
        )
        draft.action_cancel()
        self.assertEqual(draft.state, "cancel")
