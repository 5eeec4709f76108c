"""End-to-end proof of the suite on a running server, over the external JSON-RPC API.

Each person acts with their own login and role, as a real client would call the server
(a session, then JSON-RPC calls of ``/web/dataset/call_kw``). The administrator only
creates the office, its users and the reference data an office sets up once; everything
else is done by the staff whose job it is. A refusal the rules must give is checked too.

Usage (bin/test runs it against its test database after the upgrade check):

    python3 tests/e2e_jsonrpc.py --url URL --db DB [--admin-password PW]

Exit status 0 when every step held; otherwise 1, with the failing step. Standard library
only: the script runs outside Odoo.
"""

import argparse
import base64
import datetime
import http.cookiejar
import itertools
import json
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

RUN = datetime.datetime.now().strftime("%H%M%S")
TODAY = datetime.date.today()
_ids = itertools.count(1)


class RpcError(Exception):
    def __init__(self, error):
        data = error.get("data") or {}
        self.name = data.get("name", "")
        self.message = data.get("message") or error.get("message", "")
        super().__init__(f"{self.name}: {self.message}")


class Client:
    """One person logged in to the server, calling it over JSON-RPC as the web client
    and other JSON-RPC clients do: a session from ``/web/session/authenticate``, then
    ``/web/dataset/call_kw`` (Odoo 19 deprecates the older ``/jsonrpc`` endpoint)."""

    def __init__(self, url, db, login, password):
        self.url, self.db, self.login = url, db, login
        self.context = None  # sent with every call when set
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        session = self._rpc(
            "/web/session/authenticate",
            {"db": db, "login": login, "password": password},
        )
        self.uid = session.get("uid")
        if not self.uid:
            raise SystemExit(f"login refused for {login}")

    def _rpc(self, path, params, timeout=120):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(_ids),
            "params": params,
        }
        request = urllib.request.Request(
            self.url + path,
            json.dumps(payload).encode(),
            {"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=timeout) as response:
            answer = json.loads(response.read())
        if "error" in answer:
            raise RpcError(answer["error"])
        return answer.get("result")

    def call(self, model, method, *args, **kwargs):
        if self.context and "context" not in kwargs:
            kwargs["context"] = self.context
        result = self._rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )
        if method == "create" and isinstance(result, list) and len(result) == 1:
            return result[0]  # one record created: its id
        return result

    def refused(self, expected, model, method, *args, **kwargs):
        """The call must fail with a message holding ``expected``."""
        try:
            self.call(model, method, *args, **kwargs)
        except RpcError as error:
            if expected.lower() not in error.message.lower():
                raise AssertionError(
                    f"{self.login}: {model}.{method} refused, but with "
                    f"{error.message!r} (expected {expected!r})"
                ) from error
            return error.message
        raise AssertionError(f"{self.login}: {model}.{method} was not refused")

    def read1(self, model, rid, fields):
        return self.call(model, "read", [rid], fields)[0]


def check(condition, message):
    if not condition:
        raise AssertionError(message)


class Office:
    """The users and reference data of one Dinas Sosial office, made by its admin."""

    ROLES = {
        "staff": "social_client.group_social_user",
        "peksos": "social_client.group_social_user",
        "trc": "social_client.group_social_trc",
        "health": "social_client.group_social_health",
        "kasi": "social_client.group_social_kasi",
        "kasi2": "social_client.group_social_kasi",
        "kabid": "social_client.group_social_kabid",
        "kadis": "social_client.group_social_kadis",
        "finance": "social_dpa.group_social_finance",
        "shelter": "social_trc_fleet.group_social_shelter",
        "desk2": "social_client.group_social_user",
        "desk3": "social_client.group_social_user",
    }

    def __init__(self, url, db, admin_password):
        self.url, self.db = url, db
        self.admin = Client(url, db, "admin", admin_password)
        self.users = {}
        self.step("the administrator creates the office (a company of its own)")
        self.company_id = self.admin.call(
            "res.company", "create", [{"name": f"Dinas Sosial E2E {RUN}"}]
        )
        self.admin.call(
            "res.users",
            "write",
            [self.admin.uid],
            {"company_ids": [(4, self.company_id)]},
        )
        self.admin.context = {"allowed_company_ids": [self.company_id]}
        self.step("the administrator creates one user per role")
        for role, xmlid in self.ROLES.items():
            login = f"e2e_{role}_{RUN}"
            values = {
                "name": f"E2E {role.title()} {RUN}",
                "login": login,
                "password": f"{login}-pw",
                "group_ids": [(6, 0, [self.ref(xmlid)])],
                "company_id": self.company_id,
                "company_ids": [(6, 0, [self.company_id])],
            }
            self.admin.call("res.users", "create", [values])
            self.users[role] = Client(url, db, login, f"{login}-pw")

    @staticmethod
    def step(text):
        print(f"  - {text}", flush=True)

    def ref(self, xmlid):
        module, name = xmlid.split(".")
        rows = self.admin.call(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            ["res_id"],
        )
        check(rows, f"no record {xmlid}")
        return rows[0]["res_id"]

    def __getitem__(self, role):
        return self.users[role]


# ---------------------------------------------------------------------- the parts


def part_dpa(office):
    """The finance staff drafts the year's DPA; the Kabid and the Kadis approve it."""
    finance = office["finance"]
    office.step("finance drafts the DPA of the year with three lines")
    lines = [
        (
            "social_dpa.nomenclature_1_06_04_2_01_0001",
            "social_dpa.account_5_1_02_01_01_0052",
            50_000_000,
        ),
        (
            "social_dpa.nomenclature_1_06_04_2_01_0002",
            "social_dpa.account_5_1_02_05_01_0001",
            20_000_000,
        ),
        (
            "social_dpa.nomenclature_1_06_04_2_02_0010",
            "social_dpa.account_5_1_02_01_01_0004",
            10_000_000,
        ),
    ]
    dpa_id = finance.call(
        "social.dpa",
        "create",
        [
            {
                "name": f"DPA E2E {RUN}",
                "fiscal_year": TODAY.year,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "sub_activity_id": office.ref(sub),
                            "rekening_id": office.ref(acc),
                            "amount": amount,
                        },
                    )
                    for sub, acc, amount in lines
                ],
            }
        ],
    )
    finance.call("social.dpa", "request_validation", [dpa_id])
    office["kadis"].refused(
        "no sign-off step waiting", "social.dpa", "validate_tier", [dpa_id]
    )
    office.step("the Kabid approves, then the Kadis (the Kadis could not sign first)")
    office["kabid"].call("social.dpa", "validate_tier", [dpa_id])
    office["kadis"].call("social.dpa", "validate_tier", [dpa_id])
    dpa = finance.read1("social.dpa", dpa_id, ["state", "line_ids"])
    check(dpa["state"] == "approved", f"DPA not approved: {dpa['state']}")
    office.dpa_id = dpa_id
    office.dpa_line_ids = dpa["line_ids"]


