# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import RecommendationCommon

LETTER = "social_recommendation.report_recommendation_letter"
LETTER_REPORT = "social_recommendation.social_recommendation_letter_report"


@tagged("post_install", "-at_install")
class TestRecommendationVerification(RecommendationCommon):
    """The issued letter: verification record, QR code, stored read-only PDF,
    reprint as issued, revocation by the Kadis role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")

    def _render_html(self, rec, user=None):
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(user or self.staff)
            ._render_qweb_html(LETTER, rec.ids)
        )
        return html.decode()

    def _revoke(self, rec, user, reason="Issued for the wrong panti."):
        action = rec.with_user(user).action_revoke_verification()
        wizard = (
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
            .create({"reason": reason})
        )
        wizard.action_revoke()
        rec.invalidate_recordset()

    def test_issue_records_the_letter(self):
        rec = self._issued()
        verification = rec.verification_id
        self.assertTrue(verification)
        self.assertEqual(verification.kind, "Recommendation Letter")
        self.assertEqual(verification.number, rec.letter_number)
        self.assertEqual(verification.document_date, rec.letter_date)
        self.assertEqual(verification.company_id, rec.company_id)
        self.assertEqual(verification.signer_name, "M. Syaifudin Zuhri")
        self.assertEqual(verification.signer_id, self.kadis)
        self.assertEqual(
            verification.revoke_group_id,
            self.env.ref("social_client.group_social_kadis"),
        )
        self.assertEqual(verification.attachment_id, rec.letter_attachment_id)
        self.assertEqual(verification.report_id, self.env.ref(LETTER_REPORT))
        self.assertEqual(verification.state, "valid")
        self.assertEqual(rec.verification_state, "valid")
        self.assertEqual(rec.verification_code, verification.code_display)
        self.assertTrue(
            rec.message_ids.filtered(
                lambda m: verification.code_display in (m.body or "")
            ),
            "the chatter names the verification code",
        )

    def test_letter_shows_qr_code_and_url(self):
        rec = self._to_review(self._create())
        self._approve_all(rec)
        preview = self._render_html(rec)
        self.assertNotIn("o_letter_verification", preview, "no code before issue")
        rec.with_user(self.staff).action_issue()
        html = self._render_html(rec)
        verification = rec.verification_id
        self.assertIn(verification.code_display, html)
        self.assertIn(verification.url, html)
        self.assertIn('src="data:image/png;base64,', html)
        # the stored letter is the one with the code
        self.assertIn(verification.code_display, rec.letter_attachment_id.raw.decode())

    def test_reprint_gives_the_stored_letter(self):
        rec = self._issued()
        attachment = rec.letter_attachment_id
        issued = attachment.raw
        self.assertIn(b"Sarinah binti Dullah", issued)
        # data changes after the issue
        self.client.write({"name": "Sarinah Renamed"})
        self.company.write({"name": "Dinas Sosial Renamed"})
        self.assertIn("Sarinah Renamed", self._render_html(rec))
        for user in (self.staff, self.kasi, self.kadis):
            with self.subTest(user=user.login):
                action = rec.with_user(user).action_print_letter()
                self.assertEqual(action["type"], "ir.actions.act_url")
                self.assertEqual(
                    action["url"], f"/web/content/{attachment.id}?download=true"
                )
                # the report engine (Print menu) gives the stored file as well
                content, file_type = (
                    self.env["ir.actions.report"]
                    .with_user(user)
                    .with_context(force_report_rendering=True)
                    ._render_qweb_pdf(LETTER, rec.ids)
                )
                self.assertEqual(file_type, "pdf")
                self.assertEqual(content, issued)
        attachment.invalidate_recordset()
        self.assertEqual(attachment.raw, issued)
        self.assertNotIn(b"Sarinah Renamed", attachment.raw)

    def test_stored_not_found_by_name(self):
        """A file uploaded under the letter's name is not what is reprinted."""
        rec = self._issued()
        issued = rec.letter_attachment_id.raw
        self.env["ir.attachment"].with_user(self.staff).create(
            {
                "name": rec.letter_attachment_id.name,
                "raw": b"%PDF-1.4 forged letter",
                "res_model": rec._name,
                "res_id": rec.id,
            }
        )
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.staff)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(LETTER, rec.ids)
        )
        self.assertEqual(content, issued)

    def test_letter_file_read_only(self):
        rec = self._issued()
        attachment = rec.letter_attachment_id
        issued = attachment.raw
        for user in (self.admin, self.manager, self.staff, self.kadis):
            with self.subTest(user=user.login):
                mine = attachment.with_user(user)
                with self.assertRaisesRegex(UserError, "file of an issued document"):
                    mine.write({"raw": b"%PDF-1.4 forged"})
                with self.assertRaisesRegex(UserError, "file of an issued document"):
                    mine.write({"datas": base64.b64encode(b"%PDF-1.4 forged")})
                with self.assertRaisesRegex(UserError, "file of an issued document"):
                    mine.write({"name": "other.pdf"})
                with self.assertRaisesRegex(UserError, "file of an issued document"):
                    mine.unlink()
        with self.assertRaisesRegex(UserError, "file of an issued document"):
            attachment.sudo().unlink()
        # the link itself is a workflow field (social_recommendation's guard)
        with self.assertRaises(UserError):
            rec.with_user(self.admin).write({"letter_attachment_id": False})
        attachment.invalidate_recordset()
        self.assertTrue(attachment.exists())
        self.assertEqual(attachment.raw, issued)
        self.assertEqual(rec.letter_attachment_id, attachment)

    def test_verification_not_forged(self):
        rec = self._issued()
        verification = rec.verification_id
        for user in (self.admin, self.manager, self.kadis):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "evidence of an issued"):
                    verification.with_user(user).write({"number": "800/99/FAKE"})
                with self.assertRaises(AccessError):
                    verification.with_user(user).unlink()
        self.assertEqual(verification.number, rec.letter_number)

    def test_revoked_by_the_kadis(self):
        rec = self._issued()
        self.assertTrue(rec.with_user(self.kadis).verification_can_revoke)
        self._revoke(rec, self.kadis)
        self.assertEqual(rec.verification_state, "revoked")
        self.assertEqual(rec.verification_revoke_reason, "Issued for the wrong panti.")
        self.assertTrue(rec.verification_revoked_date)
        public = self.env["social.document.verification"]._public_lookup(
            rec.verification_id.code
        )
        self.assertEqual(public["state"], "revoked")
        self.assertEqual(public["revoke_reason"], "Issued for the wrong panti.")
        self.assertFalse(rec.with_user(self.kadis).verification_can_revoke)
        with self.assertRaisesRegex(UserError, "already revoked"):
            rec.with_user(self.kadis).action_revoke_verification()

    def test_revoke_refused_to_other_roles(self):
        rec = self._issued()
        for user in (self.staff, self.kasi, self.kabid, self.manager, self.admin):
            with self.subTest(user=user.login):
                self.assertFalse(rec.with_user(user).verification_can_revoke)
                with self.assertRaisesRegex(UserError, "Only a member of"):
                    rec.with_user(user).action_revoke_verification()
        self.assertEqual(rec.verification_state, "valid")

    def test_not_issued_nothing_to_revoke(self):
        rec = self._to_review(self._create())
        self._approve_all(rec)
        self.assertFalse(rec.verification_id)
        with self.assertRaisesRegex(UserError, "not been issued"):
            rec.with_user(self.kadis).action_revoke_verification()


@tagged("post_install", "-at_install")
class TestRecommendationVerificationPdf(HttpCase, RecommendationCommon):
    """The real PDF through wkhtmltopdf, with its QR code, and its public page."""

    def test_issued_pdf_reprinted_and_verified(self):
        rec = self._to_review(self._create())
        self._approve_all(rec)
        rec.with_user(self.staff).with_context(
            force_report_rendering=True
        ).action_issue()
        attachment = rec.letter_attachment_id
        issued = attachment.raw
        self.assertTrue(issued.startswith(b"%PDF"))
        self.assertIn(b"/Image", issued, "the QR code (and logo) are images")
        self.client.write({"name": "Sarinah Renamed"})
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.kasi)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(LETTER, rec.ids)
        )
        self.assertEqual(content, issued)
        response = self.url_open(f"/social/verify/{rec.verification_id.code}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(rec.letter_number, response.text)
        self.assertIn('id="verification_valid"', response.text)
        self.assertNotIn("Sarinah", response.text)
