# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

STAGE_KINDS = [
    ("engagement", "Engagement"),
    ("assessment", "Assessment"),
    ("planning", "Planning"),
    ("intervention", "Intervention"),
    ("evaluation", "Evaluation"),
    ("termination", "Termination / Referral"),
    ("aftercare", "Aftercare"),
    ("done", "Closed"),
]

# what a case must have to enter a stage (checked in social.rehab.case.write)
REQUIREMENTS = [
    ("none", "Nothing (the case itself)"),
    ("assessment", "A completed assessment"),
    ("plan", "An approved intervention plan"),
    ("session", "At least one intervention session"),
    ("evaluation", "A completed evaluation"),
    ("termination", "A termination reason"),
    ("closure", "A termination reason and an approved closure"),
]


class SocialRehabStage(models.Model):
    """A stage of the social rehabilitation process (seed 001): the columns
    of the case board."""

    _name = "social.rehab.stage"
    _description = "Rehabilitation Case Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(
        string="Folded in Kanban", help="Folded in the kanban view of the cases."
    )
    kind = fields.Selection(STAGE_KINDS, required=True, default="intervention")
    requirement = fields.Selection(
        REQUIREMENTS,
        string="Entry Requirement",
        required=True,
        default="none",
        help="What a case must have before it enters this stage; checked on the "
        "server whichever way the stage changes.",
    )
    optional = fields.Boolean(
        help="A case moving forward may pass over this stage (aftercare, when the "
        "client needs none)."
    )
    target_days = fields.Float(
        string="Target (working days)",
        help="Working days a case should stay in this stage; a case staying longer "
        "is marked overdue. 0: no target.",
    )
    description = fields.Text(translate=True)
    activity_ids = fields.One2many(
        "social.rehab.stage.activity", "stage_id", string="Checklist Activities"
    )
    active = fields.Boolean(default=True)
