# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
)

BASES = [
    ("keluarga", "Family-based (keluarga)"),
    ("komunitas", "Community-based (komunitas)"),
    ("residensial", "Residential (residensial)"),
]
INTAKE_SOURCES = [
    ("outreach", "Outreach day"),
    ("recommendation", "Recommendation"),
    ("complaint", "Complaint"),
    ("walk_in", "Walk-in"),
    ("referral_in", "Referral from another institution"),
]
RISK_LEVELS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
TERMINATION_REASONS = [
    ("goals_achieved", "Goals achieved"),
    ("referred", "Referred to another institution"),
    ("client_request", "At the client's request"),
    ("dropped_out", "Client left the service"),
    ("deceased", "Client deceased"),
    ("ineligible", "Not eligible"),
    ("other", "Other"),
]


class SocialRehabCase(models.Model):
    """An ATENSI rehabilitation case of one client, carried by one social
    worker through the stages of seed 001. The stage changes by a plain
    ``write`` of ``stage_id``; the gates live in ``write``
    (``social_rehab_case_gate.py``), so the kanban drag, an RPC call and an
    import obey them alike."""

    _name = "social.rehab.case"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Rehabilitation Case"
    _order = "priority desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Case Number", required=True, readonly=True, copy=False, default="/"
    )
    client_id = fields.Many2one(
        "social.client",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
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
        string="Social Worker",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=lambda self: [
            ("all_group_ids", "in", self.env.ref("social_client.group_social_user").id)
        ],
        help="The responsible social worker (pekerja sosial). Changed by a "
        "transfer, with its reason.",
    )
    supervisor_id = fields.Many2one(
        "res.users",
        string="Supervising Kasi",
        index=True,
        tracking=True,
        domain=lambda self: [
            ("all_group_ids", "in", self.env.ref("social_client.group_social_kasi").id)
        ],
    )
    cluster_id = fields.Many2one(
        "social.atensi.cluster",
        string="ATENSI Cluster",
        compute="_compute_cluster_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    basis = fields.Selection(BASES, required=True, default="keluarga", tracking=True)
    intake_source = fields.Selection(
        INTAKE_SOURCES, required=True, default="walk_in", tracking=True
    )
    presenting_problem = fields.Text()
    priority = fields.Selection(
        [("0", "Normal"), ("1", "High"), ("2", "Urgent")],
        default="0",
        index=True,
        tracking=True,
    )
    risk_level = fields.Selection(RISK_LEVELS, default="low", tracking=True)
    date_open = fields.Date(
        string="Opening Date", required=True, default=fields.Date.context_today
    )
    date_target = fields.Date(string="Target Date")
    date_closed = fields.Date(string="Closing Date", readonly=True, copy=False)
    stage_id = fields.Many2one(
        "social.rehab.stage",
        string="Stage",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
        group_expand="_read_group_stage_ids",
        default=lambda self: self._default_stage(),
    )
    stage_kind = fields.Selection(related="stage_id.kind", store=True)
    active = fields.Boolean(default=True, tracking=True)

    # engagement (pendekatan awal)
    eligibility = fields.Selection(
        [
            ("pending", "To assess"),
            ("eligible", "Eligible"),
            ("ineligible", "Not eligible"),
        ],
        default="pending",
        required=True,
        tracking=True,
    )
    eligibility_date = fields.Date(string="Eligibility Interview")
    eligibility_note = fields.Text(string="Interview Notes")
    documents_checked = fields.Boolean(tracking=True)
    agreement_date = fields.Date(
        tracking=True,
        help="Date of the agreement of rights and obligations between the social "
        "worker and the client (the contract).",
    )
    agreement_note = fields.Text(string="Rights and Obligations")
    placement = fields.Char(help="Where the client is placed (home, panti, shelter).")
    placement_date = fields.Date()

    # termination
    termination_reason = fields.Selection(
        TERMINATION_REASONS, tracking=True, copy=False
    )
    termination_date = fields.Date(copy=False)
    termination_note = fields.Text(copy=False)

    # children
    stage_log_ids = fields.One2many(
        "social.rehab.case.stage.log", "case_id", string="Days per Stage"
    )
    stage_log_id = fields.Many2one(
        "social.rehab.case.stage.log",
        string="Current Stage Stay",
        compute="_compute_stage_log_id",
        store=True,
        copy=False,
    )
    stage_date_start = fields.Datetime(
        related="stage_log_id.date_start", string="In Stage Since"
    )
    stage_date_deadline = fields.Datetime(
        related="stage_log_id.date_deadline", string="Stage Deadline", store=True
    )
    stage_overdue = fields.Boolean(
        string="Overdue in Stage",
        compute="_compute_stage_overdue",
        search="_search_stage_overdue",
        help="The case has stayed in its stage longer than the stage's target, in "
        "the office's working days.",
    )
    checklist_ids = fields.One2many(
        "social.rehab.case.checklist", "case_id", string="Checklist"
    )
    checklist_progress = fields.Float(
        string="Stage Progress (%)", compute="_compute_checklist_progress"
    )
    assessment_ids = fields.One2many(
        "social.rehab.assessment", "case_id", string="Assessments"
    )
    plan_ids = fields.One2many("social.rehab.plan", "case_id", string="Plan Versions")
    session_ids = fields.Many2many(
        "social.rehab.session",
        "social_rehab_session_case_rel",
        "case_id",
        "session_id",
        string="Sessions",
        readonly=True,
    )
    service_ids = fields.One2many("social.rehab.service", "case_id", string="Services")
    supervision_ids = fields.One2many(
        "social.rehab.supervision", "case_id", string="Supervision Notes"
    )
    evaluation_ids = fields.One2many(
        "social.rehab.evaluation", "case_id", string="Evaluations"
    )
    referral_ids = fields.One2many(
        "social.rehab.referral", "case_id", string="Referrals"
    )
    closure_ids = fields.One2many(
        "social.rehab.closure", "case_id", string="Closure Requests"
    )
    aftercare_visit_ids = fields.One2many(
        "social.rehab.aftercare.visit", "case_id", string="Aftercare Visits"
    )
    session_count = fields.Integer(compute="_compute_counts")
    plan_count = fields.Integer(compute="_compute_counts")

    _name_uniq = models.UniqueIndex("(company_id, name) WHERE name != '/'")

    # ------------------------------------------------------------ defaults

    def _default_stage(self):
        return self.env["social.rehab.stage"].search([], limit=1)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([])  # pylint: disable=no-search-all  # every stage is a kanban column

    @api.depends("client_id")
    def _compute_cluster_id(self):
        for case in self:
            case.cluster_id = case.client_id.cluster_id

    @api.depends("stage_log_ids.date_end")
    def _compute_stage_log_id(self):
        for case in self:
            case.stage_log_id = case.stage_log_ids.filtered(
                lambda log: not log.date_end
            )[-1:]

    @api.depends("stage_date_deadline", "stage_kind")
    def _compute_stage_overdue(self):
        now = fields.Datetime.now()
        for case in self:
            case.stage_overdue = bool(
                case.stage_date_deadline
                and case.stage_kind != "done"
                and case.stage_date_deadline < now
            )

    def _search_stage_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        positive = (operator == "=") == value
        domain = [
            ("stage_date_deadline", "<", fields.Datetime.now()),
            ("stage_kind", "!=", "done"),
        ]
        return domain if positive else ["!", *["&", *domain]]

    @api.depends("checklist_ids.done", "stage_id")
    def _compute_checklist_progress(self):
        for case in self:
            stage = case.stage_id
            items = case.checklist_ids.filtered(lambda i, s=stage: i.stage_id == s)
            done = len(items.filtered("done"))
            case.checklist_progress = 100.0 * done / len(items) if items else 0.0

    def _compute_counts(self):
        for case in self:
            case.session_count = len(case.session_ids)
            case.plan_count = len(case.plan_ids)

    # ------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") != "/" and not self.env.su:
                raise UserError(
                    self.env._(
                        "The case number is given by the office's register; it "
                        "cannot be entered."
                    )
                )
            vals["name"] = (
                self.env["ir.sequence"].next_by_code("social.rehab.case") or "/"
            )
            if "user_id" not in vals:
                vals["user_id"] = self.env.user.id
        self._check_caseload(Counter(vals["user_id"] for vals in vals_list))
        first = self._default_stage()
        for vals in vals_list:
            stage_id = vals.setdefault("stage_id", first.id)
            if stage_id != first.id and not in_social_workflow(self.env):
                raise UserError(
                    self.env._(
                        "A new case starts at the stage %(stage)s; it moves on "
                        "through the stages one by one.",
                        stage=first.name,
                    )
                )
        cases = super().create(vals_list)
        cases._stage_enter()
        return cases

    def _creation_message(self):
        """Say what happened in the office's words (the default names the model),
        in the user's language also where the context has none (data files)."""
        return self._fallback_lang().env._(
            "Case opened under number %(number)s", number=self.name
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_moved(self):
        moved = dict(
            self.env["social.rehab.case.stage.log"]._read_group(
                [("case_id", "in", self.ids)], ["case_id"], ["__count"]
            )
        )
        for case in self:
            if moved.get(case, 0) > 1 or case.stage_kind != "engagement":
                raise UserError(
                    self.env._(
                        "Case %(name)s has moved past its first stage: archive it "
                        "instead of deleting it.",
                        name=case.name,
                    )
                )

    # ------------------------------------------------------------ caseload

    def _check_caseload(self, adding):
        """Refuse to give workers more open cases than their caseload limit,
        unless a Kasi assigns. ``adding``: {user id: cases about to be given}."""
        if self.env.su or self.env.user.has_group("social_client.group_social_kasi"):
            return
        users = self.env["res.users"].browse([uid for uid in adding if uid]).sudo()
        if not users:
            return
        # sudo: a count of the open cases of each worker, whoever may read them
        counts = dict(
            self.sudo()._read_group(
                [("user_id", "in", users.ids), ("stage_kind", "!=", "done")],
                ["user_id"],
                ["__count"],
            )
        )
        for user in users:
            limit = user._social_rehab_caseload_limit()
            if limit and counts.get(user, 0) + adding[user.id] > limit:
                raise UserError(
                    self.env._(
                        "%(user)s already carries %(count)s open cases; the caseload "
                        "limit is %(limit)s: only a Kasi may assign more.",
                        user=user.name,
                        count=counts.get(user, 0),
                        limit=limit,
                    )
                )
