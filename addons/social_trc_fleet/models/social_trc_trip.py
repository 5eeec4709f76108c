# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
    social_workflow,
)

TRIP_STATES = [
    ("planned", "Planned"),
    ("ongoing", "On the Road"),
    ("done", "Returned"),
    ("cancelled", "Cancelled"),
]
# fields of the booking: fixed once the car has left
BOOKING_FIELDS = frozenset(
    {"vehicle_id", "driver_id", "date_departure", "odometer_out", "officer_ids"}
)
# fields of the return: fixed once the car is back
RETURN_FIELDS = frozenset({"date_return", "odometer_in", "fuel_cost", "dpa_line_id"})


class SocialTrcTrip(models.Model):
    """A trip of a TRC vehicle (Odoo fleet): who drives, when it leaves and
    returns, the odometer (fed into fleet's odometer log), the fuel (fed into
    fleet's service log and charged to the DPA line). A vehicle or a driver
    is never on two overlapping trips, planned ones included: PostgreSQL
    refuses it (exclusion constraints on the time range), so that two
    dispatchers booking at the same moment cannot both succeed."""

    _name = "social.trc.trip"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "social.dpa.chargeable.mixin",
        "social.trc.workflow.mixin",
    ]
    _description = "TRC Vehicle Trip"
    _order = "date_departure desc, id desc"
    _check_company_auto = True

    _WORKFLOW_FIELDS = frozenset(
        {
            "name",
            "state",
            "date_started",
            "date_returned",
            "odometer_out_id",
            "odometer_in_id",
            "fuel_log_id",
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
    state = fields.Selection(
        TRIP_STATES,
        default="planned",
        readonly=True,
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle", required=True, index=True, tracking=True, check_company=True
    )
    driver_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, check_company=True
    )
    officer_ids = fields.Many2many(
        "hr.employee",
        "social_trc_trip_officer_rel",
        "trip_id",
        "employee_id",
        string="Officers on Board",
        check_company=True,
    )
    date_departure = fields.Datetime(
        string="Departure", required=True, index=True, tracking=True
    )
    date_return = fields.Datetime(
        string="Return", required=True, index=True, tracking=True
    )
    date_started = fields.Datetime(string="Left at", readonly=True, copy=False)
    date_returned = fields.Datetime(string="Back at", readonly=True, copy=False)
    origin = fields.Char(default=lambda self: self.env.company.name)
    destination = fields.Char(required=True)
    passenger_client_ids = fields.Many2many(
        "social.client", string="Passengers (clients)", check_company=True
    )
    passenger_note = fields.Char(string="Other Passengers")
    report_id = fields.Many2one(
        "social.trc.report", string="Complaint", index=True, check_company=True
    )
    service_id = fields.Many2one(
        "social.trc.service", string="Service", index=True, check_company=True
    )
    odometer_out = fields.Float()
    odometer_in = fields.Float()
    distance = fields.Float(
        string="Distance (km)",
        compute="_compute_distance",
        store=True,
        aggregator="sum",
    )
    odometer_out_id = fields.Many2one(
        "fleet.vehicle.odometer", string="Odometer Log (Out)", readonly=True
    )
    odometer_in_id = fields.Many2one(
        "fleet.vehicle.odometer", string="Odometer Log (In)", readonly=True
    )
    fuel_cost = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    dpa_line_id = fields.Many2one(
        "social.dpa.line",
        string="DPA Line",
        check_company=True,
        help="The DPA line the fuel is charged to.",
    )
    fuel_log_id = fields.Many2one(
        "fleet.vehicle.log.services", string="Fuel Record", readonly=True
    )

    _check_dates = models.Constraint(
        "CHECK (date_return > date_departure)",
        "A trip returns after it leaves.",
    )
    _check_odometer = models.Constraint(
        "CHECK (odometer_out >= 0 AND odometer_in >= 0 AND fuel_cost >= 0)",
        "Odometer readings and fuel cost cannot be negative.",
    )
    _vehicle_no_overlap = models.Constraint(
        "EXCLUDE USING gist (vehicle_id WITH =, "
        "tsrange(date_departure, date_return) WITH &&) "
        "WHERE ((state)::text <> 'cancelled'::text)",
        "The vehicle is already booked for an overlapping trip.",
    )
    _driver_no_overlap = models.Constraint(
        "EXCLUDE USING gist (driver_id WITH =, "
        "tsrange(date_departure, date_return) WITH &&) "
        "WHERE ((state)::text <> 'cancelled'::text)",
        "The driver is already on an overlapping trip.",
    )

    def _auto_init(self):
        # the exclusion constraints compare an id with = in a GiST index, which
        # needs btree_gist (a trusted extension since PostgreSQL 13); it must
        # exist before the table's constraints are applied
        self.env.cr.execute(SQL("CREATE EXTENSION IF NOT EXISTS btree_gist"))
        return super()._auto_init()

    @api.depends("odometer_out", "odometer_in")
    def _compute_distance(self):
        for trip in self:
            trip.distance = (
                max(trip.odometer_in - trip.odometer_out, 0.0)
                if trip.odometer_in and trip.odometer_out
                else 0.0
            )

    # ------------------------------------------------------------ overlap

    def _overlap_rows(self, vehicle_id, driver_id, date_from, date_to, exclude_ids):
        """Trips not cancelled of ``vehicle_id`` or ``driver_id`` that overlap
        [date_from, date_to): one query on the exclusion constraints' indexes."""
        query = SQL(
            """
            SELECT id, name, vehicle_id = %(vehicle)s AS same_vehicle
              FROM social_trc_trip
             WHERE state <> 'cancelled'
               AND (vehicle_id = %(vehicle)s OR driver_id = %(driver)s)
               AND tsrange(date_departure, date_return) && tsrange(%(start)s, %(stop)s)
               AND id <> ALL(%(exclude)s)
             LIMIT 1
            """,
            vehicle=vehicle_id,
            driver=driver_id,
            start=date_from,
            stop=date_to,
            exclude=list(exclude_ids),
        )
        self.env.cr.execute(query)
        return self.env.cr.fetchall()

    def _check_no_overlap(self, candidates):
        """``candidates``: (trip or empty, vehicle_id, driver_id, start, stop)."""
        self.flush_model(["vehicle_id", "driver_id", "date_departure", "date_return"])
        for trip, vehicle_id, driver_id, start, stop in candidates:
            if not (vehicle_id and driver_id and start and stop) or stop <= start:
                continue
            rows = self._overlap_rows(vehicle_id, driver_id, start, stop, trip.ids)
            if rows:
                _id, name, same_vehicle = rows[0]
                raise ValidationError(self._overlap_message(same_vehicle, name))

    def _overlap_message(self, same_vehicle, name=None):
        if same_vehicle:
            return self.env._(
                "The vehicle is already booked for an overlapping trip "
                "%(trip)s: choose another time or vehicle.",
                trip=name or "",
            )
        return self.env._(
            "The driver is already on an overlapping trip %(trip)s: choose "
            "another time or driver.",
            trip=name or "",
        )

    def _flush_translating_overlap(self):
        """Flush under a savepoint and word a refusal of the exclusion
        constraints (a concurrent booking the check above could not see)."""
        try:
            with self.env.cr.savepoint():
                self.env.flush_all()
        except psycopg2.errors.ExclusionViolation as exc:
            same_vehicle = "vehicle" in (exc.diag.constraint_name or "")
            raise ValidationError(self._overlap_message(same_vehicle)) from exc

    # ------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not in_social_workflow(self.env):
            for vals in vals_list:
                self._check_workflow_fields(vals)
        self._check_no_overlap(
            [
                (
                    self.browse(),
                    vals.get("vehicle_id"),
                    vals.get("driver_id"),
                    fields.Datetime.to_datetime(vals.get("date_departure")),
                    fields.Datetime.to_datetime(vals.get("date_return")),
                )
                for vals in vals_list
            ]
        )
        numbers = self.env["ir.sequence"]._next_by_code_batch(
            "social.trc.trip", len(vals_list)
        )
        for vals, number in zip(vals_list, numbers, strict=True):
            vals["name"] = number or "/"
        try:
            with self.env.cr.savepoint():
                trips = super().create(vals_list)
        except psycopg2.errors.ExclusionViolation as exc:
            same_vehicle = "vehicle" in (exc.diag.constraint_name or "")
            raise ValidationError(self._overlap_message(same_vehicle)) from exc
        return trips

    def write(self, vals):
        if not in_social_workflow(self.env):
            self._check_workflow_fields(vals)
            self._check_locked_fields(vals)
        booking = {"vehicle_id", "driver_id", "date_departure", "date_return", "state"}
        if booking.intersection(vals):
            self._check_no_overlap(
                [
                    (
                        trip,
                        vals.get("vehicle_id", trip.vehicle_id.id),
                        vals.get("driver_id", trip.driver_id.id),
                        fields.Datetime.to_datetime(
                            vals.get("date_departure", trip.date_departure)
                        ),
                        fields.Datetime.to_datetime(
                            vals.get("date_return", trip.date_return)
                        ),
                    )
                    for trip in self
                    if vals.get("state", trip.state) != "cancelled"
                ]
            )
        res = super().write(vals)
        if booking.intersection(vals):
            self._flush_translating_overlap()
        return res

    def _check_locked_fields(self, vals):
        for trip in self:
            if trip.state != "planned" and BOOKING_FIELDS.intersection(vals):
                raise UserError(
                    self.env._(
                        "%(trip)s has left: its vehicle, driver, departure and "
                        "odometer out are fixed.",
                        trip=trip.name,
                    )
                )
            if trip.state in ("done", "cancelled") and RETURN_FIELDS.intersection(vals):
                raise UserError(
                    self.env._(
                        "%(trip)s is closed: its return, odometer and fuel are fixed.",
                        trip=trip.name,
                    )
                )

    def _creation_message(self):
        return self._fallback_lang().env._(
            "Trip booked under number %(number)s", number=self.name
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_planned(self):
        if any(trip.state != "planned" for trip in self):
            raise UserError(
                self.env._("Only a planned trip may be deleted; cancel it instead.")
            )

    # ------------------------------------------------------------ actions

    def _crew(self):
        return self.driver_id | self.officer_ids

    def action_start(self):
        """The car leaves: every person on board is on a signed letter."""
        self.check_access("write")
        Letter = self.env["social.trc.letter"]
        for trip in self:
            if trip.state != "planned":
                raise UserError(
                    self.env._(
                        "%(trip)s is not planned: it cannot leave.", trip=trip.name
                    )
                )
            if trip.odometer_out <= 0:
                raise UserError(
                    self.env._(
                        "Read the odometer of %(trip)s before it leaves.",
                        trip=trip.name,
                    )
                )
            vehicle = trip.vehicle_id.sudo()
            vehicle.invalidate_recordset(["odometer"])
            last = vehicle.odometer
            if trip.odometer_out < last:
                raise UserError(
                    self.env._(
                        "The odometer out (%(out)s) is below the last reading of "
                        "the vehicle (%(last)s).",
                        out=trip.odometer_out,
                        last=last,
                    )
                )
            Letter._check_covered(
                trip._crew(),
                trip.date_departure,
                trip.date_return,
                self.env._("Trip %(trip)s", trip=trip.name),
            )
        # sudo: the odometer log of fleet is written on behalf of the TRC,
        # whose right to run the trip was checked above
        now = fields.Datetime.now()
        for trip in self:
            odometer = trip._log_odometer(trip.odometer_out)
            with social_workflow():
                trip.write(
                    {
                        "state": "ongoing",
                        "date_started": now,
                        "odometer_out_id": odometer.id,
                    }
                )
        return True

    def _log_odometer(self, value):
        return (
            self.env["fleet.vehicle.odometer"]
            .sudo()
            .create(
                {
                    "vehicle_id": self.vehicle_id.id,
                    "value": value,
                    "date": fields.Date.context_today(self),
                    "driver_id": self.driver_id.sudo().work_contact_id.id,
                }
            )
        )

    def action_return(self):
        """The car is back: odometer in, fuel into fleet and the DPA."""
        self.check_access("write")
        for trip in self:
            if trip.state != "ongoing":
                raise UserError(
                    self.env._("%(trip)s is not on the road.", trip=trip.name)
                )
            if trip.odometer_in < trip.odometer_out or not trip.odometer_in:
                raise UserError(
                    self.env._(
                        "The odometer in of %(trip)s must be at least its odometer "
                        "out (%(out)s).",
                        trip=trip.name,
                        out=trip.odometer_out,
                    )
                )
            if trip.fuel_cost and not trip.dpa_line_id:
                raise UserError(
                    self.env._(
                        "Choose the DPA line that pays the fuel of %(trip)s.",
                        trip=trip.name,
                    )
                )
        service_type = self.env.ref("social_trc_fleet.fleet_service_type_fuel")
        today = fields.Date.context_today(self)
        for trip in self:
            vals = {
                "state": "done",
                "date_returned": fields.Datetime.now(),
                "odometer_in_id": trip._log_odometer(trip.odometer_in).id,
            }
            if trip.fuel_cost:
                # sudo: fleet's cost record is written on behalf of the TRC
                log = (
                    self.env["fleet.vehicle.log.services"]
                    .sudo()
                    .create(
                        {
                            "vehicle_id": trip.vehicle_id.id,
                            "service_type_id": service_type.id,
                            "amount": trip.fuel_cost,
                            "date": today,
                            "description": self.env._(
                                "Fuel of trip %(trip)s", trip=trip.name
                            ),
                            "company_id": trip.company_id.id,
                            "odometer_id": vals["odometer_in_id"],
                            "state": "done",
                        }
                    )
                )
                vals["fuel_log_id"] = log.id
                trip._dpa_charge(
                    trip.dpa_line_id,
                    today,
                    trip.fuel_cost,
                    self.env._(
                        "Fuel of trip %(trip)s (%(vehicle)s)",
                        trip=trip.name,
                        vehicle=trip.vehicle_id.sudo().license_plate or "",
                    ),
                )
            with social_workflow():
                trip.write(vals)
        return True

    def action_cancel(self):
        self.check_access("write")
        for trip in self:
            if trip.state != "planned":
                raise UserError(
                    self.env._(
                        "Only a planned trip can be cancelled; %(trip)s has left.",
                        trip=trip.name,
                    )
                )
        with social_workflow():
            self.write({"state": "cancelled"})
        return True
