"""The budget ledger: accrual, saving, spending and lapse of the individual budget over the years.

A :class:`Ledger` holds one employee's situation per calendar year (function,
werktijdfactor, scale, school), the savings agreements made with the
employer, and the spendings. Each year's accrual comes from evaluating the
rulebook for that year, so a new CAO plugin changes the ledger without
touching this module. Each accrual is a :class:`Tranche` with its own
spend-by date; spending takes the oldest tranche first; what is left after
the spend-by date lapses to the general training budget (*het algemene
scholingsbudget*), which the ledger books per school: a labelled reading.

Our readings where the sources are silent are listed in
:data:`INTERPRETATIONS` and attached to every statement.

>>> import onderwijsregels as owr
>>> from datetime import date
>>> rb = owr.load()
>>> ledger = Ledger(
...     situations=[Situation(2020, owr.Function.DIRECTEUR, Decimal("1"))],
...     agreements=[SavingsAgreement(2020, 2020)],
... )
>>> tranche, = ledger.tranches(rb, through=2020)
>>> tranche.amount, tranche.spend_by
(Decimal('3100.00'), datetime.date(2023, 12, 31))
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from onderwijsregels.citations import Citation, Interpretation
from onderwijsregels.contracts import (
    INDIVIDUEEL_BUDGET,
    MAXIMALE_SPAARTERMIJN,
    VERVALTERMIJN_DIRECTIEBUDGET,
)
from onderwijsregels.convert import (
    check_day,
    optional_text,
    shown,
    structure,
    structure_decimal,
    unstructure,
)
from onderwijsregels.errors import InvalidInputError, OverspendingError
from onderwijsregels.limits import MAX_AMOUNT
from onderwijsregels.model import (
    Employee,
    Function,
    to_function,
    to_werktijdfactor,
)
from onderwijsregels.money import format_eur
from onderwijsregels.periods import check_year
from onderwijsregels.rulebook import Rulebook

if TYPE_CHECKING:
    from onderwijsregels.statement import Statement

__all__ = [
    "INTERPRETATIONS",
    "Ledger",
    "OverspendingError",
    "SavingsAgreement",
    "Situation",
    "Spending",
    "SpendingKind",
    "Tranche",
]

AVAILABLE_FROM_1_JANUARY = Interpretation(
    summary="a year's budget is available in full from 1 January of that year",
    reasoning="the CAO grants the budget 'per jaar' without spreading it over the year",
)
OLDEST_FIRST = Interpretation(
    summary="spending takes the oldest tranche first",
    reasoning=(
        "the sources do not say which year's money a spending uses; first in, first out is the "
        "plain reading. It is not always the money closest to lapsing: when an unsaved year "
        "follows saved ones, the younger unsaved tranche lapses first"
    ),
)
NO_AGREEMENT_NO_SAVING = Interpretation(
    summary="without a savings agreement a year's budget must be spent in that year",
    reasoning=(
        "saving is allowed 'in overleg met de werkgever' (art. 9.3 lid 4 for teachers and OOP; "
        "the AVS page, without an article, for the directie), so a year not covered by an "
        "agreement with the employer is not saved"
    ),
)
STAFF_LAPSE = Interpretation(
    summary="teachers' and OOP budget saved for up to three years lapses after the last saved year",
    reasoning=(
        "the sources give no lapse rule for this budget. Art. 9.3 lid 4 "
        "allows saving for at most three years, so money not spent by 31 December of the third "
        "year after the year it accrued can no longer be used"
    ),
)
STAFF_LAPSE_DESTINATION = Interpretation(
    summary="a lapsed teachers' or OOP budget goes to the general training budget",
    reasoning=(
        "no source says where unspent money of this budget goes; the AVS page sends unspent "
        "directie budget to 'het algemene scholingsbudget', and we book the staff budget the "
        "same way"
    ),
)
ACCRUAL_EDITION_GOVERNS = Interpretation(
    summary="the saving and lapse rules of the edition under which a tranche accrued govern it",
    reasoning=(
        "a tranche's rights arise on its reference day (1 January of its year); applying the "
        "rules in force then keeps earlier tranches as they were when a new CAO changes the "
        "saving period (e.g. four years from CAO PO 2023-2024) and no source gives transitional "
        "rules"
    ),
)
LAPSE_TO_SCHOOL_OF_ACCRUAL = Interpretation(
    summary="lapsed money goes to the general training budget of the school of the accrual year",
    reasoning=(
        "the AVS page says only that unspent directie budget 'zal worden toegevoegd aan het "
        "algemene scholingsbudget', without saying whose; we book it per school so a board can "
        "see it, and the employee's school can change, so the money goes to the school where it "
        "arose, that of the accrual year"
    ),
)

INTERPRETATIONS: tuple[Interpretation, ...] = (
    AVAILABLE_FROM_1_JANUARY,
    OLDEST_FIRST,
    NO_AGREEMENT_NO_SAVING,
    STAFF_LAPSE,
    STAFF_LAPSE_DESTINATION,
    ACCRUAL_EDITION_GOVERNS,
    LAPSE_TO_SCHOOL_OF_ACCRUAL,
)
"""Every reading the ledger makes where the sources are silent."""


class SpendingKind(enum.Enum):
    """What a spending is for (the forms the CAO names)."""

    STUDIEVERLOF = "studieverlof"
    """Study leave."""
    STUDIEKOSTENVERGOEDING = "studiekostenvergoeding"
    """Reimbursed study costs."""
    OVERIGE_PROFESSIONALISERING = "overige-professionalisering"
    """Other professionalisation activities."""


def _calendar_year(value: object) -> int:
    return check_year(value, "year")


def _first_year(value: object) -> int:
    return check_year(value, "first_year")


def _last_year(value: object) -> int:
    return check_year(value, "last_year")


def _cents(value: object) -> Decimal:
    amount = structure_decimal(value, "amount")
    if amount <= 0:
        raise InvalidInputError("amount", f"must be more than € 0, got {amount}")
    if amount > MAX_AMOUNT:
        raise InvalidInputError(
            "amount",
            f"must be at most {format_eur(MAX_AMOUNT)} (a sanity limit on one spending), "
            f"got {amount}",
        )
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise InvalidInputError(
            "amount", f"{amount} has more than two decimals; give whole cents (nothing is rounded)"
        )
    return amount


@attrs.frozen
class Situation:
    """The employee's situation in one calendar year: function, werktijdfactor, scale, school."""

    year: int = attrs.field(converter=_calendar_year)
    function: Function = attrs.field(converter=to_function)
    werktijdfactor: Decimal = attrs.field(converter=to_werktijdfactor)
    scale: str | None = None
    school: str | None = attrs.field(default=None, validator=optional_text("school"))

    def __attrs_post_init__(self) -> None:
        self.employee()  # validates function, werktijdfactor and scale together

    def employee(self) -> Employee:
        """The appointment this situation describes, as an :class:`Employee`."""
        return Employee(
            function=self.function, werktijdfactor=self.werktijdfactor, scale=self.scale
        )


