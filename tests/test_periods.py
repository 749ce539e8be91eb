"""Periods: calendar year, school year (1 August to 31 July) and day, and their reference days."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from onderwijsregels import CalendarYear, Day, InvalidInputError, SchoolYear
from onderwijsregels.periods import period_from


def test_calendar_year_bounds_and_reference_day() -> None:
    year = CalendarYear(2021)
    assert (year.start, year.end) == (date(2021, 1, 1), date(2021, 12, 31))
    # Convention: a period is evaluated on its first day.
    assert year.reference_day == date(2021, 1, 1)
    assert year.label == "2021"
    assert year.contains(date(2021, 12, 31))
    assert not year.contains(date(2022, 1, 1))


def test_school_year_runs_august_to_july() -> None:
    # "schooljaar: tijdvak van 1 augustus tot en met 31 juli daaropvolgend" (Stcrt. 2021, 15566, art. 1)
    year = SchoolYear.parse("2021-2022")
    assert (year.start, year.end) == (date(2021, 8, 1), date(2022, 7, 31))
    assert year.reference_day == date(2021, 8, 1)
    assert year.label == "2021-2022"
    assert SchoolYear(2021) == year


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2021, 7, 31), "2020-2021"),
        (date(2021, 8, 1), "2021-2022"),
        (date(2022, 1, 1), "2021-2022"),
        (date(2022, 7, 31), "2021-2022"),
        (date(2022, 8, 1), "2022-2023"),
    ],
)
def test_school_year_containing(day: date, label: str) -> None:
    assert SchoolYear.containing(day).label == label
    assert SchoolYear.containing(day).contains(day)


@pytest.mark.parametrize("text", ["2021-2023", "2021/2022", "21-22", "2021-2020", "", "2021"])
def test_bad_school_year_text(text: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        SchoolYear.parse(text)
    assert caught.value.field == "school_year"


def test_school_year_not_text() -> None:
    with pytest.raises(InvalidInputError):
        SchoolYear.parse(2021)


@pytest.mark.parametrize("year", [True, 1899, 3000, "2020"])
def test_bad_calendar_year(year: object) -> None:
    with pytest.raises(InvalidInputError):
        CalendarYear(year)  # type: ignore[arg-type]


def test_day_period() -> None:
    day = Day(date(2021, 3, 1))
    assert day.reference_day == date(2021, 3, 1)
    assert (day.start, day.end) == (date(2021, 3, 1), date(2021, 3, 1))
    assert day.label == "2021-03-01"


def test_day_rejects_datetime() -> None:
    with pytest.raises(InvalidInputError) as caught:
        Day(datetime(2021, 3, 1, 12, 0))
    assert caught.value.field == "on"


def test_period_from_exactly_one() -> None:
    assert period_from(year=2020) == CalendarYear(2020)
    assert period_from(on=date(2020, 5, 1)) == Day(date(2020, 5, 1))
    assert period_from(school_year="2021-2022") == SchoolYear(2021)
    assert period_from(school_year=SchoolYear(2019)) == SchoolYear(2019)
    with pytest.raises(InvalidInputError, match="exactly one"):
        period_from()
    with pytest.raises(InvalidInputError, match="exactly one"):
        period_from(year=2020, school_year="2020-2021")


def test_period_kinds() -> None:
    assert CalendarYear(2020).kind == "kalenderjaar"
    assert SchoolYear(2020).kind == "schooljaar"
    assert Day(date(2020, 1, 1)).kind == "dag"


def test_the_days_of_a_month_are_the_calendars() -> None:
    # add_months counts a month's days itself (importing calendar and locale cost ~1 ms).
    import calendar

    from onderwijsregels.periods import _days_in_month, add_months

    for year in range(1, 10000):
        for month in range(1, 13):
            assert _days_in_month(year, month) == calendar.monthrange(year, month)[1]
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2100, 1, 31), 1) == date(2100, 2, 28)
    assert add_months(date(2000, 3, 31), -1) == date(2000, 2, 29)
    with pytest.raises(ValueError, match="out of range"):
        add_months(date(9999, 12, 1), 1)
