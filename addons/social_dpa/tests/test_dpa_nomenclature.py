# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import DpaCommon


@tagged("post_install", "-at_install")
class TestDpaNomenclature(DpaCommon):
    def test_shipped_codes(self):
        programmes = self.env["social.dpa.nomenclature"].search(
            [("level", "=", "program"), ("code", "=like", "1.06.%")]
        )
        self.assertEqual(
            programmes.mapped("code"),
            [f"1.06.0{i}" for i in range(1, 8)],
        )
        self.assertEqual(self.sub_meals.parent_id.parent_id.code, "1.06.04")
        self.assertEqual(self.sub_meals.name, "Penyediaan Permakanan")

    def test_code_patterns(self):
        Node = self.env["social.dpa.nomenclature"]
        programme = self.env.ref("social_dpa.nomenclature_1_06_04")
        activity = self.env.ref("social_dpa.nomenclature_1_06_04_2_01")
        cases = [
            ({"code": "1.6.04", "level": "program"}, "does not have the shape"),
            (
                {"code": "1.06.04.2.1", "level": "activity", "parent_id": programme.id},
                "does not have the shape",
            ),
            (
                {
                    "code": "1.06.05.2.01.0099",
                    "level": "sub_activity",
                    "parent_id": activity.id,
                },
                "does not start with the code of its parent",
            ),
            (
                {
                    "code": "1.06.04.2.01.0099",
                    "level": "sub_activity",
                    "parent_id": programme.id,
                },
                "a sub-kegiatan to a kegiatan",
            ),
        ]
        for vals, message in cases:
            with (
                self.subTest(code=vals["code"]),
                self.assertRaisesRegex(ValidationError, message),
            ):
                Node.create(dict(vals, name="X"))
        with self.assertRaisesRegex(ValidationError, "six segments"):
            self.env["social.dpa.account"].create(
                {"code": "5.1.02.01.0052", "name": "X"}
            )
