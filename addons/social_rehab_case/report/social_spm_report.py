# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models
from odoo.tools import SQL


class SocialSpmReport(models.Model):
    _inherit = "social.spm.report"

    def _spm_sources(self):
        """Rehabilitation cases: the client needs the service in the year of a
        completed assessment, and is served in a year an ATENSI service was
        delivered to the case (which shows the need as well)."""
        return [
            *super()._spm_sources(),
            SQL(
                """
                SELECT rcase.company_id, rcase.client_id,
                       EXTRACT(YEAR FROM assessment.date)::int AS year,
                       FALSE AS served
                  FROM social_rehab_assessment assessment
                  JOIN social_rehab_case rcase ON rcase.id = assessment.case_id
                 WHERE assessment.state IN ('completed', 'reviewed')
                """
            ),
            SQL(
                """
                SELECT rcase.company_id, rcase.client_id,
                       EXTRACT(YEAR FROM service.date)::int AS year,
                       TRUE AS served
                  FROM social_rehab_service service
                  JOIN social_rehab_case rcase ON rcase.id = service.case_id
                """
            ),
        ]
