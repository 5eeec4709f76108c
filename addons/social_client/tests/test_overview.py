# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from .common import SocialClientCommon, make_nik


@tagged("post_install", "-at_install")
class TestOverview(SocialClientCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Tile = cls.env["social.overview.tile"]
        cls.tile_my_clients = cls.env.ref(
            "social_client.social_overview_tile_my_clients"
        )
        worker = cls.user_staff
        cls.mine = cls.Client.create(
            [
                dict(
                    cls._client_vals("Mine One", make_nik(serial=11)),
                    social_worker_id=worker.id,
                ),
                dict(
                    cls._client_vals("Mine Two", make_nik(serial=12)),
                    social_worker_id=worker.id,
                ),
            ]
        )
        cls.other_worker_client = cls.Client.create(
            dict(
                cls._client_vals("Someone Else's", make_nik(serial=13)),
                social_worker_id=cls.users["kasi"].id,
            )
        )
        cls.tile_kadis_only = cls.Tile.create(
            {
                "name": "Kadis only",
                "section": "office",
                "model_id": cls.env["ir.model"]._get_id("social.client"),
                "group_ids": [
                    Command.link(cls.env.ref("social_client.group_social_kadis").id)
                ],
            }
        )
        cls.tile_export_log = cls.Tile.create(
            {
                "name": "Exports",
                "section": "office",
                "model_id": cls.env["ir.model"]._get_id("social.client.export"),
            }
        )

    def _dashboard(self, user):
        return self.Tile.with_user(user).search([("accessible", "=", True)])

    def test_my_clients_counts_only_mine(self):
        tile = self.tile_my_clients.with_user(self.user_staff)
        self.assertEqual(tile.value, 2)
        self.assertEqual(tile.value_display, "2")
        # the KTP/KK copies of the test clients are missing: both need attention
        self.assertEqual(tile.alert_count, 2)
        self.assertEqual(sum(int(line["value"]) for line in tile.breakdown), 2)
        kasi_tile = self.tile_my_clients.with_user(self.users["kasi"])
        self.assertEqual(kasi_tile.value, 1)

    def test_long_breakdown_ends_with_others(self):
        tile = self.tile_kadis_only
        tile.write({"group_by": "name", "domain": "[]"})
        self.Client.create(
            [self._client_vals(f"Name {i}", make_nik(serial=40 + i)) for i in range(10)]
        )
        total = self.Client.search_count([])
        tile.invalidate_recordset()
        self.assertEqual(len(tile.breakdown), 8)
        self.assertEqual(tile.breakdown[-1]["label"], "Others")
        self.assertEqual(sum(int(line["value"]) for line in tile.breakdown), total)
        self.assertEqual(tile.value, total)

    def test_selection_breakdown_in_its_order(self):
        self.Client.create(self._client_vals("Siti", make_nik(female=True, serial=77)))
        self.tile_kadis_only.write({"group_by": "gender", "domain": "[]"})
        # "female" sorts before "male": the breakdown follows the selection
        self.assertEqual(
            [line["label"] for line in self.tile_kadis_only.breakdown][:2],
            ["Male", "Female"],
        )

    def test_average_with_a_unit(self):
        self.tile_kadis_only.sequence = 10
        self.tile_export_log.sequence = 20
        ids = (self.tile_kadis_only | self.tile_export_log).ids
        tile = self.Tile.create(
            {
                "name": "Average sequence",
                "model_id": self.env["ir.model"]._get_id("social.overview.tile"),
                "domain": f"[('id', 'in', {ids})]",
                "measure": "sequence:avg",
                "value_unit": "%",
                "group_by": "name",
            }
        )
        self.assertEqual(tile.value, 15)
        self.assertEqual(tile.value_display, "15 %")
        self.assertEqual(
            sorted(line["value"] for line in tile.breakdown), ["10 %", "20 %"]
        )

    def test_sections_keep_their_order(self):
        # as the kanban view asks
        Tile = self.Tile.with_user(self.user_staff).with_context(read_group_expand=True)
        groups = Tile.web_read_group(
            [("accessible", "=", True)], ["section"], ["__count"]
        )["groups"]
        self.assertEqual(
            [group["section"] for group in groups], ["signoff", "work", "office"]
        )

    def test_tile_opens_the_list_it_counts(self):
        action = self.tile_my_clients.with_user(self.user_staff).action_open()
        self.assertEqual(action["res_model"], "social.client")
        self.assertEqual(
            self.Client.with_user(self.user_staff).search(action["domain"]), self.mine
        )
        alert = self.tile_my_clients.with_user(self.user_staff).action_open_alert()
        self.assertEqual(len(self.Client.search(alert["domain"])), 2)

    def test_roles_see_only_their_tiles(self):
        staff_tiles = self._dashboard(self.user_staff)
        self.assertIn(self.tile_my_clients, staff_tiles)
        self.assertNotIn(self.tile_kadis_only, staff_tiles)
        # the export log is readable by the Kadis only: no tile for the others
        self.assertNotIn(self.tile_export_log, staff_tiles)
        kadis_tiles = self._dashboard(self.user_kadis)
        self.assertIn(self.tile_kadis_only, kadis_tiles)
        self.assertIn(self.tile_export_log, kadis_tiles)
        # a tile it cannot see is no tile for the user, even by its id
        self.assertFalse(
            self.Tile.with_user(self.user_staff).search(
                [("id", "=", self.tile_kadis_only.id)]
            )
        )
        with self.assertRaises(AccessError):
            self.tile_kadis_only.with_user(self.user_staff).read(["value"])
        # the figures of an unreadable model are never computed for the user
        unreadable = self.tile_export_log.with_user(self.user_staff)
        self.assertFalse(unreadable.action_open())
        self.assertEqual(unreadable.value, 0)

    def test_tiles_are_kept_by_the_administrator(self):
        for role in ("user", "kasi", "kadis"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.tile_my_clients.with_user(self.users[role]).write({"domain": "[]"})
        self.tile_my_clients.with_user(self.user_manager).write({"sequence": 5})

    def test_tile_definition_is_checked(self):
        values = {"name": "Bad", "model_id": self.tile_kadis_only.model_id.id}
        with self.assertRaisesRegex(ValidationError, "_social_overview_"):
            self.Tile.create(dict(values, compute_method="unlink"))
        with self.assertRaisesRegex(ValidationError, "no field"):
            self.Tile.create(dict(values, group_by="no_such_field"))

    def test_figures_cost_the_same_for_many_records(self):
        tile = self.tile_my_clients.with_user(self.user_staff)
        self.assertEqual(tile.value, 2)  # warms the caches of rules and fields
        tile.invalidate_recordset()
        with self.assertQueryCount(__system__=3):
            self.assertEqual(tile.value, 2)
        self.Client.create(
            [
                dict(
                    self._client_vals(f"More {i}", make_nik(serial=20 + i)),
                    social_worker_id=self.user_staff.id,
                )
                for i in range(30)
            ]
        )
        tile.invalidate_recordset()
        with self.assertQueryCount(__system__=3):
            self.assertEqual(tile.value, 32)


@tagged("post_install", "-at_install")
class TestOverviewHome(SocialClientCommon, HttpCase):
    def _home_action(self, user):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request("/web/session/get_session_info")[
            "home_action_id"
        ]

    def test_suite_users_land_on_the_overview(self):
        overview = self.env.ref("social_client.social_overview_tile_action_dashboard")
        for role in ("user", "kasi", "kabid", "kadis", "trc", "health"):
            with self.subTest(role=role):
                self.assertEqual(self._home_action(self.users[role]), overview.id)

    def test_own_home_action_wins(self):
        own = self.env.ref("social_client.social_client_action")
        self.user_staff.action_id = own.id
        self.assertEqual(self._home_action(self.user_staff), own.id)

    def test_other_users_keep_odoo_home(self):
        self.env["res.users"].create(
            {"name": "Outsider", "login": "outsider", "password": "outsider-pass-1"}
        )
        self.authenticate("outsider", "outsider-pass-1")
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertFalse(info["home_action_id"])
