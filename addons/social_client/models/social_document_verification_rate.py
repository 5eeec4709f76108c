# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.tools import SQL


class SocialDocumentVerificationRate(models.Model):
    """Lookups of the public verification page per client address and minute.

    One row per address and minute, counted by an upsert: PostgreSQL keeps the
    count right whichever worker answers the request.
    """

    _name = "social.document.verification.rate"
    _description = "Verification Page Lookups"
    _log_access = False
    _order = "minute desc"

    client_ip = fields.Char(string="Client Address", required=True, readonly=True)
    minute = fields.Datetime(required=True, readonly=True)
    hits = fields.Integer(string="Lookups", required=True, readonly=True)

    _ip_minute_unique = models.UniqueIndex("(client_ip, minute)")

    @api.model
    def _hit(self, client_ip):
        """Count one lookup from ``client_ip`` in the current minute and return
        the lookups of that minute so far, this one included."""
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO %(table)s (client_ip, minute, hits)
                VALUES (%(ip)s, date_trunc('minute', now() AT TIME ZONE 'UTC'), 1)
                ON CONFLICT (client_ip, minute)
                DO UPDATE SET hits = %(table)s.hits + 1
                RETURNING hits
                """,
                table=SQL.identifier(self._table),
                ip=client_ip or "",
            )
        )
        return self.env.cr.fetchone()[0]

    @api.autovacuum
    def _gc_old_lookups(self):
        """The counts matter for a minute; keep an hour for the curious."""
        self.env.cr.execute(
            SQL(
                "DELETE FROM %(table)s WHERE minute < "
                "(now() AT TIME ZONE 'UTC') - interval '1 hour'",
                table=SQL.identifier(self._table),
            )
        )
