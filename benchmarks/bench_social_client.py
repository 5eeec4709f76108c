"""Benchmarks of the client registry (issue 2).

Figures: batch create of 10,000 clients against 10,000 res.partner with the
same base fields, one NIK looked up among 100,000 clients, the client export
to XLSX against Odoo's own export of the same columns (time at 20,000 clients,
peak Python memory at 5,000 and 20,000), and the full region load.
"""

import datetime
import gc
import io
import time
import tracemalloc

import xlsxwriter

from odoo import Command
from odoo.tools import split_every

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

    # 3. Export to XLSX: ours against Odoo's own export_data, in the same run
    _export_figures(env)

    # 4. Full region load (villages included)
    t_regions, created = _timed(
        lambda: env["social.region"]._load_lokal_regions(villages=True)
    )
    env.flush_all()
    print(
        f"load all regions (villages): {created} created in {t_regions:.1f} s; "
        f"total {env['social.region'].search_count([])}"
    )


# The columns of the client export (report.social_client.social_client_xlsx)
# as export_data paths, for Odoo's own export of the same data.
EXPORT_PATHS = [
    "registration_number",
    "name",
    "nik",
    "kk_number",
    "no_identity",
    "gender",
    "birth_place",
    "birth_date",
    "age",
    "street",
    "rt",
    "rw",
    "village_id/name",
    "district_id/name",
    "regency_id/name",
    "province_id/name",
    "phone",
    "ppks_type_ids",
    "cluster_id/name",
    "disability_type_ids",
    "dtks_status",
    "bpjs_number",
    "bpjs_status",
    "documents_complete",
    "social_worker_id/name",
]


def _odoo_export(env, domain):
    """What the web client's XLSX export does (web/controllers/export.py,
    ExportFormat.base and ExportXlsxWriter): export_data per batch of 1,000
    records, then xlsxwriter in memory with its typed cells."""
    Model = env["social.client"]
    records = Model.search(domain)
    rows = []
    for batch in split_every(1000, records.ids, Model.browse):
        rows.extend(batch.export_data(EXPORT_PATHS)["datas"])
        batch.invalidate_recordset()
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    bold = workbook.add_format({"bold": True})
    base = workbook.add_format({"text_wrap": True})
    date_style = workbook.add_format({"text_wrap": True, "num_format": "yyyy-mm-dd"})
    float_style = workbook.add_format({"text_wrap": True, "num_format": "#,##0.00"})
    sheet = workbook.add_worksheet()
    for col, path in enumerate(EXPORT_PATHS):
        sheet.write(0, col, path, bold)
    sheet.set_column(0, len(EXPORT_PATHS) - 1, 30)
    for row_index, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            style = base
            if isinstance(value, str):
                value = value.replace("\r", " ")
            elif isinstance(value, datetime.date):
                style = date_style
            elif isinstance(value, float):
                style = float_style
            sheet.write(row_index, col, value, style)
    workbook.close()
    return len(output.getvalue())


def _our_export(env, domain):
    """The export wizard and its download route: search, XLSX on the table
    base into a temporary file, export record, file sent in blocks."""
    wizard = env["social.client.export.wizard"].create({"domain": repr(domain)})
    wizard.action_export()
    output, _filename = wizard._export_file()
    size = 0
    with output:
        while block := output.read(65536):
            size += len(block)
    return size


def _fresh(env):
    env.flush_all()
    env.invalidate_all()
    gc.collect()


def _peak(env, func, *args):
    """Peak Python memory (tracemalloc) of one call, in MB."""
    _fresh(env)
    tracemalloc.start()
    try:
        func(env, *args)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6


def _export_figures(env):
    Client = env["social.client"]
    # realistic rows: a village (in the NIK's district), a PPKS type and, for
    # a quarter of them, a disability type per client
    codes = [f"{d[:2]}.{d[2:4]}.{d[4:]}" for d in DISTRICTS]
    districts = env["social.region"]._code_map(codes)
    villages = env["social.region"].create(
        [
            {
                "code": f"{code}.9{k:03d}",
                "name": f"Desa Bench {code} {k}",
                "level": "village",
                "kind": "desa",
                "parent_id": districts[code].id,
            }
            for code in codes
            for k in range(3)
        ]
    )
    ppks = env["social.ppks.type"].search([], limit=5)
    disability = env["social.disability.type"].search([], limit=3)
    # clients are created in index order: client i has the NIK _nik(i)
    ids = Client.search([], limit=20_000, order="id").ids
    groups = {}
    for i, client_id in enumerate(ids):
        village = villages[(i % len(DISTRICTS)) * 3 + i % 3]
        groups.setdefault((village, i % len(ppks), i % 12), []).append(client_id)
    quiet = Client.with_context(tracking_disable=True)
    for (village, ppks_index, disability_index), group_ids in groups.items():
        quiet.browse(group_ids).write(
            {
                "village_id": village.id,
                "ppks_type_ids": [Command.set(ppks[ppks_index].ids)],
                "disability_type_ids": [
                    Command.set(
                        disability[disability_index].ids
                        if disability_index < len(disability)
                        else []
                    )
                ],
            }
        )
    _fresh(env)
    # a filter, as the list view hands it to the wizard
    small = [("id", "<=", ids[4999])]
    large = [("id", "<=", ids[-1])]

    # time at 20,000 clients: best of two runs each, alternating
    times = {"ours": [], "odoo": []}
    sizes = {}
    for _run in range(2):
        for name, func in (("odoo", _odoo_export), ("ours", _our_export)):
            _fresh(env)
            elapsed, size = _timed(lambda func=func: func(env, large))
            times[name].append(elapsed)
            sizes[name] = size
    ours, odoo = min(times["ours"]), min(times["odoo"])
    print(
        f"export {len(ids)} clients to XLSX, 25 columns: ours (wizard) {ours:.2f} s "
        f"({sizes['ours'] / 1e6:.1f} MB), Odoo export_data + xlsxwriter "
        f"{odoo:.2f} s ({sizes['odoo'] / 1e6:.1f} MB); ratio ours / Odoo "
        f"{ours / odoo:.2f}"
    )

    # peak Python memory at 5,000 and 20,000 clients
    peaks = {
        name: (_peak(env, func, small), _peak(env, func, large))
        for name, func in (("ours", _our_export), ("odoo", _odoo_export))
    }
    for name, label in (("ours", "ours (wizard)"), ("odoo", "Odoo export_data")):
        at_5k, at_20k = peaks[name]
        print(
            f"peak Python memory of the export, {label}: {at_5k:.1f} MB at 5000 "
            f"clients, {at_20k:.1f} MB at {len(ids)}; ratio {at_20k / at_5k:.2f}"
        )