def part_rehab_case(office, client_id):
    """The social worker carries a case through every stage; the Kasi approves the plan
    and the closure; a skipped gate is refused."""
    peksos, kasi = office["peksos"], office["kasi"]
    stage = {
        name: office.ref(f"social_rehab_case.stage_{name}")
        for name in (
            "asesmen",
            "rencana_intervensi",
            "intervensi",
            "evaluasi",
            "terminasi_rujukan",
            "selesai",
        )
    }
    office.step("the social worker opens a rehabilitation case for the client")
    case_id = peksos.call(
        "social.rehab.case",
        "create",
        [
            {
                "client_id": client_id,
                "supervisor_id": kasi.uid,
                "presenting_problem": "Terlantar di jalan",
            }
        ],
    )
    peksos.refused(
        "cannot be skipped",
        "social.rehab.case",
        "write",
        [case_id],
        {"stage_id": stage["intervensi"]},
    )
    peksos.call("social.rehab.case", "write", [case_id], {"stage_id": stage["asesmen"]})
    office.step("assessment completed, then the plan, approved by the Kasi")
    assessment_id = peksos.call(
        "social.rehab.assessment",
        "create",
        [{"case_id": case_id, "problems": "Tidak punya tempat tinggal"}],
    )
    peksos.call("social.rehab.assessment", "action_complete", [assessment_id])
    peksos.call(
        "social.rehab.case",
        "write",
        [case_id],
        {"stage_id": stage["rencana_intervensi"]},
    )
    plan_id = peksos.call(
        "social.rehab.plan",
        "create",
        [
            {
                "case_id": case_id,
                "line_ids": [
                    (0, 0, {"guidance_type": "fisik", "goal": "Sehat jasmani"}),
                    (
                        0,
                        0,
                        {
                            "guidance_type": "psikososial",
                            "psychosocial_kind": "spiritual",
                            "goal": "Rutin beribadah",
                        },
                    ),
                ],
            }
        ],
    )
    peksos.call("social.rehab.plan", "action_request_approval", [plan_id])
    peksos.refused("four-eyes", "social.rehab.plan", "validate_tier", [plan_id])
    kasi.call("social.rehab.plan", "validate_tier", [plan_id])
    office.step("intervention with a group session, evaluation, termination")
    peksos.call(
        "social.rehab.case", "write", [case_id], {"stage_id": stage["intervensi"]}
    )
    peksos.call(
        "social.rehab.session",
        "create",
        [
            {
                "case_ids": [(6, 0, [case_id])],
                "user_id": peksos.uid,
                "guidance_type": "sosial",
                "activity": "Dinamika kelompok",
            }
        ],
    )
    peksos.call(
        "social.rehab.case", "write", [case_id], {"stage_id": stage["evaluasi"]}
    )
    evaluation_id = peksos.call(
        "social.rehab.evaluation", "create", [{"case_id": case_id}]
    )
    line_ids = peksos.read1("social.rehab.evaluation", evaluation_id, ["line_ids"])[
        "line_ids"
    ]
    peksos.call(
        "social.rehab.evaluation.line", "write", line_ids, {"result": "achieved"}
    )
    peksos.call("social.rehab.evaluation", "action_done", [evaluation_id])
    peksos.call(
        "social.rehab.case",
        "write",
        [case_id],
        {"stage_id": stage["terminasi_rujukan"]},
    )
    peksos.call(
        "social.rehab.case",
        "write",
        [case_id],
        {"termination_reason": "goals_achieved"},
    )
    office.step(
        "closure requested by the social worker, approved by the Kasi: case closed"
    )
    peksos.call("social.rehab.case", "action_request_closure", [case_id])
    closure_ids = peksos.read1("social.rehab.case", case_id, ["closure_ids"])[
        "closure_ids"
    ]
    kasi.call("social.rehab.closure", "validate_tier", closure_ids)
    case = peksos.read1(
        "social.rehab.case", case_id, ["stage_id", "date_closed", "name"]
    )
    check(
        case["stage_id"][0] == stage["selesai"], f"case not closed: {case['stage_id']}"
    )
    check(case["date_closed"], "case has no closing date")
    return case_id


