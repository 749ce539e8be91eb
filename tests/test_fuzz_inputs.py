"""Random JSON-like values into every public reader: only the library's typed errors come out.

Issue 9: whatever a caller passes to ``from_dict``, a constructor or the command line, the
answer is a result or an ``OnderwijsregelsError`` (an ``InvalidInputError`` naming the field),
never a bare ``TypeError``/``KeyError``/traceback, and the message stays short.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import onderwijsregels as owr
from onderwijsregels.cli import main
from onderwijsregels.convert import structure

MAX_MESSAGE = 2_000
"""No error message may be longer than this, whatever the input (values are shown truncated)."""

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.decimals(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.sampled_from(
        ["leraar", "oop", "directeur", "adjunct-directeur", "0.6", "1", "L11", "D12", "2020-01-01"]
    )
)
JSONISH = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(max_size=12)
            | st.sampled_from(
                [
                    "function",
                    "werktijdfactor",
                    "scale",
                    "trede",
                    "birth_date",
                    "name",
                    "statutair_bestuurder",
                    "registration",
                    "register",
                    "decision_date",
                    "pupils",
                    "brin",
                    "situations",
                    "agreements",
                    "spendings",
                    "year",
                    "day",
                    "amount",
                    "kind",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=20,
)
"""Values of the shapes JSON and YAML give, biased towards the model's own field names."""

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


def check(call: Any, value: object) -> None:
    """``call(value)`` gives a result or a typed, short error; anything else fails the test."""
    problem: owr.OnderwijsregelsError | None = None
    try:
        call(value)
    except owr.OnderwijsregelsError as error:
        problem = error
    if problem is None:
        return
    assert len(str(problem)) <= MAX_MESSAGE, str(problem)[:300]
    if isinstance(problem, owr.InvalidInputError):
        for field, why in problem.problems:
            assert isinstance(field, str)
            assert why.strip()


@FUZZ
@given(value=JSONISH)
def test_employee_from_dict_gives_only_typed_errors(value: object) -> None:
    check(owr.Employee.from_dict, value)


@FUZZ
@given(value=JSONISH)
def test_school_from_dict_gives_only_typed_errors(value: object) -> None:
    check(owr.School.from_dict, value)


@FUZZ
@given(value=JSONISH)
def test_ledger_from_dict_gives_only_typed_errors(value: object) -> None:
    check(owr.Ledger.from_dict, value)


@FUZZ
@given(value=JSONISH)
def test_registration_from_dict_gives_only_typed_errors(value: object) -> None:
    check(lambda data: structure(data, owr.Registration), value)


@FUZZ
@given(function=JSONISH, factor=JSONISH, scale=JSONISH, pupils=JSONISH)
def test_constructors_give_only_typed_errors(
    function: object, factor: object, scale: object, pupils: object
) -> None:
    check(lambda _: owr.Employee(function=function, werktijdfactor=factor, scale=scale), None)  # type: ignore[arg-type]
    check(lambda _: owr.School(pupils=pupils), None)


@FUZZ
@given(year=JSONISH, families=JSONISH)
def test_evaluate_arguments_give_only_typed_errors(
    rulebook_all: owr.Rulebook, year: object, families: object
) -> None:
    employee = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("1"))
    check(lambda _: rulebook_all.evaluate(employee, year=year, families=families), None)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=JSONISH)
def test_cli_gives_only_typed_errors(
    tmp_path_factory: pytest.TempPathFactory, value: object
) -> None:
    path: Path = tmp_path_factory.mktemp("fuzz") / "board.json"
    try:
        text = json.dumps(value, default=str)
    except (ValueError, TypeError):
        return
    path.write_text(text, encoding="utf-8")
    for command in (
        ["evaluate", str(path), "--year", "2020"],
        ["statement", str(path), "--through", "2020"],
    ):
        code = main(command)
        assert code in (0, 2)
