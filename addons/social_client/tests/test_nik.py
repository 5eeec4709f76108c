# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..tools import nik as nik_tools
from .common import SocialClientCommon

# every row is read on this day: the century rule depends on it
TODAY = datetime.date(2026, 6, 15)
D = datetime.date

# (label, input, error code or None, birth date, sex)
NIK_CASES = [
    ("valid male", "3201011505800001", None, D(1980, 5, 15), "male"),
    ("valid female: day + 40", "3201015505800002", None, D(1980, 5, 15), "female"),
    ("female on the 31st: day 71", "3201017101900003", None, D(1990, 1, 31), "female"),
    ("female on the 1st: day 41", "3201014101900004", None, D(1990, 1, 1), "female"),
    ("29 Feb of leap year 2000", "3201012902000005", None, D(2000, 2, 29), "male"),
    ("29 Feb 1996, female", "3201016902960006", None, D(1996, 2, 29), "female"),
    ("29 Feb of 2001, not leap", "3201012902010007", "birth_date", None, None),
    ("29 Feb 1999, female", "3201016902990008", "birth_date", None, None),
    ("yy now, later day: 19yy", "3201012012260009", None, D(1926, 12, 20), "male"),
    ("yy now, later, female", "3201015507260010", None, D(1926, 7, 15), "female"),
    ("yy now, tomorrow: 19yy", "3201011606260011", None, D(1926, 6, 16), "male"),
    ("yy now, today: 20yy", "3201011506260012", None, D(2026, 6, 15), "male"),
    ("yy now, earlier day: 20yy", "3201010101260013", None, D(2026, 1, 1), "male"),
    ("yy after now: 19yy", "3201010101270014", None, D(1927, 1, 1), "male"),
    ("yy 00: 2000", "3201010101000015", None, D(2000, 1, 1), "male"),
    ("day 00", "3201010001800016", "birth_date", None, None),
    ("day 32", "3201013201800017", "birth_date", None, None),
    ("day 72 (female 32)", "3201017201800018", "birth_date", None, None),
    ("day 40 (female 00)", "3201014001800019", "birth_date", None, None),
    ("month 00", "3201011500800020", "birth_date", None, None),
    ("month 13", "3201011513800021", "birth_date", None, None),
    ("31 April", "3201013104800022", "birth_date", None, None),
    ("serial 0000", "3201011505800000", "serial", None, None),
    ("unknown province 99", "9901011505800023", "province", None, None),
    ("province 00", "0001011505800024", "province", None, None),
    ("regency 00", "3200011505800025", "region_zero", None, None),
    ("district 00", "3201001505800026", "region_zero", None, None),
    ("letter O for zero", "32010115058O0027", "format_chars", None, None),
    ("leading letter", "A201011505800028", "format_chars", None, None),
    ("dots between groups", "3201.0115.0580.0029", "format_chars", None, None),
    ("Arabic-Indic digits", "٣٢٠١٠١١٥٠٥٨٠٠٠٣٠", "format_chars", None, None),
    ("15 digits", "320101150580031", "format_length", None, None),
    ("17 digits", "32010115058000321", "format_length", None, None),
    ("a megabyte of digits", "3" * 1_000_000, "format_length", None, None),
    ("spaces between groups", "3201 0115 0580 0033", None, D(1980, 5, 15), "male"),
    ("tab and trailing space", "320101\t1505800034 ", None, D(1980, 5, 15), "male"),
    ("unknown district 32.01.99", "3201991505800035", None, D(1980, 5, 15), "male"),
    ("spaces only", "   ", "blank", None, None),
    ("tab and newline only", "\t\n", "blank", None, None),
    ("sent as a number", 3201011505800036, "type", None, None),
    ("sent as a list", ["3201011505800037"], "type", None, None),
    ("sent as a dict", {"nik": "3201011505800038"}, "type", None, None),
    ("NUL byte", "320101150580\x000039", "format_chars", None, None),
]

# (label, input, error code or None, district code)
KK_CASES = [
    ("valid KK", "3201012345678901", None, "32.01.01"),
    ("valid KK with spaces", "3171 0101 0101 0002", None, "31.71.01"),
    ("unknown province", "9901012345678903", "province", "99.01.01"),
    ("regency 00", "3200012345678904", "region_zero", "32.00.01"),
    ("district 00", "3201002345678905", "region_zero", "32.01.00"),
    ("letters", "32010123456789AB", "format_chars", None),
    ("15 digits", "320101234567890", "format_length", None),
    ("17 digits", "32010123456789012", "format_length", None),
    ("spaces only", "  ", "blank", None),
    ("sent as a number", 3201012345678906, "type", None),
    ("sent as a list", ["3201012345678907"], "type", None),
]

