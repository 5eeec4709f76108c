# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialShelterBed(models.Model):
    """A bed of a shelter; the occupancy board shows one card per bed."""

    _name = "social.shelter.bed"
    _description = "Shelter Bed"
    _order = "shelter_id, sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    shelter_id = fields.Many2one(
        "social.shelter",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="shelter_id.company_id", store=True, index=True, precompute=True
    )
    active = fields.Boolean(default=True)
    note = fields.Char(help="Ground floor, for women, near the bathroom, ...")
    current_stay_id = fields.Many2one(
        "social.shelter.stay", compute="_compute_current_stay", string="Stay Now"
    )
    current_client_id = fields.Many2one(
        "social.client", compute="_compute_current_stay", string="Client Now"
    )
    bed_state = fields.Selection(
        [("free", "Free"), ("occupied", "Occupied")],
        compute="_compute_current_stay",
        string="Status",
    )

    _name_unique = models.UniqueIndex(
        "(shelter_id, name)", "Each bed of a shelter has its own name."
    )

    def _compute_current_stay(self):
        stays = self.env["social.shelter.stay"].search_fetch(
            [("bed_id", "in", self.ids), ("state", "=", "active")],
            ["bed_id", "client_id"],
        )
        by_bed = {stay.bed_id.id: stay for stay in stays}
        for bed in self:
            stay = by_bed.get(bed.id)
            bed.current_stay_id = stay
            bed.current_client_id = stay.client_id if stay else False
            bed.bed_state = "occupied" if stay else "free"
