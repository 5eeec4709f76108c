# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from datetime import timedelta

from odoo import api, fields, models


class SocialTrcReport(models.Model):
    _inherit = "social.trc.report"

    @api.model
    def _demo_setup(self):
        """Demo: complaints in each state, services of each kind, trips and a
        signed assignment letter, each walked through the real buttons by the
        demo TRC officer, Kasi and Kabid."""
        ref = self.env.ref
        trc = ref("social_client.user_trc_demo", False)
        kasi = ref("social_client.user_kasi_demo", False)
        kabid = ref("social_client.user_kabid_demo", False)
        if not (trc and kasi and kabid) or self.search_count([], limit=1):
            return
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        officer = ref("social_trc_fleet.hr_employee_rizky_demo")
        driver = ref("social_trc_fleet.hr_employee_fauzan_demo")
        companion = ref("social_trc_fleet.hr_employee_siti_demo")
        vehicle = ref("social_trc_fleet.fleet_vehicle_trc_demo")
        clients = self.env["social.client"].search([], limit=8, order="id")
        mawar = ref("social_client.social_client_mawar_demo", False) or clients[:1]
        idah = ref("social_client.social_client_idah_1_demo", False) or clients[1:2]
        village = mawar.village_id
        ppks = self.env["social.ppks.type"].search([], limit=2)
        odgj, terlantar = ppks[:1], ppks[1:2] or ppks[:1]

        letter = (
            self.env["social.trc.letter"]
            .with_user(trc)
            .create(
                {
                    "employee_ids": [(6, 0, (officer | driver | companion).ids)],
                    "purpose": "Penjangkauan dan pendampingan PPKS (SI LARAS "
                    "MANIS): tindak lanjut pengaduan warga, pengantaran rujukan "
                    "ke RSJ Sambang Lihum dan RSD Idaman Banjarbaru.",
                    "date_start": today - timedelta(days=7),
                    "date_end": today + timedelta(days=30),
                    "vehicle_id": vehicle.id,
                }
            )
        )
        letter.request_validation()
        letter.with_user(kabid).validate_tier()

        Report = self.with_user(trc)
        samples = [
            (
                "new",
                "whatsapp",
                "Pria lanjut usia tidur di emperan toko Jl. A. Yani Km 33.",
            ),
            ("verified", "kelurahan", "Warga melaporkan ODGJ mengamuk di pasar."),
            ("assigned", "call_centre", "Perempuan tanpa identitas di halte bus."),
            ("handled", "hospital", "Pasien terlantar di RSD Idaman tanpa keluarga."),
            ("closed", "police", "Anak terlantar diantar Polsek Banjarbaru Utara."),
            (
                "rejected",
                "walk_in",
                "Laporan tidak sesuai: warga mampu dengan keluarga.",
            ),
            (
                "duplicate",
                "whatsapp",
                "Pria lanjut usia tidur di emperan toko (laporan kedua).",
            ),
        ]
        reports = {}
        for index, (state, channel, description) in enumerate(samples):
            report = Report.create(
                {
                    "channel": channel,
                    # the new one waits since three days: overdue on the board
                    "date_received": now
                    - (timedelta(days=3) if not index else timedelta(hours=6 * index)),
                    "reporter_name": "Bapak Hasan" if index % 2 else False,
                    "reporter_anonymous": not index % 2,
                    "reporter_phone": f"0812 5100 {index:04d}" if index % 2 else False,
                    "reporter_relation": "Ketua RT" if index % 2 else False,
                    "location_address": "Kelurahan Loktabat Utara, Banjarbaru",
                    "village_id": village.id,
                    "ppks_type_id": (odgj if index % 2 else terlantar).id,
                    "description": description,
                    "urgency_id": ref("social_trc_fleet.urgency_high").id,
                    "client_id": (mawar if state in ("handled", "closed") else idah).id
                    if state not in ("new", "rejected", "duplicate")
                    else False,
                    "employee_ids": [(6, 0, officer.ids)],
                }
            )
            report.coordination_ids = [
                (
                    0,
                    0,
                    {
                        "party": "kelurahan",
                        "contact_name": "Lurah Loktabat Utara",
                        "note": "Dikoordinasikan dengan kelurahan dan RT setempat.",
                    },
                )
            ]
            reports[state] = report
            if state in ("verified", "assigned", "handled", "closed"):
                report.action_verify()
            if state in ("assigned", "handled", "closed"):
                report.action_assign()
            if state in ("handled", "closed"):
                report.action_record_visit()
                report.handling_note = "Klien dijangkau dan dirujuk ke RSD Idaman."
                report.action_handle()
            if state == "closed":
                report.with_user(kasi).action_close()
            if state == "rejected":
                report.reject_reason = "Bukan PPKS: keluarga mampu merawat."
                report.action_reject()
        reports["duplicate"].duplicate_of_id = reports["new"]
        reports["duplicate"].action_mark_duplicate()

        # services of the five kinds
        Service = self.env["social.trc.service"].with_user(trc)
        rsj = ref("social_trc_fleet.res_partner_rsj_sambang_lihum_demo")
        rsd = ref("social_trc_fleet.res_partner_rsd_idaman_demo")
        kinds = [
            ("inpatient_wait", rsd, mawar),
            ("referral_escort", rsj, idah),
            ("home_care", False, clients[2:3] or mawar),
            ("outpatient_escort", rsd, clients[3:4] or mawar),
            ("pickup_delivery", False, clients[4:5] or idah),
        ]
        services = Service.browse()
        for index, (kind, partner, client) in enumerate(kinds):
            services |= Service.create(
                {
                    "kind": kind,
                    "client_id": client.id,
                    "destination_partner_id": partner and partner.id,
                    "destination": partner.name if partner else "Rumah klien",
                    "date_planned_start": now + timedelta(hours=index),
                    "date_planned_end": now + timedelta(hours=index + 4),
                    "employee_ids": [(6, 0, (officer | companion).ids)],
                    "report_id": reports["handled"].id if index == 0 else False,
                }
            )
        services[0].action_start()
        services[0].write(
            {
                "outcome": "reunified",
                "outcome_note": "Keluarga ditemukan melalui kelurahan asal; "
                "klien dipulangkan ke keluarga.",
            }
        )
        services[0].action_done()
        services[1].action_start()

        # trips: one back with its fuel, one planned for tomorrow
        Trip = self.env["social.trc.trip"].with_user(trc)
        fuel_line = ref("social_dpa.social_dpa_2026_line_emergency_demo", False)
        done = Trip.create(
            {
                "vehicle_id": vehicle.id,
                "driver_id": driver.id,
                "officer_ids": [(6, 0, officer.ids)],
                "date_departure": now - timedelta(hours=3),
                "date_return": now - timedelta(hours=1),
                "destination": "RSJ Sambang Lihum, Gambut",
                "service_id": services[1].id,
                "passenger_client_ids": [(6, 0, idah.ids)],
                "odometer_out": 15200,
            }
        )
        done.action_start()
        fuel = fuel_line and fuel_line.dpa_id.fiscal_year == today.year
        done.write(
            {
                "odometer_in": 15262,
                "fuel_cost": 150000 if fuel else 0,
                "dpa_line_id": fuel_line.id if fuel else False,
            }
        )
        done.action_return()
        Trip.create(
            {
                "vehicle_id": vehicle.id,
                "driver_id": driver.id,
                "officer_ids": [(6, 0, companion.ids)],
                "date_departure": now + timedelta(days=1),
                "date_return": now + timedelta(days=1, hours=3),
                "destination": "RSD Idaman Banjarbaru",
                "service_id": services[3].id,
                "report_id": reports["assigned"].id,
            }
        )

        # the rumah singgah: two clients staying, one gone home
        Stay = self.env["social.shelter.stay"].with_user(trc)
        shelter = ref("social_trc_fleet.social_shelter_banjarbaru_demo")
        beds = shelter.bed_ids.sorted("sequence")
        Stay.create(
            {
                "shelter_id": shelter.id,
                "bed_id": beds[2].id,
                "client_id": mawar.id,
                "check_in": now - timedelta(days=9),
                "planned_check_out": now + timedelta(days=2),
                "reason": "Menunggu penelusuran keluarga setelah rawat inap.",
                "family_tracing_status": "in_progress",
            }
        )
        Stay.create(
            {
                "shelter_id": shelter.id,
                "bed_id": beds[0].id,
                "client_id": (clients[2:3] or idah).id,
                "check_in": now - timedelta(days=1),
                "reason": "Ditemukan terlantar, menunggu rujukan.",
            }
        )
        gone = Stay.create(
            {
                "shelter_id": shelter.id,
                "bed_id": beds[1].id,
                "client_id": idah.id,
                "check_in": now - timedelta(days=1, hours=2),
                "reason": "Transit sebelum dipulangkan ke keluarga.",
                "family_tracing_status": "found",
                "outcome": "returned",
            }
        )
        meal_line = shelter.dpa_line_id
        first_day = (now - timedelta(days=2)).year
        if meal_line and meal_line.dpa_id.fiscal_year == first_day == today.year:
            gone.action_check_out()
