"""Text for people: plain-text tables, the summary of an evaluation and its full explanation."""

from __future__ import annotations

from collections.abc import Sequence

from onderwijsregels.evaluate import Evaluation

__all__ = ["evaluation_summary", "explain", "table"]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table with columns padded to their widest cell.

    >>> print(table(["rule", "value"], [["individueel_budget", "€ 360,00"]]))
    rule                value
    ------------------  --------
    individueel_budget  € 360,00
    """
    widths = [len(header) for header in headers]
    for row in rows:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]
    lines = [
        "  ".join(header.ljust(width) for header, width in zip(headers, widths, strict=True)),
        "  ".join("-" * width for width in widths),
    ]
    lines += [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


def explain(evaluation: Evaluation) -> str:
    """The readable trace behind :meth:`Evaluation.explain`."""
    period = evaluation.period
    lines = [
        f"Evaluation of {evaluation.subject.label}",
        f"Period: {period.kind} {period.label}; reference day {evaluation.reference_day.isoformat()} "
        "(the first day of the period decides the edition)",
        "Editions used:",
    ]
    for use in evaluation.editions:
        edition = use.edition
        state = " — NAWERKING (ended, still applies)" if use.nawerking else ""
        state += " — PROVISIONAL" if edition.provisional else ""
        lines.append(f"  {use.family}: {edition.title} [{edition.id}], {edition.looptijd}{state}")
    for outcome in evaluation.outcomes:
        lines += ["", f"{outcome.rule_id}: {outcome.title}"]
        lines.append(f"  = {outcome.display} ({outcome.unit.value})")
        for number, step in enumerate(outcome.steps, start=1):
            cited = f"   [{step.citation.reference}]" if step.citation else ""
            lines.append(f"  {number}. {step.text}{cited}")
        lines.append(
            f"  Rests on: {outcome.citation.reference} (read at {outcome.citation.read_at.label})"
        )
        lines.append(f"  Confidence: {outcome.confidence.value}")
        lines += [f"    because {reason}" for reason in outcome.confidence_reasons]
        lines += [f"  Note: {note}" for note in outcome.notes]
        lines += [f"  {item.label}" for item in outcome.interpretations]
        for citation in outcome.citations:
            if citation.note:
                lines.append(f"  Source note ({citation.reference}): {citation.note}")
    for missing in evaluation.not_encoded:
        named = f" (parameter {missing.parameter})" if missing.parameter else ""
        lines += [
            "",
            f"{missing.rule_id}: {missing.title}",
            f"  NOT ENCODED{named}: {missing.reason}",
        ]
    for skipped in evaluation.not_applicable:
        lines += ["", f"{skipped.rule_id}: {skipped.title}", f"  Does not apply: {skipped.reason}"]
    return "\n".join(lines)


def evaluation_summary(where: str, evaluation: Evaluation) -> str:
    """One evaluation as a table of outcomes with its notes: what ``evaluate`` prints."""
    period = evaluation.period
    lines = [
        f"== {where}: {evaluation.subject.label}",
        f"   {period.kind} {period.label}, reference day {evaluation.reference_day.isoformat()}; "
        + "; ".join(
            f"{use.family}: {use.edition.id}" + (" (nawerking)" if use.nawerking else "")
            for use in evaluation.editions
        ),
    ]
    rows = [
        [
            outcome.rule_id,
            outcome.display,
            outcome.unit.value,
            outcome.citation.reference,
            outcome.confidence.value,
        ]
        for outcome in evaluation.outcomes
    ]
    rows += [
        [item.rule_id, "not encoded", "", "see the note below", ""]
        for item in evaluation.not_encoded
    ]
    lines.append(table(["rule", "value", "unit", "rests on", "confidence"], rows))
    notes: list[str] = []
    for outcome in evaluation.outcomes:
        for note in (*outcome.notes, *(item.label for item in outcome.interpretations)):
            if note not in notes:
                notes.append(note)
    lines += [f"  * {note}" for note in notes]
    reasons: dict[str, list[str]] = {}
    for item in evaluation.not_encoded:
        named = f" [parameter {item.parameter}]" if item.parameter else ""
        reasons.setdefault(f"{named}: {item.reason}", []).append(item.rule_id)
    lines += [f"  ? Not encoded ({', '.join(ids)}){why}" for why, ids in reasons.items()]
    lines += [
        f"  - {item.rule_id} does not apply: {item.reason}" for item in evaluation.not_applicable
    ]
    return "\n".join(lines)
