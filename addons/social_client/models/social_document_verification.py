# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import re
import secrets

import babel.dates

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import babel_locale_parse

# no 0/O, 1/I/L: a code read aloud or typed from paper is not misread
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12  # 31**12, about 2**59 codes: not guessable at 30 lookups a minute
CODE_GROUP = 4
# what the issuing code records once; nobody changes it afterwards, not even sudo
EVIDENCE_FIELDS = {
    "code",
    "kind",
    "number",
    "document_date",
    "company_id",
    "signer_name",
    "signer_id",
    "revoke_group_id",
    "res_model",
    "res_id",
    "report_id",
}


class SocialDocumentVerification(models.Model):
    """One official document the suite issued, as the public verification page
    knows it: a code printed on the document (with its QR code) and the little
    the page may tell about it.

    Records are evidence: created by the issuing code (``social.verifiable.mixin``),
    never written by hand, never deleted; the only change is the revocation by
    a member of the signer's role, through the revocation wizard.
    """

    _name = "social.document.verification"
    _inherit = ["mail.thread"]
    _description = "Document Verification"
    _order = "id desc"
    _rec_names_search = ["code", "number", "kind"]

    code = fields.Char(
        required=True,
        readonly=True,
        copy=False,
        help="Unguessable code printed on the document and in its QR code.",
    )
    code_display = fields.Char(
        string="Verification Code", compute="_compute_code_display"
    )
    url = fields.Char(string="Verification URL", compute="_compute_url")
    kind = fields.Char(
        string="Document Kind",
        required=True,
        readonly=True,
        help="Kind of document as printed on it, e.g. Surat Rekomendasi.",
    )
    number = fields.Char(string="Document Number", required=True, readonly=True)
    document_date = fields.Date(required=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", string="Office", required=True, readonly=True, index=True
    )
    signer_name = fields.Char(
        string="Signed by",
        required=True,
        readonly=True,
        help="Name of the official who signed, as printed on the document.",
    )
    signer_id = fields.Many2one("res.users", string="Signer", readonly=True)
    revoke_group_id = fields.Many2one(
        "res.groups",
        string="Revocable by",
        required=True,
        readonly=True,
        help="Role of the signer: only its members revoke the document.",
    )
    res_model = fields.Char(string="Source Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Source Record", model_field="res_model", required=True, readonly=True
    )
    report_id = fields.Many2one(
        "ir.actions.report",
        string="Report",
        readonly=True,
        help="Report that printed the document: printing it again gives the "
        "stored file.",
    )
    attachment_id = fields.Many2one(
        "ir.attachment",
        string="Issued File",
        readonly=True,
        ondelete="restrict",
        help="The file as issued, kept read-only.",
    )
    state = fields.Selection(
        [("valid", "Valid"), ("revoked", "Revoked")],
        string="Status",
        required=True,
        readonly=True,
        default="valid",
        tracking=True,
    )
    revoke_reason = fields.Text(
        string="Reason for Revocation",
        readonly=True,
        help="Shown on the public verification page.",
    )
    revoked_by_id = fields.Many2one("res.users", string="Revoked by", readonly=True)
    revoked_date = fields.Datetime(string="Revoked on", readonly=True)
    can_revoke = fields.Boolean(compute="_compute_can_revoke")

    _code_unique = models.UniqueIndex(
        "(code)", "Two documents cannot share a verification code."
    )
    _source_index = models.Index("(res_model, res_id)")

    @api.depends("code")
    def _compute_code_display(self):
        for rec in self:
            code = rec.code or ""
            rec.code_display = "-".join(
                code[i : i + CODE_GROUP] for i in range(0, len(code), CODE_GROUP)
            )

    @api.depends("code")
    def _compute_url(self):
        for rec in self:
            rec.url = rec.code and f"{rec.get_base_url()}/social/verify/{rec.code}"

    @api.depends("state", "revoke_group_id")
    @api.depends_context("uid")
    def _compute_can_revoke(self):
        user_groups = self.env.user.all_group_ids
        for rec in self:
            rec.can_revoke = rec.state == "valid" and rec.revoke_group_id in user_groups

    @api.depends("kind", "number")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = " ".join(filter(None, (rec.kind, rec.number)))

    # ------------------------------------------------------------------ codes

    @api.model
    def _new_code(self):
        """A fresh random code, not yet used (a clash is a 2**-59 event)."""
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))
            if not self.sudo().search_count([("code", "=", code)], limit=1):
                return code

    @api.model
    def _normalize_code(self, code):
        """The code as stored, from what a person typed (case, spaces and dashes
        do not matter); ``False`` when it cannot be a code."""
        code = re.sub(r"[\s-]+", "", code or "").upper()
        if len(code) != CODE_LENGTH or set(code) - set(CODE_ALPHABET):
            return False
        return code

    # ------------------------------------------------------------------ guards

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "Verification records are created by the issuing of a document "
                    "only."
                )
            )
        for vals in vals_list:
            vals["code"] = self._new_code()
            vals["state"] = "valid"
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "A verification record is evidence of an issued document: it "
                    "cannot be changed, only revoked with the Revoke button."
                )
            )
        if EVIDENCE_FIELDS.intersection(vals):
            raise UserError(
                self.env._(
                    "The code, number, date, office and signer of an issued document "
                    "never change."
                )
            )
        if "attachment_id" in vals and any(rec.attachment_id for rec in self):
            raise UserError(
                self.env._("The stored file of an issued document is never replaced.")
            )
        if vals.get("state", "revoked") != "revoked":
            raise UserError(self.env._("A revoked document stays revoked."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "A verification record is evidence of an issued document and is "
                "never deleted; revoke the document instead."
            )
        )

    # ------------------------------------------------------------------ revocation

    def _check_can_revoke(self):
        for rec in self:
            if rec.state != "valid":
                raise UserError(
                    self.env._(
                        "%(document)s is already revoked.", document=rec.display_name
                    )
                )
            if not rec.can_revoke:
                raise UserError(
                    self.env._(
                        "Only a member of %(group)s may revoke %(document)s.",
                        group=rec.revoke_group_id.name,
                        document=rec.display_name,
                    )
                )

    def action_revoke(self):
        """Open the wizard that asks the reason."""
        self._check_can_revoke()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Revoke Document"),
            "res_model": "social.document.verification.revoke",
            "view_mode": "form",
            "target": "new",
            "context": {"default_verification_ids": self.ids},
        }

    def _revoke(self, reason):
        """Revoke the documents; called by the wizard, checks the role itself."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for the revocation."))
        self._check_can_revoke()
        # sudo: the records are closed to direct writes; the role was checked above
        self.sudo().write(
            {
                "state": "revoked",
                "revoke_reason": reason,
                "revoked_by_id": self.env.user.id,
                "revoked_date": fields.Datetime.now(),
            }
        )
        for res_model, recs in self.grouped("res_model").items():
            source = self.env.get(res_model)
            if hasattr(source, "_social_verification_invalidate"):
                source.browse(recs.mapped("res_id"))._social_verification_invalidate()
        for rec in self:
            # sudo: posting needs write access, which nobody has; the author stays
            # the revoking user
            rec.sudo().message_post(
                body=self.env._("Document revoked: %(reason)s", reason=reason),
                author_id=self.env.user.partner_id.id,
            )
        return True

    def action_open_source(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------ public page

    @api.model
    def _public_lookup(self, code):
        """What the public page tells about ``code``: only these values leave the
        database (no person, no source record); ``None`` when unknown."""
        code = self._normalize_code(code)
        # sudo: the caller is the public user; only the values below are returned
        record = code and self.sudo().search([("code", "=", code)], limit=1)
        if not record:
            return None
        lang = self.env.lang or "en_US"
        return {
            "code": record.code_display,
            "kind": record.kind,
            "number": record.number,
            "date": self._format_public_date(record.document_date, lang),
            "office": record.company_id.name,
            "signer": record.signer_name,
            "state": record.state,
            "revoke_reason": record.revoke_reason,
            "revoked_date": record.revoked_date
            and self._format_public_date(
                fields.Datetime.context_timestamp(record, record.revoked_date).date(),
                lang,
            ),
        }

    @api.model
    def _format_public_date(self, value, lang):
        """5 Januari 2025 in Indonesian, January 5, 2025 in English."""
        return babel.dates.format_date(
            value, format="long", locale=babel_locale_parse(lang)
        )
