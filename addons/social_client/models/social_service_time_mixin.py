# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from bisect import bisect_left, bisect_right
from datetime import timedelta

from pytz import utc

from odoo import api, fields, models
from odoo.fields import Domain

# How far ahead a deadline is looked for before giving up (calendar days).
_MAX_PLAN_DAYS = 3660


class WorkingClock:
    """Working minutes elapsed over sorted, disjoint work intervals.

    ``minutes_at(dt)`` is the working time from the first interval up to
    ``dt``; the working time between two moments is the difference of their
    readings. ``moment_after(dt, minutes)`` is the inverse: when ``minutes`` of
    working time after ``dt`` are used up (``None`` past the last interval).
    Datetimes are naive UTC, as the ORM stores them.
    """

    def __init__(self, intervals):
        self.starts = []
        self.stops = []
        self.cumul = [0.0]
        for start, stop in sorted(intervals):
            if stop <= start:
                continue
            if self.stops and start < self.stops[-1]:
                start = self.stops[-1]
                if stop <= start:
                    continue
            self.starts.append(start)
            self.stops.append(stop)
            self.cumul.append(self.cumul[-1] + (stop - start).total_seconds() / 60.0)

    def minutes_at(self, dt):
        index = bisect_right(self.starts, dt) - 1
        if index < 0:
            return 0.0
        inside = min(dt, self.stops[index]) - self.starts[index]
        return self.cumul[index] + inside.total_seconds() / 60.0

    def moment_after(self, dt, minutes):
        target = self.minutes_at(dt) + minutes
        # first interval whose end reading reaches the target
        index = bisect_left(self.cumul, target - 1e-9, lo=1) - 1
        if index >= len(self.starts):
            return None
        moment = self.starts[index] + timedelta(minutes=target - self.cumul[index])
        return max(moment, dt)


