"""Rules: pure functions from a subject and a day to a cited value.

A :class:`Rule` wraps a pure function of a :class:`RuleContext` that returns a
:class:`Computation` (the value, the arithmetic step by step, each step with
its citation) or :class:`NotApplicable` with the reason. Write one with the
:func:`rule` decorator, the Dutch wording of the article in its docstring.
"""

from __future__ import annotations

import enum
import functools
import importlib
import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any, Protocol, TypeVar, cast

import attrs

from onderwijsregels.citations import Citation, Interpretation
from onderwijsregels.convert import optional_text_set, optional_texts, texts
from onderwijsregels.errors import EditionDefinitionError, PluginError
from onderwijsregels.model import Employee, School
from onderwijsregels.parameters import KnownValue, Parameter, Value
from onderwijsregels.periods import CalendarYear, Period, SchoolYear
from onderwijsregels.steps import Step
from onderwijsregels.symbolic import Symbolic, refuse_for

__all__ = [
    "SUBJECT_FIELDS",
    "TRACEABLE_FIELDS",
    "Computation",
    "EditionInfo",
    "NotApplicable",
    "Rule",
    "RuleContext",
    "Step",
    "SubjectView",
    "Unit",
    "rule",
]

_S = TypeVar("_S", Employee, School)

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
    notes: tuple[str, ...] = attrs.field(default=(), converter=texts)
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


SUBJECT_FIELDS: dict[type[Employee] | type[School], frozenset[str]] = {
    Employee: frozenset(field.name for field in attrs.fields(Employee)),
    School: frozenset(field.name for field in attrs.fields(School)),
}
"""The fields a rule can declare in ``reads=``, per kind of subject."""

TRACEABLE_FIELDS: dict[type[Employee] | type[School], frozenset[str]] = {
    Employee: frozenset({"werktijdfactor"}),
    School: frozenset(),
}
"""The fields a rule can declare in ``traced=``, per kind of subject (exact decimals with many
values; see :mod:`onderwijsregels.tracing`)."""

_NEEDS: dict[str, tuple[str, ...]] = {
    "age_on": ("birth_date",),
    "label": ("name", "function", "scale", "trede", "werktijdfactor", "pupils", "brin"),
}
"""Methods and properties of a subject, and the fields they read."""


class SubjectView:
    """The subject as a rule sees it: only the fields the rule declared in ``reads=``.

    Reading any other field (directly, or through a method such as ``age_on``
    or ``to_dict`` that reads it) raises :class:`~onderwijsregels.errors.PluginError`
    naming the rule and the field, so a rule's outcome depends on exactly what
    it declares (and can be memoised on that). Otherwise it behaves as the
    subject: ``isinstance(view, Employee)`` holds and it equals its subject.
    """

    __slots__ = ("_allowed", "_rule", "_subject")

    def __init__(self, subject: Employee | School, fields: frozenset[str], rule_id: str) -> None:
        object.__setattr__(self, "_subject", subject)
        object.__setattr__(self, "_allowed", fields)
        object.__setattr__(self, "_rule", rule_id)

    def __getattr__(self, name: str) -> Any:
        subject = self._subject
        if name in self._allowed:  # the common case: a declared field
            return getattr(subject, name)
        known = SUBJECT_FIELDS[type(subject)]
        needs = known if name == "to_dict" else _NEEDS.get(name, (name,))
        undeclared = sorted(item for item in needs if item in known and item not in self._allowed)
        if undeclared:
            raise PluginError(
                None,
                None,
                f"rule {self._rule!r} reads the subject's {undeclared[0]!r} without declaring "
                f"it (reads={tuple(sorted(self._allowed))})",
            )
        return getattr(subject, name)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a rule's view of the subject is read-only")

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # so that isinstance(view, Employee) holds
        return type(self._subject)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SubjectView):
            other = other._subject
        return bool(self._subject == other)

    def __hash__(self) -> int:
        return hash(self._subject)

    def __repr__(self) -> str:
        return f"SubjectView({self._subject.label}, reads={tuple(sorted(self._allowed))})"


