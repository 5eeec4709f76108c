# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialRecommendationSopStep(models.Model):
    """A step of the recommendation SOP with its standard duration (mutu baku)."""

    _name = "social.recommendation.sop.step"
    _description = "Recommendation SOP Step"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical key used by the workflow to start and end this step.",
    )
    sequence = fields.Integer(default=10)
    standard_minutes = fields.Integer(
        string="Standard (minutes)",
        help="Standard duration of the step in the SOP, in working minutes: the "
        "office hours without weekends, national holidays and cuti bersama. 0 "
        "means no standard: the step is timed but never flagged as an overrun.",
    )
    actor = fields.Char(help="Who carries out the step according to the SOP.")
    output = fields.Char(help="What the step produces according to the SOP.")
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint(
        "UNIQUE(code)", "Another SOP step already uses this code."
    )
    _standard_positive = models.Constraint(
        "CHECK(standard_minutes >= 0)", "A standard duration cannot be negative."
    )
