# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.tests import tagged

from .common import RecommendationCommon


@tagged("post_install", "-at_install")
class TestRecommendationIndonesian(RecommendationCommon):
    """The sign-off reads in Indonesian, base_tier_validation's parts included
    (its texts overridden here, its fields and views from i18n_extra/id.po)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"]._load_module_terms(
            ["social_client", "social_recommendation"], ["id_ID"], overwrite=True
        )

    def setUp(self):
        super().setUp()
        # BaseCommon creates records without chatter; here the chatter is the point
        self.env = self.env(
            context=dict(
                self.env.context,
                lang="id_ID",
                mail_create_nolog=False,
                tracking_disable=False,
                mail_notrack=False,
            )
        )

    def _bodies(self, rec):
        return [str(body) for body in rec.message_ids.mapped("body")]

    def test_signoff_banner_and_chatter(self):
        rec = self._to_review(self._create())
        kasi_review = rec.review_ids.sorted("sequence")[:1]
        self.assertEqual(kasi_review.todo_by, "Kepala Seksi (Kasi)")
        self.assertIn(
            "Menunggu persetujuan Kepala Seksi (Kasi)", rec.to_validate_message
        )
        self.assertEqual(rec.next_review, f"Berikutnya: {kasi_review.name}")
        self.assertIn(
            "<p>Menunggu persetujuan Kepala Seksi (Kasi), diminta oleh Rina Staf.</p>",
            self._bodies(rec),
        )
        rec = self._review(rec, self.kasi, comment="Data lengkap")
        self.assertIn(
            "<p>Menunggu persetujuan Kepala Bidang (Kabid), "
            "diminta oleh Rina Staf.</p>",
            self._bodies(rec),
        )
        # posted when a tier definition has "Notify on accepted" set
        self.assertEqual(
            rec.with_user(self.kasi)._notify_accepted_reviews_body(),
            f"Disetujui oleh {self.kasi.name} (Data lengkap).",
        )
        rec = self._review(rec, self.kabid, decision="reject", comment="Kurang KK")
        kabid_tier = rec.review_ids.sorted("sequence")[1].name
        self.assertIn(
            f"<p>Dikembalikan oleh {self.kabid.name} pada {kabid_tier}: Kurang KK</p>",
            self._bodies(rec),
        )
        self.assertEqual(
            rec.with_user(self.kabid)._notify_rejected_review_body(),
            f"Persetujuan ditolak oleh {self.kabid.name} (Kurang KK).",
        )

    def test_comment_wizard_title(self):
        rec = self._to_review(self._create())
        self.assertEqual(
            rec.with_user(self.kasi).validate_tier()["name"], "Komentar persetujuan"
        )
        self.assertEqual(
            rec.with_user(self.kasi).reject_tier()["name"], "Alasan pengembalian"
        )

    def test_tier_validation_terms_from_i18n_extra(self):
        """Fields, selection values and the wizard of the OCA add-on."""
        review_model = self.env["tier.review"]
        labels = dict(review_model._fields["status"]._description_selection(self.env))
        self.assertEqual(labels["pending"], "Menunggu")
        self.assertEqual(
            review_model._fields["todo_by"].get_description(self.env)["string"], "Oleh"
        )
        wizard_arch = self.env.ref("base_tier_validation.view_comment_wizard").arch
        self.assertIn('string="Batal"', wizard_arch)

    def test_systray_names_the_model_in_indonesian(self):
        self._to_review(self._create())
        groups = self.env["res.users"].with_user(self.kasi).review_user_count()
        ours = [g for g in groups if g["model"] == "social.recommendation"]
        self.assertEqual(len(ours), 1)
        self.assertEqual(ours[0]["name"], "Rekomendasi Sosial")
        self.assertEqual(ours[0]["pending_count"], 1)

    def test_creation_message_names_the_agenda_number(self):
        rec = self._create()
        self.assertEqual(
            rec.message_ids[-1].body,
            f"<p>Permohonan diterima, nomor agenda {rec.name}</p>",
        )
