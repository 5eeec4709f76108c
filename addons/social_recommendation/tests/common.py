# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class RecommendationCommon(BaseCommon):
    """Users of every role, a client, a type with two required documents.

    Works on the shipped tier definitions (module data, not demo data): they
    are the sign-off under test."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write(
            {
                "recommendation_number_pattern": "800/{seq}/Dinsos.C/{year}",
                "recommendation_city": "Nanga Bulik",
            }
        )
        user_group = "social_client.group_social_user"
        cls.staff = new_test_user(
            cls.env, login="rec_staff", name="Rina Staf", groups=user_group
        )
        cls.staff_other = new_test_user(
            cls.env, login="rec_staff2", name="Budi Staf", groups=user_group
        )
        cls.worker = new_test_user(
            cls.env, login="rec_worker", name="Sari Peksos", groups=user_group
        )
        cls.kasi = new_test_user(
            cls.env,
            login="rec_kasi",
            name="Yohanes Kasi",
            groups="social_client.group_social_kasi",
        )
        cls.kasi_other = new_test_user(
            cls.env,
            login="rec_kasi2",
            name="Maria Kasi",
            groups="social_client.group_social_kasi",
        )
        cls.kabid = new_test_user(
            cls.env,
            login="rec_kabid",
            name="Hendra Kabid",
            groups="social_client.group_social_kabid",
        )
        cls.kadis = new_test_user(
            cls.env,
            login="rec_kadis",
            name="M. Syaifudin Zuhri",
            groups="social_client.group_social_kadis",
            nip="197812112006041006",
            civil_servant_rank="Pembina Tingkat I (IV/b)",
        )
        cls.manager = new_test_user(
            cls.env,
            login="rec_manager",
            name="Admin Dinsos",
            groups="social_client.group_social_manager",
        )
        cls.outsider = new_test_user(
            cls.env, login="rec_outsider", name="Orang Luar", groups="base.group_user"
        )

        Region = cls.env["social.region"]
        province = Region.create(
            {"code": "99", "name": "Test Province", "level": "province"}
        )
        regency = Region.create(
            {
                "code": "99.01",
                "name": "Test Regency",
                "level": "regency",
                "parent_id": province.id,
            }
        )
        district = Region.create(
            {
                "code": "99.01.01",
                "name": "Test District",
                "level": "district",
                "parent_id": regency.id,
            }
        )
        cls.village = Region.create(
            {
                "code": "99.01.01.2001",
                "name": "Nanga Bulik",
                "level": "village",
                "parent_id": district.id,
            }
        )
        cls.client = cls.env["social.client"].create(
            {
                "name": "Sarinah binti Dullah",
                "no_identity": True,
                "no_identity_description": "Found alone near the market.",
                "gender": "female",
                "birth_place": "Nanga Bulik",
                "village_id": cls.village.id,
            }
        )
        cls.institution = cls.env["res.partner"].create(
            {
                "name": "Panti Werdha Sinta Rangkang",
                "is_company": True,
                "city": "Palangka Raya",
            }
        )
        DocumentType = cls.env["social.recommendation.document.type"]
        cls.doc_ktp = DocumentType.create({"name": "Test KTP"})
        cls.doc_sktm = DocumentType.create({"name": "Test SKTM"})
        cls.rec_type = cls.env["social.recommendation.type"].create(
            {
                "name": "Test nursing home placement",
                "letter_subject": "Recommendation for placement",
                "letter_basis": "Law No. 11 of 2009 on Social Welfare;\n"
                "Law No. 13 of 1998",
                "letter_body": "is recommended to live in the institution.",
                "institution_ids": [Command.link(cls.institution.id)],
                "required_document_type_ids": [
                    Command.set([cls.doc_ktp.id, cls.doc_sktm.id])
                ],
            }
        )
        cls.file = base64.b64encode(b"%PDF-1.4 scanned copy")

    # ------------------------------------------------------------ helpers

    def _create(self, user=None, **vals):
        values = {
            "request_from": "Kelurahan Nanga Bulik",
            "request_village_id": self.village.id,
            "request_letter_number": "140/27/KEL-NB/2025",
            "client_id": self.client.id,
            "type_id": self.rec_type.id,
            "institution_id": self.institution.id,
            "social_worker_id": self.worker.id,
        }
        values.update(vals)
        Recommendation = self.env["social.recommendation"].with_user(user or self.staff)
        return Recommendation.create(values).with_user(self.env.user)

    def _add_documents(self, rec, types=None):
        for doc_type in types or (self.doc_ktp | self.doc_sktm):
            self.env["social.recommendation.document"].with_user(rec.user_id).create(
                {
                    "recommendation_id": rec.id,
                    "document_type_id": doc_type.id,
                    "file": self.file,
                    "file_name": "copy.pdf",
                }
            )

    def _verify(self, rec):
        rec.with_user(rec.user_id).action_start_verification()
        rec.with_user(self.worker).write(
            {"assessment_result": "eligible", "assessment_notes": "Lives alone."}
        )
        rec.with_user(self.worker).action_submit_assessment()

    def _to_review(self, rec, documents=True, checker=None):
        """Up to the sign-off; the administrative check by the second Kasi
        (``checker``), who is then excluded from signing."""
        if documents:
            self._add_documents(rec)
        self._verify(rec)
        rec.with_user(checker or self.kasi_other).action_administrative_check()
        return rec

    def _review(self, rec, user, decision="validate", comment=None):
        """Sign (validate) or return (reject) as ``user``, through the comment
        wizard when the tier asks for a comment, as the web client does."""
        rec = rec.with_user(user)
        method = rec.validate_tier if decision == "validate" else rec.reject_tier
        action = method()
        if isinstance(action, dict) and action.get("res_model") == "comment.wizard":
            wizard = (
                self.env["comment.wizard"]
                .with_user(user)
                .with_context(**action["context"])
                .create(
                    {
                        "comment": comment
                        or action["context"].get("default_comment")
                        or "OK"
                    }
                )
            )
            wizard.add_comment()
        rec.invalidate_recordset()
        return rec.with_user(self.env.user)

    def _approve_all(self, rec):
        for user in (self.kasi, self.kabid, self.kadis):
            self._review(rec, user)
        return rec

    def _issued(self):
        rec = self._to_review(self._create())
        self._approve_all(rec)
        rec.with_user(self.staff).action_issue()
        return rec
