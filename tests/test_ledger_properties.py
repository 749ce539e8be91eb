"""Properties of the ledger over random histories (hypothesis).

A history: situations for consecutive years up to 2024 with a random function,
werktijdfactor and school, random savings agreements, and random spendings added one
by one with ``Ledger.spend`` (the ones that raise OverspendingError are skipped).

The statement is checked against a small reference model written here from the
rules as stated (oldest tranche first; a tranche can be spent from 1 January of its
year up to and including its spend-by day and lapses at the end of that day), so
``accrued = spent + lapsed + balance`` is tested with each side computed on its own,
not through ``balance_on``'s own definition.

The spendings are tried in the order drawn, not by date, so a spending is often added before
one that is already booked on a later day. ``Ledger.spend`` must then refuse or accept it
consistently: it accepts a spending exactly when the ledger with it still pays every spending in
full (its statement raises no OverspendingError), and refuses it, unchanged, otherwise; either
way ``accrued = spent + lapsed + balance`` holds on every day and nothing is negative.
"""

from __future__ import annotations

import json
import tempfile
import tomllib
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import onderwijsregels as owr
from onderwijsregels.ledger import (
    Ledger,
    OverspendingError,
    SavingsAgreement,
    Situation,
    Spending,
    SpendingKind,
    Tranche,
)
from onderwijsregels.records import load_ledgers
from onderwijsregels.statement import Statement
from onderwijsregels.testing.strategies import werktijdfactoren

ROOT = Path(__file__).resolve().parent.parent
ZERO = Decimal("0.00")
THROUGH = 2028  # a director's 2024 tranche, saved, can be spent until 2028-12-31
FAST = settings(max_examples=50)


def _rulebook() -> owr.Rulebook:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return owr.load(only=sorted(project["project"]["entry-points"]["onderwijsregels"]))


RULEBOOK = _rulebook()


@attrs.frozen
class History:
    """A ledger built by spending one by one: every spending tried, in order, and which fitted."""

    ledger: Ledger
    tried: tuple[Spending, ...]
    accepted: tuple[bool, ...]

    @property
    def start(self) -> Ledger:
        """The ledger before any spending."""
        return attrs.evolve(self.ledger, spendings=())


# Human text: control characters such as NEL (U+0085) are line breaks in YAML and do not survive
# a YAML round trip by design of the format, so descriptions are drawn without them.
_TEXT = st.characters(exclude_categories=("Cc", "Cs"))


@st.composite
def situations(draw: st.DrawFn) -> list[Situation]:
    first = draw(st.integers(min_value=2020, max_value=2024))
    return [
        Situation(
            year,
            draw(st.sampled_from(owr.Function)),
            draw(werktijdfactoren(places=2)),
            school=draw(st.sampled_from(["A", "B", None])),
        )
        for year in range(first, 2025)
    ]


@st.composite
def agreements(draw: st.DrawFn) -> list[SavingsAgreement]:
    found = []
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        first = draw(st.integers(min_value=2020, max_value=2024))
        last = draw(st.integers(min_value=first, max_value=min(first + 2, 2024)))
        found.append(SavingsAgreement(first, last))
    return found


def spendings() -> st.SearchStrategy[Spending]:
    return st.builds(
        Spending,
        day=st.dates(min_value=date(2020, 1, 1), max_value=date(THROUGH, 12, 31)),
        amount=st.integers(min_value=1, max_value=400_000).map(lambda cents: Decimal(cents) / 100),
        kind=st.sampled_from(SpendingKind),
        description=st.text(_TEXT, max_size=12),
    )


@st.composite
def histories(draw: st.DrawFn) -> History:
    ledger = Ledger(
        situations=draw(situations()),
        agreements=draw(agreements()),
        name=draw(st.none() | st.text(_TEXT, max_size=12)),
    )
    tried = draw(st.lists(spendings(), max_size=8))  # in the order drawn, not by date
    accepted = []
    for spending in tried:
        try:
            ledger = ledger.spend(spending, RULEBOOK)
        except OverspendingError:
            accepted.append(False)
            continue
        accepted.append(True)
    return History(ledger, tuple(tried), tuple(accepted))


