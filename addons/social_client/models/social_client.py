# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

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
    rt = fields.Char(string="RT", size=3)
    rw = fields.Char(string="RW", size=3)
    province_id = fields.Many2one(
        "social.region",
        string="Province",
        domain="[('level', '=', 'province')]",
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
        index=True,
        tracking=True,
    )
    phone = fields.Char()
    whatsapp = fields.Char(string="WhatsApp")

    # Classification
    ppks_type_ids = fields.Many2many("social.ppks.type", string="PPKS Types")
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
    )
    kk_attachment_ids = fields.Many2many(
        "ir.attachment",
        "social_client_kk_attachment_rel",
        "client_id",
        "attachment_id",
        string="Copy of KK",
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

    # Health (specific personal data, health role only)
    health_notes = fields.Text(groups="social_client.group_social_health")
    psychological_notes = fields.Text(groups="social_client.group_social_health")

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

    duplicate_key = fields.Char(
        compute="_compute_duplicate_key",
        store=True,
        index=True,
        help="Name, birth date and village of a client without NIK, to spot "
        "the same person registered twice.",
    )
    possible_duplicate_count = fields.Integer(
        compute="_compute_possible_duplicate_count",
        search="_search_possible_duplicate_count",
    )

    _nik_unique = models.UniqueIndex(
        "(nik) WHERE nik IS NOT NULL", "This NIK is already registered."
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("nik")
    def _compute_identity_from_nik(self):
        for client in self:
            parsed = nik_tools.parse_nik(client.nik) if client.nik else None
            if not parsed or not parsed.valid:
                continue
            if not client.birth_date:
                client.birth_date = parsed.birth_date
            if not client.gender:
                client.gender = parsed.gender

    @api.depends("nik")
    def _compute_nik_region(self):
        parsed = {c: nik_tools.parse_nik(c.nik) for c in self if c.nik}
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

    @api.depends("nik", "name", "birth_date", "village_id")
    def _compute_duplicate_key(self):
        for client in self:
            if client.nik or not client.name:
                client.duplicate_key = False
                continue
            name = re.sub(r"\s+", " ", client.name).strip().lower()
            client.duplicate_key = "|".join(
                [name, str(client.birth_date or ""), str(client.village_id.id or "")]
            )

    def _duplicate_counts(self, keys):
        groups = self.with_context(active_test=False)._read_group(
            [("duplicate_key", "in", list(keys))], ["duplicate_key"], ["__count"]
        )
        return dict(groups)

    @api.depends("duplicate_key")
    def _compute_possible_duplicate_count(self):
        counts = self._duplicate_counts(
            {c.duplicate_key for c in self if c.duplicate_key}
        )
        for client in self:
            count = counts.get(client.duplicate_key, 0) if client.duplicate_key else 0
            client.possible_duplicate_count = max(count - 1, 0)

    def _search_possible_duplicate_count(self, operator, value):
        if operator not in ("=", "!=", ">", ">=", "<", "<=") or not isinstance(
            value, int
        ):
            return NotImplemented
        groups = self.with_context(active_test=False)._read_group(
            [("duplicate_key", "!=", False)],
            ["duplicate_key"],
            having=[("__count", ">", 1)],
        )
        keys = [key for (key,) in groups]
        has_dup = Domain("duplicate_key", "in", keys)
        # the searched count is 0 for everyone outside a group of twins
        matches_zero = {
            "=": value == 0,
            "!=": value != 0,
            ">": 0 > value,
            ">=": 0 >= value,
            "<": 0 < value,
            "<=": 0 <= value,
        }[operator]
        return ~has_dup if matches_zero else has_dup

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

    @api.onchange("nik")
    def _onchange_nik(self):
        if self.nik:
            self.no_identity = False
        if self.nik_region_unknown:
            return {
                "warning": {
                    "title": self.env._("Unknown region code"),
                    "message": self.env._(
                        "The region code of this NIK is not in the current Kepmendagri "
                        "list. It may be an old code from before a region was split: "
                        "check the address."
                    ),
                }
            }

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    def _nik_error_message(self, code, value, length=0):
        messages = {
            "format_chars": self.env._(
                "The NIK %(nik)s may contain digits only.", nik=value
            ),
            "format_length": self.env._(
                "The NIK %(nik)s must have exactly 16 digits, not %(length)s.",
                nik=value,
                length=length,
            ),
            "province": self.env._(
                "The NIK %(nik)s starts with an unknown province code.", nik=value
            ),
            "region_zero": self.env._(
                "The regency and district codes of NIK %(nik)s cannot be 00.", nik=value
            ),
            "birth_date": self.env._(
                "The birth date in NIK %(nik)s is not a real calendar date.", nik=value
            ),
            "serial": self.env._(
                "The serial number of NIK %(nik)s cannot be 0000.", nik=value
            ),
        }
        return messages.get(
            code, self.env._("The NIK %(nik)s is not valid.", nik=value)
        )

    @api.constrains("nik", "birth_date", "gender")
    def _check_nik(self):
        for client in self.filtered("nik"):
            parsed = nik_tools.parse_nik(client.nik)
            if parsed.errors:
                raise ValidationError(
                    client._nik_error_message(
                        parsed.errors[0], client.nik, parsed.length
                    )
                )
            if client.birth_date and client.birth_date != parsed.birth_date:
                raise ValidationError(
                    self.env._(
                        "The birth date %(date)s contradicts the NIK %(nik)s, which "
                        "encodes %(nik_date)s.",
                        date=client.birth_date,
                        nik=client.nik,
                        nik_date=parsed.birth_date,
                    )
                )
            if client.gender and client.gender != parsed.gender:
                raise ValidationError(
                    self.env._(
                        "The sex of %(name)s contradicts the NIK %(nik)s (for women "
                        "the day of birth is written plus 40).",
                        name=client.name,
                        nik=client.nik,
                    )
                )

    def _check_nik_unique(self, vals_list):
        """Unique across all clients, archived included, naming the holder.

        Checked before the rows reach the database: the unique index, kept
        against concurrent saves, would refuse them first with a technical
        error that names nobody. ``self`` are the clients being written.
        """
        seen = {}
        for vals in vals_list:
            nik = vals.get("nik")
            if not nik:
                continue
            if nik in seen:
                raise ValidationError(
                    self.env._(
                        "The NIK %(nik)s is entered twice: %(first)s and %(second)s.",
                        nik=nik,
                        first=seen[nik],
                        second=vals.get("name"),
                    )
                )
            seen[nik] = vals.get("name")
        if not seen:
            return
        # sudo: a person has one NIK in the whole database, whichever office
        # registered them; the holder is named only to those who may see it
        others = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("nik", "in", list(seen)), ("id", "not in", self.ids)],
                ["nik", "registration_number", "name", "active", "company_id"],
                limit=1,
            )
        )
        for other in others:
            if other.company_id not in self.env.companies:
                raise ValidationError(
                    self.env._(
                        "The NIK %(nik)s is already registered by another office "
                        "(%(office)s).",
                        nik=other.nik,
                        office=other.company_id.name,
                    )
                )
            raise ValidationError(
                self.env._(
                    "The NIK %(nik)s is already registered as %(number)s "
                    "(%(name)s)%(archived)s.",
                    nik=other.nik,
                    number=other.registration_number,
                    name=other.name,
                    archived=self.env._(", archived") if not other.active else "",
                )
            )

    @api.constrains("kk_number")
    def _check_kk_number(self):
        for client in self.filtered("kk_number"):
            digits, errors, _district = nik_tools.parse_kk(client.kk_number)
            if not errors:
                continue
            if errors[0] in ("format_chars", "format_length"):
                message = self.env._(
                    "The KK number %(kk)s must have exactly 16 digits.",
                    kk=client.kk_number,
                )
            else:
                message = self.env._(
                    "The KK number %(kk)s must start with a region code (province, "
                    "regency and district).",
                    kk=client.kk_number,
                )
            raise ValidationError(message)

    # name is always given on create, so the check also runs for a client
    # created with neither an NIK nor the without-identity flag
    @api.constrains("name", "nik", "no_identity", "no_identity_description")
    def _check_identity(self):
        for client in self:
            if (
                client.no_identity
                and not (client.no_identity_description or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Describe %(name)s: a client without identity needs a "
                        "description.",
                        name=client.name,
                    )
                )
            if not client.no_identity and not client.nik:
                raise ValidationError(
                    self.env._(
                        "Enter the NIK of %(name)s, or mark the client as without "
                        "identity.",
                        name=client.name,
                    )
                )

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

    @api.model
    def _normalize_identity_vals(self, vals):
        for key in ("nik", "kk_number"):
            if vals.get(key):
                vals[key] = nik_tools.normalize(vals[key])
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalize_identity_vals(vals)
        self._check_nik_unique(vals_list)  # before numbers are drawn and rows inserted
        to_number = [v for v in vals_list if v.get("registration_number", "/") == "/"]
        numbers = self.env["ir.sequence"]._next_by_code_batch(
            "social.client", len(to_number)
        )
        for vals, number in zip(to_number, numbers, strict=True):
            vals["registration_number"] = number or "/"
        return super().create(vals_list)

    def _creation_message(self):
        """Say what happened in the office's words (the default names the model),
        in the user's language also where the context has none (data files)."""
        return self._fallback_lang().env._(
            "Client registered under number %(number)s",
            number=self.registration_number,
        )

    def write(self, vals):
        self._normalize_identity_vals(vals)
        if vals.get("nik"):
            self._check_nik_unique([{"nik": vals["nik"], "name": c.name} for c in self])
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_view_possible_duplicates(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Possible Duplicates"),
            "res_model": "social.client",
            "view_mode": "list,form",
            "domain": [("duplicate_key", "=", self.duplicate_key)],
            "context": {"active_test": False},
        }
