# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import TrcCommon, wib

KANBAN_SPEC = {
    "name": {},
    "ppks_type_id": {"fields": {"display_name": {}}},
    "date_received": {},
    "urgency_id": {"fields": {"display_name": {}}},
    "is_overdue": {},
    "is_at_risk": {},
}


@tagged("post_install", "-at_install")
class TestTrcQueries(TrcCommon):
    """The kanban's live flags and the overlap check do not cost a query per
    record."""

    def _kanban_queries(self):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.env["social.trc.report"].with_user(self.trc).web_read_group(
            [("channel", "=", "other")],
            ["state"],
            aggregates=["__count"],
            auto_unfold=True,
            unfold_read_specification=KANBAN_SPEC,
            unfold_read_default_limit=40,
        )
        return self.env.cr.sql_log_count - before

    def test_kanban_flat(self):
        now = fields.Datetime.now()
        for i in range(3):
            self._report(channel="other", date_received=now - timedelta(days=i))
        self.env.flush_all()
        self._kanban_queries()  # warm-up: rights, calendars, translations
        few = self._kanban_queries()
        for i in range(15):
            self._report(channel="other", date_received=now - timedelta(hours=i))
        self.env.flush_all()
        self.assertEqual(self._kanban_queries(), few)

    def _booking_queries(self, start):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self._trip(start, driver_id=self.driver2.id, vehicle_id=self.vehicle2.id)
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_booking_flat(self):
        base = wib(2026, 9, 1, 8, 0)
        for i in range(3):
            self._trip(base + timedelta(hours=3 * i))
        self._booking_queries(base + timedelta(days=29))  # warm-up
        few = self._booking_queries(base + timedelta(days=30))
        for i in range(3, 30):
            self._trip(base + timedelta(hours=3 * i))
        self.assertEqual(self._booking_queries(base + timedelta(days=31)), few)
