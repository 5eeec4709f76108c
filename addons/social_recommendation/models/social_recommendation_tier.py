# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models
from odoo.exceptions import UserError


class SocialRecommendation(models.Model):
    """The sign-off (Kasi paraf, Kabid paraf, Kadis signature) as a tier
    validation of OCA base_tier_validation, in the office's words."""

    _inherit = "social.recommendation"

    def restart_validation(self):
        """The administrator's way out of a blocked sign-off: the reviews stay
        as history and the request goes back to the administrative check,
        from which the Kasi sends it for sign-off again."""
        if not self.env.user.has_group("social_client.group_social_manager"):
            raise UserError(
                self.env._(
                    "Only an administrator may restart a sign-off; a reviewer "
                    "returns the recommendation by rejecting it."
                )
            )
        for rec in self:
            if rec.state != "review":
                raise UserError(
                    self.env._(
                        "%(name)s has no sign-off under way to restart.",
                        name=rec.name,
                    )
                )
        res = super().restart_validation()
        self._sop_end(outcome="returned")
        self._write_workflow({"state": "check"})
        for rec in self:
            rec.message_post(body=rec._notify_restarted_review_body())
        return res

    def _tier_excluded_users(self):
        """Whoever registered, verified or checked the request signs none of
        its tiers."""
        users = super()._tier_excluded_users()
        return users | self.social_worker_id | self.checked_by_id

    def _check_can_sign(self):
        """Explain, on the server, why the current user may not sign now."""
        self.ensure_one()
        if self.state != "review":
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(name)s is not waiting for a sign-off (it is in the step "
                    "%(state)s).",
                    name=self.name,
                    state=labels[self.state],
                )
            )
        user = self.env.user
        refusal = self._tier_sign_refusal(user)
        if refusal:
            raise UserError(refusal)
        if self.can_review:
            return
        open_reviews = self.review_ids.filtered(
            lambda r: r.status in ("waiting", "pending")
        ).sorted("sequence")
        if not open_reviews:
            raise UserError(
                self.env._("%(name)s has nothing left to sign.", name=self.name)
            )
        current = open_reviews[0]
        if user in open_reviews.reviewer_ids:
            raise UserError(
                self.env._(
                    "It is not your turn to sign %(name)s: %(tier)s must be signed "
                    "first.",
                    name=self.name,
                    tier=current.name,
                )
            )
        raise UserError(
            self.env._(
                "The current step of %(name)s (%(tier)s) may only be signed by "
                "%(who)s.",
                name=self.name,
                tier=current.name,
                who=current.todo_by,
            )
        )

    def _prepare_tier_review_vals(self, definition, sequence):
        vals = super()._prepare_tier_review_vals(definition, sequence)
        # the requester of the sign-off is whoever registered the request, not
        # the Kasi whose administrative check opens it
        vals["requested_by"] = self.user_id.id
        return vals

    def _validate_tier(self, tiers=False):
        approved_before = self.review_ids.filtered(lambda r: r.status == "approved")
        res = super()._validate_tier(tiers)
        approved_now = (
            self.review_ids.filtered(lambda r: r.status == "approved") - approved_before
        )
        for review in approved_now:
            self._sop_end(sop_step=review.definition_id.recommendation_sop_step_id)
        if self.validation_status == "validated":
            self._write_workflow(
                {"state": "approved", "approved_date": fields.Datetime.now()}
            )
        else:
            self._sop_start_next_tier()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        if self.validation_status == "rejected":
            rejected = self.review_ids.filtered(lambda r: r.status == "rejected")[:1]
            self._write_workflow(
                {"state": "verification", "return_note": rejected.comment or False}
            )
            self.message_post(
                body=self.env._(
                    "Returned by %(user)s at %(tier)s: %(comment)s",
                    user=self.env.user.name,
                    tier=rejected.name,
                    comment=rejected.comment or self.env._("no comment"),
                )
            )
        return res
