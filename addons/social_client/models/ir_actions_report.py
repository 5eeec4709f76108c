# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class IrActionsReport(models.Model):
    """Printing an issued document again gives its stored file.

    For the reports of ``social.verifiable.mixin`` models with ``attachment_use``
    and an ``attachment`` expression true once issued (``object.verification_code``):
    the stored file is the one the issuing kept, never an attachment found by
    name (anyone may upload a file of that name), and the report engine never
    saves a rendering of its own.
    """

    _inherit = "ir.actions.report"

    def _social_is_verifiable(self):
        return self.model in self.env and issubclass(
            type(self.env[self.model]), self.pool["social.verifiable.mixin"]
        )

    def retrieve_attachment(self, record):
        if self._social_is_verifiable():
            return record._social_verification_stored_attachment(self) or None
        return super().retrieve_attachment(record)

    def _prepare_pdf_report_attachment_vals_list(self, report, streams):
        if report._social_is_verifiable():
            return []
        return super()._prepare_pdf_report_attachment_vals_list(report, streams)
