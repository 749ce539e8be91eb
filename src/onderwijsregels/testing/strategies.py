"""Hypothesis strategies for the domain model, for your own regression tests.

Each function returns a :class:`hypothesis.strategies.SearchStrategy`. Use
them with ``@given``, for instance to check a property of your own payroll
export against the rules::

    from hypothesis import given
    from onderwijsregels.testing import strategies

    @given(strategies.employees(), strategies.calendar_years(2020, 2021))
    def test_budget_is_never_negative(employee, year):
        ev = rulebook.evaluate(employee, year=year.year)
        assert ev["individueel_budget"].value >= 0

The strategies only build valid model objects (except
:func:`malformed_employee_dicts`, which builds dicts that must be rejected),
so a failure points at the rules or at your code, never at the generator.

>>> from hypothesis import given, settings
>>> @settings(max_examples=20)
... @given(werktijdfactoren())
... def check(factor):
...     assert Decimal(0) < factor <= Decimal(1)
>>> check()
"""

from __future__ import annotations

import string
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import attrs

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the installed extras
    raise ImportError(
        "onderwijsregels.testing.strategies needs hypothesis: pip install 'onderwijsregels[testing]'"
    ) from error

from onderwijsregels.errors import OverspendingError
from onderwijsregels.ledger import Ledger, SavingsAgreement, Situation, Spending, SpendingKind
from onderwijsregels.model import SCALES, Employee, Function, School
from onderwijsregels.periods import CalendarYear, SchoolYear
from onderwijsregels.registration import OldTitle, Predicate, Register, Registration, Route
from onderwijsregels.rulebook import Rulebook

__all__ = [
    "calendar_years",
    "days",
    "employees",
    "functions",
    "ledgers",
    "malformed_employee_dicts",
    "registrations",
    "savings_agreements",
    "scales",
    "school_years",
    "schools",
    "situations",
    "spendings",
    "werktijdfactoren",
]

FIRST_YEAR = 1900
"""The first year a period accepts."""
LAST_YEAR = 2999
"""The last year a period accepts (a school year starting then ends in the next)."""

_LABEL_ALPHABET = string.ascii_letters + string.digits + " -'éë"


