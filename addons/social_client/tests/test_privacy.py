# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .common import SocialClientCommon, make_nik

# UU 27/2022: children (01-07), health and disability (05, 09, 16, 17),
# criminal records (03, 15)
SPECIFIC_PPKS_CODES = {"01", "02", "03", "04", "05", "06", "07", "09", "15", "16"}
SPECIFIC_PPKS_CODES |= {"17"}


@tagged("post_install", "-at_install")
class TestFamilyOffice(SocialClientCommon):
    """A family row never points to a client of another office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_office, cls.other_worker, cls.other_client = (
            cls._create_other_office()
        )
        cls.client = cls._create_client("Budi", make_nik(), social_worker_id=False)
        cls.Family = cls.env["social.client.family"]

    def test_member_of_another_office_refused(self):
        message = r"must be a client of the same office"
        Family = self.Family.with_user(self.user_staff)
        self.assertRefused(
            message,
            Family.create,
            {
                "client_id": self.client.id,
                "member_client_id": self.other_client.id,
                "relation": "sibling",
            },
        )
        self.assertRefused(
            message,
            self.client.with_user(self.user_staff).write,
            {
                "family_member_ids": [
                    Command.create(
                        {"member_client_id": self.other_client.id, "relation": "child"}
                    )
                ]
            },
        )
        # the other office's worker cannot link our client either
        self.assertRefused(
            message,
            self.Family.with_user(self.other_worker).create,
            {
                "client_id": self.other_client.id,
                "member_client_id": self.client.id,
                "relation": "parent",
            },
        )
        # nor a user of both offices, who may read both clients
        self.user_staff.company_ids = [Command.link(self.other_office.id)]
        row = Family.create({"client_id": self.client.id, "name": "Agus"})
        self.assertRefused(
            message, row.write, {"member_client_id": self.other_client.id}
        )
        row.invalidate_recordset()
        self.assertEqual((row.name, row.member_client_id.id), ("Agus", False))
        self.assertFalse(row.nik)

    def test_member_of_same_office_copied_as_user(self):
        mother = self._create_client(
            "Siti Aminah", make_nik(female=True, year=55, serial=2)
        )
        row = self.Family.with_user(self.user_staff).create(
            {
                "client_id": self.client.id,
                "member_client_id": mother.id,
                "relation": "parent",
            }
        )
        self.assertEqual(
            (row.name, row.nik, row.birth_date),
            (mother.name, mother.nik, mother.birth_date),
        )


@tagged("post_install", "-at_install")
class TestFamilyUnlink(SocialClientCommon):
    """Family rows are removed by the client's social worker or above only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client(
            "Budi",
            make_nik(),
            social_worker_id=cls.user_staff.id,
            family_member_ids=[
                Command.create({"name": f"Member {i}", "relation": "sibling"})
                for i in range(6)
            ],
        )
        cls.members = cls.client.family_member_ids
        cls.peer = cls.users["trc"]

    def test_other_worker_refused(self):
        for user in (self.peer, self.users["health"]):
            with self.subTest(user=user.login):
                self.assertRefusedWith(
                    AccessError,
                    r"Only the social worker of .*Budi.*, or a Kasi, Kabid, Kadis "
                    r"or administrator, may remove its family members",
                    self.members[0].with_user(user).unlink,
                )
                self.assertRefusedWith(
                    AccessError,
                    r"Only the social worker of",
                    self.client.with_user(user).write,
                    {"family_member_ids": [Command.delete(self.members[1].id)]},
                )
        self.assertEqual(len(self.members.exists()), 6)

    def test_social_worker_and_supervisors_remove(self):
        removers = [self.user_staff] + [
            self.users[role] for role in ("kasi", "kabid", "kadis", "manager")
        ]
        for member, user in zip(self.members, removers, strict=False):
            with self.subTest(user=user.login):
                member.with_user(user).unlink()
                self.assertFalse(member.exists())
        self.assertEqual(len(self.members.exists()), 1)


