"""A comparison of a scenario with the installed rules, for people (text) and spreadsheets (CSV).

:func:`comparison_text` shows what the scenario supplies, a table of every rule whose value
differs per subject, the totals in euros and hours, and the subjects that could not be
compared. :func:`comparison_csv` gives one row per subject and rule (and per total) through
:func:`~onderwijsregels.present.csv.rows_to_csv`. :func:`comparison_json` is the model's own
JSON (``Comparison.to_dict()``), as every JSON output of the library comes from the model.

>>> from datetime import date
>>> from decimal import Decimal
>>> import onderwijsregels as owr
>>> from onderwijsregels.scenarios import compare, scenario
>>> from onderwijsregels.testing.plugins import shipped_rulebook
>>> rb = shipped_rulebook()  # the built-in editions, whatever else is installed
>>> what_if = scenario(rb, "oop-600", values={"individueel_budget_op_oop": Decimal("600")},
...                    from_=date(2027, 1, 1), citation="A made-up figure for this example")
>>> juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.6"))
>>> print(comparison_csv(compare(rb, what_if, [juf], year=2027)).splitlines()[1])
0,leraar (werktijdfactor 0.6),individueel_budget,EUR per kalenderjaar,value,315.00,interpretation,value,360.00,interpretation,45.00
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from onderwijsregels.evaluate import Outcome, format_value
from onderwijsregels.money import format_decimal, format_eur
from onderwijsregels.plan import RecordError
from onderwijsregels.present.csv import rows_to_csv
from onderwijsregels.present.text import table
from onderwijsregels.rules import Unit
from onderwijsregels.scenarios import (
    Comparison,
    RuleComparison,
    RuleTotal,
    Side,
    side_status,
)

__all__ = ["CSV_HEADER", "comparison_csv", "comparison_json", "comparison_text"]

CSV_HEADER = (
    "subject_index",
    "subject",
    "rule",
    "unit",
    "baseline_status",
    "baseline_value",
    "baseline_confidence",
    "scenario_status",
    "scenario_value",
    "scenario_confidence",
    "difference",
)
"""The columns of :func:`comparison_csv`."""

_STATUS_WORDS = {
    "not_encoded": "not encoded",
    "not_applicable": "does not apply",
    "absent": "not in edition",
}


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as JSON-ready data: ``comparison.to_dict()`` (the converter's hooks)."""
    return comparison.to_dict()


def _side_text(side: Side) -> str:
    return side.display if isinstance(side, Outcome) else _STATUS_WORDS[side_status(side)]


def _signed(amount: Decimal, unit: Unit) -> str:
    """A difference with its sign: ``+€ 45,00``, ``-€ 45,00``, ``+7.2``; zero without a sign."""
    shown = format_eur(abs(amount)) if unit.is_money else format_decimal(abs(amount))
    if amount > 0:
        return f"+{shown}"
    return f"-{shown}" if amount < 0 else shown


def _difference_text(row: RuleComparison) -> str:
    difference = row.difference
    return _signed(difference, row.unit) if isinstance(difference, Decimal) else difference


def _confidence_text(row: RuleComparison) -> str:
    before, after = row.confidence
    words = [item.value if item is not None else "-" for item in (before, after)]
    return words[0] if before == after else f"{words[0]} -> {words[1]}"


def _reasons(error: RecordError) -> str:
    """A record error's problems in one line."""
    return "; ".join(f"{field}: {reason}" if field else reason for field, reason in error.problems)


def _total_text(amount: Decimal, unit: Unit) -> str:
    return format_eur(amount) if unit.is_money else format_decimal(amount)


def _total_note(total: RuleTotal) -> str:
    if total.complete:
        return ""
    return (
        f"not encoded, so left out: {total.baseline_not_encoded} in the baseline, "
        f"{total.scenario_not_encoded} in the scenario"
    )


