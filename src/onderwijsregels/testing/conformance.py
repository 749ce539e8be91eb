"""The conformance check of a distribution's editions: what every plugin should pass.

:func:`check_editions` loads every installed plugin, takes the editions the distribution
provides, and returns every problem it finds (an empty list when all is well):

- **ids**: edition and family ids in lower kebab-case, rule and parameter ids in snake_case;
- **citations**: every rule has a citation of its own or reads dated values (defined by the
  edition), and every dated value has a citation (a known gap, a ``missing`` value, its reason
  instead);
- **confidence**: no citation claims more than its source and article status allow
  (:attr:`~onderwijsregels.citations.Citation.allowed`);
- **derives_from** names an edition in the loaded rulebook;
- **tiling**: every day from the family's first start is governed by exactly one edition;
- **docs**: the edition's reference page (:func:`~onderwijsregels.present.markdown.edition_page`)
  can be generated and names every rule;
- **properties**, over the hypothesis strategies (``examples`` per edition; needs the
  ``[testing]`` extra): money is never negative and is rounded to cents; for teachers, money is
  monotone in the werktijdfactor (pro rata); arithmetic is exact (no ``PluginError``, nothing
  inexact).

Needs no pytest; the pytest plugin (:mod:`onderwijsregels.testing.pytest_plugin`) wraps it in the
``onderwijsregels_conformance`` fixture.

>>> check_editions("onderwijsregels", examples=2)
[]
>>> check_editions("no-such-distribution")
["distribution 'no-such-distribution' provides no loaded edition (is it installed, and does it register an entry point in the group 'onderwijsregels'?)"]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from onderwijsregels.editions import Edition
from onderwijsregels.errors import InputError, InvalidInputError, OnderwijsregelsError, PluginError
from onderwijsregels.evaluate import Evaluation
from onderwijsregels.model import Employee, Function, School
from onderwijsregels.present.markdown import edition_page
from onderwijsregels.rulebook import PluginInfo, Rulebook, load

__all__ = ["DEFAULT_EXAMPLES", "check_editions", "check_rulebook_editions"]

DEFAULT_EXAMPLES = 15
"""Hypothesis examples per edition and property: modest, so a plugin's suite stays fast."""

_KEBAB = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
_SNAKE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")
_CENT = Decimal("0.01")
_HORIZON = timedelta(days=366)
"""How far past its start an open-ended edition is walked and sampled."""


def check_editions(distribution: str, *, examples: int = DEFAULT_EXAMPLES) -> list[str]:
    """Every conformance problem of the editions ``distribution`` provides; empty when fine.

    Loads every installed plugin (broken ones of other distributions are ignored, so another
    package cannot fail your check) and checks the editions whose plugin ``distribution``
    provides, against that rulebook. ``examples`` is the number of hypothesis examples per
    edition and property (0 skips the properties).
    """
    rulebook = load(broken="collect")
    problems = [
        f"plugin {item.name!r} of {distribution!r} is broken: {item.error}"
        for item in rulebook.broken
        if item.distribution == distribution
    ]
    ids = [
        edition_id
        for plugin in rulebook.plugins
        if plugin.distribution == distribution
        for edition_id in plugin.editions
    ]
    if not ids and not problems:
        return [
            f"distribution {distribution!r} provides no loaded edition (is it installed, and "
            "does it register an entry point in the group 'onderwijsregels'?)"
        ]
    return problems + check_rulebook_editions(rulebook, ids, examples=examples)


def check_rulebook_editions(
    rulebook: Rulebook, edition_ids: Sequence[str], *, examples: int = DEFAULT_EXAMPLES
) -> list[str]:
    """The checks of :func:`check_editions` for the given editions of a loaded rulebook.

    For editions you build in a test (``load([module], entry_points=False)``).
    """
    problems: list[str] = []
    providers = {
        edition_id: plugin for plugin in rulebook.plugins for edition_id in plugin.editions
    }
    families: dict[str, None] = {}
    for edition_id in edition_ids:
        edition = rulebook.get(edition_id)
        families[edition.family] = None
        where = f"{edition.id}:"
        problems += [f"{where} {problem}" for problem in _ids(edition)]
        problems += [f"{where} {problem}" for problem in _citations(edition)]
        problems += [f"{where} {problem}" for problem in _derives(edition, rulebook)]
        problems += [f"{where} {problem}" for problem in _docs(edition, providers.get(edition.id))]
    for family in families:
        problems += [f"family {family}: {problem}" for problem in _tiling(rulebook, family)]
    if examples > 0:
        for edition_id in edition_ids:
            edition = rulebook.get(edition_id)
            problems += [
                f"{edition.id}: {problem}" for problem in _properties(rulebook, edition, examples)
            ]
    return problems