# --- the reference model ------------------------------------------------------------------------


@attrs.frozen
class Reference:
    tranches: tuple[Tranche, ...]
    allocations: tuple[tuple[date, int, Decimal], ...]

    def allocated(self, year: int, day: date) -> Decimal:
        return sum((amount for on, y, amount in self.allocations if y == year and on <= day), ZERO)

    def accrued(self, day: date) -> Decimal:
        return sum((t.amount for t in self.tranches if date(t.year, 1, 1) <= day), ZERO)

    def spent(self, day: date) -> Decimal:
        return sum((amount for on, _, amount in self.allocations if on <= day), ZERO)

    def lapsed(self, day: date) -> Decimal:
        return sum(
            (
                t.amount - self.allocated(t.year, t.spend_by)
                for t in self.tranches
                if t.spend_by <= day
            ),
            ZERO,
        )

    def balance(self, day: date) -> Decimal:
        return sum(
            (
                t.amount - self.allocated(t.year, day)
                for t in self.tranches
                if date(t.year, 1, 1) <= day < t.spend_by  # lapses at the end of spend_by
            ),
            ZERO,
        )


def reference(tranches: Sequence[Tranche], accepted: Sequence[Spending]) -> Reference:
    """Allocate each spending, in date order, to the oldest tranche that can still pay."""
    left = {t.year: t.amount for t in tranches}
    allocations = []
    for spending in sorted(accepted, key=lambda item: item.day):
        need = spending.amount
        for tranche in sorted(tranches, key=lambda t: t.year):
            if tranche.year > spending.day.year or tranche.spend_by < spending.day:
                continue
            take = min(need, left[tranche.year])
            if take:
                left[tranche.year] -= take
                need -= take
                allocations.append((spending.day, tranche.year, take))
            if not need:
                break
        assert need == 0, "an accepted spending must be paid in full"
    return Reference(tuple(tranches), tuple(allocations))


def days_of_interest(ledger: Ledger) -> list[date]:
    days = {spending.day for spending in ledger.spendings}
    for year in range(ledger.situations[0].year, THROUGH + 1):
        days |= {date(year, 1, 1), date(year, 12, 31)}
    return sorted(days)


def statement(ledger: Ledger) -> Statement:
    return ledger.statement(RULEBOOK, through=THROUGH)


# --- properties ---------------------------------------------------------------------------------


@FAST
@given(histories())
def test_accrued_is_spent_plus_lapsed_plus_balance_on_every_day(history: History) -> None:
    ledger = history.ledger
    result = statement(ledger)
    model = reference(ledger.tranches(RULEBOOK, through=THROUGH), ledger.spendings)
    assert [(a.on, a.tranche_year, a.amount) for a in result.allocations] == list(model.allocations)
    for day in days_of_interest(ledger):
        accrued, spent = model.accrued(day), model.spent(day)
        lapsed, balance = model.lapsed(day), model.balance(day)
        assert accrued == spent + lapsed + balance, day
        assert result.accrued_until(day) == accrued, day
        assert result.spent_until(day) == spent, day
        assert result.lapsed_until(day) == lapsed, day
        assert result.balance_on(day) == balance, day
        # Spent counts whole spendings: every accepted spending was paid in full.
        assert spent == sum((s.amount for s in ledger.spendings if s.day <= day), ZERO)


