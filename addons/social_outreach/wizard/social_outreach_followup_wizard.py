# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models
from odoo.exceptions import UserError

from ..models.social_outreach_followup import FOLLOWUP_KINDS


class SocialOutreachFollowupWizard(models.TransientModel):
    """Open a rehabilitation case, start a recommendation or record a
    referral for a participant; the new document is linked to the day."""

    _name = "social.outreach.followup.wizard"
    _description = "New Outreach Follow-up"

    participant_id = fields.Many2one("social.outreach.participant", required=True)
    kind = fields.Selection(FOLLOWUP_KINDS, required=True, default="rehab_case")
    recommendation_type_id = fields.Many2one(
        "social.recommendation.type", string="Recommendation Type"
    )
    description = fields.Text(
        help="What the participant needs (the presenting problem of a case)."
    )
    institution = fields.Char(string="Referred to")

    def action_confirm(self):
        self.ensure_one()
        followup = self._create_followup()
        return followup.action_open_document() or {
            "type": "ir.actions.act_window_close"
        }

    def _create_followup(self):
        """Create the document through its own create (numbers from its
        register, its own rules), as the current user, then the follow-up."""
        participant = self.participant_id
        event = participant.event_id
        if participant.state == "invited":
            raise UserError(
                self.env._(
                    "%(client)s has not checked in: follow-ups come from the day's "
                    "services.",
                    client=participant.client_id.name,
                )
            )
        vals = {
            "participant_id": participant.id,
            "kind": self.kind,
            "description": self.description,
            "institution": self.institution,
        }
        if self.kind == "rehab_case":
            vals["rehab_case_id"] = (
                self.env["social.rehab.case"]
                .create(
                    {
                        "client_id": participant.client_id.id,
                        "company_id": participant.company_id.id,
                        "intake_source": "outreach",
                        "presenting_problem": self.description,
                        "outreach_event_id": event.id,
                    }
                )
                .id
            )
        elif self.kind == "recommendation":
            if not self.recommendation_type_id:
                raise UserError(
                    self.env._("Choose the type of the recommendation to start.")
                )
            vals["recommendation_id"] = (
                self.env["social.recommendation"]
                .create(
                    {
                        "client_id": participant.client_id.id,
                        "company_id": participant.company_id.id,
                        "type_id": self.recommendation_type_id.id,
                        "request_from": event.display_name,
                        "request_village_id": participant.village_id.id,
                        "assessment_notes": self.description,
                        "outreach_event_id": event.id,
                    }
                )
                .id
            )
        return self.env["social.outreach.followup"].create(vals)
