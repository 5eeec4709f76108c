# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import RecommendationCommon


@tagged("post_install", "-at_install")
class TestRecommendationAccess(RecommendationCommon):
    def test_outsider_has_no_access(self):
        rec = self._create()
        with self.assertRaises(AccessError):
            rec.with_user(self.outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.env["social.recommendation"].with_user(self.outsider).create(
                {
                    "request_from": "X",
                    "client_id": self.client.id,
                    "type_id": self.rec_type.id,
                }
            )

    def test_staff_sees_only_own_requests(self):
        rec = self._create()
        self._add_documents(rec)
        rec.with_user(self.staff).read(["name"])
        rec.with_user(self.worker).read(["name"])
        with self.assertRaises(AccessError):
            rec.with_user(self.staff_other).read(["name"])
        with self.assertRaises(AccessError):
            rec.document_ids.with_user(self.staff_other).read(["file_name"])
        with self.assertRaises(AccessError):
            rec.step_ids.with_user(self.staff_other).read(["date_start"])
        self.assertFalse(
            self.env["social.recommendation"]
            .with_user(self.staff_other)
            .search([("id", "=", rec.id)])
        )
        for user in (self.kasi, self.kabid, self.kadis, self.manager):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self.env["social.recommendation"]
                    .with_user(user)
                    .search([("id", "=", rec.id)]),
                    rec,
                )

    def test_step_logs_are_read_only(self):
        rec = self._create()
        step = rec.step_ids
        with self.assertRaises(AccessError):
            step.with_user(self.staff).write({"date_end": step.date_start})
        with self.assertRaises(AccessError):
            self.env["social.recommendation.step"].with_user(self.kasi).create(
                {
                    "recommendation_id": rec.id,
                    "sop_step_id": step.sop_step_id.id,
                    "date_start": step.date_start,
                }
            )

    def test_configuration_by_administrator_only(self):
        for model in (
            "social.recommendation.type",
            "social.recommendation.document.type",
            "social.recommendation.sop.step",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.kadis).create({"name": "X", "code": "x"})
        with self.assertRaises(AccessError):
            self.env.ref("social_recommendation.sop_step_verification").with_user(
                self.kasi
            ).write({"standard_minutes": 60})
        self.env.ref("social_recommendation.sop_step_verification").with_user(
            self.manager
        ).write({"standard_minutes": 20})

    def test_unlink_by_administrator_only(self):
        rec = self._create()
        with self.assertRaises(AccessError):
            rec.with_user(self.staff).unlink()

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Dinas Sosial Kota Lain"})
        self.manager.write({"company_ids": [(4, other.id)]})
        client = self.env["social.client"].create(
            {
                "name": "Klien Lain",
                "no_identity": True,
                "no_identity_description": "Found at the terminal.",
                "company_id": other.id,
            }
        )
        rec = self.env["social.recommendation"].create(
            {
                "request_from": "Desa Lain",
                "client_id": client.id,
                "type_id": self.rec_type.id,
                "company_id": other.id,
            }
        )
        with self.assertRaises(AccessError):
            rec.with_user(self.kasi).read(["name"])
        self.assertEqual(
            self.env["social.recommendation"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[other.id])
            .search([("id", "=", rec.id)]),
            rec,
        )