# the English message of each error code (translated in i18n/id.po)
NIK_MESSAGES = {
    "type": r"The NIK must be sent as text of 16 digits",
    "blank": r"The NIK cannot be only spaces",
    "format_chars": r"may contain digits only",
    "format_length": r"must have exactly 16 digits, not (1[57]|1000000)",
    "province": r"starts with an unknown province code",
    "region_zero": r"regency and district codes of NIK \d+ cannot be 00",
    "birth_date": r"birth date in NIK \d+ is not a real calendar date",
    "serial": r"serial number of NIK \d+ cannot be 0000",
}
KK_MESSAGES = {
    "type": r"The KK number must be sent as text of 16 digits",
    "blank": r"The KK number cannot be only spaces",
    "format_chars": r"KK number \S+ must have exactly 16 digits",
    "format_length": r"KK number \d+ must have exactly 16 digits",
    "province": r"KK number \d+ must start with a region code",
    "region_zero": r"KK number \d+ must start with a region code",
}


@tagged("post_install", "-at_install")
class TestNikTool(SocialClientCommon):
    """tools/nik.py on its own, with a fixed ``today``."""

    def test_parse_nik_table(self):
        for label, value, error, birth_date, gender in NIK_CASES:
            with self.subTest(label, nik=value):
                result = nik_tools.parse_nik(value, today=TODAY)
                self.assertEqual(result.kind, nik_tools.NIK)
                if error:
                    self.assertFalse(result.valid)
                    self.assertEqual(result.errors[0], error)
                    self.assertRegex(result.message(self.env), NIK_MESSAGES[error])
                    # a hostile value is not echoed back whole
                    self.assertLess(len(result.message(self.env)), 200)
                else:
                    self.assertTrue(result.valid, result.errors)
                    self.assertEqual(result.number, nik_tools.normalize(value))
                    self.assertEqual(result.birth_date, birth_date)
                    self.assertEqual(result.gender, gender)
                    digits = result.number
                    self.assertEqual(
                        result.district_code,
                        f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}",
                    )

    def test_century_moves_with_today(self):
        """The same NIK is 20yy or 19yy depending on the day it is read."""
        nik = "3201012012260009"  # 20 December '26
        self.assertEqual(
            nik_tools.parse_nik(nik, today=D(2026, 12, 20)).birth_date, D(2026, 12, 20)
        )
        self.assertEqual(
            nik_tools.parse_nik(nik, today=D(2026, 12, 19)).birth_date, D(1926, 12, 20)
        )
        with freeze_time("2026-06-15"):
            self.assertEqual(nik_tools.parse_nik(nik).birth_date, D(1926, 12, 20))

    def test_parse_kk_table(self):
        for label, value, error, district_code in KK_CASES:
            with self.subTest(label, kk=value):
                result = nik_tools.parse_kk(value)
                self.assertEqual(result.kind, nik_tools.KK)
                if error:
                    self.assertEqual(result.errors[0], error)
                    self.assertRegex(result.message(self.env), KK_MESSAGES[error])
                else:
                    self.assertEqual(result.errors, [])
                    self.assertEqual(result.number, nik_tools.normalize(value))
                self.assertEqual(result.district_code, district_code)


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestNikClient(SocialClientCommon):
    """The same table through social.client: refused rows save nothing."""

    def test_client_nik_table(self):
        for label, value, error, birth_date, gender in NIK_CASES:
            with self.subTest(label, nik=value):
                if error:
                    self.assertRefused(
                        NIK_MESSAGES[error],
                        self.Client.with_user(self.user_staff).create,
                        self._client_vals(f"Client {label}", value),
                    )
                    continue
                client = self._create_client(f"Client {label}", value)
                self.assertEqual(client.nik, nik_tools.normalize(value))
                self.assertEqual(client.birth_date, birth_date)
                self.assertEqual(client.gender, gender)

    def test_client_kk_table(self):
        for serial, (label, value, error, _district) in enumerate(KK_CASES, start=1):
            nik = f"320101150580{serial:04d}"
            with self.subTest(label, kk=value):
                if error:
                    self.assertRefused(
                        KK_MESSAGES[error],
                        self.Client.with_user(self.user_staff).create,
                        self._client_vals(f"Client {label}", nik, kk_number=value),
                    )
                    continue
                client = self._create_client(f"Client {label}", nik, kk_number=value)
                self.assertEqual(client.kk_number, nik_tools.normalize(value))

    def test_bad_nik_on_write_keeps_the_old_one(self):
        client = self._create_client("Siti Aminah", "3201015505800002")
        self.assertRefused(
            NIK_MESSAGES["serial"], client.write, {"nik": "3201015505800000"}
        )
        self.assertEqual(client.nik, "3201015505800002")
        self.assertRefused(
            KK_MESSAGES["format_length"], client.write, {"kk_number": "123"}
        )
        self.assertFalse(client.kk_number)

    def test_fill_birth_date_and_sex_from_nik(self):
        client = self._create_client("Siti Aminah", "3201016902960006")
        self.assertEqual(client.birth_date, D(1996, 2, 29))
        self.assertEqual(client.gender, "female")
        self.assertEqual(client.age, 30)  # on 15 June 2026
        # given values that agree with the NIK are kept
        client2 = self._create_client(
            "Agus", "3201011505800001", birth_date="1980-05-15", gender="male"
        )
        self.assertEqual(client2.birth_date, D(1980, 5, 15))

    def test_century_on_the_model(self):
        client = self._create_client("Mbah Karto", "3201012012260009")
        self.assertEqual(client.birth_date, D(1926, 12, 20))
        self.assertEqual(client.age, 99)

    def test_centenarian_birth_date_by_hand(self):
        """The NIK 150520 reads as 2020; a man of 106 entered by hand is the
        same NIK, 100 years off. Any other difference is still refused."""
        Client = self.Client.with_user(self.user_staff)
        client = Client.create(
            self._client_vals(
                "Mbah Sastro", "3201011505200001", birth_date="1920-05-15"
            )
        )
        self.assertEqual(client.birth_date, D(1920, 5, 15))
        self.assertEqual(client.age, 106)
        client.write({"birth_date": "2020-05-15"})
        self.assertEqual(client.birth_date, D(2020, 5, 15))
        for wrong in ("1820-05-15", "1921-05-15", "1920-05-16", "1970-05-15"):
            with (
                self.subTest(birth_date=wrong),
                self.assertRaisesRegex(
                    ValidationError,
                    r"contradicts the NIK 3201011505200001|more than 130 years ago",
                ),
                self.env.cr.savepoint(),
            ):
                client.write({"birth_date": wrong})
            self.assertEqual(client.birth_date, D(2020, 5, 15))

    def test_contradiction_refused(self):
        self.assertRefused(
            r"birth date 1981-05-15 contradicts the NIK 3201011505800001",
            self._create_client,
            "Agus",
            "3201011505800001",
            birth_date="1981-05-15",
        )
        self.assertRefused(
            r"sex of Agus contradicts the NIK 3201011505800001",
            self._create_client,
            "Agus",
            "3201011505800001",
            gender="female",
        )
        self.assertRefused(
            r"sex of Siti contradicts the NIK 3201015505800002",
            self._create_client,
            "Siti",
            "3201015505800002",
            gender="male",
        )
        client = self._create_client("Agus", "3201011505800001")
        self.assertRefused(
            r"contradicts the NIK", client.write, {"birth_date": "1980-05-16"}
        )
        self.assertEqual(client.birth_date, D(1980, 5, 15))
        self.assertRefused(r"contradicts the NIK", client.write, {"gender": "female"})
        self.assertEqual(client.gender, "male")

    def test_client_without_nik(self):
        self.assertRefused(
            r"Enter the NIK of Tanpa Nama, or mark the client as without identity",
            self.Client.create,
            {"name": "Tanpa Nama"},
        )
        self.assertRefused(
            r"Describe Tanpa Nama: a client without identity needs a description",
            self.Client.create,
            {"name": "Tanpa Nama", "no_identity": True},
        )
        self.assertRefused(
            r"needs a description",
            self.Client.create,
            {
                "name": "Tanpa Nama",
                "no_identity": True,
                "no_identity_description": "  ",
            },
        )
        client = self._create_client("Tanpa Nama")
        self.assertFalse(client.birth_date)
        self.assertFalse(client.gender)
        self.assertFalse(client.district_id)

    def test_nik_added_later(self):
        client = self._create_client("Tanpa Nama")
        client.write({"nik": "3201 0155 0580 0002", "no_identity": False})
        self.assertEqual(client.nik, "3201015505800002")
        self.assertEqual(client.birth_date, D(1980, 5, 15))
        self.assertEqual(client.gender, "female")
        self.assertEqual(client.district_id, self.district_cibinong)
        # dropping the identity flag again needs the NIK to stay
        self.assertRefused(r"Enter the NIK", client.write, {"nik": False})
        self.assertEqual(client.nik, "3201015505800002")

    def test_nik_later_contradicting_estimate(self):
        """An estimated birth date of a person found without papers must match."""
        client = self._create_client("Tanpa Nama", birth_date="1970-01-01")
        self.assertRefused(
            r"contradicts the NIK",
            client.write,
            {"nik": "3201011505800001", "no_identity": False},
        )
        self.assertFalse(client.nik)
