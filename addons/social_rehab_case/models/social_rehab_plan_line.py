# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
)

GUIDANCE_TYPES = [
    ("fisik", "Physical guidance (bimbingan fisik)"),
    ("keterampilan", "Vocational guidance (bimbingan keterampilan)"),
    ("psikososial", "Psychosocial guidance (bimbingan psikososial)"),
    ("sosial", "Social guidance (bimbingan sosial)"),
    ("resosialisasi", "Resocialisation (resosialisasi)"),
    ("pengembangan_masyarakat", "Community development (pengembangan masyarakat)"),
    ("advokasi", "Advocacy (advokasi)"),
]
PSYCHOSOCIAL_KINDS = [
    ("spiritual", "Mental spiritual"),
    ("intelektual", "Mental intellectual"),
    ("psikologi", "Mental psychological"),
    ("estetika", "Mental aesthetic"),
]


class SocialRehabPlanLine(models.Model):
    """A goal of a plan version with its activity, guidance type, schedule
    and responsible person; editable while the version is a draft."""

    _name = "social.rehab.plan.line"
    _description = "Intervention Plan Goal"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "social.rehab.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    guidance_type = fields.Selection(GUIDANCE_TYPES, required=True)
    psychosocial_kind = fields.Selection(PSYCHOSOCIAL_KINDS)
    goal = fields.Char(required=True)
    activity = fields.Text()
    date_start = fields.Date(string="From")
    date_end = fields.Date(string="To")
    responsible_id = fields.Many2one("res.users", string="Responsible")

    @api.constrains("guidance_type", "psychosocial_kind")
    def _check_psychosocial_kind(self):
        for line in self:
            if (line.guidance_type == "psikososial") != bool(line.psychosocial_kind):
                raise ValidationError(
                    self.env._(
                        "A psychosocial goal names its kind (spiritual, intellectual, "
                        "psychological or aesthetic); other goals have none."
                    )
                )

    def _copy_vals(self):
        self.ensure_one()
        return {
            name: self[name].id if self._fields[name].type == "many2one" else self[name]
            for name in (
                "sequence",
                "guidance_type",
                "psychosocial_kind",
                "goal",
                "activity",
                "date_start",
                "date_end",
                "responsible_id",
            )
        }

    def _check_plan_draft(self, plans):
        if not in_social_workflow(self.env) and plans.filtered(
            lambda p: p.state != "draft"
        ):
            raise UserError(
                self.env._(
                    "The goals of a plan sent for approval or approved stay as they "
                    "are: revise the plan to change them."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["social.rehab.plan"].browse(
            [v["plan_id"] for v in vals_list if v.get("plan_id")]
        )
        self._check_plan_draft(plans)
        return super().create(vals_list)

    def write(self, vals):
        self._check_plan_draft(self.plan_id)
        return super().write(vals)

    def unlink(self):
        self._check_plan_draft(self.plan_id)
        return super().unlink()
