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

A plan remembers outcomes. Every rule declares the subject fields it reads
(``reads=``, enforced while it runs: reading an undeclared field is a
:class:`~onderwijsregels.errors.PluginError`), and a rule is a pure function of
those fields, the period and its edition, all fixed by the plan. So the plan
keeps each rule's outcome per combination of the fields it reads, and each
evaluation per combination of all of them: the 100th teacher at 0.6 FTE costs
a lookup, and gets the very outcome (value, citations, steps, notes) the first
one got. A rule that declares no ``reads`` (possible in a third party's plugin)
is never remembered. :data:`~onderwijsregels.limits.MEMO_ENTRIES` bounds the
memory.

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
from decimal import Decimal
from typing import Any, cast

import attrs

from onderwijsregels.convert import names_argument
from onderwijsregels.editions import check_scale
from onderwijsregels.errors import InputError, InvalidInputError, UnknownRuleError
from onderwijsregels.evaluate import (
    EditionUse,
    Evaluation,
    NotApplicableResult,
    NotEncodedResult,
    Outcome,
    evaluate_rule,
    sort_results,
)
from onderwijsregels.limits import MEMO_ENTRIES
from onderwijsregels.model import Employee, School
from onderwijsregels.periods import Period
from onderwijsregels.rules import Rule, Unit
from onderwijsregels.tracing import TRACED_FIELDS, Trace, trace

__all__ = ["Plan", "RecordError"]

_Result = Outcome | NotApplicableResult | NotEncodedResult
_Parts = tuple[
    tuple[EditionUse, ...],
    tuple[Outcome, ...],
    tuple[NotApplicableResult, ...],
    tuple[NotEncodedResult, ...],
]


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


def _key_value(value: object) -> object:
    """A subject field's value as a cache key: a Decimal keeps its exponent (0.6 is not 0.60).

    ``Decimal("0.6") == Decimal("0.60")``, but a rule's steps show the number as given, so the
    two must not share an outcome.
    """
    return str(value) if type(value) is Decimal else value


@attrs.frozen
class _Task:
    """One rule of the plan: the edition use it runs under, and the fields it reads.

    ``traced`` is where the traced field (the werktijdfactor) is in ``fields``, if the rule reads it.
    """

    use_index: int
    rule: Rule
    fields: tuple[str, ...] | None  # None: the rule does not declare what it reads
    traced: int | None = None


@attrs.frozen
class Plan:
    """The editions and rules to evaluate for one kind of subject in one period.

    ``uses`` holds, per family, the edition in force on the reference day
    (with nawerking and later editions within the period). ``rules``, when
    given, limits the evaluation to those rule ids.
    """

    kind: type[Employee] | type[School]
    period: Period
    uses: tuple[EditionUse, ...]
    rules: frozenset[str] | None = None
    _tasks: tuple[_Task, ...] = attrs.field(init=False, repr=False, eq=False)
    _key_fields: tuple[str, ...] | None = attrs.field(init=False, repr=False, eq=False)
    _outcomes: dict[tuple[object, ...], tuple[_Result, ...]] = attrs.field(
        init=False, factory=dict, repr=False, eq=False
    )
    _evaluations: dict[tuple[object, ...], _Parts] = attrs.field(
        init=False, factory=dict, repr=False, eq=False
    )
    _traces: dict[tuple[object, ...], object] = attrs.field(
        init=False, factory=dict, repr=False, eq=False
    )
    """Per rule and values of its other fields: its Trace, ``None`` (cannot be traced), or
    ``_SEEN_ONCE`` (come once, run, not traced yet)."""
    _groups: tuple[tuple[tuple[str, ...], tuple[int, ...]], ...] = attrs.field(
        init=False, repr=False, eq=False
    )
    """The tasks that read the same fields, together: one memo lookup serves them all."""
    _singles: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    """The tasks of rules that do not declare what they read: run every time."""
    _parts: dict[frozenset[str], Plan] = attrs.field(init=False, factory=dict, repr=False, eq=False)
    """The plans of some of this plan's rules (:meth:`part`), kept with their memos."""
    removed_scales: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    """The scales an edition of the plan removed: only these change an employee's notes (and
    may refuse the employee), so only these count in the memo's key."""

    def __attrs_post_init__(self) -> None:
        tasks = []
        for index, use in enumerate(self.uses):
            for rule in use.edition.rules:
                if not issubclass(self.kind, rule.subject):
                    continue
                if self.rules is not None and rule.id not in self.rules:
                    continue
                fields = None if rule.reads is None else tuple(sorted(rule.read_set))
                field = TRACED_FIELDS.get(self.kind)
                traced = (
                    fields.index(field)
                    if fields and field in fields and field in rule.traced
                    else None
                )
                tasks.append(_Task(index, rule, fields, traced))
        key_fields: set[str] | None = set()
        for task in tasks:
            if task.fields is None or key_fields is None:
                key_fields = None
            else:
                key_fields.update(task.fields)
        groups: dict[tuple[str, ...], list[int]] = {}
        for position, task in enumerate(tasks):
            if task.fields is not None:
                groups.setdefault(task.fields, []).append(position)
        object.__setattr__(
            self, "_groups", tuple((fields, tuple(at)) for fields, at in groups.items())
        )
        singles = tuple(position for position, task in enumerate(tasks) if task.fields is None)
        object.__setattr__(self, "_singles", singles)
        removed = frozenset(scale for use in self.uses for scale in use.edition.removed_scales)
        object.__setattr__(self, "removed_scales", removed)
        object.__setattr__(self, "_tasks", tuple(tasks))
        object.__setattr__(
            self, "_key_fields", None if key_fields is None else tuple(sorted(key_fields))
        )

    @property
    def reference_day(self) -> date:
        """The reference day: the first day of the period."""
        return self.period.reference_day

    @property
    def units(self) -> tuple[Unit, ...]:
        """The unit of each rule of the plan, in :attr:`rule_ids` order."""
        return tuple(task.rule.unit for task in self._tasks)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The rules this plan evaluates, in order (the columns of a batch table)."""
        return tuple(task.rule.id for task in self._tasks)

    @property
    def reads(self) -> tuple[str, ...] | None:
        """Every subject field the plan's rules read; ``None`` if a rule does not declare it."""
        return self._key_fields

    @property
    def rule_reads(self) -> tuple[tuple[str, ...] | None, ...]:
        """The subject fields each rule reads, in :attr:`rule_ids` order (``None``: the rule
        does not declare them)."""
        return tuple(task.fields for task in self._tasks)

    def part(self, rule_ids: Iterable[str] | str) -> Plan:
        """The plan of these rules of this plan alone, kept (with its memos) for the next call.

        Each rule gives the very result it gives in this plan: a rule's result depends on the
        fields it reads, the period, its edition and the edition's notes about the subject,
        which the part shares. A batch uses parts to evaluate rules that read few fields
        once per distinct combination of *those* fields, not of every field the plan reads.
        """
        names = names_argument(rule_ids, "rule_ids")  # one text is one rule
        if not names:
            raise InvalidInputError("rule_ids", "give at least one rule id of this plan")
        wanted = frozenset(names)
        unknown = sorted(wanted - set(self.rule_ids))
        if unknown:
            raise UnknownRuleError(unknown[0], self.rule_ids)
        if wanted == frozenset(self.rule_ids):
            return self
        found = self._parts.get(wanted)
        if found is None:
            found = self._parts.setdefault(
                wanted, Plan(self.kind, self.period, self.uses, rules=wanted)
            )
        return found

    def evaluate(self, subject: Employee | School, *, keep: bool = True) -> Evaluation:
        """Evaluate one subject; an input error for this subject is raised.

        ``keep=False`` does not keep the evaluation in the plan's memo (each rule's outcome
        is kept either way): for a caller that keeps what it needs of it itself.
        """
        if not isinstance(subject, self.kind):
            raise InvalidInputError(
                "subject",
                f"this plan is for {self.kind.__name__} subjects, got {type(subject).__name__}",
            )
        fields = self._key_fields
        if fields is None:
            parts = self._compute(subject)
        else:
            scale = getattr(subject, "scale", None)
            key = (
                scale if scale in self.removed_scales else None,
                *[_key_value(getattr(subject, name)) for name in fields],
            )
            found = self._evaluations.get(key)
            if found is None:
                found = self._compute(subject)
                if keep:
                    _remember(self._evaluations, key, found)
            parts = found
        uses, outcomes, not_applicable, not_encoded = parts
        return Evaluation(
            subject=subject,
            period=self.period,
            reference_day=self.period.reference_day,
            editions=uses,
            outcomes=outcomes,
            not_applicable=not_applicable,
            not_encoded=not_encoded,
            rules=self.rules,
        )

    def run(self, subjects: Iterable[Employee | School]) -> Iterator[Evaluation | RecordError]:
        """Evaluate subject after subject: an Evaluation, or a RecordError for that one alone."""
        for index, subject in enumerate(subjects):
            try:
                yield self.evaluate(subject)
            except InputError as error:
                yield RecordError(index, subject, error)

    def _compute(self, subject: Employee | School) -> _Parts:
        uses = self.uses
        if isinstance(subject, Employee):
            uses = tuple(self._for_employee(use, subject) for use in uses)
        return (uses, *sort_results(self._results(subject, uses)))

    def _results(self, subject: Employee | School, uses: tuple[EditionUse, ...]) -> list[_Result]:
        """Each task's result, in task order; from the memo when the rule declares what it reads.

        Tasks that read the same fields share one memo entry, keyed on those fields' values
        and the notes the editions have about this subject.
        """
        memo = self._outcomes
        tasks = self._tasks
        results: list[Any] = [None] * len(tasks)
        notes = tuple([use.subject_notes for use in uses])
        for number, (fields, positions) in enumerate(self._groups):
            values: list[Any] = [_key_value(getattr(subject, name)) for name in fields]
            key = (number, notes, *values)
            found = memo.get(key)
            if found is None:
                found = tuple(
                    [self._result(position, subject, uses, values) for position in positions]
                )
                _remember(memo, key, found)
            for position, result in zip(positions, found, strict=True):
                results[position] = result
        for position in self._singles:
            task = tasks[position]
            results[position] = evaluate_rule(task.rule, subject, self.period, uses[task.use_index])
        return results

    def _result(
        self,
        position: int,
        subject: Employee | School,
        uses: tuple[EditionUse, ...],
        values: list[Any],
    ) -> _Result:
        """One task's result, worked out: replayed from its trace, or the rule run."""
        task = self._tasks[position]
        use = uses[task.use_index]
        if task.traced is not None:
            found = self._replayed(position, task, subject, use, values)
            if found is not None:
                return found
        return evaluate_rule(task.rule, subject, self.period, use)

    def traces_for(self, subject: Employee | School) -> tuple[Trace | None, ...] | None:
        """Per rule of the plan (in :attr:`rule_ids` order), its trace for ``subject``'s other
        fields if it reads the traced field (the werktijdfactor), else ``None``.

        ``None`` overall when some rule reads the traced field but cannot be traced, or
        does not declare what it reads: then only running the plan gives the results. For a
        table: rows that differ from ``subject`` only in the traced field get their values by
        :meth:`Trace.value <onderwijsregels.tracing.Trace.value>`, everything else from
        ``subject``'s evaluation.
        """
        if self._singles or not isinstance(subject, self.kind):
            return None
        uses = self.uses
        if isinstance(subject, Employee):
            uses = tuple(self._for_employee(use, subject) for use in uses)
        field = TRACED_FIELDS.get(self.kind)
        found: list[Trace | None] = []
        for position, task in enumerate(self._tasks):
            assert task.fields is not None
            if field not in task.fields:
                found.append(None)  # its result does not depend on the field
                continue
            if task.traced is None:
                return None  # it reads the field, but is not traced: only running it will do
            use = uses[task.use_index]
            values = [_key_value(getattr(subject, name)) for name in task.fields]
            one, _ = self._trace(position, task, subject, use, values)
            if one is None:
                return None
            found.append(one)
        return tuple(found)

    def _trace(
        self,
        position: int,
        task: _Task,
        subject: Employee | School,
        use: EditionUse,
        values: list[Any],
    ) -> tuple[Trace | None, _Result | None]:
        """The task's trace for the values of its other fields: traced the second time they
        come (the first time the rule is run: ``None``), then kept.

        A new trace is checked against running the rule for ``subject``: unless the two
        agree in everything but the steps, the trace is not used (and not kept as usable).
        Returns the trace (``None``: run the rule) and, for a new trace, the result of that
        run, which is ``subject``'s result. An input error of the run is raised (and nothing
        is kept, so the next subject is traced afresh).
        """
        assert task.traced is not None
        others = (position, use.subject_notes, *values[: task.traced], *values[task.traced + 1 :])
        traces = self._traces
        known = traces.get(others, _UNSEEN)
        if known is not _SEEN_ONCE:
            if known is not _UNSEEN:
                return cast("Trace | None", known), None
            # Traced the second time these fields come: a combination met once (a person never
            # seen before, a birth date of their own) is cheaper to run than to trace and check.
            _remember(traces, others, _SEEN_ONCE)
            return None, None
        found = trace(task.rule, subject, self.period, use)
        if found is None:
            _remember(traces, others, None)
            return None, None
        real = evaluate_rule(task.rule, subject, self.period, use)
        agreed = found if found.agrees(real, subject, self.period, use) else None
        _remember(traces, others, agreed)
        return agreed, real

    def _replayed(
        self,
        position: int,
        task: _Task,
        subject: Employee | School,
        use: EditionUse,
        values: list[Any],
    ) -> _Result | None:
        """The rule's result from its trace (traced once per value of its other fields)."""
        found, real = self._trace(position, task, subject, use, values)
        if real is not None:
            return real
        return None if found is None else found.outcome(subject, self.period, use)

    def _for_employee(self, use: EditionUse, employee: Employee) -> EditionUse:
        note = check_scale(use.edition, employee.scale, self.reference_day)
        return attrs.evolve(use, subject_notes=(*use.subject_notes, note)) if note else use


_UNSEEN = object()
"""Not in the traces: these other fields have not come yet."""

_SEEN_ONCE = object()
"""In the traces before any trace: these other fields came once (and were run)."""


def _remember(memo: dict[tuple[object, ...], Any], key: tuple[object, ...], value: object) -> None:
    """Keep ``value`` under ``key``; past :data:`MEMO_ENTRIES` the cache starts afresh."""
    if len(memo) >= MEMO_ENTRIES:
        memo.clear()
    memo[key] = value
