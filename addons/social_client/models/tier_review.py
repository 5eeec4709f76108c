# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from .social_tier_validation import in_social_workflow, workflow_method


class TierReview(models.Model):
    """The reviews of the suite's sign-offs are evidence: they change only
    through the sign-off methods (request, validate, reject, comment wizard,
    restart), are archived instead of deleted, and keep who was excluded from
    signing them as it stood when the sign-off was requested."""

    _inherit = "tier.review"

    active = fields.Boolean(
        default=True,
        help="Archived reviews are the history of earlier sign-offs of the "
        "record (returned, restarted or cancelled).",
    )
    excluded_user_ids = fields.Many2many(
        "res.users",
        "tier_review_excluded_user_rel",
        "review_id",
        "user_id",
        string="Excluded Signers",
        readonly=True,
        help="Who prepared the record (registered, verified, checked it) when "
        "the sign-off was requested: they cannot sign it.",
    )
    res_company_id = fields.Many2one(
        "res.company",
        string="Office of the Record",
        readonly=True,
        index=True,
        help="Company of the reviewed record; reviews stay within it.",
    )

    social_single_signer = fields.Boolean(
        string="One Tier per Signer",
        readonly=True,
        help="Set on the reviews of the suite's sign-offs: one person signs one "
        "tier of a record.",
    )

    # one person signs one tier of a record, also under concurrent requests
    _social_one_tier_per_signer = models.UniqueIndex(
        "(model, res_id, done_by) WHERE social_single_signer AND active "
        "AND status = 'approved'",
        "One person signs one step of a sign-off.",
    )

    @api.model
    def _get_reviewer_fields(self):
        return [*super()._get_reviewer_fields(), "excluded_user_ids"]

    def _get_reviewers(self):
        return super()._get_reviewers() - self.excluded_user_ids

    # ------------------------------------------------------------ guards

    def _social_is_suite_model(self, model_name):
        return bool(
            model_name
            and model_name in self.env
            and getattr(self.env[model_name], "_social_tier_validation", False)
        )

    def _social_check_workflow(self, vals=None):
        """Refuse a change of the suite's reviews made outside the sign-off."""
        if in_social_workflow(self.env):
            return
        models_touched = set(self.mapped("model"))
        if vals and vals.get("model"):
            models_touched.add(vals["model"])
        if any(self._social_is_suite_model(name) for name in models_touched):
            raise AccessError(
                self.env._(
                    "Sign-off reviews change only through the sign-off itself "
                    "(sign, return, restart); they cannot be created, edited or "
                    "deleted directly."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._social_check_workflow(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._social_check_workflow(vals)
        return super().write(vals)

    def unlink(self):
        self._social_check_workflow()
        # the suite's reviews are archived, never deleted (history)
        ours = self.filtered(lambda r: self._social_is_suite_model(r.model))
        archive = ours.filtered("active")
        archive.filtered(lambda r: r.status in ("waiting", "pending")).write(
            {"status": "cancel"}
        )
        archive.write({"active": False})
        return super(TierReview, self - ours).unlink()

    def _social_purge(self):
        """Really delete reviews (their record is deleted): server only."""
        self._social_check_workflow()
        return super().unlink()

    @workflow_method
    def _update_review_status(self):
        # promotes waiting reviews to pending (also from the systray counter)
        return super()._update_review_status()

    @workflow_method
    def _send_review_reminder(self):
        return super()._send_review_reminder()

    # ------------------------------------------------------------ wording

    @api.depends("reviewer_ids")
    def _compute_todo_by(self):
        """A tier of the suite is held by a role: name the role itself
        (base_tier_validation prefixes an untranslated "Group")."""
        ours = self.filtered(
            lambda r: self._social_is_suite_model(r.model) and r.reviewer_group_id
        )
        # stored: in the language of the moment, the user's where the context
        # has none (data files)
        lang = self.env.lang or self.env.user.lang
        for review in ours:
            review.todo_by = review.reviewer_group_id.with_context(lang=lang).name
        return super(TierReview, self - ours)._compute_todo_by()

    def _notify_review_reminder_body(self):
        if not self._social_is_suite_model(self.model):
            return super()._notify_review_reminder_body()
        return self.env._(
            "This sign-off has been waiting for %s days.",
            (fields.Datetime.now() - self.create_date).days,
        )
