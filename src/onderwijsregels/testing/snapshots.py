"""Regression snapshots: every outcome for a set of subjects and periods, and what changed.

Record a snapshot before a change (a new edition, a corrected value, a scenario), record one
after, and let :func:`compare_snapshots` list every outcome that changed and was not declared as
intended:

>>> from decimal import Decimal
>>> import onderwijsregels as owr
>>> from onderwijsregels.testing.plugins import shipped_rulebook
>>> rb = shipped_rulebook()
>>> subjects = {"juf": owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.5"))}
>>> before = record_snapshot(rb, subjects, [2026])
>>> before["juf|2026|individueel_budget"]["value"]
'262.50'
>>> what_if = rb.scenario("op-oop-600", values={"individueel_budget_op_oop": Decimal("600")},
...     from_=date(2026, 1, 1), citation="our CAO book")
>>> after = record_snapshot(what_if, subjects, [2026])
>>> compare_snapshots(before, after)
["juf|2026|individueel_budget: value '262.50' -> '300.00'"]
>>> compare_snapshots(before, after, intended=["juf|2026|individueel_budget"])
[]

A snapshot is JSON-ready (texts only), so it can be committed as a file and compared with a
later run.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from onderwijsregels.evaluate import Evaluation
from onderwijsregels.model import Employee, School
from onderwijsregels.periods import SchoolYear
from onderwijsregels.rulebook import Rulebook

__all__ = ["FIELDS", "Period", "changes", "compare_snapshots", "period_label", "record_snapshot"]

Period = int | str | date | SchoolYear
"""A calendar year (``2026``), a school year (``"2025-2026"`` or a ``SchoolYear``) or a day."""


def period_label(period: Period) -> str:
    """The text a period has in snapshot keys: ``2026``, ``2025-2026``, ``2026-03-01``."""
    if isinstance(period, SchoolYear):
        return period.label
    if isinstance(period, date):
        return period.isoformat()
    return str(period)


def evaluate_in(rulebook: Rulebook, subject: Employee | School, period: Period) -> Evaluation:
    """``rulebook.evaluate`` for a period given as in :data:`Period`."""
    if isinstance(period, bool):
        raise TypeError(f"a period is a year, a school year or a day, got {period!r}")
    if isinstance(period, int):
        return rulebook.evaluate(subject, year=period)
    if isinstance(period, date):
        return rulebook.evaluate(subject, on=period)
    return rulebook.evaluate(subject, school_year=period)


def record_snapshot(
    rulebook: Rulebook,
    subjects: Mapping[str, Employee | School] | Sequence[Employee | School],
    periods: Iterable[Period],
) -> dict[str, dict[str, str]]:
    """Every rule's result for every subject in every period, keyed ``subject|period|rule``.

    ``subjects`` is a mapping of a label to a subject, or a sequence (labelled by the subject's
    name, else by its place: ``#0``). Each entry holds texts: ``status`` (``value``,
    ``not-applicable``, ``not-encoded``, or ``error`` for a refused evaluation), and ``value``,
    ``unit``, ``confidence``, ``edition`` (for a value), ``reason`` otherwise.
    """
    if isinstance(subjects, Mapping):
        labelled = list(subjects.items())
    else:
        labelled = [
            (subject.name or f"#{index}", subject) for index, subject in enumerate(subjects)
        ]
    snapshot: dict[str, dict[str, str]] = {}
    chosen = list(periods)
    for label, subject in labelled:
        for period in chosen:
            prefix = f"{label}|{period_label(period)}"
            try:
                evaluation = evaluate_in(rulebook, subject, period)
            except Exception as error:  # a refused input is an outcome too
                snapshot[f"{prefix}|*"] = {"status": "error", "reason": str(error)}
                continue
            for outcome in evaluation.outcomes:
                snapshot[f"{prefix}|{outcome.rule_id}"] = {
                    "status": "value",
                    "value": _text(outcome.value),
                    "unit": outcome.unit.value,
                    "confidence": outcome.confidence.value,
                    "edition": outcome.edition.id,
                }
            for missing, status in [
                *((item, "not-applicable") for item in evaluation.not_applicable),
                *((item, "not-encoded") for item in evaluation.not_encoded),
            ]:
                snapshot[f"{prefix}|{missing.rule_id}"] = {
                    "status": status,
                    "reason": missing.reason,
                    "edition": missing.edition,
                }
    return snapshot


def _text(value: Any) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


FIELDS = ("status", "value", "unit", "confidence", "reason")
"""The fields compared by default; add ``"edition"`` to see an outcome move to a new edition."""


def changes(
    old: Mapping[str, Mapping[str, str]],
    new: Mapping[str, Mapping[str, str]],
    *,
    fields: Sequence[str] = FIELDS,
) -> dict[str, str]:
    """Every key whose entry differs in ``fields``, with what changed in one line."""
    found: dict[str, str] = {}
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key), new.get(key)
        if (
            before is not None
            and after is not None
            and all(before.get(field) == after.get(field) for field in fields)
        ):
            continue
        if before is None:
            found[key] = f"new: {_entry(after or {})}"
        elif after is None:
            found[key] = f"gone (was {_entry(before)})"
        else:
            found[key] = ", ".join(
                f"{field} {before.get(field)!r} -> {after.get(field)!r}"
                for field in fields
                if before.get(field) != after.get(field)
            )
    return found


def _entry(entry: Mapping[str, str]) -> str:
    if entry.get("status") == "value":
        return f"{entry.get('value')} ({entry.get('edition')})"
    return f"{entry.get('status')}: {entry.get('reason')}"


def compare_snapshots(
    old: Mapping[str, Mapping[str, str]],
    new: Mapping[str, Mapping[str, str]],
    *,
    intended: Iterable[str] = (),
    fields: Sequence[str] = FIELDS,
) -> list[str]:
    """Every changed outcome not declared in ``intended``; empty when nothing else changed.

    ``intended`` holds keys or shell-style patterns (``"juf|*|individueel_budget"``,
    ``"*|2026|*"``). A pattern that matches no change is listed too (``declared as intended but
    unchanged``), so a declaration cannot outlive its change. ``fields`` are the fields compared
    (:data:`FIELDS`; the edition an outcome comes from only with ``fields=(*FIELDS, "edition")``).
    """
    patterns = list(intended)
    found = changes(old, new, fields=fields)
    problems = [
        f"{key}: {what}"
        for key, what in found.items()
        if not any(fnmatch.fnmatchcase(key, pattern) for pattern in patterns)
    ]
    problems += [
        f"{pattern}: declared as intended but unchanged"
        for pattern in patterns
        if not any(fnmatch.fnmatchcase(key, pattern) for key in found)
    ]
    return problems
