# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount, formatLang
from odoo.tools.safe_eval import datetime as safe_datetime
from odoo.tools.safe_eval import safe_eval

METHOD_PREFIX = "_social_overview_"
BREAKDOWN_LINES = 8  # a tile lists at most this many lines, the last one "Others"


class SocialOverviewTile(models.Model):
    """One tile of the suite's overview: a count (or sum) behind a filtered list.

    Each add-on ships its tiles as data. A tile is computed for the user who looks
    at it, with that user's access rights and record rules: a role sees only the
    tiles of models it may read, and a tile counts only the records its user may
    read. The figures come from one ``search_count``/``_read_group`` per tile, so
    the overview costs the same with ten records or ten thousand. A tile whose
    figures need more than a domain names a model method
    (``_social_overview_<name>(tile)``) of its add-on.
    """

    _name = "social.overview.tile"
    _description = "Overview Tile"
    _order = "section_sequence, sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Char(translate=True, help="Shown under the figure.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    section = fields.Selection(
        [
            ("signoff", "Waiting for My Sign-off"),
            ("work", "My Work"),
            ("office", "The Office"),
        ],
        required=True,
        default="work",
        group_expand="_group_expand_section",
    )
    section_sequence = fields.Integer(
        compute="_compute_section_sequence", store=True, index=True
    )
    color = fields.Integer()
    model_id = fields.Many2one(
        "ir.model", string="Model", required=True, ondelete="cascade", index=True
    )
    res_model = fields.Char(related="model_id.model", string="Model Name")
    domain = fields.Char(
        default="[]",
        required=True,
        help="Records counted and listed by the tile. Names available: uid, "
        "company_ids, today, now, month_start, year_start, datetime, relativedelta.",
    )
    action_id = fields.Many2one(
        "ir.actions.act_window",
        string="Action",
        ondelete="set null",
        help="Action opened with the tile's domain; a plain list when empty.",
    )
    group_by = fields.Char(
        string="Break Down By", help="Field whose values split the figure."
    )
    measure = fields.Char(
        help="Numeric field summed instead of counting the records; field:avg "
        "(or :max, :min) for another aggregate."
    )
    value_unit = fields.Char(
        string="Unit", help="Shown after the figures, e.g. % for a share."
    )
    alert_domain = fields.Char(
        help="Records of the tile that need attention (counted apart, in red)."
    )
    alert_label = fields.Char(translate=True)
    compute_method = fields.Char(
        help="Method of the model computing the figures, named _social_overview_*."
    )
    group_ids = fields.Many2many(
        "res.groups",
        string="Shown To",
        help="Roles that see the tile (everyone of the suite when empty).",
    )

    value = fields.Float(compute="_compute_figures")
    value_display = fields.Char(compute="_compute_figures")
    alert_count = fields.Integer(compute="_compute_figures")
    breakdown = fields.Json(compute="_compute_figures")
    accessible = fields.Boolean(
        compute="_compute_accessible", search="_search_accessible"
    )

    @api.model
    def _group_expand_section(self, values, domain):
        """The overview's columns in their order, an empty one included."""
        return [key for key, _label in self._fields["section"].selection]

    @api.depends("section")
    def _compute_section_sequence(self):
        order = {
            key: index
            for index, (key, _label) in enumerate(self._fields["section"].selection)
        }
        for tile in self:
            tile.section_sequence = order.get(tile.section, 99)

    @api.constrains("compute_method", "group_by", "measure", "model_id")
    def _check_definition(self):
        for tile in self:
            if tile.compute_method and not tile.compute_method.startswith(
                METHOD_PREFIX
            ):
                raise ValidationError(
                    self.env._(
                        "The method of a tile must be named %(prefix)s...",
                        prefix=METHOD_PREFIX,
                    )
                )
            model = self.env.get(tile.model_id.model)
            if model is None:
                continue
            for fname in filter(None, (tile.group_by, tile.measure)):
                if fname.split(":")[0] not in model._fields:
                    raise ValidationError(
                        self.env._(
                            "%(model)s has no field %(field)s.",
                            model=tile.model_id.name,
                            field=fname,
                        )
                    )

    # ------------------------------------------------------------------ figures

    def _eval_context(self):
        today = fields.Date.context_today(self)
        return {
            "uid": self.env.uid,
            "company_ids": self.env.companies.ids,
            "today": today,
            "now": fields.Datetime.now(),
            "month_start": today.replace(day=1),
            "year_start": today.replace(month=1, day=1),
            "datetime": safe_datetime,
            "relativedelta": relativedelta,
        }

    def _eval_domain(self, domain):
        return safe_eval(domain or "[]", self._eval_context())

    def _tile_model(self):
        """The tile's model in the user's environment, or None when unreadable."""
        model = self.env.get(self.res_model)
        if model is None or not model.has_access("read"):
            return None
        return model

    def _compute_accessible(self):
        for tile in self:
            tile.accessible = tile._tile_model() is not None

    def _search_accessible(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        # the models the tiles count (a few), then the user's rights on each
        groups = (
            self.sudo().with_context(active_test=False)._read_group([], ["model_id"])
        )
        readable = [
            model.id
            for (model,) in groups
            if model.model in self.env and self.env[model.model].has_access("read")
        ]
        positive = (operator == "=") == bool(value)
        return [("model_id", "in" if positive else "not in", readable)]

    @api.depends_context("uid", "allowed_company_ids", "lang")
    def _compute_figures(self):
        for tile in self:
            figures = {
                "value": 0.0,
                "value_display": "0",
                "alert_count": 0,
                "breakdown": [],
            }
            model = tile._tile_model()
            if model is not None:
                if tile.compute_method:
                    figures.update(getattr(model, tile.compute_method)(tile))
                else:
                    figures.update(tile._figures_from_domain(model))
            tile.update(figures)

    def _aggregate(self):
        if not self.measure:
            return "__count"
        return self.measure if ":" in self.measure else f"{self.measure}:sum"

    def _format_value(self, model, value):
        name = (self.measure or "").split(":")[0]
        field = model._fields.get(name) if name else None
        if field and field.type == "monetary":
            return format_amount(self.env, value, self.env.company.currency_id)
        digits = 0 if float(value).is_integer() else 1
        text = formatLang(self.env, value, digits=digits)
        return f"{text} {self.value_unit}" if self.value_unit else text

    def _figures_from_domain(self, model):
        domain = self._eval_domain(self.domain)
        aggregate = self._aggregate()
        summed = aggregate == "__count" or aggregate.endswith(":sum")
        figures = {}
        if self.group_by:
            groups = model._read_group(domain, [self.group_by], [aggregate])
            field = model._fields[self.group_by.split(":")[0]]
            selection = (
                field._description_selection(self.env)
                if field.type == "selection"
                else []
            )
            labels = dict(selection)
            if selection:  # in the order of the workflow, not of the values
                rank = {key: index for index, (key, _label) in enumerate(selection)}
                groups = sorted(groups, key=lambda row: rank.get(row[0], len(rank)))
            lines = []
            for group, amount in groups:
                if isinstance(group, models.BaseModel):
                    label = group.display_name or self.env._("None")
                else:
                    label = labels.get(group, group) if group else self.env._("None")
                lines.append(
                    {
                        "label": str(label),
                        "value": self._format_value(model, amount or 0),
                    }
                )
            if not summed:  # an average of the groups is no sum of them
                [(value,)] = model._read_group(domain, [], [aggregate])
                value = value or 0
                lines = lines[:BREAKDOWN_LINES]
            else:
                value = sum(amount or 0 for _group, amount in groups)
            if summed and len(lines) > BREAKDOWN_LINES:
                rest = sum(
                    amount or 0 for _group, amount in groups[BREAKDOWN_LINES - 1 :]
                )
                lines[BREAKDOWN_LINES - 1 :] = [
                    {
                        "label": self.env._("Others"),
                        "value": self._format_value(model, rest),
                    }
                ]
            figures["breakdown"] = lines
        else:
            [(value,)] = model._read_group(domain, [], [aggregate])
            value = value or 0
        figures["value"] = value
        figures["value_display"] = self._format_value(model, value)
        if self.alert_domain:
            figures["alert_count"] = model.search_count(
                domain + self._eval_domain(self.alert_domain)
            )
        return figures

    # ------------------------------------------------------------------ actions

    def action_open(self):
        """The list behind the tile, filtered as the tile counts."""
        self.ensure_one()
        if self._tile_model() is None:
            return False
        domain = self._eval_domain(self.domain)
        if self.action_id:
            action = self.action_id._get_action_dict()
        else:
            action = {
                "type": "ir.actions.act_window",
                "res_model": self.res_model,
                "views": [[False, "list"], [False, "form"]],
            }
        action.update(
            {
                "name": self.name,
                "domain": domain,
                "context": {"create": False},
                "target": "current",
            }
        )
        return action

    def action_open_alert(self):
        self.ensure_one()
        action = self.action_open()
        if action and self.alert_domain:
            action["domain"] = action["domain"] + self._eval_domain(self.alert_domain)
            action["name"] = f"{self.name}: {self.alert_label or ''}".strip(": ")
        return action
