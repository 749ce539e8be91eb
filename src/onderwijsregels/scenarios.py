"""What-if scenarios: the rules with values you supply, and what changes compared with the law.

:func:`scenario` returns a new :class:`~onderwijsregels.rulebook.Rulebook` in which dated
values you supply (a higher budget from 2027, a figure from your own CAO book that our sources
do not give) apply from a day on. Nothing of the installed rule set changes: the scenario
rulebook holds *copies* of the editions that govern from that day, renamed
(``cao-po-2025-2027-scenario-oop-600``), with your values in place.

No scenario result can pass for law. Each value you supply is cited as read at a
:class:`~onderwijsregels.sources.Source` of the scenario's own, graded D ("user-supplied"), and
carries an :class:`~onderwijsregels.citations.Interpretation` whose summary starts with
"Scenario" and names it; so every outcome that uses one has the confidence *interpretation*
at most, the interpretation, and a note saying which value it used.

:func:`compare` evaluates the same subjects under two rulebooks (the installed rules and a
scenario) and returns a :class:`Comparison`: per subject and rule both values and the
difference, and per rule in euros or hours the totals over all subjects.
:mod:`onderwijsregels.present.compare` renders it as text and CSV; ``to_dict()`` gives JSON.

>>> from datetime import date
>>> from decimal import Decimal
>>> import onderwijsregels as owr
>>> from onderwijsregels.testing.plugins import shipped_rulebook
>>> rb = shipped_rulebook()  # the built-in editions, whatever else is installed
>>> what_if = scenario(rb, "oop-600", values={"individueel_budget_op_oop": Decimal("600")},
...                    from_=date(2027, 1, 1), citation="A made-up figure for this example")
>>> juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.6"))
>>> budget = what_if.evaluate(juf, year=2027)["individueel_budget"]
>>> budget.value, budget.confidence.value, budget.edition.id
(Decimal('360.00'), 'interpretation', 'cao-po-2025-2027-scenario-oop-600')
>>> compare(rb, what_if, [juf], year=2027).totals[0].difference
Decimal('45.00')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Literal, cast

import attrs

from onderwijsregels.citations import Citation, Confidence, Interpretation
from onderwijsregels.convert import (
    check_day,
    converter,
    digits,
    items_argument,
    names_argument,
    parse_day,
    shown,
    structure_decimal,
    unstructure,
    value_problem,
)
from onderwijsregels.editions import Edition, edition_on
from onderwijsregels.errors import InvalidInputError, NoEditionError
from onderwijsregels.evaluate import (
    Evaluation,
    Missing,
    NotApplicableResult,
    NotEncodedResult,
    Outcome,
    format_value,
    json_value,
)
from onderwijsregels.limits import MAX_DIGITS
from onderwijsregels.model import Employee, School
from onderwijsregels.parameters import DatedValue, Value
from onderwijsregels.periods import Period, SchoolYear, period_from
from onderwijsregels.plan import RecordError
from onderwijsregels.receipt import Receipt, asked_input
from onderwijsregels.rulebook import Rulebook
from onderwijsregels.rules import Computation, NotApplicable, Rule, RuleContext, Unit
from onderwijsregels.sources import Grade, Source, register

__all__ = [
    "SCENARIO_PUBLISHER",
    "SUMMED_UNITS",
    "Comparison",
    "RuleComparison",
    "RuleTotal",
    "ScenarioValue",
    "Side",
    "SubjectComparison",
    "compare",
    "parse_scenario_value",
    "scenario",
    "scenario_values",
    "side_status",
]

SCENARIO_PUBLISHER = "user-supplied"
"""The publisher of a scenario's own source (graded D): the values are the user's, not the law's."""

SUMMED_UNITS = frozenset(
    {
        Unit.EUR_PER_KALENDERJAAR,
        Unit.EUR_PER_SCHOOLJAAR,
        Unit.UUR_PER_KALENDERJAAR,
        Unit.UUR_PER_WERKWEEK,
    }
)
"""The units a :class:`Comparison` totals over its subjects: amounts of euros and hours.

An amount per pupil (``EUR per leerling per schooljaar``) is a rate, not an amount: a sum of
rates means nothing, so it is compared per subject only."""

"""The largest whole number (a count of years, an age, a trede) a scenario may supply: 1099.

Rules add such numbers to dates; past the span of years the library accepts, that arithmetic
would leave the calendar."""

_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*", re.ASCII)
_MAX_NAME = 40

_KIND_WORDS: dict[type, str] = {
    Decimal: "a Decimal or an int",
    int: "an int",
    bool: "a bool",
    date: "a datetime.date",
    str: "a non-empty text",
    tuple: "a tuple of non-empty texts",
}
"""What a value of each kind must be, in words (for error messages)."""


# --- Scenario values --------------------------------------------------------------------------


