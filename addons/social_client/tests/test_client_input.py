# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import SocialClientCommon

# (field, value as a hostile RPC caller may send it, part of the message)
TEXT = r"must be sent as text"
NIK_TEXT = r"NIK must be sent as text of 16 digits"
KK_TEXT = r"KK number must be sent as text of 16 digits"
SHORT = r"must be a number of at most 3 digits"
DATE = r"must be a date written year-month-day"
MALFORMED = [
    # NIK
    ("nik", "   ", r"NIK cannot be only spaces"),
    ("nik", "\t\n", r"NIK cannot be only spaces"),
    ("nik", "\u3000", r"NIK cannot be only spaces"),
    ("nik", 3201011505800001, NIK_TEXT),
    ("nik", 3.2e15, NIK_TEXT),
    ("nik", True, NIK_TEXT),
    ("nik", ["3201011505800001"], NIK_TEXT),
    ("nik", {"nik": "3201011505800001"}, NIK_TEXT),
    ("nik", b"3201011505800001", NIK_TEXT),
    ("nik", "3" * 100_000, r"exactly 16 digits, not 100000"),
    ("nik", "٣٢٠١٠١١٥٠٥٨٠٠٠٠١", r"may contain digits only"),
    ("nik", "３２０１０１１５０５８０００１", r"may contain digits only"),
    ("nik", "320101150580000١", r"may contain digits only"),
    ("nik", "3201011505800001\x00", r"may contain digits only"),
    ("nik", "3201-0115-0580-0001", r"may contain digits only"),
    ("nik", "32010115058000", r"exactly 16 digits, not 14"),
    ("nik", "3201015505800000", r"serial number of NIK \d+ cannot be 0000"),
    ("nik", "9901011505800001", r"unknown province code"),
    ("nik", "3201013202800001", r"not a real calendar date"),
    # KK number
    ("kk_number", "  ", r"KK number cannot be only spaces"),
    ("kk_number", 3201012345678901, KK_TEXT),
    ("kk_number", ["3201012345678901"], KK_TEXT),
    ("kk_number", {"kk": 1}, KK_TEXT),
    ("kk_number", "3201O12345678901", r"KK number \S+ must have exactly 16 digits"),
    ("kk_number", "1" * 100_000, r"KK number \S+ must have exactly 16 digits"),
    ("kk_number", "３２０１０１２３４５６７８９０１", r"must have exactly 16 digits"),
    ("kk_number", "9901012345678901", r"must start with a region code"),
    ("kk_number", "3200012345678901", r"must start with a region code"),
    # RT and RW: refused, not cut to 3 characters
    ("rt", "0001", SHORT),
    ("rt", "1234", SHORT),
    ("rt", "01a", SHORT),
    ("rt", "-1", SHORT),
    ("rt", "٠٠١", SHORT),
    ("rt", " 01", SHORT),
    ("rt", "  ", r"RT cannot be only spaces"),
    ("rt", 12, r"RT must be sent as text"),
    ("rt", ["001"], r"RT must be sent as text"),
    ("rw", "12345", SHORT),
    ("rw", "1 2", SHORT),
    ("rw", "x" * 10_000, SHORT),
    ("rw", {"rw": 1}, r"RW must be sent as text"),
    ("rw", 3.0, r"RW must be sent as text"),
    # name
    ("name", "", r"name cannot be empty or only spaces"),
    ("name", "   ", r"name cannot be empty or only spaces"),
    ("name", "\u3000\t", r"name cannot be empty or only spaces"),
    ("name", False, r"Enter the name"),
    ("name", None, r"Enter the name"),
    ("name", 42, TEXT),
    ("name", ["Budi"], TEXT),
    ("name", {"en_US": "Budi"}, TEXT),
    ("name", "B" * 201, r"at most 200 characters, not 201"),
    ("name", "😀" * 3000, r"at most 200 characters, not 3000"),
    ("name", "Budi\x00", r"control characters"),
    ("name", "Budi\nSantoso", r"control characters"),
    # birth date (the client is without identity: no NIK to compare with)
    ("birth_date", "2026-06-16", r"birth date 2026-06-16 lies in the future"),
    ("birth_date", "2999-01-01", r"lies in the future"),
    ("birth_date", "1880-01-01", r"more than 130 years ago"),
    ("birth_date", 19800515, DATE),
    ("birth_date", True, DATE),
    ("birth_date", ["1980-05-15"], DATE),
    ("birth_date", {"year": 1980}, DATE),
    ("birth_date", "15-05-1980", DATE),
    ("birth_date", "1980-02-30", DATE),
    ("birth_date", "1980-05-15 garbage", DATE),
    ("birth_date", "   ", DATE),
    ("birth_date", "١٩٨٠-٠٥-١٥", DATE),
    # other text fields
    ("street", "Jl. Mawar\x00", r"Address cannot contain a NUL character"),
    ("phone", 8123456789, r"Phone must be sent as text"),
]


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestClientInput(SocialClientCommon):
    """Each malformed value is refused with its message, nothing is saved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client(
            "Budi Santoso", "3201011505800001", rt="003", rw="011", phone="0812"
        )
        cls.tanpa_nama = cls._create_client("Tanpa Nama", birth_date="1970-01-01")

    def test_malformed_on_create(self):
        Client = self.Client.with_user(self.user_staff)
        for field_name, value, message in MALFORMED:
            with self.subTest(field=field_name, value=repr(value)[:40]):
                vals = self._client_vals("Tanpa Nama")
                vals[field_name] = value
                self.assertRefused(message, Client.create, vals)

    def test_malformed_on_write(self):
        fields = ["name", "nik", "kk_number", "rt", "rw", "birth_date", "street"]
        for field_name, value, message in MALFORMED:
            # the NIK of a client with identity, the birth date of one without
            client = self.tanpa_nama if field_name == "birth_date" else self.client
            client = client.with_user(self.user_staff)
            before = client.read(fields)
            with self.subTest(field=field_name, value=repr(value)[:40]):
                self.assertRefused(message, client.write, {field_name: value})
                client.invalidate_recordset()
                self.assertEqual(client.read(fields), before)

    def test_messages_do_not_echo_huge_values(self):
        vals = self._client_vals("Budi", "3" * 100_000)
        error = self.assertRefused(r"exactly 16 digits", self.Client.create, vals)
        self.assertLess(len(str(error)), 200)

    def test_well_formed_values_are_kept(self):
        client = self.Client.with_user(self.user_staff).create(
            self._client_vals(
                "  Siti   Aminah ", rt="1", rw="012", birth_date="2026-06-15"
            )
        )
        self.assertEqual(
            (client.name, client.rt, client.rw), ("  Siti   Aminah ", "1", "012")
        )
        client.write({"rt": False, "rw": "", "kk_number": ""})
        self.assertEqual(
            (client.rt, client.rw, client.kk_number), (False, False, False)
        )


# the same kinds of values on a family row
FAMILY_MALFORMED = [
    ("nik", 3201011505800002, NIK_TEXT),
    ("nik", "  ", r"NIK cannot be only spaces"),
    ("nik", ["3201011505800002"], NIK_TEXT),
    ("nik", "3201015505800000", r"cannot be 0000"),
    ("name", "  ", r"name cannot be empty or only spaces"),
    ("name", False, r"Enter the name"),
    ("name", 7, TEXT),
    ("name", "A" * 500, r"at most 200 characters"),
    ("birth_date", "2030-01-01", r"lies in the future"),
    ("birth_date", ["2000-01-01"], DATE),
    ("birth_date", "01/01/2000", DATE),
    ("phone", ["0812"], r"Phone must be sent as text"),
]


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestFamilyInput(SocialClientCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_client("Budi", social_worker_id=cls.user_staff.id)
        cls.member = cls.env["social.client.family"].create(
            {"client_id": cls.client.id, "name": "Agus", "relation": "sibling"}
        )

    def test_malformed_family_rows(self):
        Family = self.env["social.client.family"].with_user(self.user_staff)
        member = self.member.with_user(self.user_staff)
        fields = ["name", "nik", "birth_date", "phone"]
        for field_name, value, message in FAMILY_MALFORMED:
            with self.subTest(field=field_name, value=repr(value)[:40]):
                vals = {"client_id": self.client.id, "name": "Sri", field_name: value}
                self.assertRefused(message, Family.create, vals)
                before = member.read(fields)
                self.assertRefused(message, member.write, {field_name: value})
                member.invalidate_recordset()
                self.assertEqual(member.read(fields), before)
