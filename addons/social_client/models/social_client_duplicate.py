# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re

from odoo import api, fields, models
from odoo.fields import Domain


class SocialClient(models.Model):
    """Possible duplicates: clients without NIK sharing name, birth date and
    village (the same person registered twice, before family tracing)."""

    _inherit = "social.client"

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
