"""Benchmarks of the client registry (issue 2).

Figures: batch create of 10,000 clients against 10,000 res.partner with the
same base fields, one NIK looked up among 100,000 clients, 50,000 clients
exported to XLSX (time and peak memory), and the full region load.
"""

import datetime
import time
import tracemalloc

DISTRICTS = ["187101", "187102", "180801", "180901", "630101", "621101"]


def _nik(i):
    """A valid, unique NIK for index i (up to 6 x 9,000 x 9,999)."""
    district = DISTRICTS[i % len(DISTRICTS)]
    day_index, serial = divmod(i // len(DISTRICTS), 9999)
    birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=day_index * 7)
    day = birth.day + (40 if i % 2 else 0)
    return f"{district}{day:02d}{birth:%m%y}{serial + 1:04d}"


def _client_vals(start, count):
    return [
        {
            "name": f"Klien Bench {i}",
            "nik": _nik(i),
            "phone": f"0812{i:08d}",
            "street": f"Jl. Bench No. {i}",
            "dtks_status": "dtsen",
        }
        for i in range(start, start + count)
    ]


def _timed(func):
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def _queries(env, func):
    before = env.cr.sql_log_count
    result = func()
    return env.cr.sql_log_count - before, result


def run(env):
    Client = env["social.client"]
    env["social.region"]._load_lokal_regions(villages=False)

    # 1. Batch create: clients against partners with the same base fields
    n = 10_000
    partner_vals = [
        {"name": v["name"], "phone": v["phone"], "street": v["street"]}
        for v in _client_vals(0, n)
    ]
    t_partner, _p = _timed(lambda: env["res.partner"].create(partner_vals))
    env.flush_all()
    client_vals = _client_vals(0, n)
    queries = {}

    def create_clients():
        count, records = _queries(env, lambda: Client.create(client_vals))
        env.flush_all()
        queries["create"] = count
        return records

    t_client, _c = _timed(create_clients)
    env.flush_all()
    print(f"create {n} res.partner: {t_partner:.2f} s ({n / t_partner:.0f}/s)")
    print(
        f"create {n} social.client: {t_client:.2f} s ({n / t_client:.0f}/s), "
        f"{queries['create']} queries"
    )
    print(f"ratio social.client / res.partner: {t_client / t_partner:.2f}")
    env.invalidate_all()

    # 2. One NIK among 100,000 clients
    total = 100_000
    for start in range(n, total, 10_000):
        Client.create(_client_vals(start, 10_000))
        env.flush_all()
        env.invalidate_all()
    print(f"clients in database: {Client.search_count([])}")
    targets = [_nik(i) for i in range(0, total, total // 100)]
    start = time.perf_counter()
    for nik in targets:
        found = Client.search([("nik", "=", nik)])
        assert len(found) == 1, nik
    per_lookup = (time.perf_counter() - start) / len(targets)
    print(
        f"look up one NIK among {total}: {per_lookup * 1000:.2f} ms "
        f"(mean of {len(targets)})"
    )

    # 3. Export 50,000 clients to XLSX
    env.invalidate_all()
    export_ids = Client.search([], limit=50_000, order="id").ids
    wizard = env["social.client.export.wizard"].create(
        {"domain": repr([("id", "in", export_ids)])}
    )
    t_export, _r = _timed(wizard.action_export)
    size = len(wizard.file or b"") * 3 // 4
    env.invalidate_all()
    tracemalloc.start()
    env["ir.actions.report"].with_context(active_model="social.client")._render_xlsx(
        "social_client.social_client_xlsx_report", export_ids, {}
    )
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"export {len(export_ids)} clients to XLSX: {t_export:.2f} s, "
        f"file {size / 1e6:.1f} MB, peak Python memory {peak / 1e6:.0f} MB"
    )

    # 4. Full region load (villages included)
    t_regions, created = _timed(
        lambda: env["social.region"]._load_lokal_regions(villages=True)
    )
    env.flush_all()
    print(
        f"load all regions (villages): {created} created in {t_regions:.1f} s; "
        f"total {env['social.region'].search_count([])}"
    )
