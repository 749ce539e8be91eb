"""Evaluating the rules for one subject and period: outcomes you can check.

An :class:`Evaluation` maps rule ids to :class:`Outcome` objects. Each outcome
carries its value (money rounded once, half-up to cents), unit, citation(s),
the edition and day it rests on, the arithmetic step by step, and every note
and interpretation a careful reader needs. Rules that do not apply to the
subject, and values our sources do not give, are listed with the reason;
reading them raises a clear error.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar, overload

import attrs

from onderwijsregels.citations import (
    Citation,
    Confidence,
    Interpretation,
    combined_confidence,
)
from onderwijsregels.convert import converter, unstructure
from onderwijsregels.editions import Edition
from onderwijsregels.errors import (
    DefinitionError,
    InvalidInputError,
    NotEncodedError,
    OnderwijsregelsError,
    PluginError,
    RuleNotApplicableError,
    UnknownRuleError,
)
from onderwijsregels.i18n import Message
from onderwijsregels.model import Employee, School
from onderwijsregels.money import format_decimal, format_eur, round_money
from onderwijsregels.parameters import Value
from onderwijsregels.periods import Day, Period
from onderwijsregels.receipt import EditionSource, Receipt, asked_input
from onderwijsregels.rules import Computation, NotApplicable, Rule, RuleContext, Step, Unit

_T = TypeVar("_T")

__all__ = [
    "EditionUse",
    "Evaluation",
    "Missing",
    "NotApplicableResult",
    "NotEncodedResult",
    "Outcome",
    "evaluate_editions",
    "evaluate_rule",
    "format_value",
    "json_value",
    "sort_results",
]


@attrs.frozen
class EditionUse:
    """The edition of one family used for an evaluation, and how.

    ``nawerking`` is true when the reference day lies past the edition's end;
    ``later_in_period`` lists editions that start within the evaluated period
    after the reference day (the result does not use them); ``subject_notes``
    are notes about this subject under this edition (e.g. a removed scale still
    accepted during its regrading window); ``source`` is where the edition came from
    (the plugin distribution, any edition file), as the rulebook knows it.
    """

    family: str
    edition: Edition
    reference_day: date
    nawerking: bool
    later_in_period: tuple[Edition, ...] = ()
    subject_notes: tuple[str, ...] = ()
    source: EditionSource | None = None

    @property
    def edition_source(self) -> EditionSource:
        """Where the edition came from; without a known source, its id and file alone."""
        if self.source is not None:
            return self.source
        edition = self.edition
        return EditionSource(
            edition.id, self.family, file=edition.source_file, file_sha256=edition.source_sha256
        )

    @property
    def day(self) -> date:
        """The same as ``reference_day`` (the older name, kept so existing code keeps working)."""
        return self.reference_day

    def notes(self) -> tuple[str, ...]:
        """The notes every outcome of this edition carries."""
        return self._notes

    @functools.cached_property
    def _notes(self) -> tuple[str, ...]:
        # Worked out once per use (every rule of every evaluation under it asks).
        found: list[str] = []
        edition = self.edition
        if self.nawerking and edition.valid_to is not None:
            found.append(
                Message(
                    "Nawerking: {title} ended on {end}; as the newest edition it still applies "
                    "on {day} until a new one starts.",
                    title=edition.title,
                    end=edition.valid_to.isoformat(),
                    day=self.reference_day.isoformat(),
                )
            )
        if edition.provisional:
            found.append(
                Message(
                    "Provisional: the legal force of {title} is not confirmed; treat these "
                    "results as provisional.",
                    title=edition.title,
                )
            )
        for later in self.later_in_period:
            found.append(
                Message(
                    "{title} ({id}) starts on {start}, within the evaluated period; this result "
                    "uses the edition in force on the reference day.",
                    title=later.title,
                    id=later.id,
                    start=later.starts.isoformat(),
                )
            )
        if edition.supersedes:
            found.append(
                Message(
                    "Supersedes: {title} ({id}) declares that it supersedes {others}; on the "
                    "days they overlap, it governs in their place.",
                    title=edition.title,
                    id=edition.id,
                    others=", ".join(sorted(edition.supersedes)),
                )
            )
        found.extend(self.subject_notes)
        return tuple(found)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        return {
            **unstructure(self.edition),
            "family": self.family,
            "nawerking": self.nawerking,
            "later_in_period": [later.id for later in self.later_in_period],
        }


def format_value(value: Value, unit: Unit | None = None) -> str:
    """A value for people, the one formatting every output uses.

    Booleans as ja/nee, texts joined with "; ", dates in ISO form. With a money
    ``unit``, euros the Dutch way; with another unit, numbers without trailing
    zeros; without a unit (a parameter's value as written), numbers with the
    digits they were given.

    >>> format_value(Decimal("360"), Unit.EUR_PER_KALENDERJAAR), format_value(Decimal("94.20"))
    ('€ 360,00', '94.20')
    >>> format_value(True), format_value(("studieverlof", "studiekosten"))
    ('ja', 'studieverlof; studiekosten')
    """
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, tuple):
        return "; ".join(value)
    if isinstance(value, date):
        return value.isoformat()
    if unit is not None and unit.is_money and not isinstance(value, str):
        return format_eur(Decimal(value))
    if isinstance(value, int | str):
        return str(value)
    return format_decimal(value) if unit is not None else format(value, "f")


def json_value(value: Value) -> Any:
    """A value as JSON holds it: exact numbers as strings, dates in ISO form, texts as a list."""
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class StepsLater:
    """An outcome's steps, worked out when first asked: its rule run again for its subject.

    The engine makes these for outcomes it computed without running the rule
    for this subject (a traced rule replayed with the subject's number, see
    :mod:`onderwijsregels.symbolic`). Running the rule must give the very value
    the outcome has; if it does not, the engine has a defect, and this says so.
    """

    __slots__ = ("period", "rule", "subject", "use")

    def __init__(
        self, rule: Rule, subject: Employee | School, period: Period, use: EditionUse
    ) -> None:
        self.rule, self.subject, self.period, self.use = rule, subject, period, use

    def resolve(self, exact: Value) -> tuple[Step, ...]:
        """The steps, from running the rule; checks that it gives ``exact`` again."""
        found = evaluate_rule(self.rule, self.subject, self.period, self.use)
        if not isinstance(found, Outcome) or value_form(found.exact) != value_form(exact):
            raise PluginError(
                None,
                None,
                f"rule {self.rule.id!r} gave {found!r} when run again for its steps, not the "
                f"value {exact!r} found by tracing it: the rule is not a pure function of what it "
                "declares (reads=, parameters=), or onderwijsregels has a defect",
                edition=self.use.edition.id,
            )
        return found.steps


def value_form(value: object) -> tuple[type, str]:
    """A value compared with its form: ``Decimal("0.60")`` is not ``Decimal("0.6")`` here."""
    return (type(value), str(value))


def _steps_key(steps: tuple[Step, ...] | StepsLater) -> object:
    """Outcomes compare by their steps, whether already worked out or not."""
    if isinstance(steps, StepsLater):
        found = evaluate_rule(steps.rule, steps.subject, steps.period, steps.use)
        return found.steps if isinstance(found, Outcome) else found
    return steps


@attrs.frozen
class Outcome:
    """The value of one rule for one subject on one day, with everything it rests on.

    ``value`` is rounded for money (half-up to cents) and exact otherwise;
    ``exact`` is the unrounded value. ``edition`` is the edition used and
    ``day`` its reference day.
    """

    rule_id: str
    title: str
    value: Value
    exact: Value
    unit: Unit
    citation: Citation
    citations: tuple[Citation, ...]
    edition: Edition = attrs.field(repr=False)
    reference_day: date
    _steps: tuple[Step, ...] | StepsLater = attrs.field(alias="steps", repr=False, eq=_steps_key)
    notes: tuple[str, ...] = ()
    interpretations: tuple[Interpretation, ...] = ()
    nawerking: bool = False
    _confidence: Confidence | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def steps(self) -> tuple[Step, ...]:
        """The arithmetic step by step, each step with what it rests on.

        An outcome the engine computed from a traced rule (see
        :mod:`onderwijsregels.symbolic`) works its steps out when first asked,
        by running the rule for this subject, and keeps them.
        """
        steps = self._steps
        if type(steps) is tuple:
            return steps
        assert isinstance(steps, StepsLater)
        found = steps.resolve(self.exact)
        object.__setattr__(self, "_steps", found)  # the same every time: a race is harmless
        return found

    @property
    def day(self) -> date:
        """The same as ``reference_day`` (the older name, kept so existing code keeps working)."""
        return self.reference_day

    @property
    def confidence(self) -> Confidence:
        """The weakest confidence among its citations; *interpretation* if any is attached."""
        found = self._confidence
        if found is None:  # worked out once (a table asks for it per row)
            found = combined_confidence(self.citations, self.interpretations)
            assert found is not None  # an outcome always has its primary citation
            object.__setattr__(self, "_confidence", found)
        return found

    @property
    def confidence_reasons(self) -> tuple[str, ...]:
        """Why the confidence is what it is: each citation at that level, and any interpretation."""
        level = self.confidence
        reasons = [
            f"{item.reference}: {item.confidence_reason}"
            for item in self.citations
            if item.confidence is level
        ]
        if level is Confidence.INTERPRETATION:
            reasons += [f"our reading: {item.summary}" for item in self.interpretations]
        return tuple(reasons)

    @property
    def display(self) -> str:
        """The value for people, e.g. ``€ 360,00``."""
        return format_value(self.value, self.unit)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "value": json_value(self.value),
            "exact": json_value(self.exact),
            "display": self.display,
            "unit": self.unit.value,
            "confidence": self.confidence.value,
            "confidence_reasons": list(self.confidence_reasons),
            "edition": self.edition.id,
            "reference_day": self.reference_day.isoformat(),
            "nawerking": self.nawerking,
            "citation": unstructure(self.citation),
            "citations": [unstructure(item) for item in self.citations],
            "steps": [
                {"text": step.text, "reference": step.citation.reference if step.citation else None}
                for step in self.steps
            ],
            "notes": list(self.notes),
            "interpretations": [unstructure(item) for item in self.interpretations],
        }


@attrs.frozen
class Missing:
    """A rule that gave no value; see :class:`NotApplicableResult` and :class:`NotEncodedResult`."""

    rule_id: str
    title: str
    reason: str
    edition: str
    fact: str | None = None
    parameter: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "title": self.title,
            "reason": self.reason,
            "edition": self.edition,
        }
        if self.fact is not None:
            found["fact"] = self.fact
            found["parameter"] = self.parameter
        return found


@attrs.frozen
class NotApplicableResult(Missing):
    """The rule exists for this kind of subject but does not apply to this one; ``reason`` says why."""


@attrs.frozen
class NotEncodedResult(Missing):
    """The rule needs a value our sources do not give: ``fact`` and ``parameter`` name it."""


@attrs.frozen
class Evaluation(Mapping[str, Outcome]):
    """Every rule's outcome for one subject and period: a read-only mapping of rule id to Outcome.

    It is a :class:`collections.abc.Mapping` (``keys()``, ``values()``,
    ``items()``, ``get()``, ``in``, ``len()``) over the rules that gave a
    value. Reading a rule that gave none raises the reason: NotEncodedError,
    RuleNotApplicableError, or UnknownRuleError for a rule no edition defines.

    >>> import onderwijsregels as owr
    >>> from decimal import Decimal
    >>> rb = owr.load()
    >>> juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.6"))
    >>> ev = rb.evaluate(juf, year=2020)
    >>> ev["individueel_budget"].value
    Decimal('360.00')
    >>> "uren_per_werkweek" in ev
    True
    """

    subject: Employee | School
    period: Period
    reference_day: date
    editions: tuple[EditionUse, ...]
    outcomes: tuple[Outcome, ...]
    not_applicable: tuple[NotApplicableResult, ...] = ()
    not_encoded: tuple[NotEncodedResult, ...] = ()
    rules: frozenset[str] | None = None
    """The rules asked for (``rules=``), or ``None`` for every rule; part of the receipt."""

    @property
    def day(self) -> date:
        """The same as ``reference_day`` (the older name, kept so existing code keeps working)."""
        return self.reference_day

    def __getitem__(self, rule_id: str) -> Outcome:
        for outcome in self.outcomes:
            if outcome.rule_id == rule_id:
                return outcome
        for missing in self.not_encoded:
            if missing.rule_id == rule_id:
                raise NotEncodedError(
                    missing.fact or missing.title, missing.reason, parameter=missing.parameter
                )
        for skipped in self.not_applicable:
            if skipped.rule_id == rule_id:
                raise RuleNotApplicableError(rule_id, skipped.reason)
        raise UnknownRuleError(rule_id, self.rule_ids)

    def __contains__(self, rule_id: object) -> bool:
        return any(outcome.rule_id == rule_id for outcome in self.outcomes)

    def __iter__(self) -> Iterator[str]:
        return iter(outcome.rule_id for outcome in self.outcomes)

    def __len__(self) -> int:
        return len(self.outcomes)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """Every rule evaluated: with an outcome, not applicable, or not encoded."""
        return tuple(
            [item.rule_id for item in self.outcomes]
            + [item.rule_id for item in self.not_applicable]
            + [item.rule_id for item in self.not_encoded]
        )

    @overload
    def get(self, rule_id: str, /) -> Outcome | None: ...
    @overload
    def get(self, rule_id: str, default: Outcome | _T, /) -> Outcome | _T: ...

    def get(self, rule_id: str, default: object = None, /) -> object:
        """The outcome of a rule, or ``default`` when the rule gave none (for any reason)."""
        for outcome in self.outcomes:
            if outcome.rule_id == rule_id:
                return outcome
        return default

    @property
    def receipt(self) -> Receipt:
        """What this evaluation rests on: versions, editions and their sources, input hash.

        >>> import onderwijsregels as owr
        >>> from decimal import Decimal
        >>> juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.6"))
        >>> receipt = owr.load().evaluate(juf, year=2020, families="cao-po").receipt
        >>> receipt.edition_ids, receipt.editions[0].distribution
        (('cao-po-2019-2020',), 'onderwijsregels')
        """
        asked = asked_input(
            [self.subject], self.period, [use.family for use in self.editions], self.rules
        )
        return Receipt.of(asked, [use.edition_source for use in self.editions], self.reference_day)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        """A JSON-ready, deterministic dict of everything in the evaluation."""
        kind = "employee" if isinstance(self.subject, Employee) else "school"
        return {
            "subject": {"kind": kind, **unstructure(self.subject)},
            "period": {
                "kind": self.period.kind,
                "label": self.period.label,
                "start": self.period.start.isoformat(),
                "end": self.period.end.isoformat(),
            },
            "reference_day": self.reference_day.isoformat(),
            "editions": [unstructure(use) for use in self.editions],
            "outcomes": {item.rule_id: unstructure(item) for item in self.outcomes},
            "not_applicable": {item.rule_id: unstructure(item) for item in self.not_applicable},
            "not_encoded": {item.rule_id: unstructure(item) for item in self.not_encoded},
            "receipt": self.receipt.to_dict(),
        }

    def explain(self, lang: str = "en") -> str:
        """A readable trace: per rule the arithmetic, the article per step, edition and notes.

        ``lang`` is ``"en"`` (English, the default) or ``"nl"`` (Dutch).
        """
        from onderwijsregels.present.text import explain  # the one engine -> present import

        return explain(self, lang)


def _period_note(rule: Rule, period: Period, day: date) -> str | None:
    """Why a value counted per calendar (school) year is given for another kind of period."""
    per = rule.unit.per
    if per is None or per == period.kind:
        return None
    if isinstance(period, Day):
        when = Message("the day asked ({day})", day=day.isoformat())
    elif period.kind == "schooljaar":
        when = Message(
            "the reference day {day}, the first day of school year {label}",
            day=day.isoformat(),
            label=period.label,
        )
    else:
        when = Message(
            "the reference day {day}, the first day of calendar year {label}",
            day=day.isoformat(),
            label=period.label,
        )
    if per == "kalenderjaar":
        return Message(
            "Counted per calendar year: the value for {year}, the calendar year that holds {when}.",
            year=str(day.year),
            when=when,
        )
    start = day.year if day.month >= 8 else day.year - 1
    return Message(
        "Counted per school year: the value for {years}, the school year that holds {when}.",
        years=f"{start}-{start + 1}",
        when=when,
    )


EXACT = decimal.Context(prec=200, rounding=decimal.ROUND_HALF_UP, traps=[decimal.Inexact])
"""Rules compute exactly: any operation that would round raises instead (money is rounded once,
at the end, by the evaluation)."""


def subject_label(context: RuleContext) -> str:
    """The subject's label for messages (never its full repr)."""
    subject = context._subject
    return subject.label


_NUMBER = "a Decimal or an int (never a float or a bool)"
_NEEDS: dict[Unit, tuple[str, tuple[type, ...]]] = {
    Unit.EUR_PER_KALENDERJAAR: (_NUMBER, (Decimal, int)),
    Unit.EUR_PER_SCHOOLJAAR: (_NUMBER, (Decimal, int)),
    Unit.EUR_PER_LEERLING: (_NUMBER, (Decimal, int)),
    Unit.UUR_PER_WERKWEEK: (_NUMBER, (Decimal, int)),
    Unit.UUR_PER_KALENDERJAAR: (_NUMBER, (Decimal, int)),
    Unit.JAREN: ("an int", (int,)),
    Unit.PUNTEN: ("an int", (int,)),
    Unit.JA_NEE: ("a bool", (bool,)),
    Unit.DATUM: ("a datetime.date", (date,)),
    Unit.TEKST: ("a str or a tuple of str", (str, tuple)),
}
"""Per unit: what a rule's value must be, in words, and the types that are."""


def _shown(value: object) -> str:
    """A value for an error message: short, and never an arbitrary object's repr."""
    if isinstance(value, Decimal | int | float | str | date | tuple):
        text = repr(value)
        return text if len(text) <= 80 else text[:77] + "..."
    return f"an object of type {type(value).__name__}"


def value_problem(value: object, unit: Unit) -> str | None:
    """Why ``value`` cannot be a rule's value in ``unit``; ``None`` when it can."""
    if isinstance(value, float):
        return (
            f"gave the float {value!r}: rules compute exactly with Decimal "
            "(Decimal('0.1') + Decimal('0.2')), never with floats"
        )
    need, kinds = _NEEDS.get(unit, ("a Value", (Decimal, int, bool, str, tuple, date)))
    fits = isinstance(value, kinds)
    if isinstance(value, bool) and bool not in kinds:
        fits = False
    if isinstance(value, datetime):
        fits = False
    if isinstance(value, tuple) and not all(isinstance(item, str) for item in value):
        fits = False
    if isinstance(value, Decimal) and not value.is_finite():
        fits = False
    if fits:
        return None
    return (
        f"gave {_shown(value)} ({type(value).__name__}), but its unit {unit.value!r} needs {need}"
    )


def result_problem(found: object, rule: Rule) -> str | None:
    """Why what a rule's function returned is not a result; ``None`` when it is."""
    if isinstance(found, NotApplicable):
        return None if isinstance(found.reason, str) else "gave NotApplicable without a text reason"
    if not isinstance(found, Computation):
        return (
            f"returned {_shown(found)} ({type(found).__name__}); a rule returns a Computation "
            "or NotApplicable"
        )
    if not isinstance(found.citation, Citation):
        return f"gave a Computation whose citation is {_shown(found.citation)}, not a Citation"
    wrong = next((step for step in found.steps if not isinstance(step, Step)), None)
    if wrong is not None:
        return f"gave a Computation with the step {_shown(wrong)}, which is not a Step"
    return value_problem(found.value, rule.unit)


def run_rule(
    rule: Rule, context: RuleContext, use: EditionUse
) -> Computation | NotApplicable | NotEncodedResult:
    """Run one rule's function: what it found, checked, or the gap it ran into.

    A defect of the rule set raises :class:`~onderwijsregels.errors.PluginError`;
    a value that cannot be computed exactly, :class:`InvalidInputError`.
    """
    edition = use.edition
    try:
        with decimal.localcontext(EXACT):
            found = rule.compute(context)
    except NotEncodedError as error:
        return NotEncodedResult(
            rule.id, rule.title, error.why, edition.id, fact=error.fact, parameter=error.parameter
        )
    except decimal.Inexact:
        raise InvalidInputError(
            "subject",
            f"rule {rule.id!r} cannot be computed exactly with these values (too many digits); "
            "nothing is rounded silently, so give fewer decimals",
        ) from None
    except PluginError as error:
        if error.edition is not None:
            raise
        raise PluginError(
            error.plugin,
            error.distribution,
            f"rule {rule.id!r}: {error.problem}",
            edition=edition.id,
        ) from error
    except DefinitionError as error:
        raise PluginError(None, None, f"rule {rule.id!r}: {error}", edition=edition.id) from error
    except OnderwijsregelsError:
        raise
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # a defect in the rule set (SystemExit too), not the input
        why = "" if isinstance(error, Exception) else ", which would have ended the process"
        raise PluginError(
            None,
            None,
            f"rule {rule.id!r} raised {error!r}{why} for {subject_label(context)}",
            edition=edition.id,
        ) from error
    problem = result_problem(found, rule)
    if problem is not None:
        raise PluginError(
            None,
            None,
            f"rule {rule.id!r} {problem} for {subject_label(context)}",
            edition=edition.id,
        )
    return found


def _evaluate_rule(
    rule: Rule, context: RuleContext, use: EditionUse
) -> Outcome | NotApplicableResult | NotEncodedResult:
    found = run_rule(rule, context, use)
    if isinstance(found, NotEncodedResult):
        return found
    if not isinstance(found, Computation):
        return NotApplicableResult(rule.id, rule.title, found.reason, use.edition.id)
    return finish_outcome(rule, context.period, context.day, use, found, found.value, found.steps)


def finish_outcome(
    rule: Rule,
    period: Period,
    day: date,
    use: EditionUse,
    found: Computation,
    value: Value,
    steps: tuple[Step, ...] | StepsLater,
) -> Outcome:
    """The outcome of a rule that found ``value``: rounded once, with every note it needs.

    ``found`` gives the citations, notes and interpretations; ``value`` is its
    value (the same, or a traced rule's value replayed for one subject, whose
    ``steps`` then come later).
    """
    check_declared_value(rule, value, use)
    rounded = rounded_value(value, rule.unit)
    if rounded is not value and isinstance(steps, tuple):
        assert isinstance(rounded, Decimal)
        steps = (
            *steps,
            Step(Message("Rounded once, half-up to cents: {amount}", amount=format_eur(rounded))),
        )
    return Outcome(
        value=rounded, exact=value, steps=steps, **outcome_fields(rule, period, day, use, found)
    )


def check_declared_value(rule: Rule, value: Value, use: EditionUse) -> None:
    """A text rule's value must be one it declares in ``values=``; else the rule is defective."""
    if rule.values is not None and value not in rule.values:
        raise PluginError(
            None,
            None,
            f"rule {rule.id!r} gave {value!r}, which is not one of its declared values "
            f"{sorted(rule.values)}",
            edition=use.edition.id,
        )


def rounded_value(value: Value, unit: Unit) -> Value:
    """Money rounded once, half-up to cents; any other value as it is."""
    if unit.is_money and isinstance(value, Decimal | int) and not isinstance(value, bool):
        return round_money(Decimal(value))
    return value


def outcome_fields(
    rule: Rule, period: Period, day: date, use: EditionUse, found: Computation
) -> dict[str, Any]:
    """Everything of an outcome but its value and steps: title, unit, citations, notes,
    interpretations, edition, day."""
    edition = use.edition
    notes: list[str] = list(use.notes())
    interpretations = [item for item in (rule.interpretation,) if item is not None]
    for item in (*found.interpretations, *(step.interpretation for step in found.steps)):
        if item is not None and item not in interpretations:
            interpretations.append(item)
    if rule.id in edition.carried_over:
        notes.append(
            Message(
                "Carried over unchanged from {base} into {edition}.",
                base=str(edition.derives_from),
                edition=edition.id,
            )
        )
        if edition.interpretation is not None and edition.interpretation not in interpretations:
            interpretations.append(edition.interpretation)
    period_note = _period_note(rule, period, day)
    if period_note:
        notes.append(period_note)
    notes.extend(found.notes)
    return {
        "rule_id": rule.id,
        "title": rule.title,
        "unit": rule.unit,
        "citation": found.citation,
        "citations": found.citations,
        "edition": edition,
        "reference_day": day,
        "notes": tuple(notes),
        "interpretations": tuple(interpretations),
        "nawerking": use.nawerking,
    }


def evaluate_rule(
    rule: Rule, subject: Employee | School, period: Period, use: EditionUse
) -> Outcome | NotApplicableResult | NotEncodedResult:
    """Evaluate one rule of ``use``'s edition for ``subject`` on the period's reference day."""
    context = RuleContext(
        subject=subject, day=period.reference_day, period=period, edition=use.edition, rule=rule
    )
    return _evaluate_rule(rule, context, use)


def evaluate_editions(
    subject: Employee | School,
    period: Period,
    uses: Sequence[EditionUse],
    rules: frozenset[str] | None = None,
) -> Evaluation:
    """Evaluate every rule for ``subject`` in the given editions (one per family).

    ``rules``, when given, limits the evaluation to those rule ids. This is the
    reference path: it computes every rule afresh (a
    :class:`~onderwijsregels.plan.Plan` gives the same outcomes from its memo).
    """
    outcomes, not_applicable, not_encoded = sort_results(
        evaluate_rule(rule, subject, period, use)
        for use in uses
        for rule in use.edition.rules
        if isinstance(subject, rule.subject) and (rules is None or rule.id in rules)
    )
    return Evaluation(
        subject=subject,
        period=period,
        reference_day=period.reference_day,
        editions=tuple(uses),
        outcomes=outcomes,
        not_applicable=not_applicable,
        not_encoded=not_encoded,
        rules=rules,
    )


def sort_results(
    results: Iterable[Outcome | NotApplicableResult | NotEncodedResult],
) -> tuple[tuple[Outcome, ...], tuple[NotApplicableResult, ...], tuple[NotEncodedResult, ...]]:
    """Rule results sorted into outcomes, not-applicable and not-encoded ones, in order."""
    outcomes: list[Outcome] = []
    not_applicable: list[NotApplicableResult] = []
    not_encoded: list[NotEncodedResult] = []
    for result in results:
        if isinstance(result, Outcome):
            outcomes.append(result)
        elif isinstance(result, NotEncodedResult):
            not_encoded.append(result)
        else:
            not_applicable.append(result)
    return tuple(outcomes), tuple(not_applicable), tuple(not_encoded)


converter.register_unstructure_hook(EditionUse, EditionUse._json)
converter.register_unstructure_hook(Outcome, Outcome._json)
converter.register_unstructure_hook(Missing, Missing._json)
converter.register_unstructure_hook(Evaluation, Evaluation._json)