@attrs.frozen
class ScenarioValue:
    """One value of a scenario: a parameter's value from ``start`` to ``end`` (``None``: open).

    ``citation`` is read at the scenario's own source (grade D, publisher
    :data:`SCENARIO_PUBLISHER`), so its confidence is *interpretation*; ``interpretation``
    labels the value as the scenario's ("Scenario 'name': ..."). Every outcome that uses the
    value carries both, and :attr:`note`.
    """

    scenario: str
    parameter: str
    start: date
    end: date | None
    value: Value
    citation: Citation
    interpretation: Interpretation

    @property
    def span(self) -> str:
        """The days it holds, in words: ``from 2027-01-01`` or ``2025-01-01 to 2025-12-31``."""
        return _span(self.start, self.end)

    @property
    def display(self) -> str:
        """The value as written (``600``, ``2026-01-01``, ``ja``)."""
        return format_value(self.value)

    @property
    def note(self) -> str:
        """The note every outcome that uses this value carries."""
        return (
            f"Scenario '{self.scenario}': this result uses {self.parameter} = {self.display} "
            f"({self.span}), a value supplied by the user and cited as "
            f"'{self.citation.reference}'; it is not a value of the law."
        )

    @property
    def dated_value(self) -> DatedValue:
        """The value as a parameter's dated value, with its citation and interpretation."""
        return DatedValue(
            self.start, self.end, self.value, self.citation, interpretation=self.interpretation
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "parameter": self.parameter,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "value": json_value(self.value),
            "display": self.display,
            "citation": unstructure(self.citation),
            "interpretation": unstructure(self.interpretation),
        }


def _span(start: date, end: date | None) -> str:
    return (
        f"from {start.isoformat()}" if end is None else f"{start.isoformat()} to {end.isoformat()}"
    )


def scenario(
    rulebook: Rulebook,
    name: str,
    *,
    values: Mapping[str, object],
    from_: date,
    citation: Citation | str | Mapping[str, Citation | str],
) -> Rulebook:
    """A rulebook in which ``values`` apply from ``from_`` on: a what-if scenario.

    ``name`` names the scenario (lower kebab-case, e.g. ``"oop-600"``); it goes into the ids of
    the editions it changes (``cao-po-2025-2027-scenario-oop-600``) and into every note.
    ``values`` maps a parameter id (a dated value of the editions, as the rule reference lists
    them) to either

    - one value, which holds from ``from_`` on: ``{"individueel_budget_op_oop": Decimal("600")}``;
    - or a list of dated values, ``(start, value)`` (holding until the next one starts, the last
      open-ended) or ``(start, end, value)`` (``end`` inclusive, ``None`` for open), each starting
      on or after ``from_``: ``[(date(2025, 1, 1), date(2025, 12, 31), Decimal("3150"))]``.
      Outside them the installed values hold.

    A value must be of the kind the parameter's installed values are: a ``Decimal`` (an ``int``
    is taken as one) for amounts and hours, an ``int`` for counts of years, a ``datetime.date``,
    a text, a tuple of texts; never a float. Numbers may not be negative.

    ``citation`` is where the values come from, as you hold it: a text such as
    ``"CAO PO 2025-2027, art. 9.3 (our CAO book)"``, a
    :class:`~onderwijsregels.citations.Citation`, or a mapping of parameter id to either. Either
    way it is cited as read at the scenario's own source, graded D: a scenario value can never
    be more than an *interpretation*.

    The values apply in every edition that governs from ``from_`` on and defines the
    parameter. The edition in force on ``from_`` keeps governing the days before it; a renamed
    copy with the values governs from ``from_`` (when ``from_`` lies past that edition's end, in
    its nawerking, the copy replaces it whole, and holds the installed values before ``from_``).
    Later editions are replaced by renamed copies. Everything else is as installed: the other
    values, the rules, the notes and interpretations of the editions.

    Raises :class:`~onderwijsregels.errors.InvalidInputError` for an unknown parameter id
    (listing the known ones), a parameter no rule reads from ``from_`` on, a value of the wrong
    kind (naming the parameter), and dated values that overlap or start before ``from_``;
    every problem at once.
    """
    if not isinstance(rulebook, Rulebook):
        raise InvalidInputError("rulebook", f"must be a Rulebook, got {type(rulebook).__name__}")
    name = _checked_name(name, rulebook)
    from_ = check_day(from_, "from_")
    if not isinstance(values, Mapping) or not values:
        raise InvalidInputError(
            "values",
            "give a mapping of parameter id to a value or a list of dated values, "
            f"got {shown(values)}",
        )
    affected = _governing_from(rulebook, from_)
    known = sorted({item.id for edition in affected for item in edition.parameters})
    kinds = _parameter_kinds(rulebook)
    read = {
        parameter for edition in affected for rule in edition.rules for parameter in rule.parameters
    }
    source = _scenario_source(name)
    problems: list[tuple[str, str]] = []
    found: list[ScenarioValue] = []
    for parameter, given in values.items():
        field = f"values.{parameter}" if isinstance(parameter, str) else "values"
        if not isinstance(parameter, str) or parameter not in known:
            problems.append((field, _unknown(parameter, known, from_)))
            continue
        if parameter not in read:
            problems.append(
                (
                    field,
                    f"no rule of the editions governing from {from_.isoformat()} reads "
                    f"{parameter!r}, so the scenario would change nothing",
                )
            )
            continue
        try:
            cited = _citation(citation, parameter, source)
            found += _values(name, parameter, given, from_, kinds[parameter], cited, field)
        except InvalidInputError as error:
            problems += error.problems
    if isinstance(citation, Mapping):
        extra = sorted(str(key) for key in citation if key not in values)
        if extra:
            problems.append(
                ("citation", f"names parameters the scenario does not set: {', '.join(extra)}")
            )
    if problems:
        raise InvalidInputError.many(problems)
    return _apply(rulebook, name, tuple(found), from_)