class _SymbolView(SubjectView):
    """A rule's view in which some fields are symbolic numbers (see :mod:`onderwijsregels.symbolic`).

    Anything else that would reveal such a field's value (the label, ``to_dict``,
    comparing or hashing the subject) is refused with
    :class:`~onderwijsregels.symbolic.Untraceable`.
    """

    __slots__ = ("_symbols",)

    def __init__(
        self,
        subject: Employee | School,
        fields: frozenset[str],
        rule_id: str,
        symbols: Mapping[str, Symbolic],
    ) -> None:
        super().__init__(subject, fields, rule_id)
        object.__setattr__(self, "_symbols", symbols)

    def __getattr__(self, name: str) -> Any:
        symbols = self._symbols
        if name in symbols:
            return symbols[name]
        known = SUBJECT_FIELDS[type(self._subject)]
        needs = known if name == "to_dict" else _NEEDS.get(name, ())
        if any(field in symbols for field in needs):
            refuse_for(symbols.values(), f"reads {name!r}, which shows a symbolic field")
        return super().__getattr__(name)

    def __eq__(self, other: object) -> bool:
        refuse_for(self._symbols.values(), "compares the subject")

    def __hash__(self) -> int:
        refuse_for(self._symbols.values(), "hashes the subject")


class EditionValues(Protocol):
    """What a rule's context needs of an edition (an :class:`~onderwijsregels.editions.Edition`).

    A protocol, so this module need not import the editions module (which imports it).
    """

    @property
    def id(self) -> str: ...
    @property
    def family(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def valid_from(self) -> date: ...
    @property
    def valid_to(self) -> date | None: ...
    @property
    def citation(self) -> Citation: ...
    @property
    def provisional(self) -> bool: ...
    @property
    def interpretation(self) -> Interpretation | None: ...
    @property
    def starts(self) -> date: ...
    def parameter(self, parameter_id: str) -> Parameter: ...
    def carries_value(self, parameter_id: str, start: date) -> bool: ...


@attrs.frozen
class EditionInfo:
    """What a rule may know about its edition: who it is, not its values.

    Parameters are read with :meth:`RuleContext.param`, which checks them
    against the rule's declaration; this view has none.
    """

    id: str
    family: str
    title: str
    starts: date
    valid_from: date
    valid_to: date | None
    citation: Citation
    provisional: bool

    def parameter(self, parameter_id: str) -> Any:
        """Refused: read parameters with ``ctx.param`` and declare them in ``parameters=``."""
        raise PluginError(
            None,
            None,
            f"a rule reads parameter {parameter_id!r} through ctx.edition; use "
            "ctx.param/ctx.param_known and declare it in the rule's parameters=",
            edition=self.id,
        )


@attrs.frozen
class RuleContext:
    """Everything a rule may read: the subject, the day, the period, its parameters.

    ``rule`` is the rule being evaluated; when it declares what it reads
    (``reads=`` for subject fields, ``parameters=`` for dated values), reading
    anything else raises :class:`~onderwijsregels.errors.PluginError`. Parameters
    are read only with :meth:`param` and :meth:`param_known`; :attr:`edition`
    gives the edition's identity (id, title, dates, citation), not its values.
    """

    _subject: Employee | School = attrs.field(alias="subject")
    day: date
    period: Period
    _edition: EditionValues = attrs.field(alias="edition", repr=False)
    rule: Rule | None = attrs.field(default=None, repr=False)
    _symbols: Mapping[str, Symbolic] | None = attrs.field(
        default=None, alias="symbols", repr=False, eq=False
    )
    """Subject fields that stand for every value while the rule is traced (engine use only)."""
    _views: dict[int, SubjectView] = attrs.field(factory=dict, init=False, repr=False, eq=False)

    @property
    def subject(self) -> Employee | School:
        """The subject, limited to the rule's declared fields."""
        return self._any_view(self._subject)

    @property
    def edition(self) -> EditionInfo:
        """The edition's identity and dates; its values are read with :meth:`param`."""
        edition = self._edition
        return EditionInfo(
            edition.id,
            edition.family,
            edition.title,
            edition.starts,
            edition.valid_from,
            edition.valid_to,
            edition.citation,
            edition.provisional,
        )

    @property
    def employee(self) -> Employee:
        """The employee the rule is evaluated for, limited to its declared fields."""
        if not isinstance(self._subject, Employee):
            raise self._wrong_kind("an Employee")
        return self._view(self._subject)

    @property
    def school(self) -> School:
        """The school the rule is evaluated for, limited to its declared fields."""
        if not isinstance(self._subject, School):
            raise self._wrong_kind("a School")
        return self._view(self._subject)

    def _wrong_kind(self, wanted: str) -> PluginError:
        # The rule's own subject kind decides which rules run, so this is a defect of the rule.
        who = f"rule {self.rule.id!r}" if self.rule is not None else "a rule"
        return PluginError(
            None,
            None,
            f"{who} reads {wanted}, but it runs for a {type(self._subject).__name__}",
            edition=self._edition.id,
        )

    def _view(self, subject: _S) -> _S:
        rule = self.rule
        if rule is None or rule.reads is None:
            return subject
        view = self._views.get(id(subject))
        if view is None:
            if self._symbols is None:
                view = SubjectView(subject, rule.read_set, rule.id)
            else:
                view = _SymbolView(subject, rule.read_set, rule.id, self._symbols)
            self._views[id(subject)] = view
        return cast(_S, view)

    def _any_view(self, subject: Employee | School) -> Employee | School:
        if isinstance(subject, Employee):
            return self._view(subject)
        return self._view(subject)

    @property
    def calendar_year(self) -> CalendarYear:
        """The calendar year of the reference day (for rules counted per calendar year)."""
        return _calendar_year(self.day.year)

    @property
    def school_year(self) -> SchoolYear:
        """The school year of the reference day (for rules counted per school year)."""
        return SchoolYear.containing(self.day)

    def param(self, parameter_id: str, on: date | None = None) -> KnownValue:
        """The edition's dated value on ``on`` (default: the reference day).

        The rule must declare ``parameter_id`` in its ``parameters=``. A gap
        raises :class:`~onderwijsregels.errors.NotEncodedError` naming the
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
        rule = self.rule
        if rule is not None and parameter_id not in rule.parameters:
            raise PluginError(
                None,
                None,
                f"rule {rule.id!r} reads parameter {parameter_id!r} without declaring it "
                f"(parameters={rule.parameters})",
                edition=self._edition.id,
            )
        try:
            return self._edition.parameter(parameter_id)
        except LookupError:
            asker = f"rule {rule.id!r}" if rule is not None else "a rule"
            raise PluginError(
                None,
                None,
                f"{asker} asks for parameter {parameter_id!r}, which the edition does not define",
                edition=self._edition.id,
            ) from None

    def _label(self, parameter_id: str, found: KnownValue) -> KnownValue:
        edition = self._edition
        reading = edition.interpretation
        if reading is None or found.interpretation is not None:
            return found
        if not edition.carries_value(parameter_id, found.start):
            return found
        return KnownValue(found.value, found.citation, found.start, found.end, reading)


@functools.lru_cache(maxsize=256)
def _calendar_year(year: int) -> CalendarYear:
    """The (immutable) calendar year ``year``, made once: rules ask for it on every run."""
    return CalendarYear(year)


Compute = Callable[[RuleContext], Computation | NotApplicable]


@attrs.frozen
class Rule:
    """A named, cited rule of an edition.

    ``id`` is stable Dutch snake_case (e.g. ``individueel_budget``) and is the
    key users read results by. ``subject`` is the kind of subject it is
    evaluated for. ``citations`` lists every source the rule can rest on (for
    the reference docs); each result names the one it used. ``parameters``
    names the edition parameters it reads, so a changed value shows up in
    :func:`onderwijsregels.diff.diff_editions`. ``reads`` names the subject
    fields it reads (see :data:`SUBJECT_FIELDS`); ``None`` means undeclared (the
    rule sees the whole subject, an older plugin's style). Both declarations
    are enforced while the rule runs: with them, an outcome is a pure function
    of the declared fields, the declared parameters and the period. ``values``
    lists the values a text rule may give (a status, say); an outcome outside
    it is a defect of the rule.
    """

    id: str = attrs.field()
    title: str
    subject: type[Employee] | type[School]
    unit: Unit
    compute: Compute = attrs.field(repr=False, eq=False)
    citations: tuple[Citation, ...] = attrs.field(converter=_citations)
    description: str = ""
    interpretation: Interpretation | None = None
    parameters: tuple[str, ...] = attrs.field(default=(), converter=texts)
    reads: tuple[str, ...] | None = attrs.field(default=None, converter=optional_texts)
    values: frozenset[str] | None = attrs.field(default=None, converter=optional_text_set)
    traced: tuple[str, ...] = attrs.field(default=(), converter=texts)
    """Read fields the rule only computes with (``+ - * /``) and shows in its steps, never
    branching on their value or text: the engine may run it once for every value of them and
    replay the arithmetic (see :mod:`onderwijsregels.tracing`). Only ``werktijdfactor``."""
    read_set: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    """``reads`` as a set, for the checks while the rule runs."""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its function by name (``@rule`` puts the Rule where the function was)."""
        compute = self.compute
        module = getattr(compute, "__module__", None)
        name = getattr(compute, "__qualname__", "")
        if (
            not isinstance(module, str)
            or "<locals>" in name
            or _function(module, name) is not compute
        ):
            import pickle  # here: importing the library does not need it

            raise pickle.PicklingError(
                f"rule {self.id!r} cannot be pickled: its function {name or compute!r} is not "
                "found by its module and name (define rules at the top level of a module)"
            )
        fields = {
            field.name: getattr(self, field.name)
            for field in attrs.fields(Rule)
            if field.init and field.name != "compute"
        }
        return (_rule, (module, name, fields))

    @id.validator
    def _snake_case(self, _: attrs.Attribute[str], value: str) -> None:
        if not _RULE_ID.fullmatch(value):
            raise EditionDefinitionError(f"rule id {value!r} is not lower snake_case")

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "read_set", frozenset(self.reads or ()))
        traceable = TRACEABLE_FIELDS.get(self.subject, frozenset())
        for field in self.traced:
            if field not in traceable:
                raise EditionDefinitionError(
                    f"rule {self.id!r} declares traced={self.traced}; only "
                    f"{sorted(traceable) or 'no field'} of a {self.subject.__name__} can be traced"
                )
            if field not in self.read_set:
                raise EditionDefinitionError(
                    f"rule {self.id!r} declares traced={self.traced}, but reads= does not "
                    f"declare {field!r}"
                )
        if self.reads is None:
            return
        known = SUBJECT_FIELDS[self.subject]
        unknown = sorted(set(self.reads) - known)
        if unknown:
            raise EditionDefinitionError(
                f"rule {self.id!r} declares reads={unknown}, which {self.subject.__name__} does "
                f"not have; its fields: {', '.join(sorted(known))}"
            )


def _function(module: str, name: str) -> object:
    """The function ``name`` of ``module``, or the function of the Rule found there."""
    try:
        found: object = importlib.import_module(module)
        for part in name.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError):
        return None
    return found.compute if isinstance(found, Rule) else found


def _rule(module: str, name: str, fields: dict[str, Any]) -> Rule:
    """A pickled Rule again (see ``Rule.__reduce__``)."""
    compute = _function(module, name)
    if not callable(compute):
        import pickle

        raise pickle.UnpicklingError(f"the function {module}.{name} of a pickled rule is gone")
    return Rule(compute=cast(Compute, compute), **fields)


def rule(
    id: str,
    *,
    title: str,
    subject: type[Employee] | type[School],
    unit: Unit,
    citations: tuple[Citation, ...],
    interpretation: Interpretation | None = None,
    parameters: tuple[str, ...] = (),
    reads: tuple[str, ...] | None = None,
    values: Iterable[str] | None = None,
    traced: tuple[str, ...] = (),
) -> Callable[[Compute], Rule]:
    """Decorate a pure function into a :class:`Rule`; its docstring becomes the description.

    ``traced`` names read fields the rule only computes with and writes in its steps (see
    :attr:`Rule.traced`): a promise of the author that makes the rule fast for many values.
    """

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
            reads=reads,
            values=values,
            traced=traced,
        )

    return wrap


def _dedent(text: str) -> str:
    return inspect.cleandoc(text)
