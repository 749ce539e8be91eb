"""Editions tile time: from 2020-01-01 on exactly one edition per family governs each day.

The looptijden (facts.md part 1, section 0) follow each other without gap or overlap:
2019-2020 (content from 2020-01-01) to 2020-12-31, 2021 to 2021-12-31, 2022 to 2022-05-31,
2022-2023 to 2023-04-30, 2023-2024 to 2024-09-30, 2024-2025 to 2025-10-31, 2025-2027 to
2027-02-28; after that the last edition still applies (nawerking).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import example, given

import onderwijsregels as owr
from onderwijsregels import Edition
from onderwijsregels.testing import strategies
from onderwijsregels.testing.plugins import shipped_plugins

BUILT_IN = tuple(
    name for name in shipped_plugins() if name.startswith(("cao-po", "prestatiebox", "bekostiging"))
)
"""The shipped CAO and funding editions (pyproject.toml); registers and third-party plugins are
left out, so an employee's evaluation has exactly one family."""

FIRST = date(2020, 1, 1)
LAST = date(2030, 12, 31)

RB = owr.load(only=BUILT_IN)
"""Loaded once at import: hypothesis examples should not reload entry points."""
INSTALLED = owr.load()
"""Everything installed, third-party plugins included."""


def governing(editions: tuple[Edition, ...], day: date) -> list[Edition]:
    """Editions that govern ``day`` by the definition: started, and no later one started since."""
    return [
        edition
        for edition in editions
        if edition.starts <= day
        and not any(edition.starts < other.starts <= day for other in editions)
    ]


BOUNDARY_DAYS = [
    date(2021, 12, 31),
    date(2022, 1, 1),
    date(2022, 5, 31),
    date(2022, 6, 1),
    date(2023, 4, 30),
    date(2023, 5, 1),
    date(2024, 9, 30),
    date(2024, 10, 1),
    date(2025, 10, 31),
    date(2025, 11, 1),
    date(2027, 2, 28),
    date(2027, 3, 1),
]


def at_boundaries(test: Callable[[date], None]) -> Callable[[date], None]:
    """Always try every edition boundary, besides the random days."""
    for day in BOUNDARY_DAYS:
        test = example(day)(test)
    return test


@at_boundaries
@given(strategies.days(FIRST, LAST))
def test_exactly_one_cao_po_edition_governs(day: date) -> None:
    editions = RB.editions("cao-po")
    found = governing(editions, day)
    assert len(found) == 1
    chosen = RB.edition("cao-po", on=day)
    assert chosen == found[0]
    assert chosen.starts <= day
    assert not any(chosen.starts < other.starts <= day for other in editions)
    # Inside its looptijd it is not nawerking; past it, only the last edition may apply.
    if chosen.valid_to is not None and day > chosen.valid_to:
        assert chosen is editions[-1]


@given(strategies.days(FIRST, LAST))
def test_every_family_has_exactly_one_edition(day: date) -> None:
    for family in RB.families():
        found = governing(RB.editions(family), day)
        assert len(found) == 1, family
        assert RB.edition(family, on=day) == found[0]


@given(strategies.days(FIRST, date(2098, 12, 31)))
def test_third_party_plugins_do_not_move_built_in_days(day: date) -> None:
    # An installed third-party edition (the example plugin's starts in 2099) may govern a day of
    # a built-in edition's looptijd only by declaring that it supersedes it; past the built-in
    # editions' end (nawerking) a later edition may simply start.
    built = RB.edition("cao-po", on=day)
    chosen = INSTALLED.edition("cao-po", on=day)
    assert chosen.id == built.id or built.is_nawerking(day) or built.id in chosen.supersedes


@given(strategies.days(FIRST, LAST))
def test_evaluation_matches_edition(day: date) -> None:
    juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=1, scale="L11")
    ev = RB.evaluate(juf, on=day)
    (use,) = ev.editions
    chosen = RB.edition("cao-po", on=day)
    assert use.edition.id == chosen.id
    assert use.nawerking == (chosen.valid_to is not None and day > chosen.valid_to)


def test_cao_po_editions_tile_without_gaps_or_overlaps() -> None:
    editions = RB.editions("cao-po")
    assert [e.id for e in editions] == [
        "cao-po-2019-2020",
        "cao-po-2021",
        "cao-po-2022",
        "cao-po-2022-2023",
        "cao-po-2023-2024",
        "cao-po-2024-2025",
        "cao-po-2025-2027",
    ]
    for earlier, later in itertools.pairwise(editions):
        assert earlier.valid_to is not None, earlier.id
        assert earlier.valid_to + timedelta(days=1) == later.starts, (earlier.id, later.id)
        assert later.valid_from == later.starts  # only 2019-2020 applies later than it starts
    assert editions[-1].valid_to == date(2027, 2, 28)


def test_first_edition_content_starts_2020() -> None:
    first = RB.get("cao-po-2019-2020")
    assert (first.valid_from, first.applies_from, first.starts) == (
        date(2019, 3, 1),
        date(2020, 1, 1),
        date(2020, 1, 1),
    )


@pytest.mark.parametrize("family", ["cao-po", "bekostiging-professionalisering"])
def test_starts_strictly_increase(family: str) -> None:
    starts = [edition.starts for edition in RB.editions(family)]
    assert starts == sorted(starts)
    assert len(set(starts)) == len(starts)


def test_every_day_2020_to_2030_walked_once() -> None:
    """The property, exhaustively: each day's edition is the previous day's or the next one."""
    editions = RB.editions("cao-po")
    day = FIRST
    previous = RB.edition("cao-po", on=day)
    assert previous.id == "cao-po-2019-2020"
    seen = [previous.id]
    while day < LAST:
        day += timedelta(days=1)
        current = RB.edition("cao-po", on=day)
        if current != previous:
            assert current.starts == day  # switches exactly on the new edition's first day
            assert editions.index(current) == editions.index(previous) + 1
            seen.append(current.id)
        previous = current
    assert seen == [e.id for e in editions]
