# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class SocialRecommendationStep(models.Model):
    """Timing of one SOP step of one recommendation: real start and end
    against the standard duration of the SOP (snapshot taken at the start, so
    that a later change of the standard does not rewrite history)."""

    _name = "social.recommendation.step"
    _description = "Recommendation SOP Step Log"
    _order = "date_start, id"
    _rec_name = "sop_step_id"

    recommendation_id = fields.Many2one(
        "social.recommendation",
        string="Recommendation",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="recommendation_id.company_id", store=True, index=True
    )
    sop_step_id = fields.Many2one(
        "social.recommendation.sop.step",
        string="SOP Step",
        required=True,
        ondelete="restrict",
        index=True,
    )
    sequence = fields.Integer(related="sop_step_id.sequence", store=True)
    user_id = fields.Many2one(
        "res.users", string="Done by", index=True, help="Who completed the step."
    )
    date_start = fields.Datetime(string="Started", required=True)
    date_end = fields.Datetime(string="Ended", index=True)
    outcome = fields.Selection(
        [("done", "Done"), ("returned", "Returned"), ("cancelled", "Cancelled")]
    )
    standard_minutes = fields.Integer(string="Standard (minutes)", aggregator="avg")
    duration_minutes = fields.Float(
        string="Duration (minutes)",
        compute="_compute_timing",
        store=True,
        aggregator="avg",
        digits=(16, 1),
    )
    is_overrun = fields.Boolean(
        string="Overrun", compute="_compute_timing", store=True, index=True
    )
    within_standard_rate = fields.Float(
        string="Share Within Standard (%)",
        compute="_compute_timing",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        help="100 when the step ended within its standard, 0 otherwise; its "
        "average over a group is the share of steps within the standard. Empty "
        "for open steps and steps without a standard.",
    )

    @api.depends("date_start", "date_end", "standard_minutes")
    def _compute_timing(self):
        for step in self:
            if not step.date_end:
                step.duration_minutes = 0.0
                step.is_overrun = False
                step.within_standard_rate = False
                continue
            duration = (step.date_end - step.date_start).total_seconds() / 60.0
            step.duration_minutes = duration
            timed = step.standard_minutes > 0
            step.is_overrun = timed and duration > step.standard_minutes
            if timed:
                step.within_standard_rate = 0.0 if step.is_overrun else 100.0
            else:
                step.within_standard_rate = False
