# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

import psycopg2.errors
from pytz import timezone, utc

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
    social_workflow,
)

# SPM (Permensos 9/2018): outside institutions, meals for at most 7 days
SPM_MEAL_DAYS = 7
PLACE_FIELDS = frozenset({"shelter_id", "bed_id", "check_in"})


class SocialShelterStay(models.Model):
    """A stay of a client in a rumah singgah, from check-in until check-out.

    A shelter never holds more clients than its capacity and a bed never
    two clients, also under concurrent check-ins: the shelter's row is
    updated (locked) before its stays are counted, so that a second check-in
    waits for the first one (and is retried after it), and PostgreSQL
    refuses two stays of one bed over the same time (exclusion constraint)."""

    _name = "social.shelter.stay"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "social.dpa.chargeable.mixin",
        "social.trc.workflow.mixin",
    ]
    _description = "Shelter Stay"
    _order = "check_in desc, id desc"
    _check_company_auto = True

    _WORKFLOW_FIELDS = frozenset({"name", "state", "check_out", "charged_until"})

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    shelter_id = fields.Many2one(
        "social.shelter", required=True, index=True, tracking=True, check_company=True
    )
    company_id = fields.Many2one(
        related="shelter_id.company_id", store=True, index=True, precompute=True
    )
    bed_id = fields.Many2one(
        "social.shelter.bed",
        index=True,
        tracking=True,
        check_company=True,
        domain="[('shelter_id', '=', shelter_id)]",
    )
    client_id = fields.Many2one(
        "social.client", required=True, index=True, tracking=True, check_company=True
    )
    report_id = fields.Many2one(
        "social.trc.report", string="Complaint", index=True, check_company=True
    )
    state = fields.Selection(
        [("active", "Staying"), ("done", "Checked Out"), ("cancelled", "Cancelled")],
        default="active",
        readonly=True,
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    check_in = fields.Datetime(
        required=True, default=fields.Datetime.now, index=True, tracking=True
    )
    planned_check_out = fields.Datetime(string="Planned Check-out")
    check_out = fields.Datetime(
        string="Check-out", readonly=True, copy=False, index=True, tracking=True
    )
    reason = fields.Text(string="Reason for the Stay", required=True)
    meal_days = fields.Integer(
        compute="_compute_meal_days",
        help="Days with meals, from the check-in day to the check-out day (or today).",
    )
    is_over_spm = fields.Boolean(
        string="Past the SPM Limit",
        compute="_compute_meal_days",
        help="More than 7 meal days: the SPM (Permensos 9/2018) gives meals for "
        "at most 7 days outside institutions.",
    )
    stay_days = fields.Integer(
        compute="_compute_stay_days",
        store=True,
        aggregator="sum",
        help="Days of a finished stay (check-in day to check-out day).",
    )
    family_tracing_status = fields.Selection(
        [
            ("not_started", "Not started"),
            ("in_progress", "In progress"),
            ("found", "Family found"),
            ("not_found", "Family not found"),
        ],
        default="not_started",
        required=True,
        tracking=True,
    )
    outcome = fields.Selection(
        [
            ("returned", "Returned to the family"),
            ("referred", "Referred"),
            ("institution", "Placed in an institution"),
            ("other", "Other"),
        ],
        tracking=True,
    )
    outcome_note = fields.Text()
    charged_until = fields.Date(
        string="Costs Charged Until",
        readonly=True,
        copy=False,
        help="The meals and care of each day up to this one are charged to the "
        "DPA line (every night for the day before, and at check-out).",
    )

    _check_dates = models.Constraint(
        "CHECK (check_out IS NULL OR check_out > check_in)",
        "A check-out comes after the check-in.",
    )
    _bed_no_overlap = models.Constraint(
        "EXCLUDE USING gist (bed_id WITH =, tsrange(check_in, check_out) WITH &&) "
        "WHERE (((state)::text <> 'cancelled'::text) AND (bed_id IS NOT NULL))",
        "The bed is already taken by another client at that time.",
    )

    def _auto_init(self):
        # the exclusion constraints compare an id with = in a GiST index, which
        # needs btree_gist (a trusted extension since PostgreSQL 13); it must
        # exist before the table's constraints are applied
        self.env.cr.execute(SQL("CREATE EXTENSION IF NOT EXISTS btree_gist"))
        return super()._auto_init()

    def _local_date(self, moment):
        """The day of ``moment`` in the office's time zone (its calendar's)."""
        tz = timezone(
            self.company_id.resource_calendar_id.sudo().tz
            or self.env.user.tz
            or "Asia/Jakarta"
        )
        return utc.localize(moment).astimezone(tz).date()

    @api.depends("check_in", "check_out")
    def _compute_meal_days(self):
        now = fields.Datetime.now()
        for stay in self:
            if not stay.check_in or stay.state == "cancelled":
                stay.meal_days = 0
            else:
                start = stay._local_date(stay.check_in)
                end = stay._local_date(stay.check_out or now)
                stay.meal_days = max((end - start).days + 1, 1)
            stay.is_over_spm = stay.meal_days > SPM_MEAL_DAYS

    @api.depends("check_in", "check_out", "state")
    def _compute_stay_days(self):
        for stay in self:
            if stay.state == "done" and stay.check_out:
                start = stay._local_date(stay.check_in)
                end = stay._local_date(stay.check_out)
                stay.stay_days = (end - start).days + 1
            else:
                stay.stay_days = 0

    @api.onchange("check_in", "planned_check_out")
    def _onchange_planned_check_out(self):
        if (
            self.check_in
            and self.planned_check_out
            and self.planned_check_out - self.check_in > timedelta(days=SPM_MEAL_DAYS)
        ):
            return {
                "warning": {
                    "title": self.env._("Past the SPM limit"),
                    "message": self.env._(
                        "The SPM gives meals for at most %(days)s days outside "
                        "institutions: plan the referral or the return home.",
                        days=SPM_MEAL_DAYS,
                    ),
                }
            }
        return None

    # ------------------------------------------------------------ places

    def _lock_shelters(self, shelter_ids):
        """Update the shelters' rows: a concurrent check-in waits here until
        this transaction ends, and is then retried (serialization failure) so
        that it counts this one's stays."""
        if shelter_ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE social_shelter SET write_date = write_date "
                    "WHERE id = ANY(%s)",
                    sorted(shelter_ids),
                )
            )

    def _check_places(self):
        """Each stay of ``self`` fits its shelter's capacity and bed."""
        self.flush_model()
        for stay in self.filtered(lambda s: s.state != "cancelled"):
            if stay.bed_id and stay.bed_id.shelter_id != stay.shelter_id:
                raise ValidationError(
                    self.env._(
                        "Bed %(bed)s is not in %(shelter)s.",
                        bed=stay.bed_id.name,
                        shelter=stay.shelter_id.name,
                    )
                )
            self.env.cr.execute(
                SQL(
                    """
                    SELECT count(*) FROM social_shelter_stay
                     WHERE shelter_id = %(shelter)s AND state <> 'cancelled'
                       AND tsrange(check_in, check_out) && tsrange(%(start)s, %(stop)s)
                    """,
                    shelter=stay.shelter_id.id,
                    start=stay.check_in,
                    stop=stay.check_out or None,
                )
            )
            (count,) = self.env.cr.fetchone()
            if count > stay.shelter_id.capacity:
                raise ValidationError(
                    self.env._(
                        "%(shelter)s is full: it holds %(capacity)s clients at most.",
                        shelter=stay.shelter_id.name,
                        capacity=stay.shelter_id.capacity,
                    )
                )

    def _check_beds_free(self, vals_list):
        """Refuse a taken bed before the insert, with the clear message. The
        exclusion constraint stays the guarantee (two stays of one batch, a
        concurrent check-in); its violation would also be logged as an error by
        the database layer."""
        self.flush_model(["bed_id", "check_in", "check_out", "state"])
        now = fields.Datetime.now()
        for vals in vals_list:
            if not vals.get("bed_id") or vals.get("state") == "cancelled":
                continue
            self.env.cr.execute(
                SQL(
                    """
                    SELECT 1 FROM social_shelter_stay
                     WHERE bed_id = %(bed)s AND state <> 'cancelled'
                       AND tsrange(check_in, check_out) && tsrange(%(start)s, %(stop)s)
                     LIMIT 1
                    """,
                    bed=vals["bed_id"],
                    start=fields.Datetime.to_datetime(vals.get("check_in")) or now,
                    stop=fields.Datetime.to_datetime(vals.get("check_out")) or None,
                )
            )
            if self.env.cr.fetchone():
                raise ValidationError(self._bed_taken_message())

    def _bed_taken_message(self):
        return self.env._("The bed is already taken by another client at that time.")

    # ------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not in_social_workflow(self.env):
            for vals in vals_list:
                self._check_workflow_fields(vals)
        self._lock_shelters({vals.get("shelter_id") for vals in vals_list} - {None})
        numbers = self.env["ir.sequence"]._next_by_code_batch(
            "social.shelter.stay", len(vals_list)
        )
        for vals, number in zip(vals_list, numbers, strict=True):
            vals["name"] = number or "/"
        self._check_beds_free(vals_list)
        try:
            with self.env.cr.savepoint():
                stays = super().create(vals_list)
                stays.flush_recordset()
        except psycopg2.errors.ExclusionViolation as exc:
            raise ValidationError(self._bed_taken_message()) from exc
        stays._check_places()
        return stays

    def write(self, vals):
        if not in_social_workflow(self.env):
            self._check_workflow_fields(vals)
            if PLACE_FIELDS.intersection(vals) and any(
                stay.state != "active" for stay in self
            ):
                raise UserError(
                    self.env._("A closed stay keeps its shelter, bed and dates.")
                )
        places = PLACE_FIELDS.intersection(vals)
        if places:
            self._lock_shelters(
                set(self.shelter_id.ids) | ({vals["shelter_id"]} - {False, None})
                if "shelter_id" in vals
                else set(self.shelter_id.ids)
            )
        try:
            with self.env.cr.savepoint():
                res = super().write(vals)
                self.flush_recordset()
        except psycopg2.errors.ExclusionViolation as exc:
            raise ValidationError(self._bed_taken_message()) from exc
        if places:
            self._check_places()
        return res

    def _creation_message(self):
        return self._fallback_lang().env._(
            "Check-in registered under number %(number)s", number=self.name
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if any(stay.state != "cancelled" for stay in self):
            raise UserError(
                self.env._("A stay is part of the register: cancel it instead.")
            )

    # ------------------------------------------------------------ actions

    def action_check_out(self):
        self.check_access("write")
        now = fields.Datetime.now()
        for stay in self:
            if stay.state != "active":
                raise UserError(
                    self.env._("%(name)s has already ended.", name=stay.name)
                )
            if not stay.outcome:
                raise UserError(
                    self.env._(
                        "Record the outcome of %(name)s (returned to the family, "
                        "referred, placed in an institution, other) first.",
                        name=stay.name,
                    )
                )
            if stay.check_in >= now:
                raise UserError(
                    self.env._("%(name)s has not begun yet: cancel it.", name=stay.name)
                )
        with social_workflow():
            self.write({"state": "done", "check_out": now})
        for stay in self:
            stay._charge_daily_costs(stay._local_date(now))
        return True

    def _charge_daily_costs(self, until):
        """Charge the meals and care of each day of the stay not charged yet,
        up to ``until`` (a date) or the check-out day: one charge per day to
        the shelter's DPA line."""
        self.ensure_one()
        shelter = self.shelter_id
        if not shelter.daily_cost or self.state == "cancelled":
            return 0
        if not shelter.dpa_line_id:
            raise UserError(
                self.env._(
                    "Give %(shelter)s the DPA line that pays its meals and care.",
                    shelter=shelter.name,
                )
            )
        first = self._local_date(self.check_in)
        if self.charged_until:
            first = max(first, self.charged_until + timedelta(days=1))
        last = until
        if self.check_out:
            last = min(last, self._local_date(self.check_out))
        days = (last - first).days + 1
        for day in range(max(days, 0)):
            date = first + timedelta(days=day)
            self._dpa_charge(
                shelter.dpa_line_id,
                date,
                shelter.daily_cost,
                self.env._(
                    "Meals and care %(date)s, stay %(stay)s",
                    date=date,
                    stay=self.name,
                ),
            )
        if days > 0:
            with social_workflow():
                self.write({"charged_until": last})
        return max(days, 0)

    @api.model
    def _cron_charge_daily_costs(self):
        """Every night: the day before of each current stay. A charge that the
        DPA refuses (ceiling) is said in the stay's chatter and tried again the
        next night."""
        stays = self.search(
            [
                ("state", "=", "active"),
                ("shelter_id.daily_cost", ">", 0),
                ("shelter_id.dpa_line_id", "!=", False),
            ]
        )
        now = fields.Datetime.now()
        charged = 0
        for stay in stays:
            yesterday = stay._local_date(now) - timedelta(days=1)
            try:
                with self.env.cr.savepoint():
                    charged += stay._charge_daily_costs(yesterday)
            except UserError as error:
                stay.message_post(
                    body=self.env._(
                        "The meals and care could not be charged: %(reason)s",
                        reason=str(error),
                    )
                )
        return charged

    def action_cancel(self):
        self.check_access("write")
        for stay in self:
            if stay.state != "active":
                raise UserError(self.env._("Only a current stay can be cancelled."))
        with social_workflow():
            self.write({"state": "cancelled"})
        return True
