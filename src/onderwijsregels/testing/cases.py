"""Declarative cases: hand-worked values in YAML, checked against the rules.

A case file holds cases, each a subject, a period and the expected outcomes; the pytest plugin
(:mod:`onderwijsregels.testing.pytest_plugin`) collects each case as a test. Every mismatch of a
case is reported at once, each with its rule and the line in the file::

    distribution: onderwijsregels      # optional: load only the editions it ships
    cases:
      - name: leraar 0.6 in 2020       # optional; the test's name
        subject: {function: leraar, werktijdfactor: 0.6}
        year: 2020                     # or school_year: 2021-2022, or on: 2021-03-01
        families: [cao-po]             # optional
        expect:
          individueel_budget: 360.00   # 0.6 × 600.00 = 360.00 (the value alone)
          uren_per_werkweek:
            value: 40                  # and optionally:
            confidence: confirmed
            edition: cao-po-2019-2020
            citation: CAO PO 2019-2020, art. 9.3   # the start of one citation's reference
            display: 40 uur
          some_rule: {status: not-applicable}      # or not-encoded

Numbers are read exactly (the readers' strict YAML loader: never floats), so ``360.00`` is the
``Decimal`` 360.00; a value matches when it is numerically equal.

>>> text = '''
... cases:
...   - subject: {function: leraar, werktijdfactor: 0.6}
...     year: 2020
...     expect:
...       individueel_budget: 350.00
... '''
>>> from onderwijsregels.testing.plugins import shipped_rulebook
>>> (case,) = parse_cases(text, "example.yaml")
>>> run_case(case, shipped_rulebook())
['example.yaml line 6: individueel_budget: expected value 350.00, got 360.00']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import yaml

from onderwijsregels.errors import OnderwijsregelsError, RuleNotApplicableError
from onderwijsregels.evaluate import Evaluation, Outcome
from onderwijsregels.model import Employee, School
from onderwijsregels.records import _DecimalLoader
from onderwijsregels.rulebook import Rulebook, load
from onderwijsregels.testing.plugins import shipped_plugins

__all__ = ["Case", "CaseFileError", "parse_cases", "read_cases", "rulebook_for", "run_case"]

_CASE_KEYS = frozenset({"name", "subject", "year", "school_year", "on", "families", "expect"})
_EXPECT_KEYS = frozenset({"value", "confidence", "edition", "citation", "display", "status"})
_FILE_KEYS = frozenset({"distribution", "plugins", "cases"})
_STATUSES = ("value", "not-applicable", "not-encoded")


class CaseFileError(ValueError):
    """A case file that cannot be read: every problem, each with its line."""


@attrs.frozen
class Case:
    """One case: a subject, a period, the expected outcomes by rule id, and where it stands."""

    name: str
    file: str
    line: int
    subject: Employee | School
    period: dict[str, Any]
    families: tuple[str, ...] | None
    expect: dict[str, dict[str, Any]]
    lines: dict[str, int]
    """The line of each expectation, by rule id."""
    distribution: str | None = None
    plugins: tuple[str, ...] | None = None
    key_lines: dict[str, dict[str, int]] = attrs.field(factory=dict)
    """The line of each expected key (``value``, ``confidence``, ...), by rule id; a key not
    listed stands on its rule's line."""