@FAST
@given(histories())
def test_year_lines_follow_from_the_days(history: History) -> None:
    result = statement(history.ledger)
    opening = ZERO
    for line in result.years:
        assert line.opening == opening
        assert line.closing == line.opening + line.accrued - line.spent - line.lapsed
        assert line.closing == result.balance_on(date(line.year, 12, 31))
        opening = line.closing
    for item in result.tranches:
        assert item.tranche.amount == item.spent + item.lapsed + item.remaining
    assert sum((line.remaining for line in result.tranches), ZERO) == result.balance_on(
        result.as_of
    )


@FAST
@given(histories())
def test_nothing_is_negative(history: History) -> None:
    ledger = history.ledger
    result = statement(ledger)
    for line in result.years:
        figures = (line.opening, line.accrued, line.spent, line.lapsed, line.closing)
        assert all(figure >= 0 for figure in figures), line
    for item in result.tranches:
        assert item.tranche.amount >= 0
        assert 0 <= item.remaining <= item.tranche.amount
        assert item.spent >= 0
        assert item.lapsed >= 0
    assert all(a.amount > 0 for a in result.allocations)
    assert all(amount >= 0 for _, _, amount in result.lapses)
    for day in days_of_interest(ledger):
        assert result.balance_on(day) >= 0


@FAST
@given(histories())
def test_every_figure_is_in_whole_cents(history: History) -> None:
    result = statement(history.ledger)
    figures = [a.amount for a in result.allocations] + [amount for *_, amount in result.lapses]
    figures += [line.remaining for line in result.tranches]
    assert all(figure == figure.quantize(Decimal("0.01")) for figure in figures)


@FAST
@given(histories(), st.data())
def test_more_spending_never_increases_what_lapses(history: History, data: st.DataObject) -> None:
    ledger = history.ledger
    keep = data.draw(st.integers(min_value=0, max_value=len(ledger.spendings)))
    prefix = attrs.evolve(ledger, spendings=ledger.spendings[:keep])
    full, part = statement(ledger), statement(prefix)
    assert full.lapsed_until(full.as_of) <= part.lapsed_until(part.as_of)
    for mine, theirs in zip(full.tranches, part.tranches, strict=True):
        assert mine.lapsed <= theirs.lapsed
    for day in days_of_interest(ledger):
        assert full.lapsed_until(day) <= part.lapsed_until(day)


def assert_balanced(ledger: Ledger) -> None:
    """accrued = spent + lapsed + balance on every day of interest, each side computed on its
    own by the reference model and equal to the statement's; nothing negative."""
    result = statement(ledger)
    model = reference(ledger.tranches(RULEBOOK, through=THROUGH), ledger.spendings)
    for day in days_of_interest(ledger):
        accrued, spent = model.accrued(day), model.spent(day)
        lapsed, balance = model.lapsed(day), model.balance(day)
        assert accrued == spent + lapsed + balance, day
        assert min(accrued, spent, lapsed, balance) >= 0, day
        assert (
            result.accrued_until(day),
            result.spent_until(day),
            result.lapsed_until(day),
            result.balance_on(day),
        ) == (accrued, spent, lapsed, balance), day
    assert all(0 <= line.remaining <= line.tranche.amount for line in result.tranches)


@FAST
@given(histories())
def test_spend_accepts_exactly_what_the_statement_can_pay(history: History) -> None:
    # Replay the spendings in the order they were tried (not by date). A spending is checked
    # against the whole ledger, not only the days before it: an accepted one leaves a ledger that
    # pays every spending in full and balances on every day; a refused one would leave some
    # spending unpaid (itself, or a later one whose money it would take), and the ledger stays
    # as it was.
    ledger = history.start
    for spending, accepted in zip(history.tried, history.accepted, strict=True):
        extended = attrs.evolve(ledger, spendings=(*ledger.spendings, spending))
        if accepted:
            assert ledger.spend(spending, RULEBOOK) == extended
            assert_balanced(extended)  # its statement raised nothing: every spending is paid
            ledger = extended
            continue
        with pytest.raises(OverspendingError) as unpaid:
            statement(extended)
        # Allocation runs in date order, so only a spending on or after the new one's day can
        # lose its money to it.
        assert unpaid.value.spending.day >= spending.day  # type: ignore[attr-defined]
        with pytest.raises(OverspendingError) as refused:
            ledger.spend(spending, RULEBOOK)
        error = refused.value
        assert 0 <= error.available < error.spending.amount  # type: ignore[attr-defined]
    assert ledger == history.ledger


