"""Benchmark: loading the rulebook, evaluating a school board, building budget statements.

Run: ``python benchmarks/bench_evaluate.py [--employees 1000]``. Prints timings; asserts
nothing (speed is measured here, never in a test).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import onderwijsregels as owr


def _time(label: str, work: Callable[[], object], repeat: int) -> None:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    print(
        f"{label:<45} median {statistics.median(samples) * 1000:9.2f} ms  "
        f"(min {min(samples) * 1000:.2f}, {repeat} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    _time("owr.load() (entry points, all editions)", owr.load, args.repeat)
    rulebook = owr.load()
    functions = list(owr.Function)
    employees = [
        owr.Employee(
            function=functions[index % len(functions)],
            werktijdfactor=Decimal(1 + index % 10) / 10,
        )
        for index in range(args.employees)
    ]
    _time(
        f"evaluate {args.employees} employees, year 2020",
        lambda: [rulebook.evaluate(e, year=2020) for e in employees],
        args.repeat,
    )
    _time(
        f"evaluate {args.employees} employees on 2024-06-01",
        lambda: [rulebook.evaluate(e, on=date(2024, 6, 1)) for e in employees],
        args.repeat,
    )
    ledger = owr.Ledger(
        situations=[
            owr.Situation(year, owr.Function.DIRECTEUR, Decimal(1)) for year in range(2020, 2025)
        ],
        agreements=[owr.SavingsAgreement(2020, 2024)],
        spendings=[
            owr.Spending(date(2023, 3, 1), Decimal("5000"), owr.SpendingKind.STUDIEKOSTENVERGOEDING)
        ],
    )
    _time(
        "one budget statement 2020-2024",
        lambda: ledger.statement(rulebook, through=2024),
        args.repeat,
    )


if __name__ == "__main__":
    main()
