"""Benchmarks of the outreach days (issue 8).

Figures: the registration desk checking in 100 participants one by one, half
of them registered clients found by NIK and half new clients registered on the
spot (total server time, queries, per check-in); the check-in of invited
participants in batches of 10 and 100 (queries must not grow with the batch);
the live display data of a day with 100 participants in the queues.
"""

import random
import time

from odoo import fields

N = 100


def _measure(env, label, func, per=None):
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    line = f"{label}: {elapsed:.2f} s, {queries} queries"
    if per:
        line += f" ({elapsed / per * 1000:.1f} ms, {queries / per:.1f} queries each)"
    print(line)
    return result


def _niks(env, count):
    """Valid NIKs of Kabupaten Mesuji (18.11.01) that nobody holds yet."""
    rng = random.Random(8)
    niks = set()
    while len(niks) < count:
        nik = (
            f"181101{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}"
            f"{rng.randint(50, 99):02d}{rng.randint(5000, 9999):04d}"
        )
        niks.add(nik)
    taken = set(env["social.client"].search([("nik", "in", list(niks))]).mapped("nik"))
    return [nik for nik in niks if nik not in taken][:count]


def _event(env, title):
    today = fields.Date.context_today(env.user)
    event = env["social.outreach.event"].create(
        {"name": title, "date_start": today, "date_end": today}
    )
    event.action_confirm()
    event.action_start()
    return event


def run(env):
    niks = _niks(env, N + 20)
    known = env["social.client"].create(
        [{"name": f"Peserta Lama {i}", "nik": niks[i]} for i in range(N // 2)]
    )
    event = _event(env, "Bench Yansos Jejama")
    Desk = env["social.outreach.registration"]

    def desk():
        for i in range(N):
            if i % 2 == 0:
                vals = {"nik": known[i // 2].nik}
            else:
                vals = {"nik": niks[N // 2 + i // 2], "name": f"Peserta Baru {i}"}
            Desk.create(
                {"event_id": event.id, "check_in": True, "ktp_checked": True, **vals}
            )._register_participant()

    _measure(env, f"registration desk, {N} check-ins (half new clients)", desk, per=N)
    numbers = sorted(event.participant_ids.mapped("queue_number"))
    assert numbers == list(range(1, N + 1)), numbers

    clients = env["social.client"].create(
        [
            {
                "name": f"Undangan {i}",
                "no_identity": True,
                "no_identity_description": "-",
            }
            for i in range(110)
        ]
    )
    for size in (10, 100):
        batch_event = _event(env, f"Bench batch {size}")
        participants = env["social.outreach.participant"].create(
            [{"event_id": batch_event.id, "client_id": c.id} for c in clients[:size]]
        )
        _measure(
            env,
            f"check-in of {size} invited in one batch",
            participants.action_check_in,
        )

    _measure(env, f"display data of {N} in the queues", event._display_data)