@FAST
@given(histories())
def test_statement_is_deterministic(history: History) -> None:
    first, second = statement(history.ledger), statement(history.ledger)
    assert first == second
    assert first.to_text() == second.to_text()
    assert first.to_csv() == second.to_csv()
    assert json.dumps(first.to_dict()) == json.dumps(second.to_dict())


@FAST
@given(histories())
def test_to_dict_from_dict_round_trip_is_lossless(history: History) -> None:
    ledger = history.ledger
    data = ledger.to_dict()
    again = Ledger.from_dict(data)
    assert again == ledger
    assert again.to_dict() == data
    through_json = Ledger.from_dict(json.loads(json.dumps(data)))
    assert through_json == ledger
    assert statement(again) == statement(ledger)


@settings(max_examples=25)
@given(histories())
def test_json_and_yaml_files_round_trip(history: History) -> None:
    ledger = history.ledger
    data: dict[str, Any] = {"ledgers": [ledger.to_dict()]}
    with tempfile.TemporaryDirectory() as folder:
        as_json = Path(folder) / "ledger.json"
        as_json.write_text(json.dumps(data), encoding="utf-8")
        as_yaml = Path(folder) / "ledger.yaml"
        as_yaml.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        assert load_ledgers(as_json) == [ledger]
        assert load_ledgers(as_yaml) == [ledger]


def test_an_earlier_spending_added_later_is_booked_in_date_order() -> None:
    # A director saves 2020-2022: 3100 (spend by 2023), 3100 (2024), 3000 (2025). First € 1000
    # on 2024-03-01: 2020 has lapsed by then, so it is paid from 2021. Then € 2000 on
    # 2023-03-01, added after it: it fits (nothing is booked before 2024) and, oldest first, is
    # paid from 2020; the 2024 spending still finds 3100 - 0 = 3100 of 2021 and keeps it.
    ledger = Ledger(
        situations=[Situation(y, owr.Function.DIRECTEUR, Decimal("1")) for y in (2020, 2021, 2022)],
        agreements=[SavingsAgreement(2020, 2022)],
    )
    late = Spending(date(2024, 3, 1), Decimal("1000.00"), SpendingKind.STUDIEVERLOF, "late")
    early = Spending(date(2023, 3, 1), Decimal("2000.00"), SpendingKind.STUDIEVERLOF, "early")
    ledger = ledger.spend(late, RULEBOOK).spend(early, RULEBOOK)
    assert ledger.spendings == (early, late)
    result = statement(ledger)
    assert [(a.on, a.tranche_year, a.amount) for a in result.allocations] == [
        (date(2023, 3, 1), 2020, Decimal("2000.00")),
        (date(2024, 3, 1), 2021, Decimal("1000.00")),
    ]
    # Lapses: 2020 3100 - 2000 = 1100; 2021 3100 - 1000 = 2100; 2022 3000 untouched.
    assert sorted(result.lapses) == [
        (date(2023, 12, 31), 2020, Decimal("1100.00")),
        (date(2024, 12, 31), 2021, Decimal("2100.00")),
        (date(2025, 12, 31), 2022, Decimal("3000.00")),
    ]
    # accrued 9200 = spent 3000 + lapsed 6200 + balance 0.
    end = date(THROUGH, 12, 31)
    assert (result.accrued_until(end), result.spent_until(end), result.lapsed_until(end)) == (
        Decimal("9200.00"),
        Decimal("3000.00"),
        Decimal("6200.00"),
    )
    assert result.balance_on(end) == ZERO
