# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import OutreachCommon


@tagged("post_install", "-at_install")
class TestStationDesk(OutreachCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._start(cls.event)
        cls.participants = cls._invite(cls.event, cls.clients)
        cls.participants.action_check_in()

    def _visit(self, participant, station):
        return self.Visit.search(
            [("participant_id", "=", participant.id), ("station_id", "=", station.id)],
            order="id desc",
            limit=1,
        )

    def test_call_next_in_queue_order_then_serve(self):
        desk = self.st_assess.with_user(self.assessor)
        self.assertEqual(desk.waiting_count, 3)
        action = desk.action_call_next()
        first = self.Visit.browse(action["res_id"])
        self.assertEqual(first.queue_number, 1)
        self.assertEqual(first.state, "called")
        self.assertEqual(first.user_id, self.assessor)
        self.assertTrue(first.date_called)
        self.assertEqual(first.call_count, 1)
        visit = first.with_user(self.assessor)
        visit.action_start()
        self.assertEqual(visit.state, "serving")
        with patch.object(
            fields.Datetime,
            "now",
            return_value=visit.date_start + timedelta(minutes=12),
        ):
            visit.action_done()
        self.assertEqual(visit.state, "done")
        self.assertAlmostEqual(visit.duration_minutes, 12.0, places=1)
        second = self.Visit.browse(desk.action_call_next()["res_id"])
        self.assertEqual(second.queue_number, 2)
        desk.invalidate_recordset()
        self.assertEqual(desk.done_count, 1)
        self.assertGreater(desk.throughput_per_hour, 0)

    def test_no_show_then_recall(self):
        desk = self.st_assess.with_user(self.assessor)
        visit = self.Visit.browse(desk.action_call_next()["res_id"]).with_user(
            self.assessor
        )
        visit.action_no_show()
        self.assertEqual(visit.state, "no_show")
        # the next one is called, not the no-show
        nxt = self.Visit.browse(desk.action_call_next()["res_id"])
        self.assertEqual(nxt.queue_number, 2)
        visit.action_recall()
        self.assertEqual(visit.state, "called")
        self.assertEqual(visit.call_count, 2)
        with self.assertRaises(UserError):
            visit.action_recall()
        with self.assertRaises(UserError):
            visit.action_done()  # not started

    def test_transfer_to_another_station(self):
        desk = self.st_assess.with_user(self.assessor)
        visit = self.Visit.browse(desk.action_call_next()["res_id"]).with_user(
            self.assessor
        )
        visit.action_start()
        wizard = (
            self.env["social.outreach.transfer"]
            .with_user(self.assessor)
            .create({"visit_id": visit.id, "station_id": self.st_health.id})
        )
        wizard.action_confirm()
        self.assertEqual(visit.state, "transferred")
        self.assertTrue(visit.date_end)
        there = self._visit(visit.participant_id, self.st_health)
        self.assertEqual(there.state, "waiting")
        self.assertEqual(there.from_visit_id, visit.sudo())
        self.assertEqual(there.queue_number, 1)
        # the assessor does not see the health station's queue
        self.assertFalse(
            self.Visit.with_user(self.assessor).search([("id", "=", there.id)])
        )
        health_visit = self.Visit.browse(
            self.st_health.with_user(self.health).action_call_next()["res_id"]
        )
        self.assertEqual(health_visit, there)
        # sending on twice to the same queue, or to the same station, is refused
        with self.assertRaises(UserError):
            visit._transfer(self.st_health)
        with self.assertRaises(UserError):
            health_visit.with_user(self.health)._transfer(self.st_health)

    def test_participant_served_when_no_visit_is_left(self):
        desk = self.st_assess.with_user(self.assessor)
        visit = self.Visit.browse(desk.action_call_next()["res_id"]).with_user(
            self.assessor
        )
        visit.action_start()
        visit.action_done()
        self.assertEqual(visit.participant_id.state, "done")

    def test_desk_only_for_its_officers_and_supervisors(self):
        with self.assertRaises(AccessError):
            self.st_health.with_user(self.assessor).action_call_next()
        with self.assertRaises(AccessError):
            self.st_assess.with_user(self.desk).action_call_next()
        # the Kasi runs any desk
        visit = self.Visit.browse(
            self.st_assess.with_user(self.kasi).action_call_next()["res_id"]
        )
        self.assertEqual(visit.user_id, self.kasi)
        with self.assertRaises(AccessError):
            visit.with_user(self.health).action_start()

    def test_queue_moves_only_by_the_buttons(self):
        visit = self._visit(self.participants[0], self.st_assess).with_user(
            self.assessor
        )
        for vals in (
            {"state": "done"},
            {"date_called": "2023-01-01 08:00:00"},
            {"user_id": self.kasi.id},
            {"station_id": self.st_health.id},
            {"waiting_minutes": 0},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                visit.write(vals)
        with self.assertRaises(UserError):
            visit.with_user(self.kasi).write({"state": "done"})
        # notes: the station's officers
        visit.write({"note": "Perlu kursi roda", "bpjs_status": "inactive"})
        self.assertEqual(visit.note, "Perlu kursi roda")

    def test_desk_refused_when_the_day_is_not_running(self):
        self.event.action_done()
        with self.assertRaisesRegex(UserError, "not in progress"):
            self.st_assess.with_user(self.assessor).action_call_next()
        self.assertEqual(
            set(self.Visit.search([("event_id", "=", self.event.id)]).mapped("state")),
            {"cancel"},
        )

    def test_close_refused_while_someone_is_served(self):
        self.st_assess.with_user(self.assessor).action_call_next()
        with self.assertRaisesRegex(UserError, "still being served"):
            self.event.action_done()

    def test_visibility_per_role(self):
        all_visits = self.Visit.search([("event_id", "=", self.event.id)])
        self.assertEqual(len(all_visits), 3)
        seen = {
            role: self.Visit.with_user(self.users[role]).search(
                [("event_id", "=", self.event.id)]
            )
            for role in ("desk", "assessor", "health", "kasi", "kabid", "manager")
        }
        self.assertFalse(seen["desk"])
        self.assertEqual(seen["assessor"], all_visits)  # all wait at assessment
        self.assertFalse(seen["health"])
        for role in ("kasi", "kabid", "manager"):
            self.assertEqual(seen[role], all_visits)

    def test_health_notes_for_the_health_role_only(self):
        visit = self.Visit.browse(
            self.st_assess.with_user(self.assessor).action_call_next()["res_id"]
        )
        visit.with_user(self.assessor)._transfer(self.st_health)
        there = self._visit(visit.participant_id, self.st_health)
        there.with_user(self.health).write(
            {"anamnesis": "Sesak napas", "diagnosis": "Asma", "health_note": "Kontrol"}
        )
        self.assertEqual(there.with_user(self.health).diagnosis, "Asma")
        for role in ("kasi", "kabid", "desk"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                there.with_user(self.users[role]).read(["diagnosis"])
        with self.assertRaises(AccessError):
            there.with_user(self.kasi).write({"diagnosis": "Lain"})
        fields_kasi = self.Visit.with_user(self.kasi).fields_get()
        self.assertNotIn("anamnesis", fields_kasi)
        self.assertNotIn("psych_screening", fields_kasi)
        self.assertIn("anamnesis", self.Visit.with_user(self.health).fields_get())
        # exports read the fields as the user: refused without the role
        with self.assertRaises(AccessError):
            there.with_user(self.kasi).export_data(["diagnosis"])
        self.assertEqual(
            there.with_user(self.health).export_data(["diagnosis"])["datas"],
            [["Asma"]],
        )

    def test_officers_named_by_the_coordinator_or_supervisors(self):
        with self.assertRaises(AccessError):
            self.st_health.with_user(self.assessor).write(
                {"user_ids": [Command.link(self.assessor.id)]}
            )
        self.assertNotIn(self.assessor, self.st_health.user_ids)
        with self.assertRaises(AccessError):
            self.env["social.outreach.station"].with_user(self.desk).create(
                {
                    "event_id": self.event.id,
                    "name": "Pos Tambahan",
                    "user_ids": [Command.link(self.desk.id)],
                }
            )
        self.event.user_id = self.desk
        self.st_health.with_user(self.desk).write(
            {"user_ids": [Command.link(self.assessor.id)]}
        )
        self.st_health.with_user(self.kasi).write(
            {"user_ids": [Command.unlink(self.assessor.id)]}
        )
        self.assertNotIn(self.assessor, self.st_health.user_ids)

    def test_every_desk_button_refused_out_of_place(self):
        visit = self._visit(self.participants[0], self.st_assess).with_user(
            self.assessor
        )
        refused = {
            "waiting": (
                "action_start",
                "action_done",
                "action_no_show",
                "action_recall",
                "action_transfer",
            ),
            "called": ("action_done", "action_recall"),
            "serving": ("action_start", "action_no_show", "action_recall"),
            "done": ("action_start", "action_done", "action_no_show", "action_recall"),
        }
        steps = {"called": "action_start", "serving": "action_done"}
        for state, methods in refused.items():
            if state == "called":
                self.st_assess.with_user(self.assessor).action_call_next()
            self.assertEqual(visit.state, state)
            for method in methods:
                with self.subTest(state=state, method=method):
                    with self.assertRaises(UserError):
                        getattr(visit, method)()
                    self.assertEqual(visit.state, state)
            if state in steps:
                getattr(visit, steps[state])()
        # a closed day shows no desk button and refuses them all
        self.event.action_done()
        visit.invalidate_recordset()
        self.assertFalse(visit.can_transfer)
        with self.assertRaisesRegex(UserError, "not in progress"):
            visit._transfer(self.st_health)
