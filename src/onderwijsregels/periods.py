"""Periods the rules speak of: a calendar year, a school year and a day.

A *schooljaar* runs from 1 August to 31 July and is written ``"2021-2022"``.

**The reference-day convention.** A period is evaluated on one day, its
*peildatum*: the first day of the period (1 January of a calendar year,
1 August of a school year, or the day itself). The edition of each rule family
is the one in force on that day, and every result shows the day used.

>>> CalendarYear(2020).reference_day
datetime.date(2020, 1, 1)
>>> SchoolYear.parse("2021-2022").reference_day
datetime.date(2021, 8, 1)
>>> SchoolYear.containing(date(2022, 7, 31)).label
'2021-2022'
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

import attrs

from onderwijsregels.convert import check_day, shown
from onderwijsregels.errors import InvalidInputError
from onderwijsregels.limits import FIRST_YEAR, LAST_YEAR

__all__ = [
    "CalendarYear",
    "Day",
    "Period",
    "SchoolYear",
    "add_months",
    "add_years",
    "check_year",
    "period_from",
]

_SCHOOL_YEAR = re.compile(r"([0-9]{4})-([0-9]{4})", re.ASCII)
_FIRST_YEAR = FIRST_YEAR
_LAST_YEAR = LAST_YEAR


def check_year(year: object, field: str) -> int:
    """``year`` if it is a whole calendar year the library accepts, else InvalidInputError on ``field``.

    >>> check_year(2020, "year")
    2020
    """
    return _check_year(year, field)


def _check_year(year: object, field: str) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidInputError(field, f"must be a whole year such as 2020, got {shown(year)}")
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise InvalidInputError(
            field, f"must lie between {_FIRST_YEAR} and {_LAST_YEAR}, got {year}"
        )
    return year


@attrs.frozen(order=True)
class CalendarYear:
    """A calendar year (*kalenderjaar*), 1 January to 31 December.

    >>> CalendarYear(2021).label, CalendarYear(2021).end
    ('2021', datetime.date(2021, 12, 31))
    """

    year: int = attrs.field()

    @year.validator
    def _valid(self, _: attrs.Attribute[int], value: int) -> None:
        _check_year(value, "year")

    kind: Literal["kalenderjaar"] = attrs.field(default="kalenderjaar", init=False, eq=False)

    @property
    def start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, 12, 31)

    @property
    def reference_day(self) -> date:
        """The day this period is evaluated on: 1 January."""
        return self.start

    @property
    def label(self) -> str:
        return str(self.year)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @classmethod
    def containing(cls, day: date) -> CalendarYear:
        """The calendar year a day lies in."""
        return cls(day.year)


@attrs.frozen(order=True)
class SchoolYear:
    """A school year (*schooljaar*), 1 August to 31 July, named by both years.

    >>> SchoolYear(2021).label
    '2021-2022'
    >>> SchoolYear.parse("2021-2023")
    Traceback (most recent call last):
    ...
    onderwijsregels.errors.InvalidInputError: school_year: '2021-2023' is not a school year: the second year must follow the first, as in '2021-2022'
    """

    start_year: int = attrs.field()

    @start_year.validator
    def _valid(self, _: attrs.Attribute[int], value: int) -> None:
        _check_year(value, "start_year")

    kind: Literal["schooljaar"] = attrs.field(default="schooljaar", init=False, eq=False)

    @classmethod
    def parse(cls, text: object, field: str = "school_year") -> SchoolYear:
        """Read a school year written as ``"2021-2022"``."""
        if not isinstance(text, str):
            raise InvalidInputError(
                field, f"must be a string such as '2021-2022', got {shown(text)}"
            )
        match = _SCHOOL_YEAR.fullmatch(text)
        if match is None:
            raise InvalidInputError(field, f"{shown(text)} is not written like '2021-2022'")
        first, second = int(match[1]), int(match[2])
        if second != first + 1:
            raise InvalidInputError(
                field,
                f"{shown(text)} is not a school year: the second year must follow the first, "
                f"as in '{first}-{first + 1}'",
            )
        return cls(_check_year(first, field))

    @classmethod
    def containing(cls, day: date) -> SchoolYear:
        """The school year a day lies in."""
        return cls(day.year if day.month >= 8 else day.year - 1)

    @property
    def start(self) -> date:
        return date(self.start_year, 8, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 7, 31)

    @property
    def reference_day(self) -> date:
        """The day this period is evaluated on: 1 August."""
        return self.start

    @property
    def label(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


@attrs.frozen(order=True)
class Day:
    """A single day (*peildatum*).

    >>> Day(date(2021, 3, 1)).label
    '2021-03-01'
    """

    day: date = attrs.field()

    @day.validator
    def _valid(self, _: attrs.Attribute[date], value: date) -> None:
        check_day(value, "on")

    kind: Literal["dag"] = attrs.field(default="dag", init=False, eq=False)

    @property
    def start(self) -> date:
        return self.day

    @property
    def end(self) -> date:
        return self.day

    @property
    def reference_day(self) -> date:
        return self.day

    @property
    def label(self) -> str:
        return self.day.isoformat()

    def contains(self, day: date) -> bool:
        return day == self.day


Period = CalendarYear | SchoolYear | Day
"""Any period the rules can be evaluated for."""


def period_from(
    *, year: int | None = None, on: date | None = None, school_year: str | SchoolYear | None = None
) -> Period:
    """The period named by exactly one of ``year``, ``on`` or ``school_year``.

    >>> period_from(school_year="2021-2022")
    SchoolYear(start_year=2021, kind='schooljaar')
    >>> period_from(year=2020, on=date(2020, 5, 1))
    Traceback (most recent call last):
    ...
    onderwijsregels.errors.InvalidInputError: period: give exactly one of year, on or school_year (got year, on)
    """
    given = [
        name
        for name, value in (("year", year), ("on", on), ("school_year", school_year))
        if value is not None
    ]
    if len(given) != 1:
        raise InvalidInputError(
            "period",
            f"give exactly one of year, on or school_year (got {', '.join(given) or 'none'})",
        )
    if year is not None:
        return CalendarYear(_check_year(year, "year"))
    if on is not None:
        return Day(on)
    if isinstance(school_year, SchoolYear):
        return school_year
    return SchoolYear.parse(school_year)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    """The number of days in ``month`` (1-12) of ``year``: ``calendar.monthrange(year,
    month)[1]``, without importing :mod:`calendar` (and :mod:`locale`) for it."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day when it has no such day.

    >>> add_months(date(2024, 8, 31), 6)
    datetime.date(2025, 2, 28)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _days_in_month(year, month + 1)
    return date(year, month + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later (29 February becomes 28 February).

    >>> add_years(date(2020, 2, 29), 4), add_years(date(2020, 2, 29), 1)
    (datetime.date(2024, 2, 29), datetime.date(2021, 2, 28))
    """
    return add_months(day, 12 * years)
