# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TrcCommon, wib


@tagged("post_install", "-at_install")
class TestTrcAccess(TrcCommon):
    """Access per role and hostile ORM calls."""

    def test_staff_sees_nothing(self):
        report = self._report()
        for model in (
            "social.trc.report",
            "social.trc.trip",
            "social.trc.letter",
            "social.trc.service",
            "social.shelter.stay",
        ):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.staff).search([])
        with self.assertRaises(AccessError):
            report.with_user(self.staff).read(["name"])

    def test_reporter_phone_for_trc_and_above(self):
        report = self._report()
        for user in (self.trc, self.kasi, self.kabid, self.kadis):
            self.assertEqual(report.with_user(user).reporter_phone, "081234567890")
        with self.assertRaises(AccessError):
            report.with_user(self.shelter_user).read(["reporter_phone"])
        self.assertTrue(report.with_user(self.shelter_user).read(["name"]))

    def test_shelter_staff_handles_stays_only(self):
        with self.assertRaises(AccessError):
            self._report(user=self.shelter_user)
        with self.assertRaises(AccessError):
            self._trip(wib(2026, 8, 11, 8, 0), user=self.shelter_user)
        stay = (
            self.env["social.shelter.stay"]
            .with_user(self.shelter_user)
            .create(
                {
                    "shelter_id": self.shelter.id,
                    "client_id": self.client.id,
                    "reason": "x",
                }
            )
        )
        self.assertEqual(stay.state, "active")
        with self.assertRaises(AccessError):
            self.env["social.shelter.stay"].with_user(self.trc).create(
                {
                    "shelter_id": self.shelter.id,
                    "client_id": self.client.id,
                    "reason": "x",
                }
            )
        with self.assertRaises(AccessError):
            self.shelter.with_user(self.shelter_user).write({"capacity": 99})

    def test_supervisors_read_but_kabid_does_not_edit(self):
        report = self._report()
        trip = self._trip(wib(2026, 8, 11, 8, 0))
        for user in (self.kasi, self.kabid, self.kadis):
            self.assertEqual(report.with_user(user).state, "new")
            self.assertTrue(trip.with_user(user).name)
        with self.assertRaises(AccessError):
            report.with_user(self.kabid).write({"description": "x"})
        with self.assertRaises(AccessError):
            report.with_user(self.kadis).action_verify()
        report.with_user(self.kasi).action_verify()

    def test_hostile_calls(self):
        report = self._report()
        # a TRC officer cannot forge the workflow
        with self.assertRaisesRegex(UserError, "set by its buttons only"):
            report.with_user(self.trc).write({"state": "closed"})
        with self.assertRaisesRegex(UserError, "set by its buttons only"):
            report.with_user(self.trc).with_context(active_test=False).write(
                {"date_handled": "2026-01-01 00:00:00"}
            )
        # nor the response times, nor the coordination log
        response = report.response_ids[:1]
        with self.assertRaises(UserError):
            response.with_user(self.trc).write({"date_end": "2026-01-01 00:00:00"})
        with self.assertRaises(UserError):
            response.with_user(self.trc).unlink()
        with self.assertRaises(UserError):
            self.env["social.trc.report.response"].with_user(self.kasi).create(
                {"report_id": report.id, "step": "assign"}
            )
        report.with_user(self.trc).write(
            {
                "coordination_ids": [
                    (0, 0, {"party": "babinsa", "note": "Babinsa ikut ke lokasi"})
                ]
            }
        )
        entry = report.coordination_ids
        with self.assertRaises(AccessError):
            entry.with_user(self.trc).write({"note": "diubah"})
        with self.assertRaises(AccessError):
            entry.with_user(self.trc).unlink()
        # a TRC officer cannot close, even by calling the method
        report.employee_ids = self.officer
        report.with_user(self.trc).action_verify()
        report.with_user(self.trc).action_assign()
        report.with_user(self.trc).action_record_visit()
        report.handling_note = "x"
        report.with_user(self.trc).action_handle()
        with self.assertRaisesRegex(UserError, "Only the Kasi"):
            report.with_user(self.trc).action_close()
        # trips and stays: state by hand refused
        trip = self._trip(wib(2026, 8, 11, 8, 0))
        with self.assertRaisesRegex(UserError, "set by its buttons only"):
            trip.with_user(self.trc).write({"state": "ongoing"})
        stay = (
            self.env["social.shelter.stay"]
            .with_user(self.shelter_user)
            .create(
                {
                    "shelter_id": self.shelter.id,
                    "client_id": self.client.id,
                    "reason": "x",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "set by its buttons only"):
            stay.with_user(self.shelter_user).write({"state": "done"})
        # the letter: a TRC officer cannot sign it, nor write it signed
        letter = (
            self.env["social.trc.letter"]
            .with_user(self.trc)
            .create(
                {
                    "employee_ids": [(6, 0, self.officer.ids)],
                    "purpose": "x",
                    "date_start": "2026-08-10",
                    "date_end": "2026-08-12",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "set by the workflow only"):
            letter.with_user(self.trc).with_context(skip_validation_check=True).write(
                {"state": "signed"}
            )
        letter.request_validation()
        letter.invalidate_recordset()
        with self.assertRaises(UserError):
            letter.with_user(self.trc2).validate_tier()

    def test_other_office_invisible(self):
        other = self.env["res.company"].create({"name": "Dinsos Lain"})
        report = self._report()
        report.sudo().company_id = other
        with self.assertRaises(AccessError):
            report.with_user(self.kasi).read(["name"])

    def test_hostile_calls_per_role(self):
        report = self._report()
        trip = self._trip(wib(2026, 8, 11, 8, 0), odometer_out=10)
        # shelter staff: no phone, no complaint edit, no trip start
        with self.assertRaises(AccessError):
            report.with_user(self.shelter_user).write({"reporter_phone": "0800"})
        with self.assertRaises(AccessError):
            report.with_user(self.shelter_user).action_verify()
        with self.assertRaises(AccessError):
            trip.with_user(self.shelter_user).action_start()
        # the Kadis and the Kabid read, they do not drive the workflow
        for user in (self.kabid, self.kadis):
            with self.assertRaises(AccessError):
                trip.with_user(user).action_cancel()
            with self.assertRaises(AccessError):
                report.with_user(user).action_reject()
        # a TRC officer writes no stay, no fleet log, no shelter
        stay = self.env["social.shelter.stay"].create(
            {"shelter_id": self.shelter.id, "client_id": self.client.id, "reason": "x"}
        )
        with self.assertRaises(AccessError):
            stay.with_user(self.trc).write({"reason": "y"})
        with self.assertRaises(AccessError):
            stay.with_user(self.trc).action_check_out()
        with self.assertRaises(AccessError):
            self.env["fleet.vehicle.odometer"].with_user(self.trc).create(
                {"vehicle_id": self.vehicle.id, "value": 99999}
            )
        with self.assertRaises(AccessError):
            self.bed_a.with_user(self.trc).write({"name": "X"})
        # a new complaint deleted by its officer goes with its response steps
        responses = report.response_ids
        report.with_user(self.trc).unlink()
        self.assertFalse(responses.exists())