def _ids(edition: Edition) -> list[str]:
    problems = []
    if not _KEBAB.fullmatch(edition.id):
        problems.append(f"edition id {edition.id!r} is not lower kebab-case")
    if not _KEBAB.fullmatch(edition.family):
        problems.append(f"family {edition.family!r} is not lower kebab-case")
    for rule in edition.rules:
        if not _SNAKE.fullmatch(rule.id):
            problems.append(f"rule id {rule.id!r} is not snake_case")
    for parameter in edition.parameters:
        if not _SNAKE.fullmatch(parameter.id):
            problems.append(f"parameter id {parameter.id!r} is not snake_case")
    for other in sorted(edition.supersedes):
        if not _KEBAB.fullmatch(other):
            problems.append(f"supersedes {other!r}, which is not an edition id")
    return problems


def _citations(edition: Edition) -> list[str]:
    problems = []
    known = {parameter.id for parameter in edition.parameters}
    for rule in edition.rules:
        # A rule's amounts are cited by the dated values it reads; a declared parameter the
        # edition lacks is a PluginError only if the rule asks for it, so it is not counted.
        if not rule.citations and not known.intersection(rule.parameters):
            problems.append(f"rule {rule.id!r} has no citation and reads no cited value")
    for parameter in edition.parameters:
        for item in parameter.values:
            span = f"parameter {parameter.id!r} from {item.start.isoformat()}"
            if item.value is not None and item.citation is None:
                problems.append(f"{span} has a value without a citation")
            if item.value is None and not (item.missing or "").strip():
                problems.append(f"{span} has neither a value nor the reason it is missing")
    for citation in edition.citations:
        if citation.confidence.rank < citation.allowed.rank:
            problems.append(
                f"citation {citation.reference!r} read at {citation.read_at.id!r} has confidence "
                f"{citation.confidence.value}, above what its source allows "
                f"({citation.allowed.value})"
            )
    return problems


def _derives(edition: Edition, rulebook: Rulebook) -> list[str]:
    if edition.derives_from is None:
        return []
    try:
        base = rulebook.get(edition.derives_from)
    except OnderwijsregelsError:
        return [f"derives_from names {edition.derives_from!r}, which is not loaded"]
    if base.family != edition.family:
        return [f"derives_from {base.id!r} is of family {base.family!r}, not {edition.family!r}"]
    return []


def _docs(edition: Edition, provider: PluginInfo | None) -> list[str]:
    try:
        page = edition_page(edition, provider)
    except Exception as error:  # any failure is the finding
        return [f"the reference page cannot be generated: {type(error).__name__}: {error}"]
    return [
        f"the reference page does not name rule {rule.id!r}"
        for rule in edition.rules
        if rule.id not in page
    ]


def governing(editions: Sequence[Edition], day: date) -> list[Edition]:
    """The editions that govern ``day`` by the definition: started, and no later one since."""
    return [
        edition
        for edition in editions
        if edition.starts <= day
        and not any(edition.starts < other.starts <= day for other in editions)
    ]


def _tiling(rulebook: Rulebook, family: str) -> list[str]:
    editions = rulebook.editions(family)
    first = min(edition.starts for edition in editions)
    last = max(
        max(edition.starts, edition.valid_to or edition.starts) for edition in editions
    ) + timedelta(days=1)
    problems: list[str] = []
    day = first
    while day <= last and len(problems) < 5:
        found = governing(editions, day)
        if len(found) != 1:
            ids = ", ".join(edition.id for edition in found) or "none"
            problems.append(f"{day.isoformat()} is governed by {len(found)} editions ({ids})")
        else:
            try:
                chosen = rulebook.edition(family, on=day)
            except OnderwijsregelsError as error:
                problems.append(f"{day.isoformat()}: no edition chosen: {error}")
            else:
                if chosen.id != found[0].id:
                    problems.append(
                        f"{day.isoformat()}: the rulebook chooses {chosen.id!r}, the definition "
                        f"{found[0].id!r}"
                    )
        day += timedelta(days=1)
    return problems


