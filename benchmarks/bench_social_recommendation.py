"""Benchmarks of the recommendation workflow (issue 3).

Figures: 1,000 requests registered in one batch, moved to field verification
in one call, their SOP overrun flags recomputed, and the register (buku agenda)
and SOP compliance XLSX built, each with its query count: none of these may
issue a query per recommendation beyond what mail's activities need.
"""

import time

N = 1000


def _measure(env, label, func, per=N):
    env.flush_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    print(
        f"{label}: {elapsed:.2f} s ({elapsed / per * 1000:.2f} ms each), "
        f"{queries} queries ({queries / per:.2f} per record)"
    )
    return result


def run(env):
    clients = env["social.client"].create(
        [
            {
                "name": f"Lansia Bench {i}",
                "no_identity": True,
                "no_identity_description": "Ditemukan di jalan, tanpa dokumen.",
            }
            for i in range(N)
        ]
    )
    kind = env.ref("social_recommendation.type_elderly_home")
    worker = env.user
    vals_list = [
        {
            "client_id": client.id,
            "type_id": kind.id,
            "request_from": "Kelurahan Bench",
            "request_letter_number": f"400/{i}/BENCH",
            "social_worker_id": worker.id,
        }
        for i, client in enumerate(clients)
    ]
    Recommendation = env["social.recommendation"]
    recs = _measure(
        env,
        f"register {N} requests in one batch",
        lambda: Recommendation.create(vals_list),
    )
    _measure(
        env,
        f"start field verification of {N} requests in one call",
        recs.action_start_verification,
    )

    def recompute_overrun():
        # the way the ORM recomputes a stored field: one call for the batch
        for name in ("sop_overrun", "sop_overrun_count"):
            env.add_to_compute(recs._fields[name], recs)
        recs._recompute_recordset(["sop_overrun", "sop_overrun_count"])

    _measure(env, f"recompute the SOP overrun flags of {N} requests", recompute_overrun)
    report = env["ir.actions.report"]
    _measure(
        env,
        f"register (buku agenda) XLSX of {N} requests",
        lambda: report.with_context(active_model=recs._name)._render_xlsx(
            "social_recommendation.register_xlsx", recs.ids, {}
        ),
    )
    steps = recs.step_ids
    _measure(
        env,
        f"SOP compliance XLSX of {len(steps)} step logs",
        lambda: report.with_context(active_model=steps._name)._render_xlsx(
            "social_recommendation.sop_compliance_xlsx", steps.ids, {}
        ),
        per=len(steps),
    )
