# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class SocialRecommendationStep(models.Model):
    """Timing of one SOP step of one recommendation: real start and end
    against the standard duration of the SOP (snapshot taken at the start, so
    that a later change of the standard does not rewrite history), in the
    office's working time (``social.service.time.mixin``).

    A log is evidence of the office's compliance with its SOP: the workflow
    writes it (as superuser, see ``_sop_start`` and ``_sop_end``) and nobody
    changes or deletes it afterwards, the administrator included."""

    _name = "social.recommendation.step"
    _inherit = "social.service.time.mixin"
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
    date_start = fields.Datetime(required=True)
    outcome = fields.Selection(
        [("done", "Done"), ("returned", "Returned"), ("cancelled", "Cancelled")]
    )

    def _check_sop_log_writer(self):
        # the workflow writes the logs through sudo(); a user, whatever the
        # access rights another module grants, never does
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "SOP timing logs are evidence: they are written by the "
                    "workflow only and cannot be changed or deleted."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_sop_log_writer()
        return super().create(vals_list)

    def write(self, vals):
        self._check_sop_log_writer()
        return super().write(vals)

    def unlink(self):
        self._check_sop_log_writer()
        return super().unlink()
