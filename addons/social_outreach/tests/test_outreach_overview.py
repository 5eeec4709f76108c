# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.fields import Command
from odoo.tests import tagged

from .common import OutreachCommon


@tagged("post_install", "-at_install")
class TestOutreachOverview(OutreachCommon):
    """The outreach tiles of the overview and the SPM counts of the day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._start(cls.event)
        cls.participants = cls._invite(cls.event, cls.clients)
        cls.participants[:2].action_check_in()
        disabled = cls.env.ref("social_client.social_ppks_type_09")
        cls.clients.write({"ppks_type_ids": [Command.set(disabled.ids)]})

    def _tile(self, name, user):
        tile = self.env.ref(f"social_outreach.social_overview_tile_outreach_{name}")
        tile.invalidate_recordset()  # figures are computed per request, not cached
        return tile.with_user(user)

    def test_queue_tile_counts_the_waiting(self):
        Visit = self.env["social.outreach.visit"]
        waiting = Visit.search_count(
            [("event_id", "=", self.event.id), ("state", "in", ("waiting", "called"))]
        )
        self.assertTrue(waiting)
        tile = self._tile("queue", self.kasi)
        self.assertEqual(tile.value, waiting)
        self.assertTrue(tile.breakdown)
        self.event.action_done()
        self.assertEqual(self._tile("queue", self.kasi).value, 0)

    def test_followups_and_spm(self):
        wizard = (
            self.env["social.outreach.followup.wizard"]
            .with_user(self.desk)
            .create({"participant_id": self.participants[0].id, "kind": "bpjs_pbi"})
        )
        wizard._create_followup()
        self.assertEqual(self._tile("followup_year", self.kasi).value, 1)
        Tile = self.env["social.overview.tile"].with_user(self.desk)
        self.assertNotIn(
            self.env.ref("social_outreach.social_overview_tile_outreach_followup_year"),
            Tile.search([("accessible", "=", True)]),
        )
        self.env.flush_all()
        rows = (
            self.env["social.spm.report"]
            .with_user(self.kasi)
            .search([("client_id", "in", self.clients.ids)])
        )
        # checked in: assessed as needing; the follow-up serves the first only
        self.assertEqual(
            sorted((r.client_id.name, r.service_type, r.served_count) for r in rows),
            sorted(
                [
                    (self.clients[0].name, "disability", 1),
                    (self.clients[1].name, "disability", 0),
                ]
            ),
        )