def _lines(node: yaml.Node, path: tuple[Any, ...], found: dict[tuple[Any, ...], int]) -> None:
    found[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                found[(*path, key.value)] = key.start_mark.line + 1
                _lines(value, (*path, key.value), found)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _lines(item, (*path, index), found)


def _load(text: str) -> tuple[Any, dict[tuple[Any, ...], int]]:
    loader = _DecimalLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines: dict[tuple[Any, ...], int] = {}
        _lines(node, (), lines)
        return loader.construct_document(node), lines
    finally:
        loader.dispose()


def read_cases(path: Path | str) -> list[Case]:
    """The cases of a YAML file; a :class:`CaseFileError` lists every problem in it."""
    path = Path(path)
    return parse_cases(path.read_text(encoding="utf-8"), str(path))


def parse_cases(text: str, file: str = "<cases>") -> list[Case]:
    """The cases in YAML text (``file`` names it in messages)."""
    try:
        data, lines = _load(text)
    except (yaml.YAMLError, OnderwijsregelsError) as error:
        raise CaseFileError(f"{file}: not valid YAML: {error}") from None
    problems: list[str] = []

    def problem(path: tuple[Any, ...], message: str) -> None:
        where = ".".join(str(item) for item in path) or "top"
        line = next((lines[path[:n]] for n in range(len(path), -1, -1) if path[:n] in lines), 1)
        problems.append(f"{file} line {line}: {where}: {message}")

    if isinstance(data, list):
        data = {"cases": data}
        lines = {("cases", *key): line for key, line in lines.items()}
    if not isinstance(data, Mapping) or not isinstance(data.get("cases"), list):
        raise CaseFileError(f"{file}: must hold a list of cases, or a mapping with 'cases:'")
    for key in sorted(set(data) - _FILE_KEYS, key=str):
        problem((key,), f"unknown key; the keys are {', '.join(sorted(_FILE_KEYS))}")
    distribution = data.get("distribution")
    plugins = data.get("plugins")
    if distribution is not None and not isinstance(distribution, str):
        problem(("distribution",), "must be the name of a distribution")
    if plugins is not None and not (
        isinstance(plugins, list) and all(isinstance(item, str) for item in plugins)
    ):
        problem(("plugins",), "must be a list of entry-point names")
    cases: list[Case] = []
    for index, item in enumerate(data["cases"]):
        case = _case(item, ("cases", index), file, lines, problem)
        if case is not None:
            cases.append(
                attrs.evolve(
                    case,
                    distribution=distribution if isinstance(distribution, str) else None,
                    plugins=tuple(plugins) if isinstance(plugins, list) else None,
                )
            )
    if problems:
        raise CaseFileError("\n".join(problems))
    return cases


def _case(
    item: object,
    path: tuple[Any, ...],
    file: str,
    lines: Mapping[tuple[Any, ...], int],
    problem: Any,
) -> Case | None:
    if not isinstance(item, Mapping):
        problem(path, "a case must be a mapping with subject, a period and expect")
        return None
    ok = True
    for key in sorted(set(item) - _CASE_KEYS, key=str):
        problem((*path, key), f"unknown key; the keys are {', '.join(sorted(_CASE_KEYS))}")
        ok = False
    subject = _subject(item.get("subject"), (*path, "subject"), problem)
    periods = {key: item[key] for key in ("year", "school_year", "on") if key in item}
    if len(periods) != 1:
        problem(path, "give exactly one period: year, school_year or on")
        ok = False
    elif "on" in periods and not isinstance(periods["on"], date):
        problem((*path, "on"), "must be a day, YYYY-MM-DD")
        ok = False
    families = item.get("families")
    if isinstance(families, str):
        families = [families]
    if families is not None and not (
        isinstance(families, list) and all(isinstance(name, str) for name in families)
    ):
        problem((*path, "families"), "must be a family id or a list of them")
        ok = False
    expect = item.get("expect")
    if not isinstance(expect, Mapping) or not expect:
        problem((*path, "expect"), "give the expected outcomes: rule id: value (or a mapping)")
        return None
    expected: dict[str, dict[str, Any]] = {}
    for rule_id, wanted in expect.items():
        where = (*path, "expect", rule_id)
        if not isinstance(wanted, Mapping):
            wanted = {"value": wanted}
        unknown = set(wanted) - _EXPECT_KEYS
        if unknown:
            problem(
                where,
                f"unknown key {sorted(unknown, key=str)}; the keys are "
                f"{', '.join(sorted(_EXPECT_KEYS))}",
            )
            ok = False
        status = wanted.get("status", "value")
        if status not in _STATUSES:
            problem(where, f"status must be one of {', '.join(_STATUSES)}")
            ok = False
        if isinstance(wanted.get("value"), float):
            problem(where, "a float; numbers are read exactly")
            ok = False
        expected[str(rule_id)] = dict(wanted)
    if subject is None or not ok:
        return None
    line = lines.get(path, 1)
    name = item.get("name")
    return Case(
        name=str(name) if name is not None else f"case {path[-1]} (line {line})",
        file=file,
        line=line,
        subject=subject,
        period=periods,
        families=tuple(families) if families is not None else None,
        expect=expected,
        lines={rule_id: lines.get((*path, "expect", rule_id), line) for rule_id in expected},
        key_lines={
            rule_id: {
                key: found
                for key in wanted
                if (found := lines.get((*path, "expect", rule_id, key))) is not None
            }
            for rule_id, wanted in expected.items()
        },
    )


def _subject(data: object, path: tuple[Any, ...], problem: Any) -> Employee | School | None:
    if not isinstance(data, Mapping):
        problem(path, "must be an employee (with function) or a school (with pupils)")
        return None
    try:
        if "pupils" in data and "function" not in data:
            return School.from_dict(data, path="subject")
        return Employee.from_dict(data, path="subject")
    except OnderwijsregelsError as error:
        problem(path, str(error))
        return None


_RULEBOOKS: dict[tuple[str | None, tuple[str, ...] | None], Rulebook] = {}


def rulebook_for(case: Case) -> Rulebook:
    """The rulebook a case names (``distribution``, ``plugins``; else everything installed)."""
    key = (case.distribution, case.plugins)
    found = _RULEBOOKS.get(key)
    if found is None:
        only: Sequence[str] | None = case.plugins
        if case.distribution is not None:
            only = (*shipped_plugins(case.distribution), *(case.plugins or ()))
        found = _RULEBOOKS[key] = load(only=only)
    return found


def run_case(case: Case, rulebook: Rulebook | None = None) -> list[str]:
    """Every mismatch of ``case``, each with its rule and line; empty when all hold."""
    if rulebook is None:
        try:
            rulebook = rulebook_for(case)
        except OnderwijsregelsError as error:  # an installed edition file that does not load
            return [f"{case.file} line {case.line}: the plugins do not load: {error}"]
    try:
        evaluation = rulebook.evaluate(case.subject, families=case.families, **case.period)
    except OnderwijsregelsError as error:
        return [f"{case.file} line {case.line}: the evaluation failed: {error}"]
    problems: list[str] = []
    for rule_id, wanted in case.expect.items():
        at = case.key_lines.get(rule_id, {})
        for key, problem in _mismatches(evaluation, rule_id, wanted):
            line = at.get(key, case.lines[rule_id]) if key else case.lines[rule_id]
            problems.append(f"{case.file} line {line}: {rule_id}: {problem}")
    return problems


def _status(evaluation: Evaluation, rule_id: str) -> tuple[str, Outcome | None]:
    if rule_id in evaluation:
        return "value", evaluation[rule_id]
    if any(item.rule_id == rule_id for item in evaluation.not_applicable):
        return "not-applicable", None
    if any(item.rule_id == rule_id for item in evaluation.not_encoded):
        return "not-encoded", None
    return "missing", None


def _mismatches(
    evaluation: Evaluation, rule_id: str, wanted: Mapping[str, Any]
) -> list[tuple[str | None, str]]:
    """Each mismatch with the expected key it is about (``None``: the rule as a whole)."""
    status, outcome = _status(evaluation, rule_id)
    expected_status = wanted.get("status", "value")
    if status == "missing":
        return [
            (None, f"no such rule in this evaluation (rules: {', '.join(evaluation.rule_ids)})")
        ]
    if status != expected_status:
        try:
            evaluation[rule_id]
        except (RuleNotApplicableError, OnderwijsregelsError) as error:
            return [("status", f"expected {expected_status}, got {status}: {error}")]
        return [("status", f"expected {expected_status}, got {status}")]
    if outcome is None:
        return []
    problems: list[tuple[str | None, str]] = []
    if "value" in wanted and not _same(wanted["value"], outcome.value):
        problems.append(
            ("value", f"expected value {_shown(wanted['value'])}, got {_shown(outcome.value)}")
        )
    if "confidence" in wanted and wanted["confidence"] != outcome.confidence.value:
        problems.append(
            (
                "confidence",
                f"expected confidence {wanted['confidence']}, got {outcome.confidence.value}",
            )
        )
    if "edition" in wanted and wanted["edition"] != outcome.edition.id:
        problems.append(
            ("edition", f"expected edition {wanted['edition']}, got {outcome.edition.id}")
        )
    if "display" in wanted and wanted["display"] != outcome.display:
        problems.append(
            ("display", f"expected display {wanted['display']!r}, got {outcome.display!r}")
        )
    if "citation" in wanted:
        references = [citation.reference for citation in outcome.citations]
        if not any(reference.startswith(str(wanted["citation"])) for reference in references):
            problems.append(
                (
                    "citation",
                    f"expected a citation {wanted['citation']!r}, got {'; '.join(references)}",
                )
            )
    return problems


def _same(wanted: object, got: object) -> bool:
    if isinstance(wanted, bool) or isinstance(got, bool):
        return wanted is got
    if isinstance(wanted, int | Decimal) and isinstance(got, int | Decimal):
        return Decimal(wanted) == Decimal(got)
    if isinstance(wanted, list) and isinstance(got, tuple):
        return tuple(wanted) == got
    return wanted == got


def _shown(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(str(item) for item in value) + "]"
    return str(value)
