# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models

# The SOP step timed while a recommendation is in each state; the sign-off
# ("review") is timed per tier instead, by ``_sop_start_next_tier``.
_SOP_STATE_STEPS = {
    "draft": "assignment",
    "verification": "verification",
    "check": "admin_check",
    "approved": "issue",
    "issued": "handover",
    "handed": "delivery",
}


class SocialRecommendation(models.Model):
    """SOP timing of a recommendation: one log per step in
    ``social.recommendation.step``."""

    _inherit = "social.recommendation"

    def _sop_steps_by_code(self, codes):
        steps = self.env["social.recommendation.sop.step"].search(
            [("code", "in", list(codes))]
        )
        return {step.code: step for step in steps}

    def _sop_start(self, code=None, sop_step=None):
        """Open the log of an SOP step on every record of ``self``."""
        if sop_step is None:
            sop_step = self._sop_steps_by_code([code]).get(code)
        if not sop_step:
            return self.env["social.recommendation.step"]
        now = fields.Datetime.now()
        # timing logs are written by the workflow only: users can read them but
        # never create or alter them, so the compliance figures cannot be forged
        return (
            self.env["social.recommendation.step"]
            .sudo()
            .create(
                [
                    {
                        "recommendation_id": rec.id,
                        "sop_step_id": sop_step.id,
                        "standard_value": sop_step.standard_minutes,
                        "standard_unit": "minutes",
                        "date_start": now,
                    }
                    for rec in self
                ]
            )
        )

    def _sop_end(self, code=None, outcome="done", sop_step=None):
        """Close the open log(s) of an SOP step (all open logs when no step)."""
        logs = self.sudo().step_ids.filtered(lambda s: not s.date_end)
        if code:
            logs = logs.filtered(lambda s: s.sop_step_id.code == code)
        if sop_step:
            logs = logs.filtered(lambda s: s.sop_step_id == sop_step)
        logs.write(
            {
                "date_end": fields.Datetime.now(),
                "user_id": self.env.user.id,
                "outcome": outcome,
            }
        )
        return logs

    def _sop_follow_state(self, old_states=None):
        """Time the SOP along the state: close the logs of the state each record
        left and open the step of the state it entered (``_SOP_STATE_STEPS``).

        :param dict old_states: state of each record id before the change
            (empty on create)
        """
        old_states = old_states or {}
        moved = self.filtered(lambda rec: old_states.get(rec.id) != rec.state)
        if not moved:
            return
        order = [state for state, _label in self._fields["state"].selection]
        outcomes = {}
        for rec in moved:
            old = old_states.get(rec.id)
            if not old:
                continue
            if rec.state == "cancel":
                outcome = "cancelled"
            elif order.index(rec.state) < order.index(old):
                outcome = "returned"
            else:
                outcome = "done"
            outcomes.setdefault(outcome, []).append(rec.id)
        for outcome, ids in outcomes.items():
            self.browse(ids)._sop_end(outcome=outcome)
        steps = self._sop_steps_by_code(set(_SOP_STATE_STEPS.values()))
        for state, recs in moved.grouped("state").items():
            sop_step = steps.get(_SOP_STATE_STEPS.get(state))
            if sop_step:
                recs._sop_start(sop_step=sop_step)

    def _sop_start_next_tier(self):
        """Open the SOP log of the next review in line, if it is timed."""
        for rec in self:
            review = rec.review_ids.filtered(
                lambda r: r.status in ("waiting", "pending")
            ).sorted("sequence")[:1]
            sop_step = review.definition_id.recommendation_sop_step_id
            if sop_step and not rec.step_ids.filtered(
                lambda s, step=sop_step: s.sop_step_id == step and not s.date_end
            ):
                rec._sop_start(sop_step=sop_step)
