# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import io

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OutreachCommon


@tagged("post_install", "-at_install")
class TestReports(OutreachCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.disability = cls.env.ref(
            "social_client.social_disability_type_sensorik_netra"
        )
        cls.clients[0].disability_type_ids = cls.disability
        cls._start(cls.event)
        cls.participants = cls._invite(cls.event, cls.clients)
        cls.participants[2].category = "family"
        cls.participants[:2].action_check_in()
        desk = cls.st_assess.with_user(cls.assessor)
        visit = cls.Visit.browse(desk.action_call_next()["res_id"]).with_user(
            cls.assessor
        )
        visit.action_start()
        visit._transfer(cls.st_health)
        there = cls.Visit.search(
            [("station_id", "=", cls.st_health.id), ("state", "=", "waiting")]
        )
        there.with_user(cls.health).write({"diagnosis": "Katarak"})
        cls.env["social.outreach.followup"].create(
            {"participant_id": cls.participants[0].id, "kind": "assistive_device"}
        )

    def test_recap_pdf_with_verification(self):
        with self.assertRaisesRegex(UserError, "once the day is closed"):
            self.event.with_user(self.desk).action_print_recap()
        self.st_health.with_user(self.health).action_call_next()
        visit = self.Visit.search(
            [("station_id", "=", self.st_health.id), ("state", "=", "called")]
        ).with_user(self.health)
        visit.action_start()
        visit.action_done()
        self.event.action_done()
        action = self.event.with_user(self.desk).action_print_recap()
        self.assertIn("/web/content/", action["url"])
        self.assertTrue(self.event.verification_code)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("social_outreach.report_event_recap", self.event.ids)[0]
            .decode()
        )
        self.assertIn(self.event.number, html)
        self.assertIn(self.event.verification_code, html)
        self.assertIn("Sensorik Netra", html)  # participants by disability type
        self.assertIn("Wiralaga I", html)  # by village
        self.assertIn("o_recap_checked_in", html)
        self.assertIn("Referral: assistive device", html)
        self.assertIn(self.st_health.name, html)
        # printing again gives the same stored file
        again = self.event.with_user(self.desk).action_print_recap()
        self.assertEqual(again["url"], action["url"])

    def _xlsx(self, user):
        report = self.env["report.social_outreach.participant_xlsx"].with_user(user)
        content = report._table_content(self.participants.with_user(user), {})
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return [[cell.value for cell in row] for row in sheet.iter_rows()]

    def test_participant_xlsx_health_columns_for_the_health_role(self):
        rows = self._xlsx(self.desk)
        header = rows[0]
        self.assertIn("Queue Number", header)
        self.assertNotIn("Disability Types", header)
        self.assertNotIn("Health Notes", header)
        data = {row[header.index("Name")]: row for row in rows[1:]}
        self.assertEqual(data["Sumarni Wati"][header.index("Queue Number")], 1)
        self.assertIsNone(data["Rahmat Hidayat"][header.index("Queue Number")])
        rows = self._xlsx(self.health)
        header = rows[0]
        data = {row[header.index("Name")]: row for row in rows[1:]}
        self.assertEqual(
            data["Sumarni Wati"][header.index("Disability Types")], self.disability.name
        )
        self.assertIn("Katarak", data["Sumarni Wati"][header.index("Health Notes")])
        self.assertEqual(data["Sumarni Wati"][header.index("Follow-ups")], 1)

    def test_queue_ticket(self):
        participant = self.participants[1].with_user(self.desk)
        self.assertEqual(participant.queue_station_id, self.st_assess)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.desk)
            ._render_qweb_html(
                "social_outreach.social_outreach_participant_ticket_report",
                participant.ids,
            )[0]
            .decode()
        )
        self.assertIn(">2<", html.replace("\n", "").replace(" ", ""))
        self.assertIn("Joko", html)
        self.assertNotIn("Susilo", html)
        self.assertIn(self.st_assess.name, html)

    def test_analysis_counts(self):
        Analysis = self.env["social.outreach.analysis"]
        groups = Analysis._read_group(
            [("event_id", "=", self.event.id)], ["category"], ["participant_count:sum"]
        )
        self.assertEqual(dict(groups), {"disability": 2, "family": 1})
        by_type = Analysis.with_user(self.health)._read_group(
            [("event_id", "=", self.event.id)],
            ["disability_type_id"],
            ["participant_count:sum"],
        )
        self.assertIn((self.disability, 1), by_type)
        stations = self.st_assess | self.st_health
        self.assertEqual(self.st_health.waiting_count, 1)
        self.assertEqual(self.st_assess.done_count, 1)
        self.assertTrue(stations)
