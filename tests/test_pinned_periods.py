"""Periods and money: the edges and messages mutation testing found unpinned.

Issue 9, section 4. A mutation run on ``periods.py`` and ``money.py`` (see the report of that
issue) left mutants alive that changed a field name, a message, or a ``<=`` into ``<``; each test
here kills one or more of them with values worked out by hand.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from onderwijsregels import CalendarYear, Day, InvalidInputError, SchoolYear
from onderwijsregels.money import format_decimal, format_eur, round_money
from onderwijsregels.periods import add_months, add_years, check_year, period_from


def test_a_calendar_year_contains_its_first_and_last_day_only() -> None:
    year = CalendarYear(2021)
    assert year.contains(date(2021, 1, 1))
    assert year.contains(date(2021, 12, 31))
    assert not year.contains(date(2020, 12, 31))
    assert not year.contains(date(2022, 1, 1))
    assert CalendarYear.containing(date(2021, 12, 31)) == year


def test_a_school_year_contains_1_august_to_31_july_only() -> None:
    year = SchoolYear(2021)
    assert year.contains(date(2021, 8, 1))
    assert year.contains(date(2022, 7, 31))
    assert not year.contains(date(2021, 7, 31))
    assert not year.contains(date(2022, 8, 1))


def test_a_day_contains_itself_only() -> None:
    day = Day(date(2021, 3, 1))
    assert day.contains(date(2021, 3, 1))
    assert not day.contains(date(2021, 3, 2))
    assert not day.contains(date(2021, 2, 28))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "2021-2023",
            "'2021-2023' is not a school year: the second year must follow the first, as in "
            "'2021-2022'",
        ),
        (
            "2022-2021",
            "'2022-2021' is not a school year: the second year must follow the first, as in "
            "'2022-2023'",
        ),
        ("2021/2022", "'2021/2022' is not written like '2021-2022'"),
        ("1899-1900", "must lie between 1900 and 2999, got 1899"),
    ],
)
def test_a_bad_school_year_says_what_a_good_one_looks_like(text: str, reason: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        SchoolYear.parse(text)
    assert caught.value.problems == (("school_year", reason),)
    with pytest.raises(InvalidInputError) as named:
        SchoolYear.parse(text, field="--school-year")
    assert named.value.problems == (("--school-year", reason),)


def test_the_last_school_year_and_the_edges_of_the_years() -> None:
    assert SchoolYear.parse("2998-2999").label == "2998-2999"
    assert check_year(1900, "through") == 1900
    assert check_year(2999, "through") == 2999
    for year, reason in (
        (1899, "must lie between 1900 and 2999, got 1899"),
        (3000, "must lie between 1900 and 2999, got 3000"),
        (True, "must be a whole year such as 2020, got True"),
    ):
        with pytest.raises(InvalidInputError) as caught:
            check_year(year, "through")
        assert caught.value.problems == (("through", reason),)


@pytest.mark.parametrize(
    ("given", "got"),
    [
        ({}, "none"),
        ({"year": 2020, "on": date(2020, 5, 1)}, "year, on"),
        ({"on": date(2020, 5, 1), "school_year": "2020-2021"}, "on, school_year"),
        (
            {"year": 2020, "on": date(2020, 5, 1), "school_year": "2020-2021"},
            "year, on, school_year",
        ),
    ],
)
def test_period_from_names_what_was_given(given: dict[str, object], got: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        period_from(**given)  # type: ignore[arg-type]
    assert caught.value.problems == (
        ("period", f"give exactly one of year, on or school_year (got {got})"),
    )


def test_period_from_names_the_bad_field() -> None:
    with pytest.raises(InvalidInputError) as caught:
        period_from(year=1899)
    assert caught.value.problems == (("year", "must lie between 1900 and 2999, got 1899"),)
    with pytest.raises(InvalidInputError) as caught:
        period_from(school_year="2021-2023")
    assert caught.value.problems[0][0] == "school_year"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2024, 8, 31), 6, date(2025, 2, 28)),  # February 2025 has 28 days
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # February 2024 has 29
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),  # over the year's end
        (date(2025, 1, 15), -1, date(2024, 12, 15)),
        (date(2024, 5, 31), 0, date(2024, 5, 31)),
    ],
)
def test_add_months_clamps_to_the_last_day(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_add_years_moves_29_february_to_28_february() -> None:
    assert add_years(date(2020, 2, 29), 1) == date(2021, 2, 28)
    assert add_years(date(2020, 2, 29), 4) == date(2024, 2, 29)
    assert add_years(date(2021, 2, 28), 3) == date(2024, 2, 28)


@pytest.mark.parametrize(
    ("amount", "rounded"),
    [
        ("0.005", "0.01"),  # half-up, not to even
        ("0.015", "0.02"),
        ("0.025", "0.03"),  # banker's rounding would give 0.02
        ("0.0049", "0.00"),
        ("-0.005", "-0.01"),  # away from zero
        ("61.725", "61.73"),
        ("100", "100.00"),
    ],
)
def test_money_rounds_half_up_to_cents(amount: str, rounded: str) -> None:
    result = round_money(Decimal(amount))
    assert result == Decimal(rounded)
    assert result.as_tuple().exponent == -2


def test_euros_are_written_the_dutch_way() -> None:
    assert format_eur(Decimal("0.5")) == "€ 0,50"
    assert format_eur(Decimal("1234567.891")) == "€ 1.234.567,89"
    assert format_eur(Decimal("-3100")) == "€ -3.100,00"


def test_decimals_are_written_without_exponent_or_trailing_zeros() -> None:
    assert format_decimal(Decimal("1E+2")) == "100"
    assert format_decimal(Decimal("20.0")) == "20"
    assert format_decimal(Decimal("0.00001")) == "0.00001"
    assert format_decimal(Decimal("16.668")) == "16.668"
