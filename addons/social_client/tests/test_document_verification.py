# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import datetime
import re
import uuid

from psycopg2.errors import SerializationFailure

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..controllers.main import RATE_LIMIT
from ..models.social_document_verification import CODE_ALPHABET, CODE_LENGTH
from .common import SocialClientCommon, make_nik

KADIS_GROUP = "social_client.group_social_kadis"


class VerificationCommon(SocialClientCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Verification = cls.env["social.document.verification"]
        cls.user_admin = cls.env.ref("base.user_admin")
        cls.client_siti = cls._create_client(
            "Siti Rahayu Verifikasi", make_nik(female=True, serial=77)
        )
        cls.verification = cls._issue()

    @classmethod
    def _issue(cls, number="800/1/Dinsos.C/2025", **vals):
        values = {
            "kind": "Surat Rekomendasi",
            "number": number,
            "document_date": datetime.date(2025, 1, 5),
            "company_id": cls.env.company.id,
            "signer_name": "M. Syaifudin Zuhri",
            "signer_id": cls.user_kadis.id,
            "revoke_group_id": cls.env.ref(KADIS_GROUP).id,
            "res_model": "social.client",
            "res_id": cls.client_siti.id,
        }
        values.update(vals)
        # the issuing code of a document model (social.verifiable.mixin) does this
        return cls.Verification.sudo().create(values).sudo(False)

    def _revoke(self, user, verification=None, reason="Issued for the wrong panti."):
        verification = (verification or self.verification).with_user(user)
        action = verification.action_revoke()
        wizard = (
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
            .create({"reason": reason})
        )
        return wizard.action_revoke()


@tagged("post_install", "-at_install")
class TestDocumentVerification(VerificationCommon):
    def test_code_unguessable_and_typable(self):
        codes = {self._issue(number=f"N/{i}").code for i in range(20)}
        codes.add(self.verification.code)
        self.assertEqual(len(codes), 21)
        for code in codes:
            self.assertEqual(len(code), CODE_LENGTH)
            self.assertFalse(set(code) - set(CODE_ALPHABET), code)
            self.assertFalse(set(code) & set("0O1IL"), "ambiguous characters")
        self.assertNotIn(str(self.verification.id), self.verification.code)
        self.assertRegex(self.verification.code_display, r"^\w{4}-\w{4}-\w{4}$")
        self.assertEqual(
            self.verification.url,
            f"{self.verification.get_base_url()}/social/verify/"
            f"{self.verification.code}",
        )

    def test_code_typed_loosely(self):
        code = self.verification.code
        typed = " " + self.verification.code_display.lower() + " "
        self.assertEqual(self.Verification._normalize_code(typed), code)
        self.assertFalse(self.Verification._normalize_code(code[:-1]))
        self.assertFalse(self.Verification._normalize_code(code[:-1] + "0"))
        self.assertFalse(self.Verification._normalize_code(str(self.verification.id)))

    def test_code_given_at_create_ignored(self):
        other = self._issue(number="N/2", code=self.verification.code)
        self.assertNotEqual(other.code, self.verification.code)

    def test_create_refused_to_users(self):
        before = self.Verification.sudo().search_count([])
        for user in (self.user_manager, self.user_admin, self.user_kadis):
            with (
                self.subTest(user=user.login),
                self.assertRaisesRegex(
                    (AccessError, UserError), "issuing of a document|not allowed"
                ),
            ):
                self.Verification.with_user(user).create(
                    {
                        "kind": "Surat Palsu",
                        "number": "X",
                        "document_date": "2025-01-01",
                        "company_id": self.env.company.id,
                        "signer_name": "Nobody",
                        "revoke_group_id": self.env.ref(KADIS_GROUP).id,
                        "res_model": "social.client",
                        "res_id": self.client_siti.id,
                    }
                )
        self.assertEqual(self.Verification.sudo().search_count([]), before)

    def test_evidence_not_written_by_admin(self):
        verification = self.verification
        for user in (self.user_admin, self.user_manager, self.user_kadis):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "evidence of an issued"):
                    verification.with_user(user).write({"number": "800/9/FAKE"})
                with self.assertRaisesRegex(UserError, "evidence of an issued"):
                    verification.with_user(user).write(
                        {"state": "revoked", "revoke_reason": "by hand"}
                    )
        # even trusted server code never rewrites what was issued
        with self.assertRaisesRegex(UserError, "never change"):
            verification.sudo().write({"signer_name": "Someone Else"})
        with self.assertRaisesRegex(UserError, "stays revoked"):
            verification.sudo().write({"state": "valid"})
        verification.invalidate_recordset()
        self.assertEqual(verification.number, "800/1/Dinsos.C/2025")
        self.assertEqual(verification.signer_name, "M. Syaifudin Zuhri")
        self.assertEqual(verification.state, "valid")

    def test_never_deleted(self):
        with self.assertRaises(AccessError):
            self.verification.with_user(self.user_admin).unlink()
        with self.assertRaisesRegex(UserError, "never deleted"):
            self.verification.sudo().unlink()
        self.assertTrue(self.verification.exists())

    def test_revoke_by_the_signer_role(self):
        self.assertTrue(self.verification.with_user(self.user_kadis).can_revoke)
        self._revoke(self.user_kadis)
        verification = self.verification
        self.assertEqual(verification.state, "revoked")
        self.assertEqual(verification.revoke_reason, "Issued for the wrong panti.")
        self.assertEqual(verification.revoked_by_id, self.user_kadis)
        self.assertTrue(verification.revoked_date)
        message = verification.message_ids.filtered(
            lambda m: "wrong panti" in (m.body or "")
        )
        self.assertEqual(message.author_id, self.user_kadis.partner_id)
        with self.assertRaisesRegex(UserError, "already revoked"):
            self._revoke(self.user_kadis)

    def test_revoke_refused_to_other_roles(self):
        for role in ("user", "kasi", "kabid", "manager"):
            user = self.users[role]
            with self.subTest(role=role):
                self.assertFalse(self.verification.with_user(user).can_revoke)
                with self.assertRaisesRegex(UserError, "Only a member of"):
                    self._revoke(user)
                # the wizard's confirmation checks the role again
                wizard = (
                    self.env["social.document.verification.revoke"]
                    .with_user(user)
                    .create(
                        {
                            "verification_ids": self.verification.ids,
                            "reason": "attack",
                        }
                    )
                )
                with self.assertRaisesRegex(UserError, "Only a member of"):
                    wizard.action_revoke()
        with self.assertRaisesRegex(UserError, "Only a member of"):
            self._revoke(self.user_admin)
        self.assertEqual(self.verification.state, "valid")
        self.assertFalse(self.verification.revoke_reason)

    def test_revoke_needs_a_reason(self):
        with self.assertRaisesRegex(UserError, "reason"):
            self.verification.with_user(self.user_kadis)._revoke("  ")
        self.assertEqual(self.verification.state, "valid")

    def test_public_values_without_person(self):
        values = self.Verification.with_context(lang="en_US")._public_lookup(
            self.verification.code_display.lower()
        )
        self.assertEqual(
            set(values),
            {
                "code",
                "kind",
                "number",
                "date",
                "office",
                "signer",
                "state",
                "revoke_reason",
                "revoked_date",
            },
        )
        self.assertEqual(values["date"], "January 5, 2025")
        self.assertEqual(values["office"], self.env.company.name)
        self.assertIsNone(self.Verification._public_lookup("AAAAAAAAAAAA"))
        self.assertIsNone(self.Verification._public_lookup(str(self.verification.id)))


