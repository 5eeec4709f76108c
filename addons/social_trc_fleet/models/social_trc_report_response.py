# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
)


class SocialTrcReportResponse(models.Model):
    """One response step of a complaint (received -> assigned, -> first field
    visit, -> handled), timed in the office's working time by the suite's
    service-time mixin. Written by the complaint's buttons only."""

    _name = "social.trc.report.response"
    _inherit = ["social.service.time.mixin"]
    _description = "Complaint Response Time"
    _order = "report_id, id"

    report_id = fields.Many2one(
        "social.trc.report", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="report_id.company_id", store=True, index=True, precompute=True
    )
    step = fields.Selection(
        [
            ("assign", "Received to assigned"),
            ("visit", "Received to first field visit"),
            ("handle", "Received to handled"),
        ],
        required=True,
    )
    urgency_id = fields.Many2one(related="report_id.urgency_id", store=True)
    channel = fields.Selection(related="report_id.channel", store=True)
    date_at_risk = fields.Datetime(
        string="At Risk From",
        compute="_compute_service_time",
        store=True,
        index=True,
        help="When the at-risk share of the target's working time is used.",
    )

    _step_unique = models.UniqueIndex("(report_id, step)")

    @api.model_create_multi
    def create(self, vals_list):
        if not in_social_workflow(self.env):
            raise UserError(
                self.env._("Response times are recorded by the complaint itself.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not in_social_workflow(self.env):
            raise UserError(
                self.env._("Response times are recorded by the complaint itself.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not in_social_workflow(self.env):
            raise UserError(
                self.env._("Response times are evidence: they are never deleted.")
            )

    def _service_time_values(self):
        result = super()._service_time_values()
        for calendar, recs in self._service_time_by_calendar().items():
            recs = recs.filtered(lambda r: r.date_start and r.standard_minutes > 0)
            if not recs:
                continue
            lo = min(recs.mapped("date_start"))
            per_day = self._service_time_minutes_per_day(calendar)
            days = max(recs.mapped("standard_minutes")) / per_day
            horizon = max(recs.mapped("date_start")) + timedelta(
                days=int(days * 1.5) + 14
            )
            clock = self._service_time_clock(calendar, lo, horizon)
            for rec in recs:
                share = (rec.report_id.urgency_id.at_risk_percent or 75) / 100.0
                result[rec.id]["date_at_risk"] = self._service_time_plan(
                    calendar, clock, rec.date_start, rec.standard_minutes * share
                )
        for vals in result.values():
            vals.setdefault("date_at_risk", False)
        return result
