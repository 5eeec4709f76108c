# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models

from .social_rehab_plan_line import GUIDANCE_TYPES, PSYCHOSOCIAL_KINDS


class SocialRehabSession(models.Model):
    """An intervention session (seed 001, D). A group session records several
    clients at once and appears on each of their cases."""

    _name = "social.rehab.session"
    _description = "Rehabilitation Intervention Session"
    _order = "date desc, id desc"
    _check_company_auto = True

    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    case_ids = fields.Many2many(
        "social.rehab.case",
        "social_rehab_session_case_rel",
        "session_id",
        "case_id",
        string="Cases",
        required=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        index=True,
        default=lambda s: s.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Led by",
        required=True,
        default=lambda s: s.env.user,
        index=True,
    )
    guidance_type = fields.Selection(GUIDANCE_TYPES, required=True)
    psychosocial_kind = fields.Selection(PSYCHOSOCIAL_KINDS)
    activity = fields.Char(required=True)
    attendance = fields.Selection(
        [
            ("attended", "Attended"),
            ("partial", "Partly attended"),
            ("absent", "Absent"),
        ],
        default="attended",
        required=True,
    )
    is_group = fields.Boolean(
        string="Group Session", compute="_compute_is_group", store=True
    )
    notes = fields.Text()
    obstacles = fields.Text()
    psychological_notes = fields.Text(groups="social_client.group_social_health")

    @api.depends("case_ids")
    def _compute_is_group(self):
        for session in self:
            session.is_group = len(session.case_ids) > 1

    @api.depends("date", "activity")
    def _compute_display_name(self):
        for session in self:
            session.display_name = f"{session.date or ''} {session.activity or ''}"
