# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class SocialShelter(models.Model):
    """A rumah singgah: a transit shelter with a capacity and its beds."""

    _name = "social.shelter"
    _inherit = ["mail.thread"]
    _description = "Shelter (Rumah Singgah)"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)
    address = fields.Char()
    capacity = fields.Integer(
        required=True,
        default=1,
        tracking=True,
        help="The most clients the shelter holds at one moment.",
    )
    bed_ids = fields.One2many("social.shelter.bed", "shelter_id", string="Beds")
    stay_ids = fields.One2many("social.shelter.stay", "shelter_id", string="Stays")
    daily_cost = fields.Monetary(
        string="Meals and Care per Day",
        currency_field="currency_id",
        help="Charged to the DPA line for every day of a stay (meals and daily "
        "needs), at check-out.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    dpa_line_id = fields.Many2one(
        "social.dpa.line",
        string="DPA Line",
        check_company=True,
        help="The DPA line that pays the stays (e.g. Penyediaan Permakanan).",
    )
    occupancy = fields.Integer(
        string="Clients Now", compute="_compute_occupancy", help="Clients staying now."
    )
    free_places = fields.Integer(compute="_compute_occupancy")

    _check_capacity = models.Constraint(
        "CHECK (capacity >= 0)", "The capacity of a shelter cannot be negative."
    )

    @api.depends("capacity")
    def _compute_occupancy(self):
        now = fields.Datetime.now()
        counts = dict(
            self.env["social.shelter.stay"]._read_group(
                [
                    ("shelter_id", "in", self.ids),
                    ("state", "=", "active"),
                    ("check_in", "<=", now),
                ],
                ["shelter_id"],
                ["__count"],
            )
        )
        for shelter in self:
            shelter.occupancy = counts.get(shelter, 0)
            shelter.free_places = max(shelter.capacity - shelter.occupancy, 0)