def _sign(user, model, rid):
    """Sign a tier as the web client does: through the comment wizard when asked."""
    action = user.call(model, "validate_tier", [rid])
    if isinstance(action, dict) and action.get("res_model") == "comment.wizard":
        context = action.get("context") or {}
        wizard = user.call(
            "comment.wizard",
            "create",
            [{"comment": context.get("default_comment") or "Disetujui."}],
            context=context,
        )
        user.call("comment.wizard", "add_comment", [wizard], context=context)


def part_recommendation(office, client_id):
    """A recommendation climbs Kasi -> Kabid -> Kadis; the letter is verified on the
    public page."""
    admin, staff, peksos = office.admin, office["staff"], office["peksos"]
    office.step(
        "the office's recommendation type and institution (set up once by the admin)"
    )
    doc_type = admin.call(
        "social.recommendation.document.type", "create", [{"name": f"KTP {RUN}"}]
    )
    institution = admin.call(
        "res.partner",
        "create",
        [{"name": f"Panti Werdha E2E {RUN}", "is_company": True}],
    )
    rec_type = admin.call(
        "social.recommendation.type",
        "create",
        [
            {
                "name": f"Penempatan panti E2E {RUN}",
                "letter_subject": "Rekomendasi penempatan",
                "letter_body": "direkomendasikan untuk tinggal di panti.",
                "institution_ids": [(6, 0, [institution])],
                "required_document_type_ids": [(6, 0, [doc_type])],
            }
        ],
    )
    village = admin.call(
        "social.region", "search", [("level", "=", "village")], limit=1
    )
    if not village:
        district = admin.call(
            "social.region", "search", [("level", "=", "district")], limit=1
        )
        village = [
            admin.call(
                "social.region",
                "create",
                [
                    {
                        "code": admin.read1("social.region", district[0], ["code"])[
                            "code"
                        ]
                        + ".2999",
                        "name": "Desa E2E",
                        "level": "village",
                        "parent_id": district[0],
                    }
                ],
            )
        ]
    office.step(
        "the staff registers the request; the social worker assesses the client"
    )
    rec_id = staff.call(
        "social.recommendation",
        "create",
        [
            {
                "request_from": "Kelurahan E2E",
                "request_village_id": village[0],
                "client_id": client_id,
                "type_id": rec_type,
                "institution_id": institution,
                "social_worker_id": peksos.uid,
            }
        ],
    )
    staff.call(
        "social.recommendation.document",
        "create",
        [
            {
                "recommendation_id": rec_id,
                "document_type_id": doc_type,
                "file": base64.b64encode(b"%PDF-1.4 scan").decode(),
                "file_name": "ktp.pdf",
            }
        ],
    )
    staff.call("social.recommendation", "action_start_verification", [rec_id])
    peksos.call(
        "social.recommendation",
        "write",
        [rec_id],
        {"assessment_result": "eligible", "assessment_notes": "Hidup sendiri."},
    )
    peksos.call("social.recommendation", "action_submit_assessment", [rec_id])
    office["kasi2"].call(
        "social.recommendation", "action_administrative_check", [rec_id]
    )
    office.step("Kasi, Kabid and Kadis sign in order (the Kadis cannot sign first)")
    office["kadis"].refused(
        "not your turn", "social.recommendation", "validate_tier", [rec_id]
    )
    for role in ("kasi", "kabid", "kadis"):
        _sign(office[role], "social.recommendation", rec_id)
    rec = staff.read1("social.recommendation", rec_id, ["state"])
    check(rec["state"] == "approved", f"recommendation not approved: {rec['state']}")
    staff.call("social.recommendation", "action_issue", [rec_id])
    rec = staff.read1(
        "social.recommendation", rec_id, ["state", "letter_number", "verification_code"]
    )
    check(
        rec["state"] == "issued" and rec["letter_number"], f"letter not issued: {rec}"
    )
    office.step(
        f"letter {rec['letter_number']} verified on the public page, without a login"
    )
    with urllib.request.urlopen(
        f"{office.url}/social/verify/{rec['verification_code']}", timeout=60
    ) as page:
        html = page.read().decode()
    check(
        rec["letter_number"] in html, "the public page does not show the letter number"
    )
    try:
        urllib.request.urlopen(f"{office.url}/social/verify/XXXX-XXXX-XXXX", timeout=60)
        raise AssertionError("an unknown code was verified")
    except urllib.error.HTTPError as error:
        check(error.code == 404, f"unknown code answered {error.code}")
    return rec_id


