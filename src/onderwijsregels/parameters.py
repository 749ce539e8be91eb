"""Dated values: amounts that hold from one day to another, each with its source.

Like an OpenFisca parameter, a :class:`Parameter` is a list of
:class:`DatedValue` periods. A period may hold a *known gap*: a value our
sources do not give. Asking for it raises
:class:`~onderwijsregels.errors.NotEncodedError` with the reason, never a guess.

>>> from datetime import date
>>> from decimal import Decimal
>>> from onderwijsregels.citations import Citation
>>> src = Citation("CAO PO 2019-2020", "9.8", None, "avs-faq-professionalisering-po", "€ 100 per jaar")
>>> top_up = Parameter("aanvulling", "top-up", "EUR per jaar", (
...     DatedValue(date(2020, 1, 1), date(2021, 12, 31), Decimal("100"), src),))
>>> top_up.at(date(2021, 6, 1)).value
Decimal('100')
>>> top_up.known(date(2022, 1, 1)) is None
True
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

import attrs

from onderwijsregels.citations import Citation, Interpretation
from onderwijsregels.errors import EditionDefinitionError, NotEncodedError
from onderwijsregels.steps import Step

__all__ = ["DatedValue", "KnownValue", "Parameter", "Value"]

Value = Decimal | int | bool | str | tuple[str, ...] | date
"""The kinds of value a rule or parameter can hold."""


@attrs.frozen
class DatedValue:
    """A value that holds from ``start`` to ``end`` (inclusive; ``None`` = open).

    ``value`` is ``None`` for a known gap: then ``missing`` says why it is not
    encoded and ``citation`` may be absent. ``interpretation`` marks a value
    that is our reading rather than the text of a source.
    """

    start: date
    end: date | None
    value: Value | None
    citation: Citation | None
    missing: str | None = None
    interpretation: Interpretation | None = None

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise EditionDefinitionError(
                f"dated value ends ({self.end}) before it starts ({self.start})"
            )
        if self.value is None and not self.missing:
            raise EditionDefinitionError("a dated value without a value must say why it is missing")
        if self.value is not None and self.citation is None:
            raise EditionDefinitionError("every dated value needs a citation")
        if isinstance(self.value, float):
            raise EditionDefinitionError("dated values are never floats; use Decimal")

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def span(self) -> str:
        """The period in words, e.g. ``2020-01-01 to 2021-12-31``."""
        end = self.end.isoformat() if self.end else "open"
        return f"{self.start.isoformat()} to {end}"


@attrs.frozen
class KnownValue:
    """A value found for a day, with the citation it rests on."""

    value: Value
    citation: Citation
    start: date
    end: date | None
    interpretation: Interpretation | None = None

    def step(self, text: str) -> Step:
        """A computation step that cites this value (and carries its interpretation)."""
        return Step(text, self.citation, self.interpretation)

    @property
    def decimal(self) -> Decimal:
        """The value as an exact Decimal (for amounts and hours)."""
        if isinstance(self.value, bool) or not isinstance(self.value, Decimal | int):
            raise EditionDefinitionError(f"expected a number, the parameter holds {self.value!r}")
        return Decimal(self.value)

    @property
    def whole(self) -> int:
        """The value as a whole number (for counts of years)."""
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise EditionDefinitionError(
                f"expected a whole number, the parameter holds {self.value!r}"
            )
        return self.value

    @property
    def day(self) -> date:
        """The value as a date (for deadlines)."""
        if not isinstance(self.value, date):
            raise EditionDefinitionError(f"expected a date, the parameter holds {self.value!r}")
        return self.value

    @property
    def texts(self) -> tuple[str, ...]:
        """The value as a tuple of texts."""
        if not isinstance(self.value, tuple):
            raise EditionDefinitionError(
                f"expected a tuple of texts, the parameter holds {self.value!r}"
            )
        return self.value


def _dated_values(values: Iterable[DatedValue]) -> tuple[DatedValue, ...]:
    return tuple(sorted(values, key=lambda item: item.start))


@attrs.frozen
class Parameter:
    """A named value that changes over time (e.g. the €100 top-up of 2020-2021)."""

    id: str
    description: str
    unit: str
    values: tuple[DatedValue, ...] = attrs.field(converter=_dated_values)

    def __attrs_post_init__(self) -> None:
        for earlier, later in itertools.pairwise(self.values):
            if earlier.end is None or earlier.end >= later.start:
                raise EditionDefinitionError(
                    f"parameter {self.id!r}: dated values overlap at {later.start}"
                )

    @classmethod
    def single(
        cls,
        id: str,
        description: str,
        unit: str,
        value: Value,
        citation: Citation,
        *,
        start: date,
        end: date | None = None,
    ) -> Parameter:
        """A parameter with one value from ``start`` on."""
        return cls(id, description, unit, (DatedValue(start, end, value, citation),))

    def changed(
        self,
        start: date,
        value: Value | None,
        citation: Citation | None,
        *,
        missing: str | None = None,
        interpretation: Interpretation | None = None,
    ) -> Parameter:
        """This parameter with a new value (or a known gap) from ``start`` on.

        Earlier values stay as they were up to the day before ``start``; later
        ones are dropped. Editions use this to override one dated value.

        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from onderwijsregels.citations import Citation
        >>> src = Citation("CAO", None, None, "avs-faq-professionalisering-po", "quote")
        >>> years = Parameter.single("jaren", "saving years", "jaren", 3, src, start=date(2020, 1, 1))
        >>> [(v.span, v.value) for v in years.changed(date(2023, 5, 1), 4, src).values]
        [('2020-01-01 to 2023-04-30', 3), ('2023-05-01 to open', 4)]
        """
        kept: list[DatedValue] = []
        for item in self.values:
            if item.start >= start:
                continue
            if item.end is None or item.end >= start:
                item = attrs.evolve(item, end=start - timedelta(days=1))
            kept.append(item)
        kept.append(
            DatedValue(start, None, value, citation, missing=missing, interpretation=interpretation)
        )
        return attrs.evolve(self, values=tuple(kept))

    def find(self, day: date) -> DatedValue | None:
        """The dated value on ``day``, or ``None`` when no period covers it."""
        for item in self.values:
            if item.covers(day):
                return item
        return None

    def known(self, day: date) -> KnownValue | None:
        """The value on ``day``, ``None`` when no period covers it; a known gap raises."""
        item = self.find(day)
        if item is None:
            return None
        return self.at(day)

    def at(self, day: date) -> KnownValue:
        """The value on ``day``; raises NotEncodedError for a gap or an uncovered day."""
        item = self.find(day)
        if item is None:
            spans = "; ".join(value.span for value in self.values) or "nothing"
            raise NotEncodedError(
                f"{self.description} on {day.isoformat()}",
                f"our sources give this value only for {spans}",
                parameter=self.id,
            )
        if item.value is None:
            during = f"for {item.span}" if item.end else f"from {item.start.isoformat()} on"
            raise NotEncodedError(
                f"{self.description} {during}", str(item.missing), parameter=self.id
            )
        assert item.citation is not None
        return KnownValue(item.value, item.citation, item.start, item.end, item.interpretation)
