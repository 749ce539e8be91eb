"""Benchmark: batch evaluation, in Python and through the command line.

Run: ``python benchmarks/bench_batch.py [--rows 100000] [--csv-rows 1000000]``. Prints
timings (and the peak memory of the command-line run); asserts nothing (speed is measured
here, never in a test). The population is ``population.py``'s: all functions, werktijdfactors
in steps of 0.0001, birth dates, scales, registrations.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import onderwijsregels as owr

sys.path.insert(0, str(Path(__file__).resolve().parent))
import population


def _time(label: str, rows: int, work: Callable[[], object]) -> None:
    start = time.perf_counter()
    work()
    took = time.perf_counter() - start
    print(f"{label:<62} {took:8.2f} s  {took / rows * 1e6:8.2f} µs per row")


def _drain(batch: owr.Batch[owr.Evaluation]) -> None:
    for _ in batch.rows():
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--csv-rows", type=int, default=1_000_000)
    parser.add_argument(
        "--every-rule",
        action="store_true",
        help="run the command line over the export with every rule as well (minutes, not seconds)",
    )
    args = parser.parse_args()
    # The command line first, while this process is small: a child's peak memory as the
    # kernel reports it includes what it shared with this process when it was forked.
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "export.csv"
        here = Path(__file__).resolve().parent
        subprocess.run(
            [sys.executable, str(here / "population.py"), str(args.csv_rows), str(export)],
            check=True,
        )
        command = [
            sys.executable,
            "-m",
            "onderwijsregels",
            "evaluate",
            str(export),
            "--year",
            "2026",
            "--rules",
            "individueel_budget",
            "--format",
            "csv",
            "--output",
            str(Path(folder) / "out.csv"),
        ]
        start = time.perf_counter()
        subprocess.run(command, check=True)
        took = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"command line, {args.csv_rows:,}-row CSV export, individueel_budget: {took:.1f} s "
            f"({took / args.csv_rows * 1e6:.2f} µs per row), peak memory {peak:.0f} MB"
        )
        if args.every_rule:
            every = [part for part in command if part not in ("--rules", "individueel_budget")]
            start = time.perf_counter()
            subprocess.run(every, check=True, stderr=subprocess.DEVNULL)
            took = time.perf_counter() - start
            # the largest child so far: this run's peak if it is above the first run's
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(
                f"command line, {args.csv_rows:,}-row CSV export, every rule: {took:.1f} s "
                f"({took / args.csv_rows * 1e6:.2f} µs per row), peak memory {peak:.0f} MB"
            )

    rows = args.rows
    table = population.columns(rows)
    staff = [
        owr.Employee(
            function=table["function"][n],
            werktijdfactor=Decimal(table["werktijdfactor"][n]),
            birth_date=None,
            name=table["name"][n],
        )
        for n in range(rows)
    ]
    print(f"{rows:,} rows; year 2026 unless said")
    _time(
        "table, rules=individueel_budget, fresh rulebook",
        rows,
        lambda: _drain(owr.load().evaluate_many(table, year=2026, rules="individueel_budget")),
    )
    rulebook = owr.load()
    _drain(rulebook.evaluate_many(table, year=2026, rules="individueel_budget"))
    _time(
        "table, rules=individueel_budget, warm rulebook (second run)",
        rows,
        lambda: _drain(rulebook.evaluate_many(table, year=2026, rules="individueel_budget")),
    )
    _time(
        "table, every rule (31 for employees in 2026), fresh rulebook",
        rows,
        lambda: _drain(owr.load().evaluate_many(table, year=2026)),
    )
    try:
        import pyarrow as pa
    except ImportError:
        print("(pyarrow is not installed: the columnar rows are left out)")
    else:
        arrow = pa.table(table)
        _time(
            "pyarrow table, every rule, to_arrow(), fresh rulebook",
            rows,
            lambda: owr.load().evaluate_many(arrow, year=2026).to_arrow(),
        )
        warm = owr.load()
        warm.evaluate_many(arrow, year=2026).to_arrow()
        _time(
            "pyarrow table, every rule, to_arrow(), warm rulebook",
            rows,
            lambda: warm.evaluate_many(arrow, year=2026).to_arrow(),
        )
        _time(
            "the same, to_arrow(dictionary=True), fresh rulebook",
            rows,
            lambda: owr.load().evaluate_many(arrow, year=2026).to_arrow(dictionary=True),
        )
        _time(
            "the same, to_arrow(dictionary=True), warm rulebook",
            rows,
            lambda: warm.evaluate_many(arrow, year=2026).to_arrow(dictionary=True),
        )
        sizes = [
            warm.evaluate_many(arrow, year=2026).to_arrow(dictionary=flag).nbytes / 1e6
            for flag in (False, True)
        ]
        print(
            f"{'the table of every rule: plain / dictionary=True':<62} "
            f"{sizes[0]:8.0f} MB / {sizes[1]:.0f} MB"
        )
    _time(
        "Employee objects, every rule, iterating Evaluations",
        rows,
        lambda: sum(1 for _ in owr.load().evaluate_many(staff, year=2026)),
    )


if __name__ == "__main__":
    main()
