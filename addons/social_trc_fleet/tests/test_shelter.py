# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TrcCommon, wib


@tagged("post_install", "-at_install")
class TestShelter(TrcCommon):
    """Capacity and beds never exceeded; meal days; daily charges."""

    def _stay(self, client=None, **vals):
        values = {
            "shelter_id": self.shelter.id,
            "client_id": (client or self.client).id,
            "reason": "Terlantar",
        }
        values.update(vals)
        return (
            self.env["social.shelter.stay"].with_user(self.shelter_user).create(values)
        )

    def test_check_in_defaults_to_now(self):
        stay = self._stay(bed_id=self.bed_a.id)
        self.assertAlmostEqual(
            stay.check_in, fields.Datetime.now(), delta=timedelta(minutes=1)
        )
        self.assertRegex(stay.name, r"^RS/")
        self.assertEqual(self.bed_a.bed_state, "occupied")
        self.assertEqual(self.bed_a.current_client_id, self.client)
        self.assertEqual(self.bed_b.bed_state, "free")
        self.assertEqual(self.shelter.occupancy, 1)

    def test_bed_never_two_clients(self):
        self._stay(bed_id=self.bed_a.id)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(ValidationError, "bed is already taken"),
        ):
            self._stay(self.client2, bed_id=self.bed_a.id)
        other = self._stay(self.client2, bed_id=self.bed_b.id)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(ValidationError, "bed is already taken"),
        ):
            other.write({"bed_id": self.bed_a.id})

    def test_capacity_never_exceeded(self):
        self._stay(bed_id=self.bed_a.id)
        self._stay(self.client2, bed_id=self.bed_b.id)
        with self.assertRaisesRegex(ValidationError, "is full"):
            self._stay(self.client2, bed_id=self.bed_c.id)
        with self.assertRaisesRegex(ValidationError, "is full"):
            self._stay(self.client2)

    def test_past_stay_frees_the_place(self):
        now = fields.Datetime.now()
        old = self._stay(bed_id=self.bed_a.id, check_in=now - timedelta(days=5))
        old.outcome = "returned"
        old.action_check_out()
        self._stay(self.client2, bed_id=self.bed_a.id)
        self._stay(bed_id=self.bed_b.id)

    def test_bed_of_another_shelter_refused(self):
        other = self.env["social.shelter"].create(
            {"name": "Lain", "capacity": 1, "bed_ids": [(0, 0, {"name": "Z"})]}
        )
        with self.assertRaisesRegex(ValidationError, "is not in"):
            self._stay(bed_id=other.bed_ids.id)

    def test_meal_days_and_spm_warning(self):
        with freeze_time(wib(2026, 8, 20, 10, 0)):
            stay = self._stay(bed_id=self.bed_a.id, check_in=wib(2026, 8, 11, 20, 0))
            self.assertEqual(stay.meal_days, 10)
            self.assertTrue(stay.is_over_spm)
            planned = self.env["social.shelter.stay"].new(
                {
                    "check_in": wib(2026, 8, 20, 10, 0),
                    "planned_check_out": wib(2026, 8, 29, 10, 0),
                }
            )
            warning = planned._onchange_planned_check_out()
            self.assertIn("7 days", warning["warning"]["message"])
            planned.planned_check_out = wib(2026, 8, 25, 10, 0)
            self.assertIsNone(planned._onchange_planned_check_out())

    def test_check_out_charges_each_day(self):
        now = fields.Datetime.now()
        stay = self._stay(bed_id=self.bed_a.id, check_in=now - timedelta(days=2))
        with self.assertRaisesRegex(UserError, "outcome"):
            stay.action_check_out()
        stay.outcome = "returned"
        stay.action_check_out()
        self.assertEqual(stay.state, "done")
        self.assertEqual(stay.meal_days, 3)
        self.assertEqual(stay.dpa_cost_count, 3)
        self.assertEqual(stay.dpa_cost_amount, 150_000)
        self.assertEqual(self.line_meals.amount_realized, 150_000)
        self.assertEqual(stay.charged_until, stay._local_date(stay.check_out))
        with self.assertRaisesRegex(UserError, "already ended"):
            stay.action_check_out()
        with self.assertRaisesRegex(UserError, "closed stay"):
            stay.write({"bed_id": self.bed_b.id})
        with self.assertRaisesRegex(UserError, "set by its buttons only"):
            stay.write({"check_out": now})

    def test_nightly_charge_of_the_day_before(self):
        with freeze_time(wib(2026, 8, 11, 20, 0)):
            stay = self._stay(bed_id=self.bed_a.id)
        Stay = self.env["social.shelter.stay"]
        with freeze_time(wib(2026, 8, 14, 1, 0)):  # the night to Friday
            self.assertEqual(Stay._cron_charge_daily_costs(), 3)  # 11, 12, 13
            self.assertEqual(stay.charged_until, date(2026, 8, 13))
            self.assertEqual(Stay._cron_charge_daily_costs(), 0)  # never twice
        with freeze_time(wib(2026, 8, 14, 9, 0)):
            stay.outcome = "returned"
            stay.action_check_out()  # the 14th, the check-out day
        stay.invalidate_recordset()
        self.assertEqual(stay.dpa_cost_count, 4)
        self.assertEqual(self.line_meals.amount_realized, 200_000)

    def test_nightly_charge_refused_is_said(self):
        self.shelter.daily_cost = 20_000_000  # past the ceiling of the line
        self.line_meals.dpa_id.ceiling_policy = "block"
        with freeze_time(wib(2026, 8, 11, 20, 0)):
            stay = self._stay(bed_id=self.bed_a.id)
        with freeze_time(wib(2026, 8, 13, 1, 0)):
            self.env["social.shelter.stay"]._cron_charge_daily_costs()
        self.assertFalse(stay.charged_until)
        self.assertTrue(
            stay.message_ids.filtered(lambda m: "could not be charged" in m.body)
        )

    def test_cancel_and_delete(self):
        stay = self._stay(bed_id=self.bed_a.id)
        with self.assertRaisesRegex(UserError, "cancel it instead"):
            stay.unlink()
        stay.action_cancel()
        self.assertEqual(self.bed_a.bed_state, "free")
        with self.assertRaisesRegex(UserError, "Only a current stay"):
            stay.action_cancel()
        stay.unlink()
