# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SocialRehabCaseChecklist(models.Model):
    """A checklist item of a case: one activity of the stage's template,
    ticked by a person whose name and time the server records."""

    _name = "social.rehab.case.checklist"
    _description = "Rehabilitation Case Checklist Item"
    _order = "case_id, stage_sequence, sequence, id"

    case_id = fields.Many2one(
        "social.rehab.case", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="case_id.company_id", store=True)
    stage_id = fields.Many2one("social.rehab.stage", required=True, index=True)
    stage_sequence = fields.Integer(
        string="Stage Sequence", related="stage_id.sequence", store=True
    )
    activity_id = fields.Many2one(
        "social.rehab.stage.activity", string="Checklist Template", readonly=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Activity", required=True)
    done = fields.Boolean()
    done_by_id = fields.Many2one("res.users", string="Ticked by", readonly=True)
    done_date = fields.Datetime(string="Ticked on", readonly=True)

    _activity_uniq = models.UniqueIndex(
        "(case_id, activity_id) WHERE activity_id IS NOT NULL"
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.pop("done_by_id", None)
            vals.pop("done_date", None)
            if vals.get("done"):
                vals.update(done_by_id=self.env.uid, done_date=fields.Datetime.now())
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and {"done_by_id", "done_date"} & set(vals):
            raise UserError(
                self.env._("Who ticked a checklist item is recorded by the server.")
            )
        if "done" in vals:
            vals = dict(vals)
            if vals["done"]:
                vals.update(done_by_id=self.env.uid, done_date=fields.Datetime.now())
            else:
                vals.update(done_by_id=False, done_date=False)
        return super().write(vals)
