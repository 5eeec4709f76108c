# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from types import SimpleNamespace
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.social_region import SocialRegion
from .common import SocialClientCommon, make_nik


def _row(code, name, kind, postal_code=None):
    return SimpleNamespace(code=code, name=name, type=kind, postal_code=postal_code)


@tagged("post_install", "-at_install")
class TestRegionLoad(SocialClientCommon):
    def test_install_loaded_provinces_to_districts(self):
        counts = dict(self.Region._read_group([], ["level"], ["__count"]))
        self.assertEqual(counts["province"], 38)
        self.assertGreater(counts["regency"], 500)
        self.assertGreater(counts["district"], 7000)
        # the 83,762 villages are a separate step, not part of the install
        self.assertLess(counts.get("village", 0), 1000)
        self.assertEqual(self.district_cibinong.parent_id, self.regency_bogor)
        self.assertEqual(self.regency_bogor.parent_id, self.province_jabar)
        self.assertEqual(self.district_cibinong.display_name, "Cibinong")
        self.assertEqual(
            self.district_cibinong.with_context(
                social_region_show_code=True
            ).display_name,
            "Cibinong (32.01.01)",
        )

    def test_second_load_creates_nothing(self):
        count = self.Region.search_count([])
        self.assertEqual(self.Region._load_lokal_regions(villages=False), 0)
        self.assertEqual(self.Region.search_count([]), count)

    def test_load_villages_subset(self):
        """The village step on a small subset, parents first, re-runnable."""
        rows = [
            _row("32", "Jawa Barat", "provinsi"),
            _row("32.01", "Kabupaten Bogor", "kabupaten"),
            _row("32.01.01", "Cibinong", "kecamatan"),
            _row(
                "32.01.01.1001", "Pondok Rajeg", "kelurahan", "16914"
            ),  # made in setUp
            _row("32.01.01.1003", "Harapanjaya", "kelurahan", "16914"),
            _row("32.01.01.1004", "Nanggewer", "kelurahan", "16912"),
            _row("32.01.99", "New District", "kecamatan"),
            _row("32.01.99.2001", "New Village", "desa"),
        ]

        def fake_rows(self, villages=False):
            yield from (r for r in rows if villages or r.code.count(".") < 3)

        with patch.object(SocialRegion, "_lokal_rows", fake_rows):
            self.assertEqual(self.Region._load_lokal_regions(villages=False), 1)
            self.assertEqual(self.Region._load_lokal_regions(villages=True), 3)
            self.assertEqual(self.Region._load_lokal_regions(villages=True), 0)
        regions = self.Region._code_map(["32.01.01.1003", "32.01.99", "32.01.99.2001"])
        self.assertEqual(regions["32.01.01.1003"].parent_id, self.district_cibinong)
        self.assertEqual(regions["32.01.01.1003"].postal_code, "16914")
        self.assertEqual(regions["32.01.01.1003"].level, "village")
        self.assertEqual(regions["32.01.99"].parent_id, self.regency_bogor)
        self.assertEqual(regions["32.01.99"].level, "district")
        self.assertEqual(regions["32.01.99.2001"].parent_id, regions["32.01.99"])
        self.assertEqual(regions["32.01.99.2001"].kind, "desa")

    def test_load_wizard(self):
        rows = [_row("32.01.01.1005", "Tengah", "kelurahan")]

        def fake_rows(self, villages=False):
            yield from rows

        wizard = self.env["social.region.load"].with_user(self.user_manager).create({})
        with patch.object(SocialRegion, "_lokal_rows", fake_rows):
            wizard.action_load()
        self.assertEqual((wizard.state, wizard.created_count), ("done", 1))
        self.assertEqual(
            self.Region._code_map(["32.01.01.1005"])["32.01.01.1005"].name, "Tengah"
        )


@tagged("post_install", "-at_install")
class TestRegionUnlink(SocialClientCommon):
    """A region that clients use is archived, never deleted."""

    def test_used_region_refused_archived_instead(self):
        self._create_client("Budi", village_id=self.village_karadenan.id)
        # an NIK issued in Gambir, the address elsewhere
        self._create_client(
            "Agus",
            make_nik(district="317101", serial=2),
            village_id=self.village_pondok_rajeg.id,
        )
        Region = self.Region.with_user(self.user_manager)
        for region, shown in (
            (self.village_karadenan, r"Karadenan \(32\.01\.01\.1002\)"),
            (self.district_gambir, r"Gambir \(31\.71\.01\)"),
            (self.regency_bogor, r"Kabupaten Bogor \(32\.01\)"),
        ):
            with self.subTest(region=region.code):
                with self.assertRaisesRegex(
                    UserError, shown + r" cannot be deleted: .* Archive the region"
                ):
                    Region.browse(region.id).unlink()
                self.assertTrue(region.exists())
        Region.browse(self.village_karadenan.id).action_archive()
        # a region nobody uses goes
        Region.browse(self.village_wanaherang.id).unlink()
        self.assertFalse(self.village_wanaherang.exists())

    def test_region_of_another_office_client_refused(self):
        """Counted across offices, without naming the client."""
        _office, _worker, client = self._create_other_office()
        with self.assertRaises(UserError) as caught:
            client.nik_district_id.with_user(self.user_manager).unlink()
        self.assertNotIn(client.name, str(caught.exception))
        self.assertTrue(client.nik_district_id.exists())
