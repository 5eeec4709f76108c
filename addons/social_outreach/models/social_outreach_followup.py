# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

FOLLOWUP_KINDS = [
    ("rehab_case", "Rehabilitation case"),
    ("recommendation", "Recommendation"),
    ("bpjs_pbi", "Referral: BPJS PBI activation"),
    ("assistive_device", "Referral: assistive device"),
    ("other", "Referral: other"),
]


class SocialOutreachFollowup(models.Model):
    """What the day leads to for one participant: a rehabilitation case, a
    recommendation, or a referral; each linked back to the event."""

    _name = "social.outreach.followup"
    _description = "Outreach Follow-up"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _check_company_auto = True

    participant_id = fields.Many2one(
        "social.outreach.participant",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    event_id = fields.Many2one(
        related="participant_id.event_id", store=True, index=True, string="Event"
    )
    regency_id = fields.Many2one(
        related="participant_id.event_id.regency_id",
        store=True,
        string="Event Regency/City",
    )
    client_id = fields.Many2one(
        related="participant_id.client_id",
        store=True,
        index=True,
        check_company=True,
        string="Client",
    )
    company_id = fields.Many2one(
        related="participant_id.company_id", store=True, index=True, string="Office"
    )
    kind = fields.Selection(FOLLOWUP_KINDS, required=True, tracking=True)
    date = fields.Date(default=fields.Date.context_today, required=True)
    user_id = fields.Many2one(
        "res.users", string="Recorded by", default=lambda self: self.env.user
    )
    description = fields.Text()
    institution = fields.Char(
        string="Referred to", help="Institution or service the participant is sent to."
    )
    rehab_case_id = fields.Many2one(
        "social.rehab.case",
        string="Rehabilitation Case",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
    )
    recommendation_id = fields.Many2one(
        "social.recommendation",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
    )

    @api.constrains("kind", "rehab_case_id", "recommendation_id", "client_id")
    def _check_link(self):
        for followup in self:
            case, rec = followup.rehab_case_id, followup.recommendation_id
            wanted = {
                "rehab_case": (True, False),
                "recommendation": (False, True),
            }.get(followup.kind, (False, False))
            ok = (bool(case), bool(rec)) == wanted and all(
                doc.client_id == followup.client_id for doc in (case, rec) if doc
            )
            if not ok:
                raise ValidationError(
                    self.env._(
                        "A follow-up links the case or the recommendation of its "
                        "own kind, of the participant's own client, and a "
                        "referral links neither."
                    )
                )

    def action_open_document(self):
        self.ensure_one()
        doc = self.rehab_case_id or self.recommendation_id
        if not doc:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": doc._name,
            "res_id": doc.id,
            "view_mode": "form",
        }