def _checked_name(name: object, rulebook: Rulebook) -> str:
    if not isinstance(name, str) or not _NAME.fullmatch(name) or len(name) > _MAX_NAME:
        raise InvalidInputError(
            "name",
            f"must be lower kebab-case of at most {_MAX_NAME} characters (letters, digits and "
            f"hyphens, e.g. 'oop-600'), got {shown(name)}",
        )
    if any(item.scenario == name for item in scenario_values(rulebook)):
        raise InvalidInputError(
            "name", f"this rulebook already holds a scenario {name!r}; give another name"
        )
    if f"scenario-{name}" in register():
        raise InvalidInputError(
            "name", f"'scenario-{name}' is a source of the shipped register; give another name"
        )
    return name


def _unknown(parameter: object, known: Sequence[str], from_: date) -> str:
    return (
        f"unknown parameter {shown(parameter)}: the editions governing from "
        f"{from_.isoformat()} define {', '.join(known) or 'none'}"
    )


def _governing_from(rulebook: Rulebook, day: date) -> list[Edition]:
    """Every edition that governs on ``day`` or later, of every family."""
    return [
        edition
        for family in rulebook.families()
        for edition in _governing_in(rulebook.editions(family), family, day)
    ]


def _governing_in(editions: Sequence[Edition], family: str, day: date) -> list[Edition]:
    """The editions of one family that govern on ``day`` or later (oldest first)."""
    try:
        first = [edition_on(editions, family, day)]
    except NoEditionError:
        first = []
    return first + [edition for edition in editions if edition.starts > day]


def _parameter_kinds(rulebook: Rulebook) -> dict[str, frozenset[type]]:
    """Per parameter id of any edition: the kinds of its installed values."""
    kinds: dict[str, set[type]] = {}
    for family in rulebook.families():
        for edition in rulebook.editions(family):
            for parameter in edition.parameters:
                found = kinds.setdefault(parameter.id, set())
                found.update(
                    _kind(item.value) for item in parameter.values if item.value is not None
                )
    return {parameter: frozenset(found) for parameter, found in kinds.items()}


def _kind(value: object) -> type:
    for kind in (bool, Decimal, int, date, str, tuple):
        if isinstance(value, kind):
            return kind
    return type(value)


def _scenario_source(name: str) -> Source:
    return Source(
        id=f"scenario-{name}",
        title=f"Scenario '{name}': values supplied by the user",
        publisher=SCENARIO_PUBLISHER,
        grade=Grade.D,
        note=(
            "Not a public source: the user supplied these values for a what-if scenario. They "
            "are not checked against the text of the CAO or regulation."
        ),
    )


def _citation(
    given: Citation | str | Mapping[str, Citation | str], parameter: str, source: Source
) -> Citation:
    """The citation of one parameter's values, read at the scenario's own source."""
    field = "citation"
    if isinstance(given, Mapping):
        field = f"citation.{parameter}"
        if parameter not in given:
            raise InvalidInputError(field, "give the citation of this parameter's values")
        given = given[parameter]
    if isinstance(given, str):
        if not given.strip():
            raise InvalidInputError(field, "must say where the values come from, got ''")
        return Citation(given.strip(), None, None, source, None)
    if isinstance(given, Citation):
        note = f"The user cites it as read at {given.read_at.label}."
        if given.note:
            note = f"{given.note} {note}"
        # The claim is dropped: it held for the cited source, not for the user's copy of it.
        return attrs.evolve(given, read_at=source, confidence=None, note=note)
    raise InvalidInputError(
        field,
        "must be a text saying where the values come from, a Citation, or a mapping of "
        f"parameter id to either; got {shown(given)}",
    )


def _values(
    name: str,
    parameter: str,
    given: object,
    from_: date,
    kinds: frozenset[type],
    citation: Citation,
    field: str,
) -> list[ScenarioValue]:
    """The scenario values of one parameter, checked; InvalidInputError names every problem."""
    periods = _periods(given, from_, field)
    problems: list[tuple[str, str]] = []
    found = []
    for start, end, raw, where in periods:
        try:
            value = _checked_value(raw, kinds, parameter, where)
        except InvalidInputError as error:
            problems += error.problems
            continue
        span = _span(start, end)
        each = attrs.evolve(
            citation,
            note=(
                f"Scenario '{name}': {parameter} = {format_value(value)} ({span}), supplied by "
                f"the user. {citation.note or ''}"
            ).strip(),
        )
        reading = Interpretation(
            summary=(
                f"Scenario '{name}': {parameter} = {format_value(value)} ({span}), supplied by "
                "the user"
            ),
            reasoning=(
                f"a what-if value, not the law: the user supplied it, citing "
                f"'{citation.reference}'; it was not read on a public source nor checked "
                "against the text of the CAO or regulation"
            ),
        )
        found.append(ScenarioValue(name, parameter, start, end, value, each, reading))
    if problems:
        raise InvalidInputError.many(problems)
    return found


