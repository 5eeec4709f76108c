"""Run the suite's benchmarks inside an Odoo database.

Every ``benchmarks/bench_*.py`` file defines ``run(env)``, which prints its own figures.
This driver imports each file by path, calls ``run(env)`` as superuser in a fresh
transaction and rolls that transaction back afterwards, so that benchmarks neither leave
data behind nor see each other's. It prints a heading per file and its wall time.

Usage (from the repository root; bin/bench creates a throw-away database first):

    python benchmarks/run_benchmarks.py -c odoo.conf -d DB [--addons-path P] [NAME...]

NAME filters the files: a benchmark runs when any NAME is part of its file name.
Exit status: 1 when a benchmark raised, else 0.
"""

import argparse
import importlib.util
import sys
import threading
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo configuration file")
    parser.add_argument("-d", "--database", required=True, help="database to run in")
    parser.add_argument("--addons-path", help="overrides the addons_path of the config")
    parser.add_argument("names", nargs="*", help="run only files whose name has NAME")
    return parser.parse_args(argv)


def bench_files(names):
    files = sorted(HERE.glob("bench_*.py"))
    if names:
        files = [f for f in files if any(name in f.stem for name in names)]
    return files


def load(path):
    spec = importlib.util.spec_from_file_location(f"benchmarks.{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not callable(getattr(module, "run", None)):
        raise TypeError(f"{path.name} defines no run(env)")
    return module


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    files = bench_files(args.names)
    if not files:
        print(f"no benchmarks/bench_*.py file matches {args.names or '*'}")
        return 1

    # Odoo is imported here so that --help works without it.
    from odoo import api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415
    from odoo.service import server  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    odoo_args = ["-c", args.config, "-d", args.database, "--no-http"]
    if args.addons_path:
        odoo_args.append(f"--addons-path={args.addons_path}")
    config.parse_config(odoo_args, setup_logging=True)
    server.load_server_wide_modules()
    threading.current_thread().dbname = args.database
    registry = Registry(args.database)

    failed = []
    for path in files:
        print(f"\n=== {path.name} ===", flush=True)
        start = time.perf_counter()
        try:
            module = load(path)
            with registry.cursor() as cr:
                env = api.Environment(cr, api.SUPERUSER_ID, {})
                env = env(context=env["res.users"].context_get())
                try:
                    module.run(env)
                finally:
                    # Benchmarks never keep their data: roll back what run() did
                    # (the cursor's own commit at exit then commits nothing).
                    cr.rollback()
        except Exception:  # report and go on with the next benchmark
            traceback.print_exc(file=sys.stdout)
            failed.append(path.name)
            status = "FAILED"
        else:
            status = "done, rolled back"
        print(
            f"--- {path.name}: {status} in {time.perf_counter() - start:.1f} s",
            flush=True,
        )

    if failed:
        print(f"\nfailed benchmarks: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
