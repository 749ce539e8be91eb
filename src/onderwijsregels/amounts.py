"""Cited arithmetic steps for rules: each helper returns a value with the step that made it.

A rule reads like its article when each lid is about one line: start from a
dated value (:func:`dated`), add an amount that holds only in some years
(:func:`plus`), apply the werktijdfactor (:func:`pro_rata`) or say why not
(:func:`not_pro_rata`), look a number up in a table (:func:`band`), and finish
with :meth:`Cited.computation`. The wording of every step lives here, in one
place, so the steps read alike in every plugin. Arithmetic stays exact
(``Decimal``, never rounded here); the evaluation rounds money once, at the end.

>>> from datetime import date
>>> cao = Citation("CAO PO 2019-2020", "9.3", "2", "poraad-faq-rechten-professionalisering", None)
>>> base = KnownValue(Decimal("500"), cao, date(2020, 1, 1), None)
>>> top_up = KnownValue(Decimal("100"), cao, date(2020, 1, 1), date(2021, 12, 31))
>>> budget = pro_rata(plus(dated(base, "Base amount a year"), top_up, "Top-up for 2020"),
...                   Decimal("0.6"), base)
>>> for step in budget.steps:
...     print(step.text)
Base amount a year: € 500,00
Top-up for 2020: € 100,00
Pro rata: € 600,00 × werktijdfactor 0.6 = € 360,00
>>> budget.computation().value
Decimal('360.0')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TypeVar

import attrs

from onderwijsregels.citations import Citation, Interpretation
from onderwijsregels.errors import EditionDefinitionError
from onderwijsregels.i18n import N_, Message
from onderwijsregels.money import format_decimal, format_eur_exact
from onderwijsregels.parameters import KnownValue
from onderwijsregels.rules import Computation
from onderwijsregels.steps import Step

__all__ = ["Cited", "band", "dated", "not_pro_rata", "plus", "pro_rata"]

_T = TypeVar("_T")

_TEXTS = {
    "dated": "{what}: {amount}",
    "plus": "{what}: {amount}",
    "pro_rata": N_("Pro rata: {amount} × werktijdfactor {factor} = {result}"),
    "not_pro_rata": N_("Not pro rata: {amount} whatever the werktijdfactor ({factor})"),
    "band": N_("{what}: {value} falls in {low} to {high}, giving {result}"),
    "band_open": N_("{what}: {value} falls in {low} or more, giving {result}"),
    "band_below": N_("{what}: {value} is below the table's lowest band ({low})"),
    "band_none": N_("{what}: {value} falls in no band of the table"),
}
"""The wording of every step, by kind, in English; the message catalogue has the Dutch
(:mod:`onderwijsregels.i18n`). ``what`` is the rule author's own text, written as given."""


def _amount(value: Decimal, unit: str) -> str:
    """An amount in a step: ``€ 500,00`` for euros (exact, the Dutch way), ``83`` without a
    unit, else ``83 {unit}``."""
    if unit == "€":
        return format_eur_exact(value)
    number = format_decimal(value)
    return f"{number} {unit}" if unit else number


def _step(
    text: str,
    citation: KnownValue | Citation | None,
    interpretation: Interpretation | None = None,
) -> Step:
    """A step citing ``citation``; a dated value also carries its interpretation."""
    if isinstance(citation, KnownValue):
        reading = citation.interpretation if interpretation is None else interpretation
        return Step(text, citation.citation, reading)
    return Step(text, citation, interpretation)


def _steps(items: Iterable[Step]) -> tuple[Step, ...]:
    return tuple(items)


@attrs.frozen
class Cited:
    """An exact amount with the steps that produced it, each with what it rests on.

    ``citation`` is the primary legal basis (by default that of the dated
    value it started from). ``unit`` is how amounts show in the steps: ``"€"``
    before the number, ``""`` for none (hours), any other text after it.
    Build one with :func:`dated`, or directly when the first steps are your
    own (a derivation, say).

    >>> Cited(Decimal("83"), (Step("Derived: 2 × 1659 / 40 = 82.95 ≈ 83"),), None, "").value
    Decimal('83')
    """

    value: Decimal
    steps: tuple[Step, ...] = attrs.field(converter=_steps)
    citation: Citation | None = None
    unit: str = "€"

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.value, Decimal):
            raise EditionDefinitionError(
                f"a cited amount is an exact Decimal, never {type(self.value).__name__}: "
                f"{self.value!r}"
            )

    @property
    def interpretations(self) -> tuple[Interpretation, ...]:
        """Every distinct interpretation its steps carry, in order.

        >>> reading = Interpretation("our reading", "the sources are silent")
        >>> Cited(Decimal("1"), (Step("one", None, reading),)).interpretations == (reading,)
        True
        """
        found: list[Interpretation] = []
        for step in self.steps:
            if step.interpretation is not None and step.interpretation not in found:
                found.append(step.interpretation)
        return tuple(found)

    def computation(
        self,
        citation: Citation | None = None,
        *,
        notes: Iterable[str] = (),
        interpretations: Iterable[Interpretation] = (),
    ) -> Computation:
        """The rule's result: this value and its steps, resting on ``citation`` (default: its own).

        The interpretations its steps carry reach the outcome through the
        steps; pass ``interpretations`` only for readings no step carries.

        >>> cao = Citation("CAO PO 2019-2020", "9.6", "3", "avs-faq-professionalisering-po", None)
        >>> Cited(Decimal("3000"), (Step("Directie: € 3000", cao),), cao).computation().citation.lid
        '3'
        """
        primary = citation or self.citation
        if primary is None:
            raise EditionDefinitionError(
                "a computation needs a primary citation: start from a dated value or pass one"
            )
        return Computation(
            self.value,
            self.steps,
            primary,
            notes=tuple(notes),
            interpretations=tuple(interpretations),
        )


