# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools import client_input
from ..tools import nik as nik_tools

# who may remove a family member of any client (beside its own social worker)
SUPERVISOR_GROUPS = (
    "social_client.group_social_kasi",
    "social_client.group_social_kabid",
    "social_client.group_social_kadis",
    "social_client.group_social_manager",
)


class SocialClientFamily(models.Model):
    """Family member of a client, possibly a registered client too.

    Both clients are of the same office (``check_company``). The name, NIK and
    birth date of a registered member are copied when the member is linked, as
    the user who links them (``compute_sudo=False``): a copy is never made
    with rights the user does not have.
    """

    _name = "social.client.family"
    _description = "Client Family Member"
    _order = "client_id, is_guardian desc, sequence, id"
    _check_company_auto = True

    client_id = fields.Many2one(
        "social.client",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    sequence = fields.Integer(default=10)
    member_client_id = fields.Many2one(
        "social.client",
        string="Registered Client",
        help="The family member when they are registered as a client too.",
        index="btree_not_null",
        check_company=True,
    )
    # precomputed: the name is required, so it must be known before the INSERT
    name = fields.Char(
        compute="_compute_from_member",
        compute_sudo=False,
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    relation = fields.Selection(
        [
            ("head", "Head of Family"),
            ("spouse", "Spouse"),
            ("child", "Child"),
            ("parent", "Parent"),
            ("sibling", "Sibling"),
            ("grandparent", "Grandparent"),
            ("grandchild", "Grandchild"),
            ("relative", "Other Relative"),
            ("other", "Other"),
        ],
        required=True,
        default="relative",
    )
    nik = fields.Char(
        string="NIK",
        compute="_compute_from_member",
        compute_sudo=False,
        store=True,
        readonly=False,
        precompute=True,
    )
    birth_date = fields.Date(
        compute="_compute_from_member",
        compute_sudo=False,
        store=True,
        readonly=False,
        precompute=True,
    )
    phone = fields.Char()
    is_guardian = fields.Boolean(
        string="Guardian", help="Responsible person (wali / penanggung jawab)."
    )
    company_id = fields.Many2one(related="client_id.company_id", store=True)

    @api.depends("member_client_id")
    def _compute_from_member(self):
        for member in self:
            client = member.member_client_id
            if client:
                member.name = client.name
                member.nik = client.nik
                member.birth_date = client.birth_date

    @api.constrains("nik")
    def _check_nik(self):
        today = fields.Date.context_today(self)
        for member in self.filtered("nik"):
            parsed = nik_tools.parse_nik(member.nik, today)
            if parsed.errors:
                raise ValidationError(parsed.message(self.env))

    @api.constrains("birth_date")
    def _check_birth_date(self):
        today = fields.Date.context_today(self)
        for member in self.filtered("birth_date"):
            code = client_input.check_birth_date(member.birth_date, today)
            if code:
                raise ValidationError(
                    client_input.message(self.env, code, value=member.birth_date)
                )

    @api.constrains("member_client_id", "client_id")
    def _check_not_self(self):
        for member in self:
            if member.member_client_id == member.client_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s cannot be their own family member.", name=member.name
                    )
                )

    def _check_member_office(self, pairs):
        """A registered member is a client of the same office: refused before
        anything of the member is read or copied. ``pairs`` are (member id,
        client id); nothing of another office's client is named.
        """
        pairs = [(m, c) for m, c in pairs if m and c]
        if not pairs:
            return
        # sudo: only the offices of both clients are compared, nothing shown
        Client = self.env["social.client"].sudo().with_context(active_test=False)
        clients = Client.browse({id_ for pair in pairs for id_ in pair}).exists()
        office = {client.id: client.company_id for client in clients}
        if any(office.get(m) != office.get(c) for m, c in pairs):
            raise ValidationError(
                self.env._(
                    "A family member registered as a client must be a client of "
                    "the same office."
                )
            )

    def _check_input_vals(self, vals, create=False):
        if vals.get("nik") not in (False, None, ""):
            parsed = nik_tools.parse_nik(vals["nik"], fields.Date.context_today(self))
            if parsed.errors:
                raise ValidationError(parsed.message(self.env))
            vals["nik"] = parsed.number
        elif "nik" in vals:
            vals["nik"] = False
        Client = self.env["social.client"]
        if "name" in vals or (create and not vals.get("member_client_id")):
            name = vals.get("name")
            if code := client_input.check_name(name):
                raise ValidationError(client_input.message(self.env, code, value=name))
        if "birth_date" in vals:
            birth_date, code = client_input.to_date(vals["birth_date"])
            if not code:
                code = client_input.check_birth_date(
                    birth_date, fields.Date.context_today(self)
                )
            if code in ("birth_date_future", "birth_date_too_old"):
                raise ValidationError(
                    client_input.message(self.env, code, value=birth_date)
                )
            if code:
                raise ValidationError(
                    client_input.message(
                        self.env,
                        code,
                        Client._field_label("birth_date"),
                        vals["birth_date"],
                    )
                )
        if code := client_input.check_text(vals.get("phone")):
            raise ValidationError(
                client_input.message(self.env, code, Client._field_label("phone"))
            )
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_input_vals(vals, create=True)
        self._check_member_office(
            [(v.get("member_client_id"), v.get("client_id")) for v in vals_list]
        )
        return super().create(vals_list)

    def write(self, vals):
        self._check_input_vals(vals)
        if {"member_client_id", "client_id"} & set(vals):
            self._check_member_office(
                [
                    (
                        vals.get("member_client_id", member.member_client_id.id),
                        vals.get("client_id", member.client_id.id),
                    )
                    for member in self
                ]
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_other_social_worker(self):
        """Only the client's social worker, or a Kasi, Kabid, Kadis or
        administrator, removes a family member (the family is evidence of
        the assessment)."""
        user = self.env.user
        if self.env.su or any(user.has_group(group) for group in SUPERVISOR_GROUPS):
            return
        others = self.filtered(lambda m: m.client_id.social_worker_id != user)
        if others:
            raise AccessError(
                self.env._(
                    "Only the social worker of %(client)s, or a Kasi, Kabid, Kadis or "
                    "administrator, may remove its family members.",
                    client=others[0].client_id.display_name,
                )
            )
