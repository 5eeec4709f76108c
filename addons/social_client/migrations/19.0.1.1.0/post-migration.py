# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Flag the shipped classifications that are specific personal data.

The reference data is ``noupdate``: an upgrade does not rewrite it, so the
new ``specific_personal_data`` flag is set here once, on the shipped records
only (UU 27/2022: children, health and disability, criminal records).
"""

from odoo import SUPERUSER_ID, api

SPECIFIC = [
    *(f"social_ppks_type_{code}" for code in ("01", "02", "03", "04", "05", "06")),
    *(f"social_ppks_type_{code}" for code in ("07", "09", "15", "16", "17")),
    "social_atensi_cluster_anak",
    "social_atensi_cluster_disabilitas",
    "social_atensi_cluster_napza",
]


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for name in SPECIFIC:
        record = env.ref(f"social_client.{name}", raise_if_not_found=False)
        if record:
            record.specific_personal_data = True
    # every disability type is health data; the new column's default set them
    disability = env["social.disability.type"].with_context(active_test=False)
    disability.search([]).specific_personal_data = True