@tagged("post_install", "-at_install")
class TestSpecificPersonalData(SocialClientCommon):
    """Flagged classifications never reach the chatter's tracking."""

    def _ppks(self, code):
        return self.env.ref(f"social_client.social_ppks_type_{code}")

    def _tracking_texts(self, client):
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written before commit
        values = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", "social.client"),
                    ("mail_message_id.res_id", "=", client.id),
                ]
            )
        )
        return {
            (v.field_id.name, v.old_value_char or "", v.new_value_char or "")
            for v in values
        }

    def test_shipped_flags(self):
        PpksType = self.env["social.ppks.type"].with_context(active_test=False)
        flagged = PpksType.search([("specific_personal_data", "=", True)])
        self.assertEqual(set(flagged.mapped("code")), SPECIFIC_PPKS_CODES)
        disability = self.env["social.disability.type"].with_context(active_test=False)
        self.assertFalse(disability.search([("specific_personal_data", "=", False)]))
        clusters = self.env["social.atensi.cluster"].search(
            [("specific_personal_data", "=", True)]
        )
        self.assertEqual(set(clusters.mapped("code")), {"anak", "disabilitas", "napza"})

    def test_flagged_types_not_tracked(self):
        client = self._create_client("Budi", make_nik())
        # the creation ends its own tracking (records created in the transaction)
        self.assertFalse(self._tracking_texts(client))
        client = client.with_user(self.user_staff)
        poor, odha, napza = self._ppks("24"), self._ppks("16"), self._ppks("17")
        client.ppks_type_ids = poor
        self.assertEqual(
            self._tracking_texts(client),
            {
                ("ppks_type_ids", "", "Fakir Miskin"),
                ("cluster_id", "", poor.cluster_id.name),
            },
        )
        # adding a flagged type only: nothing to track
        client.write(
            {
                "ppks_type_ids": [Command.link(odha.id)],
                "disability_type_ids": [Command.link(self.disability_type.id)],
            }
        )
        self.assertEqual(len(self._tracking_texts(client)), 2)
        # moving to a flagged type and its flagged cluster: only the loss of the
        # unflagged values is shown
        client.write({"ppks_type_ids": [Command.set(napza.ids)]})
        texts = self._tracking_texts(client)
        shown = " ".join(old + " " + new for _name, old, new in texts)
        for secret in (odha.name, napza.name, napza.cluster_id.name, "HIV", "NAPZA"):
            self.assertNotIn(secret, shown)
        self.assertIn(("ppks_type_ids", "Fakir Miskin", ""), texts)
        self.assertEqual(client.cluster_id, napza.cluster_id)


@tagged("post_install", "-at_install")
class TestClientCopy(SocialClientCommon):
    def test_copy_without_health_role(self):
        client = self._create_client("Budi", make_nik(), rt="003", rw="011")
        client.sudo().health_notes = "Hypertension"
        for role in ("user", "kasi", "health"):
            with self.subTest(role=role):
                copy = client.with_user(self.users[role]).copy()
                self.assertEqual((copy.name, copy.rt, copy.rw), ("Budi", "003", "011"))
                self.assertFalse(copy.nik)
                self.assertTrue(copy.no_identity)
                self.assertIn(client.registration_number, copy.no_identity_description)
                self.assertFalse(copy.sudo().health_notes)
        with_nik = client.with_user(self.user_staff).copy({"nik": make_nik(serial=2)})
        self.assertFalse(with_nik.no_identity)


@tagged("post_install", "-at_install")
class TestIdentityScans(SocialClientCommon):
    def test_scans_uploaded_before_save_belong_to_the_client(self):
        # the form's upload widget stores them on the model, without record
        ktp, kk, other = (
            self.env["ir.attachment"]
            .with_user(self.user_staff)
            .create(
                [
                    {
                        "name": name,
                        "raw": b"scan",
                        "res_model": "social.client",
                        "res_id": 0,
                    }
                    for name in ("ktp.jpg", "kk.jpg", "unrelated.jpg")
                ]
            )
        )
        client = self.Client.with_user(self.user_staff).create(
            self._client_vals(
                "Budi",
                make_nik(),
                ktp_attachment_ids=[Command.set(ktp.ids)],
                kk_attachment_ids=[Command.set(kk.ids)],
            )
        )
        self.assertEqual((ktp | kk).mapped("res_id"), [client.id, client.id])
        self.assertEqual(other.res_id, 0)
        self.assertTrue(client.documents_complete)
        # so that the Kasi reads them, as any reader of the client
        self.assertEqual(
            (ktp | kk).with_user(self.users["kasi"]).mapped("name"),
            ["ktp.jpg", "kk.jpg"],
        )
        # added later on a saved client, before it is saved again
        client.with_user(self.user_staff).ktp_attachment_ids = [Command.link(other.id)]
        self.assertEqual(other.res_id, client.id)


@tagged("post_install", "-at_install")
class TestClientReferences(SocialClientCommon):
    def test_every_many2one_to_a_client_checks_the_office(self):
        """The rule of readme/USAGE.md, for every installed add-on: a stored
        many2one to social.client (not a related copy) sets check_company, on
        a model with company_id that checks its companies."""
        missing = []
        for model_name in self.env.registry:
            Model = self.env[model_name]
            if Model._abstract or Model._transient:
                continue
            for field in Model._fields.values():
                if (
                    field.type == "many2one"
                    and field.comodel_name == "social.client"
                    and field.store
                    and not field.related
                    and not (
                        field.check_company
                        and "company_id" in Model._fields
                        and Model._check_company_auto
                    )
                ):
                    missing.append(f"{model_name}.{field.name}")
        self.assertEqual(missing, [])
