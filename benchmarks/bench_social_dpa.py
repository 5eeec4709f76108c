"""Benchmarks of the DPA budget (issue 6).

Figures: the realisation roll-up of a DPA with 2,000 lines and 200,000 analytic
lines (time and query count, which must not grow with the number of lines: the
same roll-up of 200 lines is measured next to it), the realised amounts of all
lines, the LRA workbook of the DPA, 200 charges in a row (each locks its line and
sums its realisation), and the import of a 2,000-row SIPD file.
"""

import base64
import time

from odoo.tools import SQL

from odoo.addons.social_dpa.tools.sipd_xlsx import build_sipd_xlsx

N_LINES = 2000
N_ANALYTIC = 200_000
N_SUBS = 20  # sub-kegiatan x accounts = lines
N_ACCOUNTS = N_LINES // N_SUBS


def _measure(env, label, func):
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    print(f"{label}: {elapsed:.2f} s, {queries} queries")
    return result


def _codes(env):
    """20 sub-kegiatan under a bench kegiatan and 100 accounts."""
    Node = env["social.dpa.nomenclature"]
    programme = env.ref("social_dpa.nomenclature_1_06_04")
    activity = Node.create(
        {
            "code": "1.06.04.2.99",
            "name": "Kegiatan Bench",
            "level": "activity",
            "parent_id": programme.id,
        }
    )
    subs = Node.create(
        [
            {
                "code": f"1.06.04.2.99.{i + 1:04d}",
                "name": f"Sub-kegiatan Bench {i + 1}",
                "level": "sub_activity",
                "parent_id": activity.id,
            }
            for i in range(N_SUBS)
        ]
    )
    accounts = env["social.dpa.account"].create(
        [
            {"code": f"5.1.02.98.01.{i + 1:04d}", "name": f"Belanja Bench {i + 1}"}
            for i in range(N_ACCOUNTS)
        ]
    )
    return subs, accounts


def _dpa(env, year, subs, accounts, count):
    pairs = [(s, a) for s in subs for a in accounts][:count]
    return env["social.dpa"].create(
        {
            "name": f"DPA Bench {year}",
            "fiscal_year": year,
            "line_ids": [
                (
                    0,
                    0,
                    {
                        "sub_activity_id": sub.id,
                        "rekening_id": account.id,
                        "amount": 1_000_000_000,
                    },
                )
                for sub, account in pairs
            ],
        }
    )


def run(env):
    subs, accounts = _codes(env)
    dpa = _measure(
        env,
        f"create a DPA of {N_LINES} lines (and their analytic accounts)",
        lambda: _dpa(env, 2040, subs, accounts, N_LINES),
    )
    small = _dpa(env, 2041, subs, accounts, N_LINES // 10)
    # fixture: approved without the sign-off (measured by the tests)
    env.cr.execute(
        SQL(
            "UPDATE social_dpa SET state = 'approved' WHERE id IN %s",
            (dpa.id, small.id),
        )
    )
    column = env["social.dpa.line"]._dpa_column()
    # 200,000 costs spread over the lines and the twelve months, written in SQL:
    # the benchmark is about reading them back
    start = time.perf_counter()
    for target, count in ((dpa, N_ANALYTIC), (small, N_ANALYTIC // 10)):
        env.cr.execute(
            SQL(
                """
                INSERT INTO account_analytic_line
                       (name, date, amount, company_id, currency_id, %(column)s,
                        category, create_uid, write_uid, create_date, write_date)
                SELECT 'Bench cost ' || g,
                       make_date(%(year)s, 1 + g %% 12, 1 + g %% 28),
                       -(1000 + g %% 5000), %(company)s, %(currency)s,
                       accounts.ids[1 + g %% array_length(accounts.ids, 1)],
                       'other', 1, 1, now(), now()
                  FROM generate_series(1, %(count)s) g,
                       (SELECT array_agg(analytic_account_id ORDER BY id) AS ids
                          FROM social_dpa_line WHERE dpa_id = %(dpa)s) accounts
                """,
                column=SQL.identifier(column),
                year=target.fiscal_year,
                company=target.company_id.id,
                currency=target.currency_id.id,
                count=count,
                dpa=target.id,
            )
        )
    env.cr.execute("ANALYZE account_analytic_line")
    print(
        f"insert {N_ANALYTIC + N_ANALYTIC // 10} analytic lines (SQL fixture): "
        f"{time.perf_counter() - start:.2f} s"
    )

    rollup = _measure(
        env,
        f"roll-up by level and month, {N_LINES} lines / {N_ANALYTIC} analytic lines",
        lambda: dpa._realization_rollup(by_month=True),
    )
    assert len(rollup["lines"]) == N_LINES
    _measure(
        env,
        f"roll-up by level and month, {N_LINES // 10} lines / "
        f"{N_ANALYTIC // 10} analytic lines (same query count)",
        lambda: small._realization_rollup(by_month=True),
    )
    total = rollup["total"]
    print(
        f"  ceiling {total['ceiling']:,.0f}, realised {total['realized']:,.0f} "
        f"({total['absorption']:.4f} %)"
    )
    _measure(
        env,
        f"amount_realized of the {N_LINES} lines (list view)",
        lambda: dpa.line_ids.mapped("amount_realized"),
    )
    content = _measure(
        env,
        f"LRA workbook of {N_LINES} lines (month 6)",
        lambda: env["ir.actions.report"]._render(
            "social_dpa.lra_xlsx", dpa.ids, data={"month": 6}
        )[0],
    )
    print(f"  {len(content) / 1024:.0f} KiB")
    lines = dpa.line_ids[:200]
    _measure(
        env,
        "200 charges in a row (lock, sum, create each)",
        lambda: [line.charge("2040-07-01", 1000, "Bench charge") for line in lines],
    )

    # import of a 2,000-row SIPD file
    rows = [
        ("1.06.04", "Program Rehabilitasi Sosial"),
        ("1.06.04.2.98", "Kegiatan Bench Import"),
    ]
    for i in range(N_SUBS):
        rows.append((f"1.06.04.2.98.{i + 1:04d}", f"Sub-kegiatan Impor {i + 1}"))
        for j in range(N_ACCOUNTS - 1):
            rows.append(
                (
                    f"5.1.02.97.01.{j + 1:04d}",
                    f"Belanja Impor {j + 1}",
                    "Komponen",
                    j + 1,
                    "paket",
                    15000,
                    (j + 1) * 15000,
                )
            )
    content = build_sipd_xlsx(rows)
    target = env["social.dpa"].create({"name": "DPA Bench Import", "fiscal_year": 2042})
    wizard = env["social.dpa.import"].create(
        {"dpa_id": target.id, "file": base64.b64encode(content), "filename": "x.xlsx"}
    )
    _measure(
        env,
        f"import a SIPD file of {len(rows)} rows ({len(content) / 1024:.0f} KiB)",
        wizard.action_import,
    )
    assert wizard.rejected_count == 0, wizard.result
    print(f"  {wizard.imported_count} lines imported")
