# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Helpers for tests that run two real transactions at the same moment."""

import threading
import time

from odoo.tools import SQL


def commit_when_blocked(registry, cr_first, pid_waiting, timeout=5):
    """Start a thread that commits ``cr_first`` as soon as the backend
    ``pid_waiting`` waits for a lock; return the thread and its result.

    The waiting statement runs in the test's own thread: ORM code in another
    thread would wait on the registry lock held by the test runner."""
    result = {"blocked": False}
    watcher = registry.cursor()

    def watch():
        try:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                watcher.execute(
                    SQL(
                        "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                        pid_waiting,
                    )
                )
                row = watcher.fetchone()
                watcher.rollback()  # a fresh snapshot of pg_stat_activity
                if row and row[0] == "Lock":
                    result["blocked"] = True
                    cr_first.commit()
                    return
                time.sleep(0.05)
        finally:
            watcher.close()

    thread = threading.Thread(target=watch)
    thread.start()
    return thread, result
