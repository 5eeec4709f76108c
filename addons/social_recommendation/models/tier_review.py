# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class TierReview(models.Model):
    _inherit = "tier.review"

    @api.depends("reviewer_ids")
    def _compute_todo_by(self):
        """A recommendation's tier is held by a role: name the role itself
        (base_tier_validation prefixes an untranslated "Group")."""
        ours = self.filtered(
            lambda r: r.model == "social.recommendation" and r.reviewer_group_id
        )
        # stored: in the language of the moment, the user's where the context
        # has none (data files)
        lang = self.env.lang or self.env.user.lang
        for review in ours:
            review.todo_by = review.reviewer_group_id.with_context(lang=lang).name
        return super(TierReview, self - ours)._compute_todo_by()

    def _notify_review_reminder_body(self):
        if self.model != "social.recommendation":
            return super()._notify_review_reminder_body()
        return self.env._(
            "This sign-off has been waiting for %s days.",
            (fields.Datetime.now() - self.create_date).days,
        )