def _periods(given: object, from_: date, field: str) -> list[tuple[date, date | None, object, str]]:
    """``(start, end, value, field)`` of each period a parameter's scenario value holds."""
    if not _is_dated(given):
        return [(from_, None, given, field)]
    assert isinstance(given, Sequence)
    problems: list[tuple[str, str]] = []
    items: list[tuple[date, date | None, bool, object, str]] = []
    for index, item in enumerate(given):
        where = f"{field}[{index}]"
        try:
            start = check_day(item[0], where)
            end = None if len(item) == 2 or item[1] is None else check_day(item[1], where)
        except InvalidInputError as error:
            problems += error.problems
            continue
        items.append((start, end, len(item) == 2, item[-1], where))
    periods = []
    for index, (start, end, until_next, value, where) in enumerate(items):
        following = items[index + 1][0] if index + 1 < len(items) else None
        if until_next and following is not None:
            end = following - timedelta(days=1)
        if start < from_:
            problems.append(
                (
                    where,
                    f"starts on {start.isoformat()}, before the scenario's first day "
                    f"{from_.isoformat()} (from_)",
                )
            )
        if following is not None and following <= start:
            problems.append((where, "dated values must be given in the order of their start"))
        elif end is not None and end < start:
            problems.append(
                (where, f"ends ({end.isoformat()}) before it starts ({start.isoformat()})")
            )
        elif following is not None and (end is None or end >= following):
            problems.append(
                (where, f"overlaps the next dated value, which starts on {following.isoformat()}")
            )
        periods.append((start, end, value, where))
    if problems:
        raise InvalidInputError.many(problems)
    return periods


def _is_dated(given: object) -> bool:
    """Whether ``given`` is a list of dated values: each a tuple that starts with a date."""
    return (
        isinstance(given, list | tuple)
        and bool(given)
        and all(
            isinstance(item, list | tuple) and len(item) in (2, 3) and isinstance(item[0], date)
            for item in given
        )
    )


def _checked_value(value: object, kinds: frozenset[type], parameter: str, field: str) -> Value:
    """``value`` as the parameter's values are (an int as a Decimal for amounts), or refused."""
    if isinstance(value, float):
        raise InvalidInputError(
            field,
            f"parameter {parameter!r}: got the float {value!r}; give a Decimal such as "
            f"Decimal('{value!r}'), since floats cannot hold decimal fractions exactly",
        )
    allowed = kinds or frozenset(_KIND_WORDS)
    kind = _kind(value)
    if isinstance(value, int) and kind is int and Decimal in allowed and int not in allowed:
        if digits(value) > MAX_DIGITS:
            raise InvalidInputError(
                field, f"parameter {parameter!r}: {shown(value)} has more than {MAX_DIGITS} digits"
            )
        value, kind = Decimal(value), Decimal
    elif isinstance(value, list) and tuple in allowed:
        value, kind = tuple(value), tuple
    if kind not in allowed:
        need = " or ".join(sorted(_KIND_WORDS.get(item, item.__name__) for item in allowed))
        raise InvalidInputError(
            field,
            f"parameter {parameter!r} holds {need}, like its installed values; got "
            f"{_kind(value).__name__} {shown(value)}",
        )
    problem = value_problem(value)
    if problem is not None:
        raise InvalidInputError(field, f"parameter {parameter!r}: {problem}")
    assert isinstance(value, Decimal | int | bool | str | tuple | date)
    return value


def parse_scenario_value(rulebook: Rulebook, parameter: str, text: str) -> Value:
    """A value written as text (on the command line) as the kind of ``parameter``'s values.

    Amounts and hours as a decimal number (``600``, ``0.5``), counts as a whole number, dates as
    ``YYYY-MM-DD``, yes/no as ``ja``/``nee``, a list of texts separated by ``;``. The value is
    checked again by :func:`scenario`.

    >>> import onderwijsregels as owr
    >>> from onderwijsregels.testing.plugins import shipped_rulebook
    >>> parse_scenario_value(shipped_rulebook(), "individueel_budget_op_oop", "600")
    Decimal('600')
    """
    kinds = _parameter_kinds(rulebook)
    field = f"values.{parameter}"
    if parameter not in kinds:
        raise InvalidInputError(
            field, f"unknown parameter {shown(parameter)}; known: {', '.join(sorted(kinds))}"
        )
    if not isinstance(text, str):
        raise InvalidInputError(field, f"must be a text, got {shown(text)}")
    allowed = kinds[parameter]
    if Decimal in allowed:
        return structure_decimal(text.strip(), field)
    if int in allowed:
        if not re.fullmatch(r"[0-9]{1,6}", text.strip(), re.ASCII):
            raise InvalidInputError(field, f"{shown(text)} is not a whole number")
        return int(text.strip())
    if date in allowed:
        return parse_day(text.strip(), field)
    if bool in allowed:
        words = {"ja": True, "true": True, "nee": False, "false": False}
        if text.strip().lower() not in words:
            raise InvalidInputError(field, f"{shown(text)} is not ja or nee")
        return words[text.strip().lower()]
    if tuple in allowed:
        return tuple(part.strip() for part in text.split(";"))
    return text


# --- Building the scenario rulebook -----------------------------------------------------------


