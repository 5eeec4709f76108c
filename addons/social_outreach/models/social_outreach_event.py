# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
    social_workflow,
)

STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
# The state rules, in one place: the states in which each thing may be done.
STATE_RULES = {
    "can_confirm": ("draft",),
    "can_start": ("confirmed",),
    "can_finish": ("in_progress",),
    "can_cancel": ("draft", "confirmed"),
    "can_reset": ("cancel",),
    "can_edit_plan": ("draft",),
    "can_register": ("draft", "confirmed", "in_progress"),
    "can_check_in": ("in_progress",),
}
# written by the workflow only (actions, sudo)
WORKFLOW_FIELDS = frozenset({"state", "number", "date_done"})
PLAN_FIELDS = frozenset({"date_start", "date_end", "company_id"})
MAX_DAYS = 14


class SocialOutreachEvent(models.Model):
    """An outreach service day (Yansos Jejama, seed 000) in one regency or
    city, over one or more days."""

    _name = "social.outreach.event"
    _description = "Outreach Service Day"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "social.dpa.chargeable.mixin",
        "social.verifiable.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "number"]

    number = fields.Char(readonly=True, copy=False, default="/", index=True)
    name = fields.Char(
        string="Title",
        required=True,
        tracking=True,
        default=lambda self: self.env._("Yansos Jejama"),
        help="What the day is called, e.g. Yansos Jejama Kabupaten Mesuji.",
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
        string="Coordinator",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    regency_id = fields.Many2one(
        "social.region",
        string="Regency/City",
        domain="[('level', '=', 'regency')]",
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    village_id = fields.Many2one(
        "social.region",
        string="Village",
        domain="[('level', '=', 'village')]",
        index=True,
        tracking=True,
        ondelete="restrict",
        help="Village (desa/kelurahan) where the day is held.",
    )
    venue = fields.Char(tracking=True, help="Hall or building where the day is held.")
    date_start = fields.Date(
        string="First Day",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_end = fields.Date(
        string="Last Day",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_done = fields.Datetime(string="Closed on", readonly=True, copy=False)
    day_ids = fields.One2many("social.outreach.event.day", "event_id", string="Days")
    planned_participants = fields.Integer(default=100, tracking=True)
    dpa_line_id = fields.Many2one(
        "social.dpa.line",
        string="DPA Line",
        check_company=True,
        tracking=True,
        index=True,
        help="The line of the office's DPA that pays for the day.",
    )
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    member_ids = fields.One2many(
        "social.outreach.member", "event_id", string="Committee and Cadres"
    )
    station_ids = fields.One2many(
        "social.outreach.station", "event_id", string="Stations"
    )
    participant_ids = fields.One2many(
        "social.outreach.participant", "event_id", string="Participants"
    )
    followup_ids = fields.One2many(
        "social.outreach.followup", "event_id", string="Follow-ups"
    )
    cost_ids = fields.One2many("social.outreach.cost", "event_id", string="Costs")
    display_token = fields.Char(
        copy=False,
        readonly=True,
        index=True,
        groups="social_client.group_social_user",
        default=lambda self: secrets.token_urlsafe(24),
    )
    display_url = fields.Char(
        string="Queue Display Link",
        compute="_compute_display_url",
        groups="social_client.group_social_user",
    )
    participant_count = fields.Integer(compute="_compute_counts")
    checked_in_count = fields.Integer(string="Checked In", compute="_compute_counts")
    followup_count = fields.Integer(compute="_compute_counts")
    note = fields.Html()

    can_confirm = fields.Boolean(compute="_compute_can")
    can_start = fields.Boolean(compute="_compute_can")
    can_finish = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_reset = fields.Boolean(compute="_compute_can")
    can_edit_plan = fields.Boolean(compute="_compute_can")
    can_register = fields.Boolean(compute="_compute_can")
    can_check_in = fields.Boolean(compute="_compute_can")

    _display_token_unique = models.UniqueIndex(
        "(display_token) WHERE display_token IS NOT NULL",
        "This display link is already used.",
    )
    _dates_ordered = models.Constraint(
        "CHECK (date_end >= date_start)",
        "The last day cannot be before the first day.",
    )
    _planned_positive = models.Constraint(
        "CHECK (planned_participants >= 0)",
        "The planned number of participants cannot be negative.",
    )

    # ------------------------------------------------------------ computes

    @api.depends("state")
    def _compute_can(self):
        for event in self:
            for fname, states in STATE_RULES.items():
                event[fname] = event.state in states

    @api.depends("display_token")
    def _compute_display_url(self):
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        for event in self:
            event.display_url = (
                f"{base}/social/outreach/display/{event.display_token}"
                if event.display_token
                else False
            )

    def _compute_counts(self):
        Participant = self.env["social.outreach.participant"]
        groups = Participant._read_group(
            [("event_id", "in", self.ids)],
            ["event_id", "state"],
            ["__count"],
        )
        totals, checked = {}, {}
        for event, state, count in groups:
            totals[event.id] = totals.get(event.id, 0) + count
            if state != "invited":
                checked[event.id] = checked.get(event.id, 0) + count
        followups = dict(
            self.env["social.outreach.followup"]._read_group(
                [("event_id", "in", self.ids)], ["event_id"], ["__count"]
            )
        )
        for event in self:
            event.participant_count = totals.get(event.id, 0)
            event.checked_in_count = checked.get(event.id, 0)
            event.followup_count = followups.get(event, 0)

    @api.depends("name", "number")
    def _compute_display_name(self):
        for event in self:
            event.display_name = (
                f"{event.number} {event.name}"
                if event.number and event.number != "/"
                else event.name
            )

    # ------------------------------------------------------------ constraints

    @api.constrains("date_start", "date_end")
    def _check_duration(self):
        for event in self:
            if (event.date_end - event.date_start).days + 1 > MAX_DAYS:
                raise ValidationError(
                    self.env._(
                        "An outreach day lasts at most %(days)s days.", days=MAX_DAYS
                    )
                )

    @api.constrains("regency_id", "village_id")
    def _check_village_in_regency(self):
        for event in self:
            village = event.village_id
            if (
                village
                and event.regency_id
                and village.parent_id.parent_id != event.regency_id
            ):
                raise ValidationError(
                    self.env._(
                        "The village %(village)s does not lie in %(regency)s.",
                        village=village.display_name,
                        regency=event.regency_id.display_name,
                    )
                )

    # ------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_workflow_vals(vals, create=True)
            # numbered in the year of the day itself (a day planned in
            # December for January takes the next year's number)
            vals["number"] = (
                self.env["ir.sequence"]
                .with_company(vals.get("company_id") or self.env.company.id)
                .with_context(
                    ir_sequence_date=vals.get("date_start")
                    or fields.Date.context_today(self)
                )
                .next_by_code("social.outreach.event")
                or "/"
            )
        events = super().create(vals_list)
        events._sync_days()
        events.filtered(lambda e: not e.member_ids)._fill_default_members()
        events.filtered(lambda e: not e.station_ids)._fill_default_stations()
        return events

    def _creation_message(self):
        return self._fallback_lang().env._(
            "Outreach day planned under number %(number)s", number=self.number
        )

    def _check_workflow_vals(self, vals, create=False):
        if in_social_workflow(self.env):
            return
        if create:
            if (
                vals.get("number", "/") != "/"
                or vals.get("state", "draft") != "draft"
                or "display_token" in vals
            ):
                raise UserError(
                    self.env._(
                        "An outreach day starts as a draft and takes its number "
                        "from the office's register."
                    )
                )
            return
        if WORKFLOW_FIELDS & set(vals):
            raise UserError(
                self.env._(
                    "The state of an outreach day changes only by its buttons "
                    "(confirm, start, close, cancel)."
                )
            )
        if "display_token" in vals:
            raise UserError(
                self.env._("The display link is changed only by its button.")
            )

    def write(self, vals):
        self._check_workflow_vals(vals)
        if PLAN_FIELDS & set(vals) and not in_social_workflow(self.env):
            locked = self.filtered(lambda e: not e.can_edit_plan)
            if locked:
                raise UserError(
                    self.env._(
                        "The dates of %(event)s are fixed once it is confirmed; "
                        "cancel and reset it to draft to change them.",
                        event=locked[0].display_name,
                    )
                )
        result = super().write(vals)
        if {"date_start", "date_end"} & set(vals):
            self._sync_days()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        for event in self:
            if event.state not in ("draft", "cancel") or event.participant_ids.filtered(
                "queue_number"
            ):
                raise UserError(
                    self.env._(
                        "%(event)s has started: it cannot be deleted.",
                        event=event.display_name,
                    )
                )

    def _sync_days(self):
        """One day record per date of the event (the queue numbers count per
        day). Days that have check-ins are never removed."""
        Day = self.env["social.outreach.event.day"].sudo()
        existing = {(d.event_id.id, d.date): d for d in self.sudo().day_ids}
        to_create, to_remove = [], Day
        for event in self:
            dates = {
                event.date_start + timedelta(days=i)
                for i in range((event.date_end - event.date_start).days + 1)
            }
            for date in sorted(dates):
                if (event.id, date) not in existing:
                    to_create.append({"event_id": event.id, "date": date})
            to_remove |= event.sudo().day_ids.filtered(
                lambda d, ds=dates: d.date not in ds
            )
        if to_remove.participant_ids:
            raise UserError(
                self.env._(
                    "A day with checked-in participants cannot be removed from "
                    "the dates."
                )
            )
        # sudo: the days are the event's own numbering rows, written here only
        to_remove.unlink()
        Day.create(to_create)

    def _fill_default_members(self):
        """The committee and cadres of the seed (editable data), one line per
        person to be named."""
        compositions = self.env["social.outreach.composition"].search([])  # pylint: disable=no-search-all  # the whole default composition
        vals = []
        for event in self:
            for comp in compositions:
                vals += [
                    {
                        "event_id": event.id,
                        "kind": comp.kind,
                        "origin": comp.origin,
                        "role": comp.role,
                    }
                    for __ in range(comp.quantity)
                ]
        self.env["social.outreach.member"].create(vals)

    def _fill_default_stations(self):
        Station = self.env["social.outreach.station"]
        kinds = Station._fields["kind"].get_description(self.env)["selection"]
        Station.create(
            [
                {"event_id": event.id, "kind": kind, "name": label, "sequence": seq}
                for event in self
                for seq, (kind, label) in enumerate(kinds, start=1)
            ]
        )

    # ------------------------------------------------------------ workflow

    def _check_can(self, rule, message):
        """Raise ``message(event name, state label)`` for the first event of
        ``self`` whose ``rule`` boolean is false."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for event in self:
            if not event[rule]:
                raise UserError(message(event.display_name, labels[event.state]))

    def action_confirm(self):
        self._check_can(
            "can_confirm",
            lambda event, state: self.env._(
                "%(event)s is %(state)s: only a draft can be confirmed.",
                event=event,
                state=state,
            ),
        )
        with social_workflow():
            self.write({"state": "confirmed"})
        return True

    def action_start(self):
        self._check_can(
            "can_start",
            lambda event, state: self.env._(
                "%(event)s is %(state)s: only a confirmed day can start.",
                event=event,
                state=state,
            ),
        )
        with social_workflow():
            self.write({"state": "in_progress"})
        return True

    def action_done(self):
        self._check_can(
            "can_finish",
            lambda event, state: self.env._(
                "%(event)s is %(state)s: only a day in progress can close.",
                event=event,
                state=state,
            ),
        )
        open_visits = (
            self.env["social.outreach.visit"]
            .sudo()
            .search(
                [("event_id", "in", self.ids), ("state", "in", ("called", "serving"))],
                limit=1,
            )
        )
        if open_visits:
            raise UserError(
                self.env._(
                    "Participant %(number)s is still being served at %(station)s: "
                    "end the visit before closing the day.",
                    number=open_visits.queue_number,
                    station=open_visits.station_id.name,
                )
            )
        with social_workflow():
            self.write({"state": "done", "date_done": fields.Datetime.now()})
            # who still waits at the end of the day did not come to the desk
            self.env["social.outreach.visit"].sudo().search(
                [("event_id", "in", self.ids), ("state", "=", "waiting")]
            ).write({"state": "cancel"})
        return True

    def action_cancel(self):
        self._check_can(
            "can_cancel",
            lambda event, state: self.env._(
                "%(event)s is %(state)s: only a draft or confirmed day can be "
                "cancelled.",
                event=event,
                state=state,
            ),
        )
        with social_workflow():
            self.write({"state": "cancel"})
        return True

    def action_draft(self):
        self._check_can(
            "can_reset",
            lambda event, state: self.env._(
                "%(event)s is %(state)s: only a cancelled day goes back to draft.",
                event=event,
                state=state,
            ),
        )
        with social_workflow():
            self.write({"state": "draft"})
        return True

    def action_regenerate_display_token(self):
        """A new display link; the old one stops working at once."""
        self.check_access("write")
        for event in self:
            # sudo: the token field is protected from plain writes
            event.sudo().write({"display_token": secrets.token_urlsafe(24)})
        return True

    # ------------------------------------------------------------ buttons

    def _action_open(self, model, name, extra_context=None):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("event_id", "=", self.id)],
            "context": {"default_event_id": self.id, **(extra_context or {})},
        }

    def action_view_participants(self):
        return self._action_open(
            "social.outreach.participant", self.env._("Participants")
        )

    def action_view_followups(self):
        return self._action_open("social.outreach.followup", self.env._("Follow-ups"))

    def action_open_registration(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register a Participant"),
            "res_model": "social.outreach.registration",
            "view_mode": "form",
            "target": "new",
            "context": {"default_event_id": self.id},
        }

    def action_open_import(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import Participants"),
            "res_model": "social.outreach.import",
            "view_mode": "form",
            "target": "new",
            "context": {"default_event_id": self.id},
        }

    def action_open_display(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": self.display_url, "target": "new"}