@tagged("post_install", "-at_install")
class TestIssuedFileReadOnly(VerificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "Rekomendasi 800-1.pdf",
                "raw": b"%PDF-1.4 issued letter",
                "res_model": "social.client",
                "res_id": cls.client_siti.id,
                "mimetype": "application/pdf",
            }
        )
        cls.verification.sudo().write({"attachment_id": cls.attachment.id})

    def test_not_overwritten(self):
        attachment = self.attachment
        for user in (self.user_admin, self.user_manager):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "file of an issued document"):
                    attachment.with_user(user).write({"raw": b"%PDF-1.4 forged"})
                with self.assertRaisesRegex(UserError, "file of an issued document"):
                    attachment.with_user(user).write(
                        {"datas": base64.b64encode(b"%PDF-1.4 forged")}
                    )
                with self.assertRaisesRegex(UserError, "file of an issued document"):
                    attachment.with_user(user).write(
                        {"res_id": self.user_staff.partner_id.id}
                    )
        with self.assertRaisesRegex(UserError, "file of an issued document"):
            attachment.sudo().write({"raw": b"%PDF-1.4 forged", "name": "x.pdf"})
        attachment.invalidate_recordset()
        self.assertEqual(attachment.raw, b"%PDF-1.4 issued letter")
        self.assertEqual(attachment.name, "Rekomendasi 800-1.pdf")

    def test_not_deleted(self):
        with self.assertRaisesRegex(UserError, "file of an issued document"):
            self.attachment.with_user(self.user_admin).unlink()
        with self.assertRaisesRegex(UserError, "file of an issued document"):
            self.attachment.sudo().unlink()
        with self.assertRaisesRegex(UserError, "file of an issued document"):
            (self.attachment | self._other_attachment()).sudo().unlink()
        self.assertTrue(self.attachment.exists())

    def test_not_replaced(self):
        with self.assertRaisesRegex(UserError, "never replaced"):
            self.verification.sudo().write(
                {"attachment_id": self._other_attachment().id}
            )

    def test_same_content_and_token_allowed(self):
        """A storage migration rewrites the same bytes; sharing adds a token."""
        self.attachment._migrate()
        self.attachment.generate_access_token()
        self.assertEqual(self.attachment.raw, b"%PDF-1.4 issued letter")
        self.assertTrue(self.attachment.access_token)

    def test_other_attachments_free(self):
        other = self._other_attachment()
        other.write({"raw": b"changed"})
        other.unlink()
        self.assertFalse(other.exists())

    def _other_attachment(self):
        return self.env["ir.attachment"].create(
            {"name": "other.txt", "raw": b"draft", "res_model": "social.client"}
        )