class SocialServiceTimeMixin(models.AbstractModel):
    """A step with a time standard, measured in the office's working time.

    The working time is the ``resource.calendar`` of the record's company
    (``_service_time_calendar``): its attendances minus its global leaves
    (national holidays and cuti bersama, loaded by
    ``resource.calendar._social_load_national_holidays``). A request received
    at the end of a working day and handled at the start of the next one used
    a few working minutes, not a night.

    Stored figures (duration, overrun, deadline) are computed in batch: one
    set of interval queries per calendar, whatever the number of records. They
    are taken when the step starts or ends; a later change of the calendar
    does not rewrite them (call ``_service_time_recompute`` for that).
    """

    _name = "social.service.time.mixin"
    _description = "Service Time in Working Time"

    # no default here: a log of another document takes the document's office
    # (a related field), a document its own default
    company_id = fields.Many2one("res.company", string="Office", index=True)
    user_id = fields.Many2one(
        "res.users", string="Done by", index=True, help="Who completed the step."
    )
    date_start = fields.Datetime(string="Started", index=True)
    date_end = fields.Datetime(string="Ended", index=True)
    standard_value = fields.Float(
        string="Standard",
        digits=(16, 2),
        help="Time standard of the step, in the unit next to it. 0 means no "
        "standard: the step is timed but never flagged as an overrun.",
    )
    standard_unit = fields.Selection(
        [("minutes", "Working minutes"), ("days", "Working days")],
        default="minutes",
        required=True,
    )
    standard_minutes = fields.Integer(
        string="Standard (minutes)",
        compute="_compute_standard_minutes",
        store=True,
        aggregator="avg",
        help="The standard in working minutes; a working day counts the average "
        "working hours per day of the office's calendar.",
    )
    date_deadline = fields.Datetime(
        string="Deadline",
        compute="_compute_service_time",
        store=True,
        index=True,
        help="When the standard's working time counted from the start runs out.",
    )
    duration_minutes = fields.Float(
        string="Duration (minutes)",
        compute="_compute_service_time",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        help="Working minutes between start and end, in the office's working "
        "hours, without weekends, national holidays and cuti bersama.",
    )
    duration_days = fields.Float(
        string="Duration (working days)",
        compute="_compute_service_time",
        store=True,
        aggregator="avg",
        digits=(16, 2),
    )
    is_overrun = fields.Boolean(
        string="Overrun",
        compute="_compute_service_time",
        store=True,
        index=True,
        help="The step ended after using more working time than its standard.",
    )
    within_standard_rate = fields.Float(
        string="Share Within Standard (%)",
        compute="_compute_service_time",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        help="100 when the step ended within its standard, 0 otherwise; its "
        "average over a group is the share of steps within the standard. Empty "
        "for open steps and steps without a standard.",
    )
    elapsed_minutes = fields.Float(
        string="Working Minutes So Far",
        compute="_compute_elapsed",
        digits=(16, 1),
        help="Working minutes from the start to the end, or to now while open.",
    )
    is_overdue = fields.Boolean(
        string="Late",
        compute="_compute_elapsed",
        search="_search_is_overdue",
        help="Ended over its standard, or still open past its deadline.",
    )

    # ------------------------------------------------------------------
    # Working time
    # ------------------------------------------------------------------

    def _service_time_calendar(self):
        """The working-time calendar of one record (empty: round the clock).

        Override to measure against another calendar (a shelter working
        around the clock, a team's own hours)."""
        self.ensure_one()
        company = self.company_id or self.env.company
        return company.resource_calendar_id

    def _service_time_by_calendar(self):
        """Group ``self`` by calendar: {calendar (sudo): records}."""
        groups = {}
        for rec in self:
            # reading the office's hours and holidays is harmless and needed
            # by every user who reads a duration: no access right on them
            calendar = rec._service_time_calendar().sudo()
            groups.setdefault(calendar, []).append(rec.id)
        return {cal: self.browse(ids) for cal, ids in groups.items()}

    @api.model
    def _service_time_clock(self, calendar, date_from, date_to):
        """A ``WorkingClock`` of ``calendar`` from ``date_from`` to ``date_to``
        (naive UTC); two queries, whatever the span."""
        if not calendar:
            return WorkingClock([(date_from, date_to)])
        intervals = calendar._work_intervals_batch(
            utc.localize(date_from), utc.localize(date_to)
        )[False]
        return WorkingClock(
            (
                start.astimezone(utc).replace(tzinfo=None),
                stop.astimezone(utc).replace(tzinfo=None),
            )
            for start, stop, _meta in intervals
        )

    @api.model
    def _service_time_minutes_per_day(self, calendar):
        return (calendar.hours_per_day or 8.0) * 60.0 if calendar else 24.0 * 60.0

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("standard_value", "standard_unit", "company_id")
    def _compute_standard_minutes(self):
        for calendar, recs in self._service_time_by_calendar().items():
            per_day = self._service_time_minutes_per_day(calendar)
            for rec in recs:
                factor = per_day if rec.standard_unit == "days" else 1.0
                rec.standard_minutes = round(rec.standard_value * factor)

    @api.depends("date_start", "date_end", "standard_minutes")
    def _compute_service_time(self):
        values = self._service_time_values()
        for rec in self:
            rec.update(values[rec.id])

    def _service_time_values(self):
        """Stored figures of every record, in batch: {id: {field: value}}."""
        empty = {
            "date_deadline": False,
            "duration_minutes": 0.0,
            "duration_days": 0.0,
            "is_overrun": False,
            "within_standard_rate": False,
        }
        result = {rec.id: dict(empty) for rec in self}
        for calendar, recs in self._service_time_by_calendar().items():
            recs = recs.filtered("date_start")
            if not recs:
                continue
            lo = min(recs.mapped("date_start"))
            ends = [d for d in recs.mapped("date_end") if d]
            hi = max(ends + recs.mapped("date_start"))
            per_day = self._service_time_minutes_per_day(calendar)
            std_days = max(recs.mapped("standard_minutes")) / per_day
            # a working day is about 1.4 calendar days; room for holidays
            horizon = hi + timedelta(days=int(std_days * 1.5) + 14)
            clock = self._service_time_clock(calendar, lo, horizon)
            for rec in recs:
                vals = result[rec.id]
                if rec.standard_minutes > 0:
                    vals["date_deadline"] = self._service_time_plan(
                        calendar, clock, rec.date_start, rec.standard_minutes
                    )
                if not rec.date_end:
                    continue
                minutes = max(
                    clock.minutes_at(rec.date_end) - clock.minutes_at(rec.date_start),
                    0.0,
                )
                vals["duration_minutes"] = minutes
                vals["duration_days"] = minutes / per_day
                if rec.standard_minutes > 0:
                    # a rounding margin of a second
                    vals["is_overrun"] = minutes > rec.standard_minutes + 1 / 60.0
                    vals["within_standard_rate"] = 0.0 if vals["is_overrun"] else 100.0
        return result

    @api.model
    def _service_time_plan(self, calendar, clock, date_from, minutes):
        """``date_from`` plus ``minutes`` of working time, with ``clock``
        (extended with a longer one when the deadline lies beyond it)."""
        moment = clock.moment_after(date_from, minutes)
        span = 60
        while moment is None and span <= _MAX_PLAN_DAYS:
            longer = self._service_time_clock(
                calendar, date_from, date_from + timedelta(days=span)
            )
            moment = longer.moment_after(date_from, minutes)
            span *= 4
        return moment or False

    def _service_time_elapsed(self, now=None):
        """Working minutes from start to end, or to ``now`` for open records:
        {id: minutes}, in batch (the live figure of open steps)."""
        now = now or fields.Datetime.now()
        result = dict.fromkeys(self.ids, 0.0)
        for calendar, recs in self._service_time_by_calendar().items():
            recs = recs.filtered("date_start")
            if not recs:
                continue
            lo = min(recs.mapped("date_start"))
            hi = max([now] + [d for d in recs.mapped("date_end") if d])
            clock = self._service_time_clock(calendar, lo, max(hi, lo))
            for rec in recs:
                end = rec.date_end or now
                result[rec.id] = max(
                    clock.minutes_at(end) - clock.minutes_at(rec.date_start), 0.0
                )
        return result

    @api.model
    def _service_time_deadline(self, date_from, standard_value, unit="minutes"):
        """When a standard counted from ``date_from`` runs out, in the current
        office's working time (for a deadline shown before a record exists)."""
        calendar = self.env.company.resource_calendar_id.sudo()
        minutes = standard_value
        if unit == "days":
            minutes *= self._service_time_minutes_per_day(calendar)
        if minutes <= 0:
            return False
        clock = self._service_time_clock(
            calendar, date_from, date_from + timedelta(days=60)
        )
        return self._service_time_plan(calendar, clock, date_from, minutes)

    @api.model
    def _service_time_start_before(self, date_to, minutes):
        """The moment ``minutes`` of working time before ``date_to`` in the
        current office's working time (naive UTC): back-dating, for demo data
        and imports of steps timed elsewhere."""
        calendar = self.env.company.resource_calendar_id.sudo()
        if not calendar:
            return date_to - timedelta(minutes=minutes)
        start = calendar.plan_hours(
            -minutes / 60.0, utc.localize(date_to), compute_leaves=True
        )
        return start.astimezone(utc).replace(tzinfo=None) if start else False

    def _compute_elapsed(self):
        now = fields.Datetime.now()
        elapsed = self._service_time_elapsed(now)
        for rec in self:
            rec.elapsed_minutes = elapsed.get(rec.id, 0.0)
            if rec.date_end:
                rec.is_overdue = rec.is_overrun
            else:
                rec.is_overdue = bool(rec.date_deadline and rec.date_deadline < now)

    def _search_is_overdue(self, operator, value):
        # Odoo turns "= False" and "not in" into the negation of this
        if operator != "in":
            return NotImplemented
        return Domain("is_overrun", "=", True) | (
            Domain("date_end", "=", False)
            & Domain("date_deadline", "!=", False)
            & Domain("date_deadline", "<", fields.Datetime.now())
        )

    def _service_time_recompute(self):
        """Recompute the stored figures (after a change of the calendar)."""
        fields_ = [self._fields[name] for name in ("standard_minutes", "date_deadline")]
        for field in fields_:
            self.env.add_to_compute(field, self)
        self.flush_recordset()
