# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models
from odoo.exceptions import UserError


class SocialDpa(models.Model):
    """Approval of a DPA and of each revision: Kabid, then Kadis, through the
    suite's sign-off (social_client's social.tier.validation on OCA
    base_tier_validation). The reviewers only read DPAs: once their right to
    sign is checked, the bookkeeping of the sign-off runs in sudo."""

    _inherit = "social.dpa"

    def request_validation(self):
        self.check_access("write")
        for rec in self:
            if not rec.line_ids:
                raise UserError(
                    self.env._(
                        "%(name)s has no line to approve.", name=rec.display_name
                    )
                )
        return super().request_validation()

    def restart_validation(self):
        self.check_access("write")
        if any(rec.state != "draft" for rec in self):
            raise UserError(
                self.env._("Only the approval of a draft DPA can be restarted.")
            )
        return super().restart_validation()

    def _tier_excluded_users(self):
        # whoever asks for the approval (finance, at request time) signs no tier
        return super()._tier_excluded_users() | self.env.user

    def _check_can_sign(self):
        self.ensure_one()
        if self.state != "draft" or self.validation_status != "pending":
            raise UserError(
                self.env._(
                    "%(name)s is not waiting for an approval.", name=self.display_name
                )
            )
        return super()._check_can_sign()

    def _validate_tier(self, tiers=False):
        self._check_can_sign()
        # sudo: the reviewer's turn was checked above; reviewers read DPAs only
        # (env.user stays the reviewer, so the review is theirs)
        res = super(SocialDpa, self.sudo())._validate_tier(tiers)
        # need_validation and validation_status follow the reviews just written
        self.invalidate_recordset()
        if self.validation_status == "validated":
            self.sudo()._action_approve()
        return res

    def _rejected_tier(self, tiers=False):
        self._check_can_sign()
        # sudo: as in _validate_tier
        return super(SocialDpa, self.sudo())._rejected_tier(tiers)
