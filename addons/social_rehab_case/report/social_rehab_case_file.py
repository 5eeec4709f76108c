# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, models


class ReportSocialRehabCaseFile(models.AbstractModel):
    _name = "report.social_rehab_case.report_case_file"
    _description = "Rehabilitation Case File"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["social.rehab.case"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "social.rehab.case",
            "docs": docs,
            "verifications": docs._social_verification_report_values(),
        }
