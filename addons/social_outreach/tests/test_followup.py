# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import OutreachCommon


@tagged("post_install", "-at_install")
class TestFollowups(OutreachCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._start(cls.event)
        cls.participants = cls._invite(cls.event, cls.clients)
        cls.participants[:2].action_check_in()

    def _followup(self, participant, user=None, **vals):
        wizard = (
            self.env["social.outreach.followup.wizard"]
            .with_user(user or self.desk)
            .create({"participant_id": participant.id, **vals})
        )
        return wizard._create_followup()

    def test_rehab_case_opened_and_linked(self):
        followup = self._followup(
            self.participants[0], kind="rehab_case", description="Butuh pendampingan"
        )
        case = followup.rehab_case_id
        self.assertTrue(case)
        self.assertNotEqual(case.name, "/")  # the case register's number
        self.assertEqual(case.client_id, self.clients[0])
        self.assertEqual(case.intake_source, "outreach")
        self.assertEqual(case.user_id, self.desk)
        self.assertEqual(case.outreach_event_id, self.event)
        self.assertEqual(followup.event_id, self.event)
        self.assertEqual(self.event.followup_count, 1)
        self.assertEqual(self.participants[0].followup_count, 1)

    def test_recommendation_started_and_linked(self):
        rec_type = self.env.ref("social_recommendation.type_other")
        with self.assertRaisesRegex(UserError, "type of the recommendation"):
            self._followup(self.participants[1], kind="recommendation")
        followup = self._followup(
            self.participants[1],
            kind="recommendation",
            recommendation_type_id=rec_type.id,
        )
        rec = followup.recommendation_id
        self.assertEqual(rec.state, "draft")
        self.assertNotEqual(rec.name, "/")
        self.assertEqual(rec.client_id, self.clients[1])
        self.assertEqual(rec.outreach_event_id, self.event)

    def test_referrals(self):
        for kind in ("bpjs_pbi", "assistive_device", "other"):
            followup = self._followup(
                self.participants[0], kind=kind, institution="RSUD Mesuji"
            )
            self.assertEqual(followup.kind, kind)
            self.assertFalse(followup.rehab_case_id or followup.recommendation_id)
        self.assertEqual(self.participants[0].followup_count, 3)

    def test_not_before_check_in(self):
        with self.assertRaisesRegex(UserError, "has not checked in"):
            self._followup(self.participants[2], kind="other")

    def test_links_must_match(self):
        case = self._followup(self.participants[0], kind="rehab_case").rehab_case_id
        Followup = self.env["social.outreach.followup"].with_user(self.desk)
        # a case of another client, a case on a referral, a case kind without case
        for vals in (
            {
                "participant_id": self.participants[1].id,
                "kind": "rehab_case",
                "rehab_case_id": case.id,
            },
            {
                "participant_id": self.participants[0].id,
                "kind": "other",
                "rehab_case_id": case.id,
            },
            {"participant_id": self.participants[0].id, "kind": "rehab_case"},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                Followup.create(vals)
