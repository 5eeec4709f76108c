# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

from .social_outreach_composition import MEMBER_KINDS, MEMBER_ORIGINS


class SocialOutreachMember(models.Model):
    """A member of the committee (panitia) or a cadre (kader) of one day."""

    _name = "social.outreach.member"
    _description = "Outreach Committee Member or Cadre"
    _order = "event_id, kind, origin, id"
    _check_company_auto = True

    event_id = fields.Many2one(
        "social.outreach.event",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="event_id.company_id", store=True, index=True, string="Office"
    )
    kind = fields.Selection(MEMBER_KINDS, required=True, default="committee")
    origin = fields.Selection(MEMBER_ORIGINS, required=True)
    role = fields.Char()
    name = fields.Char(help="Name of the person; empty until named.")
    user_id = fields.Many2one(
        "res.users", string="User", help="The member's user, when they have one."
    )
    phone = fields.Char()
