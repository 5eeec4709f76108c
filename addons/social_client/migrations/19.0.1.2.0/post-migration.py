# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Map the shipped PPKS types to the SPM services they are counted in.

The reference data is ``noupdate``: an upgrade does not rewrite it, so the new
``spm_service`` is set here once, on the shipped records that have none yet.
"""

from odoo import SUPERUSER_ID, api

SPM = {
    "01": "child",
    "02": "child",
    "04": "child",
    "05": "disability",
    "08": "elderly",
    "09": "disability",
    "11": "homeless",
    "12": "homeless",
    "21": "disaster",
    "22": "disaster",
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for code, service in SPM.items():
        record = env.ref(
            f"social_client.social_ppks_type_{code}", raise_if_not_found=False
        )
        if record and not record.spm_service:
            record.spm_service = service
