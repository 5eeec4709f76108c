# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The sign-off of the suite: OCA ``tier.validation`` that nobody can forge,
skip or sign for themselves.

A model with a sign-off inherits ``social.tier.validation`` instead of
``tier.validation`` and lists its workflow fields in
``_social_workflow_fields``. Its ``action_*`` methods write those fields
inside ``with social_workflow():`` (or ``self._social_workflow_write(vals)``);
everything else - a form, an RPC call with whatever context - is refused.
"""

import contextvars
import functools
from collections.abc import Collection
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

# Set only by server code (the block of ``social_workflow``): no client can
# reach it, unlike a context key, which any RPC call may send.
_WORKFLOW = contextvars.ContextVar("social_workflow", default=False)

# OCA context keys that open a door; trusted only inside the workflow
_UNSAFE_CONTEXT_KEYS = ("skip_validation_check", "skip_check_state_condition")


@contextmanager
def social_workflow():
    """Mark the writes of the enclosed block as done by the workflow itself."""
    token = _WORKFLOW.set(True)
    try:
        yield
    finally:
        _WORKFLOW.reset(token)


def in_social_workflow(env):
    """Whether the current write comes from the server's workflow code."""
    return env.su or _WORKFLOW.get()


def workflow_method(method):
    """Run ``method`` as workflow code (see ``social_workflow``)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with social_workflow():
            return method(self, *args, **kwargs)

    return wrapper


class SocialTierValidation(models.AbstractModel):
    """Hardened ``tier.validation`` shared by the suite's sign-offs.

    - ``_social_workflow_fields`` are written only by the workflow
      (``social_workflow`` block, ``sudo()``), never from a client;
    - ``_tier_excluded_users()`` (creator and registrant by default) sign no
      tier of the record: they are snapshot on the reviews when the sign-off
      is requested, so editing the registrant afterwards changes nothing;
    - one person signs one tier of a record, whatever roles they hold;
    - reviews are never deleted: cancelling, restarting or returning archive
      them as the history of the record (``review_history_ids``).
    """

    _name = "social.tier.validation"
    _inherit = ["tier.validation"]
    _description = "Sign-off of the suite (tier validation)"

    _social_tier_validation = True
    _social_workflow_fields = frozenset()

    review_history_ids = fields.One2many(
        comodel_name="tier.review",
        inverse_name="res_id",
        string="Earlier Sign-offs",
        domain=lambda self: [("model", "=", self._name), ("active", "=", False)],
        context={"active_test": False},
        readonly=True,
        bypass_search_access=True,
    )

    # ------------------------------------------------------------ guards

    @api.model_create_multi
    def create(self, vals_list):
        if not in_social_workflow(self.env):
            for vals in vals_list:
                self._social_check_workflow_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not in_social_workflow(self.env):
            self._social_check_workflow_fields(vals)
        return super().write(vals)

    def _social_check_workflow_fields(self, vals):
        forbidden = self._social_workflow_fields.intersection(vals)
        if forbidden:
            raise UserError(
                self.env._(
                    "%(fields)s of %(model)s are set by the workflow only (its "
                    "buttons), never directly.",
                    fields=", ".join(
                        self._fields[name].get_description(self.env)["string"]
                        for name in sorted(forbidden)
                    ),
                    model=self.env["ir.model"]._get(self._name).name,
                )
            )

    def _social_workflow_write(self, vals):
        """Write ``vals`` as the workflow: the action's own bookkeeping."""
        with social_workflow():
            return self.write(vals)

    def _tier_validation_check_write_allowed(self, vals):
        # OCA trusts the context key skip_validation_check: only the
        # workflow may skip the guard of records under sign-off
        return super(
            SocialTierValidation,
            self.with_context(skip_validation_check=bool(_WORKFLOW.get())),
        )._tier_validation_check_write_allowed(vals)

    def _check_state_from_condition(self):
        records = self
        if not in_social_workflow(self.env):
            records = self.with_context(skip_check_state_condition=False)
        return super(SocialTierValidation, records)._check_state_from_condition()

    # ------------------------------------------------------------ signers

    def _tier_excluded_users(self):
        """Users who may sign no tier of the record (hook): its creator, the
        registrant, and whoever was excluded from an earlier round. Extend it
        with whoever prepared the record."""
        self.ensure_one()
        users = self.create_uid | self.review_history_ids.excluded_user_ids
        if "user_id" in self._fields and self.user_id:
            users |= self.user_id
        return users

    def _prepare_tier_review_vals(self, definition, sequence):
        vals = super()._prepare_tier_review_vals(definition, sequence)
        vals["excluded_user_ids"] = [
            fields.Command.set(self._tier_excluded_users().ids)
        ]
        vals["res_company_id"] = self._get_company().id
        vals["social_single_signer"] = True
        return vals

    def _get_sequences_to_approve(self, user):
        if self._tier_sign_refusal(user):
            return []
        return super()._get_sequences_to_approve(user)

    @api.model
    def _search_can_review(self, operator, value):
        """The records whose sign-off waits for the current user, as one SQL
        sub-select. OCA's search reads every record under review in Python
        (its query count grows with them); this one mirrors
        ``_get_sequences_to_approve`` and ``_tier_sign_refusal`` in the
        database: an open review of the user whose turn it is, none that
        excludes the user or that the user already signed, none rejected.
        A model extending those two methods must extend this one too."""
        # 19.0 hands "= True" over as "in" with a set of values
        values = set(value) if isinstance(value, Collection) else {value}
        positive = (operator in ("=", "in")) == (True in values)
        Review = self.env["tier.review"]
        own = [("model", "=", self._name)]

        def res_ids(domain):
            return Review._search(own + domain).subselect("res_id")

        domain = Domain(
            "id",
            "in",
            res_ids(
                [
                    ("reviewer_ids", "in", [self.env.uid]),
                    ("status", "in", ["waiting", "pending"]),
                    ("can_review", "=", True),
                ]
            ),
        ) & Domain(
            "id",
            "not in",
            res_ids(
                [
                    "|",
                    "|",
                    ("excluded_user_ids", "in", [self.env.uid]),
                    "&",
                    ("status", "=", "approved"),
                    ("done_by", "=", self.env.uid),
                    ("status", "=", "rejected"),
                ]
            ),
        )
        return domain if positive else ~domain

    def _tier_sign_refusal(self, user):
        """Why ``user`` may sign no tier of this record, or False."""
        reviews = self.review_ids
        if user in reviews.excluded_user_ids:
            return self.env._(
                "You prepared %(record)s (registered, verified or checked it), "
                "so you cannot sign any of its sign-off steps (four-eyes "
                "principle).",
                record=self.display_name,
            )
        signed = reviews.filtered(
            lambda r: r.status == "approved" and r.done_by == user
        )
        if signed:
            return self.env._(
                "You already signed %(record)s at %(tier)s: one person signs one "
                "step of a sign-off, whatever roles they hold.",
                record=self.display_name,
                tier=signed[0].name,
            )
        return False

    def _check_can_sign(self):
        """Raise a UserError saying why the current user may not sign now
        (hook: a model adds its own reasons before calling super)."""
        self.ensure_one()
        refusal = self._tier_sign_refusal(self.env.user)
        if refusal:
            raise UserError(refusal)
        if not self._get_sequences_to_approve(self.env.user):
            raise UserError(
                self.env._(
                    "%(record)s has no sign-off step waiting for you.",
                    record=self.display_name,
                )
            )

    def _signable_reviews(self, tiers=False):
        """The one review the current user signs now: the first of the open
        reviews given (or of the record) that is theirs, in order."""
        sequences = self._get_sequences_to_approve(self.env.user)
        own = self.review_ids
        if tiers:
            own &= tiers
        return own.filtered(
            lambda r: r.sequence in sequences and r.status in ("waiting", "pending")
        ).sorted("sequence")[:1]

    # ------------------------------------------------------------ OCA entry points

    def _social_safe(self):
        return self.with_context(**dict.fromkeys(_UNSAFE_CONTEXT_KEYS, False))

    @workflow_method
    def request_validation(self):
        res = super(SocialTierValidation, self._social_safe()).request_validation()
        # OCA's need_validation is not stored: once reviews exist, a later write
        # in the same environment must not read the cached "needs a request"
        self.invalidate_recordset(["need_validation"])
        return res

    @workflow_method
    def restart_validation(self):
        # OCA deletes the reviews: tier.review.unlink archives them instead
        return super(SocialTierValidation, self._social_safe()).restart_validation()

    def validate_tier(self):
        self.ensure_one()
        self._check_can_sign()
        with social_workflow():
            return super(SocialTierValidation, self._social_safe()).validate_tier()

    def reject_tier(self):
        self.ensure_one()
        self._check_can_sign()
        with social_workflow():
            return super(SocialTierValidation, self._social_safe()).reject_tier()

    def _validate_tier(self, tiers=False):
        # every path (button, comment wizard) ends here: check again so that
        # no tier is skipped and no second tier signed by passing other reviews
        self._check_can_sign()
        with social_workflow():
            return super()._validate_tier(self._social_signable_or_raise(tiers))

    def _rejected_tier(self, tiers=False):
        self._check_can_sign()
        with social_workflow():
            return super()._rejected_tier(self._social_signable_or_raise(tiers))

    def _social_signable_or_raise(self, tiers):
        signable = self._signable_reviews(tiers)
        if not signable:
            raise UserError(
                self.env._(
                    "%(record)s has no sign-off step waiting for you.",
                    record=self.display_name,
                )
            )
        return signable

    @workflow_method
    def _tier_validation_check_write_remove_reviews(self, vals):
        # cancelling or requesting again archives the reviews (history)
        return super()._tier_validation_check_write_remove_reviews(vals)

    @workflow_method
    def _update_counter(self, review_counter):
        return super()._update_counter(review_counter)

    def unlink(self):
        # the record goes, and its reviews with it (its history included)
        reviews = (
            self.env["tier.review"]
            .with_context(active_test=False)
            .search([("model", "=", self._name), ("res_id", "in", self.ids)])
        )
        with social_workflow():
            res = super().unlink()
            reviews.exists()._social_purge()
        return res

    # The texts of base_tier_validation that staff read, in our own words, for
    # every sign-off of the suite: the OCA add-on has no Indonesian translation,
    # and its Python strings can only be translated by its own PO files
    # (social_recommendation's i18n_extra/id.po covers its fields, views and web
    # client terms).
    def _social_reader_lang(self):
        """In the user's language also where the context has none (data files)."""
        return self._fallback_lang() if hasattr(self, "_fallback_lang") else self

    def _get_to_validate_message(self):
        pending = self.review_ids.filtered(lambda r: r.status == "pending")[:1]
        if not pending:
            return super()._get_to_validate_message()
        return self.env._(
            "%(icon)s Waiting for the sign-off of %(todo_by)s",
            icon='<i class="fa fa-lg fa-info-circle"></i>',
            todo_by=pending.todo_by,
        )

    def _compute_next_review(self):
        for rec in self:
            review = rec.review_ids.sorted("sequence").filtered(
                lambda r: r.status == "pending"
            )[:1]
            rec.next_review = review and self.env._("Next: %s", review.name)

    def _add_comment(self, validate_reject, reviews):
        action = super()._add_comment(validate_reject, reviews)
        action["name"] = (
            self.env._("Sign-off comment")
            if validate_reject == "validate"
            else self.env._("Reason for returning")
        )
        return action

    def _notify_requested_review_body(self, tier_reviews=None):
        if not tier_reviews:
            return super()._notify_requested_review_body(tier_reviews)
        requester = tier_reviews[:1].requested_by or self.env.user
        return self._social_reader_lang().env._(
            "Waiting for the sign-off of %(assignees)s, requested by %(requester)s.",
            assignees=", ".join(filter(None, tier_reviews.mapped("todo_by"))),
            requester=requester.display_name,
        )

    def _own_review_comment(self):
        return self.review_ids.filtered(
            lambda r: self.env.user in r.reviewer_ids and r.comment
        )[:1].comment

    def _notify_accepted_reviews_body(self):
        if comment := self._own_review_comment():
            return self.env._(
                "Signed off by %(user)s (%(comment)s).",
                user=self.env.user.name,
                comment=comment,
            )
        return self.env._("Signed off by %s.", self.env.user.name)

    def _notify_rejected_review_body(self):
        if comment := self._own_review_comment():
            return self.env._(
                "Sign-off refused by %(user)s (%(comment)s).",
                user=self.env.user.name,
                comment=comment,
            )
        return self.env._("Sign-off refused by %s.", self.env.user.name)

    def _notify_restarted_review_body(self):
        return self.env._("The sign-off was restarted by %s.", self.env.user.name)