@tagged("post_install", "-at_install")
class TestVerificationRateConcurrency(SocialClientCommon):
    """The counter is kept by PostgreSQL: two workers never lose a lookup."""

    def test_two_workers_same_address(self):
        client_ip = f"test-{uuid.uuid4()}"
        Rate = "social.document.verification.rate"

        def cleanup():
            with self.registry.cursor() as cr:
                cr.execute(
                    "DELETE FROM social_document_verification_rate "
                    "WHERE client_ip = %s",
                    [client_ip],
                )

        self.addCleanup(cleanup)
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            env1 = self.env(cr=cr1)
            env2 = self.env(cr=cr2)
            # both transactions have started (snapshot taken) before either counts
            cr1.execute("SELECT 1")
            cr2.execute("SELECT 1")
            self.assertEqual(env1[Rate]._hit(client_ip), 1)
            cr1.commit()
            # the second worker's upsert conflicts with the committed row: under
            # Odoo's REPEATABLE READ it fails to serialise (Odoo retries the
            # request) rather than counting 1 again
            with (
                self.assertRaises(SerializationFailure),
                mute_logger("odoo.sql_db"),
            ):
                env2[Rate]._hit(client_ip)
            cr2.rollback()
            self.assertEqual(env2[Rate]._hit(client_ip), 2)
            cr2.commit()
            self.assertEqual(env1[Rate]._hit(client_ip), 3)
            cr1.commit()


@tagged("post_install", "-at_install")
class TestVerificationPage(HttpCase, VerificationCommon):
    """The public page, called without login."""

    def _get(self, path, lang="id-ID,id;q=0.9"):
        return self.url_open(path, headers={"Accept-Language": lang})

    def _assert_no_person(self, html):
        for private in (
            self.client_siti.name,
            self.client_siti.nik,
            "social.client",
        ):
            self.assertNotIn(private, html)

    def test_valid(self):
        response = self._get(f"/social/verify/{self.verification.code}", lang="en-US")
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn('id="verification_valid"', html)
        for text in (
            "Surat Rekomendasi",
            "800/1/Dinsos.C/2025",
            "January 5, 2025",
            self.env.company.name,
            "M. Syaifudin Zuhri",
            self.verification.code_display,
        ):
            with self.subTest(text=text):
                self.assertIn(text, html)
        self._assert_no_person(html)
        self.assertEqual(response.headers["Cache-Control"], "no-store")

    def test_typed_in_the_form(self):
        response = self._get("/social/verify")
        self.assertEqual(response.status_code, 200)
        self.assertIn('name="code"', response.text)
        typed = self.verification.code_display.lower()
        response = self._get(f"/social/verify?code={typed}")
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="verification_valid"', response.text)
        self.assertTrue(
            response.url.endswith(f"/social/verify/{self.verification.code}")
        )

    def test_revoked(self):
        self._revoke(self.user_kadis, reason="Replaced by letter 800/2/Dinsos.C/2025.")
        response = self._get(f"/social/verify/{self.verification.code}")
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn('id="verification_revoked"', html)
        self.assertNotIn('id="verification_valid"', html)
        self.assertIn("Replaced by letter 800/2/Dinsos.C/2025.", html)
        self._assert_no_person(html)

    def test_unknown(self):
        for code in ("ABCDEFGHJKMN", str(self.verification.id), "not-a-code"):
            with self.subTest(code=code):
                response = self._get(f"/social/verify/{code}")
                self.assertEqual(response.status_code, 404)
                self.assertIn('id="verification_unknown"', response.text)
                self.assertNotIn("800/1/Dinsos.C/2025", response.text)

    def test_rate_limited(self):
        url = f"/social/verify/{self.verification.code}"
        self.assertEqual(self._get(url).status_code, 200)
        Rate = self.env["social.document.verification.rate"]
        # the other lookups of this minute, counted as the requests would
        for _i in range(RATE_LIMIT - 2):
            Rate._hit("127.0.0.1")
        self.assertEqual(self._get(url).status_code, 200)
        response = self._get(url)
        self.assertEqual(response.status_code, 429)
        self.assertIn('id="verification_limited"', response.text)
        self.assertNotIn("800/1/Dinsos.C/2025", response.text)
        # unknown codes count as much as known ones
        self.assertEqual(self._get("/social/verify/ABCDEFGHJKMN").status_code, 429)
        # another address is not affected
        self.assertEqual(Rate._hit("10.0.0.9"), 1)

    def test_page_language(self):
        """Bahasa Indonesia when the browser asks for it (and is installed)."""
        html = self._get(f"/social/verify/{self.verification.code}").text
        installed = dict(self.env["res.lang"].get_installed())
        lang = "id-ID" if "id_ID" in installed else "en-US"
        self.assertTrue(re.search(rf'<html[^>]*lang="{lang}"', html), html[:300])
