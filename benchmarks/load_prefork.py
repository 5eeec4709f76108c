"""Load benchmark: concurrent users over JSON-RPC against a running (prefork) server.

Each virtual user logs in with its own account and repeats a day's mix of its role:

- staff: search the registry by name, open a client, register a client;
- social worker: list their cases, open a case, move it from engagement to assessment;
- Kasi: read the overview tiles, sign an intervention plan waiting for them;
- registration desk (when social_outreach is installed): check a participant in.

The setup (users, cases with plans waiting for the Kasi, an outreach event) is done
before the clock starts, by the administrator and the users themselves. Prints the
throughput, the 50th/95th percentile latency per kind of request and the errors (any
error fails the run).

Usage, against a server started for it (see README, "Production"):

    python3 benchmarks/load_prefork.py --url URL --db DB [--users 50] [--rounds 10]

Standard library only; reuses the JSON-RPC client of tests/e2e_jsonrpc.py.
"""

import argparse
import collections
import random
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from e2e_jsonrpc import RUN, Client, Office, RpcError  # noqa: E402


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = collections.defaultdict(list)
        self.errors = []

    def timed(self, kind, func, *args, **kwargs):
        started = time.perf_counter()
        try:
            return func(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - every failure is counted
            with self.lock:
                self.errors.append(f"{kind}: {error}")
            return None
        finally:
            with self.lock:
                self.times[kind].append(time.perf_counter() - started)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class LoadOffice(Office):
    """The office of the benchmark: one account per virtual user."""

    def __init__(self, url, db, admin_password, counts):
        super().__init__(url, db, admin_password)
        self.pool = collections.defaultdict(list)
        self.step(f"creating {sum(counts.values())} load users")
        for role, count in counts.items():
            for index in range(count):
                login = f"load_{role}_{index}_{RUN}"
                self.admin.call(
                    "res.users",
                    "create",
                    [
                        {
                            "name": f"Load {role} {index}",
                            "login": login,
                            "password": f"{login}-pw",
                            "group_ids": [(6, 0, [self.ref(self.ROLES[role])])],
                            "company_id": self.company_id,
                            "company_ids": [(6, 0, [self.company_id])],
                        }
                    ],
                )
                self.pool[role].append(Client(url, db, login, f"{login}-pw"))


def prepare_plans(office, workers, rounds):
    """Cases of each social worker with a plan waiting for the Kasi's signature."""
    stage = {
        name: office.ref(f"social_rehab_case.stage_{name}")
        for name in ("asesmen", "rencana_intervensi")
    }
    plans = []
    for worker in workers:
        client_ids = [
            worker.call(
                "social.client",
                "create",
                [
                    {
                        "name": f"Klien Beban {i}",
                        "no_identity": True,
                        "no_identity_description": "Uji beban",
                    }
                ],
            )
            for i in range(rounds)
        ]
        for client_id in client_ids:
            case_id = worker.call(
                "social.rehab.case", "create", [{"client_id": client_id}]
            )
            worker.call(
                "social.rehab.case", "write", [case_id], {"stage_id": stage["asesmen"]}
            )
            assessment = worker.call(
                "social.rehab.assessment",
                "create",
                [{"case_id": case_id, "problems": "Uji"}],
            )
            worker.call("social.rehab.assessment", "action_complete", [assessment])
            worker.call(
                "social.rehab.case",
                "write",
                [case_id],
                {"stage_id": stage["rencana_intervensi"]},
            )
            plan = worker.call(
                "social.rehab.plan",
                "create",
                [
                    {
                        "case_id": case_id,
                        "line_ids": [
                            (0, 0, {"guidance_type": "fisik", "goal": "Sehat"})
                        ],
                    }
                ],
            )
            worker.call("social.rehab.plan", "action_request_approval", [plan])
            plans.append(plan)
    random.shuffle(plans)
    return plans


def prepare_outreach(office, desks, rounds):
    """An event in progress with participants invited for the desks to check in."""
    admin = office.admin
    if not admin.call(
        "ir.model", "search_count", [("model", "=", "social.outreach.participant")]
    ):
        return None
    desk = desks[0]
    regency = admin.call(
        "social.region", "search", [("level", "=", "regency")], limit=1
    )
    today = time.strftime("%Y-%m-%d")
    event = desk.call(
        "social.outreach.event",
        "create",
        [
            {
                "name": f"Yansos Beban {RUN}",
                "regency_id": regency[0],
                "date_start": today,
                "date_end": today,
            }
        ],
    )
    desk.call("social.outreach.event", "action_confirm", [event])
    desk.call("social.outreach.event", "action_start", [event])
    participants = []
    for i in range(len(desks) * rounds):
        client = desk.call(
            "social.client",
            "create",
            [
                {
                    "name": f"Peserta Beban {i}",
                    "no_identity": True,
                    "no_identity_description": "Uji beban",
                }
            ],
        )
        participants.append(
            desk.call(
                "social.outreach.participant",
                "create",
                [{"event_id": event, "client_id": client}],
            )
        )
    return participants


def _row(kind, values):
    p50, p95 = percentile(values, 0.5) * 1000, percentile(values, 0.95) * 1000
    return f"{kind:<18}{len(values):>7}{p50:>9.0f}{p95:>9.0f}"


def report(rec, elapsed, office, participants):
    total = sum(len(v) for v in rec.times.values())
    every = [t for v in rec.times.values() for t in v]
    print(f"{total} requests in {elapsed:.1f} s: {total / elapsed:.1f} requests/s")
    print(f"{'request':<18}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}")
    for kind, values in sorted(rec.times.items()):
        print(_row(kind, values))
    print(_row("all", every))
    print(f"mean {statistics.mean(every) * 1000:.0f} ms; errors: {len(rec.errors)}")
    for error in rec.errors[:20]:
        print(f"  {error}")
    if participants is not None:
        numbers = office.admin.call(
            "social.outreach.participant",
            "search_read",
            [("id", "in", participants)],
            ["queue_number"],
        )
        got = sorted(n["queue_number"] for n in numbers if n["queue_number"])
        gaps = (got[-1] - len(got)) if got else 0
        print(
            f"queue numbers: {len(got)} given, duplicates {len(got) - len(set(got))}, "
            f"gaps {gaps}"
        )


def run(url, db, admin_password, users, rounds):
    counts = {"staff": users * 6 // 10, "peksos": users * 2 // 10, "kasi": users // 10}
    counts["staff"] += users - sum(counts.values()) - users // 10
    desks_count = users // 10
    counts_with_desks = dict(counts, staff=counts["staff"] + desks_count)
    print(f"setup: {counts_with_desks} users, {rounds} rounds each", flush=True)
    office = LoadOffice(url, db, admin_password, counts_with_desks)
    staff = office.pool["staff"][: counts["staff"]]
    desks = office.pool["staff"][counts["staff"] :]
    plans = prepare_plans(office, office.pool["peksos"], rounds)
    participants = prepare_outreach(office, desks, rounds)
    if participants is None:
        staff += desks
        desks = []
    plan_queue = collections.deque(plans)
    participant_queue = collections.deque(participants or [])
    engagement = office.ref("social_rehab_case.stage_pendekatan_awal")
    assessment = office.ref("social_rehab_case.stage_asesmen")
    rec = Recorder()

    def staff_day(user):
        for i in range(rounds):
            found = rec.timed(
                "search clients",
                user.call,
                "social.client",
                "search_read",
                [
                    (
                        "name",
                        "ilike",
                        random.choice(["Klien", "Peserta", "Siti", "Budi"]),
                    )
                ],
                ["name", "registration_number", "village_id"],
                limit=80,
            )
            if found:
                rec.timed(
                    "open client",
                    user.call,
                    "social.client",
                    "web_read",
                    [found[0]["id"]],
                    {
                        "name": {},
                        "nik": {},
                        "ppks_type_ids": {"fields": {"display_name": {}}},
                    },
                )
            rec.timed(
                "register client",
                user.call,
                "social.client",
                "create",
                [
                    {
                        "name": f"Warga {user.uid}-{i}",
                        "no_identity": True,
                        "no_identity_description": "Datang ke kantor",
                    }
                ],
            )

    def peksos_day(user):
        for _ in range(rounds):
            client = user.call(
                "social.client",
                "create",
                [
                    {
                        "name": "Klien Kasus",
                        "no_identity": True,
                        "no_identity_description": "Uji",
                    }
                ],
            )
            case = rec.timed(
                "open case",
                user.call,
                "social.rehab.case",
                "create",
                [{"client_id": client}],
            )
            rec.timed(
                "list my cases",
                user.call,
                "social.rehab.case",
                "web_search_read",
                [("user_id", "=", user.uid)],
                {
                    "name": {},
                    "stage_id": {"fields": {"display_name": {}}},
                    "client_id": {"fields": {"display_name": {}}},
                },
                limit=40,
            )
            if case:
                rec.timed(
                    "move case",
                    user.call,
                    "social.rehab.case",
                    "write",
                    [case],
                    {"stage_id": assessment},
                )

    def kasi_day(user):
        for _ in range(rounds):
            rec.timed(
                "overview",
                user.call,
                "social.overview.tile",
                "web_search_read",
                [("accessible", "=", True)],
                {"name": {}, "value_display": {}, "alert_count": {}, "breakdown": {}},
            )
            try:
                plan = plan_queue.popleft()
            except IndexError:
                continue
            rec.timed(
                "sign plan", user.call, "social.rehab.plan", "validate_tier", [plan]
            )

    def desk_day(user):
        for _ in range(rounds):
            try:
                participant = participant_queue.popleft()
            except IndexError:
                return
            rec.timed(
                "check in",
                user.call,
                "social.outreach.participant",
                "action_check_in",
                [participant],
            )

    jobs = [(staff_day, u) for u in staff] + [
        (peksos_day, u) for u in office.pool["peksos"]
    ]
    jobs += [(kasi_day, u) for u in office.pool["kasi"]] + [
        (desk_day, u) for u in desks
    ]
    print(f"load: {len(jobs)} concurrent users", flush=True)
    del engagement
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        for future in [pool.submit(func, user) for func, user in jobs]:
            future.result()
    elapsed = time.perf_counter() - started
    report(rec, elapsed, office, participants)
    return 1 if rec.errors else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--admin-password", default="admin")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args(argv)
    try:
        return run(
            args.url.rstrip("/"), args.db, args.admin_password, args.users, args.rounds
        )
    except RpcError as error:
        print(f"setup failed: {error}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