def _apply(
    rulebook: Rulebook,
    name: str,
    values: tuple[ScenarioValue, ...],
    from_: date,
) -> Rulebook:
    parameters = {item.parameter for item in values}
    by_family: dict[str, tuple[Edition, ...]] = {}
    renamed: dict[str, tuple[str, ...]] = {}  # installed edition id -> ids in the scenario
    for family in rulebook.families():
        editions = list(rulebook.editions(family))
        governing = {edition.id for edition in _governing_in(editions, family, from_)}
        result: list[Edition] = []
        for edition in editions:
            own = parameters.intersection(item.id for item in edition.parameters)
            if edition.id not in governing or not own:
                result.append(edition)
                continue
            copy = _copy(edition, name, values, from_)
            split = edition.starts < from_ and (
                edition.valid_to is None or from_ <= edition.valid_to
            )
            if split:
                result += [edition, attrs.evolve(copy, applies_from=from_)]
                renamed[edition.id] = (edition.id, copy.id)
            else:
                result.append(copy)
                renamed[edition.id] = (copy.id,)
        by_family[family] = tuple(sorted(result, key=lambda edition: edition.starts))
    plugins = tuple(
        attrs.evolve(
            plugin,
            editions=tuple(new for old in plugin.editions for new in renamed.get(old, (old,))),
        )
        for plugin in rulebook.plugins
    )
    # evolve, so whatever else the rulebook holds (broken plugins, ...) carries over
    return attrs.evolve(rulebook, by_family=by_family, plugins=plugins)


def _copy(edition: Edition, name: str, values: tuple[ScenarioValue, ...], from_: date) -> Edition:
    """The edition with the scenario's values, renamed; its rules that read them labelled."""
    parameters = []
    carried = set(edition.carried_values)
    used: list[ScenarioValue] = []
    for parameter in edition.parameters:
        mine = tuple(item for item in values if item.parameter == parameter.id)
        if not mine:
            parameters.append(parameter)
            continue
        used += mine
        pieces: list[DatedValue] = []
        for item in parameter.values:
            parts = _outside(item, mine)
            if (parameter.id, item.start) in edition.carried_values:
                carried.discard((parameter.id, item.start))
                carried.update((parameter.id, part.start) for part in parts)
            pieces += parts
        pieces += [item.dated_value for item in mine]
        parameters.append(attrs.evolve(parameter, values=tuple(pieces)))
    listed = "; ".join(f"{item.parameter} = {item.display} ({item.span})" for item in used)
    note = (
        f"Scenario '{name}': from {from_.isoformat()}, values supplied by the user replace the "
        f"installed ones: {listed}. Results that use them say so, and are an interpretation at "
        "most."
    )
    return attrs.evolve(
        edition,
        id=f"{edition.id}-scenario-{name}",
        title=f"{edition.title}, scenario '{name}'",
        parameters=tuple(parameters),
        rules=tuple(_labelled_rule(rule, values) for rule in edition.rules),
        carried_values=frozenset(carried),
        notes=(*edition.notes, note),
    )


def _outside(item: DatedValue, values: Sequence[ScenarioValue]) -> list[DatedValue]:
    """The parts of an installed dated value on the days no scenario value covers."""
    parts = [item]
    for value in values:
        kept: list[DatedValue] = []
        for part in parts:
            before_end = part.end is not None and part.end < value.start
            after_start = value.end is not None and part.start > value.end
            if before_end or after_start:
                kept.append(part)
                continue
            if part.start < value.start:
                kept.append(attrs.evolve(part, end=value.start - timedelta(days=1)))
            if value.end is not None and (part.end is None or part.end > value.end):
                kept.append(attrs.evolve(part, start=value.end + timedelta(days=1)))
        parts = kept
    return parts


def _labelled_rule(rule: Rule, values: tuple[ScenarioValue, ...]) -> Rule:
    """``rule``, whose results note (and carry the reading of) each scenario value they use."""
    mine = tuple(item for item in values if item.parameter in rule.parameters)
    if not mine:
        return rule
    compute = rule.compute

    def labelled(context: RuleContext) -> Computation | NotApplicable:
        return _label(compute(context), mine)

    labelled.__doc__ = compute.__doc__
    return attrs.evolve(rule, compute=labelled)


def _label(
    found: Computation | NotApplicable, values: tuple[ScenarioValue, ...]
) -> Computation | NotApplicable:
    """A computation with the note and reading of each scenario value it cites or reads."""
    if not isinstance(found, Computation):
        return found  # NotApplicable, or a defect the evaluation reports
    steps = found.steps if isinstance(found.steps, tuple) else ()
    cited = {getattr(step, "citation", None) for step in steps} | {found.citation}
    readings = [*found.interpretations, *(getattr(step, "interpretation", None) for step in steps)]
    used = [item for item in values if item.citation in cited or item.interpretation in readings]
    if not used:
        return found
    return attrs.evolve(
        found,
        notes=(*found.notes, *(item.note for item in used)),
        interpretations=(
            *found.interpretations,
            *(item.interpretation for item in used if item.interpretation not in readings),
        ),
    )


