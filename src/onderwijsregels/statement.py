"""The statement for the yearly review: what accrued, was spent and lapsed, per year and tranche.

Built by :meth:`onderwijsregels.ledger.Ledger.statement`. Per calendar year it
gives the opening balance, what accrued, what was spent, what lapsed to the
general training budget (booked per school: our reading), and the closing balance; per tranche what is
left and until when; and warnings for money that lapses within twelve months.
Every figure names the rule it rests on. Text, JSON and CSV.

A tranche can be spent up to and including its spend-by day and lapses at the
end of that day. ``accrued = spent + lapsed + balance`` holds on every day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from onderwijsregels.citations import Interpretation
from onderwijsregels.convert import check_day, converter, shown, unstructure
from onderwijsregels.errors import InvalidInputError, OverspendingError
from onderwijsregels.i18n import Message, gettext, translate, yes_no
from onderwijsregels.ledger import OLDEST_FIRST, Ledger, Spending, Tranche
from onderwijsregels.money import format_eur
from onderwijsregels.periods import add_years, check_year
from onderwijsregels.present.csv import rows_to_csv
from onderwijsregels.present.text import table
from onderwijsregels.present.words import checked_language, interpretation_words
from onderwijsregels.receipt import Receipt

if TYPE_CHECKING:
    from onderwijsregels.rulebook import Rulebook

__all__ = [
    "CSV_HEADER",
    "Allocation",
    "BoardLapse",
    "Statement",
    "TrancheLine",
    "YearLine",
    "board_lapses",
    "build_statement",
    "fit_spending",
    "lapses_per_school",
]

ZERO = Decimal("0.00")


@attrs.frozen
class Allocation:
    """The part of one spending taken from one tranche."""

    on: date
    tranche_year: int
    amount: Decimal
    description: str


@attrs.frozen
class YearLine:
    """One calendar year of the statement; ``basis`` names the rules its figures rest on."""

    year: int
    opening: Decimal
    accrued: Decimal
    spent: Decimal
    lapsed: Decimal
    closing: Decimal
    basis: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "opening": str(self.opening),
            "accrued": str(self.accrued),
            "spent": str(self.spent),
            "lapsed": str(self.lapsed),
            "closing": str(self.closing),
            "basis": list(self.basis),
        }


@attrs.frozen
class TrancheLine:
    """One tranche as of the statement date."""

    tranche: Tranche
    spent: Decimal
    lapsed: Decimal
    remaining: Decimal

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        tranche = self.tranche
        return {
            "year": tranche.year,
            "amount": str(tranche.amount),
            "spent": str(self.spent),
            "lapsed": str(self.lapsed),
            "remaining": str(self.remaining),
            "spend_by": tranche.spend_by.isoformat(),
            "saved": tranche.saved,
            "school": tranche.school,
            "edition": tranche.edition,
            "accrual_basis": tranche.citation.reference,
            "saving_basis": tranche.saving_citation.reference,
            "interpretations": [item.summary for item in tranche.interpretations],
        }


@attrs.frozen
class Statement:
    """The ledger's statement through a calendar year (as of its 31 December).

    ``receipt`` names what it rests on: the ledger, ``through`` and ``as_of`` as asked (its
    input hash), the editions of its tranches and their distributions (see
    :mod:`onderwijsregels.receipt`).
    """

    name: str | None
    as_of: date
    years: tuple[YearLine, ...]
    tranches: tuple[TrancheLine, ...]
    allocations: tuple[Allocation, ...]
    lapses: tuple[tuple[date, int, Decimal], ...]
    warnings: tuple[str, ...]
    interpretations: tuple[Interpretation, ...]
    receipt: Receipt | None = None

    def accrued_until(self, day: date) -> Decimal:
        """Everything accrued up to and including ``day``."""
        return sum(
            (t.tranche.amount for t in self.tranches if date(t.tranche.year, 1, 1) <= day), ZERO
        )

    def spent_until(self, day: date) -> Decimal:
        return sum((a.amount for a in self.allocations if a.on <= day), ZERO)

    def lapsed_until(self, day: date) -> Decimal:
        """Everything lapsed by the end of ``day``."""
        return sum((amount for on, _, amount in self.lapses if on <= day), ZERO)

    def balance_on(self, day: date) -> Decimal:
        """What can still be spent at the end of ``day``."""
        return self.accrued_until(day) - self.spent_until(day) - self.lapsed_until(day)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        """A JSON-ready, deterministic dict."""
        return {
            "name": self.name,
            "as_of": self.as_of.isoformat(),
            "years": [unstructure(line) for line in self.years],
            "tranches": [unstructure(line) for line in self.tranches],
            "spendings": [
                {
                    "on": item.on.isoformat(),
                    "tranche": item.tranche_year,
                    "amount": str(item.amount),
                    "description": item.description,
                }
                for item in self.allocations
            ],
            "warnings": list(self.warnings),
            "interpretations": [unstructure(item) for item in self.interpretations],
            "receipt": self.receipt.to_dict() if self.receipt else None,
        }

    def to_text(self, lang: str = "en") -> str:
        """The statement for the yearly review, in ``lang`` (``en`` or ``nl``)."""
        lang = checked_language(lang)

        def _(text: str) -> str:
            return gettext(text, lang)

        day = self.as_of.isoformat()
        title = (
            _("Budget statement for {name}, as of {day}").format(name=self.name, day=day)
            if self.name
            else _("Budget statement, as of {day}").format(day=day)
        )
        lines = [title, ""]
        lines.append(
            table(
                [
                    _("year"),
                    _("opening"),
                    _("accrued"),
                    _("spent"),
                    _("lapsed"),
                    _("closing"),
                    _("rests on"),
                ],
                [
                    [
                        str(line.year),
                        format_eur(line.opening),
                        format_eur(line.accrued),
                        format_eur(line.spent),
                        format_eur(line.lapsed),
                        format_eur(line.closing),
                        "; ".join(line.basis),
                    ]
                    for line in self.years
                ],
            )
        )
        lines += ["", _("Tranches:")]
        lines.append(
            table(
                [
                    _("year"),
                    _("amount"),
                    _("spent"),
                    _("lapsed"),
                    _("left"),
                    _("spend by"),
                    _("saved"),
                    _("edition"),
                ],
                [
                    [
                        str(line.tranche.year),
                        format_eur(line.tranche.amount),
                        format_eur(line.spent),
                        format_eur(line.lapsed),
                        format_eur(line.remaining),
                        line.tranche.spend_by.isoformat(),
                        yes_no(line.tranche.saved, lang),
                        line.tranche.edition,
                    ]
                    for line in self.tranches
                ],
            )
        )
        if self.warnings:
            lines += ["", _("Warnings:")]
            lines += [f"  ! {translate(warning, lang)}" for warning in self.warnings]
        lines += ["", _("Interpretations (our reading where the sources are silent):")]
        lines += [f"  * {interpretation_words(item, lang)}" for item in self.interpretations]
        return "\n".join(lines)

    def csv_rows(self) -> list[list[str]]:
        """The rows of :meth:`to_csv` without its header (year lines, then tranche lines)."""
        rows = [
            [
                "year",
                str(line.year),
                str(line.opening),
                str(line.accrued),
                str(line.spent),
                str(line.lapsed),
                str(line.closing),
                "",
                "; ".join(line.basis),
            ]
            for line in self.years
        ]
        for item in self.tranches:
            tranche = item.tranche
            rows.append(
                [
                    "tranche",
                    str(tranche.year),
                    "",
                    str(tranche.amount),
                    str(item.spent),
                    str(item.lapsed),
                    str(item.remaining),
                    tranche.spend_by.isoformat(),
                    f"{tranche.citation.reference}; {tranche.saving_citation.reference}",
                ]
            )
        return rows

    def to_csv(self) -> str:
        """Year lines and tranche lines in one CSV, told apart by the ``kind`` column.

        For a tranche, ``accrued`` is its amount and ``closing`` what is left.
        """
        return rows_to_csv(CSV_HEADER, self.csv_rows()) + "\n"


CSV_HEADER = (
    "kind",
    "year",
    "opening",
    "accrued",
    "spent",
    "lapsed",
    "closing",
    "spend_by",
    "rests_on",
)
"""The columns of :meth:`Statement.to_csv`."""


def _available(
    remaining: dict[int, Decimal], tranches: Sequence[Tranche], day: date
) -> list[Tranche]:
    return [
        t for t in tranches if t.year <= day.year and t.spend_by >= day and remaining[t.year] > 0
    ]


def _allocate(
    spending: Spending, remaining: dict[int, Decimal], tranches: Sequence[Tranche]
) -> list[Allocation]:

    usable = _available(remaining, tranches, spending.day)
    available = sum((remaining[t.year] for t in usable), ZERO)
    if spending.amount > available:
        listed = [
            f"{t.year}: {format_eur(remaining[t.year])} left of {format_eur(t.amount)}, "
            f"spend by {t.spend_by.isoformat()}"
            for t in tranches
            if date(t.year, 1, 1) <= spending.day
        ]
        raise OverspendingError(spending, available, listed)
    allocations = []
    left = spending.amount
    for tranche in sorted(usable, key=lambda t: t.year):  # the oldest tranche first
        take = min(left, remaining[tranche.year])
        remaining[tranche.year] -= take
        left -= take
        allocations.append(
            Allocation(
                spending.day, tranche.year, take, spending.description or spending.kind.value
            )
        )
        if left == 0:
            break
    return allocations


def _interpretations(tranches: Iterable[Tranche]) -> tuple[Interpretation, ...]:
    found: list[Interpretation] = []
    for tranche in tranches:
        for item in tranche.interpretations:
            if item not in found:
                found.append(item)
    return tuple(found)


def _replay(
    spendings: Iterable[Spending], tranches: Sequence[Tranche], as_of: date
) -> tuple[list[Allocation], list[tuple[date, int, Decimal]]]:
    """Allocations and lapses of ``spendings`` (in day order) up to the end of ``as_of``."""
    remaining = {t.year: t.amount for t in tranches}
    allocations: list[Allocation] = []
    lapses: list[tuple[date, int, Decimal]] = []
    lapsed_tranches: set[int] = set()

    def lapse_before(day: date) -> None:
        for tranche in tranches:
            if tranche.spend_by < day and tranche.year not in lapsed_tranches:
                lapsed_tranches.add(tranche.year)
                lapses.append((tranche.spend_by, tranche.year, remaining[tranche.year]))
                remaining[tranche.year] = ZERO

    for spending in spendings:
        if spending.day > as_of:
            continue
        lapse_before(spending.day)
        allocations += _allocate(spending, remaining, tranches)
    lapse_before(as_of + timedelta(days=1))
    return allocations, lapses


def fit_spending(ledger: Ledger, spending: Spending, rulebook: Rulebook, *, through: int) -> None:
    """Check that ``spending`` fits in ``ledger`` (replayed through ``through``), or raise.

    The :class:`~onderwijsregels.errors.OverspendingError` names ``spending`` itself, also when
    it is a booked later spending that runs short once ``spending`` takes the oldest money
    first, with the most that can be spent on its day without making any booked spending fail
    (found by halving, in whole cents), and per tranche what the booked spendings leave of it.
    When the booked spendings do not fit by themselves, the error names the first of them that
    does not. Used by :meth:`~onderwijsregels.ledger.Ledger.spend`.
    """
    through = check_year(through, "through")
    tranches = ledger.tranches(rulebook, through=through)
    as_of = date(through, 12, 31)
    booked, _ = _replay(ledger.spendings, tranches, as_of)  # the booked spendings must fit

    def fits(amount: Decimal) -> bool:
        trial = attrs.evolve(spending, amount=amount)
        try:
            _replay(sorted((*ledger.spendings, trial), key=lambda item: item.day), tranches, as_of)
        except OverspendingError:
            return False
        return True

    if fits(spending.amount):
        return
    low, high = 0, int(spending.amount.scaleb(2))  # in cents: low fits, high does not
    while high - low > 1:
        middle = (low + high) // 2
        if fits(Decimal(middle).scaleb(-2)):
            low = middle
        else:
            high = middle
    listed = []
    for tranche in tranches:
        if date(tranche.year, 1, 1) > spending.day:
            continue
        spent = sum((a.amount for a in booked if a.tranche_year == tranche.year), ZERO)
        left = ZERO if tranche.spend_by < spending.day else tranche.amount - spent
        listed.append(
            f"{tranche.year}: {format_eur(left)} left of {format_eur(tranche.amount)}, "
            f"spend by {tranche.spend_by.isoformat()}"
        )
    raise OverspendingError(spending, Decimal(low).scaleb(-2), listed)


def build_statement(
    ledger: Ledger, rulebook: Rulebook, through: int, as_of: date | None = None
) -> Statement:
    """Replay accruals, spendings and lapses up to the end of ``as_of`` (default 31 December)."""
    through = check_year(through, "through")
    first = ledger.situations[0].year
    if through < first:
        raise InvalidInputError(
            "through", f"{through} lies before the ledger's first year ({first})"
        )
    if as_of is None:
        as_of = date(through, 12, 31)
    elif check_day(as_of, "as_of").year != through:
        raise InvalidInputError("as_of", f"must be a day in {through}, got {shown(as_of)}")
    tranches = ledger.tranches(rulebook, through=through)
    allocations, lapses = _replay(ledger.spendings, tranches, as_of)

    years = []
    opening = ZERO
    for year in range(first, through + 1):
        accrued = sum((t.amount for t in tranches if t.year == year), ZERO)
        spent = sum((a.amount for a in allocations if a.on.year == year), ZERO)
        lapsed = sum((amount for on, _, amount in lapses if on.year == year), ZERO)
        closing = opening + accrued - spent - lapsed
        spent_from = {a.tranche_year for a in allocations if a.on.year == year}
        basis = sorted(
            {t.citation.reference for t in tranches if t.year == year or t.year in spent_from}
            | {
                t.saving_citation.reference
                for t in tranches
                if t.spend_by.year == year and any(y == t.year for _, y, amount in lapses if amount)
            }
        )
        years.append(YearLine(year, opening, accrued, spent, lapsed, closing, tuple(basis)))
        opening = closing

    lines = []
    warnings = []
    for tranche in tranches:
        spent = sum((a.amount for a in allocations if a.tranche_year == tranche.year), ZERO)
        lapsed = sum((amount for _, y, amount in lapses if y == tranche.year), ZERO)
        left = tranche.amount - spent - lapsed
        lines.append(TrancheLine(tranche, spent, lapsed, left))
        if left > 0 and as_of <= tranche.spend_by <= add_years(as_of, 1):
            warnings.append(
                Message(
                    "{amount} of the {year} budget lapses after {day} to the general training "
                    "budget of the school (our reading) unless spent ({basis})",
                    amount=format_eur(left),
                    year=str(tranche.year),
                    day=tranche.spend_by.isoformat(),
                    basis=tranche.saving_citation.reference,
                )
            )
    readings = (
        (*_interpretations(tranches), OLDEST_FIRST) if allocations else _interpretations(tranches)
    )
    return Statement(
        name=ledger.name,
        as_of=as_of,
        years=tuple(years),
        tranches=tuple(lines),
        allocations=tuple(allocations),
        lapses=tuple(lapses),
        warnings=tuple(warnings),
        interpretations=readings,
        receipt=Receipt.of(
            {"ledger": ledger.to_dict(), "through": through, "as_of": as_of.isoformat()},
            [
                rulebook.edition_source(edition)
                for edition in dict.fromkeys(t.edition for t in tranches)
            ],
            as_of,
        ),
    )


@attrs.frozen
class BoardLapse:
    """Money lapsed into the general training budget, booked to one school, in one year.

    Booking it per school (the school of the accrual year) is our reading: the sources
    say only "het algemene scholingsbudget".
    """

    school: str | None
    year: int
    amount: Decimal


def board_lapses(
    ledgers: Iterable[Ledger], rulebook: Rulebook, *, through: int
) -> tuple[BoardLapse, ...]:
    """Total lapsed per school and year over a school board (only non-zero totals)."""
    chosen = tuple(ledgers)
    for ledger in chosen:
        if not isinstance(ledger, Ledger):
            raise InvalidInputError("ledgers", f"must be Ledgers, got {shown(ledger)}")
    return lapses_per_school(ledger.statement(rulebook, through=through) for ledger in chosen)


def lapses_per_school(statements: Iterable[Statement]) -> tuple[BoardLapse, ...]:
    """Total lapsed per school and year over statements already built (only non-zero totals)."""
    totals: dict[tuple[str | None, int], Decimal] = {}
    for statement in statements:
        if not isinstance(statement, Statement):
            raise InvalidInputError("statements", f"must be Statements, got {shown(statement)}")
        schools = {line.tranche.year: line.tranche.school for line in statement.tranches}
        for on, tranche_year, amount in statement.lapses:
            key = (schools[tranche_year], on.year)
            totals[key] = totals.get(key, ZERO) + amount
    return tuple(
        BoardLapse(school, year, amount)
        for (school, year), amount in sorted(
            totals.items(), key=lambda item: (item[0][0] or "", item[0][1])
        )
        if amount
    )


converter.register_unstructure_hook(YearLine, YearLine._json)
converter.register_unstructure_hook(TrancheLine, TrancheLine._json)
converter.register_unstructure_hook(Statement, Statement._json)
