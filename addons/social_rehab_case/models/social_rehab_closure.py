# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models
from odoo.exceptions import UserError

CLOSURE_STATES = [
    ("draft", "Draft"),
    ("to_approve", "Waiting for Approval"),
    ("approved", "Approved"),
    ("reopened", "Reopened"),
]


class SocialRehabClosure(models.Model):
    """The closure of a case, approved by a Kasi through tier validation.
    Approval moves the case to the closed stage; a reopened case needs a
    new closure."""

    _name = "social.rehab.closure"
    _inherit = ["mail.thread", "social.tier.validation"]
    _description = "Rehabilitation Case Closure"
    _order = "id desc"
    _check_company_auto = True

    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "draft"
    _social_workflow_fields = frozenset({"state", "approved_date", "case_id"})

    case_id = fields.Many2one(
        "social.rehab.case",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        readonly=True,
    )
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    user_id = fields.Many2one(
        "res.users", string="Requested by", default=lambda s: s.env.user, readonly=True
    )
    termination_reason = fields.Selection(related="case_id.termination_reason")
    note = fields.Text(string="Closing Summary")
    state = fields.Selection(
        CLOSURE_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    approved_date = fields.Datetime(readonly=True)

    _open_uniq = models.UniqueIndex(
        "(case_id) WHERE state IN ('draft', 'to_approve', 'approved')"
    )

    def _tier_excluded_users(self):
        return super()._tier_excluded_users() | self.case_id.user_id

    def action_request_approval(self):
        for closure in self:
            if closure.state != "draft":
                raise UserError(
                    self.env._("Only a draft closure can be sent for approval.")
                )
            case = closure.case_id
            if not case.termination_reason:
                raise UserError(
                    self.env._(
                        "Give the termination reason of %(case)s before asking to "
                        "close it.",
                        case=case.name,
                    )
                )
            if case.stage_kind not in ("termination", "aftercare") and not (
                case.stage_kind == "engagement"
                and case.termination_reason == "ineligible"
            ):
                raise UserError(
                    self.env._(
                        "%(case)s can be closed from the termination or aftercare "
                        "stage (or from engagement when the candidate is not "
                        "eligible).",
                        case=case.name,
                    )
                )
        self._social_workflow_write({"state": "to_approve"})
        self.request_validation()
        # need_validation is cached unstored: it is False from now on
        self.invalidate_recordset(["need_validation"])

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        if self.validation_status == "validated":
            self._social_workflow_write(
                {"state": "approved", "approved_date": fields.Datetime.now()}
            )
            done = self.env["social.rehab.stage"].search(
                [("kind", "=", "done")], limit=1
            )
            # sudo: the approving Kasi moves the case they approved; the
            # stage gates run all the same
            self.case_id.sudo().write({"stage_id": done.id})
            self.case_id.message_post(
                body=self.env._(
                    "Closure approved by %(user)s.", user=self.env.user.name
                )
            )
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        if self.validation_status == "rejected":
            self._social_workflow_write({"state": "draft"})
        return res
