# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialRecommendation(models.Model):
    _inherit = "social.recommendation"

    outreach_event_id = fields.Many2one(
        "social.outreach.event",
        string="Outreach Day",
        index="btree_not_null",
        readonly=True,
        check_company=True,
        help="The outreach day whose follow-up started this request.",
    )
