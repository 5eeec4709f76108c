# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Check-in and queue numbers.

Queue numbers count per event day, from 1, in check-in order, without gaps
and without duplicates, also when several registration desks check people in
at the same moment:

1. the check-in locks the row of the day (``SELECT ... FOR UPDATE``): the
   desks take turns, each waits until the previous check-in has committed;
2. holding the lock, it reads the highest number already given that day,
   both in a fresh transaction (the numbers committed by the desks before it:
   Odoo's transactions are REPEATABLE READ, so the waiting transaction's own
   snapshot predates them) and in its own transaction (its own check-ins not
   yet committed), and takes the next ones;
3. ``UniqueIndex(day_id, queue_number)`` is the backstop in PostgreSQL.

A check-in that fails rolls back and gives its number back: no gap. A number
once given is kept: checking in twice returns the first number.
"""

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.social_client.models.social_tier_validation import social_workflow


class SocialOutreachParticipant(models.Model):
    _inherit = "social.outreach.participant"

    def action_check_in(self):
        """Check the participants in, in the order of ``self``, on today's
        day of their event; return the queue number (of the first)."""
        if not self:
            return False
        # the desk's right: writing the participants (record rules included)
        self.check_access("write")
        todo = self.filtered(lambda p: not p.queue_number)
        events = todo.event_id
        for event in events:
            if not event.can_check_in:
                raise UserError(
                    self.env._(
                        "%(event)s is not in progress: participants check in "
                        "only while the day runs.",
                        event=event.display_name,
                    )
                )
        # today in the desk's time zone; around midnight a desk whose time zone
        # differs from the one the dates were planned in still finds the day
        # by today's UTC date
        today = fields.Date.context_today(self)
        dates = [today, fields.Date.today()]
        # sudo: the day rows are the event's numbering rows
        days = (
            self.env["social.outreach.event.day"]
            .sudo()
            .search([("event_id", "in", events.ids), ("date", "in", dates)])
        )
        day_by_event = {}
        for day in days.sorted(lambda d: d.date != today):
            day_by_event.setdefault(day.event_id.id, day)
        for event in events:
            if event.id not in day_by_event:
                raise UserError(
                    self.env._(
                        "Today is not a day of %(event)s: participants check in "
                        "on the days of the event only.",
                        event=event.display_name,
                    )
                )
        if todo:
            todo._check_in_on(day_by_event)
        return self[:1].queue_number

    def _check_in_on(self, day_by_event, now=None):
        """Give queue numbers on the days ``{event id: day}`` (see the module
        docstring). The caller has checked the state and the rights."""
        now = now or fields.Datetime.now()
        Day = self.env["social.outreach.event.day"]
        days = Day.browse(sorted({day.id for day in day_by_event.values()}))
        self.env.flush_all()
        # 1. the desks take turns, in a fixed order of the days (no deadlock)
        self.env.cr.execute(
            SQL(
                "SELECT id FROM social_outreach_event_day WHERE id IN %s "
                "ORDER BY id FOR UPDATE",
                tuple(days.ids),
            )
        )
        # 2. the last numbers: committed by others, and our own
        last = self._queue_last_numbers(self.env.cr, days.ids)
        # while the registry loads (install, demo data) nobody else checks in,
        # and the tables may not be committed yet
        if self.env.registry.ready:
            with self.env.registry.cursor() as fresh:
                committed = self._queue_last_numbers(fresh, days.ids)
            for day_id, number in committed.items():
                last[day_id] = max(last.get(day_id, 0), number)
        values = []
        for participant in self:
            day = day_by_event[participant.event_id.id]
            last[day.id] = last.get(day.id, 0) + 1
            values.append(SQL("(%s, %s, %s)", participant.id, day.id, last[day.id]))
        # one statement for the batch; the unique index checks every row
        self.env.cr.execute(
            SQL(
                """
                UPDATE social_outreach_participant AS p
                   SET queue_number = v.number, day_id = v.day_id,
                       check_in_date = %(now)s, checked_in_by_id = %(uid)s,
                       state = 'checked_in', write_date = %(now)s,
                       write_uid = %(uid)s
                  FROM (VALUES %(values)s) AS v(id, day_id, number)
                 WHERE p.id = v.id AND p.queue_number IS NULL
                """,
                now=now,
                uid=self.env.uid,
                values=SQL(", ").join(values),
            )
        )
        if self.env.cr.rowcount != len(self):
            # a desk checked one of them in meanwhile: start again, the
            # transaction is rolled back and no number is lost
            raise UserError(
                self.env._(
                    "A participant was checked in at another desk at the same "
                    "moment; try again."
                )
            )
        self.invalidate_recordset(
            ["queue_number", "day_id", "check_in_date", "checked_in_by_id", "state"]
        )
        self._queue_first_station(now)
        events = self.event_id
        events.invalidate_recordset(["participant_count", "checked_in_count"])
        events._display_notify()

    def _queue_last_numbers(self, cr, day_ids):
        cr.execute(
            SQL(
                "SELECT day_id, MAX(queue_number) FROM social_outreach_participant "
                "WHERE day_id IN %s GROUP BY day_id",
                tuple(day_ids),
            )
        )
        return dict(cr.fetchall())

    def _queue_first_station(self, now):
        """Put the checked-in participants in the queue of their event's first
        station after the registration desk."""
        stations = {}
        for event in self.event_id:
            first = event.station_ids.filtered(
                lambda s: s.kind != "registration" and s.active
            ).sorted("sequence")[:1]
            if first:
                stations[event.id] = first
        vals = [
            {
                "participant_id": participant.id,
                "station_id": stations[participant.event_id.id].id,
                "date_queued": now,
            }
            for participant in self
            if participant.event_id.id in stations
        ]
        # sudo: the desk queues the participant; the visit has no notes yet,
        # and only the station's officers read it afterwards
        with social_workflow():
            self.env["social.outreach.visit"].sudo().create(vals)
