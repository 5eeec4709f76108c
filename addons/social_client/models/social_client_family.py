# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import nik as nik_tools


class SocialClientFamily(models.Model):
    """Family member of a client, possibly a registered client too."""

    _name = "social.client.family"
    _description = "Client Family Member"
    _order = "client_id, is_guardian desc, sequence, id"

    client_id = fields.Many2one(
        "social.client", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    member_client_id = fields.Many2one(
        "social.client",
        string="Registered Client",
        help="The family member when they are registered as a client too.",
        index="btree_not_null",
    )
    # precomputed: the name is required, so it must be known before the INSERT
    name = fields.Char(
        compute="_compute_from_member",
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
        store=True,
        readonly=False,
        precompute=True,
    )
    birth_date = fields.Date(
        compute="_compute_from_member", store=True, readonly=False, precompute=True
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
        for member in self.filtered("nik"):
            parsed = nik_tools.parse_nik(member.nik)
            if parsed.errors:
                raise ValidationError(
                    member.client_id._nik_error_message(
                        parsed.errors[0], member.nik, parsed.length
                    )
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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("nik"):
                vals["nik"] = nik_tools.normalize(vals["nik"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("nik"):
            vals["nik"] = nik_tools.normalize(vals["nik"])
        return super().write(vals)
