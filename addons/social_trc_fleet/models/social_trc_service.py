# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
    social_workflow,
)

SERVICE_KINDS = [
    ("inpatient_wait", "Waiting with an inpatient"),
    ("referral_escort", "Escorting a referral to hospital"),
    ("home_care", "Home and personal hygiene care"),
    ("outpatient_escort", "Escorting outpatient treatment"),
    ("pickup_delivery", "Pick-up and delivery"),
]
OUTCOMES = [
    ("completed", "Service completed"),
    ("family_traced", "Family traced"),
    ("reunified", "Reunified with the family"),
    ("referred", "Referred to another institution"),
    ("sheltered", "Taken to the rumah singgah"),
    ("other", "Other"),
]


class SocialTrcService(models.Model):
    """A TRC service of SI LARAS MANIS (seed 004), one of five kinds: waiting
    with an inpatient, escorting a referral, home and personal hygiene care,
    escorting outpatient treatment, pick-up and delivery. Its officers set
    out only within a signed assignment letter naming them."""

    _name = "social.trc.service"
    _inherit = ["mail.thread", "mail.activity.mixin", "social.trc.workflow.mixin"]
    _description = "TRC Service"
    _order = "date_planned_start desc, id desc"
    _check_company_auto = True

    _WORKFLOW_FIELDS = frozenset(
        {"name", "state", "date_started", "date_finished", "outcome_date"}
    )

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    kind = fields.Selection(SERVICE_KINDS, required=True, tracking=True)
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("ongoing", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        readonly=True,
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    client_id = fields.Many2one(
        "social.client", required=True, index=True, tracking=True, check_company=True
    )
    report_id = fields.Many2one(
        "social.trc.report", string="Complaint", index=True, check_company=True
    )
    destination_partner_id = fields.Many2one(
        "res.partner",
        string="Hospital / Destination",
        help="The referral hospital or institution (RSJ Sambang Lihum, RSD "
        "Idaman Banjarbaru, ...).",
    )
    destination = fields.Char(string="Destination Address")
    date_planned_start = fields.Datetime(string="Planned Start", required=True)
    date_planned_end = fields.Datetime(string="Planned End", required=True)
    date_started = fields.Datetime(string="Started", readonly=True, copy=False)
    date_finished = fields.Datetime(string="Finished", readonly=True, copy=False)
    employee_ids = fields.Many2many(
        "hr.employee", string="Officers", required=True, check_company=True
    )
    trip_ids = fields.One2many("social.trc.trip", "service_id", string="Trips")
    trip_count = fields.Integer(compute="_compute_trip_count")
    notes = fields.Html()
    outcome = fields.Selection(OUTCOMES, tracking=True)
    outcome_note = fields.Text()
    outcome_date = fields.Datetime(readonly=True, copy=False)

    _check_dates = models.Constraint(
        "CHECK (date_planned_end > date_planned_start)",
        "A service ends after it starts.",
    )

    @api.depends("trip_ids")
    def _compute_trip_count(self):
        counts = dict(
            self.env["social.trc.trip"]._read_group(
                domain=[("service_id", "in", self.ids)],
                groupby=["service_id"],
                aggregates=["__count"],
            )
        )
        for service in self:
            service.trip_count = counts.get(service, 0)

    @api.model_create_multi
    def create(self, vals_list):
        if not in_social_workflow(self.env):
            for vals in vals_list:
                self._check_workflow_fields(vals)
        numbers = self.env["ir.sequence"]._next_by_code_batch(
            "social.trc.service", len(vals_list)
        )
        for vals, number in zip(vals_list, numbers, strict=True):
            vals["name"] = number or "/"
        return super().create(vals_list)

    def write(self, vals):
        if not in_social_workflow(self.env):
            self._check_workflow_fields(vals)
            if {"employee_ids", "date_planned_start", "kind", "client_id"} & set(
                vals
            ) and any(rec.state != "planned" for rec in self):
                raise UserError(
                    self.env._(
                        "A service under way or finished keeps its kind, client, "
                        "officers and start."
                    )
                )
        return super().write(vals)

    def _creation_message(self):
        return self._fallback_lang().env._(
            "Service planned under number %(number)s", number=self.name
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_planned(self):
        if any(rec.state != "planned" for rec in self):
            raise UserError(
                self.env._("Only a planned service may be deleted; cancel it instead.")
            )

    def action_start(self):
        self.check_access("write")
        Letter = self.env["social.trc.letter"]
        for rec in self:
            if rec.state != "planned":
                raise UserError(
                    self.env._(
                        "%(name)s is not planned: it cannot start.", name=rec.name
                    )
                )
            Letter._check_covered(
                rec.employee_ids,
                rec.date_planned_start,
                rec.date_planned_end,
                self.env._("Service %(name)s", name=rec.name),
            )
        with social_workflow():
            self.write({"state": "ongoing", "date_started": fields.Datetime.now()})
        return True

    def action_done(self):
        self.check_access("write")
        for rec in self:
            if rec.state != "ongoing":
                raise UserError(
                    self.env._("%(name)s is not in progress.", name=rec.name)
                )
            if not rec.outcome:
                raise UserError(
                    self.env._(
                        "Record the outcome of %(name)s before closing it.",
                        name=rec.name,
                    )
                )
        now = fields.Datetime.now()
        with social_workflow():
            self.write({"state": "done", "date_finished": now, "outcome_date": now})
        return True

    def action_cancel(self):
        self.check_access("write")
        for rec in self:
            if rec.state != "planned":
                raise UserError(
                    self.env._(
                        "Only a planned service can be cancelled; %(name)s has "
                        "started.",
                        name=rec.name,
                    )
                )
        with social_workflow():
            self.write({"state": "cancelled"})
        return True

    def action_view_trips(self):
        self.ensure_one()
        name = self.env._("Trips")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "social.trc.trip",
            "view_mode": "list,form,calendar",
            "domain": [("service_id", "=", self.id)],
            "context": {
                "default_service_id": self.id,
                "default_destination": self.destination
                or self.destination_partner_id.name,
            },
        }
