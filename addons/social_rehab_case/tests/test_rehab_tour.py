# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import RehabCaseCommon


@tagged("post_install", "-at_install")
class TestRehabTour(HttpCase, RehabCaseCommon):
    """The case board as a social worker drags on it."""

    def test_drag_past_a_gate_is_refused(self):
        case = self._to_stage(self._case(), self.st_assessment)
        # the refusal is the point: its UserError is logged by odoo.http
        with mute_logger("odoo.http"):
            self.start_tour(
                "/odoo", "social_rehab_case_board_gate_tour", login=self.peksos.login
            )
        case.invalidate_recordset()
        self.assertEqual(case.stage_id, self.st_assessment)
        self.assertFalse(
            self.env["social.rehab.case.stage.log"].search(
                [("case_id", "=", case.id), ("stage_id", "=", self.st_planning.id)]
            )
        )