def _last_day(edition: Edition) -> date:
    return edition.valid_to if edition.valid_to is not None else edition.starts + _HORIZON


def _properties(rulebook: Rulebook, edition: Edition, examples: int) -> list[str]:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from onderwijsregels.testing import strategies

    found: list[str] = []
    first, last = edition.starts, max(edition.starts, _last_day(edition))
    kinds: list[tuple[type[Employee] | type[School], Any]] = []
    if edition.family in rulebook.families_for(Employee):
        kinds.append((Employee, strategies.employees(with_registers=True)))
    if edition.family in rulebook.families_for(School):
        kinds.append((School, strategies.schools()))
    fast = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )

    def run(check: Callable[[], None]) -> None:
        try:
            check()
        except _Finding as finding:
            found.append(str(finding))
        except Exception as error:  # hypothesis re-raises the shrunk failure
            found.append(f"{type(error).__name__}: {error}")

    for _, subjects in kinds:

        @fast
        @given(subject=subjects, day=st.dates(first, last))
        def money(subject: Employee | School, day: date) -> None:
            evaluation = _evaluate(rulebook, edition, subject, day)
            for outcome in (evaluation or {}).values():
                value = outcome.value
                if outcome.unit.is_money and isinstance(value, Decimal):
                    if value < 0:
                        raise _Finding(f"{outcome.rule_id} is negative ({value}) for {subject!r}")
                    if value != value.quantize(_CENT):
                        raise _Finding(f"{outcome.rule_id} is not rounded to cents ({value})")

        run(money)

    if any(kind is Employee for kind, _ in kinds):
        leraar = strategies.employees(Function.LERAAR)

        @fast
        @given(
            teacher=leraar,
            other=strategies.werktijdfactoren(),
            day=st.dates(first, last),
        )
        def pro_rata(teacher: Employee, other: Decimal, day: date) -> None:
            low, high = sorted((teacher.werktijdfactor, other))
            smaller = _evaluate(rulebook, edition, _with_factor(teacher, low), day)
            larger = _evaluate(rulebook, edition, _with_factor(teacher, high), day)
            if smaller is None or larger is None:
                return
            for rule_id, outcome in smaller.items():
                bigger = larger.get(rule_id)
                a, b = outcome.value, bigger.value if bigger is not None else None
                numbers = isinstance(a, Decimal) and isinstance(b, Decimal)
                if outcome.unit.is_money and numbers and a > b:  # type: ignore[operator]
                    raise _Finding(
                        f"{rule_id} is not monotone in the werktijdfactor: {a} at {low} "
                        f"but {b} at {high} ({day.isoformat()})"
                    )

        run(pro_rata)
    return found


class _Finding(AssertionError):
    """A property that does not hold (hypothesis shrinks it, then it is reported)."""


def _with_factor(employee: Employee, factor: Decimal) -> Employee:
    import attrs

    return attrs.evolve(employee, werktijdfactor=factor)


def _evaluate(
    rulebook: Rulebook, edition: Edition, subject: Employee | School, day: date
) -> Evaluation | None:
    """The evaluation under ``edition`` on ``day``; ``None`` when the input is refused.

    A plugin defect (``PluginError``) and an inexact computation are findings.
    """
    if rulebook.edition(edition.family, on=day).id != edition.id:
        return None  # another edition governs that day (it supersedes this one)
    try:
        return rulebook.evaluate(subject, on=day, families=[edition.family])
    except PluginError as error:
        raise _Finding(f"PluginError on {day.isoformat()} for {subject!r}: {error}") from None
    except InvalidInputError as error:
        if "exactly" in str(error):
            raise _Finding(f"inexact arithmetic on {day.isoformat()}: {error}") from None
        return None
    except InputError:
        return None  # e.g. a removed scale: the input is refused, correctly
