# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DpaCommon


@tagged("post_install", "-at_install")
class TestDpaCharge(DpaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve(cls.dpa)
        cls.client = (
            cls.env["social.client"]
            .with_user(cls.worker)
            .create(
                {
                    "name": "Harisma",
                    "no_identity": True,
                    "no_identity_description": "Found at the hospital",
                }
            )
        )

    def _analytic_count(self):
        return self.env["account.analytic.line"].search_count([])

    def test_charge_creates_analytic_line(self):
        aal = self.line_meals.with_user(self.worker).charge(
            "2026-02-14", 250_000, "Permakanan pendamping pasien", source=self.client
        )
        aal = aal.sudo()
        column = self.line_meals._dpa_column()
        self.assertEqual(aal.amount, -250_000)
        self.assertEqual(aal[column], self.line_meals.analytic_account_id)
        self.assertEqual(aal.date.isoformat(), "2026-02-14")
        self.assertEqual(aal.name, "Permakanan pendamping pasien")
        self.assertEqual(aal.social_source_model, "social.client")
        self.assertEqual(aal.social_source_id, self.client.id)
        self.assertEqual(aal.social_dpa_line_id, self.line_meals)
        self.assertEqual(aal.social_source_name, self.client.display_name)
        self.assertEqual(aal.company_id, self.company)
        self.assertEqual(
            self.line_meals.analytic_account_id.plan_id,
            self.env.ref("social_dpa.account_analytic_plan_dpa"),
        )
        self.assertEqual(self.line_meals.amount_realized, 250_000)

    def test_charge_past_ceiling_refused(self):
        self.line_fuel.with_user(self.finance).charge("2026-01-10", 1_500_000, "BBM")
        before = self._analytic_count()
        with self.assertRaises(UserError) as caught:
            self.line_fuel.with_user(self.finance).charge("2026-01-11", 600_000, "BBM")
        message = str(caught.exception)
        self.assertIn("5.1.02.01.01.0004", message)
        self.assertIn("2,000,000", message)  # the ceiling
        self.assertIn("500,000", message)  # what remains
        self.assertEqual(self._analytic_count(), before)
        # exactly what remains is accepted
        self.line_fuel.with_user(self.finance).charge("2026-01-11", 500_000, "BBM")
        self.assertEqual(self.line_fuel.amount_remaining, 0)

    def test_charge_past_ceiling_warns(self):
        self.dpa.with_user(self.finance).ceiling_policy = "warn"
        self.line_fuel.with_user(self.finance).charge("2026-01-10", 2_500_000, "BBM")
        self.assertEqual(self.line_fuel.amount_remaining, -500_000)
        self.assertIn("exceeds the remaining ceiling", self.dpa.message_ids[0].body)

    def test_charge_refusals(self):
        before = self._analytic_count()
        line = self.line_meals.with_user(self.finance)
        with self.assertRaisesRegex(UserError, "positive amount"):
            line.charge("2026-01-10", 0, "Nothing")
        with self.assertRaisesRegex(UserError, "fiscal year 2026"):
            line.charge("2025-12-31", 1000, "Last year")
        with self.assertRaisesRegex(UserError, "needs a label"):
            line.charge("2026-01-10", 1000, "")
        draft = self._create_dpa(2027)
        with self.assertRaisesRegex(UserError, "not on an approved DPA"):
            draft.line_ids[0].with_user(self.finance).charge("2027-01-10", 10, "X")
        self.assertEqual(self._analytic_count(), before)

    def test_charge_through_source_only(self):
        """A social worker charges only through a record they may write."""
        worker_line = self.line_meals.with_user(self.worker)
        with self.assertRaises(AccessError):
            worker_line.charge("2026-01-10", 1000, "No source")
        other = self.env["res.company"].create({"name": "Dinsos Lain"})
        foreign = self.env["social.client"].create(
            {
                "name": "Orang Lain",
                "no_identity": True,
                "no_identity_description": "Elsewhere",
                "company_id": other.id,
            }
        )
        with self.assertRaises(AccessError):
            worker_line.charge("2026-01-10", 1000, "Foreign", source=foreign)
        self.assertEqual(self.line_meals.amount_realized, 0)
