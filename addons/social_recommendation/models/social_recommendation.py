# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
    social_workflow,
)

STATES = [
    ("draft", "Request Received"),
    ("verification", "Field Verification"),
    ("check", "Administrative Check"),
    ("review", "Sign-off"),
    ("approved", "Approved"),
    ("issued", "Letter Issued"),
    ("handed", "Handed Over"),
    ("delivered", "Client Delivered"),
    ("cancel", "Cancelled"),
]
KASI = "social_client.group_social_kasi"

# The state rules, in one place: the steps in which each thing may be done.
# The can_* booleans read them (with who may do it), and the views, ``write``
# and the actions read the booleans.
STATE_RULES = {
    "can_edit_request": ("draft", "verification", "check"),
    "can_start_verification": ("draft",),
    "can_submit_assessment": ("verification",),
    "can_check": ("check",),
    "can_issue": ("approved",),
    "can_hand_over": ("issued",),
    "can_deliver": ("handed",),
    "can_print_letter": ("approved", "issued", "handed", "delivered"),
    "can_edit_delivery": (
        "draft",
        "verification",
        "check",
        "review",
        "approved",
        "issued",
        "handed",
    ),
    # the Kasi until the sign-off is done, the registrant before it starts
    "can_cancel": ("draft", "verification", "check", "review"),
}
EDITABLE_STATES = STATE_RULES["can_edit_request"]
PRINTABLE_STATES = STATE_RULES["can_print_letter"]
# set only by the workflow (action_* methods, sign-off)
WORKFLOW_FIELDS = frozenset(
    {
        "name",
        "state",
        "letter_number",
        "letter_date",
        "letter_attachment_id",
        "checked_by_id",
        "checked_date",
        "approved_date",
        "handed_date",
        "return_note",
    }
)
# the request as checked and signed: frozen once the administrative check passed
REQUEST_FIELDS = {
    "client_id",
    "type_id",
    "institution_id",
    "social_worker_id",
    "user_id",
    "company_id",
    "date_received",
    "request_from",
    "request_village_id",
    "request_letter_number",
    "request_letter_date",
    "request_letter",
    "assessment_result",
    "assessment_notes",
}
DELIVERY_FIELDS = {"delivery_date", "delivered_by_id"}


