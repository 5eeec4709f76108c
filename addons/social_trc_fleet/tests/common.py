# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import datetime, timedelta

from pytz import timezone, utc

from odoo import Command, fields
from odoo.tests import new_test_user
from odoo.tools import SQL

from odoo.addons.base.tests.common import BaseCommon

WIB = timezone("Asia/Jakarta")


def wib(*args):
    """A Jakarta wall-clock time as the naive UTC the ORM stores."""
    return WIB.localize(datetime(*args)).astimezone(utc).replace(tzinfo=None)


class TrcCommon(BaseCommon):
    """Users of every role, the office calendar with the 2026 holidays, the
    officers, a vehicle, a shelter with beds and an approved DPA; no demo
    data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        Calendar = cls.env["resource.calendar"]
        values = Calendar._social_office_calendar_values(cls.company)
        values["tz"] = "Asia/Jakarta"
        cls.calendar = Calendar.create(values)
        cls.company.resource_calendar_id = cls.calendar
        cls.calendar._social_load_national_holidays([2026, 2027])

        def user(login, groups):
            return new_test_user(
                cls.env,
                login=login,
                name=login.title(),
                groups=groups,
                tz="Asia/Jakarta",
            )

        cls.trc = user("trc_officer", "social_client.group_social_trc")
        cls.trc2 = user("trc_officer2", "social_client.group_social_trc")
        cls.shelter_user = user("trc_shelter", "social_trc_fleet.group_social_shelter")
        cls.staff = user("trc_staff", "social_client.group_social_user")
        cls.kasi = user("trc_kasi", "social_client.group_social_kasi")
        cls.kabid = user("trc_kabid", "social_client.group_social_kabid")
        cls.kadis = user("trc_kadis", "social_client.group_social_kadis")

        Employee = cls.env["hr.employee"]
        cls.officer, cls.driver, cls.driver2 = Employee.create(
            [
                {"name": "Rizky Petugas", "nip": "199001012020011001"},
                {"name": "Fauzan Pengemudi", "nip": "199001012020011002"},
                {"name": "Budi Pengemudi", "nip": "199001012020011003"},
            ]
        )
        model = cls.env["fleet.vehicle.model"].create(
            {"name": "Hilux", "brand_id": cls.env.ref("fleet.brand_toyota").id}
        )
        cls.vehicle, cls.vehicle2 = cls.env["fleet.vehicle"].create(
            [
                {"model_id": model.id, "license_plate": "DA 1 TRC"},
                {"model_id": model.id, "license_plate": "DA 2 TRC"},
            ]
        )
        cls.client = cls.env["social.client"].create(
            {
                "name": "Acil Uji",
                "no_identity": True,
                "no_identity_description": "Perempuan lanjut usia, uji.",
            }
        )
        cls.client2 = cls.env["social.client"].create(
            {
                "name": "Pak Uji",
                "no_identity": True,
                "no_identity_description": "Pria lanjut usia, uji.",
            }
        )
        cls.urgency = cls.env.ref("social_trc_fleet.urgency_high")
        ref = cls.env.ref
        dpa = cls.env["social.dpa"].create(
            {
                "name": "DPA TRC Test",
                "fiscal_year": fields.Date.today().year,
                "line_ids": [
                    Command.create(
                        {
                            "sub_activity_id": ref(
                                "social_dpa.nomenclature_1_06_04_2_01_0001"
                            ).id,
                            "rekening_id": ref(
                                "social_dpa.account_5_1_02_01_01_0052"
                            ).id,
                            "amount": 10_000_000,
                        }
                    ),
                    Command.create(
                        {
                            "sub_activity_id": ref(
                                "social_dpa.nomenclature_1_06_04_2_02_0010"
                            ).id,
                            "rekening_id": ref(
                                "social_dpa.account_5_1_02_01_01_0004"
                            ).id,
                            "amount": 2_000_000,
                        }
                    ),
                ],
            }
        )
        # fixture: approved without the sign-off, which social_dpa tests; an
        # approved DPA of the year already there (demo data) steps aside
        cls.env.cr.execute(
            SQL(
                "UPDATE social_dpa SET state = 'revised' WHERE state = 'approved' "
                "AND fiscal_year = %s AND company_id = %s",
                dpa.fiscal_year,
                cls.company.id,
            )
        )
        cls.env.cr.execute(
            SQL("UPDATE social_dpa SET state = 'approved' WHERE id = %s", dpa.id)
        )
        dpa.invalidate_recordset()
        cls.line_meals, cls.line_fuel = dpa.line_ids.sorted("id")
        cls.shelter = cls.env["social.shelter"].create(
            {
                "name": "Rumah Singgah Uji",
                "capacity": 2,
                "daily_cost": 50_000,
                "dpa_line_id": cls.line_meals.id,
                "bed_ids": [
                    Command.create({"name": "A"}),
                    Command.create({"name": "B"}),
                    Command.create({"name": "C"}),
                ],
            }
        )
        cls.bed_a, cls.bed_b, cls.bed_c = cls.shelter.bed_ids.sorted("name")

    # ------------------------------------------------------------ helpers

    @classmethod
    def _report(cls, user=None, **vals):
        values = {
            "channel": "whatsapp",
            "reporter_name": "Bu Ani",
            "reporter_phone": "081234567890",
            "description": "Orang terlantar di halte",
            "urgency_id": cls.urgency.id,
        }
        values.update(vals)
        return cls.env["social.trc.report"].with_user(user or cls.trc).create(values)

    @classmethod
    def _signed_letter(cls, employees, start, end):
        letter = (
            cls.env["social.trc.letter"]
            .with_user(cls.trc)
            .create(
                {
                    "employee_ids": [Command.set(employees.ids)],
                    "purpose": "Penjangkauan PPKS",
                    "date_start": start,
                    "date_end": end,
                    "vehicle_id": cls.vehicle.id,
                }
            )
        )
        letter.request_validation()
        letter.invalidate_recordset()
        letter.with_user(cls.kabid).validate_tier()
        letter.invalidate_recordset()
        return letter

    @classmethod
    def _trip(cls, start, hours=2, user=None, **vals):
        values = {
            "vehicle_id": cls.vehicle.id,
            "driver_id": cls.driver.id,
            "date_departure": start,
            "date_return": start + timedelta(hours=hours),
            "destination": "RSJ Sambang Lihum",
        }
        values.update(vals)
        return cls.env["social.trc.trip"].with_user(user or cls.trc).create(values)
