# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SocialTrcUrgency(models.Model):
    """An urgency of complaints with its response targets, in working hours
    of the office (counted by ``social.service.time.mixin``)."""

    _name = "social.trc.urgency"
    _description = "Complaint Urgency"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    target_assign_hours = fields.Float(
        string="Target: Assigned (hours)",
        required=True,
        default=2.0,
        help="Working hours from receipt until the officers are assigned.",
    )
    target_visit_hours = fields.Float(
        string="Target: First Field Visit (hours)",
        required=True,
        default=4.0,
        help="Working hours from receipt until the first field visit.",
    )
    target_handle_hours = fields.Float(
        string="Target: Handled (hours)",
        required=True,
        default=15.0,
        help="Working hours from receipt until the complaint is handled.",
    )
    at_risk_percent = fields.Integer(
        string="At Risk From (%)",
        required=True,
        default=75,
        help="A response step is at risk once this share of its target is used.",
    )

    @api.constrains(
        "target_assign_hours",
        "target_visit_hours",
        "target_handle_hours",
        "at_risk_percent",
    )
    def _check_targets(self):
        for urgency in self:
            targets = (
                urgency.target_assign_hours,
                urgency.target_visit_hours,
                urgency.target_handle_hours,
            )
            if min(targets) <= 0:
                raise ValidationError(
                    self.env._("The response targets must be positive.")
                )
            if not 1 <= urgency.at_risk_percent <= 99:
                raise ValidationError(
                    self.env._("The at-risk share is a percentage from 1 to 99.")
                )
