# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields
from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user

GROUPS = {
    "desk": "social_client.group_social_user",
    "assessor": "social_client.group_social_user,base.group_allow_export",
    "health": "social_client.group_social_health,base.group_allow_export",
    "kasi": "social_client.group_social_kasi,base.group_allow_export",
    "kabid": "social_client.group_social_kabid",
    "manager": "social_client.group_social_manager",
    "finance": "social_dpa.group_social_finance",
}


def make_nik(district="181101", day=15, month=5, year=80, serial=1):
    """An NIK of Kabupaten Mesuji (18.11.01) by default."""
    return f"{district}{day:02d}{month:02d}{year % 100:02d}{serial:04d}"


class OutreachCommon(TransactionCase):
    """Users per role, an event of today with its default stations, officers
    at the assessment and health stations, and three registered clients; no
    demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"outreach_{role}",
                name=f"Outreach {role.title()}",
                groups=group,
                tz=cls.env.user.tz or "UTC",
            )
            for role, group in GROUPS.items()
        }
        cls.desk = cls.users["desk"]
        cls.assessor = cls.users["assessor"]
        cls.health = cls.users["health"]
        cls.kasi = cls.users["kasi"]
        cls.Event = cls.env["social.outreach.event"]
        cls.Participant = cls.env["social.outreach.participant"]
        cls.Visit = cls.env["social.outreach.visit"]
        cls.Client = cls.env["social.client"]
        regions = cls.env["social.region"]._code_map(["18.11", "18.11.01"])
        cls.regency = regions["18.11"]
        cls.village = cls.env["social.region"].create(
            {
                "code": "18.11.01.2001",
                "name": "Wiralaga I",
                "level": "village",
                "kind": "desa",
                "parent_id": regions["18.11.01"].id,
            }
        )
        cls.clients = cls.Client.create(
            [
                {
                    "name": name,
                    "nik": make_nik(serial=serial),
                    "village_id": cls.village.id,
                }
                for serial, name in (
                    (11, "Sumarni Wati"),
                    (12, "Joko Susilo"),
                    (13, "Rahmat Hidayat"),
                )
            ]
        )
        cls.event = cls._make_event()
        cls.st_assess = cls.event.station_ids.filtered(lambda s: s.kind == "assessment")
        cls.st_health = cls.event.station_ids.filtered(lambda s: s.kind == "health")
        cls.st_assess.user_ids = [Command.link(cls.assessor.id)]
        cls.st_health.user_ids = [Command.link(cls.health.id)]

    @classmethod
    def _make_event(cls, **vals):
        today = fields.Date.context_today(cls.env.user)
        return cls.Event.create(
            {
                "name": "Yansos Jejama Mesuji",
                "regency_id": cls.regency.id,
                "village_id": cls.village.id,
                "date_start": today,
                "date_end": today,
                **vals,
            }
        )

    @classmethod
    def _start(cls, event):
        event.action_confirm()
        event.action_start()
        return event

    @classmethod
    def _invite(cls, event, clients, category="disability"):
        return cls.Participant.create(
            [
                {"event_id": event.id, "client_id": c.id, "category": category}
                for c in clients
            ]
        )
