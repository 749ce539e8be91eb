"""What changed between two editions: rules added, removed or changed.

A rule has *changed* when its definition, title or unit differs, when a value
it reads differs on each edition's first day, when the articles it rests on
differ, or when its interpretation or confidence differs. Each change lists
both sides' citations, so a reader can check them side by side. Edition-wide
readings (such as "no chapter-9 change found") are reported once, as a change
of the edition, not once per carried-over rule.

>>> import onderwijsregels as owr
>>> rb = owr.load()
>>> d = rb.diff("cao-po-2022-2023", "cao-po-2023-2024")
>>> [change.rule_id for change in d.added]
['begeleiding_startende_schoolleider']
>>> [(c.field, c.before, c.after) for c in d.changed_rule("maximale_spaartermijn").changes][0]
('value (spaartermijn_directie)', '3', '4')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import attrs

from onderwijsregels.citations import Citation, Interpretation, combined_confidence
from onderwijsregels.convert import converter, unstructure
from onderwijsregels.editions import Edition
from onderwijsregels.errors import UnknownRuleError
from onderwijsregels.evaluate import format_value
from onderwijsregels.parameters import DatedValue, Value
from onderwijsregels.rules import Rule

__all__ = ["EditionDiff", "FieldChange", "RuleChange", "diff_editions"]


@attrs.frozen
class FieldChange:
    """One field that differs: its name and both values, in words."""

    field: str
    before: str
    after: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        return {"field": self.field, "before": self.before, "after": self.after}


@attrs.frozen
class RuleChange:
    """A rule added, removed or changed, with both sides' citations."""

    rule_id: str
    kind: Literal["added", "removed", "changed"]
    title: str
    changes: tuple[FieldChange, ...]
    citations_before: tuple[Citation, ...]
    citations_after: tuple[Citation, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        return {
            "rule": self.rule_id,
            "kind": self.kind,
            "title": self.title,
            "changes": [unstructure(change) for change in self.changes],
            "citations_before": [unstructure(item) for item in self.citations_before],
            "citations_after": [unstructure(item) for item in self.citations_after],
        }


@attrs.frozen
class EditionDiff:
    """Every difference between edition ``before`` and edition ``after``."""

    before: Edition
    after: Edition
    edition_changes: tuple[FieldChange, ...]
    rules: tuple[RuleChange, ...]
    unchanged: tuple[str, ...]

    @property
    def added(self) -> tuple[RuleChange, ...]:
        return tuple(item for item in self.rules if item.kind == "added")

    @property
    def removed(self) -> tuple[RuleChange, ...]:
        return tuple(item for item in self.rules if item.kind == "removed")

    @property
    def changed(self) -> tuple[RuleChange, ...]:
        return tuple(item for item in self.rules if item.kind == "changed")

    def changed_rule(self, rule_id: str) -> RuleChange:
        """The change of one rule; UnknownRuleError if it did not change."""
        for item in self.rules:
            if item.rule_id == rule_id:
                return item
        raise UnknownRuleError(rule_id, [item.rule_id for item in self.rules])

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        """A JSON-ready, deterministic dict."""
        return {
            "before": self.before.id,
            "after": self.after.id,
            "edition_changes": [unstructure(item) for item in self.edition_changes],
            "added": [unstructure(item) for item in self.added],
            "removed": [unstructure(item) for item in self.removed],
            "changed": [unstructure(item) for item in self.changed],
            "unchanged": list(self.unchanged),
        }

    def to_text(self) -> str:
        """The differences for people, citations side by side."""
        lines = [f"{self.before.id} -> {self.after.id}"]
        lines.append("Edition:")
        lines += [f"  {c.field}: {c.before} -> {c.after}" for c in self.edition_changes] or [
            "  (no change)"
        ]
        for title, items, mark in (
            ("Added rules", self.added, "+"),
            ("Removed rules", self.removed, "-"),
            ("Changed rules", self.changed, "~"),
        ):
            lines.append(f"{title}:" if items else f"{title}: none")
            for item in items:
                lines.append(f"  {mark} {item.rule_id} ({item.title})")
                lines += [f"      {c.field}: {c.before} -> {c.after}" for c in item.changes]
                for side, citations in (
                    ("before", item.citations_before),
                    ("after", item.citations_after),
                ):
                    for citation in citations:
                        lines.append(
                            f"      {side}: {citation.reference} [{citation.confidence.value}] "
                            f"{citation.quote or '(no verbatim quote)'!r} ({citation.read_at.label})"
                        )
        lines.append(f"Unchanged rules: {', '.join(self.unchanged) or 'none'}")
        return "\n".join(lines)


def _show(value: Value | None) -> str:
    """A value in words, as results show it ("none" when there is none)."""
    return "none" if value is None else format_value(value)


def _dated(edition: Edition, parameter_id: str) -> DatedValue | None:
    try:
        return edition.parameter(parameter_id).find(edition.starts)
    except LookupError:
        return None


def _later_values(after: Edition, parameter_id: str, before: Edition) -> str:
    """The values ``after`` gives later in its own span that ``before`` did not have, in words.

    The first-day comparison misses a value an edition changes part-way (a step from a
    date inside its looptijd); this finds it.
    """
    try:
        new_values = after.parameter(parameter_id).values
    except LookupError:
        return ""
    try:
        old_values = set(before.parameter(parameter_id).values)
    except LookupError:
        old_values = set()
    end = after.valid_to
    found = [
        f"{_value_text(item)} from {item.start.isoformat()}"
        for item in new_values
        if item.start > after.starts
        and (end is None or item.start <= end)
        and item not in old_values
    ]
    return "; ".join(found)


def _value_text(item: DatedValue | None) -> str:
    if item is None:
        return "none"
    if item.value is None:
        return f"not encoded ({item.missing})"
    return _show(item.value)


def _basis(edition: Edition, rule: Rule) -> tuple[list[Citation], list[Interpretation]]:
    citations = list(rule.citations)
    readings = [rule.interpretation] if rule.interpretation else []
    for parameter_id in rule.parameters:
        item = _dated(edition, parameter_id)
        if item is not None and item.citation is not None and item.citation not in citations:
            citations.append(item.citation)
        if item is not None and item.interpretation and item.interpretation not in readings:
            readings.append(item.interpretation)
    return citations, readings


def _confidence(
    citations: Iterable[Citation], readings: list[Interpretation], edition: Edition, rule: Rule
) -> str:
    read = [(parameter_id, _dated(edition, parameter_id)) for parameter_id in rule.parameters]
    gaps = [pid for pid, item in read if item is not None and item.value is None]
    if read and len(gaps) == len(read):
        return f"not encoded ({', '.join(gaps)})"
    found = combined_confidence(citations, readings)
    text = found.value if found else "none"
    if gaps:
        text += f" where encoded (not encoded: {', '.join(gaps)})"
    return text


def _rule_changes(before: Edition, after: Edition, old: Rule, new: Rule) -> RuleChange | None:
    changes: list[FieldChange] = []
    if old.compute is not new.compute:
        changes.append(FieldChange("definition", "the earlier rule", "a new rule"))
    if old.title != new.title:
        changes.append(FieldChange("title", old.title, new.title))
    if old.unit != new.unit:
        changes.append(FieldChange("unit", old.unit.value, new.unit.value))
    for parameter_id in sorted(set(old.parameters) | set(new.parameters)):
        was, now = _dated(before, parameter_id), _dated(after, parameter_id)
        if _value_text(was) != _value_text(now):
            changes.append(
                FieldChange(f"value ({parameter_id})", _value_text(was), _value_text(now))
            )
        else:
            later = _later_values(after, parameter_id, before)
            if later:
                changes.append(FieldChange(f"later value ({parameter_id})", "none", later))
    old_citations, old_readings = _basis(before, old)
    new_citations, new_readings = _basis(after, new)
    old_refs = "; ".join(item.reference for item in old_citations)
    new_refs = "; ".join(item.reference for item in new_citations)
    if old_refs != new_refs:
        changes.append(FieldChange("article", old_refs, new_refs))
    old_text = "; ".join(item.summary for item in old_readings) or "none"
    new_text = "; ".join(item.summary for item in new_readings) or "none"
    if old_text != new_text:
        changes.append(FieldChange("interpretation", old_text, new_text))
    old_level = _confidence(old_citations, old_readings, before, old)
    new_level = _confidence(new_citations, new_readings, after, new)
    if old_level != new_level:
        changes.append(FieldChange("confidence", old_level, new_level))
    if not changes:
        return None
    return RuleChange(
        new.id, "changed", new.title, tuple(changes), tuple(old_citations), tuple(new_citations)
    )


def _edition_changes(before: Edition, after: Edition) -> tuple[FieldChange, ...]:
    found = [FieldChange("title", before.title, after.title)]
    if before.looptijd != after.looptijd:
        found.append(FieldChange("looptijd", before.looptijd, after.looptijd))
    if before.provisional != after.provisional:
        found.append(FieldChange("provisional", str(before.provisional), str(after.provisional)))
    if before.removed_scales != after.removed_scales:
        found.append(
            FieldChange(
                "removed scales",
                ", ".join(sorted(before.removed_scales)) or "none",
                ", ".join(sorted(after.removed_scales)) or "none",
            )
        )
    was = before.interpretation.summary if before.interpretation else "none"
    now = after.interpretation.summary if after.interpretation else "none"
    if was != now:
        found.append(FieldChange("edition-wide interpretation", was, now))
    return tuple(item for item in found if item.before != item.after)


def diff_editions(before: Edition, after: Edition) -> EditionDiff:
    """Compare two editions (usually of one family, the older first)."""
    rules: list[RuleChange] = []
    unchanged: list[str] = []
    after_ids = set(after.rule_ids)
    for old in before.rules:
        if old.id not in after_ids:
            citations, _ = _basis(before, old)
            rules.append(RuleChange(old.id, "removed", old.title, (), tuple(citations), ()))
            continue
        change = _rule_changes(before, after, old, after.rule(old.id))
        if change is None:
            unchanged.append(old.id)
        else:
            rules.append(change)
    before_ids = set(before.rule_ids)
    for new in after.rules:
        if new.id not in before_ids:
            citations, _ = _basis(after, new)
            rules.append(RuleChange(new.id, "added", new.title, (), (), tuple(citations)))
    return EditionDiff(
        before, after, _edition_changes(before, after), tuple(rules), tuple(unchanged)
    )


converter.register_unstructure_hook(FieldChange, FieldChange._json)
converter.register_unstructure_hook(RuleChange, RuleChange._json)
converter.register_unstructure_hook(EditionDiff, EditionDiff._json)