@attrs.frozen
class SavingsAgreement:
    """An agreement with the employer to save the budgets of ``first_year`` to ``last_year``."""

    first_year: int = attrs.field(converter=_first_year)
    last_year: int = attrs.field(converter=_last_year)
    description: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.last_year < self.first_year:
            raise InvalidInputError("last_year", "must not be before first_year")

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


@attrs.frozen
class Spending:
    """Money spent from the budget: on a day, an amount in whole cents, a kind, a description.

    The amount is more than € 0 and at most :data:`~onderwijsregels.limits.MAX_AMOUNT`
    (€ 1 000 000 000, a sanity limit); the day lies from 1900-01-01 to 2999-12-31.
    """

    day: date = attrs.field()
    amount: Decimal = attrs.field(converter=_cents)
    kind: SpendingKind = attrs.field()
    description: str = attrs.field(default="")

    @day.validator
    def _is_day(self, _: attrs.Attribute[date], value: object) -> None:
        check_day(value, "day")

    @kind.validator
    def _is_kind(self, _: attrs.Attribute[SpendingKind], value: object) -> None:
        if not isinstance(value, SpendingKind):
            allowed = ", ".join(repr(kind.value) for kind in SpendingKind)
            raise InvalidInputError("kind", f"{shown(value)} is not one of {allowed}")

    @description.validator
    def _is_text(self, _: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str):
            raise InvalidInputError("description", f"must be text, got {shown(value)}")


@attrs.frozen
class Tranche:
    """One year's accrual: amount, spend-by date, and the rules it rests on."""

    year: int
    amount: Decimal
    spend_by: date
    edition: str
    citation: Citation
    saving_citation: Citation
    saved: bool
    school: str | None
    interpretations: tuple[Interpretation, ...]

    @property
    def lapses_on(self) -> date:
        """The first day the money can no longer be spent."""
        return date(self.spend_by.year + 1, 1, 1)


def _typed(items: object, kind: type[Any], field: str) -> tuple[Any, ...]:
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise InvalidInputError(field, f"must be a list of {kind.__name__}, got {shown(items)}")
    found = tuple(items)
    for index, item in enumerate(found):
        if not isinstance(item, kind):
            raise InvalidInputError(
                f"{field}[{index}]", f"must be a {kind.__name__}, got {shown(item)}"
            )
    return found


