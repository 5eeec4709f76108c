# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import RehabCaseCommon


@tagged("post_install", "-at_install")
class TestRehabAccess(RehabCaseCommon):
    """Who sees and edits which case, and the health fields."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case_own = cls.Case.with_user(cls.peksos).create(
            {"client_id": cls.client_a.id}
        )
        cls.case_other = cls.Case.with_user(cls.peksos2).create(
            {"client_id": cls.client_b.id}
        )

    def test_worker_sees_own_cases_only(self):
        visible = self.Case.with_user(self.peksos).search([])
        self.assertIn(self.case_own, visible)
        self.assertNotIn(self.case_other, visible)
        with self.assertRaises(AccessError):
            self.case_other.with_user(self.peksos).read(["name"])
        with self.assertRaises(AccessError):
            self.case_other.with_user(self.peksos).write({"risk_level": "high"})

    def test_supervisors_see_all_of_their_office(self):
        for role in ("kasi", "kabid", "kadis"):
            visible = self.Case.with_user(self.users[role]).search([])
            self.assertIn(self.case_own, visible, role)
            self.assertIn(self.case_other, visible, role)
        self.case_other.with_user(self.kasi).write({"risk_level": "high"})
        for role in ("kabid", "kadis"):
            with self.assertRaises(AccessError):
                self.case_other.with_user(self.users[role]).write({"risk_level": "low"})

    def test_other_office_hidden(self):
        office = self.env["res.company"].create({"name": "Dinsos Lain"})
        self.kasi.write({"company_ids": [(4, office.id)]})
        self.kasi2.write(
            {"company_ids": [(6, 0, [office.id])], "company_id": office.id}
        )
        self.assertNotIn(self.case_own, self.Case.with_user(self.kasi2).search([]))

    def test_health_notes_only_for_health_role(self):
        assessment = (
            self.env["social.rehab.assessment"]
            .with_user(self.peksos)
            .create({"case_id": self.case_own.id, "problems": "Masalah"})
        )
        assessment.sudo().health_notes = "Hipertensi"
        # the Kasi may export, but not the health fields
        self.assertTrue(assessment.with_user(self.kasi).export_data(["problems"]))
        with self.assertRaises(AccessError):
            assessment.with_user(self.peksos).read(["health_notes"])
        with self.assertRaises(AccessError):
            assessment.with_user(self.kasi).export_data(["health_notes"])
        with self.assertRaises(AccessError):
            assessment.with_user(self.peksos).write({"psychological_notes": "x"})
        self.assertEqual(
            assessment.with_user(self.users["health"]).read(["health_notes"])[0][
                "health_notes"
            ],
            "Hipertensi",
        )
        session = self._session(self.case_own)
        with self.assertRaises(AccessError):
            session.with_user(self.peksos).read(["psychological_notes"])
        with self.assertRaises(AccessError):
            session.with_user(self.peksos).export_data(["psychological_notes"])

    def test_stage_log_is_evidence(self):
        log = self.case_own.stage_log_ids
        with self.assertRaises(UserError):
            log.with_user(self.kasi).write({"date_start": "2020-01-01 00:00:00"})
        with self.assertRaises(AccessError):
            log.with_user(self.kasi).unlink()

    def test_supervision_by_kasi_only(self):
        Supervision = self.env["social.rehab.supervision"]
        with self.assertRaises(UserError):
            Supervision.with_user(self.peksos).create(
                {"case_id": self.case_own.id, "note": "Catatan"}
            )
        note = Supervision.with_user(self.kasi).create(
            {"case_id": self.case_own.id, "note": "Catatan"}
        )
        self.assertEqual(note.user_id, self.kasi)
        self.assertEqual(self.case_own.with_user(self.peksos).supervision_ids, note)
