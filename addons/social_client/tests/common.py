# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user

GROUPS = {
    "user": "social_client.group_social_user",
    "kasi": "social_client.group_social_kasi",
    "kabid": "social_client.group_social_kabid",
    "kadis": "social_client.group_social_kadis",
    "trc": "social_client.group_social_trc",
    "health": "social_client.group_social_health",
    "manager": "social_client.group_social_manager",
}


def make_nik(district="320101", day=15, month=5, year=80, female=False, serial=1):
    """Build an NIK: district code, DDMMYY (+40 on the day for women), serial."""
    day = day + 40 if female else day
    return f"{district}{day:02d}{month:02d}{year % 100:02d}{serial:04d}"


class SocialClientCommon(TransactionCase):
    """Users per role, a few regions and reference data; no demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Client = cls.env["social.client"]
        cls.Region = cls.env["social.region"]
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"social_{role}",
                name=f"Social {role.title()}",
                groups=group,
            )
            for role, group in GROUPS.items()
        }
        cls.user_staff = cls.users["user"]
        cls.user_kadis = cls.users["kadis"]
        cls.user_health = cls.users["health"]
        cls.user_manager = cls.users["manager"]

        # provinces, regencies and districts come from the post_init hook
        codes = ["32", "32.01", "32.01.01", "32.01.02", "31", "31.71", "31.71.01"]
        regions = cls.Region._code_map(codes)
        cls.province_jabar = regions["32"]
        cls.regency_bogor = regions["32.01"]
        cls.district_cibinong = regions["32.01.01"]
        cls.district_gunungputri = regions["32.01.02"]
        cls.province_dki = regions["31"]
        cls.regency_jakpus = regions["31.71"]
        cls.district_gambir = regions["31.71.01"]
        # villages are not loaded at install (83,762 rows): make the few we need
        cls.village_pondok_rajeg, cls.village_karadenan, cls.village_wanaherang = (
            cls.Region.create(
                [
                    {
                        "code": "32.01.01.1001",
                        "name": "Pondok Rajeg",
                        "level": "village",
                        "kind": "kelurahan",
                        "parent_id": cls.district_cibinong.id,
                    },
                    {
                        "code": "32.01.01.1002",
                        "name": "Karadenan",
                        "level": "village",
                        "kind": "kelurahan",
                        "parent_id": cls.district_cibinong.id,
                    },
                    {
                        "code": "32.01.02.2001",
                        "name": "Wanaherang",
                        "level": "village",
                        "kind": "desa",
                        "parent_id": cls.district_gunungputri.id,
                    },
                ]
            )
        )
        cls.ppks_type = cls.env["social.ppks.type"].search([], limit=1)
        cls.disability_type = cls.env["social.disability.type"].search([], limit=1)

    @classmethod
    def _client_vals(cls, name="Budi Santoso", nik=None, **values):
        vals = {"name": name}
        if nik:
            vals["nik"] = nik
        else:
            vals.update(no_identity=True, no_identity_description="Found at the market")
        vals.update(values)
        return vals

    @classmethod
    def _create_client(cls, name="Budi Santoso", nik=None, **values):
        return cls.Client.create(cls._client_vals(name, nik, **values))

    @classmethod
    def _create_other_office(cls, name="Dinsos Kota Metro"):
        """Another office with a client of its own and a social worker there."""
        office = cls.env["res.company"].create({"name": name})
        worker = new_test_user(
            cls.env,
            login=f"social_user_{office.id}",
            name=f"Social Worker {name}",
            groups=GROUPS["user"],
            company_id=office.id,
            company_ids=[Command.set(office.ids)],
        )
        client = cls.Client.create(
            dict(
                cls._client_vals("Ahmad Lain", make_nik(district="180104", serial=99)),
                company_id=office.id,
                social_worker_id=worker.id,
            )
        )
        return office, worker, client

    def _client_count(self):
        return self.Client.sudo().with_context(active_test=False).search_count([])

    def _saved_counts(self):
        return (
            self._client_count(),
            self.env["social.client.family"].sudo().search_count([]),
        )

    def assertRefused(self, regex, func, *args, **kwargs):
        """``func`` raises a ValidationError matching ``regex`` and saves nothing."""
        return self.assertRefusedWith(ValidationError, regex, func, *args, **kwargs)

    def assertRefusedWith(self, exception, regex, func, *args, **kwargs):
        """``func`` raises ``exception`` matching ``regex`` before any client or
        family member is saved (counted in the same transaction)."""
        before = self._saved_counts()
        with self.assertRaises(exception) as caught:
            func(*args, **kwargs)
        self.assertRegex(str(caught.exception), regex)
        self.assertEqual(self._saved_counts(), before, "a refused record was saved")
        return caught.exception
