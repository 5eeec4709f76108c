# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import RehabCaseCommon


@tagged("post_install", "-at_install")
class TestRehabAssessmentServices(RehabCaseCommon):
    """The assessment (author completes, another Kasi reviews, health notes)
    and the ATENSI services delivered on a case."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Assessment = cls.env["social.rehab.assessment"]
        cls.Service = cls.env["social.rehab.service"]
        cls.health = cls.users["health"]
        cls.case_own = cls.Case.with_user(cls.peksos).create(
            {"client_id": cls.client_a.id}
        )
        cls.case_other = cls.Case.with_user(cls.peksos2).create(
            {"client_id": cls.client_b.id}
        )

    def _assessment(self, user=None, case=None):
        return self.Assessment.with_user(user or self.peksos).create(
            {
                "case_id": (case or self.case_own).id,
                "problems": "Tidak punya tempat tinggal",
                "needs": "Tempat tinggal sementara",
            }
        )

    # --- assessment ------------------------------------------------------

    def test_assessment_completed_by_its_author_only(self):
        # the Kasi writes an assessment on the worker's case
        assessment = self._assessment(user=self.kasi)
        self.assertEqual(assessment.user_id, self.kasi)
        with self.assertRaisesRegex(
            UserError, "Only its author Rehab Kasi completes an assessment"
        ):
            assessment.with_user(self.peksos).action_complete()
        self.assertEqual(assessment.state, "draft")
        # a worker without access to the case does not even see it
        with self.assertRaises(AccessError):
            assessment.with_user(self.peksos2).action_complete()
        self.assertEqual(assessment.state, "draft")
        # the author cannot be swapped to get around the rule
        with self.assertRaisesRegex(UserError, "changes by its buttons only"):
            assessment.with_user(self.kasi).write({"user_id": self.peksos.id})
        self.assertEqual(assessment.user_id, self.kasi)
        assessment.with_user(self.kasi).action_complete()
        self.assertEqual(assessment.state, "completed")

    def test_assessment_reviewed_by_another_kasi_only(self):
        assessment = self._assessment(user=self.kasi)
        assessment.with_user(self.kasi).action_complete()
        with self.assertRaisesRegex(UserError, "Only a Kasi reviews an assessment"):
            assessment.with_user(self.peksos).action_review()
        with self.assertRaisesRegex(UserError, "cannot review your own assessment"):
            assessment.with_user(self.kasi).action_review()
        self.assertEqual(assessment.state, "completed")
        self.assertFalse(assessment.reviewed_by_id)
        self.assertFalse(assessment.reviewed_date)
        assessment.with_user(self.kasi2).action_review()
        self.assertEqual(assessment.state, "reviewed")
        self.assertEqual(assessment.reviewed_by_id, self.kasi2)
        self.assertTrue(assessment.reviewed_date)

    def test_assessment_state_transitions(self):
        assessment = self._assessment()
        with self.assertRaisesRegex(UserError, "Only a completed assessment"):
            assessment.with_user(self.kasi).action_review()
        self.assertEqual(assessment.state, "draft")
        for vals in ({"state": "completed"}, {"reviewed_by_id": self.kasi.id}):
            with self.assertRaisesRegex(UserError, "changes by its buttons only"):
                assessment.with_user(self.peksos).write(vals)
        self.assertEqual(assessment.state, "draft")
        self.assertFalse(assessment.reviewed_by_id)
        with self.assertRaisesRegex(UserError, "changes by its buttons only"):
            self.Assessment.with_user(self.peksos).create(
                {"case_id": self.case_own.id, "state": "reviewed"}
            )
        assessment.with_user(self.peksos).action_complete()
        self.assertEqual(assessment.state, "completed")
        with self.assertRaisesRegex(UserError, "Only a draft assessment"):
            assessment.with_user(self.peksos).action_complete()
        assessment.with_user(self.kasi).action_review()
        self.assertEqual(assessment.state, "reviewed")
        with self.assertRaisesRegex(UserError, "Only a completed assessment"):
            assessment.with_user(self.kasi2).action_review()
        self.assertEqual(assessment.reviewed_by_id, self.kasi)
        with self.assertRaisesRegex(UserError, "kept as it was reviewed"):
            assessment.with_user(self.peksos).write({"problems": "Diubah"})
        self.assertEqual(assessment.problems, "Tidak punya tempat tinggal")

    def test_assessment_stays_with_its_case(self):
        # a completed assessment moved onto a colleague's case would meet
        # that case's gate
        assessment = self._complete_assessment(self.case_own)
        with self.assertRaisesRegex(UserError, "stays with its case"):
            assessment.with_user(self.peksos).write({"case_id": self.case_other.id})
        self.assertEqual(assessment.case_id, self.case_own)
        self.assertFalse(self.case_other.sudo().assessment_ids)

    def test_assessment_health_notes_for_health_role_only(self):
        assessment = self._assessment()
        assessment.sudo().write(
            {"health_notes": "Hipertensi", "psychological_notes": "Cemas berat"}
        )
        self.assertEqual(
            assessment.with_user(self.peksos).read(["needs"])[0]["needs"],
            "Tempat tinggal sementara",
        )
        for user in (self.peksos, self.kasi):
            for field in ("health_notes", "psychological_notes"):
                with self.assertRaises(AccessError, msg=f"{user.login} {field}"):
                    assessment.with_user(user).read([field])
        values = assessment.with_user(self.health).read(
            ["health_notes", "psychological_notes"]
        )[0]
        self.assertEqual(values["health_notes"], "Hipertensi")
        self.assertEqual(values["psychological_notes"], "Cemas berat")

    # --- ATENSI services -------------------------------------------------

    def _service_vals(self, case=None, **vals):
        return {
            "case_id": (case or self.case_own).id,
            "service_type": "kebutuhan_hidup",
            "date": "2026-03-02",
            "description": "Paket sembako",
            "quantity": 2.0,
            "value": 150000.0,
            **vals,
        }

    def test_service_created_by_the_case_worker(self):
        service = self.Service.with_user(self.peksos).create(self._service_vals())
        self.assertEqual(service.service_type, "kebutuhan_hidup")
        self.assertEqual(str(service.date), "2026-03-02")
        self.assertEqual(service.quantity, 2.0)
        self.assertEqual(service.value, 150000.0)
        self.assertEqual(service.company_id, self.case_own.company_id)
        self.assertEqual(service.currency_id, self.case_own.company_id.currency_id)
        self.assertEqual(self.case_own.with_user(self.peksos).service_ids, service)
        # also from the case form
        self.case_own.with_user(self.peksos).write(
            {
                "service_ids": [
                    Command.create(self._service_vals(service_type="terapi", value=0.0))
                ]
            }
        )
        self.assertEqual(
            sorted(self.case_own.service_ids.mapped("service_type")),
            ["kebutuhan_hidup", "terapi"],
        )

    def test_service_refused_without_access_to_the_case(self):
        service = self.Service.with_user(self.peksos).create(self._service_vals())
        with self.assertRaises(AccessError):
            self.Service.with_user(self.peksos2).create(self._service_vals())
        with self.assertRaises(AccessError):
            service.with_user(self.peksos2).write({"value": 1.0})
        with self.assertRaises(AccessError):
            service.with_user(self.peksos2).read(["value"])
        self.assertNotIn(service, self.Service.with_user(self.peksos2).search([]))
        # the health team reads the office's services but adds none
        self.assertEqual(
            service.with_user(self.health).read(["value"])[0]["value"], 150000.0
        )
        with self.assertRaises(AccessError):
            self.Service.with_user(self.health).create(self._service_vals())
        self.assertEqual(
            self.Service.search_count([("case_id", "=", self.case_own.id)]), 1
        )
        self.assertEqual(service.value, 150000.0)

    def test_service_stays_with_its_case(self):
        service = self.Service.with_user(self.peksos).create(self._service_vals())
        with self.assertRaisesRegex(UserError, "stays with its case"):
            service.with_user(self.peksos).write({"case_id": self.case_other.id})
        self.assertEqual(service.case_id, self.case_own)
        self.assertFalse(self.case_other.sudo().service_ids)

    def _assert_refused(self, message, create=None, write=None):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError) as caught,
            self.env.cr.savepoint(),
        ):
            if create:
                self.Service.with_user(self.peksos).create(self._service_vals(**create))
            else:
                write[0].with_user(self.peksos).write(write[1])
                write[0].flush_recordset()
        self.assertEqual(self.Service._sql_error_to_message(caught.exception), message)

    def test_service_bad_input_refused(self):
        quantity = "The quantity of a service must be positive."
        value = "The value of a service cannot be negative."
        self._assert_refused(quantity, create={"quantity": -1.0})
        self._assert_refused(quantity, create={"quantity": 0.0})
        self._assert_refused(value, create={"value": -5000.0})
        self.assertFalse(self.case_own.service_ids)
        service = self.Service.with_user(self.peksos).create(
            self._service_vals(value=0.0)
        )
        self._assert_refused(quantity, write=(service, {"quantity": -3.0}))
        self._assert_refused(value, write=(service, {"value": -1.0}))
        service.invalidate_recordset()
        self.assertEqual((service.quantity, service.value), (2.0, 0.0))
        with self.assertRaises(ValueError):
            self.Service.with_user(self.peksos).create(
                self._service_vals(service_type="not_atensi")
            )
        self.assertEqual(self.case_own.service_ids, service)

    def test_service_figures_per_type(self):
        self.Service.with_user(self.peksos).create(
            [
                self._service_vals(quantity=2.0, value=150000.0),
                self._service_vals(quantity=1.0, value=50000.0),
                self._service_vals(service_type="terapi", quantity=4.0, value=0.0),
            ]
        )
        groups = self.Service.with_user(self.kasi)._read_group(
            [("case_id", "=", self.case_own.id)],
            ["service_type"],
            ["quantity:sum", "value:sum", "__count"],
        )
        self.assertEqual(
            sorted(groups),
            [("kebutuhan_hidup", 3.0, 200000.0, 2), ("terapi", 4.0, 0.0, 1)],
        )
