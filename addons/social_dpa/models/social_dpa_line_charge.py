# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.misc import formatLang


class SocialDpaLine(models.Model):
    """The charge API: other add-ons record a cost on a DPA line."""

    _inherit = "social.dpa.line"

    def charge(self, date, amount, label, source=None):
        """Charge a cost to this DPA line and return its analytic line.

        :param date: date of the cost (a date or an ISO string), within the
            fiscal year of the DPA
        :param amount: the cost, positive, in the currency of the office
        :param label: what was paid (the analytic line's description)
        :param source: the record that caused the cost (an outreach day, a
            trip, ...); the caller must be allowed to write it. Without a
            source, only a user who may edit the DPA (finance) charges.

        The line of the approved version is charged (a line of a revised
        version leads to its successor: they share the analytic account). The
        line's row is written (a no-op ``UPDATE``, which locks it) before the
        realisation is summed and compared with the ceiling, so that two charges
        at the same moment see each other: the second waits for the first, and
        when the first commits, PostgreSQL refuses the second's update (its
        repeatable-read snapshot predates the first charge) and Odoo retries
        the request, which then counts the first charge. Past the remaining
        ceiling the charge is refused, or recorded with a chatter warning when
        the DPA's policy is "warn".
        """
        self.ensure_one()
        date = fields.Date.to_date(date)
        if source is not None:
            source.ensure_one()
            # the social worker charges through the record they handle: their
            # right to write it is checked as the caller of charge(), whatever
            # environment the source record came with
            source = source.with_env(self.env)
            source.check_access("write")
        else:
            self.check_access("write")
        # sudo: the caller's right to charge was checked above (source or DPA
        # write access); social workers have no right on DPA lines or analytic
        # lines, the charge is written on their behalf
        line = self.sudo()._current_version_line()
        currency = line.currency_id
        if currency.compare_amounts(amount, 0) <= 0:
            raise UserError(self.env._("A charge is a positive amount."))
        if not label:
            raise UserError(self.env._("A charge needs a label."))
        if not date or date.year != line.dpa_id.fiscal_year:
            raise UserError(
                self.env._(
                    "The date of a charge to %(line)s must fall in the fiscal year "
                    "%(year)s.",
                    line=line.display_name,
                    year=line.dpa_id.fiscal_year,
                )
            )
        # the row write serialises the charges of one line: a second charge
        # waits here until the first one's transaction ends, then fails to
        # serialize and is retried with a snapshot that holds the first charge
        # (a SELECT ... FOR UPDATE would let it go on with its old snapshot)
        self.env.cr.execute(
            SQL(
                "UPDATE social_dpa_line SET write_date = write_date WHERE id = %s",
                line.id,
            )
        )
        self.env["account.analytic.line"].flush_model()
        realized = sum(
            line._realized_by_account().get(line.analytic_account_id.id, {}).values()
        )
        remaining = line.amount - realized
        if currency.compare_amounts(amount, remaining) > 0:
            message = self.env._(
                "The cost of %(amount)s exceeds the remaining ceiling of the DPA "
                "line %(line)s: ceiling %(ceiling)s, remaining %(remaining)s.",
                amount=formatLang(self.env, amount, currency_obj=currency),
                line=line.display_name,
                ceiling=formatLang(self.env, line.amount, currency_obj=currency),
                remaining=formatLang(self.env, remaining, currency_obj=currency),
            )
            if line.dpa_id.ceiling_policy == "block":
                raise UserError(message)
            line.dpa_id.message_post(body=Markup("<p>%s</p>") % message)
        vals = {
            "name": label,
            "date": date,
            "amount": -amount,
            "company_id": line.company_id.id,
            line._dpa_column(): line.analytic_account_id.id,
            "social_dpa_line_id": line.id,
        }
        if source is not None:
            vals.update(
                {"social_source_model": source._name, "social_source_id": source.id}
            )
        return self.env["account.analytic.line"].sudo().create(vals).sudo(False)

    def _current_version_line(self):
        """The line of the approved version that carries this line's analytic
        account (self when it is approved)."""
        self.ensure_one()
        if self.dpa_id.state == "approved":
            return self
        current = self.search(
            [
                ("analytic_account_id", "=", self.analytic_account_id.id),
                ("dpa_id.state", "=", "approved"),
            ],
            limit=1,
        )
        if not current:
            raise UserError(
                self.env._(
                    "%(line)s is not on an approved DPA: nothing can be charged to it.",
                    line=self.display_name,
                )
            )
        return current
