"""Parallel check-in desks over JSON-RPC against a running server (issue 8).

Creates an outreach day of today, started, with DESKS x PER_DESK invited
participants (clients without identity), then DESKS threads check them in at
the same time, each participant by its own call of
``social.outreach.participant.action_check_in`` (its own request and
transaction). Checks that the queue numbers are exactly 1..N (no duplicate, no
gap) and prints the time per check-in at the 50th and 95th percentile.

Start a server of your own first, e.g.
    python3 -m odoo -c odoo.conf -d DB --http-port 8171
then
    python3 benchmarks/rpc_social_outreach_checkin.py --url http://127.0.0.1:8171 \\
        --db DB --login admin --password admin

The data stay in the database (an outreach day named "RPC bench ...").
"""

import argparse
import json
import statistics
import sys
import threading
import time
import urllib.request
import uuid
from datetime import date


class Rpc:
    def __init__(self, url, db, login, password):
        self.url = url.rstrip("/") + "/jsonrpc"
        self.db, self.password = db, password
        self.uid = self.call("common", "login", db, login, password)
        if not self.uid:
            raise SystemExit("login refused")

    def call(self, service, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": args},
            "id": uuid.uuid4().hex,
        }
        request = urllib.request.Request(
            self.url,
            json.dumps(payload).encode(),
            {"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            answer = json.loads(response.read())
        if answer.get("error"):
            raise RuntimeError(answer["error"]["data"]["message"])
        return answer["result"]

    def execute(self, model, method, *args, **kwargs):
        return self.call(
            "object",
            "execute_kw",
            self.db,
            self.uid,
            self.password,
            model,
            method,
            list(args),
            kwargs,
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", required=True)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--desks", type=int, default=10)
    parser.add_argument("--per-desk", type=int, default=100)
    args = parser.parse_args(argv)
    rpc = Rpc(args.url, args.db, args.login, args.password)
    total = args.desks * args.per_desk
    today = date.today().isoformat()
    mark = uuid.uuid4().hex[:6]
    event_id = rpc.execute(
        "social.outreach.event",
        "create",
        {"name": f"RPC bench {mark}", "date_start": today, "date_end": today},
    )
    rpc.execute("social.outreach.event", "action_confirm", [event_id])
    rpc.execute("social.outreach.event", "action_start", [event_id])
    participant_ids = []
    for start in range(0, total, 250):
        client_ids = rpc.execute(
            "social.client",
            "create",
            [
                {
                    "name": f"Peserta RPC {mark} {i}",
                    "no_identity": True,
                    "no_identity_description": "Benchmark",
                }
                for i in range(start, min(total, start + 250))
            ],
        )
        participant_ids += rpc.execute(
            "social.outreach.participant",
            "create",
            [{"event_id": event_id, "client_id": cid} for cid in client_ids],
        )
    # desk d checks in participants d, d + desks, d + 2 desks, ...: interleaved
    slices = [participant_ids[d :: args.desks] for d in range(args.desks)]
    latencies, errors = [], []
    lock = threading.Lock()
    barrier = threading.Barrier(args.desks)

    def desk(ids):
        own = Rpc(args.url, args.db, args.login, args.password)
        barrier.wait()
        for pid in ids:
            start = time.perf_counter()
            try:
                own.execute("social.outreach.participant", "action_check_in", [pid])
            except Exception as exc:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(str(exc))
                continue
            with lock:
                latencies.append(time.perf_counter() - start)

    threads = [threading.Thread(target=desk, args=(ids,)) for ids in slices]
    wall = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - wall
    rows = rpc.execute(
        "social.outreach.participant",
        "search_read",
        [("event_id", "=", event_id)],
        fields=["queue_number"],
    )
    numbers = sorted(r["queue_number"] for r in rows if r["queue_number"])
    duplicates = len(numbers) - len(set(numbers))
    missing = sorted(set(range(1, total + 1)) - set(numbers))
    quantiles = (
        statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    )
    print(
        f"{args.desks} desks x {args.per_desk} check-ins over JSON-RPC: "
        f"{wall:.1f} s wall"
    )
    print(
        f"check-ins {len(latencies)} ok, {len(errors)} failed; "
        f"p50 {quantiles[49] * 1000:.0f} ms, p95 {quantiles[94] * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms; {len(latencies) / wall:.1f} check-ins/s"
    )
    print(
        f"queue numbers: {len(numbers)} given, {duplicates} duplicates, "
        f"{len(missing)} missing"
    )
    for error in errors[:5]:
        print("error:", error)
    return 0 if not errors and not duplicates and not missing else 1


if __name__ == "__main__":
    sys.exit(main())
