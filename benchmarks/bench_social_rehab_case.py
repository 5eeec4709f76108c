"""Benchmarks of the rehabilitation cases (issue 7).

Figures: the kanban's grouped read (columns and the first 40 cards of each,
as the web client asks for them) with 10,000 cases, against Odoo's
``project.task`` kanban with 10,000 tasks in the same run, with the query
count at 1,000 and 10,000 cases (it must not grow); moving 1,000 cases one
stage forward in one ``write``.

``project`` is no dependency of the add-on: the comparison runs when the
database has it (``bin/bench --db DB`` on a database where ``project`` is
installed); otherwise the benchmark says it could not compare.
"""

import time

from odoo import Command

CASE_SPEC = {
    "name": {},
    "client_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "cluster_id": {"fields": {"display_name": {}}},
    "priority": {},
    "stage_overdue": {},
    "activity_state": {},
    "activity_ids": {"fields": {}},
}
TASK_SPEC = {
    "name": {},
    "partner_id": {"fields": {"display_name": {}}},
    "user_ids": {"fields": {"display_name": {}}},
    "project_id": {"fields": {"display_name": {}}},
    "priority": {},
    "activity_state": {},
    "activity_ids": {"fields": {}},
}


def _measure(env, model, spec, domain=()):
    env.invalidate_all()
    before = env.cr.sql_log_count
    start = time.perf_counter()
    result = env[model].web_read_group(
        list(domain),
        ["stage_id"],
        aggregates=["__count"],
        auto_unfold=True,
        unfold_read_specification=spec,
        unfold_read_default_limit=40,
    )
    elapsed = time.perf_counter() - start
    return elapsed, env.cr.sql_log_count - before, result


def _cases(env, clients, users, n, start=0):
    Case = env["social.rehab.case"]
    return Case.create(
        [
            {
                "client_id": clients[i % len(clients)].id,
                "user_id": users[i % len(users)].id,
                "priority": str(i % 3),
            }
            for i in range(start, start + n)
        ]
    )


def _spread(env, cases):
    """Put the cases over the stages directly (the gates are measured below)."""
    stages = env["social.rehab.stage"].search([])
    by_stage = {}
    for i, case in enumerate(cases):
        by_stage.setdefault(stages[i % len(stages)], []).append(case.id)
    for stage, ids in by_stage.items():
        # benchmark set-up only: the rows, not the workflow
        env.cr.execute(
            "UPDATE social_rehab_case SET stage_id = %s, stage_kind = %s "
            "WHERE id IN %s",
            (stage.id, stage.kind, tuple(ids)),
        )
    env.invalidate_all()


def run(env):
    env.company.rehab_caseload_limit = 0
    setup = env(
        context=dict(env.context, tracking_disable=True, mail_create_nolog=True)
    )
    clients = setup["social.client"].create(
        [
            {
                "name": f"Klien Bench {i}",
                "no_identity": True,
                "no_identity_description": "Data uji kinerja",
            }
            for i in range(200)
        ]
    )
    group = env.ref("social_client.group_social_user")
    users = env["res.users"].create(
        [
            {
                "name": f"Peksos Bench {i}",
                "login": f"peksos_bench_{i}",
                "group_ids": [Command.link(group.id)],
            }
            for i in range(20)
        ]
    )
    env.flush_all()

    # 1. moving 1,000 cases one stage forward in one write (with the checklist
    # copy of the next stage and the chatter tracking of the stage)
    batch = _cases(setup, clients, users, 1000)
    env.flush_all()
    env.invalidate_all()
    assessment = env.ref("social_rehab_case.stage_asesmen")
    before = env.cr.sql_log_count
    start = time.perf_counter()
    batch.write({"stage_id": assessment.id})
    env.flush_all()
    t_move = time.perf_counter() - start
    q_move = env.cr.sql_log_count - before
    print(f"move 1,000 cases forward in one write: {t_move:.2f} s, {q_move} queries")

    # 2. kanban grouped read at 1,000 and 10,000 cases
    _spread(env, batch)
    t_1k, q_1k, _r = _measure(env, "social.rehab.case", CASE_SPEC)
    # set-up only: the 9,000 more cases without their checklists (rolled back)
    templates = env["social.rehab.stage.activity"].search([])
    templates.active = False
    more = _cases(setup, clients, users, 9000, start=1000)
    templates.active = True
    env.flush_all()
    _spread(env, batch | more)
    t_10k, q_10k, result = _measure(env, "social.rehab.case", CASE_SPEC)
    cards = sum(len(g.get("__records", [])) for g in result["groups"])
    print(
        f"case kanban, 1,000 cases: {t_1k * 1000:.0f} ms, {q_1k} queries; "
        f"10,000 cases: {t_10k * 1000:.0f} ms, {q_10k} queries "
        f"({len(result['groups'])} columns, {cards} cards)"
    )
    print(f"queries grow with the cases: {'yes' if q_10k > q_1k else 'no'}")

    # 3. project.task with 10,000 tasks, same run
    if "project.task" not in env:
        print(
            "project.task kanban: not compared, the add-on project is not installed "
            "in this database (run bin/bench --db on a database that has it)"
        )
        return
    project = env["project.project"].create({"name": "Bench"})
    stages = env["project.task.type"].create(
        [
            {"name": f"Tahap {i}", "project_ids": [Command.link(project.id)]}
            for i in range(8)
        ]
    )
    partners = clients.mapped(lambda c: env["res.partner"].create({"name": c.name}))
    env["project.task"].create(
        [
            {
                "name": f"Tugas {i}",
                "project_id": project.id,
                "stage_id": stages[i % 8].id,
                "partner_id": partners[i % len(partners)].id,
                "user_ids": [Command.set([users[i % len(users)].id])],
                "priority": str(i % 2),
            }
            for i in range(10_000)
        ]
    )
    env.flush_all()
    t_task, q_task, _r = _measure(
        env, "project.task", TASK_SPEC, [("project_id", "=", project.id)]
    )
    print(
        f"project.task kanban, 10,000 tasks: {t_task * 1000:.0f} ms, {q_task} queries; "
        f"ratio cases/tasks: {t_10k / t_task:.2f}"
    )
