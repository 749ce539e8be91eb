"""A synthetic, realistic PO workforce for the benchmarks (fictional people, seeded).

All four functions in roughly the sector's proportions, werktijdfactors in steps of 0.0001,
birth dates over forty years, scales and tredes that fit the function, registrations in the
Schoolleidersregister for part of the directie, years 2020-2027. Used by ``bench_batch.py``
and ``bench_openfisca.py``; ``python benchmarks/population.py N FILE.csv`` writes a CSV export.
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, timedelta
from pathlib import Path

FUNCTIONS = (("leraar", 70), ("oop", 20), ("directeur", 6), ("adjunct-directeur", 4))
SCALES = {"leraar": ("L10", "L11", "L12"), "directeur": ("D12", "D13", "D14")}
SCALES["adjunct-directeur"] = ("A11", "A12")  # A10 and D11 were removed in 2025
COLUMNS = (
    "id",
    "name",
    "function",
    "werktijdfactor",
    "scale",
    "trede",
    "birth_date",
    "registration.register",
    "registration.decision_date",
    "registration.points",
)


def rows(count: int, seed: int = 2026) -> list[tuple[str, ...]]:
    """``count`` rows of an HR export (cells as text, as a CSV holds them)."""
    pick = random.Random(seed)
    names = [name for name, _ in FUNCTIONS]
    weights = [weight for _, weight in FUNCTIONS]
    first = date(1960, 1, 1)
    found = []
    for number in range(count):
        function = pick.choices(names, weights)[0]
        factor = pick.randint(1000, 10000)  # 0.1000 .. 1.0000 in steps of 0.0001
        wtf = "1" if factor == 10000 else f"0.{factor:04d}"
        scales = SCALES.get(function, ())
        scale = pick.choice(scales) if scales and pick.random() < 0.9 else ""
        trede = str(pick.randint(1, 12)) if scale and function == "leraar" else ""
        born = (first + timedelta(days=pick.randint(0, 40 * 365))).isoformat()
        register = decision = points = ""
        if function in ("directeur", "adjunct-directeur") and pick.random() < 0.7:
            register = "schoolleidersregister-po"
            decision = date(pick.randint(2015, 2023), pick.randint(1, 12), 1).isoformat()
            points = str(pick.randint(0, 300))
        found.append(
            (
                str(number),
                f"medewerker {number}",
                function,
                wtf,
                scale,
                trede,
                born,
                register,
                decision,
                points,
            )
        )
    return found


def columns(count: int, seed: int = 2026) -> dict[str, list[str]]:
    """The same rows as a mapping of column name to cells."""
    table = rows(count, seed)
    return {name: [row[at] for row in table] for at, name in enumerate(COLUMNS)}


def write_csv(path: Path, count: int, seed: int = 2026) -> None:
    """Write ``count`` rows as a CSV export, in chunks (a million rows is about 80 MB)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        done = 0
        while done < count:
            chunk = min(100_000, count - done)
            writer.writerows(
                (str(done + int(row[0])), *row[1:]) for row in rows(chunk, seed + done)
            )
            done += chunk


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Write a synthetic, fictional HR export (CSV) of ROWS employees to PATH."
    )
    parser.add_argument("rows", type=int, help="how many employees (rows)")
    parser.add_argument("path", type=Path, help="the CSV file to write")
    arguments = parser.parse_args()
    write_csv(arguments.path, arguments.rows)


if __name__ == "__main__":
    main()
