"""Benchmarks of the TRC, fleet and shelter add-on (issue 9).

Figures: booking a trip (the overlap check in Python, then the insert under
the PostgreSQL exclusion constraints) and refusing an overlapping one, among
1,000 and 10,000 trips, with the query counts (they must not grow); the
complaint kanban (grouped read of the state columns with the cards' fields,
the live "overdue" and "at risk" flags included, as the web client asks for
them) with 1,000 and 10,000 complaints, and the search of the overdue ones.
"""

import time
from datetime import datetime, timedelta

from odoo.exceptions import ValidationError

REPORT_SPEC = {
    "name": {},
    "ppks_type_id": {"fields": {"display_name": {}}},
    "location_address": {},
    "date_received": {},
    "urgency_id": {"fields": {"display_name": {}}},
    "is_overdue": {},
    "is_at_risk": {},
    "activity_ids": {"fields": {}},
}
BASE = datetime(2031, 1, 6, 0, 0)


def _trips(env, vehicles, drivers, n, start=0):
    """``n`` trips of two hours, one per vehicle and slot, never overlapping."""
    per_slot = len(vehicles)
    return env["social.trc.trip"].create(
        [
            {
                "vehicle_id": vehicles[i % per_slot].id,
                "driver_id": drivers[i % per_slot].id,
                "date_departure": BASE + timedelta(hours=3 * (i // per_slot)),
                "date_return": BASE + timedelta(hours=3 * (i // per_slot) + 2),
                "destination": "Bench",
            }
            for i in range(start, start + n)
        ]
    )


def _book(env, vehicle, driver, start):
    env.invalidate_all()
    before = env.cr.sql_log_count
    t0 = time.perf_counter()
    try:
        with env.cr.savepoint():
            env["social.trc.trip"].create(
                {
                    "vehicle_id": vehicle.id,
                    "driver_id": driver.id,
                    "date_departure": start,
                    "date_return": start + timedelta(hours=2),
                    "destination": "Bench",
                }
            )
            env.flush_all()
        refused = False
    except ValidationError:
        refused = True
    return time.perf_counter() - t0, env.cr.sql_log_count - before, refused


def _kanban(env):
    env.invalidate_all()
    before = env.cr.sql_log_count
    t0 = time.perf_counter()
    result = env["social.trc.report"].web_read_group(
        [],
        ["state"],
        aggregates=["__count"],
        auto_unfold=True,
        unfold_read_specification=REPORT_SPEC,
        unfold_read_default_limit=40,
    )
    elapsed = time.perf_counter() - t0
    return elapsed, env.cr.sql_log_count - before, result


def _overdue_search(env):
    env.invalidate_all()
    before = env.cr.sql_log_count
    t0 = time.perf_counter()
    count = env["social.trc.report"].search_count([("is_overdue", "=", True)])
    return time.perf_counter() - t0, env.cr.sql_log_count - before, count


def _reports(env, n, start=0):
    now = datetime.now()
    urgencies = env["social.trc.urgency"].search([])
    return env["social.trc.report"].create(
        [
            {
                "channel": "whatsapp",
                "reporter_anonymous": True,
                "description": f"Laporan uji kinerja {i}",
                "location_address": "Banjarbaru",
                "urgency_id": urgencies[i % len(urgencies)].id,
                # from a month ago to now: part of them overdue
                "date_received": now - timedelta(minutes=4 * (i % 10_000)),
            }
            for i in range(start, start + n)
        ]
    )


def run(env):
    setup = env(
        context=dict(env.context, tracking_disable=True, mail_create_nolog=True)
    )
    model = env["fleet.vehicle.model"].create(
        {"name": "Bench", "brand_id": env.ref("fleet.brand_toyota").id}
    )
    vehicles = env["fleet.vehicle"].create(
        [{"model_id": model.id, "license_plate": f"DA {i} BN"} for i in range(20)]
    )
    drivers = env["hr.employee"].create([{"name": f"Sopir {i}"} for i in range(21)])
    spare = drivers[20]
    drivers = drivers[:20]

    # 1. booking among 1,000 then 10,000 trips
    _trips(setup, vehicles, drivers, 1000)
    env.flush_all()
    free = BASE + timedelta(days=3650)
    t_ok_1k, q_ok_1k, _r = _book(env, vehicles[0], spare, free)
    t_no_1k, q_no_1k, refused_1k = _book(env, vehicles[0], spare, BASE)
    t0 = time.perf_counter()
    _trips(setup, vehicles, drivers, 9000, start=1000)
    env.flush_all()
    print(f"set-up: 9,000 trips more in {time.perf_counter() - t0:.1f} s")
    t_ok_10k, q_ok_10k, _r = _book(env, vehicles[1], spare, free + timedelta(days=1))
    t_no_10k, q_no_10k, refused_10k = _book(
        env, vehicles[1], spare, BASE + timedelta(hours=3 * 400)
    )
    print(
        f"booking a free slot, 1,000 trips: {t_ok_1k * 1000:.1f} ms, {q_ok_1k} "
        f"queries; 10,000 trips: {t_ok_10k * 1000:.1f} ms, {q_ok_10k} queries"
    )
    print(
        f"refusing an overlap, 1,000 trips: {t_no_1k * 1000:.1f} ms, {q_no_1k} "
        f"queries; 10,000 trips: {t_no_10k * 1000:.1f} ms, {q_no_10k} queries "
        f"(refused: {refused_1k and refused_10k})"
    )
    print(
        "queries grow with the trips: "
        f"{'yes' if q_ok_10k > q_ok_1k or q_no_10k > q_no_1k else 'no'}"
    )

    # 2. the complaint kanban with its live flags
    _reports(setup, 1000)
    env.flush_all()
    t_1k, q_1k, _r = _kanban(env)
    s_1k, sq_1k, c_1k = _overdue_search(env)
    t0 = time.perf_counter()
    _reports(setup, 9000, start=1000)
    env.flush_all()
    print(f"set-up: 9,000 complaints more in {time.perf_counter() - t0:.1f} s")
    t_10k, q_10k, result = _kanban(env)
    s_10k, sq_10k, c_10k = _overdue_search(env)
    cards = sum(len(g.get("__records", [])) for g in result["groups"])
    print(
        f"complaint kanban, 1,000 complaints: {t_1k * 1000:.0f} ms, {q_1k} queries; "
        f"10,000 complaints: {t_10k * 1000:.0f} ms, {q_10k} queries "
        f"({len(result['groups'])} columns, {cards} cards)"
    )
    print(
        f"overdue search, 1,000: {s_1k * 1000:.0f} ms, {sq_1k} queries ({c_1k} "
        f"overdue); 10,000: {s_10k * 1000:.0f} ms, {sq_10k} queries ({c_10k} overdue)"
    )
    print(f"queries grow with the complaints: {'yes' if q_10k > q_1k else 'no'}")
