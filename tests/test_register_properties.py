"""Properties of the Schoolleidersregister PO rules and of registrations (hypothesis).

- More points at a re-registration never give an earlier next date (points table, 60 and up).
- For a fixed registration, the status as a function of the day only moves forward:
  niet geregistreerd -> geregistreerd -> onder voorwaarden -> herregistratie verlopen; it never
  returns to "geregistreerd" without a new decision, across the 2022 regime switch too.
- Registrations round-trip through Employee.to_dict / from_dict (and JSON).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from onderwijsregels_schoolleidersregister_2013.rules import add_months, points_band

import onderwijsregels as owr
from onderwijsregels import Employee, Function, Rulebook
from onderwijsregels.registration import OldTitle, Predicate, Register, Registration, Route

REGISTERS = ("schoolleidersregister-2013", "schoolleidersregister-2022", "lerarenregister-2017")
FAMILY = ["schoolleidersregister"]
OPENED = date(2013, 6, 10)
NEW_REGISTER = date(2022, 8, 24)
ORDER = ["niet geregistreerd", "geregistreerd", "onder voorwaarden", "herregistratie verlopen"]


@pytest.fixture(scope="module")
def rb() -> Rulebook:
    return owr.load(only=REGISTERS)


def director(registration: Registration) -> Employee:
    return Employee(
        function=Function.DIRECTEUR, werktijdfactor=Decimal("1"), registration=registration
    )


def due_on(rb: Rulebook, registration: Registration, on: date) -> date:
    value = rb.evaluate(director(registration), on=on, families=FAMILY)[
        "schoolleidersregister_herregistratiedatum"
    ].value
    assert isinstance(value, date)
    return value


def status_on(rb: Rulebook, registration: Registration, on: date) -> str:
    value = rb.evaluate(director(registration), on=on, families=FAMILY)[
        "schoolleidersregister_status"
    ].value
    assert isinstance(value, str)
    return value


# --- more points, never earlier -----------------------------------------------------------------


@given(st.integers(0, 1000), st.integers(0, 1000))
def test_points_band_is_monotone(a: int, b: int) -> None:
    low, high = sorted((a, b))
    band_low, band_high = points_band(low), points_band(high)
    if band_low is not None:
        assert band_high is not None
        assert band_high >= band_low
    assert (band_low is None) == (low < 60)


@given(
    decided=st.dates(NEW_REGISTER, date(2035, 12, 31)),
    points=st.lists(st.integers(60, 400), min_size=2, max_size=2),
)
def test_more_points_never_give_an_earlier_date(
    rb: Rulebook, decided: date, points: list[int]
) -> None:
    low, high = sorted(points)
    with_low = Registration(
        register=Register.SCHOOLLEIDERSREGISTER_PO, decision_date=decided, points_at_decision=low
    )
    with_high = Registration(
        register=Register.SCHOOLLEIDERSREGISTER_PO, decision_date=decided, points_at_decision=high
    )
    first, second = due_on(rb, with_low, decided), due_on(rb, with_high, decided)
    assert first <= second
    # three to seven years after the decision
    assert date(decided.year + 3, 1, 1) <= first
    assert second <= date(decided.year + 7, 12, 31)


# --- status only moves forward ------------------------------------------------------------------


@st.composite
def slr_registrations(draw: st.DrawFn) -> Registration:
    decided = draw(st.dates(OPENED, date(2030, 12, 31)))
    points_at_decision = draw(st.none() | st.integers(60, 300))
    postponed = draw(st.none() | st.integers(1, 3 * 366))
    return Registration(
        register=Register.SCHOOLLEIDERSREGISTER_PO,
        decision_date=decided,
        points_at_decision=points_at_decision,
        postponed_until=None if postponed is None else decided + timedelta(days=postponed),
    )


@given(registration=slr_registrations(), offsets=st.lists(st.integers(-400, 9 * 366), max_size=12))
def test_status_never_returns_to_registered(
    rb: Rulebook, registration: Registration, offsets: list[int]
) -> None:
    decided = registration.decision_date
    assert decided is not None
    due = due_on(rb, registration, decided)
    grace = add_months(due, 6)
    days = {decided, due, due + timedelta(days=1), grace, grace + timedelta(days=1)}
    days.update(decided + timedelta(days=offset) for offset in offsets)
    days.update({NEW_REGISTER - timedelta(days=1), NEW_REGISTER})
    walk = sorted(day for day in days if day >= OPENED)
    seen = [status_on(rb, registration, day) for day in walk]
    ranks = [ORDER.index(state) for state in seen]
    assert ranks == sorted(ranks), list(zip(walk, seen, strict=True))
    # and the boundaries fall where the date and the six months put them
    assert status_on(rb, registration, due) == "geregistreerd"
    assert status_on(rb, registration, due + timedelta(days=1)) == "onder voorwaarden"
    assert status_on(rb, registration, grace) == "onder voorwaarden"
    assert status_on(rb, registration, grace + timedelta(days=1)) == "herregistratie verlopen"


@given(registration=slr_registrations())
def test_the_due_date_does_not_depend_on_the_day_asked(
    rb: Rulebook, registration: Registration
) -> None:
    # The regime is that of the decision date, so asking in the old or the new edition gives
    # the same date (days from the decision on).
    decided = registration.decision_date
    assert decided is not None
    first = due_on(rb, registration, decided)
    assert due_on(rb, registration, first) == first
    assert due_on(rb, registration, max(decided, NEW_REGISTER)) == first


# --- round trip ---------------------------------------------------------------------------------


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def registrations(draw: st.DrawFn) -> Registration:
    decided = draw(_optional(st.dates(OPENED, date(2035, 12, 31))))
    refused = draw(
        st.dates(OPENED, date(2035, 12, 31))
        if decided is None
        else _optional(st.dates(OPENED, date(2999, 12, 31)))
    )
    postponed = None
    if decided is not None and draw(st.booleans()):
        postponed = decided + timedelta(days=draw(st.integers(1, 2000)))
    return Registration(
        register=draw(st.sampled_from(Register)),
        decision_date=decided,
        title=draw(_optional(st.sampled_from(OldTitle))),
        predicate=draw(_optional(st.sampled_from(Predicate))),
        route=draw(_optional(st.sampled_from(Route))),
        points=draw(_optional(st.integers(0, 500))),
        points_at_decision=draw(_optional(st.integers(0, 500))),
        postponed_until=postponed,
        refused_on=refused,
    )


@given(
    registration=registrations(),
    function=st.sampled_from(Function),
    board=st.booleans(),
)
def test_registrations_round_trip(
    registration: Registration, function: Function, board: bool
) -> None:
    employee = Employee(
        function=function,
        werktijdfactor=Decimal("0.8"),
        registration=registration,
        statutair_bestuurder=board,
    )
    data = employee.to_dict()
    assert Employee.from_dict(data) == employee
    assert Employee.from_dict(json.loads(json.dumps(data))) == employee
