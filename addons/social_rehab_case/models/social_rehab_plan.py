# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.models.social_tier_validation import social_workflow

PLAN_STATES = [
    ("draft", "Draft"),
    ("to_approve", "Waiting for Approval"),
    ("approved", "Approved"),
    ("superseded", "Superseded"),
]


class SocialRehabPlan(models.Model):
    """One version of the intervention plan of a case (seed 001, C), approved
    by a Kasi through tier validation. A revision is a new version that needs
    approval again; the earlier versions stay readable."""

    _name = "social.rehab.plan"
    _inherit = ["mail.thread", "social.tier.validation"]
    _description = "Rehabilitation Intervention Plan"
    _order = "case_id, version desc"
    _check_company_auto = True

    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "draft"
    _social_workflow_fields = frozenset(
        {"state", "version", "approved_date", "previous_id"}
    )

    name = fields.Char(compute="_compute_name", store=True)
    case_id = fields.Many2one(
        "social.rehab.case",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    version = fields.Integer(default=1, readonly=True)
    previous_id = fields.Many2one("social.rehab.plan", string="Revises", readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Prepared by", default=lambda s: s.env.user, readonly=True
    )
    state = fields.Selection(
        PLAN_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    note = fields.Text(string="Summary")
    revision_reason = fields.Text()
    line_ids = fields.One2many("social.rehab.plan.line", "plan_id", string="Goals")
    approved_date = fields.Datetime(readonly=True)
    can_edit = fields.Boolean(compute="_compute_can_edit")

    _version_uniq = models.UniqueIndex("(case_id, version)")

    @api.depends("case_id.name", "version")
    def _compute_name(self):
        for plan in self:
            plan.name = f"{plan.case_id.name or ''} / v{plan.version}"

    def _compute_can_edit(self):
        for plan in self:
            plan.can_edit = plan.state == "draft"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("case_id") and not vals.get("previous_id"):
                self._check_no_open_version(vals["case_id"])
        return super().create(vals_list)

    def write(self, vals):
        if "case_id" in vals and any(p.case_id.id != vals["case_id"] for p in self):
            raise UserError(self.env._("A plan stays with its case."))
        return super().write(vals)

    def _check_no_open_version(self, case_id):
        if self.sudo().search_count([("case_id", "=", case_id)], limit=1):
            raise UserError(
                self.env._("This case has a plan already: revise its latest version.")
            )

    def _tier_excluded_users(self):
        # who prepared the plan and the case's worker sign no tier of it
        return super()._tier_excluded_users() | self.case_id.user_id

    def action_request_approval(self):
        for plan in self:
            if plan.state != "draft":
                raise UserError(
                    self.env._("Only a draft plan can be sent for approval.")
                )
            if not plan.line_ids:
                raise UserError(
                    self.env._("A plan needs at least one goal before approval.")
                )
        self._social_workflow_write({"state": "to_approve"})
        self.request_validation()
        # need_validation is cached unstored: it is False from now on
        self.invalidate_recordset(["need_validation"])

    def action_revise(self):
        """Open a new version of an approved plan, a copy of its goals."""
        self.ensure_one()
        if self.state != "approved":
            raise UserError(self.env._("Only the approved plan can be revised."))
        if self.sudo().search_count(
            [("case_id", "=", self.case_id.id), ("version", ">", self.version)],
            limit=1,
        ):
            raise UserError(self.env._("A newer version of this plan exists already."))
        with social_workflow():
            new = self.create(
                {
                    "case_id": self.case_id.id,
                    "version": self.version + 1,
                    "previous_id": self.id,
                    "note": self.note,
                    "line_ids": [
                        fields.Command.create(line._copy_vals())
                        for line in self.line_ids
                    ],
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        if self.validation_status == "validated":
            self._social_workflow_write(
                {"state": "approved", "approved_date": fields.Datetime.now()}
            )
            self.previous_id.filtered(
                lambda p: p.state == "approved"
            )._social_workflow_write({"state": "superseded"})
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        if self.validation_status == "rejected":
            rejected = self.review_ids.filtered(lambda r: r.status == "rejected")[:1]
            comment = rejected.comment or self.env._("no comment")
            # back to draft: the reviews are archived as the plan's history
            self._social_workflow_write({"state": "draft"})
            self.message_post(
                body=self.env._(
                    "Plan returned by %(user)s: %(comment)s",
                    user=self.env.user.name,
                    comment=comment,
                )
            )
        return res