def part_trc(office):
    """A complaint comes in; the TRC registers the person without identity, the Kabid
    signs the surat tugas, the car makes the trip, the person stays in the shelter."""
    admin, trc = office.admin, office["trc"]
    office.step(
        "the office's officers, TRC car and rumah singgah (set up once by the admin)"
    )
    officer, driver = (
        admin.call("hr.employee", "create", [{"name": name, "nip": nip}])
        for name, nip in (
            (f"Petugas TRC {RUN}", f"1990010120200{RUN[:5]}"),
            (f"Pengemudi TRC {RUN}", f"1991010120200{RUN[:5]}"),
        )
    )
    model = admin.call(
        "fleet.vehicle.model",
        "create",
        [{"name": "Hilux", "brand_id": office.ref("fleet.brand_toyota")}],
    )
    vehicle = admin.call(
        "fleet.vehicle",
        "create",
        [{"model_id": model, "license_plate": f"DA {RUN} TRC"}],
    )
    meals_line, _goods_line, fuel_line = office.dpa_line_ids
    shelter = admin.call(
        "social.shelter",
        "create",
        [
            {
                "name": f"Rumah Singgah E2E {RUN}",
                "capacity": 2,
                "daily_cost": 60_000,
                "dpa_line_id": meals_line,
                "bed_ids": [(0, 0, {"name": "A"}), (0, 0, {"name": "B"})],
            }
        ],
    )
    office.step("a complaint comes in by WhatsApp; the TRC verifies it")
    report = trc.call(
        "social.trc.report",
        "create",
        [
            {
                "channel": "whatsapp",
                "reporter_name": "Bu Ani",
                "reporter_phone": "081234567890",
                "description": "Perempuan lanjut usia terlantar di pasar",
                "person_name": f"Perempuan tanpa identitas {RUN}",
                "urgency_id": office.ref("social_trc_fleet.urgency_high"),
                "ppks_type_id": office.ref("social_client.social_ppks_type_08"),
            }
        ],
    )
    trc.call("social.trc.report", "action_verify", [report])
    office.step("the TRC registers the person as a client without identity")
    trc.call("social.trc.report", "action_register_client", [report])
    client_id = trc.read1("social.trc.report", report, ["client_id"])["client_id"][0]
    client = trc.read1(
        "social.client", client_id, ["registration_number", "no_identity"]
    )
    check(client["registration_number"] and client["no_identity"], f"client: {client}")
    trc.refused(
        "registration number",
        "social.client",
        "write",
        [client_id],
        {"registration_number": "PPKS/FAKE"},
    )
    trc.call(
        "social.client",
        "write",
        [client_id],
        {"ppks_type_ids": [(6, 0, [office.ref("social_client.social_ppks_type_08")])]},
    )
    office.step("the surat tugas is drafted by the TRC and signed by the Kabid only")
    letter = trc.call(
        "social.trc.letter",
        "create",
        [
            {
                "employee_ids": [(6, 0, [officer, driver])],
                "purpose": "Penjangkauan PPKS terlantar di pasar",
                "date_start": TODAY.isoformat(),
                "date_end": (TODAY + datetime.timedelta(days=2)).isoformat(),
                "vehicle_id": vehicle,
                "report_id": report,
            }
        ],
    )
    trc.call("social.trc.letter", "request_validation", [letter])
    office["kasi"].refused(
        "no sign-off step waiting", "social.trc.letter", "validate_tier", [letter]
    )
    office["kabid"].call("social.trc.letter", "validate_tier", [letter])
    trc.call(
        "social.trc.report", "write", [report], {"employee_ids": [(6, 0, [officer])]}
    )
    trc.call("social.trc.report", "action_assign", [report])
    office.step("the car is booked; a second booking of the same hours is refused")
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None, microsecond=0)
    trip_values = {
        "vehicle_id": vehicle,
        "driver_id": driver,
        "officer_ids": [(6, 0, [officer])],
        "date_departure": (now - datetime.timedelta(minutes=5)).strftime(
            "%Y-%m-%d %H:%M:%S"
        ),
        "date_return": (now + datetime.timedelta(hours=2)).strftime(
            "%Y-%m-%d %H:%M:%S"
        ),
        "destination": "Pasar Bauntung",
        "report_id": report,
        "odometer_out": 1200,
    }
    trip = trc.call("social.trc.trip", "create", [trip_values])
    trc.refused(
        "already booked",
        "social.trc.trip",
        "create",
        [dict(trip_values, odometer_out=0)],
    )
    trc.call("social.trc.trip", "action_start", [trip])
    trc.call("social.trc.report", "action_record_visit", [report])
    trc.call(
        "social.trc.trip",
        "write",
        [trip],
        {"odometer_in": 1236, "fuel_cost": 150_000, "dpa_line_id": fuel_line},
    )
    trc.call("social.trc.trip", "action_return", [trip])
    trip_row = trc.read1("social.trc.trip", trip, ["state", "distance"])
    check(
        trip_row["state"] == "done" and trip_row["distance"] == 36, f"trip: {trip_row}"
    )
    office.step("the person checks in at the rumah singgah; the complaint is handled")
    beds = admin.read1("social.shelter", shelter, ["bed_ids"])["bed_ids"]
    stay = office["shelter"].call(
        "social.shelter.stay",
        "create",
        [
            {
                "shelter_id": shelter,
                "bed_id": beds[0],
                "client_id": client_id,
                "report_id": report,
                "reason": "Terlantar, keluarga belum ditemukan",
            }
        ],
    )
    office["shelter"].refused(
        "already taken",
        "social.shelter.stay",
        "create",
        [
            {
                "shelter_id": shelter,
                "bed_id": beds[0],
                "client_id": client_id,
                "reason": "x",
            }
        ],
    )
    trc.call(
        "social.trc.report",
        "write",
        [report],
        {"handling_note": "Dibawa ke rumah singgah"},
    )
    trc.call("social.trc.report", "action_handle", [report])
    office["kasi"].call("social.trc.report", "action_close", [report])
    state = trc.read1("social.trc.report", report, ["state"])["state"]
    check(state == "closed", f"complaint not closed: {state}")
    office.trip_cost = 150_000
    office.stay_id = stay
    return client_id


