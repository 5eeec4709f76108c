# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import nik as nik_tools

DTKS_STATES = [
    ("unregistered", "Not Registered"),
    ("proposed", "Proposed"),
    ("dtks", "Registered in DTKS"),
    ("dtsen", "Registered in DTSEN"),
]
BPJS_STATES = [
    ("none", "None"),
    ("pbi", "PBI (premium paid by the state)"),
    ("non_pbi", "Non-PBI"),
    ("inactive", "Inactive"),
]


class SocialClient(models.Model):
    """A person in need of social-welfare services (PPKS).

    NIK, KK, birth date and health data are personal data under UU 27/2022 and
    UU Adminduk: they are never tracked in the chatter, and the health notes
    are readable by the health and psychology team only.
    """

    _name = "social.client"
    _description = "Social Client (PPKS)"
    _inherit = ["mail.thread", "mail.activity.mixin", "image.mixin"]
    _order = "registration_number desc, id desc"
    _rec_names_search = ["name", "registration_number", "nik"]

    registration_number = fields.Char(
        readonly=True, copy=False, index=True, default="/", tracking=True
    )
    name = fields.Char(required=True, tracking=True)
    nik = fields.Char(
        string="NIK",
        copy=False,
        index=True,
        help="National identity number, 16 digits (Nomor Induk Kependudukan).",
    )
    kk_number = fields.Char(
        string="KK Number", copy=False, help="Family card number, 16 digits."
    )
    no_identity = fields.Boolean(
        string="Without Identity",
        tracking=True,
        help="Found without papers (tanpa identitas); attach an NIK after family "
        "tracing.",
    )
    no_identity_description = fields.Text(
        string="Description of the Person",
        help="Appearance, where and when the person was found, what they could tell.",
    )
    birth_place = fields.Char()
    birth_date = fields.Date(
        compute="_compute_identity_from_nik", store=True, readonly=False
    )
    age = fields.Integer(compute="_compute_age")
    gender = fields.Selection(
        [("male", "Male"), ("female", "Female")],
        compute="_compute_identity_from_nik",
        store=True,
        readonly=False,
        tracking=True,
    )
    nik_district_id = fields.Many2one(
        "social.region",
        string="District of NIK",
        ondelete="restrict",
        compute="_compute_nik_region",
        store=True,
        help="District where the NIK was first registered, read from its prefix.",
    )
    nik_region_unknown = fields.Boolean(
        string="NIK Region Unknown",
        compute="_compute_nik_region",
        store=True,
        help="The NIK prefix is not in the current Kepmendagri list: the region "
        "may have been split since the NIK was issued.",
    )

    # Address
    street = fields.Char(string="Address")
    # no size: the ORM would cut a longer value silently; checked on save instead
    rt = fields.Char(string="RT", help="Up to 3 digits.")
    rw = fields.Char(string="RW", help="Up to 3 digits.")
    province_id = fields.Many2one(
        "social.region",
        string="Province",
        domain="[('level', '=', 'province')]",
        ondelete="restrict",
        compute="_compute_province_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    regency_id = fields.Many2one(
        "social.region",
        string="Regency/City",
        domain="[('level', '=', 'regency'), ('parent_id', '=?', province_id)]",
        ondelete="restrict",
        compute="_compute_regency_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    district_id = fields.Many2one(
        "social.region",
        string="District",
        domain="[('level', '=', 'district'), ('parent_id', '=?', regency_id)]",
        ondelete="restrict",
        compute="_compute_district_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    village_id = fields.Many2one(
        "social.region",
        string="Village",
        domain="[('level', '=', 'village'), ('parent_id', '=?', district_id)]",
        ondelete="restrict",
        index=True,
        tracking=True,
    )
    phone = fields.Char()
    whatsapp = fields.Char(string="WhatsApp")

    # Classification
    # tracked without the types flagged as specific personal data (_mail_track)
    ppks_type_ids = fields.Many2many(
        "social.ppks.type", string="PPKS Types", tracking=True
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
    cluster = fields.Char(
        related="cluster_id.code",
        store=True,
        string="Cluster Code",
        help="Technical key of the ATENSI cluster.",
    )
    disability_type_ids = fields.Many2many(
        "social.disability.type", string="Disability Types"
    )
    disability_multiple = fields.Boolean(
        string="Multiple Disability",
        compute="_compute_disability_multiple",
        store=True,
        help="Ganda/multi: more than one disability type applies (UU 8/2016).",
    )
    criteria_ids = fields.Many2many("social.atensi.criteria", string="ATENSI Criteria")

    # Family and documents
    family_member_ids = fields.One2many(
        "social.client.family", "client_id", string="Family Members"
    )
    guardian_name = fields.Char(compute="_compute_guardian_name", string="Guardian")
    ktp_attachment_ids = fields.Many2many(
        "ir.attachment",
        "social_client_ktp_attachment_rel",
        "client_id",
        "attachment_id",
        string="Copy of KTP",
        copy=False,
    )
    kk_attachment_ids = fields.Many2many(
        "ir.attachment",
        "social_client_kk_attachment_rel",
        "client_id",
        "attachment_id",
        string="Copy of KK",
        copy=False,
    )
    documents_complete = fields.Boolean(
        compute="_compute_documents_complete",
        store=True,
        tracking=True,
        help="Copies of both the KTP and the KK are attached.",
    )
    dtks_status = fields.Selection(
        DTKS_STATES,
        string="DTKS/DTSEN Status",
        default="unregistered",
        required=True,
        tracking=True,
    )
    bpjs_number = fields.Char(string="BPJS Number")
    bpjs_status = fields.Selection(
        BPJS_STATES, string="BPJS Status", default="none", required=True, tracking=True
    )

    # Health (specific personal data, health role only; never copied, so that
    # a role without the health role can duplicate a client)
    health_notes = fields.Text(groups="social_client.group_social_health", copy=False)
    psychological_notes = fields.Text(
        groups="social_client.group_social_health", copy=False
    )

    social_worker_id = fields.Many2one(
        "res.users",
        string="Social Worker",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    note = fields.Html()
    active = fields.Boolean(default=True, tracking=True)

    _nik_unique = models.UniqueIndex(
        "(nik) WHERE nik IS NOT NULL", "This NIK is already registered."
    )
    _registration_number_unique = models.UniqueIndex(
        "(registration_number, company_id) WHERE registration_number != '/'",
        "This registration number is already used in this office.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("nik")
    def _compute_identity_from_nik(self):
        today = fields.Date.context_today(self)
        for client in self:
            parsed = nik_tools.parse_nik(client.nik, today) if client.nik else None
            if not parsed or not parsed.valid:
                continue
            if not client.birth_date:
                client.birth_date = parsed.birth_date
            if not client.gender:
                client.gender = parsed.gender

    @api.depends("nik")
    def _compute_nik_region(self):
        today = fields.Date.context_today(self)
        parsed = {c: nik_tools.parse_nik(c.nik, today) for c in self if c.nik}
        regions = self.env["social.region"]._code_map(
            p.district_code for p in parsed.values() if p.valid
        )
        for client in self:
            result = parsed.get(client)
            if not result or not result.valid:
                client.nik_district_id = False
                client.nik_region_unknown = False
                continue
            district = regions.get(result.district_code)
            client.nik_district_id = district
            client.nik_region_unknown = not district

    @api.depends("village_id", "nik_district_id")
    def _compute_district_id(self):
        for client in self:
            if client.village_id:
                client.district_id = client.village_id.parent_id
            elif not client.district_id and client.nik_district_id:
                client.district_id = client.nik_district_id

    @api.depends("district_id")
    def _compute_regency_id(self):
        for client in self:
            if client.district_id:
                client.regency_id = client.district_id.parent_id

    @api.depends("regency_id")
    def _compute_province_id(self):
        for client in self:
            if client.regency_id:
                client.province_id = client.regency_id.parent_id

    @api.depends("birth_date")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for client in self:
            client.age = (
                relativedelta(today, client.birth_date).years
                if client.birth_date
                else 0
            )

    @api.depends("ppks_type_ids.cluster_id")
    def _compute_cluster_id(self):
        for client in self:
            if (
                not client.cluster_id
                or client.cluster_id not in client.ppks_type_ids.cluster_id
            ):
                client.cluster_id = client.ppks_type_ids[:1].cluster_id

    @api.depends("disability_type_ids")
    def _compute_disability_multiple(self):
        for client in self:
            client.disability_multiple = len(client.disability_type_ids) > 1

    @api.depends("family_member_ids.is_guardian", "family_member_ids.name")
    def _compute_guardian_name(self):
        for client in self:
            guardians = client.family_member_ids.filtered("is_guardian")
            client.guardian_name = ", ".join(guardians.mapped("name"))

    @api.depends("ktp_attachment_ids", "kk_attachment_ids")
    def _compute_documents_complete(self):
        for client in self:
            client.documents_complete = bool(
                client.ktp_attachment_ids and client.kk_attachment_ids
            )

    # ------------------------------------------------------------------
    # Onchanges (comfort only: the rules below are enforced on save)
    # ------------------------------------------------------------------

    @api.onchange("province_id")
    def _onchange_province_id(self):
        if self.regency_id and self.regency_id.parent_id != self.province_id:
            self.regency_id = False

    @api.onchange("regency_id")
    def _onchange_regency_id(self):
        if self.district_id and self.district_id.parent_id != self.regency_id:
            self.district_id = False

    @api.onchange("district_id")
    def _onchange_district_id(self):
        if self.village_id and self.village_id.parent_id != self.district_id:
            self.village_id = False

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("province_id", "regency_id", "district_id", "village_id")
    def _check_region_hierarchy(self):
        levels = [
            ("province_id", "province"),
            ("regency_id", "regency"),
            ("district_id", "district"),
            ("village_id", "village"),
        ]
        # name the regions with their codes: village names repeat across districts
        for client in self.with_context(social_region_show_code=True):
            parent = self.env["social.region"]
            for field_name, level in levels:
                region = client[field_name]
                if region and region.level != level:
                    raise ValidationError(
                        self.env._(
                            "%(region)s is not a region of the right level for "
                            "%(field)s.",
                            region=region.display_name,
                            field=client._fields[field_name].get_description(self.env)[
                                "string"
                            ],
                        )
                    )
                if region and parent and region.parent_id != parent:
                    raise ValidationError(
                        self.env._(
                            "%(region)s does not lie in %(parent)s.",
                            region=region.display_name,
                            parent=parent.display_name,
                        )
                    )
                if region:
                    parent = region

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_input_vals(vals, create=True)
        self._check_registration_number_vals(vals_list)
        self._check_nik_unique(vals_list)  # before numbers are drawn and rows inserted
        # each office numbers its own clients, one nextval query per office
        by_company = {}
        for vals in vals_list:
            company_id = vals.get("company_id") or self.env.company.id
            by_company.setdefault(company_id, []).append(vals)
        for company_id, company_vals in by_company.items():
            numbers = (
                self.env["ir.sequence"]
                .with_company(company_id)
                ._next_by_code_batch("social.client", len(company_vals))
            )
            for vals, number in zip(company_vals, numbers, strict=True):
                vals["registration_number"] = number or "/"
        clients = super().create(vals_list)
        clients._attach_identity_scans()
        return clients

    def _creation_message(self):
        """Say what happened in the office's words (the default names the model),
        in the user's language also where the context has none (data files)."""
        return self._fallback_lang().env._(
            "Client registered under number %(number)s",
            number=self.registration_number,
        )

    def _check_registration_number_vals(self, vals_list, create=True):
        """The registration number comes from the office's sequence only: a
        client (RPC, import) can neither choose it nor rewrite it."""
        if self.env.su:
            return
        for vals in vals_list:
            number = vals.get("registration_number")
            if "registration_number" in vals and (
                not create or number not in (False, "/")
            ):
                raise UserError(
                    self.env._(
                        "The registration number is given by the office's register; "
                        "it cannot be entered or changed."
                    )
                )

    def write(self, vals):
        self._check_registration_number_vals([vals], create=False)
        self._check_input_vals(vals)
        if vals.get("nik"):
            self._check_nik_unique([{"nik": vals["nik"], "name": c.name} for c in self])
        result = super().write(vals)
        if {"ktp_attachment_ids", "kk_attachment_ids"} & set(vals):
            self._attach_identity_scans()
        return result

    def _attach_identity_scans(self):
        """Scans of KTP and KK uploaded before the client was first saved are
        attachments without record (res_id 0), readable by their uploader only:
        they become the client's. Written as the user: only what they may edit.
        """
        for client in self:
            scans = (client.ktp_attachment_ids | client.kk_attachment_ids).filtered(
                lambda a: a.res_model == self._name and not a.res_id
            )
            if scans:
                scans.write({"res_id": client.id})

    def copy_data(self, default=None):
        """A copy is another person: without the original's NIK it starts as a
        client without identity, saying so, until its own NIK is entered."""
        vals_list = super().copy_data(default=default)
        for client, vals in zip(self, vals_list, strict=True):
            if not vals.get("nik") and not vals.get("no_identity"):
                vals["no_identity"] = True
                vals["no_identity_description"] = self.env._(
                    "Copied from %(number)s: enter the NIK of this person.",
                    number=client.registration_number,
                )
        return vals_list

    # ------------------------------------------------------------------
    # Tracking: specific personal data stays out of the chatter
    # ------------------------------------------------------------------

    def _mail_track(self, tracked_fields, initial_values):
        """Leave the classifications flagged as specific personal data (UU
        27/2022: health, disability, HIV/AIDS, NAPZA, children) out of the
        tracking values of every relational field whose comodel has the flag;
        a change of flagged values only is not tracked at all."""
        changes, tracking_values = super()._mail_track(tracked_fields, initial_values)
        flagged = {
            name
            for name in changes
            if self._fields[name].type in ("many2one", "many2many")
            and "specific_personal_data" in self.env[self._fields[name].comodel_name]
        }
        if not flagged:
            return changes, tracking_values
        Fields = self.env["ir.model.fields"]
        by_field_id = {Fields._get(self._name, name).id: name for name in flagged}
        kept = []
        for command in tracking_values:
            name = by_field_id.get(command[2].get("field_id"))
            if not name:
                kept.append(command)
                continue
            old, new = (
                value.filtered(lambda r: not r.specific_personal_data)
                for value in (initial_values[name], self[name])
            )
            if old == new:
                changes.discard(name)
                continue
            command[2] = self.env["mail.tracking.value"]._create_tracking_values(
                old, new, name, tracked_fields[name], self
            )
            kept.append(command)
        return changes, kept
