"""Text for people: plain-text tables, the summary of an evaluation and its full explanation."""

from __future__ import annotations

from collections.abc import Sequence

from onderwijsregels.evaluate import Evaluation
from onderwijsregels.i18n import Message, gettext, translate
from onderwijsregels.periods import Day, Period
from onderwijsregels.present.words import (
    checked_language,
    confidence_words,
    interpretation_words,
    period_message,
    unit_words,
    value_words,
)

__all__ = ["evaluation_summary", "explain", "reference_day_words", "table"]


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


def _reference_day(evaluation: Evaluation, lang: str) -> str:
    """The period and, unless the period is one day, the reference day that decides it."""
    period = evaluation.period
    if isinstance(period, Day):
        return translate(
            Message("{period} (this day decides the editions)", period=_period(period)), lang
        )
    return translate(
        Message(
            "{period}; reference day {day} (the first day of the period decides the editions)",
            period=_period(period),
            day=evaluation.reference_day.isoformat(),
        ),
        lang,
    )


def _period(period: Period) -> Message:
    return Message(period_message(period.kind), label=period.label)


def explain(evaluation: Evaluation, lang: str = "en") -> str:
    """The readable trace behind :meth:`Evaluation.explain`, in ``lang`` (``en`` or ``nl``)."""
    lang = checked_language(lang)

    def _(text: str) -> str:
        return gettext(text, lang)

    lines = [
        _("Evaluation of {subject}").format(subject=evaluation.subject.label),
        _("Period: {period}").format(period=_reference_day(evaluation, lang)),
        _("Editions used:"),
    ]
    for use in evaluation.editions:
        edition = use.edition
        state = _(" — NAWERKING (ended, still applies)") if use.nawerking else ""
        state += _(" — PROVISIONAL") if edition.provisional else ""
        start = edition.valid_from.isoformat()
        if edition.valid_to is None:
            span = _("from {start}, open-ended").format(start=start)
        else:
            span = _("{start} to {end}").format(start=start, end=edition.valid_to.isoformat())
        if edition.applies_from and edition.applies_from != edition.valid_from:
            span += _(" (content applies from {day})").format(day=edition.applies_from.isoformat())
        lines.append(f"  {use.family}: {edition.title} [{edition.id}], {span}{state}")
    for outcome in evaluation.outcomes:
        lines += ["", outcome.title]
        value = value_words(outcome.value, outcome.unit, lang)
        lines.append(f"  = {value} ({unit_words(outcome.unit, lang)})")
        for number, step in enumerate(outcome.steps, start=1):
            cited = f"   [{step.citation.reference}]" if step.citation else ""
            lines.append(f"  {number}. {translate(step.text, lang)}{cited}")
        lines.append(
            _("  Rests on: {reference} (read at {source})").format(
                reference=outcome.citation.reference, source=outcome.citation.read_at.label
            )
        )
        lines.append(
            _("  Confidence: {level}").format(level=confidence_words(outcome.confidence, lang))
        )
        lines += [
            _("    because {reason}").format(reason=reason) for reason in outcome.confidence_reasons
        ]
        lines += [_("  Note: {note}").format(note=translate(note, lang)) for note in outcome.notes]
        lines += [f"  {interpretation_words(item, lang)}" for item in outcome.interpretations]
        for citation in outcome.citations:
            if citation.note:
                lines.append(
                    _("  Source note ({reference}): {note}").format(
                        reference=citation.reference, note=citation.note
                    )
                )
    for missing in evaluation.not_encoded:
        named = (
            _(" (parameter {parameter})").format(parameter=missing.parameter)
            if missing.parameter
            else ""
        )
        lines += [
            "",
            missing.title,
            _("  NOT ENCODED{parameter}: {reason}").format(parameter=named, reason=missing.reason),
        ]
    for skipped in evaluation.not_applicable:
        lines += [
            "",
            skipped.title,
            _("  Does not apply: {reason}").format(reason=skipped.reason),
        ]
    return "\n".join(lines)


def evaluation_summary(where: str, evaluation: Evaluation, lang: str = "en") -> str:
    """One evaluation as a table of outcomes with its notes: what ``evaluate`` prints."""
    lang = checked_language(lang)

    def _(text: str) -> str:
        return gettext(text, lang)

    editions = "; ".join(
        f"{use.family}: {use.edition.id}" + (_(" (nawerking)") if use.nawerking else "")
        for use in evaluation.editions
    )
    lines = [
        f"== {where}: {evaluation.subject.label}",
        f"   {reference_day_words(evaluation, lang)}; {editions}",
    ]
    rows = [
        [
            outcome.title,
            value_words(outcome.value, outcome.unit, lang),
            unit_words(outcome.unit, lang),
            outcome.citation.reference,
            confidence_words(outcome.confidence, lang),
        ]
        for outcome in evaluation.outcomes
    ]
    rows += [
        [item.title, _("not encoded"), "", _("see the note below"), ""]
        for item in evaluation.not_encoded
    ]
    lines.append(table([_("rule"), _("value"), _("unit"), _("rests on"), _("confidence")], rows))
    notes: list[str] = []
    for outcome in evaluation.outcomes:
        for note in (
            *(translate(note, lang) for note in outcome.notes),
            *(interpretation_words(item, lang) for item in outcome.interpretations),
        ):
            if note not in notes:
                notes.append(note)
    lines += [f"  * {note}" for note in notes]
    reasons: dict[str, list[str]] = {}
    for item in evaluation.not_encoded:
        named = (
            _(" [parameter {parameter}]").format(parameter=item.parameter) if item.parameter else ""
        )
        reasons.setdefault(f"{named}: {item.reason}", []).append(item.title)
    lines += [
        _("  ? Not encoded ({rules}){why}").format(rules=", ".join(titles), why=why)
        for why, titles in reasons.items()
    ]
    lines += [
        _("  - {rule} does not apply: {reason}").format(rule=item.title, reason=item.reason)
        for item in evaluation.not_applicable
    ]
    return "\n".join(lines)


def reference_day_words(evaluation: Evaluation, lang: str) -> str:
    """``calendar year 2021, reference day 2021-01-01``, or ``day 2021-03-01`` alone."""
    period = evaluation.period
    if isinstance(period, Day):
        return translate(_period(period), lang)
    return translate(
        Message(
            "{period}, reference day {day}",
            period=_period(period),
            day=evaluation.reference_day.isoformat(),
        ),
        lang,
    )