def part_shelter_checkout(office):
    """Placed in an institution by the recommendation: the stay ends, its meals are
    charged to the DPA."""
    office.step("the person leaves the rumah singgah for the panti; meals are charged")
    shelter = office["shelter"]
    shelter.call(
        "social.shelter.stay", "write", [office.stay_id], {"outcome": "institution"}
    )
    shelter.call("social.shelter.stay", "action_check_out", [office.stay_id])
    stay = shelter.read1(
        "social.shelter.stay", office.stay_id, ["state", "dpa_cost_amount"]
    )
    check(stay["state"] == "done" and stay["dpa_cost_amount"] > 0, f"stay: {stay}")
    office.stay_cost = stay["dpa_cost_amount"]


def part_outreach(office, client_id):
    """An outreach day checks participants in from three desks at once: queue numbers
    1..n, none twice, none missing; its costs go to the DPA."""
    admin, desk = office.admin, office["staff"]
    regency = admin.call(
        "social.region", "search", [("level", "=", "regency")], limit=1
    )[0]
    office.step("the staff plans the day, the desks invite 30 participants")
    event = desk.call(
        "social.outreach.event",
        "create",
        [
            {
                "name": f"Yansos Jejama E2E {RUN}",
                "regency_id": regency,
                "date_start": TODAY.isoformat(),
                "date_end": TODAY.isoformat(),
                "dpa_line_id": office.dpa_line_ids[0],
            }
        ],
    )
    desk.refused(
        "only a confirmed day can start",
        "social.outreach.event",
        "action_start",
        [event],
    )
    desk.call("social.outreach.event", "action_confirm", [event])
    desk.call("social.outreach.event", "action_start", [event])
    clients = [client_id] + [
        desk.call(
            "social.client",
            "create",
            [
                {
                    "name": f"Peserta {i} {RUN}",
                    "no_identity": True,
                    "no_identity_description": "Datang ke Yansos",
                }
            ],
        )
        for i in range(29)
    ]
    participants = [
        desk.call(
            "social.outreach.participant",
            "create",
            [{"event_id": event, "client_id": c}],
        )
        for c in clients
    ]
    desk.refused(
        "already a participant",
        "social.outreach.participant",
        "create",
        [{"event_id": event, "client_id": client_id}],
    )
    office.step("three desks check the 30 in at the same time")
    desks = [office["staff"], office["desk2"], office["desk3"]]

    def check_in(index):
        return desks[index % 3].call(
            "social.outreach.participant", "action_check_in", [participants[index]]
        )

    with ThreadPoolExecutor(max_workers=6) as pool:
        numbers = list(pool.map(check_in, range(len(participants))))
    check(sorted(numbers) == list(range(1, 31)), f"queue numbers: {sorted(numbers)}")
    again = desk.call(
        "social.outreach.participant", "action_check_in", [participants[0]]
    )
    check(again == numbers[0], "a second check-in changed the queue number")
    office.step("the day's consumption is charged to the DPA")
    cost = desk.call(
        "social.outreach.cost",
        "create",
        [
            {
                "event_id": event,
                "kind": "consumption",
                "description": "Snack peserta",
                "amount": 900_000,
            }
        ],
    )
    desk.call("social.outreach.cost", "action_charge", [cost])
    office.outreach_cost = 900_000


