# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import psycopg2.errors

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL, mute_logger

from .common import OutreachCommon, make_nik


@tagged("post_install", "-at_install")
class TestRegistration(OutreachCommon):
    def _desk(self, **vals):
        return (
            self.env["social.outreach.registration"]
            .with_user(self.desk)
            .create({"event_id": self.event.id, "check_in": True, **vals})
        )

    def test_existing_client_found_by_nik(self):
        self._start(self.event)
        wizard = self._desk(
            nik=" ".join([self.clients[0].nik[:6], self.clients[0].nik[6:]])
        )
        participant = wizard._register_participant()
        self.assertEqual(participant.client_id, self.clients[0])
        self.assertEqual(participant.queue_number, 1)
        self.assertEqual(participant.source, "walk_in")
        self.assertEqual(
            self.Client.search_count([("nik", "=", self.clients[0].nik)]), 1
        )

    def test_new_client_with_nik_registered_on_the_spot(self):
        self._start(self.event)
        nik = make_nik(serial=201, day=3, month=4, year=91)
        participant = self._desk(
            nik=nik, name="Siti Aminah", ktp_checked=True, kk_checked=True
        )._register_participant()
        client = participant.client_id
        self.assertEqual(client.nik, nik)
        self.assertEqual(client.name, "Siti Aminah")
        self.assertEqual(client.village_id, self.village)  # the event's village
        self.assertTrue(client.registration_number.startswith("PPKS/"))
        self.assertTrue(participant.documents_checked)
        self.assertEqual(participant.queue_number, 1)

    def test_new_client_without_identity(self):
        self._start(self.event)
        with self.assertRaisesRegex(UserError, "Describe the person"):
            self._desk(name="Mbah Sarinah", no_identity=True)._register_participant()
        participant = self._desk(
            name="Mbah Sarinah",
            no_identity=True,
            no_identity_description="Datang sendiri, tanpa KTP",
            category="other",
        )._register_participant()
        self.assertTrue(participant.client_id.no_identity)
        self.assertFalse(participant.client_id.nik)
        self.assertEqual(participant.category, "other")

    def test_bad_input_refused_and_nothing_saved(self):
        self._start(self.event)
        before = self.Client.search_count([])
        with self.assertRaisesRegex(UserError, "type the name"):
            self._desk(nik=make_nik(serial=301))._register_participant()
        with self.assertRaises(UserError):
            self._desk(nik="12345", name="Salah NIK")._register_participant()
        with self.assertRaisesRegex(UserError, "NIK of the new client"):
            self._desk(name="Tanpa NIK")._register_participant()
        self.assertEqual(self.Client.search_count([]), before)
        self.assertFalse(self.event.participant_ids)

    def test_invited_in_advance_then_check_in(self):
        self.event.action_confirm()
        participants = self._invite(self.event, self.clients)
        self.assertEqual(set(participants.mapped("state")), {"invited"})
        self.assertFalse(any(participants.mapped("queue_number")))
        wizard = self._desk(client_id=self.clients[1].id, check_in=False)
        self.assertEqual(wizard._register_participant(), participants[1])

    def test_same_client_once_per_event(self):
        self._invite(self.event, self.clients[0])
        with self.assertRaisesRegex(UserError, "already a participant"):
            self.Participant.with_user(self.desk).create(
                {"event_id": self.event.id, "client_id": self.clients[0].id}
            )
        with self.assertRaisesRegex(UserError, "listed twice"):
            self.Participant.create(
                [
                    {"event_id": self.event.id, "client_id": self.clients[1].id},
                    {"event_id": self.event.id, "client_id": self.clients[1].id},
                ]
            )
        # the index decides when the Python check cannot see the other row
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.UniqueViolation),
        ):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    SQL(
                        "INSERT INTO social_outreach_participant "
                        "(event_id, client_id, company_id, category, source, state) "
                        "SELECT event_id, client_id, company_id, category, source, "
                        "state FROM social_outreach_participant WHERE event_id = %s",
                        self.event.id,
                    )
                )
        # the same client on another day is welcome
        other = self._make_event()
        self._invite(other, self.clients[0])

    def test_not_on_a_closed_or_cancelled_day(self):
        self._start(self.event)
        self.event.action_done()
        with self.assertRaisesRegex(UserError, "closed or cancelled"):
            self._invite(self.event, self.clients[0])
        cancelled = self._make_event()
        cancelled.action_cancel()
        with self.assertRaisesRegex(UserError, "closed or cancelled"):
            self._invite(cancelled, self.clients[0])

    def test_nik_of_another_office_refused(self):
        office = self.env["res.company"].create({"name": "Dinsos Kota Metro"})
        self.Client.create(
            {"name": "Orang Lain", "nik": make_nik(serial=401), "company_id": office.id}
        )
        self._start(self.event)
        with self.assertRaisesRegex(UserError, "another office"):
            self._desk(
                nik=make_nik(serial=401), name="Orang Lain"
            )._register_participant()

    def test_another_office_event_is_out_of_reach(self):
        office = self.env["res.company"].create({"name": "Dinsos Kabupaten Lain"})
        stranger = new_test_user(
            self.env,
            login="outreach_stranger",
            groups="social_client.group_social_user",
            company_id=office.id,
            company_ids=[Command.set(office.ids)],
        )
        self._start(self.event)
        participant = self._invite(self.event, self.clients[0])
        self.assertFalse(
            self.Event.with_user(stranger).search([("id", "=", self.event.id)])
        )
        with self.assertRaises(UserError):  # AccessError is a UserError
            participant.with_user(stranger).action_check_in()
        self.assertFalse(participant.queue_number)
