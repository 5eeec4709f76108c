# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialRehabStageActivity(models.Model):
    """One activity of a stage's checklist template (seed 001 lists): copied
    onto a case as a checklist item when the case enters the stage."""

    _name = "social.rehab.stage.activity"
    _description = "Stage Checklist Activity"
    _order = "stage_id, sequence, id"

    stage_id = fields.Many2one(
        "social.rehab.stage", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Activity", required=True)
    active = fields.Boolean(default=True)
