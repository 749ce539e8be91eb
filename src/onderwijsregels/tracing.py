"""Tracing a rule once for every werktijdfactor, and replaying it for one.

A rule that reads the werktijdfactor mostly multiplies by it: a pro-rata
budget, pro-rata hours. Its author says so with ``traced=("werktijdfactor",)``
(see :attr:`~onderwijsregels.rules.Rule.traced`). :func:`trace` runs such a rule once with a symbolic
werktijdfactor (:mod:`onderwijsregels.symbolic`) and keeps what it found as a
:class:`Trace`; :meth:`Trace.outcome` then gives the outcome for an employee
with a real werktijdfactor by replaying the recorded arithmetic, without
running the rule: the same operations in the same decimal context, so the same
value, with the same citations, notes, interpretations and edition. Its steps
are worked out when someone asks for them (the rule then runs for that
employee, and must give the same value).

A rule whose path depends on the werktijdfactor (it compares it, rounds it,
shows it in a note) cannot be traced: :func:`trace` returns ``None`` and the
caller runs the rule as always. The plan also checks each new trace once against
a run of the rule (:meth:`Trace.agrees`). Tracing changes how fast an outcome is
found, never what it is; the property tests compare both ways for every shipped
edition.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from onderwijsregels.errors import NotEncodedError
from onderwijsregels.evaluate import (
    EXACT,
    EditionUse,
    NotApplicableResult,
    NotEncodedResult,
    Outcome,
    StepsLater,
    check_declared_value,
    outcome_fields,
    result_problem,
    rounded_value,
    value_form,
    value_problem,
)
from onderwijsregels.model import Employee, School
from onderwijsregels.parameters import Value
from onderwijsregels.periods import Period
from onderwijsregels.rules import Computation, NotApplicable, Rule, RuleContext
from onderwijsregels.symbolic import PLACEHOLDER, Symbolic, Tape, Untraceable, same_context

__all__ = ["TRACED_FIELDS", "Trace", "trace"]

TRACED_FIELDS: Mapping[type, str] = {Employee: "werktijdfactor"}
"""Per kind of subject, the number a rule is traced for (a Decimal with many values)."""

_TRACING = decimal.Context(
    prec=EXACT.prec,
    rounding=EXACT.rounding,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.DivisionByZero],
)
"""The rule's own context, but an operation on the stand-in behind a symbolic number (a
signalling NaN) raises instead of giving NaN."""

_TELLTALES = (PLACEHOLDER, "sNaN", "NaN")
"""Texts that show the symbolic number (or its stand-in) reached words a result keeps."""


@attrs.frozen
class Trace:
    """What a rule found with a symbolic number: its value as arithmetic to replay.

    ``found`` is the rule's Computation (its value symbolic or fixed), or a
    not-applicable or not-encoded result, which then holds for every value of
    the number. ``fields`` are the parts of the outcome that are the same for
    every value of the number (citations, notes, edition, ...).
    """

    rule: Rule
    field: str
    found: Computation | NotApplicableResult | NotEncodedResult
    tape: Tape = attrs.field(eq=False)
    fields: dict[str, Any] = attrs.field(factory=dict, eq=False, repr=False)

    def outcome(
        self, subject: Employee | School, period: Period, use: EditionUse
    ) -> Outcome | NotApplicableResult | NotEncodedResult | None:
        """The result for ``subject``; ``None`` if it must be computed by running the rule.

        ``period`` and ``use`` must be those the rule was traced under.
        """
        found = self.found
        if not isinstance(found, Computation):
            # The same for every number, once the arithmetic the rule did on the way is
            # replayed: an operation that would round must be refused as the rule refuses it.
            return found if self.replays(getattr(subject, self.field)) else None
        value = self.exact(getattr(subject, self.field), use)
        if value is None:
            return None
        steps = StepsLater(self.rule, subject, period, use)
        return Outcome(
            value=rounded_value(value, self.rule.unit), exact=value, steps=steps, **self.fields
        )

    def agrees(
        self,
        real: Outcome | NotApplicableResult | NotEncodedResult,
        subject: Employee | School,
        period: Period,
        use: EditionUse,
    ) -> bool:
        """Whether running the rule for ``subject`` (``real``) gave what the trace gives for it,
        in everything but the steps: a check of the trace against the rule itself, made once
        per trace (a rule whose path depends on the number in a way the symbolic number
        cannot see, such as testing ``type(number) is Decimal``, fails it)."""
        mine = self.outcome(subject, period, use)
        if not isinstance(mine, Outcome) or not isinstance(real, Outcome):
            return mine == real
        return (
            value_form(mine.value) == value_form(real.value)
            and value_form(mine.exact) == value_form(real.exact)
            and mine.citations == real.citations
            and mine.notes == real.notes
            and mine.interpretations == real.interpretations
            and mine.edition is real.edition
            and mine.nawerking == real.nawerking
        )

    def replays(self, number: Decimal) -> bool:
        """Whether the recorded arithmetic runs for ``number`` (nothing that would round)."""
        if not len(self.tape):
            return True
        try:
            with decimal.localcontext(EXACT):
                self.tape.replay(number, None)
        except Exception:
            return False
        return True

    def exact(self, number: Decimal, use: EditionUse) -> Value | None:
        """The rule's exact value for ``number``; ``None`` if only running the rule can tell
        (an operation that would round, a value that does not fit the unit, ...)."""
        found = self.found
        assert isinstance(found, Computation)
        rule = self.rule
        try:
            with decimal.localcontext(EXACT):
                value: Value = self.tape.replay(number, found.value)
            check_declared_value(rule, value, use)
        except Exception:
            return None  # running the rule will say what is wrong (an input error, a defect)
        if value_problem(value, rule.unit) is not None:
            return None
        return value

    def value(self, number: Decimal, use: EditionUse) -> Value | None:
        """The outcome's value for ``number`` (money rounded once); ``None`` as for :meth:`exact`.

        Only for a trace whose rule found a value (``found`` is a Computation).
        """
        value = self.exact(number, use)
        return None if value is None else rounded_value(value, self.rule.unit)


def trace(rule: Rule, subject: Employee | School, period: Period, use: EditionUse) -> Trace | None:
    """Run ``rule`` once with a symbolic number; ``None`` if its path depends on the number.

    Only a rule that declares the field in ``traced=`` is traced: its author's promise that
    the rule only computes with it and writes it in its steps. What can be checked is checked
    (a refused operation, a note that shows the number, a decimal context of the rule's own,
    and, in the plan, one run of the rule for the same subject).
    """
    field = TRACED_FIELDS.get(type(subject))
    if field is None or field not in rule.traced or field not in rule.read_set:
        return None
    tape = Tape()
    context = RuleContext(
        subject=subject,
        day=period.reference_day,
        period=period,
        edition=use.edition,
        rule=rule,
        symbols={field: tape.symbol()},
    )
    try:
        with decimal.localcontext(_TRACING) as running:
            tape.context = running.copy()  # a snapshot: a change made in place is seen too
            found = rule.compute(context)
            if running.flags[decimal.InvalidOperation] or not same_context(running, tape.context):
                return None  # the stand-in was read somewhere, or the rule changed the context
    except NotEncodedError as error:
        if tape.refused:
            return None
        if _shows_number((error.why, error.fact, error.parameter)):
            return None
        gap = NotEncodedResult(
            rule.id,
            rule.title,
            error.why,
            use.edition.id,
            fact=error.fact,
            parameter=error.parameter,
        )
        return Trace(rule, field, gap, tape)
    except (Exception, Untraceable):
        return None  # refused, or a defect the rule's own run will report
    if tape.refused:  # the rule caught a refusal and went on: its path may depend on the number
        return None
    if isinstance(found, NotApplicable):
        if not isinstance(found.reason, str) or _shows_number(found.reason):
            return None
        return Trace(
            rule,
            field,
            NotApplicableResult(rule.id, rule.title, found.reason, use.edition.id),
            tape,
        )
    if not isinstance(found, Computation):
        return None
    value = found.value
    if type(value) is Symbolic:
        if value._tape is not tape:
            return None
        checked = attrs.evolve(found, value=Decimal(0))
    else:
        checked = found
    words = (
        found.notes,
        found.interpretations,
        found.citations,
        tuple(step.interpretation for step in found.steps),
    )
    if result_problem(checked, rule) is not None or _shows_number(words):
        return None
    if type(value) is not Symbolic and _shows_number(value):
        return None
    if tape.refused:  # something in the result refused to show the number
        return None
    fields = outcome_fields(rule, period, period.reference_day, use, found)
    return Trace(rule, field, found, tape, fields)


def _shows_number(words: object) -> bool:
    """Whether ``words`` (texts, or objects made of them) show the symbolic number."""
    try:
        text = repr(words)
    except (Exception, Untraceable):
        return True
    return any(telltale in text for telltale in _TELLTALES)
