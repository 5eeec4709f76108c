# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import formatLang

# What an approved DPA freezes on its lines, for everyone.
LOCKED_FIELDS = {
    "dpa_id",
    "sub_activity_id",
    "rekening_id",
    "name",
    "component",
    "volume",
    "uom",
    "unit_price",
    "amount",
    "analytic_account_id",
    "origin_line_id",
}


class SocialDpaLine(models.Model):
    """One sub-kegiatan x one rekening of a DPA: the unit at which the
    ceiling (pagu) is set and spending is recorded, on its own analytic
    account of the "DPA" analytic plan."""

    _name = "social.dpa.line"
    _description = "DPA Line"
    _order = "dpa_id, sub_activity_code, account_code, id"
    _rec_names_search = ["account_code", "name", "sub_activity_code"]

    dpa_id = fields.Many2one(
        "social.dpa", string="DPA", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="dpa_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="dpa_id.currency_id")
    fiscal_year = fields.Integer(related="dpa_id.fiscal_year", store=True)
    dpa_state = fields.Selection(related="dpa_id.state", string="DPA State")
    sub_activity_id = fields.Many2one(
        "social.dpa.nomenclature",
        string="Sub-kegiatan",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("level", "=", "sub_activity")],
    )
    activity_id = fields.Many2one(
        related="sub_activity_id.parent_id", string="Kegiatan", store=True, index=True
    )
    program_id = fields.Many2one(
        related="activity_id.parent_id", string="Programme", store=True, index=True
    )
    sub_activity_code = fields.Char(related="sub_activity_id.code", store=True)
    rekening_id = fields.Many2one(
        "social.dpa.account",
        string="Account (Rekening)",
        required=True,
        index=True,
        ondelete="restrict",
    )
    account_code = fields.Char(
        related="rekening_id.code", string="Account Code", store=True, index=True
    )
    name = fields.Char(
        string="Description",
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    component = fields.Char(help="Component of the SIPD budget (komponen).")
    volume = fields.Float(help="Coefficient x volume of SIPD.")
    uom = fields.Char(string="Unit")
    unit_price = fields.Monetary()
    amount = fields.Monetary(string="Ceiling (Pagu)", required=True)
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Analytic Account",
        readonly=True,
        copy=False,
        index=True,
        ondelete="restrict",
    )
    origin_line_id = fields.Many2one(
        "social.dpa.line",
        string="Line of the Previous Version",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    amount_previous = fields.Monetary(
        related="origin_line_id.amount", string="Previous Ceiling"
    )
    amount_difference = fields.Monetary(
        string="Difference", compute="_compute_amount_difference"
    )
    amount_realized = fields.Monetary(
        string="Realised",
        compute="_compute_realization",
        help="Sum of the costs on the analytic account of the line (charges of "
        "the suite, vendor bills, expenses), read from the analytic lines.",
    )
    amount_remaining = fields.Monetary(
        string="Remaining", compute="_compute_realization"
    )
    absorption = fields.Float(string="Absorbed (%)", compute="_compute_realization")

    _pair_unique = models.Constraint(
        "UNIQUE(dpa_id, sub_activity_id, rekening_id)",
        "A sub-kegiatan and account pair appears only once in a DPA.",
    )

    @api.depends("rekening_id")
    def _compute_name(self):
        for line in self:
            if not line.name:
                line.name = line.rekening_id.name

    @api.depends("sub_activity_code", "account_code", "name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = (
                f"{line.sub_activity_code or ''} {line.account_code or ''} "
                f"{line.name or ''}"
            ).strip()

    @api.depends("amount", "origin_line_id.amount")
    def _compute_amount_difference(self):
        for line in self:
            line.amount_difference = line.amount - line.origin_line_id.amount

    def _compute_realization(self):
        realized = self._realized_by_account()
        for line in self:
            amount = sum(realized.get(line.analytic_account_id.id, {}).values())
            line.amount_realized = amount
            line.amount_remaining = line.amount - amount
            line.absorption = line.amount and 100.0 * amount / line.amount

    # ------------------------------------------------------------ analytic

    @api.model
    def _dpa_plan(self):
        # the id is cached by ir.model.data: no query per call (env.ref checks
        # that the record exists each time)
        plan_id = self.env["ir.model.data"]._xmlid_to_res_id(
            "social_dpa.account_analytic_plan_dpa", raise_if_not_found=True
        )
        return self.env["account.analytic.plan"].browse(plan_id)

    @api.model
    def _dpa_column(self):
        """The column of the DPA plan on analytic lines (x_plan<id>_id)."""
        return self._dpa_plan()._column_name()

    @api.model
    def _social_overview_absorption(self, tile):
        """Overview tile: the share of the year's ceiling realised, per programme.

        Two grouped reads (the lines per programme, the analytic lines per
        account): a DPA of 2,000 lines costs what one of 20 does.
        """
        groups = self._read_group(
            tile._eval_domain(tile.domain),
            ["program_id"],
            ["amount:sum", "analytic_account_id:array_agg"],
        )
        accounts = [aid for *_rest, ids in groups for aid in ids if aid]
        realized = self.browse()._realized_by_accounts(accounts)
        totals = {
            program: (ceiling, sum(realized.get(aid, 0.0) for aid in ids if aid))
            for program, ceiling, ids in groups
        }

        def share(ceiling, done):
            return 100.0 * done / ceiling if ceiling else 0.0

        def display(value):
            return f"{formatLang(self.env, value, digits=1)} %"

        ceiling = sum(c for c, _d in totals.values())
        value = share(ceiling, sum(d for _c, d in totals.values()))
        return {
            "value": value,
            "value_display": display(value),
            "breakdown": [
                {"label": program.display_name, "value": display(share(*figures))}
                for program, figures in sorted(
                    totals.items(), key=lambda item: item[0].code or ""
                )
            ],
        }

    def _realized_by_accounts(self, account_ids):
        """{analytic account id: realised} of the given accounts, one grouped read."""
        if not account_ids:
            return {}
        column = self._dpa_column()
        # sudo: as in _realized_by_account, the totals only, not the analytic lines
        groups = (
            self.env["account.analytic.line"]
            .sudo()
            ._read_group([(column, "in", account_ids)], [column], ["amount:sum"])
        )
        return {account.id: -amount for account, amount in groups}

    def _realized_by_account(self, date_from=None, date_to=None, by_month=False):
        """{analytic account id: {month or None: realised}} of the lines in self,
        costs counted positive, in one grouped read."""
        accounts = self.analytic_account_id
        if not accounts:
            return {}
        column = self._dpa_column()
        domain = [(column, "in", accounts.ids)]
        if date_from:
            domain.append(("date", ">=", date_from))
        if date_to:
            domain.append(("date", "<=", date_to))
        groupby = [column, "date:month"] if by_month else [column]
        # sudo: the realisation of a line is part of what its reader may see;
        # the analytic lines themselves stay restricted to accounting roles
        groups = (
            self.env["account.analytic.line"]
            .sudo()
            ._read_group(domain, groupby, ["amount:sum"])
        )
        result = {}
        for row in groups:
            account, *month, amount = row
            key = month[0].month if month else None
            result.setdefault(account.id, {})[key] = -amount
        return result

    @api.model
    def _prepare_analytic_account_vals(self, vals):
        """Values of the analytic account of a line about to be created."""
        dpa = self.env["social.dpa"].browse(vals.get("dpa_id"))
        sub = self.env["social.dpa.nomenclature"].browse(vals.get("sub_activity_id"))
        rekening = self.env["social.dpa.account"].browse(vals.get("rekening_id"))
        return {
            "name": f"{sub.code} {rekening.code} {vals.get('name') or rekening.name}",
            "code": f"{dpa.fiscal_year}/{sub.code}/{rekening.code}",
            "plan_id": self._dpa_plan().id,
            "company_id": dpa.company_id.id,
        }

    # ---------------------------------------------------------------- guards

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        dpas = self.env["social.dpa"].browse({v.get("dpa_id") for v in vals_list})
        if not all(dpa.can_edit for dpa in dpas.exists()):
            raise UserError(self._locked_message())
        trusted = self.env.context.get("social_dpa_revision") and self.env.su
        for vals in vals_list:
            if not trusted:
                vals.pop("analytic_account_id", None)
                vals.pop("origin_line_id", None)
        new = [v for v in vals_list if not v.get("analytic_account_id")]
        if new:
            # prefetch the codes of the whole batch in one read per model
            self.env["social.dpa.nomenclature"].browse(
                {v["sub_activity_id"] for v in new if v.get("sub_activity_id")}
            ).fetch(["code"])
            self.env["social.dpa.account"].browse(
                {v["rekening_id"] for v in new if v.get("rekening_id")}
            ).fetch(["code", "name"])
            # sudo: the analytic account belongs to the line; finance staff do
            # not need the accounting rights to create it (and no creation
            # message per account: they are bookkeeping of the line)
            accounts = (
                self.env["account.analytic.account"]
                .sudo()
                .with_context(
                    mail_create_nolog=True,
                    mail_create_nosubscribe=True,
                    tracking_disable=True,
                )
                .create([self._prepare_analytic_account_vals(v) for v in new])
            )
            for vals, account in zip(new, accounts, strict=True):
                vals["analytic_account_id"] = account.id
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        if LOCKED_FIELDS.intersection(vals):
            if not all(self.dpa_id.mapped("can_edit")):
                raise UserError(self._locked_message())
            if {"analytic_account_id", "origin_line_id"}.intersection(vals) and not (
                self.env.su
            ):
                raise UserError(
                    self.env._("The analytic account of a DPA line is set once.")
                )
            if self.filtered("origin_line_id") and {
                "sub_activity_id",
                "rekening_id",
                "dpa_id",
            }.intersection(vals):
                raise UserError(
                    self.env._(
                        "A line carried over from the previous version keeps its "
                        "codes; change its ceiling or add a new line."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_editable(self):
        if not all(self.dpa_id.mapped("can_edit")):
            raise UserError(self._locked_message())
        if self.filtered("origin_line_id"):
            raise UserError(
                self.env._(
                    "A line of the previous version stays in the revision: set "
                    "its ceiling to zero instead."
                )
            )
        realized = self._realized_by_account()
        if any(realized.get(line.analytic_account_id.id) for line in self):
            raise UserError(
                self.env._("A line that has realisation cannot be deleted.")
            )

    def unlink(self):
        # the refusals are in _unlink_only_editable, run by super() first
        self.check_access("unlink")
        accounts = self.analytic_account_id
        res = super().unlink()
        # sudo: the line's own analytic account, without any analytic line
        # (checked above) and no longer used by another version's line
        used = self.sudo().search([("analytic_account_id", "in", accounts.ids)])
        (accounts - used.analytic_account_id).sudo().unlink()
        return res

    def _locked_message(self):
        return self.env._(
            "The DPA is approved or waiting for its approval: its lines, codes "
            "and amounts are locked. Revise an approved DPA to change them."
        )

    @api.constrains("amount", "volume", "unit_price")
    def _check_amount(self):
        for line in self:
            if line.currency_id.compare_amounts(line.amount, 0) < 0:
                raise ValidationError(
                    self.env._(
                        "The ceiling of %(line)s is negative.", line=line.display_name
                    )
                )

    def _check_ceiling_covers_realized(self):
        realized = self._realized_by_account()
        for line in self:
            amount = sum(realized.get(line.analytic_account_id.id, {}).values())
            if line.currency_id.compare_amounts(line.amount, amount) < 0:
                raise UserError(
                    self.env._(
                        "The ceiling of %(line)s (%(ceiling)s) is below what it "
                        "has already realised (%(realized)s).",
                        line=line.display_name,
                        ceiling=formatLang(
                            self.env, line.amount, currency_obj=line.currency_id
                        ),
                        realized=formatLang(
                            self.env, amount, currency_obj=line.currency_id
                        ),
                    )
                )
