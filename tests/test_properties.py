"""Properties that hold for every input, checked with the shipped hypothesis strategies."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from onderwijsregels import Employee, Function, InvalidInputError, Rulebook, School
from onderwijsregels.testing import strategies

ROOT = Path(__file__).resolve().parent.parent
COVERED_YEARS = strategies.calendar_years(2020, 2030)  # 2022 onwards: nawerking of CAO PO 2021
STAFF = st.sampled_from([Function.LERAAR, Function.OOP])
DIRECTIE = st.sampled_from([Function.DIRECTEUR, Function.ADJUNCT_DIRECTEUR])


def value(rb: Rulebook, function: Function, factor: Decimal, year: int, rule_id: str) -> Decimal:
    employee = Employee(function=function, werktijdfactor=factor)
    found = rb.evaluate(employee, year=year)[rule_id].value
    assert isinstance(found, Decimal)
    return found


@given(
    function=STAFF,
    first=strategies.werktijdfactoren(),
    second=strategies.werktijdfactoren(),
    year=COVERED_YEARS,
    rule_id=st.sampled_from(["individueel_budget", "uren_per_werkweek", "uren_per_jaar"]),
)
def test_pro_rata_monotone_in_werktijdfactor(
    rulebook: Rulebook,
    function: Function,
    first: Decimal,
    second: Decimal,
    year: Any,
    rule_id: str,
) -> None:
    low, high = sorted((first, second))
    assert value(rulebook, function, low, year.year, rule_id) <= value(
        rulebook, function, high, year.year, rule_id
    )


@given(
    function=STAFF,
    factor=strategies.werktijdfactoren(max_value=Decimal("0.9999")),
    year=COVERED_YEARS,
)
def test_staff_hours_strictly_grow(
    rulebook: Rulebook, function: Function, factor: Decimal, year: Any
) -> None:
    more = factor + Decimal("0.0001")
    # Hours are exact (not rounded), so any larger werktijdfactor gives strictly more.
    assert value(rulebook, function, factor, year.year, "uren_per_werkweek") < value(
        rulebook, function, more, year.year, "uren_per_werkweek"
    )


@given(
    function=DIRECTIE,
    first=strategies.werktijdfactoren(),
    second=strategies.werktijdfactoren(),
    year=COVERED_YEARS,
)
def test_directie_budget_independent_of_werktijdfactor(
    rulebook: Rulebook, function: Function, first: Decimal, second: Decimal, year: Any
) -> None:
    assert value(rulebook, function, first, year.year, "individueel_budget") == value(
        rulebook, function, second, year.year, "individueel_budget"
    )


@given(employee=strategies.employees(), year=COVERED_YEARS)
def test_budget_never_negative_and_at_most_full_time(
    rulebook: Rulebook, employee: Employee, year: Any
) -> None:
    budget = rulebook.evaluate(employee, year=year.year)["individueel_budget"].value
    assert isinstance(budget, Decimal)
    assert budget >= 0
    full_time = Employee(function=employee.function, werktijdfactor=Decimal(1))
    full_budget = rulebook.evaluate(full_time, year=year.year)["individueel_budget"].value
    assert isinstance(full_budget, Decimal)
    assert budget <= full_budget


# The same command, the same bytes, whatever the hash seed: sets and dicts of strings iterate in
# an order that changes with PYTHONHASHSEED, so output that depended on one would differ between
# processes. Two calls in one process share a seed and could never show it. One process per seed
# runs every command through the command line's entry point (onderwijsregels.cli.main) and
# reports what each wrote to stdout and its exit code.
HASH_SEEDS = ("0", "1", "4242")
CLI_JSON = {
    "editions": ["editions", "--format", "json"],
    "evaluate-year": [
        "evaluate",
        "examples/schoolbestuur.yaml",
        "--year",
        "2021",
        "--format",
        "json",
    ],
    "evaluate-day": [
        "evaluate",
        "examples/schoolbestuur.yaml",
        "--on",
        "2025-01-01",
        "--format",
        "json",
    ],
    "evaluate-school-year": [
        "evaluate",
        "examples/schoolbestuur.yaml",
        "--school-year",
        "2023-2024",
        "--format",
        "json",
    ],
    "statement": [
        "statement",
        "examples/directeur-budget.yaml",
        "--through",
        "2024",
        "--format",
        "json",
    ],
    "registers": [
        "registers",
        "examples/schoolbestuur.yaml",
        "--on",
        "2025-01-01",
        "--format",
        "json",
    ],
    "diff": ["diff", "cao-po-2022-2023", "cao-po-2023-2024", "--format", "json"],
}
CLI_DRIVER = """
import contextlib, io, json, sys
from onderwijsregels.cli import main
found = {}
for name, argv in json.loads(sys.argv[1]).items():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    found[name] = [code, out.getvalue()]
sys.stdout.buffer.write(json.dumps(found).encode("utf-8"))
"""


def test_cli_json_is_byte_for_byte_the_same_under_every_hash_seed() -> None:
    runs = {
        seed: subprocess.Popen(
            [sys.executable, "-c", CLI_DRIVER, json.dumps(CLI_JSON)],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for seed in HASH_SEEDS
    }
    outputs: dict[str, dict[str, tuple[int, bytes]]] = {}
    for seed, process in runs.items():
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, (seed, err.decode())
        outputs[seed] = {
            name: (code, text.encode("utf-8")) for name, (code, text) in json.loads(out).items()
        }
    first = outputs[HASH_SEEDS[0]]
    assert set(first) == set(CLI_JSON)
    for name, (code, data) in first.items():
        assert code == 0, name
        assert json.loads(data), name  # real JSON with content, not an empty answer
        for seed in HASH_SEEDS[1:]:
            assert outputs[seed][name] == (code, data), (name, seed)


@given(employee=strategies.employees(), year=COVERED_YEARS)
def test_money_has_exactly_two_decimals(rulebook: Rulebook, employee: Employee, year: Any) -> None:
    ev = rulebook.evaluate(employee, year=year.year)
    money = [ev[rule_id] for rule_id in ev if ev[rule_id].unit.is_money]
    assert money  # at least individueel_budget
    for outcome in money:
        assert isinstance(outcome.value, Decimal)
        assert outcome.value.as_tuple().exponent == -2, outcome.rule_id


@given(
    school=strategies.schools(),
    school_year=st.sampled_from(["2019-2020", "2021-2022"]),
)
def test_school_money_has_exactly_two_decimals(
    rulebook: Rulebook, school: School, school_year: str
) -> None:
    ev = rulebook.evaluate(school, school_year=school_year)
    outcome = ev["bekostiging_professionalisering"]
    assert isinstance(outcome.value, Decimal)
    assert outcome.value.as_tuple().exponent == -2
    per_pupil = ev["bedrag_per_leerling"].value
    assert isinstance(per_pupil, Decimal)
    assert outcome.value == per_pupil * school.pupils


@given(strategies.employees())
def test_employee_round_trip(employee: Employee) -> None:
    assert Employee.from_dict(employee.to_dict()) == employee


@given(strategies.schools())
def test_school_round_trip(school: School) -> None:
    assert School.from_dict(school.to_dict()) == school


@given(strategies.malformed_employee_dicts())
def test_malformed_employee_rejected(record: Any) -> None:
    with pytest.raises(InvalidInputError) as caught:
        Employee.from_dict(record)
    assert caught.value.problems
    assert all(field for field, _ in caught.value.problems)


JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.decimals(allow_nan=True)
    | st.text(max_size=12)
    | st.sampled_from(
        ["leraar", "oop", "directeur", "adjunct-directeur", "0.5", "1", "L11", "D12", "2021-01-01"]
    )
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
FIELD_NAMES = st.sampled_from(
    ["function", "werktijdfactor", "scale", "trede", "birth_date", "name", "pupils", "brin"]
)
JUNK_DICTS = st.dictionaries(FIELD_NAMES | st.text(max_size=10), JSON_VALUES, max_size=6)


@given(JUNK_DICTS | JSON_VALUES)
@example({"function": "leraar", "werktijdfactor": 0.5})
@example({"pupils": -1})
@example({"function": "leraar", "werktijdfactor": "0.5", "scale": ["L11"]})
@example({"function": "leraar", "werktijdfactor": "0.5", "scale": "L11"})
@example({"pupils": 212, "name": "De Regenboog"})
def test_junk_gives_only_invalid_input_error(data: Any) -> None:
    # Junk is either read into a valid subject or refused with InvalidInputError saying why;
    # any other exception fails the test.
    for kind in (Employee, School):
        refused: InvalidInputError | None = None
        try:
            subject = kind.from_dict(data)
        except InvalidInputError as error:
            refused = error
        if refused is None:
            # What is accepted is a real subject that writes back to what it reads.
            assert isinstance(subject, kind)
            assert kind.from_dict(subject.to_dict()) == subject
            continue
        assert refused.problems
        for field, reason in refused.problems:
            assert isinstance(field, str)
            assert isinstance(reason, str)
            assert reason.strip()
        assert str(refused)


@given(data=JUNK_DICTS, key=st.integers() | st.none() | st.booleans() | st.floats())
def test_non_string_keys_give_only_invalid_input_error(data: dict[str, Any], key: Any) -> None:
    # YAML reads "1: x" as an int key; such a record must be refused, not crash the reader.
    for kind in (Employee, School):
        with pytest.raises(InvalidInputError):
            kind.from_dict({**data, key: "x"})


def _digits_written_out(value: Decimal) -> int:
    """The digits of ``value`` written out without an exponent, counted from its tuple: what
    ``convert.digits`` counted before it read the text (the definition it must keep)."""
    _, written, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    return len(written) + exponent if exponent >= 0 else max(len(written), -exponent)


@given(
    st.decimals(allow_nan=False, allow_infinity=False)
    | st.builds(
        lambda coefficient, exponent: Decimal(coefficient).scaleb(exponent),
        st.integers(-(10**40), 10**40),
        st.integers(-60, 60),
    )
)
@example(Decimal("0.05"))
@example(Decimal("-0.000"))
@example(Decimal("100.00"))
@example(Decimal("1E+3"))
@example(Decimal("-0E-7"))
@example(Decimal("0.000001"))  # the last written out; 1E-7 has an exponent in its text
def test_digits_counts_a_decimal_as_written_out(value: Decimal) -> None:
    import decimal

    from onderwijsregels.convert import digits

    assert digits(value) == _digits_written_out(value)
    with decimal.localcontext() as lower:  # "1e-60": the count must not read the context
        lower.capitals = 0
        assert digits(value) == _digits_written_out(value)


def test_the_digit_limit_holds_whatever_the_context() -> None:
    # A review found "1e-60" (a context with capitals=0) counted as 5 digits, so 61 passed
    # the limit of MAX_DIGITS and broke an Arrow column later.
    import decimal

    from onderwijsregels.convert import structure_decimal

    class Rounded(Decimal):  # a subclass that writes itself with two decimals
        def __str__(self) -> str:
            return format(self, ".2f")

    with decimal.localcontext() as lower:
        lower.capitals = 0
        for value in ("0." + "0" * 59 + "1", Decimal("1E-60"), Rounded("1E-60")):
            with pytest.raises(InvalidInputError, match="digits written out"):
                structure_decimal(value, "werktijdfactor")