class SocialRecommendation(models.Model):
    """A recommendation letter from the request of a village to the delivery
    of the client to the institution (SOP No. 800/13-c/Dinsos.C/2023).

    The sign-off (Kasi paraf, Kabid paraf, Kadis signature) is a tier
    validation of OCA base_tier_validation; the state machine around it is
    driven only by the ``action_*`` methods, and each SOP step is timed in
    ``social.recommendation.step``.
    """

    _name = "social.recommendation"
    _description = "Social Recommendation"
    _inherit = ["mail.thread", "mail.activity.mixin", "social.tier.validation"]
    _order = "date_received desc, id desc"
    _check_company_auto = True

    _state_from = ["review"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = True
    _social_workflow_fields = WORKFLOW_FIELDS

    name = fields.Char(
        string="Agenda Number",
        readonly=True,
        copy=False,
        default="/",
        index=True,
        help="Number of the incoming request in the register (buku agenda).",
    )
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand="_group_expand_states",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Registered by",
        default=lambda self: self.env.user,
        required=True,
        tracking=True,
        index=True,
        help="Staff member who registered the request. As the requester of the "
        "sign-off, this person may not sign it off (four-eyes principle).",
    )

    # The request of the village
    date_received = fields.Datetime(
        string="Received on", default=fields.Datetime.now, required=True, tracking=True
    )
    request_from = fields.Char(
        string="Requested by (Office)",
        required=True,
        help="Village or kelurahan office that sent the request letter.",
    )
    request_village_id = fields.Many2one(
        "social.region",
        string="Requesting Village",
        domain="[('level', '=', 'village')]",
        index=True,
    )
    request_letter_number = fields.Char()
    request_letter_date = fields.Date()
    request_letter = fields.Binary(string="Scanned Request Letter", attachment=True)
    request_letter_name = fields.Char(string="Request Letter File Name")

    # What is recommended
    client_id = fields.Many2one(
        "social.client",
        string="Client",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    type_id = fields.Many2one(
        "social.recommendation.type",
        string="Recommendation Type",
        required=True,
        tracking=True,
        index=True,
    )
    institution_id = fields.Many2one(
        "res.partner",
        string="Destination Institution",
        tracking=True,
        domain="[('id', 'in', allowed_institution_ids)]",
    )
    allowed_institution_ids = fields.Many2many(
        "res.partner", related="type_id.institution_ids", string="Allowed Institutions"
    )
    social_worker_id = fields.Many2one(
        "res.users",
        string="Social Worker",
        tracking=True,
        index=True,
        help="Social worker assigned to the field verification and assessment.",
    )

    # Verification and assessment
    assessment_result = fields.Selection(
        [("eligible", "Eligible"), ("not_eligible", "Not Eligible")],
        tracking=True,
    )
    assessment_notes = fields.Text()
    document_ids = fields.One2many(
        "social.recommendation.document", "recommendation_id", string="Documents"
    )
    missing_document_type_ids = fields.Many2many(
        "social.recommendation.document.type",
        string="Missing Documents",
        compute="_compute_missing_document_type_ids",
    )
    checked_by_id = fields.Many2one(
        "res.users", string="Checked by", readonly=True, copy=False
    )
    checked_date = fields.Datetime(string="Checked on", readonly=True, copy=False)
    return_note = fields.Text(
        string="Reason for Return",
        readonly=True,
        copy=False,
        help="Comment of the reviewer who returned the recommendation.",
    )

    # The letter and the delivery
    approved_date = fields.Datetime(string="Approved on", readonly=True, copy=False)
    letter_number = fields.Char(readonly=True, copy=False, tracking=True, index=True)
    letter_date = fields.Date(readonly=True, copy=False, tracking=True)
    letter_attachment_id = fields.Many2one(
        "ir.attachment", string="Issued Letter", readonly=True, copy=False
    )
    handed_date = fields.Datetime(string="Handed over on", readonly=True, copy=False)
    delivery_date = fields.Datetime(string="Delivered on", copy=False, tracking=True)
    delivered_by_id = fields.Many2one(
        "res.users", string="Delivered by", copy=False, tracking=True
    )
    note = fields.Html()

    # SOP timing
    step_ids = fields.One2many(
        "social.recommendation.step", "recommendation_id", string="SOP Steps"
    )
    sop_overrun = fields.Boolean(
        string="SOP Overrun",
        compute="_compute_sop_overrun",
        store=True,
        help="At least one step took longer than its SOP standard.",
    )
    sop_overrun_count = fields.Integer(
        string="Overrun Steps", compute="_compute_sop_overrun", store=True
    )

    _name_company_unique = models.UniqueIndex(
        "(name, company_id) WHERE name != '/'",
        "The agenda number must be unique per office.",
    )
    _letter_number_company_unique = models.UniqueIndex(
        "(letter_number, company_id) WHERE letter_number IS NOT NULL",
        "The letter number must be unique per office.",
    )

    def _group_expand_states(self, states, domain):
        """Kanban columns in the order of the flow (grouping sorts by value), the
        cancelled column only when it holds records."""
        return [
            state for state, _label in STATES if state != "cancel" or state in states
        ]

    @api.depends("step_ids.is_overrun")
    def _compute_sop_overrun(self):
        # one grouped query for the whole batch, whatever its size
        counts = dict(
            self.env["social.recommendation.step"]._read_group(
                [("recommendation_id", "in", self.ids), ("is_overrun", "=", True)],
                groupby=["recommendation_id"],
                aggregates=["__count"],
            )
        )
        for rec in self:
            count = counts.get(rec, 0)
            rec.sop_overrun_count = count
            rec.sop_overrun = bool(count)

    @api.depends("type_id.required_document_type_ids", "document_ids.document_type_id")
    def _compute_missing_document_type_ids(self):
        for rec in self:
            rec.missing_document_type_ids = (
                rec.type_id.required_document_type_ids
                - rec.document_ids.document_type_id
            )

    @api.onchange("type_id")
    def _onchange_type_id(self):
        if (
            self.institution_id
            and self.institution_id not in self.allowed_institution_ids
        ):
            self.institution_id = False
        if not self.institution_id and len(self.allowed_institution_ids) == 1:
            self.institution_id = self.allowed_institution_ids

    @api.onchange("client_id")
    def _onchange_client_id(self):
        if self.client_id.social_worker_id and not self.social_worker_id:
            self.social_worker_id = self.client_id.social_worker_id
        if self.client_id.village_id and not self.request_village_id:
            self.request_village_id = self.client_id.village_id

    @api.model_create_multi
    def create(self, vals_list):
        to_number = defaultdict(list)
        for vals in vals_list:
            # the agenda number comes from the office's register, never the client
            if not in_social_workflow(self.env):
                self._social_check_workflow_fields(vals)
            if vals.get("name", "/") == "/":
                to_number[vals.get("company_id") or self.env.company.id].append(vals)
        for company_id, company_vals in to_number.items():
            company = self.env["res.company"].browse(company_id)
            numbers = company._recommendation_next_numbers(
                "social.recommendation", len(company_vals)
            )
            for vals, number in zip(company_vals, numbers, strict=True):
                vals["name"] = number
        with social_workflow():
            records = super().create(vals_list)
        records._sop_follow_state()
        return records

    def _creation_message(self):
        """Say what happened in the office's words (the default names the model),
        in the user's language also where the context has none (data files)."""
        return self._fallback_lang().env._(
            "Request received, agenda number %(number)s", number=self.name
        )

    def write(self, vals):
        # the workflow fields: refused by social.tier.validation outside the
        # workflow; the request itself: only while it may be edited
        locked = REQUEST_FIELDS.intersection(vals)
        if (
            locked
            and not in_social_workflow(self.env)
            and not all(self.mapped("can_edit_request"))
        ):
            raise UserError(
                self.env._(
                    "The request can no longer be changed once the administrative "
                    "check has passed: %(fields)s.",
                    fields=", ".join(
                        self._fields[name].get_description(self.env)["string"]
                        for name in sorted(locked)
                    ),
                )
            )
        delivery = DELIVERY_FIELDS.intersection(vals)
        if (
            delivery
            and not in_social_workflow(self.env)
            and not all(self.mapped("can_edit_delivery"))
        ):
            raise UserError(
                self.env._(
                    "The delivery of a delivered or cancelled recommendation can no "
                    "longer be changed."
                )
            )
        old_states = {rec.id: rec.state for rec in self} if "state" in vals else None
        res = super().write(vals)
        if old_states is not None:
            self._sop_follow_state(old_states)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_progress(self):
        if any(rec.state not in ("draft", "cancel") for rec in self):
            raise UserError(
                self.env._(
                    "Only a request still received or a cancelled recommendation can "
                    "be deleted; the register keeps the others."
                )
            )

    # ------------------------------------------------------------------ helpers

    def _check_group(self, xmlid, action):
        if not self.env.user.has_group(xmlid):
            group = self.env.ref(xmlid)
            raise UserError(
                self.env._(
                    "%(action)s may only be done by a member of %(group)s.",
                    action=action,
                    group=group.name,
                )
            )

    def _write_workflow(self, vals):
        """Write done by the workflow itself (its bookkeeping): recognised on
        the server only, never through a context key."""
        return self._social_workflow_write(vals)

    # ------------------------------------------------------------------ actions

    def action_start_verification(self):
        self._check_allowed(
            "can_start_verification", self.env._("Starting the field verification")
        )
        for rec in self:
            if not rec.social_worker_id:
                raise UserError(
                    self.env._(
                        "Assign the social worker who verifies %(name)s in the field "
                        "first.",
                        name=rec.name,
                    )
                )
        self._write_workflow({"state": "verification"})
        # one batch of activities per social worker rather than one per request
        for worker, recs in self.grouped("social_worker_id").items():
            recs.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=worker.id,
                # in the language of the social worker who will read it
                summary=recs.with_context(lang=worker.lang).env._(
                    "Field verification and assessment"
                ),
            )
        return True

    def action_submit_assessment(self):
        for rec in self:
            if rec.state == "verification" and not rec.can_submit_assessment:
                raise UserError(
                    self.env._(
                        "Only the assigned social worker %(worker)s submits the "
                        "assessment of %(name)s.",
                        worker=rec.social_worker_id.name,
                        name=rec.name,
                    )
                )
        self._check_allowed(
            "can_submit_assessment", self.env._("Submitting the assessment")
        )
        for rec in self:
            if not rec.assessment_result or not rec.assessment_notes:
                raise UserError(
                    self.env._(
                        "Record the result and the notes of the assessment of "
                        "%(name)s first.",
                        name=rec.name,
                    )
                )
        self._fallback_lang().activity_feedback(["mail.mail_activity_data_todo"])
        self._write_workflow({"state": "check", "return_note": False})
        return True

    def _administrative_problems(self):
        """What keeps the Kasi from passing the administrative check."""
        self.ensure_one()
        problems = []
        client = self.client_id
        if not client.nik and not client.no_identity:
            problems.append(
                self.env._(
                    "identification: the client has no NIK and is not registered "
                    "as without identity"
                )
            )
        if not client.registration_number or client.registration_number == "/":
            problems.append(self.env._("registration: the client has no number"))
        if self.assessment_result != "eligible" or not self.assessment_notes:
            problems.append(
                self.env._("assessment: the client was not assessed as eligible")
            )
        if self.missing_document_type_ids:
            problems.append(
                self.env._(
                    "missing documents: %(documents)s",
                    documents=", ".join(self.missing_document_type_ids.mapped("name")),
                )
            )
        return problems

    def action_administrative_check(self):
        """The Kasi's check (SOP step 3); passing it requests the sign-off."""
        action = self.env._("The administrative check")
        self._check_group(KASI, action)
        self._check_allowed("can_check", action)
        for rec in self:
            problems = rec._administrative_problems()
            if problems:
                raise UserError(
                    self.env._(
                        "The administrative check of %(name)s cannot go on:\n- "
                        "%(problems)s",
                        name=rec.name,
                        problems="\n- ".join(problems),
                    )
                )
        self._write_workflow(
            {
                "state": "review",
                "checked_by_id": self.env.user.id,
                "checked_date": fields.Datetime.now(),
            }
        )
        self.invalidate_recordset(["review_ids"])
        for rec in self:
            reviews = rec.request_validation()
            if not reviews:
                raise UserError(
                    self.env._(
                        "No sign-off tier applies to %(name)s: ask the administrator "
                        "to configure the tier definitions of recommendations.",
                        name=rec.name,
                    )
                )
            rec._sop_start_next_tier()
        return True

    def action_issue(self):
        """Give the approved letter its number and date and keep the PDF."""
        for rec in self:
            if rec.state == "approved" and not rec._signature_approved():
                raise UserError(
                    self.env._(
                        "The letter of %(name)s cannot be issued: its signature "
                        "tier (Kadis) has not signed it.",
                        name=rec.name,
                    )
                )
        self._check_allowed("can_issue", self.env._("Issuing the letter"))
        for rec in self:
            date = fields.Date.context_today(rec)
            rec._write_workflow(
                {
                    "state": "issued",
                    "letter_number": rec._next_letter_number(date),
                    "letter_date": date,
                }
            )
        self._attach_letter()
        return True

    def action_hand_over(self):
        """The letter goes to the Kasi and the social worker (SOP step 6)."""
        self._check_allowed("can_hand_over", self.env._("Handing over the letter"))
        self._write_workflow({"state": "handed", "handed_date": fields.Datetime.now()})
        return True

    def action_deliver(self):
        """The client is delivered to the institution (SOP step 7)."""
        self._check_allowed("can_deliver", self.env._("Recording the delivery"))
        for rec in self:
            rec._write_workflow(
                {
                    "state": "delivered",
                    "delivery_date": rec.delivery_date or fields.Datetime.now(),
                    "delivered_by_id": (rec.delivered_by_id or self.env.user).id,
                }
            )
        return True

    def action_cancel(self):
        """The Kasi cancels until the sign-off is done, the registrant before
        it starts; the reviews stay as the history of the request."""
        for rec in self:
            if rec.can_cancel:
                continue
            if rec.state not in STATE_RULES["can_cancel"]:
                rec._check_allowed("can_cancel", self.env._("Cancelling"))
            if rec.state == "review":
                raise UserError(
                    self.env._(
                        "The sign-off of %(name)s has started: only the Kasi may "
                        "cancel it now.",
                        name=rec.name,
                    )
                )
            raise UserError(
                self.env._(
                    "Only the Kasi or the registrant may cancel %(name)s.",
                    name=rec.name,
                )
            )
        self._write_workflow({"state": "cancel"})
        return True
