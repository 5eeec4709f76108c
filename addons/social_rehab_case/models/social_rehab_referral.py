# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
    social_workflow,
)

REFERRAL_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("accepted", "Accepted"),
    ("declined", "Declined"),
    ("completed", "Completed"),
]


class SocialRehabReferral(models.Model):
    """A referral of the client to another institution (seed 001, E.3). It is
    sent only once the consent of the client or the guardian is recorded."""

    _name = "social.rehab.referral"
    _inherit = ["mail.thread"]
    _description = "Rehabilitation Referral"
    _order = "date desc, id desc"

    case_id = fields.Many2one(
        "social.rehab.case", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    institution = fields.Char(required=True, tracking=True)
    reason = fields.Text(required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    state = fields.Selection(
        REFERRAL_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    outcome = fields.Text()
    letter = fields.Binary(string="Referral Letter", attachment=True)
    letter_name = fields.Char()
    consent_by = fields.Selection(
        [("client", "The client"), ("guardian", "The guardian")],
        string="Consent Given by",
        tracking=True,
    )
    consent_person = fields.Char(string="Consenting Person")
    consent_date = fields.Date(tracking=True)
    consent_document = fields.Binary(attachment=True)
    consent_document_name = fields.Char()

    @api.model_create_multi
    def create(self, vals_list):
        if not in_social_workflow(self.env) and any("state" in v for v in vals_list):
            raise UserError(self.env._("A referral moves on by its buttons."))
        return super().create(vals_list)

    def write(self, vals):
        if not in_social_workflow(self.env):
            if "state" in vals:
                raise UserError(self.env._("A referral moves on by its buttons."))
            consent = {"consent_by", "consent_person", "consent_date"} & set(vals)
            if consent and self.filtered(lambda r: r.state != "draft"):
                raise UserError(
                    self.env._("The consent of a sent referral stays as it was given.")
                )
        return super().write(vals)

    def _set_state(self, state, allowed_from):
        for referral in self:
            if referral.state not in allowed_from:
                raise UserError(
                    self.env._(
                        "Referral to %(institution)s cannot go from %(state)s to that "
                        "step.",
                        institution=referral.institution,
                        state=dict(REFERRAL_STATES)[referral.state],
                    )
                )
        with social_workflow():
            self.write({"state": state})

    def action_send(self):
        for referral in self:
            if not (referral.consent_by and referral.consent_date):
                raise UserError(
                    self.env._(
                        "The referral to %(institution)s needs the recorded consent of "
                        "the client or the guardian (who gave it, and when) before it "
                        "is sent.",
                        institution=referral.institution,
                    )
                )
        self._set_state("sent", ["draft"])

    def action_accept(self):
        self._set_state("accepted", ["sent"])

    def action_decline(self):
        self._set_state("declined", ["sent"])

    def action_complete(self):
        self._set_state("completed", ["accepted"])
