# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models
from odoo.exceptions import UserError

from ..models.social_tier_validation import social_workflow


class CommentWizard(models.TransientModel):
    """The comment of a sign-off of the suite goes only to the review the user
    signs now: the reviews of the wizard are chosen by the client."""

    _inherit = "comment.wizard"

    def add_comment(self):
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id)
        if not getattr(record, "_social_tier_validation", False):
            return super().add_comment()
        record._check_can_sign()
        if not self.review_ids or self.review_ids - record._signable_reviews(
            self.review_ids
        ):
            raise UserError(
                self.env._(
                    "This comment names a sign-off step of %(record)s that is not "
                    "yours to sign now.",
                    record=record.display_name,
                )
            )
        with social_workflow():
            return super().add_comment()
