"""Rules: pure functions from a subject and a day to a cited value.

A :class:`Rule` wraps a pure function of a :class:`RuleContext` that returns a
:class:`Computation` (the value, the arithmetic step by step, each step with
its citation) or :class:`NotApplicable` with the reason. Write one with the
:func:`rule` decorator, the Dutch wording of the article in its docstring.
"""

from __future__ import annotations

import enum
import inspect
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

import attrs

from onderwijsregels.citations import Citation, Interpretation
from onderwijsregels.errors import EditionDefinitionError, InvalidInputError, PluginError
from onderwijsregels.model import Employee, School
from onderwijsregels.parameters import KnownValue, Parameter, Value
from onderwijsregels.periods import CalendarYear, Period, SchoolYear
from onderwijsregels.steps import Step

if TYPE_CHECKING:
    from onderwijsregels.editions import Edition

__all__ = [
    "Computation",
    "NotApplicable",
    "Rule",
    "RuleContext",
    "Step",
    "Unit",
    "rule",
]

_RULE_ID = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")


class Unit(enum.Enum):
    """What a rule's value measures, and per which period."""

    EUR_PER_KALENDERJAAR = "EUR per kalenderjaar"
    EUR_PER_SCHOOLJAAR = "EUR per schooljaar"
    EUR_PER_LEERLING = "EUR per leerling per schooljaar"
    UUR_PER_WERKWEEK = "uur per werkweek"
    UUR_PER_KALENDERJAAR = "uur per kalenderjaar"
    JAREN = "jaren"
    PUNTEN = "punten"
    JA_NEE = "ja/nee"
    DATUM = "datum"
    TEKST = "tekst"

    @property
    def is_money(self) -> bool:
        """Money is rounded half-up to cents, once, at the end."""
        return self.value.startswith("EUR")

    @property
    def per(self) -> str | None:
        """The period kind the value is counted per (``kalenderjaar``/``schooljaar``)."""
        if self.value.endswith("kalenderjaar"):
            return "kalenderjaar"
        if self.value.endswith("schooljaar"):
            return "schooljaar"
        return None


def _texts(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _interpretations(items: Iterable[Interpretation]) -> tuple[Interpretation, ...]:
    return tuple(items)


def _citations(items: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(items)


def _steps(items: Iterable[Step]) -> tuple[Step, ...]:
    return tuple(items)


@attrs.frozen
class Computation:
    """What a rule found: the exact value, how, and on what it rests.

    ``value`` is exact (never rounded here); money is rounded by the
    evaluation, once. ``citation`` is the primary legal basis; every step may
    cite more.
    """

    value: Value
    steps: tuple[Step, ...] = attrs.field(converter=_steps)
    citation: Citation
    notes: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    interpretations: tuple[Interpretation, ...] = attrs.field(
        default=(), converter=_interpretations
    )

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every distinct citation, the primary one first."""
        found = [self.citation]
        for step in self.steps:
            if step.citation is not None and step.citation not in found:
                found.append(step.citation)
        return tuple(found)


@attrs.frozen
class NotApplicable:
    """The rule exists for this kind of subject but not for this one, and why."""

    reason: str


@attrs.frozen
class RuleContext:
    """Everything a rule may read: the subject, the day, the period and the edition."""

    subject: Employee | School
    day: date
    period: Period
    edition: Edition

    @property
    def employee(self) -> Employee:
        if not isinstance(self.subject, Employee):
            raise InvalidInputError("subject", "this rule needs an Employee")
        return self.subject

    @property
    def school(self) -> School:
        if not isinstance(self.subject, School):
            raise InvalidInputError("subject", "this rule needs a School")
        return self.subject

    @property
    def calendar_year(self) -> CalendarYear:
        """The calendar year of the reference day (for rules counted per calendar year)."""
        return CalendarYear.containing(self.day)

    @property
    def school_year(self) -> SchoolYear:
        """The school year of the reference day (for rules counted per school year)."""
        return SchoolYear.containing(self.day)

    def param(self, parameter_id: str, on: date | None = None) -> KnownValue:
        """The edition's dated value on ``on`` (default: the reference day).

        A gap raises :class:`~onderwijsregels.errors.NotEncodedError` naming the
        parameter. A value the edition carried over unchanged from the one it
        derives from comes with that edition's interpretation attached, so the
        result says it rests on a reading, not on the new text.
        """
        found = self._parameter(parameter_id).at(on or self.day)
        return self._label(parameter_id, found)

    def param_known(self, parameter_id: str, on: date | None = None) -> KnownValue | None:
        """Like :meth:`param`, but ``None`` when no dated value covers the day (a gap still raises)."""
        found = self._parameter(parameter_id).known(on or self.day)
        return None if found is None else self._label(parameter_id, found)

    def _parameter(self, parameter_id: str) -> Parameter:
        try:
            return self.edition.parameter(parameter_id)
        except LookupError:
            raise PluginError(
                None,
                None,
                f"a rule asks for parameter {parameter_id!r}, which the edition does not define",
                edition=self.edition.id,
            ) from None

    def _label(self, parameter_id: str, found: KnownValue) -> KnownValue:
        edition = self.edition
        reading = edition.interpretation
        if reading is None or found.interpretation is not None:
            return found
        if not edition.carries_value(parameter_id, found.start):
            return found
        return attrs.evolve(found, interpretation=reading)


Compute = Callable[[RuleContext], Computation | NotApplicable]


@attrs.frozen
class Rule:
    """A named, cited rule of an edition.

    ``id`` is stable Dutch snake_case (e.g. ``individueel_budget``) and is the
    key users read results by. ``subject`` is the kind of subject it is
    evaluated for. ``citations`` lists every source the rule can rest on (for
    the reference docs); each result names the one it used. ``parameters``
    names the edition parameters it reads, so a changed value shows up in
    :func:`onderwijsregels.diff.diff_editions`.
    """

    id: str = attrs.field()
    title: str
    subject: type[Employee] | type[School]
    unit: Unit
    compute: Compute = attrs.field(repr=False, eq=False)
    citations: tuple[Citation, ...] = attrs.field(converter=_citations)
    description: str = ""
    interpretation: Interpretation | None = None
    parameters: tuple[str, ...] = attrs.field(default=(), converter=_texts)

    @id.validator
    def _snake_case(self, _: attrs.Attribute[str], value: str) -> None:
        if not _RULE_ID.fullmatch(value):
            raise EditionDefinitionError(f"rule id {value!r} is not lower snake_case")


def rule(
    id: str,
    *,
    title: str,
    subject: type[Employee] | type[School],
    unit: Unit,
    citations: tuple[Citation, ...],
    interpretation: Interpretation | None = None,
    parameters: tuple[str, ...] = (),
) -> Callable[[Compute], Rule]:
    """Decorate a pure function into a :class:`Rule`; its docstring becomes the description."""

    def wrap(compute: Compute) -> Rule:
        return Rule(
            id=id,
            title=title,
            subject=subject,
            unit=unit,
            compute=compute,
            citations=citations,
            description=_dedent(compute.__doc__ or ""),
            interpretation=interpretation,
            parameters=parameters,
        )

    return wrap


def _dedent(text: str) -> str:
    return inspect.cleandoc(text)
