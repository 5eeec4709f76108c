# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from psycopg2.errors import CheckViolation

from odoo import fields
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common import OutreachCommon


@tagged("post_install", "-at_install")
class TestCosts(OutreachCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        year = cls.event.date_start.year
        dpa = cls.env["social.dpa"].create(
            {
                "name": f"DPA Outreach {year}",
                "fiscal_year": year,
                "line_ids": [
                    Command.create(
                        {
                            "sub_activity_id": cls.env.ref(
                                "social_dpa.nomenclature_1_06_04_2_01_0001"
                            ).id,
                            "rekening_id": cls.env.ref(
                                "social_dpa.account_5_1_02_01_01_0052"
                            ).id,
                            "amount": 5_000_000,
                        }
                    )
                ],
            }
        )
        # fixture: approved without the sign-off, which social_dpa tests
        cls.env.cr.execute(
            SQL("UPDATE social_dpa SET state = 'approved' WHERE id = %s", dpa.id)
        )
        dpa.invalidate_recordset()
        cls.line = dpa.line_ids
        cls.event.dpa_line_id = cls.line

    def _cost(self, amount, kind="consumption"):
        return (
            self.env["social.outreach.cost"]
            .with_user(self.desk)
            .create(
                {
                    "event_id": self.event.id,
                    "kind": kind,
                    "description": "Nasi kotak peserta",
                    "amount": amount,
                    "date": fields.Date.context_today(self.env.user),
                }
            )
        )

    def test_costs_charged_to_the_dpa_line(self):
        meals = self._cost(1_500_000)
        transport = self._cost(500_000, kind="transport")
        (meals | transport).action_charge()
        self.assertEqual(set((meals | transport).mapped("state")), {"charged"})
        line = meals.sudo().analytic_line_id
        self.assertEqual(line.amount, -1_500_000)
        self.assertEqual(line.social_source_model, "social.outreach.event")
        self.assertEqual(line.social_source_id, self.event.id)
        self.event.invalidate_recordset()
        self.assertEqual(self.event.dpa_cost_amount, 2_000_000)
        self.assertEqual(self.event.dpa_cost_count, 2)
        with self.assertRaisesRegex(UserError, "already charged"):
            meals.action_charge()
        with self.assertRaises(UserError):
            meals.with_user(self.desk).write({"amount": 1})
        with self.assertRaises(UserError):
            meals.with_user(self.desk).unlink()

    def test_ceiling_and_bad_input_refused(self):
        with self.assertRaisesRegex(UserError, "exceeds the remaining ceiling"):
            self._cost(6_000_000).action_charge()
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation):
            with self.env.cr.savepoint():
                self._cost(-5)
        with self.assertRaises(UserError):
            self.env["social.outreach.cost"].with_user(self.desk).create(
                {
                    "event_id": self.event.id,
                    "description": "x",
                    "amount": 1,
                    "state": "charged",
                }
            )
        self.event.dpa_line_id = False
        with self.assertRaisesRegex(UserError, "no DPA line"):
            self._cost(100).action_charge()
