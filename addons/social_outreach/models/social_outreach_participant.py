# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
)

CATEGORIES = [
    ("disability", "Person with disability"),
    ("family", "Family of a person with disability"),
    ("other", "Other PPKS"),
]
SOURCES = [
    ("invited", "Invited from the registry"),
    ("imported", "Imported from the regency's list"),
    ("walk_in", "Walk-in"),
]
PARTICIPANT_STATES = [
    ("invited", "Invited"),
    ("checked_in", "Checked In"),
    ("done", "Served"),
]
# given by the check-in and the stations only
QUEUE_FIELDS = frozenset({"queue_number", "day_id", "check_in_date", "state"})


class SocialOutreachParticipant(models.Model):
    """A client taking part in an outreach day, invited or walking in; the
    check-in gives the queue number (``social_outreach_participant_queue``)."""

    _name = "social.outreach.participant"
    _description = "Outreach Participant"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "event_id desc, day_id, queue_number, id"
    _check_company_auto = True
    _rec_names_search = ["client_id"]

    event_id = fields.Many2one(
        "social.outreach.event",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    client_id = fields.Many2one(
        "social.client",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        related="event_id.company_id", store=True, index=True, string="Office"
    )
    regency_id = fields.Many2one(
        related="event_id.regency_id", store=True, string="Event Regency/City"
    )
    village_id = fields.Many2one(
        "social.region",
        string="Village",
        compute="_compute_village_id",
        store=True,
        readonly=False,
        index=True,
        help="Village of the participant (from the client, can be corrected).",
    )
    category = fields.Selection(
        CATEGORIES, required=True, default="disability", tracking=True
    )
    source = fields.Selection(SOURCES, required=True, default="invited")
    state = fields.Selection(
        PARTICIPANT_STATES,
        default="invited",
        required=True,
        readonly=True,
        copy=False,
        index=True,
    )
    ktp_checked = fields.Boolean(
        string="KTP Copy Checked", help="The participant brought a copy of the KTP."
    )
    kk_checked = fields.Boolean(
        string="KK Copy Checked", help="The participant brought a copy of the KK."
    )
    documents_checked = fields.Boolean(compute="_compute_documents_checked", store=True)
    day_id = fields.Many2one(
        "social.outreach.event.day",
        string="Check-in Day",
        readonly=True,
        copy=False,
        index=True,
        ondelete="restrict",
    )
    queue_number = fields.Integer(readonly=True, copy=False, aggregator=None)
    check_in_date = fields.Datetime(string="Checked in at", readonly=True, copy=False)
    checked_in_by_id = fields.Many2one(
        "res.users", string="Checked in by", readonly=True, copy=False
    )
    first_name = fields.Char(compute="_compute_first_name")
    queue_station_id = fields.Many2one(
        "social.outreach.station",
        string="In the Queue of",
        compute="_compute_queue_station_id",
        help="The station where the participant waits or is being served.",
    )
    visit_ids = fields.One2many(
        "social.outreach.visit", "participant_id", string="Visits"
    )
    followup_ids = fields.One2many(
        "social.outreach.followup", "participant_id", string="Follow-ups"
    )
    followup_count = fields.Integer(compute="_compute_followup_count")
    note = fields.Text()

    _client_once = models.UniqueIndex(
        "(event_id, client_id)", "This client is already a participant of this day."
    )
    _queue_unique = models.UniqueIndex(
        "(day_id, queue_number) WHERE queue_number IS NOT NULL",
        "This queue number is already given on this day.",
    )

    @api.depends("client_id.village_id")
    def _compute_village_id(self):
        for participant in self:
            if not participant.village_id:
                participant.village_id = participant.client_id.village_id

    @api.depends("ktp_checked", "kk_checked")
    def _compute_documents_checked(self):
        for participant in self:
            participant.documents_checked = (
                participant.ktp_checked and participant.kk_checked
            )

    @api.depends("client_id.name")
    def _compute_first_name(self):
        for participant in self:
            words = (participant.client_id.name or "").split()
            participant.first_name = words[0] if words else ""

    def _compute_queue_station_id(self):
        # sudo: where a participant waits is no note of the station; the
        # registration desk tells them (and prints it on the ticket)
        visits = (
            self.env["social.outreach.visit"]
            .sudo()
            .search(
                [
                    ("participant_id", "in", self.ids),
                    ("state", "in", ("waiting", "called", "serving")),
                ],
                order="id desc",
            )
        )
        stations = {}
        for visit in visits:
            stations.setdefault(visit.participant_id.id, visit.station_id.id)
        Station = self.env["social.outreach.station"]
        for participant in self:
            participant.queue_station_id = Station.browse(stations.get(participant.id))

    def _compute_followup_count(self):
        counts = dict(
            self.env["social.outreach.followup"]._read_group(
                [("participant_id", "in", self.ids)], ["participant_id"], ["__count"]
            )
        )
        for participant in self:
            participant.followup_count = counts.get(participant, 0)

    @api.depends("client_id", "queue_number")
    def _compute_display_name(self):
        for participant in self:
            name = participant.client_id.name or ""
            participant.display_name = (
                f"{participant.queue_number}. {name}"
                if participant.queue_number
                else name
            )

    # ------------------------------------------------------------ CRUD

    def _check_queue_vals(self, vals_list):
        if in_social_workflow(self.env):
            return
        for vals in vals_list:
            if QUEUE_FIELDS & set(vals):
                raise UserError(
                    self.env._(
                        "Queue numbers, check-in times and the participant's "
                        "state are given by the check-in and the stations; they "
                        "cannot be entered."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_queue_vals(vals_list)
        events = self.env["social.outreach.event"].browse(
            {vals.get("event_id") for vals in vals_list if vals.get("event_id")}
        )
        self._check_event_open(events)
        self._check_not_registered(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_queue_vals([vals])
        if {"event_id", "client_id"} & set(vals) and not in_social_workflow(self.env):
            if self.filtered("queue_number"):
                raise UserError(
                    self.env._(
                        "A checked-in participant stays with the day and the "
                        "client of the check-in."
                    )
                )
            self._check_event_open(
                self.env["social.outreach.event"].browse(vals.get("event_id"))
                or self.event_id
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_checked_in(self):
        if self.filtered("queue_number"):
            raise UserError(
                self.env._(
                    "A participant who has checked in keeps their record: it "
                    "cannot be deleted."
                )
            )

    def _check_event_open(self, events):
        for event in events:
            if not event.can_register:
                raise UserError(
                    self.env._(
                        "%(event)s is closed or cancelled: participants can no "
                        "longer be registered.",
                        event=event.display_name,
                    )
                )

    def _check_not_registered(self, vals_list):
        """A clear message before the unique index refuses the same client
        twice on one day (the index decides under concurrency)."""
        pairs = [
            (vals.get("event_id"), vals.get("client_id"))
            for vals in vals_list
            if vals.get("event_id") and vals.get("client_id")
        ]
        if not pairs:
            return
        if len(set(pairs)) < len(pairs):
            raise UserError(
                self.env._("The same client is listed twice for one outreach day.")
            )
        # sudo: a duplicate must be found even when the reader may not see it
        existing = self.sudo().search(
            [
                ("event_id", "in", [p[0] for p in pairs]),
                ("client_id", "in", [p[1] for p in pairs]),
            ]
        )
        found = {(p.event_id.id, p.client_id.id): p for p in existing}
        for pair in pairs:
            if pair in found:
                raise UserError(
                    self.env._(
                        "%(client)s is already a participant of %(event)s.",
                        client=found[pair].client_id.name,
                        event=found[pair].event_id.display_name,
                    )
                )

    # ------------------------------------------------------------ buttons

    def action_open_followup(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Follow-up"),
            "res_model": "social.outreach.followup.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_participant_id": self.id},
        }

    def action_view_followups(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Follow-ups"),
            "res_model": "social.outreach.followup",
            "view_mode": "list,form",
            "domain": [("participant_id", "=", self.id)],
            "context": {"create": False},
        }