def scenario_values(rulebook: Rulebook) -> tuple[ScenarioValue, ...]:
    """Every scenario value a rulebook holds (none for the installed rules), oldest first.

    Found by their source: graded D, published by :data:`SCENARIO_PUBLISHER`, with an
    interpretation whose summary starts with "Scenario".
    """
    found: dict[tuple[str, str, date], ScenarioValue] = {}
    for family in rulebook.families():
        for edition in rulebook.editions(family):
            for parameter in edition.parameters:
                for item in parameter.values:
                    citation, reading = item.citation, item.interpretation
                    if (
                        citation is None
                        or reading is None
                        or item.value is None
                        or citation.read_at.publisher != SCENARIO_PUBLISHER
                        or citation.read_at.grade is not Grade.D
                        or not reading.summary.startswith("Scenario '")
                    ):
                        continue
                    name = citation.read_at.id.removeprefix("scenario-")
                    key = (name, parameter.id, item.start)
                    found.setdefault(
                        key,
                        ScenarioValue(
                            name, parameter.id, item.start, item.end, item.value, citation, reading
                        ),
                    )
    return tuple(
        sorted(found.values(), key=lambda item: (item.start, item.scenario, item.parameter))
    )


# --- Comparing two rulebooks ------------------------------------------------------------------

Side = Outcome | Missing | None
"""One side of a rule's comparison: its outcome, why it gave none, or ``None`` (not evaluated)."""

Status = Literal["value", "not_encoded", "not_applicable", "absent"]
"""What one side of a rule's comparison holds (see :func:`side_status`)."""


def side_status(side: Side) -> Status:
    """``value``, ``not_encoded``, ``not_applicable`` or ``absent`` (the rule was not evaluated)."""
    if isinstance(side, Outcome):
        return "value"
    if isinstance(side, NotEncodedResult):
        return "not_encoded"
    if isinstance(side, NotApplicableResult):
        return "not_applicable"
    return "absent"


def _number(side: Side) -> Decimal | None:
    if isinstance(side, Outcome):
        value = side.value
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return Decimal(value)
    return None


def _side_json(side: Side) -> dict[str, Any]:
    found: dict[str, Any] = {"status": side_status(side)}
    if isinstance(side, Outcome):
        found.update(
            value=json_value(side.value),
            display=side.display,
            confidence=side.confidence.value,
            edition=side.edition.id,
            notes=list(side.notes),
            interpretations=[item.summary for item in side.interpretations],
        )
    elif isinstance(side, Missing):
        found.update(reason=side.reason, edition=side.edition)
        if side.parameter is not None:
            found["parameter"] = side.parameter
    return found


