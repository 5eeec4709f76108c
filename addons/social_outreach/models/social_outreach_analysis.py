# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models, tools
from odoo.tools import SQL

from .social_outreach_participant import CATEGORIES


class SocialOutreachAnalysis(models.Model):
    """Participants across outreach days, one row per participant and
    disability type (a participant without one counts once): participants
    per regency, village, category and disability type."""

    _name = "social.outreach.analysis"
    _description = "Outreach Participant Analysis"
    _auto = False
    _order = "date desc"

    participant_id = fields.Many2one("social.outreach.participant", readonly=True)
    event_id = fields.Many2one("social.outreach.event", readonly=True)
    company_id = fields.Many2one("res.company", string="Office", readonly=True)
    regency_id = fields.Many2one("social.region", string="Regency/City", readonly=True)
    village_id = fields.Many2one("social.region", string="Village", readonly=True)
    date = fields.Date(string="First Day", readonly=True)
    category = fields.Selection(CATEGORIES, readonly=True)
    state = fields.Selection(
        [("invited", "Invited"), ("checked_in", "Checked In"), ("done", "Served")],
        readonly=True,
    )
    disability_type_id = fields.Many2one(
        "social.disability.type",
        string="Disability Type",
        readonly=True,
        groups="social_client.group_social_health",
    )
    participant_count = fields.Integer(
        string="Participants",
        readonly=True,
        help="Each participant once, whatever the number of disability types.",
    )
    disability_count = fields.Integer(
        string="Disabilities",
        readonly=True,
        help="One per participant and disability type.",
        groups="social_client.group_social_health",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT row_number() OVER () AS id,
                           p.id AS participant_id,
                           p.event_id,
                           p.company_id,
                           e.regency_id,
                           p.village_id,
                           e.date_start AS date,
                           p.category,
                           p.state,
                           rel.social_disability_type_id AS disability_type_id,
                           CASE WHEN row_number() OVER (
                                PARTITION BY p.id ORDER BY
                                rel.social_disability_type_id) = 1
                                THEN 1 ELSE 0 END AS participant_count,
                           CASE WHEN rel.social_disability_type_id IS NULL
                                THEN 0 ELSE 1 END AS disability_count
                      FROM social_outreach_participant p
                      JOIN social_outreach_event e ON e.id = p.event_id
                 LEFT JOIN social_client_social_disability_type_rel rel
                        ON rel.social_client_id = p.client_id
                )
                """,
                SQL.identifier(self._table),
            )
        )
