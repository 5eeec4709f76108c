# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class DpaCommon(BaseCommon):
    """Users of every role and a DPA of three lines under the shipped
    nomenclature and tier definitions (module data, not demo data)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.finance = new_test_user(
            cls.env,
            login="dpa_finance",
            name="Siti Bendahara",
            groups="social_dpa.group_social_finance",
        )
        cls.finance_other = new_test_user(
            cls.env,
            login="dpa_finance2",
            name="Andi PPTK",
            groups="social_dpa.group_social_finance",
        )
        cls.worker = new_test_user(
            cls.env,
            login="dpa_worker",
            name="Sari Peksos",
            groups="social_client.group_social_user",
        )
        cls.kabid = new_test_user(
            cls.env,
            login="dpa_kabid",
            name="Hendra Kabid",
            groups="social_client.group_social_kabid",
        )
        cls.kadis = new_test_user(
            cls.env,
            login="dpa_kadis",
            name="Syaifudin Kadis",
            groups="social_client.group_social_kadis",
        )
        ref = cls.env.ref
        cls.sub_meals = ref("social_dpa.nomenclature_1_06_04_2_01_0001")
        cls.sub_clothes = ref("social_dpa.nomenclature_1_06_04_2_01_0002")
        cls.sub_emergency = ref("social_dpa.nomenclature_1_06_04_2_02_0010")
        cls.acc_meals = ref("social_dpa.account_5_1_02_01_01_0052")
        cls.acc_goods = ref("social_dpa.account_5_1_02_05_01_0001")
        cls.acc_fuel = ref("social_dpa.account_5_1_02_01_01_0004")
        cls.dpa = cls._create_dpa(2026)
        cls.line_meals, cls.line_clothes, cls.line_fuel = cls.dpa.line_ids.sorted("id")

    @classmethod
    def _create_dpa(cls, year, amounts=(10_000_000, 5_000_000, 2_000_000)):
        return (
            cls.env["social.dpa"]
            .with_user(cls.finance)
            .create(
                {
                    "name": f"DPA Test {year}",
                    "fiscal_year": year,
                    "line_ids": [
                        Command.create(
                            {
                                "sub_activity_id": cls.sub_meals.id,
                                "rekening_id": cls.acc_meals.id,
                                "amount": amounts[0],
                            }
                        ),
                        Command.create(
                            {
                                "sub_activity_id": cls.sub_clothes.id,
                                "rekening_id": cls.acc_goods.id,
                                "amount": amounts[1],
                            }
                        ),
                        Command.create(
                            {
                                "sub_activity_id": cls.sub_emergency.id,
                                "rekening_id": cls.acc_fuel.id,
                                "amount": amounts[2],
                            }
                        ),
                    ],
                }
            )
            .sudo(False)
        )

    @classmethod
    def _approve(cls, dpa):
        """Request (finance), then Kabid and Kadis approve."""
        dpa.with_user(cls.finance).request_validation()
        dpa.invalidate_recordset()
        dpa.with_user(cls.kabid).validate_tier()
        dpa.invalidate_recordset()
        dpa.with_user(cls.kadis).validate_tier()
        dpa.invalidate_recordset()
        return dpa
