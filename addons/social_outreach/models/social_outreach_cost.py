# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
    social_workflow,
)

COST_KINDS = [
    ("consumption", "Consumption"),
    ("transport", "Transport"),
    ("honorarium", "Honoraria"),
    ("other", "Other"),
]


class SocialOutreachCost(models.Model):
    """A cost of an outreach day, charged to the event's DPA line through
    social_dpa (``line.charge``, row-locked against the ceiling)."""

    _name = "social.outreach.cost"
    _description = "Outreach Day Cost"
    _order = "date desc, id desc"
    _check_company_auto = True

    event_id = fields.Many2one(
        "social.outreach.event",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="event_id.company_id", store=True, index=True, string="Office"
    )
    kind = fields.Selection(COST_KINDS, required=True, default="consumption")
    description = fields.Char(required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    amount = fields.Monetary(currency_field="currency_id", required=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "To Charge"), ("charged", "Charged")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
    )
    analytic_line_id = fields.Many2one(
        "account.analytic.line", string="DPA Charge", readonly=True, copy=False
    )

    _amount_positive = models.Constraint(
        "CHECK (amount > 0)", "A cost is a positive amount."
    )

    def write(self, vals):
        if not in_social_workflow(self.env):
            if {"state", "analytic_line_id"} & set(vals):
                raise UserError(
                    self.env._("A cost is charged to the DPA by its button only.")
                )
            if self.filtered(lambda c: c.state == "charged"):
                raise UserError(
                    self.env._("A cost charged to the DPA can no longer change.")
                )
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not in_social_workflow(self.env):
            for vals in vals_list:
                if {"state", "analytic_line_id"} & set(vals):
                    raise UserError(
                        self.env._("A cost is charged to the DPA by its button only.")
                    )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_charged(self):
        if self.filtered(lambda c: c.state == "charged"):
            raise UserError(self.env._("A cost charged to the DPA cannot be deleted."))

    def action_charge(self):
        """Charge the costs to the event's DPA line (the caller must be
        allowed to write the event, checked by ``line.charge``)."""
        for cost in self:
            if cost.state != "draft":
                raise UserError(
                    self.env._(
                        "%(cost)s is already charged to the DPA.",
                        cost=cost.description,
                    )
                )
            event = cost.event_id
            if not event.dpa_line_id:
                raise UserError(
                    self.env._(
                        "%(event)s has no DPA line: choose the line that pays for "
                        "the day first.",
                        event=event.display_name,
                    )
                )
            kind = dict(self._fields["kind"]._description_selection(self.env))[
                cost.kind
            ]
            line = event._dpa_charge(
                event.dpa_line_id,
                cost.date,
                cost.amount,
                f"{event.number} {kind}: {cost.description}",
            )
            with social_workflow():
                cost.write({"state": "charged", "analytic_line_id": line.id})
        return True
