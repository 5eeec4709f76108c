# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialAtensiCluster(models.Model):
    """ATENSI target cluster (Permensos 7/2021 article on target groups)."""

    _name = "social.atensi.cluster"
    _description = "ATENSI Cluster"
    _order = "sequence, id"

    name = fields.Char(
        required=True,
        help="Official Indonesian term of the regulation, kept as written.",
    )
    code = fields.Char(
        required=True,
        help="Stable technical key used by other add-ons and reports.",
    )
    sequence = fields.Integer(default=10)
    description = fields.Text()
    specific_personal_data = fields.Boolean(
        help="Specific personal data under UU 27/2022 (health, disability, "
        "HIV/AIDS, NAPZA, children): a client's cluster is then never shown "
        "in the chatter's tracking.",
    )
    ppks_type_ids = fields.One2many(
        "social.ppks.type", "cluster_id", string="PPKS Types"
    )
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(code)", "The cluster code must be unique.")
