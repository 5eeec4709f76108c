# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        res = super()._get_tier_validation_model_names()
        res.append("social.recommendation")
        return res

    recommendation_signoff = fields.Selection(
        [("paraf", "Initials (paraf)"), ("signature", "Signature")],
        string="Letter Sign-off",
        help="How this tier appears on a recommendation letter: the initials of an "
        "intermediate official or the signature of the head of office.",
    )
    recommendation_sop_step_id = fields.Many2one(
        "social.recommendation.sop.step",
        string="SOP Step",
        help="SOP step timed from the moment this tier becomes pending until it is "
        "approved.",
    )
