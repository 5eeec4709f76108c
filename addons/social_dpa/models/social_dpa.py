# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

# Fields of the header frozen once the DPA left the draft state.
LOCKED_FIELDS = {"fiscal_year", "company_id", "previous_id", "version"}
LEVELS = ("program", "activity", "sub_activity")


class SocialDpa(models.Model):
    """The office's budget execution document (Dokumen Pelaksanaan Anggaran)
    of one fiscal year, in versions: each revision (pergeseran or perubahan)
    is a new version that keeps the one it revises readable."""

    _name = "social.dpa"
    _description = "DPA (Budget Execution Document)"
    _inherit = ["mail.thread", "mail.activity.mixin", "social.tier.validation"]
    _order = "fiscal_year desc, version desc, id desc"

    _state_from = ["draft"]
    _state_to = ["approved"]
    # no cancel state: a revised version keeps its reviews as history
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    # written only by the workflow (action methods, sudo), see social_client
    _social_workflow_fields = frozenset(
        {"state", "version", "previous_id", "approved_date"}
    )

    name = fields.Char(required=True, tracking=True)
    fiscal_year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("revised", "Revised")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "social.dpa",
        string="Revises",
        readonly=True,
        copy=False,
        index=True,
        help="The approved version that this revision replaces once approved.",
    )
    revision_ids = fields.One2many("social.dpa", "previous_id", string="Revisions")
    revision_kind = fields.Selection(
        [
            ("shift", "Budget Shift (Pergeseran)"),
            ("change", "Budget Change (Perubahan)"),
        ],
        tracking=True,
    )
    revision_reason = fields.Text()
    ceiling_policy = fields.Selection(
        [("block", "Refuse the charge"), ("warn", "Warn and record")],
        string="Past the Ceiling",
        default="block",
        required=True,
        tracking=True,
        help="What happens to a charge that goes past the remaining ceiling of "
        "its line: refused, or recorded with a warning in the chatter.",
    )
    approved_date = fields.Datetime(readonly=True, copy=False)
    line_ids = fields.One2many("social.dpa.line", "dpa_id", string="Lines", copy=True)
    line_count = fields.Integer(compute="_compute_totals")
    amount_total = fields.Monetary(string="Ceiling", compute="_compute_totals")
    amount_realized = fields.Monetary(string="Realised", compute="_compute_totals")
    amount_remaining = fields.Monetary(string="Remaining", compute="_compute_totals")
    absorption = fields.Float(string="Absorbed (%)", compute="_compute_totals")
    can_edit = fields.Boolean(compute="_compute_can_edit")

    _approved_unique = models.UniqueIndex(
        "(company_id, fiscal_year) WHERE state = 'approved'",
        "An office has only one approved DPA per fiscal year.",
    )
    _open_revision_unique = models.UniqueIndex(
        "(previous_id) WHERE state = 'draft'",
        "An approved DPA has at most one revision in preparation.",
    )

    @api.depends("name", "fiscal_year", "version")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = self.env._(
                "%(name)s (version %(version)s)", name=rec.name, version=rec.version
            )

    @api.depends("state", "validation_status")
    def _compute_can_edit(self):
        for rec in self:
            rec.can_edit = rec.state == "draft" and rec.validation_status in (
                "no",
                "rejected",
                False,
            )

    @api.depends("line_ids.amount")
    def _compute_totals(self):
        rollup = self._realization_rollup() if self.ids else {"lines": {}}
        for rec in self:
            lines = rec.line_ids
            ceiling = sum(lines.mapped("amount"))
            realized = sum(
                rollup["lines"].get(line.id, {}).get("realized", 0.0) for line in lines
            )
            rec.line_count = len(lines)
            rec.amount_total = ceiling
            rec.amount_realized = realized
            rec.amount_remaining = ceiling - realized
            rec.absorption = ceiling and 100.0 * realized / ceiling

    # ------------------------------------------------------------------ guards

    def write(self, vals):
        if LOCKED_FIELDS.intersection(vals) and any(
            rec.state != "draft" for rec in self
        ):
            raise UserError(
                self.env._(
                    "An approved DPA is locked: its year, office and version do "
                    "not change. Revise it instead."
                )
            )
        return super().write(vals)

    def _creation_message(self):
        """Say what happened in the office's words (the default names the model),
        in the user's language also where the context has none (data files)."""
        return self._fallback_lang().env._(
            "DPA of the fiscal year %(year)s drafted", year=self.fiscal_year
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(rec.state != "draft" for rec in self):
            raise UserError(
                self.env._("Only a draft DPA may be deleted; an approved one stays.")
            )

    # ------------------------------------------------------------------ actions

    def action_revise(self):
        """Open a revision (pergeseran/perubahan): a new draft version with the
        lines of this one, charged to the same analytic accounts."""
        self.ensure_one()
        self.check_access("write")
        if self.state != "approved":
            raise UserError(
                self.env._("Only the approved version of a DPA can be revised.")
            )
        if self.revision_ids.filtered(lambda r: r.state == "draft"):
            raise UserError(
                self.env._(
                    "%(name)s already has a revision in preparation.",
                    name=self.display_name,
                )
            )
        # sudo: the workflow fields (version, previous_id) are written by this
        # action only; the user's right to write the DPA was checked above
        revision = (
            self.sudo()
            .copy(
                {
                    "version": self.version + 1,
                    "previous_id": self.id,
                    "line_ids": [],
                }
            )
            .sudo(False)
        )
        self.env["social.dpa.line"].sudo().with_context(
            social_dpa_revision=True
        ).create(
            [
                {
                    "dpa_id": revision.id,
                    "origin_line_id": line.id,
                    "sub_activity_id": line.sub_activity_id.id,
                    "rekening_id": line.rekening_id.id,
                    "name": line.name,
                    "component": line.component,
                    "volume": line.volume,
                    "uom": line.uom,
                    "unit_price": line.unit_price,
                    "amount": line.amount,
                    "analytic_account_id": line.analytic_account_id.id,
                }
                for line in self.line_ids
            ]
        )
        self.message_post(
            body=self.env._(
                "Revision %(version)s opened by %(user)s.",
                version=revision.version,
                user=self.env.user.name,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "social.dpa",
            "res_id": revision.id,
            "view_mode": "form",
        }

    def _action_approve(self):
        """Approval at the end of the tier validation (or of a DPA without
        tier definitions): the revised version steps aside."""
        for rec in self:
            if not rec.line_ids:
                raise UserError(
                    self.env._(
                        "%(name)s has no line to approve.", name=rec.display_name
                    )
                )
            rec.line_ids._check_ceiling_covers_realized()
            # sudo: workflow bookkeeping after a validated approval
            if rec.previous_id:
                rec.previous_id.sudo().write({"state": "revised"})
                # one approved version per year: the old one steps aside first
                rec.previous_id.flush_recordset(["state"])
                rec.previous_id.message_post(
                    body=self.env._(
                        "Replaced by version %(version)s.", version=rec.version
                    )
                )
            rec.sudo().write(
                {"state": "approved", "approved_date": fields.Datetime.now()}
            )
        return True

    def action_approve(self):
        """Button of a DPA whose approval needs no tier (no definition)."""
        self.check_access("write")
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("Only a draft DPA can be approved."))
            if rec.need_validation or (
                rec.review_ids and rec.validation_status != "validated"
            ):
                raise UserError(
                    self.env._(
                        "%(name)s must be approved by the Kabid and the Kadis "
                        "first: request its validation.",
                        name=rec.display_name,
                    )
                )
        return self._action_approve()

    def action_view_lines(self):
        """The lines as the hierarchy programme > kegiatan > sub-kegiatan."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_dpa.social_dpa_line_action"
        )
        action["domain"] = [("dpa_id", "=", self.id)]
        action["context"] = {
            "default_dpa_id": self.id,
            "group_by": ["program_id", "activity_id", "sub_activity_id"],
        }
        return action

    def action_view_realization(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_dpa.social_dpa_realization_action"
        )
        action["domain"] = [("dpa_id", "=", self.id)]
        action["context"] = {"search_default_group_program": 1}
        return action

    # ------------------------------------------------------------- realisation

    def _realization_rollup(self, date_from=None, date_to=None, by_month=False):
        """Ceiling and realisation per line and per level of the DPAs in self.

        One grouped read of the analytic lines for all the DPAs (grouped by
        analytic account, and by month when asked), so the number of queries
        does not grow with the number of lines. Returns
        ``{"lines": {line_id: vals}, "levels": {(level, nomenclature_id): vals},
        "total": vals}`` where vals holds ``ceiling``, ``realized``,
        ``remaining``, ``absorption`` and, by month, ``months``
        ({1..12: realised})."""
        # the lines and the fields of the roll-up in one query, however many
        lines = self.env["social.dpa.line"].search_fetch(
            [("dpa_id", "in", self.ids)],
            ["amount", "analytic_account_id", *(f"{lvl}_id" for lvl in LEVELS)],
        )
        realized = lines._realized_by_account(
            date_from=date_from, date_to=date_to, by_month=by_month
        )

        def empty():
            return {"ceiling": 0.0, "realized": 0.0, "months": defaultdict(float)}

        result = {"lines": {}, "levels": defaultdict(empty), "total": empty()}
        for line in lines:
            months = realized.get(line.analytic_account_id.id, {})
            vals = empty()
            vals["ceiling"] = line.amount
            vals["realized"] = sum(months.values())
            if not by_month:
                months = {}
            vals["months"].update(months)
            result["lines"][line.id] = vals
            targets = [result["total"]] + [
                result["levels"][(level, line[level + "_id"].id)] for level in LEVELS
            ]
            for target in targets:
                target["ceiling"] += vals["ceiling"]
                target["realized"] += vals["realized"]
                for month, amount in months.items():
                    target["months"][month] += amount
        for vals in [
            result["total"],
            *result["lines"].values(),
            *result["levels"].values(),
        ]:
            vals["remaining"] = vals["ceiling"] - vals["realized"]
            vals["absorption"] = (
                vals["ceiling"] and 100.0 * vals["realized"] / vals["ceiling"]
            )
            vals["months"] = dict(vals["months"])
        result["levels"] = dict(result["levels"])
        return result
