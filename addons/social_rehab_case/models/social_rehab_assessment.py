# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
    social_workflow,
)

from .social_rehab_case import RISK_LEVELS

ASSESSMENT_STATES = [
    ("draft", "Draft"),
    ("completed", "Completed"),
    ("reviewed", "Reviewed by the Kasi"),
]


class SocialRehabAssessment(models.Model):
    """An assessment of a case (seed 001, B): problems, needs and resource
    systems, a case conference, a report; completed by its author, then
    reviewed by the Kasi."""

    _name = "social.rehab.assessment"
    _inherit = ["mail.thread"]
    _description = "Rehabilitation Assessment"
    _order = "date desc, id desc"
    _check_company_auto = True

    _workflow_fields = frozenset({"state", "reviewed_by_id", "reviewed_date"})

    case_id = fields.Many2one(
        "social.rehab.case",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    client_id = fields.Many2one(related="case_id.client_id")
    user_id = fields.Many2one(
        "res.users",
        string="Author",
        required=True,
        default=lambda s: s.env.user,
        readonly=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    problems = fields.Text()
    needs = fields.Text()
    resources = fields.Text(string="Resource Systems")
    risk_level = fields.Selection(RISK_LEVELS, default="low", required=True)
    conference_date = fields.Date(string="Case Conference")
    conference_attendee_ids = fields.Many2many("res.users", string="Attendees")
    conference_other_attendees = fields.Char(string="Other Attendees")
    conference_note = fields.Text(string="Case Conference Notes")
    report = fields.Html(string="Assessment Report")
    health_notes = fields.Text(groups="social_client.group_social_health")
    psychological_notes = fields.Text(groups="social_client.group_social_health")
    state = fields.Selection(
        ASSESSMENT_STATES,
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    reviewed_by_id = fields.Many2one("res.users", string="Reviewed by", readonly=True)
    reviewed_date = fields.Datetime(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not in_social_workflow(self.env):
            for vals in vals_list:
                self._check_workflow_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        if "case_id" in vals and any(a.case_id.id != vals["case_id"] for a in self):
            raise UserError(self.env._("An assessment stays with its case."))
        if not in_social_workflow(self.env):
            self._check_workflow_vals(vals)
            if self.filtered(lambda a: a.state == "reviewed"):
                raise UserError(
                    self.env._("A reviewed assessment is kept as it was reviewed.")
                )
        return super().write(vals)

    def _check_workflow_vals(self, vals):
        if self._workflow_fields & set(vals) or "user_id" in vals and self:
            raise UserError(
                self.env._("The state of an assessment changes by its buttons only.")
            )

    def action_complete(self):
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("Only a draft assessment can be completed."))
            if rec.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only its author %(author)s completes an assessment.",
                        author=rec.user_id.name,
                    )
                )
        with social_workflow():
            self.write({"state": "completed"})

    def action_review(self):
        if not self.env.user.has_group("social_client.group_social_kasi"):
            raise UserError(self.env._("Only a Kasi reviews an assessment."))
        for rec in self:
            if rec.state != "completed":
                raise UserError(
                    self.env._("Only a completed assessment can be reviewed.")
                )
            if rec.user_id == self.env.user:
                raise UserError(self.env._("You cannot review your own assessment."))
        with social_workflow():
            self.write(
                {
                    "state": "reviewed",
                    "reviewed_by_id": self.env.uid,
                    "reviewed_date": fields.Datetime.now(),
                }
            )
