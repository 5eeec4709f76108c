# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

QR_SIZE = 150  # pixels of the PNG; the template sets the printed size


class SocialVerifiableMixin(models.AbstractModel):
    """An official document that the suite prints and that anyone can verify at
    ``/social/verify/<code>``.

    The host model calls :meth:`_social_verification_issue` when the document is
    issued (before rendering it, so that the code and the QR code are printed),
    :meth:`_social_verification_attach` with the rendered file, and passes
    :meth:`_social_verification_report_values` to its QWeb template. The stored
    file is read-only, and printing the report again gives that file.
    See readme/USAGE.md, *Document verification*.
    """

    _name = "social.verifiable.mixin"
    _description = "Verifiable Document Mixin"

    # computed together from the verification records (no stored link on the
    # document: nothing on it to tamper with)
    verification_id = fields.Many2one(
        "social.document.verification",
        string="Verification",
        compute="_compute_verification",
        help="Latest verification record issued for this document.",
    )
    verification_code = fields.Char(compute="_compute_verification")
    verification_url = fields.Char(
        string="Verification URL", compute="_compute_verification"
    )
    verification_state = fields.Selection(
        [("valid", "Valid"), ("revoked", "Revoked")],
        string="Verification Status",
        compute="_compute_verification",
    )
    verification_revoke_reason = fields.Text(
        string="Reason for Revocation", compute="_compute_verification"
    )
    verification_revoked_date = fields.Datetime(
        string="Revoked on", compute="_compute_verification"
    )
    verification_can_revoke = fields.Boolean(compute="_compute_verification")

    @api.depends_context("uid")
    def _compute_verification(self):
        ids = [rec._origin.id for rec in self if rec._origin.id]
        # sudo: only the ids; reading the record stays subject to access rights
        latest = dict(
            self.env["social.document.verification"]
            .sudo()
            ._read_group(
                [("res_model", "=", self._name), ("res_id", "in", ids)],
                groupby=["res_id"],
                aggregates=["id:max"],
            )
            if ids
            else []
        )
        Verification = self.env["social.document.verification"]
        for rec in self:
            verification = Verification.browse(latest.get(rec._origin.id))
            rec.verification_id = verification
            rec.verification_code = verification.code_display
            rec.verification_url = verification.url
            rec.verification_state = verification.state
            rec.verification_revoke_reason = verification.revoke_reason
            rec.verification_revoked_date = verification.revoked_date
            rec.verification_can_revoke = verification.can_revoke

    def _social_verification_invalidate(self):
        self.invalidate_recordset(
            [name for name in self._fields if name.startswith("verification_")]
        )

    def _social_verification_issue(
        self,
        kind,
        number,
        date,
        signer_name,
        revoke_group_xmlid,
        signer=None,
        report=None,
    ):
        """Record this document as issued and return its verification record.

        :param str kind: kind of document as printed, e.g. "Surat Rekomendasi"
        :param str number: document number as printed
        :param date: document date (``datetime.date``)
        :param str signer_name: name of the official who signed, as printed
        :param str revoke_group_xmlid: xmlid of the signer's role, whose members
            may revoke the document
        :param signer: the signing ``res.users``, if any
        :param report: the ``ir.actions.report`` (record or xmlid) that prints
            the document: printing it again then gives the stored file
        """
        self.ensure_one()
        if isinstance(report, str):
            report = self.env.ref(report)
        company = self.company_id if "company_id" in self._fields else False
        # sudo: verification records are closed to every user; the issuing
        # method of the host model is what creates them
        verification = (
            self.env["social.document.verification"]
            .sudo()
            .create(
                {
                    "kind": kind,
                    "number": number,
                    "document_date": date,
                    "company_id": (company or self.env.company).id,
                    "signer_name": signer_name,
                    "signer_id": signer and signer.id,
                    "revoke_group_id": self.env.ref(revoke_group_xmlid).id,
                    "res_model": self._name,
                    "res_id": self.id,
                    "report_id": report and report.id,
                }
            )
        )
        self._social_verification_invalidate()
        return verification.sudo(self.env.su)

    def _social_verification_attach(self, filename):
        """Render the document with the report given at issue, store the file
        (read-only from now on) and return the attachment.

        :param str filename: file name without extension
        """
        self.ensure_one()
        verification = self.verification_id.sudo()
        if not verification.report_id:
            raise UserError(
                self.env._(
                    "%(document)s has no verification record with its report: "
                    "issue it first.",
                    document=self.display_name,
                )
            )
        if verification.attachment_id:
            raise UserError(
                self.env._("The stored file of an issued document is never replaced.")
            )
        # no attachment of the report engine itself: the stored file is this one
        content, file_type = (
            self.env["ir.actions.report"]
            .with_context(report_pdf_no_attachment=True)
            ._render_qweb_pdf(verification.report_id.id, self.ids)
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{filename}.{file_type}",
                "datas": base64.b64encode(content),
                "res_model": self._name,
                "res_id": self.id,
                # the test mode renders HTML instead of calling wkhtmltopdf
                "mimetype": "application/pdf" if file_type == "pdf" else "text/html",
            }
        )
        # sudo: see _social_verification_issue; the file is set once
        verification.write({"attachment_id": attachment.id})
        return attachment

    def _social_verification_stored_attachment(self, report):
        """The stored file of this document printed by ``report``, if any."""
        self.ensure_one()
        # sudo: reading the link only; the attachment itself is returned as the
        # current user, with its own access rules
        verification = self.verification_id.sudo()
        if verification.attachment_id and verification.report_id == report:
            return verification.attachment_id.sudo(self.env.su)
        return self.env["ir.attachment"]

    def _social_verification_report_values(self):
        """Values for the QWeb template, per record id: ``code`` (grouped for
        reading), ``url`` and ``qr`` (a data URI of the QR code of the url).
        Records without a verification have no entry."""
        Report = self.env["ir.actions.report"]
        values = {}
        for rec in self.filtered("verification_id"):
            verification = rec.verification_id
            png = Report.barcode(
                "QR", verification.url, width=QR_SIZE, height=QR_SIZE, barLevel="M"
            )
            values[rec.id] = {
                "code": verification.code_display,
                "url": verification.url,
                "qr": "data:image/png;base64," + base64.b64encode(png).decode(),
            }
        return values

    def action_revoke_verification(self):
        """Revoke the issued document (button of the signer's role)."""
        verification = self.verification_id
        if not verification:
            raise UserError(self.env._("This document has not been issued."))
        return verification.action_revoke()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_verified(self):
        if self and self.filtered("verification_id"):
            raise UserError(
                self.env._(
                    "An issued document with a verification code cannot be deleted."
                )
            )
