# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models
from odoo.tools import SQL


class SocialSpmReport(models.Model):
    _inherit = "social.spm.report"

    def _spm_sources(self):
        """Outreach days: a participant checked in at a day (registered and
        assessed at the stations) needs the service in that year; a follow-up
        opened for them (a case, a recommendation, a referral) meets it in the
        year it was made."""
        return [
            *super()._spm_sources(),
            SQL(
                """
                SELECT participant.company_id, participant.client_id,
                       EXTRACT(YEAR FROM participant.check_in_date)::int AS year,
                       FALSE AS served
                  FROM social_outreach_participant participant
                 WHERE participant.check_in_date IS NOT NULL
                """
            ),
            SQL(
                """
                SELECT participant.company_id, participant.client_id,
                       EXTRACT(YEAR FROM followup.date)::int AS year,
                       TRUE AS served
                  FROM social_outreach_followup followup
                  JOIN social_outreach_participant participant
                    ON participant.id = followup.participant_id
                """
            ),
        ]
