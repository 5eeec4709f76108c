# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import GROUPS, SocialClientCommon, make_nik

STAFF_ROLES = ["user", "kasi", "kabid", "kadis", "trc", "health"]
REFERENCE_MODELS = [
    "social.region",
    "social.atensi.cluster",
    "social.ppks.type",
    "social.disability.type",
    "social.atensi.criteria",
]


@tagged("post_install", "-at_install")
class TestClientAccess(SocialClientCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client("Budi Santoso", "3201011505800001")
        cls.client.sudo().write(
            {"health_notes": "Hypertension", "psychological_notes": "Calm"}
        )

    def test_roles_are_distinct_groups(self):
        for role, xmlid in GROUPS.items():
            with self.subTest(role=role, group=xmlid):
                self.assertTrue(
                    self.users[role].has_group("social_client.group_social_user")
                )
        # the sign-off steps stay with their own role
        self.assertFalse(
            self.users["kadis"].has_group("social_client.group_social_kabid")
        )
        self.assertFalse(
            self.users["kabid"].has_group("social_client.group_social_kasi")
        )
        self.assertFalse(
            self.users["manager"].has_group("social_client.group_social_health")
        )

    def test_every_role_reads_clients(self):
        for role, user in self.users.items():
            with self.subTest(role=role):
                client = self.client.with_user(user)
                self.assertEqual(
                    client.read(["name", "nik"])[0]["nik"], "3201011505800001"
                )
                self.assertEqual(
                    self.Client.with_user(user).search(
                        [("nik", "=", "3201011505800001")]
                    ),
                    self.client,
                )

    def test_staff_create_and_write_but_not_unlink(self):
        for serial, role in enumerate(STAFF_ROLES, start=2):
            with self.subTest(role=role):
                Client = self.Client.with_user(self.users[role])
                client = Client.create(
                    self._client_vals(f"By {role}", make_nik(serial=serial))
                )
                self.assertEqual(client.social_worker_id, self.users[role])
                client.write({"phone": "08123456789"})
                with self.assertRaises(AccessError):
                    client.unlink()
                self.assertTrue(client.exists())
                client.action_archive()

    def test_manager_unlinks(self):
        client = self.Client.with_user(self.user_manager).create(
            self._client_vals("To delete", make_nik(serial=9))
        )
        client.unlink()
        self.assertFalse(client.exists())

    def test_health_notes_only_for_health_role(self):
        client = self.client.with_user(self.user_health)
        self.assertEqual(client.health_notes, "Hypertension")
        client.write(
            {
                "health_notes": "Hypertension, controlled",
                "psychological_notes": "Better",
            }
        )
        client.invalidate_recordset()
        self.assertEqual(
            client.read(["health_notes", "psychological_notes"])[0],
            {
                "id": client.id,
                "health_notes": "Hypertension, controlled",
                "psychological_notes": "Better",
            },
        )
        for role, user in self.users.items():
            if role == "health":
                continue
            for field_name in ("health_notes", "psychological_notes"):
                with self.subTest(role=role, field=field_name):
                    other = self.client.with_user(user)
                    with self.assertRaises(AccessError):
                        other.read([field_name])
                    with self.assertRaises(AccessError):
                        other.write({field_name: "overwritten"})
                    self.assertNotIn(field_name, other.fields_get())
                    # a plain read of the record leaves the field out
                    self.assertNotIn(field_name, other.read()[0])
        self.assertEqual(self.client.sudo().health_notes, "Hypertension, controlled")

    def test_reference_data_read_only_for_staff(self):
        for model in REFERENCE_MODELS:
            record = self.env[model].search([], limit=1)
            self.assertTrue(record, model)
            for role in STAFF_ROLES:
                with self.subTest(model=model, role=role):
                    as_user = record.with_user(self.users[role])
                    self.assertTrue(as_user.read(["name"]))
                    with self.assertRaises(AccessError):
                        as_user.write({"name": "Changed"})
                    with self.assertRaises(AccessError):
                        as_user.copy({"code": "ZZ.TEST"})
                    with self.assertRaises(AccessError):
                        as_user.unlink()
            with self.subTest(model=model, role="manager"):
                as_manager = record.with_user(self.user_manager)
                as_manager.write({"name": "Changed by manager"})

    def test_manager_creates_reference_data(self):
        cluster = (
            self.env["social.atensi.cluster"]
            .with_user(self.user_manager)
            .create({"name": "Test Cluster", "code": "test_cluster"})
        )
        ppks = (
            self.env["social.ppks.type"]
            .with_user(self.user_manager)
            .create({"name": "Test PPKS", "code": "T99", "cluster_id": cluster.id})
        )
        self.assertEqual(cluster.ppks_type_ids, ppks)
        with self.assertRaises(AccessError):
            self.env["social.ppks.type"].with_user(self.user_staff).create(
                {"name": "Test PPKS 2", "code": "T98"}
            )

    def test_export_log_access(self):
        record = (
            self.env["social.client.export"]
            .sudo()
            .create(
                {
                    "user_id": self.user_staff.id,
                    "row_count": 3,
                    "filter_description": "[]",
                }
            )
        )
        for role, user in self.users.items():
            Export = self.env["social.client.export"].with_user(user)
            with self.subTest(role=role, operation="read"):
                if role in ("kadis", "manager"):
                    self.assertIn(record, Export.search([]))
                    self.assertEqual(record.with_user(user).row_count, 3)
                else:
                    with self.assertRaises(AccessError):
                        Export.search([])
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["row_count"])
            with self.subTest(role=role, operation="create/write/unlink"):
                with self.assertRaises(AccessError):
                    Export.create({"user_id": user.id, "row_count": 1})
                with self.assertRaises(AccessError):
                    record.with_user(user).write({"row_count": 0})
                with self.assertRaises(AccessError):
                    record.with_user(user).unlink()
        self.assertEqual(record.row_count, 3)
