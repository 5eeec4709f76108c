"""Benchmark of the suite's overview (issue 10).

Figures: the overview of a Kadis (the kanban's read of its tiles with their figures,
as the web client asks for it) with 1,000 cases, 100 recommendations, a DPA of 200
lines (and 1,000 complaints when social_trc_fleet is installed), then with ten times
as many: 10,000 cases, 1,000 recommendations, a DPA of 2,000 lines, 10,000
complaints. Time and query count; the query count must not grow with the records.
"""

import datetime
import importlib.util
import time
from pathlib import Path

from odoo.tools import SQL

HERE = Path(__file__).resolve().parent
TILE_SPEC = {
    "name": {},
    "section": {},
    "value": {},
    "value_display": {},
    "alert_count": {},
    "alert_label": {},
    "breakdown": {},
    "description": {},
}


def _sibling(name):
    """A sibling benchmark file, for its data builders."""
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _overview(env, user):
    Tile = env["social.overview.tile"].with_user(user)
    env.invalidate_all()
    before = env.cr.sql_log_count
    start = time.perf_counter()
    result = Tile.with_context(read_group_expand=True).web_read_group(
        [("accessible", "=", True)],
        ["section"],
        aggregates=["__count"],
        auto_unfold=True,
        unfold_read_specification=TILE_SPEC,
        unfold_read_default_limit=80,
    )
    elapsed = time.perf_counter() - start
    tiles = sum(len(group.get("__records", [])) for group in result["groups"])
    return elapsed, env.cr.sql_log_count - before, tiles


def _users(env):
    def user(login, group):
        return env["res.users"].create(
            {
                "name": login,
                "login": login,
                "group_ids": [(6, 0, env.ref(group).ids)],
            }
        )

    kadis = user("bench_overview_kadis", "social_client.group_social_kadis")
    workers = [
        user(f"bench_overview_peksos{i}", "social_client.group_social_user")
        for i in range(5)
    ]
    return kadis, workers


def _recommendations(env, clients, count, start):
    kind = env.ref("social_recommendation.type_elderly_home")
    return env["social.recommendation"].create(
        [
            {
                "client_id": clients[i % len(clients)].id,
                "type_id": kind.id,
                "request_from": "Kelurahan Bench",
                "request_letter_number": f"400/{i}/BENCH",
            }
            for i in range(start, start + count)
        ]
    )


def _complaints(env, count, start):
    if "social.trc.report" not in env:
        return 0
    Report = env["social.trc.report"]
    fields = Report._fields
    received = datetime.datetime.now() - datetime.timedelta(days=3)
    values = []
    for i in range(start, start + count):
        vals = {"description": f"Orang terlantar di pasar {i}"}
        if "date_received" in fields:
            vals["date_received"] = received
        values.append(vals)
    Report.create(values)
    return count


def _approve_dpa(env, dpa, others):
    # fixture: approved without the sign-off (measured by the tests); one approved
    # DPA per year and office
    if others:
        env.cr.execute(
            SQL(
                "UPDATE social_dpa SET state = 'draft' WHERE id IN %s",
                tuple(others.ids),
            )
        )
    env.cr.execute(
        SQL("UPDATE social_dpa SET state = 'approved' WHERE id = %s", dpa.id)
    )
    env.invalidate_all()


def run(env):
    rehab = _sibling("bench_social_rehab_case")
    dpa_bench = _sibling("bench_social_dpa")
    kadis, workers = _users(env)
    clients = env["social.client"].create(
        [
            {
                "name": f"Klien Overview {i}",
                "no_identity": True,
                "no_identity_description": "Ditemukan di jalan.",
            }
            for i in range(500)
        ]
    )
    subs, accounts = dpa_bench._codes(env)
    year = datetime.date.today().year
    print("building the data (not timed) ...", flush=True)

    figures = []
    cases = rehab._cases(env, clients, workers, 1000)
    rehab._spread(env, cases)
    _recommendations(env, clients, 100, 0)
    complaints = _complaints(env, 1000, 0)
    dpa_small = dpa_bench._dpa(env, year, subs, accounts, 200)
    _approve_dpa(env, dpa_small, None)
    env.flush_all()
    _overview(env, kadis)  # warm the caches of views, rules and translations
    figures.append(
        (
            "1,000 cases, 100 recommendations, DPA of 200 lines",
            _overview(env, kadis),
            complaints,
        )
    )

    more = rehab._cases(env, clients, workers, 9000, start=1000)
    rehab._spread(env, more)
    _recommendations(env, clients, 900, 100)
    complaints += _complaints(env, 9000, 1000)
    dpa_large = dpa_bench._dpa(env, year, subs, accounts, 2000)
    _approve_dpa(env, dpa_large, dpa_small)
    env.flush_all()
    _overview(env, kadis)  # the new records cleared some caches: warm them again
    figures.append(
        (
            "10,000 cases, 1,000 recommendations, DPA of 2,000 lines",
            _overview(env, kadis),
            complaints,
        )
    )

    for label, (elapsed, queries, tiles), n_complaints in figures:
        extra = f", {n_complaints:,} complaints" if n_complaints else ""
        print(
            f"overview of a Kadis ({label}{extra}): {tiles} tiles, "
            f"{elapsed:.2f} s, {queries} queries"
        )
    if "social.trc.report" not in env:
        print("(social_trc_fleet not installed: no complaints in these figures)")
