# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models
from odoo.tools import SQL


class SocialSpmReport(models.Model):
    _inherit = "social.spm.report"

    def _spm_sources(self):
        """Rumah singgah and escort services: a stay (not cancelled) meets the
        basic needs of the year it began in (shelter and meals); a TRC service
        shows the need in the year it was planned and meets it in the year it
        was done."""
        return [
            *super()._spm_sources(),
            SQL(
                """
                SELECT stay.company_id, stay.client_id,
                       EXTRACT(YEAR FROM stay.check_in)::int AS year,
                       TRUE AS served
                  FROM social_shelter_stay stay
                 WHERE stay.state <> 'cancelled'
                """
            ),
            SQL(
                """
                SELECT service.company_id, service.client_id,
                       EXTRACT(YEAR FROM service.date_planned_start)::int AS year,
                       FALSE AS served
                  FROM social_trc_service service
                 WHERE service.state <> 'cancelled'
                """
            ),
            SQL(
                """
                SELECT service.company_id, service.client_id,
                       EXTRACT(YEAR FROM service.date_finished)::int AS year,
                       TRUE AS served
                  FROM social_trc_service service
                 WHERE service.state = 'done' AND service.date_finished IS NOT NULL
                """
            ),
        ]