def werktijdfactoren(
    *, min_value: Decimal = Decimal("0.0001"), max_value: Decimal = Decimal("1"), places: int = 4
) -> st.SearchStrategy[Decimal]:
    """Werktijdfactoren: ``Decimal`` values in (0, 1] with at most ``places`` decimals.

    ``min_value`` must be greater than 0 and ``max_value`` at most 1, since one
    employee is one appointment.

    >>> werktijdfactoren(min_value=Decimal("0"))
    Traceback (most recent call last):
    ...
    ValueError: a werktijdfactor lies in (0, 1]; got bounds 0 and 1
    """
    if not Decimal(0) < min_value <= max_value <= Decimal(1):
        raise ValueError(f"a werktijdfactor lies in (0, 1]; got bounds {min_value} and {max_value}")
    return st.decimals(
        min_value=min_value,
        max_value=max_value,
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


def functions() -> st.SearchStrategy[Function]:
    """Any :class:`~onderwijsregels.model.Function`.

    >>> sorted(member.value for member in Function)
    ['adjunct-directeur', 'directeur', 'leraar', 'oop']
    """
    return st.sampled_from(Function)


def scales(function: Function) -> st.SearchStrategy[str]:
    """A salary scale that fits ``function`` (see :data:`~onderwijsregels.model.SCALES`).

    Our sources list no OOP scales; for OOP the strategy draws scale "10", the one
    OOP scale a source names ("functieschaal 10 van de OOP/directieschalen").

    >>> "L11" in SCALES[Function.LERAAR]
    True
    """
    return st.sampled_from(SCALES[function] or ("10",))


def _labels() -> st.SearchStrategy[str]:
    return st.text(alphabet=_LABEL_ALPHABET, min_size=1, max_size=24).filter(
        lambda text: bool(text.strip())
    )


def registrations(
    register: Register | None = None,
    *,
    first: date = date(2013, 6, 10),
    last: date = date(2035, 12, 31),
) -> st.SearchStrategy[Registration]:
    """Valid registrations in a professional register (any, or the given one).

    Decided on a day from ``first`` to ``last``, or refused (a refused first
    registration has no decision date); optionally with an old title, a
    predicate, a route, points, points at the decision and a postponement.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(registrations(Register.SCHOOLLEIDERSREGISTER_PO))
    ... def check(registration):
    ...     assert registration.decision_date or registration.refused_on
    >>> check()
    """
    which = st.just(register) if register is not None else st.sampled_from(Register)
    maybe = st.none

    @st.composite
    def build(draw: st.DrawFn) -> Registration:
        decided = draw(maybe() | st.dates(first, last))
        refused = draw(
            st.dates(first, last) if decided is None else maybe() | st.dates(first, last)
        )
        postponed = None
        if decided is not None and draw(st.booleans()):
            postponed = decided + timedelta(days=draw(st.integers(1, 2000)))
        return Registration(
            register=draw(which),
            decision_date=decided,
            title=draw(maybe() | st.sampled_from(OldTitle)),
            predicate=draw(maybe() | st.sampled_from(Predicate)),
            route=draw(maybe() | st.sampled_from(Route)),
            points=draw(maybe() | st.integers(0, 500)),
            points_at_decision=draw(maybe() | st.integers(0, 500)),
            postponed_until=postponed,
            refused_on=refused,
        )

    return build()


def employees(
    function: Function | None = None, *, with_registers: bool = False
) -> st.SearchStrategy[Employee]:
    """Valid employees: any (or the given) function and a werktijdfactor.

    A scale of the function, a trede (only with a scale), a birth date and a
    name are each present or absent. With ``with_registers=True`` the employee
    may also be a statutory board member and have a registration (see
    :func:`registrations`), so every field a rule can read varies.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(employees(Function.DIRECTEUR))
    ... def check(employee):
    ...     assert employee.function.is_directie
    >>> check()
    """
    chosen = st.just(function) if function is not None else functions()

    @st.composite
    def build(draw: st.DrawFn, which: Function) -> Employee:
        scale = draw(st.none() | scales(which))
        return Employee(
            function=which,
            werktijdfactor=draw(werktijdfactoren()),
            scale=scale,
            trede=None if scale is None else draw(st.none() | st.integers(0, 20)),
            birth_date=draw(st.none() | st.dates(date(1940, 1, 1), date(2010, 12, 31))),
            name=draw(st.none() | _labels()),
            statutair_bestuurder=draw(st.booleans()) if with_registers else False,
            registration=draw(st.none() | registrations()) if with_registers else None,
        )

    return chosen.flatmap(build)


def schools(*, max_pupils: int = 2000) -> st.SearchStrategy[School]:
    """Valid schools: a pupil count from 0 to ``max_pupils``, maybe a name and a BRIN.

    >>> School(pupils=0).pupils
    0
    """
    return st.builds(
        School,
        pupils=st.integers(min_value=0, max_value=max_pupils),
        name=st.none() | _labels(),
        brin=st.none() | st.from_regex(r"[0-9]{2}[A-Z]{2}", fullmatch=True),
    )


def situations(
    year: int | None = None, *, first_year: int = 2020, last_year: int = 2026
) -> st.SearchStrategy[Situation]:
    """A ledger's situation in one calendar year (the given one, or one from the range).

    Any function, a werktijdfactor, maybe a scale of that function and maybe a school.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(situations(2021))
    ... def check(situation):
    ...     assert situation.year == 2021 and situation.employee().function is situation.function
    >>> check()
    """
    years = st.just(year) if year is not None else st.integers(first_year, last_year)

    @st.composite
    def build(draw: st.DrawFn) -> Situation:
        function = draw(functions())
        return Situation(
            year=draw(years),
            function=function,
            werktijdfactor=draw(werktijdfactoren()),
            scale=draw(st.none() | scales(function)) if SCALES[function] else None,
            school=draw(st.none() | _labels()),
        )

    return build()


def savings_agreements(
    *, first_year: int = 2020, last_year: int = 2026
) -> st.SearchStrategy[SavingsAgreement]:
    """Agreements to save the budgets of one year up to a later (or the same) year.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(savings_agreements())
    ... def check(agreement):
    ...     assert agreement.covers(agreement.first_year) and agreement.covers(agreement.last_year)
    >>> check()
    """

    @st.composite
    def build(draw: st.DrawFn) -> SavingsAgreement:
        start = draw(st.integers(first_year, last_year))
        return SavingsAgreement(
            start, draw(st.integers(start, last_year)), description=draw(st.none() | _labels())
        )

    return build()


def spendings(
    first: date = date(2020, 1, 1),
    last: date = date(2028, 12, 31),
    *,
    max_amount: Decimal = Decimal("5000.00"),
) -> st.SearchStrategy[Spending]:
    """Well-formed spendings: a day, an amount of whole cents from € 0.01, a kind, a description.

    They need not fit a ledger; :func:`ledgers` with a rulebook keeps only those that do.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(spendings(max_amount=Decimal("100")))
    ... def check(spending):
    ...     assert Decimal("0.01") <= spending.amount <= 100
    ...     assert spending.amount == spending.amount.quantize(Decimal("0.01"))
    >>> check()
    """
    return st.builds(
        Spending,
        day=st.dates(first, last),
        amount=st.decimals(min_value=Decimal("0.01"), max_value=max_amount, places=2),
        kind=st.sampled_from(SpendingKind),
        description=st.text(alphabet=_LABEL_ALPHABET, max_size=24),
    )


def ledgers(
    rulebook: Rulebook | None = None,
    *,
    first_year: int = 2020,
    last_year: int = 2024,
    max_spendings: int = 4,
) -> st.SearchStrategy[Ledger]:
    """Ledgers: situations for consecutive years, savings agreements and spendings.

    Without a rulebook the spendings are well-formed but may not fit (the statement may raise
    :class:`~onderwijsregels.errors.OverspendingError`). With ``rulebook`` each drawn spending is
    added through :meth:`Ledger.spend`, and kept only if it fits, so every spending is paid.

    >>> from hypothesis import given, settings
    >>> from onderwijsregels.testing.plugins import shipped_rulebook
    >>> rb = shipped_rulebook()
    >>> @settings(max_examples=10, deadline=None)
    ... @given(ledgers(rb, max_spendings=2))
    ... def check(ledger):
    ...     statement = ledger.statement(rb, through=2028)  # raises if a spending did not fit
    ...     assert all(tranche.amount >= 0 for tranche in ledger.tranches(rb, through=2028))
    >>> check()
    """
    if first_year > last_year:
        raise ValueError(f"first_year {first_year} lies after last_year {last_year}")

    @st.composite
    def build(draw: st.DrawFn) -> Ledger:
        start = draw(st.integers(first_year, last_year))
        end = draw(st.integers(start, last_year))
        years = [draw(situations(year)) for year in range(start, end + 1)]
        agreements = draw(st.lists(savings_agreements(first_year=start, last_year=end), max_size=2))
        tried = draw(
            st.lists(spendings(date(start, 1, 1), date(end + 4, 12, 31)), max_size=max_spendings)
        )
        ledger = Ledger(years, agreements, name=draw(st.none() | _labels()))
        if rulebook is None:
            return attrs.evolve(ledger, spendings=tried)
        for spending in tried:
            try:
                ledger = ledger.spend(spending, rulebook)
            except OverspendingError:
                continue
        return ledger

    return build()


def days(
    min_value: date = date(FIRST_YEAR, 1, 1), max_value: date = date(LAST_YEAR, 12, 31)
) -> st.SearchStrategy[date]:
    """Days from ``min_value`` to ``max_value`` inclusive.

    Pass the range your rules cover; days before the first edition of a
    family raise :class:`~onderwijsregels.errors.NoEditionError`.

    >>> days(date(2021, 1, 1), date(2020, 1, 1))
    Traceback (most recent call last):
    ...
    ValueError: min_value 2021-01-01 lies after max_value 2020-01-01
    """
    if min_value > max_value:
        raise ValueError(f"min_value {min_value} lies after max_value {max_value}")
    return st.dates(min_value=min_value, max_value=max_value)


def calendar_years(
    min_year: int = FIRST_YEAR, max_year: int = LAST_YEAR
) -> st.SearchStrategy[CalendarYear]:
    """Calendar years from ``min_year`` to ``max_year``; pass ``.year`` to ``evaluate(year=...)``.

    >>> CalendarYear(2020).year
    2020
    """
    return st.builds(CalendarYear, st.integers(min_value=min_year, max_value=max_year))


def school_years(
    min_start: int = FIRST_YEAR, max_start: int = LAST_YEAR
) -> st.SearchStrategy[SchoolYear]:
    """School years starting (1 August) in ``min_start`` to ``max_start``.

    Pass one (or its ``.label``, e.g. ``"2021-2022"``) to
    ``evaluate(school_year=...)``.

    >>> SchoolYear(2021).label
    '2021-2022'
    """
    return st.builds(SchoolYear, st.integers(min_value=min_start, max_value=max_start))


def _valid_employee_dicts() -> st.SearchStrategy[dict[str, Any]]:
    return employees().map(lambda employee: employee.to_dict())


_BAD_WERKTIJDFACTOREN: st.SearchStrategy[Any] = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.just(0),
    st.just("0"),
    st.just("0.0000"),
    st.decimals(max_value=Decimal(0), allow_nan=False, places=4),
    st.decimals(min_value=Decimal("1.0001"), allow_nan=False, allow_infinity=False, places=4),
    st.decimals(min_value=Decimal("1.0001"), allow_nan=False, places=4).map(str),
    st.integers(min_value=2) | st.integers(max_value=-1),
    st.sampled_from(["NaN", "sNaN", "Infinity", "-Infinity", "", "  ", "een half", "0,5", "1/2"]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def _with(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**record, **changes}


def _without(record: dict[str, Any], key: str) -> dict[str, Any]:
    return {name: value for name, value in record.items() if name != key}


@st.composite
def _wrong_scale(draw: st.DrawFn) -> dict[str, Any]:
    record = draw(_valid_employee_dicts())
    function = Function(record["function"])
    others = sorted(
        {scale for other in Function for scale in SCALES[other]} - set(SCALES[function])
    )
    wrong = st.sampled_from(others) | st.integers() | st.just("")
    if SCALES[function]:
        wrong |= st.just("X99")
    scale = draw(wrong)
    return _with(record, scale=scale)


@st.composite
def _one_corruption(draw: st.DrawFn) -> dict[str, Any]:
    record = draw(_valid_employee_dicts())
    kind = draw(
        st.sampled_from(
            [
                "werktijdfactor",
                "function",
                "missing function",
                "missing werktijdfactor",
                "unknown key",
                "name",
                "trede",
                "birth_date",
            ]
        )
    )
    if kind == "trede":
        if record["scale"] is None:
            return _with(record, trede=draw(st.integers(0, 20)))  # a trede needs a scale
        return _with(record, trede=draw(st.integers(max_value=-1) | st.booleans() | st.just("3")))
    if kind == "birth_date":
        bad_day = st.sampled_from(["1963-13-01", "02-05-1963", "", "gisteren", "2020-01-01T08:00"])
        return _with(record, birth_date=draw(bad_day | st.integers() | st.booleans()))
    if kind == "werktijdfactor":
        return _with(record, werktijdfactor=draw(_BAD_WERKTIJDFACTOREN))
    if kind == "function":
        known = {member.value for member in Function}
        bad = draw(
            st.text(max_size=12).filter(lambda text: text not in known)
            | st.none()
            | st.integers()
            | st.sampled_from(["Leraar", "LERAAR", "directie", "adjunct_directeur"])
        )
        return _with(record, function=bad)
    if kind == "missing function":
        return _without(record, "function")
    if kind == "missing werktijdfactor":
        return _without(record, "werktijdfactor")
    if kind == "unknown key":
        fields = {field.name for field in attrs.fields(Employee)}
        key = draw(st.text(min_size=1, max_size=12).filter(lambda text: text not in fields))
        return _with(record, **{key: draw(st.integers() | st.text(max_size=5) | st.none())})
    bad_name = draw(st.sampled_from(["", " ", "\t\n"]) | st.integers() | st.booleans())
    return _with(record, name=bad_name)


def malformed_employee_dicts() -> st.SearchStrategy[Any]:
    """Employee records that :meth:`Employee.from_dict` must reject with InvalidInputError.

    Each is a valid record with one thing wrong: a werktijdfactor outside (0, 1]
    or of the wrong type (a float, a boolean, text that is not a number), an
    unknown function, a scale of another function, a missing or unknown key, an
    empty name, a bad trede or birth date; or no mapping at all.

    >>> from hypothesis import given, settings
    >>> from onderwijsregels.errors import InvalidInputError
    >>> @settings(max_examples=20)
    ... @given(malformed_employee_dicts())
    ... def check(record):
    ...     try:
    ...         Employee.from_dict(record)
    ...     except InvalidInputError:
    ...         return
    ...     raise AssertionError(f"accepted {record!r}")
    >>> check()
    """
    not_a_mapping: st.SearchStrategy[Any] = st.one_of(
        st.none(),
        st.integers(),
        st.text(max_size=8),
        st.lists(st.integers(), max_size=3),
        _valid_employee_dicts().map(lambda record: list(record.items())),
    )
    return st.one_of(_one_corruption(), _wrong_scale(), not_a_mapping)
