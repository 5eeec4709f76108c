# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.social_client.models.social_tier_validation import social_workflow

STATION_KINDS = [
    ("registration", "Registration"),
    ("assessment", "Assessment and BPJS"),
    ("health", "Health (doctor, nurse, nutritionist)"),
    ("disability_visual", "Visual Disability Consultant"),
    ("disability_hearing", "Hearing and Speech Disability Consultant"),
    ("disability_intellectual", "Intellectual Disability Consultant"),
    ("psychology", "Psychologist"),
    ("social_work", "Social Worker"),
]
# the roles that see and run every station of the office
SUPERVISOR_GROUPS = (
    "social_client.group_social_kasi",
    "social_client.group_social_kabid",
    "social_client.group_social_kadis",
    "social_client.group_social_manager",
)


def is_supervisor(env):
    return env.su or any(env.user.has_group(group) for group in SUPERVISOR_GROUPS)


class SocialOutreachStation(models.Model):
    """A service station (pos layanan) of an outreach day, with its officers
    and its queue of visits."""

    _name = "social.outreach.station"
    _description = "Outreach Service Station"
    _order = "event_id, sequence, id"
    _check_company_auto = True

    event_id = fields.Many2one(
        "social.outreach.event",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="event_id.company_id", store=True, index=True, string="Office"
    )
    event_state = fields.Selection(related="event_id.state", string="Event State")
    name = fields.Char(required=True)
    kind = fields.Selection(STATION_KINDS, required=True, default="assessment")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    user_ids = fields.Many2many(
        "res.users",
        "social_outreach_station_user_rel",
        "station_id",
        "user_id",
        string="Officers",
        domain=lambda self: [
            ("all_group_ids", "in", self.env.ref("social_client.group_social_user").id)
        ],
    )
    visit_ids = fields.One2many("social.outreach.visit", "station_id", string="Visits")
    waiting_count = fields.Integer(string="Waiting", compute="_compute_figures")
    serving_count = fields.Integer(string="Being Served", compute="_compute_figures")
    done_count = fields.Integer(string="Served", compute="_compute_figures")
    no_show_count = fields.Integer(string="No-shows", compute="_compute_figures")
    avg_waiting_minutes = fields.Float(
        string="Average Wait (min)", compute="_compute_figures", digits=(16, 1)
    )
    avg_service_minutes = fields.Float(
        string="Average Service (min)", compute="_compute_figures", digits=(16, 1)
    )
    throughput_per_hour = fields.Float(
        string="Served per Hour",
        compute="_compute_figures",
        digits=(16, 1),
        help="Participants served per hour between the first start and the "
        "last end at this station.",
    )
    is_officer = fields.Boolean(compute="_compute_is_officer")

    _kind_unique = models.UniqueIndex(
        "(event_id, name)", "A station name is used once per event."
    )

    @api.depends_context("uid")
    def _compute_is_officer(self):
        supervisor = is_supervisor(self.env)
        for station in self:
            station.is_officer = supervisor or self.env.user in station.user_ids

    def _compute_figures(self):
        # sudo: the figures count visits; they show no notes or persons
        Visit = self.env["social.outreach.visit"].sudo()
        counts = {}
        for station, state, count in Visit._read_group(
            [("station_id", "in", self.ids)], ["station_id", "state"], ["__count"]
        ):
            counts[station.id, state] = count
        timing = {
            station.id: (wait, service, start, end, done)
            for station, wait, service, start, end, done in Visit._read_group(
                [("station_id", "in", self.ids), ("state", "=", "done")],
                ["station_id"],
                [
                    "waiting_minutes:avg",
                    "duration_minutes:avg",
                    "date_start:min",
                    "date_end:max",
                    "__count",
                ],
            )
        }
        for station in self:
            station.waiting_count = counts.get((station.id, "waiting"), 0)
            station.serving_count = counts.get((station.id, "called"), 0) + counts.get(
                (station.id, "serving"), 0
            )
            station.done_count = counts.get((station.id, "done"), 0) + counts.get(
                (station.id, "transferred"), 0
            )
            station.no_show_count = counts.get((station.id, "no_show"), 0)
            wait, service, start, end, done = timing.get(
                station.id, (0, 0, None, None, 0)
            )
            station.avg_waiting_minutes = wait or 0.0
            station.avg_service_minutes = service or 0.0
            hours = (end - start).total_seconds() / 3600 if start and end else 0
            station.throughput_per_hour = done / hours if hours > 0 else 0.0

    def _check_officer_vals(self, vals, events):
        """Officers are named by the event's coordinator or the Kasi and
        above: a staff member cannot make themselves an officer of a station
        (and so read its queue)."""
        if "user_ids" not in vals or is_supervisor(self.env):
            return
        for event in events:
            if event.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the coordinator of %(event)s or the Kasi and above "
                        "name the officers of its stations.",
                        event=event.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_officer_vals(
                vals, self.env["social.outreach.event"].browse(vals.get("event_id"))
            )
        return super().create(vals_list)

    def write(self, vals):
        self._check_officer_vals(vals, self.event_id)
        return super().write(vals)

    def _check_desk(self):
        """Only the station's officers (and the Kasi and above) run its desk,
        and only while the day is in progress."""
        supervisor = is_supervisor(self.env)
        for station in self:
            if not supervisor and self.env.user not in station.user_ids:
                raise AccessError(
                    self.env._(
                        "Only the officers of %(station)s run its desk.",
                        station=station.name,
                    )
                )
            if station.event_id.state != "in_progress":
                raise UserError(
                    self.env._(
                        "%(event)s is not in progress: its stations do not call "
                        "participants.",
                        event=station.event_id.display_name,
                    )
                )

    def action_call_next(self):
        """Call the first participant waiting, in queue order. Two desks
        calling at once cannot call the same person: both update the visit
        row and PostgreSQL lets only one of them through (the other is
        retried and calls the next one)."""
        self.ensure_one()
        self._check_desk()
        Visit = self.env["social.outreach.visit"].sudo()
        visit = Visit.search(
            [("station_id", "=", self.id), ("state", "=", "waiting")],
            order="queue_number, date_queued, id",
            limit=1,
        )
        if not visit:
            raise UserError(
                self.env._("Nobody is waiting at %(station)s.", station=self.name)
            )
        visit.with_user(self.env.user)._call()
        return visit.with_env(self.env)._action_open_form()

    def action_view_queue(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Queue of %(station)s", station=self.name),
            "res_model": "social.outreach.visit",
            "view_mode": "list,form",
            "domain": [("station_id", "=", self.id)],
            "context": {
                "search_default_filter_open": 1,
                "create": False,
            },
        }

    def _write_workflow(self, vals):
        with social_workflow():
            return self.write(vals)
