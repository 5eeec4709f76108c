# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.social_client.models.social_tier_validation import social_workflow

GROUPS = {
    "peksos": "social_client.group_social_user,base.group_allow_export",
    "peksos2": "social_client.group_social_user",
    "kasi": "social_client.group_social_kasi,base.group_allow_export",
    "kasi2": "social_client.group_social_kasi",
    "kabid": "social_client.group_social_kabid",
    "kadis": "social_client.group_social_kadis",
    "health": "social_client.group_social_health",
    "manager": "social_client.group_social_manager",
}


class RehabCaseCommon(TransactionCase):
    """Users per role, two clients, the shipped stages; no demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"rehab_{role}",
                name=f"Rehab {role.title()}",
                groups=group,
            )
            for role, group in GROUPS.items()
        }
        cls.peksos = cls.users["peksos"]
        cls.peksos2 = cls.users["peksos2"]
        cls.kasi = cls.users["kasi"]
        cls.kasi2 = cls.users["kasi2"]
        cls.Case = cls.env["social.rehab.case"]
        cls.Stage = cls.env["social.rehab.stage"]
        ref = cls.env.ref
        cls.st_engagement = ref("social_rehab_case.stage_pendekatan_awal")
        cls.st_assessment = ref("social_rehab_case.stage_asesmen")
        cls.st_planning = ref("social_rehab_case.stage_rencana_intervensi")
        cls.st_intervention = ref("social_rehab_case.stage_intervensi")
        cls.st_evaluation = ref("social_rehab_case.stage_evaluasi")
        cls.st_termination = ref("social_rehab_case.stage_terminasi_rujukan")
        cls.st_aftercare = ref("social_rehab_case.stage_bimbingan_lanjut")
        cls.st_done = ref("social_rehab_case.stage_selesai")
        cls.client_a, cls.client_b = cls.env["social.client"].create(
            [
                {
                    "name": name,
                    "no_identity": True,
                    "no_identity_description": "Ditemukan di jalan, tanpa dokumen",
                }
                for name in ("Klien Satu", "Klien Dua")
            ]
        )

    def _case(self, user=None, **vals):
        user = user or self.peksos
        return self.Case.with_user(user).create({"client_id": self.client_a.id, **vals})

    # --- facts for the gates, made the way users make them ---------------

    def _complete_assessment(self, case):
        assessment = (
            self.env["social.rehab.assessment"]
            .with_user(case.user_id)
            .create({"case_id": case.id, "problems": "Tidak punya tempat tinggal"})
        )
        assessment.action_complete()
        return assessment

    def _plan(self, case):
        return (
            self.env["social.rehab.plan"]
            .with_user(case.user_id)
            .create(
                {
                    "case_id": case.id,
                    "line_ids": [
                        Command.create(
                            {"guidance_type": "fisik", "goal": "Sehat jasmani"}
                        ),
                        Command.create(
                            {
                                "guidance_type": "psikososial",
                                "psychosocial_kind": "spiritual",
                                "goal": "Rutin beribadah",
                            }
                        ),
                    ],
                }
            )
        )

    def _approved_plan(self, case):
        plan = self._plan(case)
        plan.with_user(case.user_id).action_request_approval()
        plan.with_user(self.kasi).validate_tier()
        return plan

    def _session(self, cases, user=None, leader=None):
        return (
            self.env["social.rehab.session"]
            .with_user(user or cases[:1].user_id)
            .create(
                {
                    "case_ids": [Command.set(cases.ids)],
                    "user_id": (leader or user or cases[:1].user_id).id,
                    "guidance_type": "sosial",
                    "activity": "Dinamika kelompok",
                }
            )
        )

    def _evaluation(self, case):
        evaluation = (
            self.env["social.rehab.evaluation"]
            .with_user(case.user_id)
            .create({"case_id": case.id})
        )
        evaluation.line_ids.write({"result": "achieved"})
        evaluation.action_done()
        return evaluation

    def _to_stage(self, case, stage):
        """Walk ``case`` forward to ``stage``, meeting each gate."""
        order = [
            self.st_assessment,
            self.st_planning,
            self.st_intervention,
            self.st_evaluation,
            self.st_termination,
            self.st_aftercare,
        ]
        prepare = {
            self.st_planning: self._complete_assessment,
            self.st_intervention: self._approved_plan,
            self.st_evaluation: self._session,
            self.st_termination: self._evaluation,
            self.st_aftercare: lambda c: c.write(
                {"termination_reason": "goals_achieved"}
            ),
        }
        for next_stage in order:
            if case.stage_id.sequence >= stage.sequence:
                break
            if next_stage in prepare:
                prepare[next_stage](case)
            case.with_user(case.user_id).write({"stage_id": next_stage.id})
        return case

    @staticmethod
    def workflow():
        return social_workflow()