def comparison_text(comparison: Comparison, *, all_rules: bool = False) -> str:
    """The comparison as text: the scenario's values, the rules that differ, the totals.

    A rule is listed for a subject when its value (or the reason it has none) or its
    confidence differs; ``all_rules=True`` lists every rule of every subject.
    """
    period = comparison.period
    lines = [
        f"Scenario comparison, {period.kind} {period.label} (reference day "
        f"{comparison.reference_day.isoformat()}, which decides the editions)",
    ]
    if comparison.scenario_values:
        lines.append("Values supplied by the user in the scenario (not the law):")
        lines += [
            f"  - {item.parameter} = {item.display} ({item.span}), scenario '{item.scenario}', "
            f"cited as '{item.citation.reference}'"
            for item in comparison.scenario_values
        ]
    if comparison.scenario_editions:
        lines.append(
            "Editions only in the scenario rulebook (not installed, or installed otherwise): "
            + ", ".join(comparison.scenario_editions)
        )
    if not comparison.scenario_values and not comparison.scenario_editions:
        lines.append("The scenario rulebook supplies no values or editions of its own.")
    rows = [
        [
            f"[{subject.index}] {subject.label}",
            row.rule_id,
            _side_text(row.baseline),
            _side_text(row.scenario),
            _difference_text(row),
            _confidence_text(row),
        ]
        for subject in comparison.subjects
        for row in subject.rules
        if all_rules or row.changed or row.confidence[0] != row.confidence[1]
    ]
    lines.append("")
    if rows:
        headers = ["subject", "rule", "baseline", "scenario", "difference", "confidence"]
        lines.append(table(headers, rows))
    else:
        lines.append("No rule differs for any subject.")
    if comparison.totals:
        lines += ["", "Totals over the subjects each rule applies to:"]
        lines.append(
            table(
                ["rule", "unit", "subjects", "baseline", "scenario", "difference", "note"],
                [
                    [
                        total.rule_id,
                        total.unit.value,
                        str(total.subjects),
                        _total_text(total.baseline, total.unit),
                        _total_text(total.scenario, total.unit),
                        _signed(total.difference, total.unit),
                        _total_note(total),
                    ]
                    for total in comparison.totals
                ],
            )
        )
    if comparison.errors:
        lines += ["", "Not compared (an input error under either rulebook):"]
        for subject in comparison.errors:
            for side, error in subject.errors:
                lines.append(f"  [{subject.index}] {subject.label}: {side}: {_reasons(error)}")
    notes = _scenario_only_notes(comparison)
    if notes:
        lines += ["", "Notes and readings only in the scenario:"]
        lines += [f"  * {note}" for note in notes]
    return "\n".join(lines)


def _scenario_only_notes(comparison: Comparison) -> list[str]:
    """The distinct notes and interpretations of scenario outcomes that the baseline's lack."""
    found: dict[str, None] = {}
    for subject in comparison.subjects:
        for row in subject.rules:
            if not isinstance(row.scenario, Outcome):
                continue
            before = row.baseline
            known_notes = set(before.notes) if isinstance(before, Outcome) else set()
            known_readings = set(before.interpretations) if isinstance(before, Outcome) else set()
            for note in row.scenario.notes:
                if note not in known_notes:
                    found.setdefault(note)
            for reading in row.scenario.interpretations:
                if reading not in known_readings:
                    found.setdefault(reading.label)
    return list(found)


def _csv_side(side: Side) -> list[str]:
    if isinstance(side, Outcome):
        return ["value", format_value(side.value), side.confidence.value]
    return [side_status(side), "", ""]


def comparison_csv(comparison: Comparison) -> str:
    """The comparison as CSV: a row per subject and rule, a row per record error and per total.

    Values are written as the library writes them without a unit (``360.00``, ``ja``,
    ``2026-01-01``); the difference is a number, or ``changed``/``same``. A record error's row
    has the status ``error`` and the reason in the value column; a total's row has no
    subject index, the subject ``total`` and the status ``total``.
    """
    rows: list[list[object]] = []
    for subject in comparison.subjects:
        for row in subject.rules:
            difference = row.difference
            rows.append(
                [
                    subject.index,
                    subject.label,
                    row.rule_id,
                    row.unit.value,
                    *_csv_side(row.baseline),
                    *_csv_side(row.scenario),
                    str(difference) if isinstance(difference, Decimal) else difference,
                ]
            )
        for side, error in subject.errors:
            cells, blank = ["error", _reasons(error), ""], ["", "", ""]
            pair = [*cells, *blank] if side == "baseline" else [*blank, *cells]
            rows.append([subject.index, subject.label, "", "", *pair, ""])
    for total in comparison.totals:
        rows.append(
            [
                "",
                f"total ({total.subjects} subjects)",
                total.rule_id,
                total.unit.value,
                "total",
                str(total.baseline),
                f"{total.baseline_not_encoded} not encoded" if total.baseline_not_encoded else "",
                "total",
                str(total.scenario),
                f"{total.scenario_not_encoded} not encoded" if total.scenario_not_encoded else "",
                str(total.difference),
            ]
        )
    return rows_to_csv(CSV_HEADER, rows)
