# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .social_recommendation import KASI, STATE_RULES


class SocialRecommendation(models.Model):
    """The state rules of a recommendation: what may be done now, and by whom.

    Each rule is a computed boolean (``can_*``) that the form's buttons and
    ``readonly`` attributes, ``write`` and the actions all read, so that a
    list of states is written once, in ``STATE_RULES``.
    """

    _inherit = "social.recommendation"

    # what the current user may do now (see STATE_RULES)
    can_edit_request = fields.Boolean(compute="_compute_can")
    can_start_verification = fields.Boolean(compute="_compute_can")
    can_submit_assessment = fields.Boolean(compute="_compute_can")
    can_check = fields.Boolean(compute="_compute_can")
    can_issue = fields.Boolean(compute="_compute_can")
    can_hand_over = fields.Boolean(compute="_compute_can")
    can_deliver = fields.Boolean(compute="_compute_can")
    can_print_letter = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_edit_delivery = fields.Boolean(compute="_compute_can")

    @api.depends_context("uid")
    @api.depends(
        "state",
        "user_id",
        "social_worker_id",
        "review_ids.status",
        "review_ids.definition_id.recommendation_signoff",
    )
    def _compute_can(self):
        user = self.env.user
        is_kasi = user.has_group(KASI)
        is_manager = user.has_group("social_client.group_social_manager")
        for rec in self:
            for flag, states in STATE_RULES.items():
                rec[flag] = rec.state in states
            rec.can_submit_assessment &= is_manager or user == rec.social_worker_id
            rec.can_check &= is_kasi
            rec.can_issue &= rec._signature_approved()
            registrant = user in (rec.user_id | rec.create_uid)
            rec.can_cancel &= is_kasi or (registrant and rec.state != "review")

    def _signature_approved(self):
        """Whether the signature tier (Kadis) of the running sign-off is signed."""
        self.ensure_one()
        return any(
            review.status == "approved"
            and review.definition_id.recommendation_signoff == "signature"
            for review in self.review_ids
        )

    def _check_allowed(self, flag, action):
        """Refuse ``action`` on the records whose ``flag`` (STATE_RULES) is
        not set, saying in which step they are and which step it needs."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for rec in self:
            if rec[flag]:
                continue
            if rec.state in STATE_RULES[flag]:
                raise UserError(
                    self.env._(
                        "%(action)s of %(name)s is not yours to do.",
                        action=action,
                        name=rec.name,
                    )
                )
            raise UserError(
                self.env._(
                    "%(action)s is not possible on %(name)s: it is in the step "
                    "%(state)s, and this action needs %(expected)s.",
                    action=action,
                    name=rec.name,
                    state=labels[rec.state],
                    expected=", ".join(labels[state] for state in STATE_RULES[flag]),
                )
            )

    def _check_state(self, states, action):
        """Refuse ``action`` on records not in one of ``states`` (prefer a
        ``can_*`` flag and ``_check_allowed``)."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for rec in self.filtered(lambda r: r.state not in states):
            raise UserError(
                self.env._(
                    "%(action)s is not possible on %(name)s: it is in the step "
                    "%(state)s, and this action needs %(expected)s.",
                    action=action,
                    name=rec.name,
                    state=labels[rec.state],
                    expected=", ".join(labels[state] for state in states),
                )
            )
