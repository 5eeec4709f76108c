# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The stage gates of a rehabilitation case, enforced in ``write``.

Whichever way ``stage_id`` changes (button, kanban drag, RPC, import), the
move is checked here: forward one stage at a time (optional stages may be
passed over), the entry requirement of the target stage met, a move back only
with a reason given through the *Move Back* wizard. The facts the gates need
are read for the whole batch with ``_read_group``: moving 1,000 cases runs the
same queries as moving one.
"""

import contextvars
from contextlib import contextmanager

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
)

# set only by server code: the reason of a move back, or of a transfer
_MOVE_REASON = contextvars.ContextVar("social_rehab_move_reason", default=None)
_TRANSFER_REASON = contextvars.ContextVar("social_rehab_transfer_reason", default=None)


@contextmanager
def move_reason(reason):
    token = _MOVE_REASON.set(reason)
    try:
        yield
    finally:
        _MOVE_REASON.reset(token)


@contextmanager
def transfer_reason(reason):
    token = _TRANSFER_REASON.set(reason)
    try:
        yield
    finally:
        _TRANSFER_REASON.reset(token)


class SocialRehabCase(models.Model):
    _inherit = "social.rehab.case"

    def write(self, vals):
        if "name" in vals and self and not self.env.su:
            raise UserError(
                self.env._(
                    "The case number is given by the office's register; it cannot "
                    "be changed."
                )
            )
        if "user_id" in vals and self:
            self._check_transfer(vals)
            changing = self.filtered(lambda c: c.user_id.id != vals["user_id"])
            self._check_caseload({vals["user_id"]: len(changing)})
        if "stage_id" not in vals or not self:
            return super().write(vals)
        stage = self.env["social.rehab.stage"].browse(vals["stage_id"])
        moving = self.filtered(lambda c: c.stage_id != stage)
        going_back = moving._check_stage_move(stage)
        old_stages = {case.id: case.stage_id for case in going_back}
        res = super().write(vals)
        if moving:
            moving._stage_leave_and_enter()
            if stage.kind == "done":
                moving.filtered(lambda c: not c.date_closed).write(
                    {"date_closed": fields.Date.context_today(self)}
                )
            elif going_back:
                going_back.filtered("date_closed").write({"date_closed": False})
                reopened = going_back.filtered(
                    lambda c: old_stages[c.id].kind == "done"
                )
                self._reopen_closures(reopened)
        for case in going_back:
            case.message_post(
                body=Markup("%s<br/>%s")
                % (
                    self.env._(
                        "Moved back from %(old)s to %(new)s.",
                        old=old_stages[case.id].name,
                        new=stage.name,
                    ),
                    self.env._("Reason: %(reason)s", reason=_MOVE_REASON.get()),
                ),
            )
        return res

    # ------------------------------------------------------------ stage gates

    def _check_stage_move(self, stage):
        """Raise a UserError naming, in the user's language, what each case
        lacks to enter ``stage``; return the cases going back."""
        stages = self.env["social.rehab.stage"].search([])  # pylint: disable=no-search-all  # the whole pipeline
        position = {s.id: i for i, s in enumerate(stages)}
        target = position.get(stage.id)
        if target is None:
            raise UserError(
                self.env._("The stage %(stage)s is archived.", stage=stage.name)
            )
        back = self.browse()
        forward = self.browse()
        problems = []
        for case in self:
            current = position.get(case.stage_id.id, -1)
            if target < current:
                back |= case
                continue
            skipped = stages[current + 1 : target].filtered(lambda s: not s.optional)
            if skipped and not case._stage_skip_allowed(stage):
                problems.append(
                    self.env._(
                        "%(case)s: stages cannot be skipped; it must go through "
                        "%(stages)s first.",
                        case=case.name,
                        stages=", ".join(skipped.mapped("name")),
                    )
                )
            forward |= case
        if back and not _MOVE_REASON.get():
            problems.append(
                self.env._(
                    "Moving %(cases)s back to %(stage)s needs a reason: use the Move "
                    "Back button.",
                    cases=", ".join(back.mapped("name")),
                    stage=stage.name,
                )
            )
        missing = forward._stage_missing(stage)
        problems += [
            self.env._(
                "%(case)s cannot enter %(stage)s: %(missing)s",
                case=case.name,
                stage=stage.name,
                missing=text,
            )
            for case, text in missing
        ]
        if problems:
            raise UserError("\n".join(problems[:20]))
        return back

    def _stage_skip_allowed(self, stage):
        # an ineligible candidate is closed straight from engagement, once
        # its closure (with the referral elsewhere) is approved
        return (
            stage.kind == "done"
            and self.stage_id.kind == "engagement"
            and self.termination_reason == "ineligible"
        )

    def _stage_missing(self, stage):
        """[(case, what it lacks)] for the requirement of ``stage``, read in batch."""
        req = stage.requirement
        if req == "none" or not self:
            return []
        messages = {
            "assessment": self.env._("it needs an assessment completed by its author."),
            "plan": self.env._("it needs an intervention plan approved by the Kasi."),
            "session": self.env._("it needs at least one intervention session."),
            "evaluation": self.env._("it needs a completed evaluation."),
            "termination": self.env._("it needs a termination reason."),
            "closure": self.env._(
                "it needs a termination reason and a closure approved by the Kasi."
            ),
        }
        have = self._stage_facts(req)
        return [(case, messages[req]) for case in self if case.id not in have]

    def _stage_facts(self, req):
        """Ids of the cases of ``self`` that meet requirement ``req``."""
        ids = self.ids
        # sudo: only counts are read, to decide the move of cases the user
        # may already write; a rule must not hide a colleague's assessment
        if req == "assessment":
            groups = (
                self.env["social.rehab.assessment"]
                .sudo()
                ._read_group(
                    [
                        ("case_id", "in", ids),
                        ("state", "in", ("completed", "reviewed")),
                    ],
                    ["case_id"],
                )
            )
        elif req == "plan":
            groups = (
                self.env["social.rehab.plan"]
                .sudo()
                ._read_group(
                    [
                        ("case_id", "in", ids),
                        ("state", "in", ("approved", "superseded")),
                    ],
                    ["case_id"],
                )
            )
        elif req == "session":
            groups = (
                self.env["social.rehab.session"]
                .sudo()
                ._read_group([("case_ids", "in", ids)], ["case_ids"])
            )
        elif req == "evaluation":
            groups = (
                self.env["social.rehab.evaluation"]
                .sudo()
                ._read_group(
                    [("case_id", "in", ids), ("state", "=", "done")], ["case_id"]
                )
            )
        elif req == "termination":
            return set(self.filtered("termination_reason").ids)
        else:  # closure
            groups = (
                self.env["social.rehab.closure"]
                .sudo()
                ._read_group(
                    [("case_id", "in", ids), ("state", "=", "approved")], ["case_id"]
                )
            )
            with_reason = set(self.filtered("termination_reason").ids)
            return {case.id for (case,) in groups} & with_reason
        return {case.id for (case,) in groups}

    # ------------------------------------------------------------ stays

    def _stage_enter(self):
        """Open a stage stay and copy the stage's checklist (batch)."""
        Log = self.env["social.rehab.case.stage.log"].sudo()
        now = fields.Datetime.now()
        Log.create(
            [
                {
                    "case_id": case.id,
                    "stage_id": case.stage_id.id,
                    "date_start": now,
                    "standard_value": case.stage_id.target_days,
                    "standard_unit": "days",
                    "user_id": case.user_id.id,
                }
                for case in self
            ]
        )
        self._checklist_create()

    def _checklist_create(self):
        """Copy the checklist template of each case's stage, once per case."""
        stages = self.stage_id
        templates = stages.activity_ids
        if not templates:
            return
        # sudo: the existing items of these cases, to not copy them twice
        existing = set(
            self.env["social.rehab.case.checklist"]
            .sudo()
            ._read_group(
                [("case_id", "in", self.ids), ("activity_id", "in", templates.ids)],
                ["case_id", "activity_id"],
            )
        )
        self.env["social.rehab.case.checklist"].sudo().create(
            [
                {
                    "case_id": case.id,
                    "stage_id": activity.stage_id.id,
                    "activity_id": activity.id,
                    "sequence": activity.sequence,
                    "name": activity.name,
                }
                for case in self
                for activity in case.stage_id.activity_ids
                if (case, activity) not in existing
            ]
        )

    def _stage_leave_and_enter(self):
        open_logs = (
            self.env["social.rehab.case.stage.log"]
            .sudo()
            .search([("case_id", "in", self.ids), ("date_end", "=", False)])
        )
        open_logs.write({"date_end": fields.Datetime.now()})
        self._stage_enter()

    # ------------------------------------------------------------ transfer

    def _check_transfer(self, vals):
        if in_social_workflow(self.env) or _TRANSFER_REASON.get():
            return
        if any(case.user_id.id != vals["user_id"] for case in self):
            raise UserError(
                self.env._(
                    "The social worker of a case changes by a transfer, with its "
                    "reason: use the Transfer button."
                )
            )
