# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models


class SocialRehabCase(models.Model):
    _inherit = "social.rehab.case"

    @api.model
    def _demo_spread_cases(self):
        """Demo: one case per stage, each walked there through the real gates
        by the demo social worker, approved by the demo Kasi."""
        peksos = self.env.ref("social_client.user_peksos_demo", False)
        kasi = self.env.ref("social_client.user_kasi_demo", False)
        clients = self.env["social.client"].search([], limit=8, order="id")
        stages = self.env["social.rehab.stage"].search([])  # pylint: disable=no-search-all  # the whole pipeline
        if not (peksos and kasi and clients) or self.search_count([], limit=1):
            return
        worker = self.with_user(peksos)
        for stage, client in zip(stages, clients, strict=False):
            case = worker.create(
                {
                    "client_id": client.id,
                    "supervisor_id": kasi.id,
                    "presenting_problem": "Kasus contoh",
                    "intake_source": "outreach",
                }
            )
            for target in stages[1 : list(stages).index(stage) + 1]:
                case._demo_prepare(target, kasi)
                case.write({"stage_id": target.id})

    def _demo_prepare(self, stage, kasi):
        Command = fields.Command
        env = self.env
        if stage.requirement == "assessment":
            env["social.rehab.assessment"].create(
                {"case_id": self.id, "problems": "Kasus contoh"}
            ).action_complete()
        elif stage.requirement == "plan":
            plan = env["social.rehab.plan"].create(
                {
                    "case_id": self.id,
                    "line_ids": [
                        Command.create({"guidance_type": "sosial", "goal": "Mandiri"})
                    ],
                }
            )
            plan.action_request_approval()
            plan.with_user(kasi).validate_tier()
        elif stage.requirement == "session":
            env["social.rehab.session"].create(
                {
                    "case_ids": [Command.set(self.ids)],
                    "guidance_type": "sosial",
                    "activity": "Dinamika kelompok",
                }
            )
        elif stage.requirement == "evaluation":
            evaluation = env["social.rehab.evaluation"].create({"case_id": self.id})
            evaluation.line_ids.write({"result": "achieved"})
            evaluation.action_done()
        elif stage.requirement == "termination":
            self.termination_reason = "goals_achieved"
        elif stage.requirement == "closure":
            self.action_request_closure()
            self.closure_ids.filtered(lambda c: c.state == "to_approve").with_user(
                kasi
            ).validate_tier()
