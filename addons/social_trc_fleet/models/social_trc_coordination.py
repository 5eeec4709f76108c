# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialTrcCoordination(models.Model):
    """An entry of the coordination log of a complaint: who was contacted
    (kelurahan, babinsa, bhabinkamtibmas, RT/RW, ...), when, and what was
    agreed. Entries are appended; they are evidence and not edited."""

    _name = "social.trc.coordination"
    _description = "Complaint Coordination Entry"
    _order = "date desc, id desc"
    _check_company_auto = True

    report_id = fields.Many2one(
        "social.trc.report",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="report_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    party = fields.Selection(
        [
            ("kelurahan", "Kelurahan"),
            ("babinsa", "Babinsa (TNI)"),
            ("bhabinkamtibmas", "Bhabinkamtibmas (Polri)"),
            ("rt_rw", "RT/RW"),
            ("hospital", "Hospital"),
            ("social_pillar", "Social pillar (TKSK, PSM, Tagana)"),
            ("other", "Other"),
        ],
        required=True,
    )
    contact_name = fields.Char(string="Contact")
    note = fields.Text(required=True)
    user_id = fields.Many2one(
        "res.users", string="Recorded by", default=lambda self: self.env.user
    )
