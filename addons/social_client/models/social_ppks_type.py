# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

# Basic services of the social SPM (Permensos 9/2018) for a regency or city: basic
# social rehabilitation outside institutions of four groups, and social protection
# of disaster victims. A province serves the same four groups inside institutions.
SPM_SERVICES = [
    ("disability", "Neglected Persons with Disabilities"),
    ("child", "Neglected Children"),
    ("elderly", "Neglected Elderly"),
    ("homeless", "Homeless and Beggars"),
    ("disaster", "Disaster Victims"),
]


class SocialPpksType(models.Model):
    """One of the 26 PPKS types of Permensos 5/2019, kept as data."""

    _name = "social.ppks.type"
    _description = "PPKS Type"
    _order = "sequence, code, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(
        required=True,
        help="Official Indonesian term of the regulation, kept as written.",
    )
    code = fields.Char(required=True, help="Number of the type in the regulation.")
    sequence = fields.Integer(default=10)
    cluster_id = fields.Many2one(
        "social.atensi.cluster",
        string="ATENSI Cluster",
        ondelete="restrict",
        help="Cluster a client of this type is usually served in.",
    )
    description = fields.Text()
    specific_personal_data = fields.Boolean(
        help="Specific personal data under UU 27/2022 (health, disability, "
        "HIV/AIDS, NAPZA, children, criminal records): never shown in the "
        "chatter's tracking, and left out of the XLSX export unless the "
        "exporter is in the health and psychology team.",
    )
    spm_service = fields.Selection(
        SPM_SERVICES,
        string="SPM Service",
        help="Basic service of the social SPM (Permensos 9/2018) that a client of "
        "this type is counted in.",
    )
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint(
        "UNIQUE(code)", "The PPKS type code must be unique."
    )
