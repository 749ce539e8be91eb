"""onderwijsregels beside OpenFisca, computing the same budget in the same run.

Run (installs OpenFisca with the ``bench`` extra)::

    pip install -e ".[bench,batch]"
    python benchmarks/bench_openfisca.py [--sizes 100000 1000000] [--repeat 3]

The OpenFisca model is the individual professionalisation budget as this library encodes it:
``(base + top-up) × werktijdfactor`` for teachers and OOP, ``base + top-up`` (not pro rata)
for the directie, with the base and top-up of each calendar year read from this library's own
editions (so neither side has a figure the other lacks; a value our sources do not give, the
directie amount from 2025, is NaN in the OpenFisca model and "not encoded" here). It prints the
timings it saw and their ratios; it asserts nothing (speed is measured, never tested).

What is compared:

1. one employee, one call: OpenFisca builds a simulation for one person and calculates one
   variable; onderwijsregels evaluates the whole edition (every rule, with citations and
   trace) for one employee, cold (an employee never seen before) and in a typical HR run
   (a board's employees, whose profiles repeat);
2. N employee-years with realistic variety (``population.py``: all functions, werktijdfactors
   in steps of 0.0001, birth dates, scales, registrations; years 2020-2027): OpenFisca's
   vectorised run (numpy) against ``evaluate_many`` on the same table, ``rules=
   "individueel_budget"``, every row's value, edition, confidence and citation produced
   (ours read row by row with ``rows()``, and to a table with ``to_arrow()``, which makes the
   text columns a pyarrow table and reads it column by column); and both again from the same
   tables as pyarrow tables (OpenFisca converting two Arrow columns to numpy; ours
   ``to_arrow()``);
3. ``import onderwijsregels`` + ``load()`` in a fresh process (run with
   ``PYTHONDONTWRITEBYTECODE`` unset, or the figure includes compiling the library).
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

try:
    import numpy as np
    from openfisca_core.entities import build_entity
    from openfisca_core.indexed_enums import Enum
    from openfisca_core.parameters import ParameterNode
    from openfisca_core.periods import YEAR
    from openfisca_core.simulations import SimulationBuilder
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem
    from openfisca_core.variables import Variable
except ImportError as missing:  # the comparison needs OpenFisca: say how to get it
    if __name__ == "__main__" and {"-h", "--help"} & set(sys.argv[1:]):
        print(__doc__)
        sys.exit(0)
    sys.exit(
        f"bench_openfisca.py needs OpenFisca and the batch extra ({missing}); install them "
        "with: pip install -e '.[bench,batch]'"
    )

import onderwijsregels as owr

sys.path.insert(0, str(Path(__file__).resolve().parent))
import population

YEARS = tuple(range(2020, 2028))

Person = build_entity(
    key="person", plural="persons", label="An employee", is_person=True, doc="An employee."
)


class Functie(Enum):
    leraar = "leraar"
    oop = "oop"
    directeur = "directeur"
    adjunct_directeur = "adjunct-directeur"


class functie(Variable):
    value_type = Enum
    possible_values = Functie
    default_value = Functie.leraar
    entity = Person
    definition_period = YEAR
    label = "Function"


class werktijdfactor(Variable):
    value_type = float
    default_value = 1.0
    entity = Person
    definition_period = YEAR
    label = "Werktijdfactor"


class individueel_budget(Variable):
    value_type = float
    entity = Person
    definition_period = YEAR
    label = "Individual professionalisation budget"

    def formula(person: Any, period: Any, parameters: Any) -> Any:
        p = parameters(period).budget
        function = person("functie", period)
        directie = (function == Functie.directeur) + (function == Functie.adjunct_directeur)
        teachers = (p.op_oop + p.verhoging_op_oop) * person("werktijdfactor", period)
        return np.where(directie, p.directie + p.verhoging_directie, teachers)


def _our_values(rulebook: owr.Rulebook) -> dict[str, dict[str, dict[str, float]]]:
    """The budget's figures per year, read from this library's editions (never typed in)."""
    values: dict[str, dict[str, dict[str, float]]] = {
        name: {} for name in ("op_oop", "verhoging_op_oop", "directie", "verhoging_directie")
    }
    ids = {
        "op_oop": "individueel_budget_op_oop",
        "verhoging_op_oop": "verhoging_op_oop",
        "directie": "individueel_budget_directie",
        "verhoging_directie": "verhoging_directie",
    }
    for year in YEARS:
        day = date(year, 1, 1)
        edition = rulebook.edition("cao-po", day)
        for name, parameter_id in ids.items():
            try:
                found = edition.parameter(parameter_id).known(day)
                value = 0.0 if found is None else float(Decimal(found.value))  # type: ignore[arg-type]
            except (owr.NotEncodedError, owr.UnknownParameterError, LookupError):
                value = math.nan  # our sources do not give it
            values[name][f"{year}-01-01"] = {"value": value}  # type: ignore[assignment]
    return values


def openfisca_system(rulebook: owr.Rulebook) -> TaxBenefitSystem:
    system = TaxBenefitSystem([Person])
    system.add_variables(functie, werktijdfactor, individueel_budget)
    data = {name: {"values": years} for name, years in _our_values(rulebook).items()}
    system.parameters = ParameterNode("", data={"budget": data})
    return system


def _median(work: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def one_employee(system: TaxBenefitSystem, rulebook: owr.Rulebook, calls: int) -> dict[str, float]:
    """Seconds per call: OpenFisca single-variable simulation; ours cold and in an HR run."""

    def openfisca_call(factor: float) -> float:
        situation = {
            "persons": {"juf": {"functie": {"2020": "leraar"}, "werktijdfactor": {"2020": factor}}}
        }
        simulation = SimulationBuilder().build_from_entities(system, situation)
        return float(simulation.calculate("individueel_budget", "2020")[0])

    start = time.perf_counter()
    for number in range(calls):
        openfisca_call(0.1 + (number % 9000) / 10000)
    openfisca = (time.perf_counter() - start) / calls

    # Cold: a fresh rulebook, and each employee one it has never seen (new werktijdfactor).
    fresh = owr.load()
    staff = [
        owr.Employee(
            function=owr.Function.LERAAR,
            werktijdfactor=Decimal(1000 + number) / 10000,
            birth_date=date(1960 + number % 40, 1 + number % 12, 1 + number % 28),
        )
        for number in range(calls)
    ]
    start = time.perf_counter()
    for employee in staff:
        fresh.evaluate(employee, year=2020)
    cold = (time.perf_counter() - start) / calls
    del fresh, staff  # an HR system keeps one rulebook: drop the cold one and its memo
    gc.collect()

    # A typical HR run: a board's employees (fictional, population.py), whose werktijdfactors
    # and functions repeat across boards; evaluated one call per employee, as an HR system does.
    table = population.columns(calls, seed=7)
    board = [
        owr.Employee(
            function=table["function"][n],
            werktijdfactor=Decimal(str(round(float(table["werktijdfactor"][n]) * 20) / 20 or 0.05)),
        )
        for n in range(calls)
    ]
    rulebook.evaluate(board[0], year=2020)
    start = time.perf_counter()
    for employee in board:
        rulebook.evaluate(employee, year=2020)
    warm = (time.perf_counter() - start) / calls
    return {"openfisca": openfisca, "cold": cold, "hr_run": warm}


def many(
    system: TaxBenefitSystem, rulebook: owr.Rulebook, size: int, repeat: int
) -> dict[str, Any]:
    """Seconds per employee-year over ``size`` rows spread over the years 2020-2027."""
    import pyarrow as pa
    import pyarrow.compute as pc

    per_year = size // len(YEARS)
    tables = {year: population.columns(per_year, seed=year) for year in YEARS}
    # The same tables as pyarrow tables (as pyarrow.csv or a parquet file gives them).
    arrows = {year: pa.table(table) for year, table in tables.items()}
    function_names = pa.array([member.value for member in Functie])

    def run_openfisca() -> None:
        for year, table in tables.items():
            simulation = SimulationBuilder().build_default_simulation(system, per_year)
            codes = np.array(
                [Functie[name.replace("-", "_")].index for name in table["function"]],
                dtype=np.int16,
            )
            simulation.set_input("functie", str(year), codes)
            simulation.set_input(
                "werktijdfactor", str(year), np.array(table["werktijdfactor"], dtype=np.float32)
            )
            simulation.calculate("individueel_budget", str(year))

    def run_openfisca_arrow() -> None:
        for year, table in arrows.items():
            simulation = SimulationBuilder().build_default_simulation(system, per_year)
            codes = pc.index_in(table["function"], value_set=function_names).to_numpy()
            simulation.set_input("functie", str(year), codes.astype(np.int16))
            factors = pc.cast(table["werktijdfactor"], pa.float32()).to_numpy()
            simulation.set_input("werktijdfactor", str(year), factors)
            simulation.calculate("individueel_budget", str(year))

    def run_ours_to_arrow(fresh: bool, inputs: dict[int, Any]) -> None:
        # A table out, read by column (Python lists of texts are made a pyarrow table first).
        book = owr.load() if fresh else rulebook
        for year, table in inputs.items():
            batch = book.evaluate_many(
                table, year=year, rules="individueel_budget", errors="collect"
            )
            batch.to_arrow()

    def run_ours_arrow(fresh: bool) -> None:
        run_ours_to_arrow(fresh, arrows)

    def run_ours_lists_table(fresh: bool) -> None:
        run_ours_to_arrow(fresh, tables)

    def run_ours(fresh: bool) -> None:
        book = owr.load() if fresh else rulebook
        for year, table in tables.items():
            batch = book.evaluate_many(
                table, year=year, rules="individueel_budget", errors="collect"
            )
            for _ in batch.rows():
                pass

    def read_cells() -> None:
        # What any reader that checks every cell must at least do: look each cell of the
        # columns a subject is read from up once (here: one dict lookup per cell, no checks).
        for table in tables.values():
            for name, column in table.items():
                if name in ("id", "name"):
                    continue
                seen: dict[object, int] = {}
                for cell in column:
                    seen.setdefault(cell, len(seen))

    # OpenFisca's input conversion (text to numpy) is timed with it, as ours reads text too.
    openfisca = _median(run_openfisca, repeat) / (per_year * len(YEARS))
    ours_cold = _median(lambda: run_ours(True), repeat) / (per_year * len(YEARS))
    ours_warm = _median(lambda: run_ours(False), repeat) / (per_year * len(YEARS))
    floor = _median(read_cells, repeat) / (per_year * len(YEARS))
    rows = per_year * len(YEARS)
    openfisca_arrow = _median(run_openfisca_arrow, repeat) / rows
    ours_arrow_cold = _median(lambda: run_ours_arrow(True), repeat) / rows
    run_ours_arrow(False)  # warm: the rulebook has read these tables once before
    ours_arrow_warm = _median(lambda: run_ours_arrow(False), repeat) / rows
    ours_lists_table_cold = _median(lambda: run_ours_lists_table(True), repeat) / rows
    ours_lists_table_warm = _median(lambda: run_ours_lists_table(False), repeat) / rows
    return {
        "openfisca": openfisca,
        "ours_cold": ours_cold,
        "ours_warm": ours_warm,
        "floor": floor,
        "openfisca_arrow": openfisca_arrow,
        "ours_arrow_cold": ours_arrow_cold,
        "ours_arrow_warm": ours_arrow_warm,
        "ours_lists_table_cold": ours_lists_table_cold,
        "ours_lists_table_warm": ours_lists_table_warm,
    }


def import_and_load() -> float:
    """Seconds for ``import onderwijsregels`` + ``load()`` in a fresh interpreter (median of 5)."""
    code = (
        "import time; t = time.perf_counter(); import onderwijsregels as owr; owr.load(); "
        "print(time.perf_counter() - t)"
    )
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    return statistics.median(runs)


def _cpu() -> str:
    """The processor's name (from /proc/cpuinfo on Linux, where platform gives none)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "cpu"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[100_000, 1_000_000],
        help="employee-years per batch measure (default: 100000 1000000)",
    )
    parser.add_argument(
        "--calls",
        type=int,
        default=2000,
        help="calls in the one-employee measures (default: 2000; with a few hundred the "
        "one-time start-up of a fresh rulebook weighs on the 'cold' figure)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per batch measure, median taken (default: 3)"
    )
    args = parser.parse_args()
    import openfisca_core

    print(
        f"machine: {platform.machine()}, {_cpu()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; OpenFisca-Core "
        f"{getattr(openfisca_core, '__version__', '46')}; onderwijsregels "
        f"{owr.__version__ if hasattr(owr, '__version__') else 'dev'}"
    )
    rulebook = owr.load()
    system = openfisca_system(rulebook)
    single = one_employee(system, rulebook, args.calls)
    print("\n1. One employee, one call (µs per call)")
    print(f"   OpenFisca, one variable, single-person simulation  {single['openfisca'] * 1e6:9.1f}")
    print(f"   onderwijsregels, whole edition, cold                {single['cold'] * 1e6:9.1f}")
    print(f"   onderwijsregels, whole edition, HR run              {single['hr_run'] * 1e6:9.1f}")
    print(
        f"   ratio OpenFisca / ours cold: {single['openfisca'] / single['cold']:.1f}x, "
        f"/ ours in an HR run: {single['openfisca'] / single['hr_run']:.1f}x"
    )
    for size in args.sizes:
        found = many(system, rulebook, size, args.repeat)
        print(f"\n2. {size:,} employee-years, 2020-2027 (µs per employee-year)")
        print(
            f"   OpenFisca, vectorised (numpy)                       {found['openfisca'] * 1e6:9.3f}"
        )
        print(
            f"   onderwijsregels evaluate_many, fresh rulebook       {found['ours_cold'] * 1e6:9.3f}"
        )
        print(
            f"   onderwijsregels evaluate_many, warm rulebook        {found['ours_warm'] * 1e6:9.3f}"
        )
        print(
            f"   ratio ours / OpenFisca: fresh {found['ours_cold'] / found['openfisca']:.1f}x, "
            f"warm {found['ours_warm'] / found['openfisca']:.1f}x (above 1: OpenFisca faster)"
        )
        print(
            f"   onderwijsregels to_arrow() of the lists, fresh      "
            f"{found['ours_lists_table_cold'] * 1e6:9.3f}"
        )
        print(
            f"   onderwijsregels to_arrow() of the lists, warm       "
            f"{found['ours_lists_table_warm'] * 1e6:9.3f}"
        )
        print(
            "   ratio ours (lists, to_arrow) / OpenFisca: fresh "
            f"{found['ours_lists_table_cold'] / found['openfisca']:.1f}x, warm "
            f"{found['ours_lists_table_warm'] / found['openfisca']:.1f}x"
        )
        print(
            "   for scale: one dict lookup per cell of the table's 8 subject columns, in Python "
            f"{found['floor'] * 1e6:9.3f}"
        )
        print("   the same tables as pyarrow tables (ours: to_arrow(), read column by column)")
        print(
            f"   OpenFisca, vectorised, input from Arrow            "
            f"{found['openfisca_arrow'] * 1e6:9.3f}"
        )
        print(
            f"   onderwijsregels to_arrow(), fresh rulebook          "
            f"{found['ours_arrow_cold'] * 1e6:9.3f}"
        )
        print(
            f"   onderwijsregels to_arrow(), warm rulebook           "
            f"{found['ours_arrow_warm'] * 1e6:9.3f}"
        )
        print(
            "   ratio ours (Arrow) / OpenFisca (lists): fresh "
            f"{found['ours_arrow_cold'] / found['openfisca']:.2f}x, warm "
            f"{found['ours_arrow_warm'] / found['openfisca']:.2f}x; / OpenFisca (Arrow): fresh "
            f"{found['ours_arrow_cold'] / found['openfisca_arrow']:.1f}x, warm "
            f"{found['ours_arrow_warm'] / found['openfisca_arrow']:.1f}x (above 1: OpenFisca faster)"
        )
    print(f"\n3. import onderwijsregels + load(): {import_and_load() * 1000:.0f} ms")


if __name__ == "__main__":
    main()