@attrs.frozen
class RuleComparison:
    """One rule for one subject: its result under the baseline and under the scenario.

    ``baseline`` and ``scenario`` are each an :class:`~onderwijsregels.evaluate.Outcome`, a
    :class:`~onderwijsregels.evaluate.NotEncodedResult` or
    :class:`~onderwijsregels.evaluate.NotApplicableResult` (why the rule gave no value), or
    ``None`` when that side's editions do not have the rule.
    """

    rule_id: str
    title: str
    unit: Unit
    baseline: Side
    scenario: Side

    @property
    def baseline_value(self) -> Value | None:
        """The baseline's value, ``None`` when it gave none."""
        return self.baseline.value if isinstance(self.baseline, Outcome) else None

    @property
    def scenario_value(self) -> Value | None:
        """The scenario's value, ``None`` when it gave none."""
        return self.scenario.value if isinstance(self.scenario, Outcome) else None

    @property
    def difference(self) -> Decimal | Literal["changed", "same"]:
        """Scenario minus baseline for numbers both sides give; else ``changed`` or ``same``.

        ``same`` when both give the same value, or no value for the same reason.
        """
        first, second = _number(self.baseline), _number(self.scenario)
        if first is not None and second is not None:
            return second - first
        return "same" if self._same() else "changed"

    def _same(self) -> bool:
        first, second = self.baseline, self.scenario
        if isinstance(first, Outcome) and isinstance(second, Outcome):
            return first.value == second.value
        if isinstance(first, Missing) and isinstance(second, Missing):
            return type(first) is type(second) and first.reason == second.reason
        return first is None and second is None

    @property
    def changed(self) -> bool:
        """Whether the value (or the reason there is none) differs."""
        difference = self.difference
        return difference != 0 if isinstance(difference, Decimal) else difference == "changed"

    @property
    def confidence(self) -> tuple[Confidence | None, Confidence | None]:
        """The confidence of the baseline's and of the scenario's outcome (``None``: no value)."""
        return (
            self.baseline.confidence if isinstance(self.baseline, Outcome) else None,
            self.scenario.confidence if isinstance(self.scenario, Outcome) else None,
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        difference = self.difference
        return {
            "title": self.title,
            "unit": self.unit.value,
            "baseline": _side_json(self.baseline),
            "scenario": _side_json(self.scenario),
            "difference": str(difference) if isinstance(difference, Decimal) else difference,
        }


@attrs.frozen
class SubjectComparison:
    """One subject: its evaluation (or record error) under each rulebook, and per rule both.

    ``index`` is its place in the subjects given. When either side is a
    :class:`~onderwijsregels.plan.RecordError`, ``rules`` is empty and the subject counts in
    no total.
    """

    index: int
    subject: Employee | School
    baseline: Evaluation | RecordError
    scenario: Evaluation | RecordError
    rules: tuple[RuleComparison, ...] = ()

    @property
    def label(self) -> str:
        """The subject's label (``Anna (leraar, L11, werktijdfactor 0.6)``)."""
        subject: object = self.subject
        if isinstance(subject, Employee | School):
            return subject.label
        return f"<{type(subject).__name__}>"

    @property
    def errors(self) -> tuple[tuple[Literal["baseline", "scenario"], RecordError], ...]:
        """The record errors, each with its side (``baseline``/``scenario``); none when both ran."""
        sides: tuple[tuple[Literal["baseline", "scenario"], Evaluation | RecordError], ...] = (
            ("baseline", self.baseline),
            ("scenario", self.scenario),
        )
        return tuple((side, item) for side, item in sides if isinstance(item, RecordError))

    @property
    def changed(self) -> tuple[RuleComparison, ...]:
        """The rules whose value (or reason for none) differs."""
        return tuple(item for item in self.rules if item.changed)

    def rule(self, rule_id: str) -> RuleComparison:
        """The comparison of one rule; InvalidInputError naming the rules compared if none."""
        for item in self.rules:
            if item.rule_id == rule_id:
                return item
        raise InvalidInputError(
            "rule",
            f"no rule {rule_id!r} compared for {self.label}; compared: "
            f"{', '.join(item.rule_id for item in self.rules) or 'none'}",
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        subject: object = self.subject
        described: dict[str, Any] = {"label": self.label}
        if isinstance(subject, Employee | School):
            kind = "employee" if isinstance(subject, Employee) else "school"
            described = {"kind": kind, **described, **unstructure(subject)}
        return {
            "index": self.index,
            "subject": described,
            "errors": {
                side: [{"field": field, "reason": reason} for field, reason in error.problems]
                for side, error in self.errors
            },
            "rules": {item.rule_id: unstructure(item) for item in self.rules},
        }


@attrs.frozen
class RuleTotal:
    """One rule's values summed over the subjects it applies to (a unit of :data:`SUMMED_UNITS`).

    ``subjects`` counts the subjects evaluated on both sides for which the rule gave a value
    (or would have: not encoded) on either side. A subject whose value is not encoded on a side
    adds nothing to that side's sum and is counted in ``baseline_not_encoded`` or
    ``scenario_not_encoded``, so that sum is incomplete (see :attr:`complete`).
    """

    rule_id: str
    title: str
    unit: Unit
    baseline: Decimal
    scenario: Decimal
    subjects: int
    baseline_not_encoded: int = 0
    scenario_not_encoded: int = 0

    @property
    def difference(self) -> Decimal:
        """Scenario minus baseline."""
        return self.scenario - self.baseline

    @property
    def complete(self) -> bool:
        """Whether both sums hold every subject's value (none was not encoded)."""
        return not self.baseline_not_encoded and not self.scenario_not_encoded

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        return {
            "rule": self.rule_id,
            "title": self.title,
            "unit": self.unit.value,
            "baseline": str(self.baseline),
            "scenario": str(self.scenario),
            "difference": str(self.difference),
            "subjects": self.subjects,
            "baseline_not_encoded": self.baseline_not_encoded,
            "scenario_not_encoded": self.scenario_not_encoded,
        }


@attrs.frozen
class Comparison:
    """The same subjects in one period under a baseline rulebook and a scenario.

    ``subjects`` holds one :class:`SubjectComparison` per subject, in order; ``totals`` one
    :class:`RuleTotal` per rule whose unit is an amount of euros or hours
    (:data:`SUMMED_UNITS`); ``scenario_values`` the values the scenario rulebook supplies (see
    :func:`scenario_values`); ``scenario_editions`` the ids of the editions the scenario
    rulebook holds and the baseline does not hold as they are (an edition file, say).
    """

    period: Period
    subjects: tuple[SubjectComparison, ...]
    totals: tuple[RuleTotal, ...]
    scenario_values: tuple[ScenarioValue, ...] = ()
    scenario_editions: tuple[str, ...] = ()
    receipt: Receipt | None = None

    @property
    def reference_day(self) -> date:
        """The period's reference day (its first day), which decides the editions."""
        return self.period.reference_day

    @property
    def errors(self) -> tuple[SubjectComparison, ...]:
        """The subjects with a record error on either side (compared on neither)."""
        return tuple(item for item in self.subjects if item.errors)

    def total(self, rule_id: str) -> RuleTotal:
        """The total of one rule; InvalidInputError naming the totalled rules if none."""
        for item in self.totals:
            if item.rule_id == rule_id:
                return item
        raise InvalidInputError(
            "rule",
            f"no total for rule {rule_id!r}; totalled: "
            f"{', '.join(item.rule_id for item in self.totals) or 'none'}",
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        return {
            "period": {
                "kind": self.period.kind,
                "label": self.period.label,
                "start": self.period.start.isoformat(),
                "end": self.period.end.isoformat(),
            },
            "reference_day": self.reference_day.isoformat(),
            "scenario_values": [unstructure(item) for item in self.scenario_values],
            "scenario_editions": list(self.scenario_editions),
            "subjects": [unstructure(item) for item in self.subjects],
            "totals": [unstructure(item) for item in self.totals],
            "receipt": self.receipt.to_dict() if self.receipt else None,
        }


def compare(
    baseline: Rulebook,
    scenario: Rulebook,
    subjects: Iterable[Employee | School] | Employee | School,
    *,
    year: int | None = None,
    on: date | None = None,
    school_year: str | SchoolYear | None = None,
    families: Sequence[str] | str | None = None,
) -> Comparison:
    """Evaluate ``subjects`` in one period under ``baseline`` and under ``scenario``; compare.

    The period (exactly one of ``year``, ``on`` or ``school_year``) and ``families`` are given as
    for :meth:`~onderwijsregels.rulebook.Rulebook.run`. Per subject and rule the comparison holds
    both results and the difference; a subject that either rulebook cannot evaluate keeps its
    :class:`~onderwijsregels.plan.RecordError` and is left out of the totals.
    """
    for name, value in (("baseline", baseline), ("scenario", scenario)):
        if not isinstance(value, Rulebook):
            raise InvalidInputError(name, f"must be a Rulebook, got {type(value).__name__}")
    if on is not None:
        check_day(on, "on")
    period = period_from(year=year, on=on, school_year=school_year)
    families = names_argument(families, "families")
    given = (
        (subjects,)
        if isinstance(subjects, Employee | School)
        else items_argument(subjects, "subjects", "employees and schools")
    )
    asked = tuple(cast("Employee | School", item) for item in given)  # run() reports the others
    first = list(baseline.run(asked, year=year, on=on, school_year=school_year, families=families))
    second = list(scenario.run(asked, year=year, on=on, school_year=school_year, families=families))
    compared = tuple(
        _subject(index, subject, before, after)
        for index, (subject, before, after) in enumerate(zip(asked, first, second, strict=True))
    )
    return Comparison(
        period,
        compared,
        _totals(compared),
        scenario_values(scenario),
        _editions_only_in(scenario, baseline),
        _receipt(asked, period, first + second),
    )


def _receipt(
    asked: Sequence[Employee | School], period: Period, results: Sequence[Evaluation | RecordError]
) -> Receipt:
    """The comparison's receipt: every subject, the period, the families evaluated, and the
    editions used on either side, baseline first."""
    uses = [use for item in results if isinstance(item, Evaluation) for use in item.editions]
    return Receipt.of(
        asked_input(asked, period, dict.fromkeys(use.family for use in uses)),
        [use.edition_source for use in uses],
        period.reference_day,
    )


def _editions_only_in(scenario: Rulebook, baseline: Rulebook) -> tuple[str, ...]:
    """The ids of the editions ``scenario`` holds and ``baseline`` does not hold as they are."""
    held = {edition for family in baseline.families() for edition in baseline.editions(family)}
    return tuple(
        edition.id
        for family in scenario.families()
        for edition in scenario.editions(family)
        if edition not in held
    )


def _subject(
    index: int,
    subject: Employee | School,
    before: Evaluation | RecordError,
    after: Evaluation | RecordError,
) -> SubjectComparison:
    rules: tuple[RuleComparison, ...] = ()
    if isinstance(before, Evaluation) and isinstance(after, Evaluation):
        rules = tuple(
            RuleComparison(rule_id, title, unit, _find(before, rule_id), _find(after, rule_id))
            for rule_id, title, unit in _rules(before, after)
        )
    return SubjectComparison(index, subject, before, after, rules)


def _rules(*evaluations: Evaluation) -> list[tuple[str, str, Unit]]:
    """The rules evaluated on either side, in the order of their editions."""
    found: dict[str, tuple[str, str, Unit]] = {}
    for evaluation in evaluations:
        evaluated = set(evaluation.rule_ids)
        for use in evaluation.editions:
            for rule in use.edition.rules:
                if rule.id in evaluated and rule.id not in found:
                    found[rule.id] = (rule.id, rule.title, rule.unit)
    return list(found.values())


def _find(evaluation: Evaluation, rule_id: str) -> Side:
    for group in (evaluation.outcomes, evaluation.not_encoded, evaluation.not_applicable):
        for item in group:
            if item.rule_id == rule_id:
                return item
    return None


def _totals(subjects: Sequence[SubjectComparison]) -> tuple[RuleTotal, ...]:
    totals: dict[str, RuleTotal] = {}
    for subject in subjects:
        for row in subject.rules:
            counted = (Outcome, NotEncodedResult)
            if row.unit not in SUMMED_UNITS or not (
                isinstance(row.baseline, counted) or isinstance(row.scenario, counted)
            ):
                continue  # not summed, or the rule applies to this subject on neither side
            total = totals.get(row.rule_id) or RuleTotal(
                row.rule_id, row.title, row.unit, Decimal(0), Decimal(0), 0
            )
            totals[row.rule_id] = attrs.evolve(
                total,
                baseline=total.baseline + (_number(row.baseline) or 0),
                scenario=total.scenario + (_number(row.scenario) or 0),
                subjects=total.subjects + 1,
                baseline_not_encoded=total.baseline_not_encoded
                + isinstance(row.baseline, NotEncodedResult),
                scenario_not_encoded=total.scenario_not_encoded
                + isinstance(row.scenario, NotEncodedResult),
            )
    return tuple(totals.values())


converter.register_unstructure_hook(ScenarioValue, ScenarioValue._json)
converter.register_unstructure_hook(RuleComparison, RuleComparison._json)
converter.register_unstructure_hook(SubjectComparison, SubjectComparison._json)
converter.register_unstructure_hook(RuleTotal, RuleTotal._json)
converter.register_unstructure_hook(Comparison, Comparison._json)
