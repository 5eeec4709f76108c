# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64

from odoo import api, models
from odoo.exceptions import UserError

# what may change on the stored file of an issued document: the share token
FREE_FIELDS = {"access_token"}
# a storage migration (force_storage) rewrites the same content
CONTENT_FIELDS = {"raw", "datas", "mimetype"}


class IrAttachment(models.Model):
    """The stored file of an issued document (``social.document.verification``)
    is read-only for everyone, the administrator and sudo included."""

    _inherit = "ir.attachment"

    def _social_issued_files(self):
        if not self.ids:
            return self.browse()
        # sudo: only which attachments are issued files; nothing is returned
        verifications = (
            self.env["social.document.verification"]
            .sudo()
            .search([("attachment_id", "in", self.ids)])
        )
        return verifications.attachment_id.sudo(self.env.su)

    def _social_same_content(self, vals):
        if "raw" in vals:
            raw = vals["raw"]
            raw = raw.encode() if isinstance(raw, str) else raw
        elif "datas" in vals:
            raw = base64.b64decode(vals["datas"] or b"")
        else:
            raw = None
        for attachment in self:
            if raw is not None and self._compute_checksum(raw) != attachment.checksum:
                return False
            if "mimetype" in vals and vals["mimetype"] != attachment.mimetype:
                return False
        return True

    def write(self, vals):
        changed = set(vals) - FREE_FIELDS
        if changed:
            issued = self._social_issued_files()
            if issued and not (
                changed <= CONTENT_FIELDS and issued._social_same_content(vals)
            ):
                raise UserError(
                    self.env._(
                        "%(file)s is the file of an issued document: it is kept as "
                        "issued and cannot be changed.",
                        file=", ".join(issued.mapped("name")),
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued_file(self):
        issued = self._social_issued_files()
        if issued:
            raise UserError(
                self.env._(
                    "%(file)s is the file of an issued document: it is kept as "
                    "issued and cannot be deleted.",
                    file=", ".join(issued.mapped("name")),
                )
            )