def part_dpa_costs(office):
    """The DPA shows every cost charged by the others, read by finance."""
    lines = office["finance"].call(
        "social.dpa.line", "read", office.dpa_line_ids, ["amount_realized"]
    )
    realized = sum(line["amount_realized"] for line in lines)
    expected = office.trip_cost + office.stay_cost + office.outreach_cost
    office.step(f"the DPA shows every cost: {realized:,.0f} realised")
    check(
        abs(realized - expected) < 0.01, f"DPA realised {realized}, expected {expected}"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--admin-password", default="admin")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        office = Office(args.url.rstrip("/"), args.db, args.admin_password)
        print("DPA", flush=True)
        part_dpa(office)
        print("Complaint, surat tugas, trip and rumah singgah (TRC)", flush=True)
        client_id = part_trc(office)
        print("Rehabilitation case", flush=True)
        part_rehab_case(office, client_id)
        print("Recommendation", flush=True)
        part_recommendation(office, client_id)
        part_shelter_checkout(office)
        print("Outreach day", flush=True)
        part_outreach(office, client_id)
        print("DPA", flush=True)
        part_dpa_costs(office)
    except (AssertionError, RpcError, urllib.error.URLError) as error:
        print(f"E2E FAILED: {error}", flush=True)
        return 1
    print(f"E2E passed in {time.monotonic() - started:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