def _situations(items: object) -> tuple[Situation, ...]:
    return _typed(items, Situation, "situations")


def _agreements(items: object) -> tuple[SavingsAgreement, ...]:
    return _typed(items, SavingsAgreement, "agreements")


def _spendings(items: object) -> tuple[Spending, ...]:
    return _typed(items, Spending, "spendings")


@attrs.frozen
class Ledger:
    """One employee's budget over the years (immutable; :meth:`spend` returns a new ledger)."""

    situations: tuple[Situation, ...] = attrs.field(converter=_situations)
    agreements: tuple[SavingsAgreement, ...] = attrs.field(default=(), converter=_agreements)
    spendings: tuple[Spending, ...] = attrs.field(default=(), converter=_spendings)
    name: str | None = None

    def __attrs_post_init__(self) -> None:
        years = [item.year for item in self.situations]
        if not years:
            raise InvalidInputError("situations", "give at least one year")
        if len(set(years)) != len(years):
            raise InvalidInputError("situations", "each calendar year may appear only once")
        object.__setattr__(self, "situations", tuple(sorted(self.situations, key=lambda s: s.year)))
        object.__setattr__(self, "spendings", tuple(sorted(self.spendings, key=lambda s: s.day)))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "") -> Ledger:
        """Read a ledger from a dict (JSON or YAML); bad input raises InvalidInputError."""
        return structure(data, cls, path=path)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict :meth:`from_dict` reads back to an equal ledger."""
        return unstructure(self)

    def tranches(self, rulebook: Rulebook, *, through: int) -> tuple[Tranche, ...]:
        """Every year's accrual up to ``through``, each with its spend-by date."""
        through = check_year(through, "through")
        return tuple(
            _tranche(rulebook, situation, self.agreements)
            for situation in self.situations
            if situation.year <= through
        )

    def spend(self, spending: Spending, rulebook: Rulebook) -> Ledger:
        """A new ledger with ``spending`` added; raises OverspendingError if it does not fit.

        The error names ``spending`` (even when it is an earlier spending that no longer
        fits once the new one takes its money) and the most that could be spent on its day
        without making any booked spending fail.
        """
        from onderwijsregels.statement import fit_spending

        if not isinstance(spending, Spending):
            raise InvalidInputError("spending", f"must be a Spending, got {shown(spending)}")
        extended = attrs.evolve(self, spendings=(*self.spendings, spending))
        last = max(item.day.year for item in extended.spendings)
        fit_spending(self, spending, rulebook, through=max(last, self.situations[0].year))
        return extended

    def statement(
        self, rulebook: Rulebook, *, through: int, as_of: date | None = None
    ) -> Statement:
        """The statement through calendar year ``through``, at the end of ``as_of``.

        ``as_of`` defaults to 31 December of ``through``; give a day in that year for a
        review during the year (spendings after it are left out, and money that lapses at
        the end of that year is still there to warn about). See
        :mod:`onderwijsregels.statement`.
        """
        from onderwijsregels.statement import build_statement

        return build_statement(self, rulebook, through, as_of)


def _tranche(
    rulebook: Rulebook, situation: Situation, agreements: Sequence[SavingsAgreement]
) -> Tranche:
    evaluation = rulebook.evaluate(situation.employee(), year=situation.year)
    budget = evaluation[INDIVIDUEEL_BUDGET]
    amount = budget.value
    assert isinstance(amount, Decimal)
    saving = evaluation[MAXIMALE_SPAARTERMIJN]
    readings = [AVAILABLE_FROM_1_JANUARY, ACCRUAL_EDITION_GOVERNS, LAPSE_TO_SCHOOL_OF_ACCRUAL]
    if not situation.function.is_directie:
        readings.append(STAFF_LAPSE_DESTINATION)
    saved = any(agreement.covers(situation.year) for agreement in agreements)
    if not saved:
        years_after = 0
        readings.append(NO_AGREEMENT_NO_SAVING)
        basis = saving.citation
    elif situation.function.is_directie:
        lapse = evaluation[VERVALTERMIJN_DIRECTIEBUDGET]
        assert isinstance(lapse.value, int)
        years_after = lapse.value - 1
        basis = lapse.citation
        readings += [item for item in lapse.interpretations if item not in readings]
    else:
        assert isinstance(saving.value, int)
        years_after = saving.value
        basis = saving.citation
        readings.append(STAFF_LAPSE)
    return Tranche(
        year=situation.year,
        amount=amount,
        spend_by=date(situation.year + years_after, 12, 31),
        edition=budget.edition.id,
        citation=budget.citation,
        saving_citation=basis,
        saved=saved,
        school=situation.school,
        interpretations=tuple(readings),
    )
