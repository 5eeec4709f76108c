# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
    social_workflow,
)

CHANNELS = [
    ("call_centre", "Call centre"),
    ("whatsapp", "WhatsApp"),
    ("walk_in", "Walk-in"),
    ("kelurahan", "Kelurahan"),
    ("hospital", "Hospital"),
    ("police", "Police / TNI"),
    ("other", "Other"),
]
STATES = [
    ("new", "New"),
    ("verified", "Verified"),
    ("assigned", "Assigned"),
    ("handled", "Handled"),
    ("closed", "Closed"),
    ("rejected", "Rejected"),
    ("duplicate", "Duplicate"),
]
OPEN_STATES = ("new", "verified", "assigned")
RESPONSE_STEPS = ("assign", "visit", "handle")
TRC_GROUPS = (
    "social_client.group_social_trc,social_client.group_social_kasi,"
    "social_client.group_social_kabid,social_client.group_social_kadis,"
    "social_client.group_social_manager"
)


class SocialTrcReport(models.Model):
    """A complaint (pengaduan) of a citizen about a person in need, followed
    by the TRC from receipt to handling. The state changes by its buttons
    only; the response times run in the office's working time."""

    _name = "social.trc.report"
    _inherit = ["mail.thread", "mail.activity.mixin", "social.trc.workflow.mixin"]
    _description = "Complaint (Pengaduan)"
    _order = "date_received desc, id desc"
    _check_company_auto = True

    _WORKFLOW_FIELDS = frozenset(
        {
            "name",
            "state",
            "date_verified",
            "date_assigned",
            "date_first_visit",
            "date_handled",
            "date_closed",
            "overdue_notified_date",
        }
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
    user_id = fields.Many2one(
        "res.users",
        string="Received by",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    state = fields.Selection(
        STATES,
        default="new",
        readonly=True,
        required=True,
        index=True,
        tracking=True,
        copy=False,
        group_expand=True,
    )
    channel = fields.Selection(CHANNELS, required=True, default="whatsapp")
    date_received = fields.Datetime(
        string="Received", required=True, default=fields.Datetime.now, index=True
    )
    reporter_anonymous = fields.Boolean(
        string="Anonymous Reporter",
        help="The reporter does not want to give a name; name and phone stay empty.",
    )
    reporter_name = fields.Char()
    reporter_phone = fields.Char(groups=TRC_GROUPS)
    reporter_relation = fields.Char(
        string="Relation to the Person", help="Neighbour, RT head, family, ..."
    )
    location_address = fields.Char(string="Location")
    village_id = fields.Many2one(
        "social.region",
        string="Village",
        domain=[("level", "=", "village")],
        index=True,
    )
    latitude = fields.Float(digits=(10, 7))
    longitude = fields.Float(digits=(10, 7))
    ppks_type_id = fields.Many2one("social.ppks.type", string="PPKS Kind", index=True)
    description = fields.Text(required=True)
    urgency_id = fields.Many2one(
        "social.trc.urgency",
        required=True,
        default=lambda self: self.env["social.trc.urgency"].search([], limit=1),
        tracking=True,
    )
    client_id = fields.Many2one(
        "social.client",
        index=True,
        tracking=True,
        check_company=True,
        help="The person concerned once known: a registered client, with or "
        "without identity.",
    )
    person_name = fields.Char(
        string="Name of the Person",
        help="The name the person gives, or how people call them; empty when "
        "unknown. Used when the person is registered as a client.",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Assigned Officers",
        check_company=True,
        help="Officers sent to the field (named on the assignment letter).",
    )
    duplicate_of_id = fields.Many2one(
        "social.trc.report",
        string="Original Complaint",
        index=True,
        check_company=True,
        tracking=True,
    )
    reject_reason = fields.Text(string="Reason for Rejection")
    handling_note = fields.Text(string="Handling")
    date_verified = fields.Datetime(string="Verified", readonly=True, copy=False)
    date_assigned = fields.Datetime(string="Assigned", readonly=True, copy=False)
    date_first_visit = fields.Datetime(
        string="First Field Visit", readonly=True, copy=False
    )
    date_handled = fields.Datetime(string="Handled", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed", readonly=True, copy=False)
    overdue_notified_date = fields.Datetime(
        string="Kasi Notified of Delay", readonly=True, copy=False
    )
    coordination_ids = fields.One2many(
        "social.trc.coordination", "report_id", string="Coordination"
    )
    response_ids = fields.One2many(
        "social.trc.report.response", "report_id", string="Response Times"
    )
    letter_ids = fields.One2many("social.trc.letter", "report_id")
    trip_ids = fields.One2many("social.trc.trip", "report_id")
    service_ids = fields.One2many("social.trc.service", "report_id")
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_response_flags",
        search="_search_is_overdue",
        help="An open complaint past the target of one of its response steps.",
    )
    is_at_risk = fields.Boolean(
        string="At Risk",
        compute="_compute_response_flags",
        search="_search_is_at_risk",
        help="An open complaint whose response step has used most of its "
        "target, not yet overdue.",
    )
    can_verify = fields.Boolean(compute="_compute_can")
    can_assign = fields.Boolean(compute="_compute_can")
    can_visit = fields.Boolean(compute="_compute_can")
    can_handle = fields.Boolean(compute="_compute_can")
    can_close = fields.Boolean(compute="_compute_can")
    can_reject = fields.Boolean(compute="_compute_can")

    _check_coordinates = models.Constraint(
        "CHECK (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)",
        "Coordinates out of range.",
    )

    # ------------------------------------------------------------ computes

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can(self):
        is_kasi = self._is_supervisor()
        for rec in self:
            rec.can_verify = rec.state == "new"
            rec.can_assign = rec.state == "verified"
            rec.can_visit = rec.state == "assigned" and not rec.date_first_visit
            rec.can_handle = rec.state == "assigned"
            rec.can_close = rec.state == "handled" and is_kasi
            rec.can_reject = rec.state in ("new", "verified")

    def _is_supervisor(self):
        user = self.env.user
        return any(
            user.has_group(xmlid)
            for xmlid in (
                "social_client.group_social_kasi",
                "social_client.group_social_kabid",
                "social_client.group_social_kadis",
                "social_client.group_social_manager",
            )
        )

    def _compute_response_flags(self):
        now = fields.Datetime.now()
        for rec in self:
            steps = rec.response_ids.filtered(lambda r: not r.date_end)
            if rec.state not in OPEN_STATES:
                steps = steps.browse()
            rec.is_overdue = any(
                s.date_deadline and s.date_deadline < now for s in steps
            )
            rec.is_at_risk = not rec.is_overdue and any(
                s.date_at_risk and s.date_at_risk <= now for s in steps
            )

    def _open_step_domain(self):
        return Domain("state", "in", OPEN_STATES)

    def _search_is_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        now = fields.Datetime.now()
        return self._open_step_domain() & Domain(
            "response_ids",
            "any",
            [("date_end", "=", False), ("date_deadline", "<", now)],
        )

    def _search_is_at_risk(self, operator, value):
        if operator != "in":
            return NotImplemented
        now = fields.Datetime.now()
        return (
            self._open_step_domain()
            & Domain(
                "response_ids",
                "any",
                [("date_end", "=", False), ("date_at_risk", "<=", now)],
            )
            & ~Domain(
                "response_ids",
                "any",
                [("date_end", "=", False), ("date_deadline", "<", now)],
            )
        )

    # ------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not in_social_workflow(self.env):
            for vals in vals_list:
                self._check_workflow_fields(vals)
        numbers = self.env["ir.sequence"]._next_by_code_batch(
            "social.trc.report", len(vals_list)
        )
        for vals, number in zip(vals_list, numbers, strict=True):
            vals["name"] = number or "/"
            if vals.get("reporter_anonymous"):
                vals.update(reporter_name=False, reporter_phone=False)
        reports = super().create(vals_list)
        reports._create_response_steps()
        return reports

    def write(self, vals):
        if not in_social_workflow(self.env):
            self._check_workflow_fields(vals)
        if vals.get("reporter_anonymous"):
            vals = dict(vals, reporter_name=False, reporter_phone=False)
        res = super().write(vals)
        if "urgency_id" in vals or "date_received" in vals:
            self._update_response_standards()
        return res

    def _creation_message(self):
        return self._fallback_lang().env._(
            "Complaint registered under number %(number)s", number=self.name
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_new(self):
        if any(rec.state != "new" for rec in self):
            raise UserError(
                self.env._(
                    "Only a new complaint may be deleted; reject it or mark it "
                    "as a duplicate instead."
                )
            )

    def _create_response_steps(self):
        # sudo: the steps are the complaint's own bookkeeping (read-only logs)
        self.env["social.trc.report.response"].sudo().create(
            [
                {
                    "report_id": rec.id,
                    "step": step,
                    "date_start": rec.date_received,
                    "standard_value": rec._target_minutes(step),
                }
                for rec in self
                for step in RESPONSE_STEPS
            ]
        )

    def _target_minutes(self, step):
        urgency = self.urgency_id
        hours = {
            "assign": urgency.target_assign_hours,
            "visit": urgency.target_visit_hours,
            "handle": urgency.target_handle_hours,
        }[step]
        return hours * 60.0

    def _update_response_standards(self):
        for rec in self:
            for response in rec.response_ids.sudo():
                if response.date_end:
                    continue
                response.write(
                    {
                        "date_start": rec.date_received,
                        "standard_value": rec._target_minutes(response.step),
                    }
                )

    def _end_step(self, step, moment):
        responses = self.response_ids.sudo().filtered(
            lambda r: r.step == step and not r.date_end
        )
        responses.write({"date_end": moment, "user_id": self.env.user.id})

    # ------------------------------------------------------------ constraints

    @api.constrains("duplicate_of_id")
    def _check_duplicate_of(self):
        for rec in self:
            original = rec.duplicate_of_id
            if not original:
                continue
            if original == rec:
                raise ValidationError(
                    self.env._("A complaint cannot be a duplicate of itself.")
                )
            if original.duplicate_of_id:
                raise ValidationError(
                    self.env._(
                        "%(original)s is itself a duplicate: point to its "
                        "original %(first)s.",
                        original=original.name,
                        first=original.duplicate_of_id.name,
                    )
                )

    @api.constrains("reporter_anonymous", "reporter_name")
    def _check_reporter(self):
        for rec in self:
            if not rec.reporter_anonymous and not (rec.reporter_name or "").strip():
                raise ValidationError(
                    self.env._(
                        "Give the reporter's name, or mark the reporter as anonymous."
                    )
                )

    # ------------------------------------------------------------ actions

    def _check_state(self, allowed, action):
        for rec in self:
            if rec.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(number)s is %(state)s: it cannot be %(action)s.",
                        number=rec.name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[rec.state],
                        action=action,
                    )
                )

    def action_verify(self):
        self.check_access("write")
        self._check_state(("new",), self.env._("verified"))
        with social_workflow():
            self.write({"state": "verified", "date_verified": fields.Datetime.now()})
        return True

    def action_assign(self):
        self.check_access("write")
        self._check_state(("verified",), self.env._("assigned"))
        for rec in self:
            if not rec.employee_ids:
                raise UserError(
                    self.env._(
                        "Name the officers sent to the field before assigning "
                        "%(number)s.",
                        number=rec.name,
                    )
                )
        now = fields.Datetime.now()
        with social_workflow():
            self.write({"state": "assigned", "date_assigned": now})
        self._end_step("assign", now)
        return True

    def action_record_visit(self):
        self.check_access("write")
        self._check_state(("assigned",), self.env._("visited"))
        if any(rec.date_first_visit for rec in self):
            raise UserError(self.env._("The first field visit is already recorded."))
        now = fields.Datetime.now()
        with social_workflow():
            self.write({"date_first_visit": now})
        self._end_step("visit", now)
        return True

    def action_handle(self):
        self.check_access("write")
        self._check_state(("assigned",), self.env._("handled"))
        for rec in self:
            if not rec.date_first_visit:
                raise UserError(
                    self.env._(
                        "Record the field visit of %(number)s before marking it "
                        "handled.",
                        number=rec.name,
                    )
                )
            if not (rec.handling_note or "").strip():
                raise UserError(
                    self.env._("Describe how %(number)s was handled.", number=rec.name)
                )
        now = fields.Datetime.now()
        with social_workflow():
            self.write({"state": "handled", "date_handled": now})
        self._end_step("handle", now)
        return True

    def action_close(self):
        self.check_access("write")
        if not self._is_supervisor():
            raise UserError(
                self.env._("Only the Kasi or a supervisor closes a complaint.")
            )
        self._check_state(("handled",), self.env._("closed"))
        with social_workflow():
            self.write({"state": "closed", "date_closed": fields.Datetime.now()})
        return True

    def action_reject(self):
        self.check_access("write")
        self._check_state(("new", "verified"), self.env._("rejected"))
        for rec in self:
            if not (rec.reject_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Give the reason for rejecting %(number)s.", number=rec.name
                    )
                )
        with social_workflow():
            self.write({"state": "rejected", "date_closed": fields.Datetime.now()})
        return True

    def action_mark_duplicate(self):
        self.check_access("write")
        self._check_state(("new", "verified"), self.env._("marked as a duplicate"))
        for rec in self:
            if not rec.duplicate_of_id:
                raise UserError(
                    self.env._(
                        "Choose the original complaint of %(number)s first.",
                        number=rec.name,
                    )
                )
        with social_workflow():
            self.write({"state": "duplicate", "date_closed": fields.Datetime.now()})
        return True

    def action_register_client(self):
        """Register the person as a client without identity (the NIK is added
        once family tracing has found it) and link it to the complaint."""
        self.ensure_one()
        self.check_access("write")
        if self.client_id:
            raise UserError(
                self.env._("%(number)s already has its client.", number=self.name)
            )
        if self.state in ("rejected", "duplicate"):
            raise UserError(
                self.env._("A rejected or duplicate complaint registers no client.")
            )
        description = self.env._(
            "Reported in complaint %(number)s on %(date)s at %(place)s: "
            "%(description)s",
            number=self.name,
            date=fields.Datetime.context_timestamp(self, self.date_received).strftime(
                "%Y-%m-%d %H:%M"
            ),
            place=self.location_address or self.village_id.name or "-",
            description=self.description,
        )
        client = self.env["social.client"].create(
            {
                "name": (self.person_name or "").strip()
                or self.env._("Unknown person (%(number)s)", number=self.name),
                "no_identity": True,
                "no_identity_description": description,
                "village_id": self.village_id.id,
                "ppks_type_ids": [fields.Command.set(self.ppks_type_id.ids)],
                "company_id": self.company_id.id,
            }
        )
        self.client_id = client
        return {
            "type": "ir.actions.act_window",
            "res_model": "social.client",
            "res_id": client.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------ cron

    @api.model
    def _cron_notify_overdue(self):
        """Tell the Kasi of the office once about each overdue complaint."""
        reports = self.search(
            [("is_overdue", "=", True), ("overdue_notified_date", "=", False)]
        )
        kasi_group = self.env.ref("social_client.group_social_kasi")
        by_company = {}
        for report in reports:
            by_company.setdefault(report.company_id, self.browse())
            by_company[report.company_id] |= report
        now = fields.Datetime.now()
        for company, company_reports in by_company.items():
            partners = kasi_group.user_ids.filtered(
                lambda u, c=company: c in u.company_ids
            ).partner_id
            for report in company_reports:
                report.message_post(
                    body=self.env._(
                        "%(number)s is past its response target: please follow it up.",
                        number=report.name,
                    ),
                    partner_ids=partners.ids,
                    subtype_xmlid="mail.mt_comment",
                )
            with social_workflow():
                company_reports.write({"overdue_notified_date": now})
        return len(reports)
