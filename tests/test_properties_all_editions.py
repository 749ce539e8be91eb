"""Properties over every shipped edition (2020 to 2030), not only the first two."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

import onderwijsregels as owr
from onderwijsregels import Function, Rulebook
from onderwijsregels.testing import strategies

YEARS = st.integers(min_value=2020, max_value=2030)


@given(employee=strategies.employees(), year=YEARS)
def test_budget_is_cents_not_negative_or_clearly_not_encoded(
    rulebook_all: Rulebook, employee: owr.Employee, year: int
) -> None:
    day = date(year, 1, 1)
    edition = rulebook_all.edition("cao-po", on=day)
    window = edition.regrading_until
    if employee.scale in edition.removed_scales and (window is None or day >= window):
        # a scale that the governing edition removed (A10, D11 from CAO PO 2024-2025), after
        # the regrading window that ended on 1 July 2025
        with pytest.raises(owr.InvalidInputError, match="scale"):
            rulebook_all.evaluate(employee, year=year, families=["cao-po"])
        return
    ev = rulebook_all.evaluate(employee, year=year, families=["cao-po"])
    outcome = ev.get("individueel_budget")
    if outcome is None:
        # the directie amount is not encoded from CAO PO 2024-2025 on (calendar years from 2025)
        assert year >= 2025
        assert employee.function.is_directie
        (missing,) = [item for item in ev.not_encoded if item.rule_id == "individueel_budget"]
        assert missing.parameter == "individueel_budget_directie"
        return
    assert year <= 2024 or not employee.function.is_directie
    assert isinstance(outcome.value, Decimal)
    assert outcome.value >= 0
    assert outcome.value.as_tuple().exponent == -2


@given(
    low=strategies.werktijdfactoren(),
    high=strategies.werktijdfactoren(),
    year=st.integers(min_value=2020, max_value=2030),
    function=st.sampled_from([Function.LERAAR, Function.OOP]),
)
def test_pro_rata_is_monotone_in_every_encoded_edition(
    rulebook_all: Rulebook, low: Decimal, high: Decimal, year: int, function: Function
) -> None:
    low, high = min(low, high), max(low, high)
    values = cast(
        "list[Decimal]",
        [
            rulebook_all.evaluate(
                owr.Employee(function=function, werktijdfactor=factor),
                year=year,
                families=["cao-po"],
            )["individueel_budget"].value
            for factor in (low, high)
        ],
    )
    assert values[0] <= values[1]


@given(factor=strategies.werktijdfactoren(), year=st.integers(min_value=2020, max_value=2024))
def test_directie_budget_ignores_werktijdfactor_in_every_encoded_edition(
    rulebook_all: Rulebook, factor: Decimal, year: int
) -> None:
    full = owr.Employee(function=Function.DIRECTEUR, werktijdfactor=Decimal("1"))
    part = owr.Employee(function=Function.DIRECTEUR, werktijdfactor=factor)
    assert (
        rulebook_all.evaluate(full, year=year, families=["cao-po"])["individueel_budget"].value
        == rulebook_all.evaluate(part, year=year, families=["cao-po"])["individueel_budget"].value
    )