def dated(known: KnownValue, what: str, *, unit: str = "€") -> Cited:
    """A dated value as the first step, ``what: amount``, citing the value and its interpretation.

    >>> from datetime import date
    >>> cao = Citation("CAO PO 2019-2020", "9.3", "2", "poraad-faq-rechten-professionalisering", None)
    >>> hours = KnownValue(Decimal("2"), cao, date(2020, 1, 1), None)
    >>> dated(hours, "Clock hours per work week at full time", unit="").steps[0].text
    'Clock hours per work week at full time: 2'
    """
    value = known.decimal
    text = Message(_TEXTS["dated"], what=what, amount=_amount(value, unit))
    return Cited(value, (known.step(text),), known.citation, unit)


def plus(base: Cited, extra: KnownValue | None, what: str, absent: str | None = None) -> Cited:
    """``base`` plus an amount that holds only in some years (from ``ctx.param_known``).

    When ``extra`` is ``None`` the value stays as it is and the step says
    ``absent`` (no step when that is ``None`` too).

    >>> from datetime import date
    >>> cao = Citation("CAO PO 2019-2020", "9.8", None, "avs-faq-professionalisering-po", None)
    >>> base = Cited(Decimal("500"), (), cao)
    >>> plus(base, KnownValue(Decimal("100"), cao, date(2020, 1, 1), None), "Top-up").value
    Decimal('600')
    >>> plus(base, None, "Top-up", "No top-up in 2022").steps[-1].text
    'No top-up in 2022'
    """
    if extra is None:
        if absent is None:
            return base
        return Cited(base.value, (*base.steps, Step(absent)), base.citation, base.unit)
    added = extra.decimal
    text = Message(_TEXTS["plus"], what=what, amount=_amount(added, base.unit))
    steps = (*base.steps, extra.step(text))
    return Cited(base.value + added, steps, base.citation, base.unit)


def pro_rata(
    amount: Cited, werktijdfactor: Decimal, citation: KnownValue | Citation | None = None
) -> Cited:
    """The amount times the werktijdfactor, exactly ("naar rato van de werktijdfactor").

    ``citation`` is what the pro-rata clause rests on, if the step should cite
    it (a dated value also carries its interpretation).

    >>> pro_rata(Cited(Decimal("600"), ()), Decimal("0.6")).steps[-1].text
    'Pro rata: € 600,00 × werktijdfactor 0.6 = € 360,00'
    """
    result = amount.value * werktijdfactor
    text = Message(
        _TEXTS["pro_rata"],
        amount=_amount(amount.value, amount.unit),
        factor=format_decimal(werktijdfactor),
        result=_amount(result, amount.unit),
    )
    return Cited(result, (*amount.steps, _step(text, citation)), amount.citation, amount.unit)


def not_pro_rata(
    amount: Cited, werktijdfactor: Decimal, citation: KnownValue | Citation | None = None
) -> Cited:
    """The amount as it is, with the step saying the werktijdfactor does not change it.

    >>> not_pro_rata(Cited(Decimal("3100"), ()), Decimal("0.8")).steps[-1].text
    'Not pro rata: € 3.100,00 whatever the werktijdfactor (0.8)'
    """
    text = Message(
        _TEXTS["not_pro_rata"],
        amount=_amount(amount.value, amount.unit),
        factor=format_decimal(werktijdfactor),
    )
    steps = (*amount.steps, _step(text, citation))
    return Cited(amount.value, steps, amount.citation, amount.unit)


def band(
    value: int,
    table: Sequence[tuple[int, int | None, _T]],
    what: str,
    citation: KnownValue | Citation | None = None,
    *,
    interpretation: Interpretation | None = None,
) -> tuple[_T | None, Step]:
    """Look ``value`` up in a table of bands ``(lowest, highest, result)``, with the step.

    Bounds are inclusive; ``highest`` is ``None`` for "or more". The bands
    ascend without overlap. ``None`` when no band holds the value.

    >>> points = ((60, 79, 3), (80, 99, 4), (100, 119, 5), (120, 139, 6), (140, None, 7))
    >>> years, step = band(85, points, "Points table")
    >>> years, step.text
    (4, 'Points table: 85 falls in 80 to 99, giving 4')
    >>> band(59, points, "Points table")[1].text
    "Points table: 59 is below the table's lowest band (60)"
    """
    lows = [low for low, _, _ in table]
    highs = [high for _, high, _ in table]
    if not table or any(
        high is not None and (high < low or (after is not None and high >= after))
        for low, high, after in zip(lows, highs, [*lows[1:], None], strict=True)
    ):
        raise EditionDefinitionError(f"{what}: the bands must ascend without overlap")
    if None in highs[:-1]:
        raise EditionDefinitionError(f"{what}: only the last band may be open ('or more')")
    for low, high, result in table:
        if low <= value and (high is None or value <= high):
            shown = format_decimal(result) if isinstance(result, Decimal) else str(result)
            key = "band_open" if high is None else "band"
            text = Message(
                _TEXTS[key], what=what, value=str(value), low=str(low), high=str(high), result=shown
            )
            return result, _step(text, citation, interpretation)
    key = "band_below" if value < table[0][0] else "band_none"
    text = Message(_TEXTS[key], what=what, value=str(value), low=str(table[0][0]))
    return None, _step(text, citation, interpretation)
