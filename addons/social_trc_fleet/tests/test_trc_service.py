# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import TrcCommon, wib


@tagged("post_install", "-at_install")
class TestTrcService(TrcCommon):
    def _service(self, kind="referral_escort", **vals):
        values = {
            "kind": kind,
            "client_id": self.client.id,
            "date_planned_start": wib(2026, 8, 11, 8, 0),
            "date_planned_end": wib(2026, 8, 11, 12, 0),
            "employee_ids": [(6, 0, self.officer.ids)],
        }
        values.update(vals)
        return self.env["social.trc.service"].with_user(self.trc).create(values)

    def test_five_kinds(self):
        kinds = [
            k for k, _l in self.env["social.trc.service"]._fields["kind"].selection
        ]
        self.assertEqual(len(kinds), 5)
        services = self.env["social.trc.service"].browse()
        for kind in kinds:
            services |= self._service(kind)
        self.assertEqual(len(set(services.mapped("name"))), 5)

    def test_flow_and_refusals(self):
        service = self._service()
        with self.assertRaisesRegex(ValidationError, "no signed assignment letter"):
            service.action_start()
        with self.assertRaisesRegex(UserError, "not in progress"):
            service.action_done()
        self._signed_letter(self.officer, date(2026, 8, 11), date(2026, 8, 11))
        service.action_start()
        self.assertEqual(service.state, "ongoing")
        with self.assertRaisesRegex(UserError, "not planned"):
            service.action_start()
        with self.assertRaisesRegex(UserError, "keeps its kind"):
            service.write({"kind": "home_care"})
        with self.assertRaisesRegex(UserError, "Only a planned service"):
            service.action_cancel()
        with self.assertRaisesRegex(UserError, "outcome"):
            service.action_done()
        service.outcome = "reunified"
        service.action_done()
        self.assertEqual(service.state, "done")
        self.assertTrue(service.outcome_date)
        with self.assertRaisesRegex(UserError, "set by its buttons only"):
            service.write({"state": "planned"})

    def test_cancel(self):
        service = self._service()
        service.action_cancel()
        self.assertEqual(service.state, "cancelled")
        with self.assertRaisesRegex(UserError, "not planned"):
            service.action_start()
