# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
    social_workflow,
)

from .social_outreach_station import is_supervisor

VISIT_STATES = [
    ("waiting", "Waiting"),
    ("called", "Called"),
    ("serving", "Being Served"),
    ("done", "Served"),
    ("transferred", "Sent On"),
    ("no_show", "No-show"),
    ("cancel", "Did Not Come"),
]
VISIT_RULES = {
    "can_start": ("called",),
    "can_finish": ("serving",),
    "can_no_show": ("called",),
    "can_recall": ("no_show",),
    "can_transfer": ("called", "serving", "done"),
}
WORKFLOW_FIELDS = frozenset(
    {
        "state",
        "participant_id",
        "station_id",
        "date_queued",
        "date_called",
        "date_start",
        "date_end",
        "user_id",
        "waiting_minutes",
        "call_count",
    }
)
BPJS_STATES = [
    ("none", "None"),
    ("pbi", "PBI (premium paid by the state)"),
    ("non_pbi", "Non-PBI"),
    ("inactive", "Inactive"),
]
HEALTH = "social_client.group_social_health"


class SocialOutreachVisit(models.Model):
    """A participant's turn at one station: queued, called, served (service
    time through ``social.service.time.mixin``), with the station's notes."""

    _name = "social.outreach.visit"
    _description = "Outreach Station Visit"
    _inherit = ["social.service.time.mixin"]
    _order = "station_id, queue_number, id"
    _check_company_auto = True

    participant_id = fields.Many2one(
        "social.outreach.participant",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    event_id = fields.Many2one(
        related="participant_id.event_id", store=True, index=True, string="Event"
    )
    client_id = fields.Many2one(
        related="participant_id.client_id",
        store=True,
        index=True,
        check_company=True,
        string="Client",
    )
    company_id = fields.Many2one(
        related="participant_id.company_id", store=True, index=True, string="Office"
    )
    queue_number = fields.Integer(
        related="participant_id.queue_number", store=True, aggregator=None
    )
    category = fields.Selection(related="participant_id.category")
    station_id = fields.Many2one(
        "social.outreach.station",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
        check_company=True,
    )
    station_kind = fields.Selection(related="station_id.kind", store=True)
    state = fields.Selection(
        VISIT_STATES, default="waiting", required=True, readonly=True, index=True
    )
    date_queued = fields.Datetime(
        string="Queued at", readonly=True, default=fields.Datetime.now
    )
    date_called = fields.Datetime(string="Called at", readonly=True)
    call_count = fields.Integer(string="Calls", readonly=True)
    waiting_minutes = fields.Float(
        string="Waiting (min)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Minutes from the queue to the first call.",
    )
    from_visit_id = fields.Many2one(
        "social.outreach.visit", string="Sent by", readonly=True, index="btree_not_null"
    )
    # station notes (every officer)
    note = fields.Text(string="Notes")
    # assessment (social worker and the BPJS officer)
    assessment_note = fields.Text(string="Assessment Instrument")
    bpjs_status = fields.Selection(BPJS_STATES, string="BPJS Status")
    pbi_referral = fields.Boolean(
        string="PBI Referral", help="Referred for the activation of BPJS PBI."
    )
    # disability consultants
    needs = fields.Text()
    intervention_plan = fields.Text()
    interventions = fields.Text()
    follow_up_plan = fields.Text(string="Follow-up")
    # health and psychology (specific personal data, health role only)
    anamnesis = fields.Text(groups=HEALTH)
    diagnosis = fields.Text(groups=HEALTH)
    nutrition_advice = fields.Text(groups=HEALTH)
    referral_note = fields.Text(string="Referral to a Consultant", groups=HEALTH)
    psych_screening = fields.Text(string="Psychological Screening", groups=HEALTH)
    psych_treatment = fields.Selection(
        [
            ("none", "None"),
            ("counselling", "Counselling"),
            ("psychotherapy", "Psychotherapy"),
        ],
        string="Psychological Treatment",
        groups=HEALTH,
    )
    health_note = fields.Text(string="Health Notes", groups=HEALTH)

    can_start = fields.Boolean(compute="_compute_can")
    can_finish = fields.Boolean(compute="_compute_can")
    can_no_show = fields.Boolean(compute="_compute_can")
    can_recall = fields.Boolean(compute="_compute_can")
    can_transfer = fields.Boolean(compute="_compute_can")

    @api.depends("state", "event_id.state")
    def _compute_can(self):
        for visit in self:
            running = visit.event_id.state == "in_progress"
            for fname, states in VISIT_RULES.items():
                visit[fname] = running and visit.state in states

    def _service_time_calendar(self):
        """An outreach day runs outside office hours and on Saturdays: its
        waits and services count round the clock."""
        return self.env["resource.calendar"]

    @api.depends("station_id", "queue_number", "participant_id")
    def _compute_display_name(self):
        for visit in self:
            visit.display_name = (
                f"{visit.queue_number or '-'} · {visit.station_id.name}"
            )

    # ------------------------------------------------------------ CRUD

    def _check_workflow_vals(self, vals):
        if WORKFLOW_FIELDS & set(vals) and not in_social_workflow(self.env):
            raise UserError(
                self.env._(
                    "The queue of a station moves only by its desk buttons (call, "
                    "start, end, no-show, recall, send on)."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not in_social_workflow(self.env):
            raise UserError(
                self.env._(
                    "A visit is created by the check-in or by sending a "
                    "participant on to another station."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        self._check_workflow_vals(vals)
        if not in_social_workflow(self.env):
            self._check_officer()
        return super().write(vals)

    def _check_officer(self):
        if is_supervisor(self.env):
            return
        for visit in self:
            if self.env.user not in visit.station_id.user_ids:
                raise UserError(
                    self.env._(
                        "Only the officers of %(station)s write its notes.",
                        station=visit.station_id.name,
                    )
                )

    # ------------------------------------------------------------ desk

    def _check_rule(self, rule, message):
        self.station_id._check_desk()
        labels = dict(self._fields["state"]._description_selection(self.env))
        for visit in self:
            if not visit[rule]:
                raise UserError(message(visit.queue_number, labels[visit.state]))

    def _workflow_write(self, vals):
        with social_workflow():
            self.write(vals)
        self.event_id._display_notify()

    def _call(self):
        now = fields.Datetime.now()
        for visit in self:
            vals = {
                "state": "called",
                "date_called": now,
                "user_id": self.env.uid,
                "call_count": visit.call_count + 1,
            }
            if not visit.date_called:
                vals["waiting_minutes"] = (
                    now - visit.date_queued
                ).total_seconds() / 60.0
            with social_workflow():
                visit.write(vals)
        self.event_id._display_notify()

    def action_start(self):
        self._check_rule(
            "can_start",
            lambda number, state: self.env._(
                "Participant %(number)s is %(state)s: only a called participant "
                "starts being served.",
                number=number,
                state=state,
            ),
        )
        self._workflow_write(
            {
                "state": "serving",
                "date_start": fields.Datetime.now(),
                "user_id": self.env.uid,
            }
        )
        return True

    def action_done(self):
        self._check_rule(
            "can_finish",
            lambda number, state: self.env._(
                "Participant %(number)s is %(state)s: only a participant being "
                "served can be finished.",
                number=number,
                state=state,
            ),
        )
        self._workflow_write({"state": "done", "date_end": fields.Datetime.now()})
        self._participant_served()
        return True

    def action_no_show(self):
        self._check_rule(
            "can_no_show",
            lambda number, state: self.env._(
                "Participant %(number)s is %(state)s: only a called participant "
                "can be marked as not showing up.",
                number=number,
                state=state,
            ),
        )
        self._workflow_write({"state": "no_show"})
        return True

    def action_recall(self):
        self._check_rule(
            "can_recall",
            lambda number, state: self.env._(
                "Participant %(number)s is %(state)s: only a no-show can be "
                "called again.",
                number=number,
                state=state,
            ),
        )
        self._call()
        return True

    def action_transfer(self):
        self.ensure_one()
        self._check_rule(
            "can_transfer",
            lambda number, state: self.env._(
                "Participant %(number)s is %(state)s: only a participant called, "
                "being served or served can be sent on.",
                number=number,
                state=state,
            ),
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send On to Another Station"),
            "res_model": "social.outreach.transfer",
            "view_mode": "form",
            "target": "new",
            "context": {"default_visit_id": self.id},
        }

    def _transfer(self, station):
        """End this visit and queue the participant at ``station``."""
        self.ensure_one()
        self._check_rule(
            "can_transfer",
            lambda number, state: self.env._(
                "Participant %(number)s is %(state)s: only a participant called, "
                "being served or served can be sent on.",
                number=number,
                state=state,
            ),
        )
        if station.event_id != self.event_id or station == self.station_id:
            raise UserError(
                self.env._(
                    "Send the participant on to another station of the same "
                    "outreach day."
                )
            )
        # sudo: the target station's queue is not the sender's to read
        open_there = self.sudo().search_count(
            [
                ("participant_id", "=", self.participant_id.id),
                ("station_id", "=", station.id),
                ("state", "in", ("waiting", "called", "serving")),
            ]
        )
        if open_there:
            raise UserError(
                self.env._(
                    "Participant %(number)s is already in the queue of %(station)s.",
                    number=self.queue_number,
                    station=station.name,
                )
            )
        now = fields.Datetime.now()
        vals = {"state": "transferred" if self.state != "done" else "done"}
        if not self.date_start:
            vals["date_start"] = now
        if not self.date_end:
            vals["date_end"] = now
        with social_workflow():
            self.write(vals)
            new = self.sudo().create(
                {
                    "participant_id": self.participant_id.id,
                    "station_id": station.id,
                    "date_queued": now,
                    "from_visit_id": self.id,
                }
            )
        self.event_id._display_notify()
        return new

    def _participant_served(self):
        """A participant with no open visit left has been served."""
        participants = self.participant_id
        # sudo: the other stations' visits decide, whoever ends this one
        open_visits = self.sudo().search(
            [
                ("participant_id", "in", participants.ids),
                ("state", "in", ("waiting", "called", "serving")),
            ]
        )
        served = participants - open_visits.participant_id
        with social_workflow():
            served.sudo().write({"state": "done"})

    def _action_open_form(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }
