# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models
from odoo.tools import SQL, sql

from ..models.social_ppks_type import SPM_SERVICES


class SocialSpmReport(models.Model):
    """Achievement of the social SPM (Permensos 9/2018), one row per person,
    year and SPM service.

    A person counts as *needing* a basic service in a year when one of the suite's
    add-ons assessed or served them that year, and as *served* when one of them met
    that need that year; the service follows the person's PPKS types
    (``social.ppks.type.spm_service``). Each add-on contributes its facts through
    ``_spm_sources()``; rows are people, not events, so a person served twice counts
    once, and the share is the average of 0/100 over the people needing it, right
    at any grouping of the pivot. A view over the add-ons' tables, not a copy.
    """

    _name = "social.spm.report"
    _description = "SPM Achievement"
    _auto = False
    _order = "year desc, service_type, id"
    _rec_name = "client_id"
    _check_company_auto = True

    year = fields.Integer(readonly=True, aggregator=False)
    company_id = fields.Many2one("res.company", string="Office", readonly=True)
    client_id = fields.Many2one(
        "social.client", string="Client", readonly=True, check_company=True
    )
    service_type = fields.Selection(SPM_SERVICES, string="SPM Service", readonly=True)
    needing_count = fields.Integer(string="Assessed as Needing", readonly=True)
    served_count = fields.Integer(string="Served", readonly=True)
    share = fields.Float(
        string="Served (%)", readonly=True, aggregator="avg", digits=(16, 1)
    )

    def _spm_sources(self):
        """Queries of ``company_id, client_id, year, served`` rows, one list per
        add-on (extend with ``super()._spm_sources() + [SQL(...)]``).

        ``served`` is false for a fact that shows the need only (an assessment),
        true for one that meets it (a service delivered)."""
        return []

    def init(self):
        sources = self._spm_sources()
        facts = (
            SQL(" UNION ALL ").join(SQL("(%s)", source) for source in sources)
            if sources
            else SQL(
                "SELECT NULL::int AS company_id, NULL::int AS client_id, "
                "NULL::int AS year, FALSE AS served WHERE FALSE"
            )
        )
        sql.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(table)s AS (
                    SELECT ROW_NUMBER() OVER (
                               ORDER BY fact.year, fact.company_id, fact.client_id,
                                        ppks.spm_service
                           ) AS id,
                           fact.year, fact.company_id, fact.client_id,
                           ppks.spm_service AS service_type,
                           1 AS needing_count,
                           MAX(fact.served::int) AS served_count,
                           100.0 * MAX(fact.served::int) AS share
                      FROM (%(facts)s) fact
                      JOIN social_client_social_ppks_type_rel rel
                        ON rel.social_client_id = fact.client_id
                      JOIN social_ppks_type ppks
                        ON ppks.id = rel.social_ppks_type_id
                     WHERE ppks.spm_service IS NOT NULL
                       AND fact.year IS NOT NULL
                  GROUP BY fact.year, fact.company_id, fact.client_id,
                           ppks.spm_service
                )
                """,
                table=SQL.identifier(self._table),
                facts=facts,
            )
        )
