"""Plan once, run for many: evaluating one period for any number of subjects.

A :class:`Plan` is what an evaluation resolves before it looks at a subject:
the period and its reference day, the edition of each family in force on
that day, and the rules of those editions for this kind of subject. A
:class:`~onderwijsregels.rulebook.Rulebook` builds a plan once per kind of
subject, period and families (:meth:`~onderwijsregels.rulebook.Rulebook.plan`)
and keeps it. :meth:`Plan.run` then evaluates subject after subject and
yields, per subject, an :class:`~onderwijsregels.evaluate.Evaluation` or a
:class:`RecordError` for that subject alone (a removed scale, a value that
cannot be computed exactly): one bad record does not stop the others. A
defective plugin (:class:`~onderwijsregels.errors.DefinitionError`) does stop
the run: no result of a broken rule set is trustworthy.

>>> import onderwijsregels as owr
>>> from decimal import Decimal
>>> rb = owr.load()
>>> plan = rb.plan(owr.Employee, year=2020, families=["cao-po"])
>>> staff = [owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal(f)) for f in ("1", "0.5")]
>>> [result["individueel_budget"].value for result in plan.run(staff)]
[Decimal('600.00'), Decimal('300.00')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from onderwijsregels.editions import check_scale
from onderwijsregels.errors import InputError, InvalidInputError
from onderwijsregels.evaluate import EditionUse, Evaluation, evaluate_editions
from onderwijsregels.model import Employee, School
from onderwijsregels.periods import Period

__all__ = ["Plan", "RecordError"]


@attrs.frozen
class RecordError:
    """One subject of a run that could not be evaluated, and why (an input error)."""

    index: int
    subject: Employee | School
    error: InputError

    @property
    def problems(self) -> tuple[tuple[str, str], ...]:
        """``(field, reason)`` pairs, as :class:`~onderwijsregels.errors.InvalidInputError` has."""
        if isinstance(self.error, InvalidInputError):
            return self.error.problems
        return (("", str(self.error)),)


@attrs.frozen
class Plan:
    """The editions and rules to evaluate for one kind of subject in one period.

    ``uses`` holds, per family, the edition in force on the reference day
    (with nawerking and later editions within the period).
    """

    kind: type[Employee] | type[School]
    period: Period
    uses: tuple[EditionUse, ...]

    @property
    def reference_day(self) -> date:
        """The reference day: the first day of the period."""
        return self.period.reference_day

    def evaluate(self, subject: Employee | School) -> Evaluation:
        """Evaluate one subject; an input error for this subject is raised."""
        if not isinstance(subject, self.kind):
            raise InvalidInputError(
                "subject",
                f"this plan is for {self.kind.__name__} subjects, got {type(subject).__name__}",
            )
        uses = self.uses
        if isinstance(subject, Employee):
            uses = tuple(self._for_employee(use, subject) for use in uses)
        return evaluate_editions(subject, self.period, uses)

    def run(self, subjects: Iterable[Employee | School]) -> Iterator[Evaluation | RecordError]:
        """Evaluate subject after subject: an Evaluation, or a RecordError for that one alone."""
        for index, subject in enumerate(subjects):
            try:
                yield self.evaluate(subject)
            except InputError as error:
                yield RecordError(index, subject, error)

    def _for_employee(self, use: EditionUse, employee: Employee) -> EditionUse:
        note = check_scale(use.edition, employee.scale, self.reference_day)
        return attrs.evolve(use, subject_notes=(*use.subject_notes, note)) if note else use
