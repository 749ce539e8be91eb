"""Rule families and their editions.

A rule *family* (``cao-po``, ``bekostiging-professionalisering``) has
*editions*: one CAO or one regulation each, with a looptijd (``valid_from`` to
``valid_to``, or open) and the day its content applies from (``applies_from``,
by default ``valid_from``). An edition holds :class:`~onderwijsregels.rules.Rule`
objects and dated :class:`~onderwijsregels.parameters.Parameter` values.

**Which edition governs a day.** The newest edition whose content applied on
or before that day. Past its ``valid_to`` it still applies (*nawerking*: a CAO
keeps applying until the next one starts) and every result says so. Before the
first edition there is no answer: :class:`~onderwijsregels.errors.NoEditionError`.

An edition can :meth:`Edition.derive` a successor that overrides only what
changed; the rest is *carried over* and results say from where.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import attrs

from onderwijsregels.citations import Citation, Interpretation
from onderwijsregels.convert import converter, text_set, texts, unstructure
from onderwijsregels.errors import (
    EditionDefinitionError,
    InvalidInputError,
    NoEditionError,
    UnknownParameterError,
    UnknownRuleError,
)
from onderwijsregels.i18n import Message
from onderwijsregels.parameters import Parameter
from onderwijsregels.rules import Rule

__all__ = ["Edition", "check_scale", "edition_on"]

_EDITION_ID = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


def _unique(kind: str, items: Iterable[Rule | Parameter]) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise EditionDefinitionError(f"{kind} id {item.id!r} appears twice in one edition")
        seen.add(item.id)


def _rules(items: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(items)


def _parameters(items: Iterable[Parameter]) -> tuple[Parameter, ...]:
    return tuple(items)


def _pairs(items: Iterable[tuple[str, date]]) -> frozenset[tuple[str, date]]:
    return frozenset(items)


def _edition_ids(items: str | Iterable[str]) -> frozenset[str]:
    """Edition ids as a frozenset; one id given as a plain string is one id, not its letters."""
    if isinstance(items, str):
        return frozenset((items,))
    return frozenset(items)


@attrs.frozen
class Edition:
    """One edition of a rule family: its dates, rules and dated values.

    ``citation`` is the source of the looptijd. ``derives_from`` names the
    edition this one was derived from; ``carried_over`` the rule ids taken from
    it unchanged. ``provisional`` marks an edition whose legal force is not
    confirmed (for instance an unratified agreement). ``interpretation`` records
    an edition-wide reading (e.g. "no chapter-9 change found").
    ``removed_scales`` are salary scales that no longer exist on the days this
    edition governs (cited by ``removed_scales_citation``); evaluating an
    employee in such a scale is refused with a clear message, except before
    ``regrading_until``, the day by which employees must have been regraded
    (then the result carries a note instead). ``carried_values`` holds the
    ``(parameter id, start)`` of every open-ended dated value taken unchanged
    from the edition this one derives from; a rule that reads one carries this
    edition's ``interpretation``, since the new text was not seen to confirm it.
    ``supersedes`` names editions of the same family, from another
    distribution, whose days this edition may overlap: it governs in their
    place on those days (it must start after them), and every result under it
    says so. Without it, such an overlap is a
    :class:`~onderwijsregels.errors.PluginError` at load time.
    ``source_file`` names the data file an edition written as data was read
    from (see :mod:`onderwijsregels.data_editions`), ``source_sha256`` the
    SHA-256 of its bytes (for receipts: :mod:`onderwijsregels.receipt`).
    """

    id: str = attrs.field()
    family: str = attrs.field()
    title: str
    valid_from: date
    valid_to: date | None
    citation: Citation
    rules: tuple[Rule, ...] = attrs.field(converter=_rules, repr=False)
    parameters: tuple[Parameter, ...] = attrs.field(default=(), converter=_parameters, repr=False)
    applies_from: date | None = None
    derives_from: str | None = None
    carried_over: frozenset[str] = attrs.field(default=frozenset(), converter=text_set, repr=False)
    provisional: bool = False
    interpretation: Interpretation | None = attrs.field(default=None, repr=False)
    notes: tuple[str, ...] = attrs.field(default=(), converter=texts, repr=False)
    removed_scales: frozenset[str] = attrs.field(
        default=frozenset(), converter=text_set, repr=False
    )
    removed_scales_citation: Citation | None = attrs.field(default=None, repr=False)
    regrading_until: date | None = attrs.field(default=None, repr=False)
    carried_values: frozenset[tuple[str, date]] = attrs.field(
        default=frozenset(), converter=_pairs, repr=False
    )
    supersedes: frozenset[str] = attrs.field(
        default=frozenset(), converter=_edition_ids, repr=False
    )
    source_file: str | None = attrs.field(default=None, repr=False)
    source_sha256: str | None = attrs.field(default=None, repr=False)
    """The data file this edition was read from (an edition written as data); ``None`` for
    an edition built in Python."""

    @id.validator
    @family.validator
    def _kebab_case(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not _EDITION_ID.fullmatch(value):
            raise EditionDefinitionError(
                f"edition {attribute.name} {value!r} is not lower kebab-case"
            )

    def __attrs_post_init__(self) -> None:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise EditionDefinitionError(f"edition {self.id!r} ends before it starts")
        if self.applies_from is not None and self.valid_to and self.applies_from > self.valid_to:
            raise EditionDefinitionError(f"edition {self.id!r} applies only after it ended")
        _unique("rule", self.rules)
        _unique("parameter", self.parameters)
        if self.removed_scales and self.removed_scales_citation is None:
            raise EditionDefinitionError(f"edition {self.id!r} removes scales without a citation")
        unknown = self.carried_over - set(self.rule_ids)
        if unknown:
            raise EditionDefinitionError(
                f"edition {self.id!r} carries over unknown rules {sorted(unknown)}"
            )
        for other in sorted(self.supersedes, key=repr):
            if not isinstance(other, str) or not _EDITION_ID.fullmatch(other):
                raise EditionDefinitionError(
                    f"edition {self.id!r} supersedes {other!r}, which is not an edition id "
                    "(lower kebab-case)"
                )
        if self.id in self.supersedes:
            raise EditionDefinitionError(f"edition {self.id!r} cannot supersede itself")

    @property
    def starts(self) -> date:
        """The first day this edition's content governs (``applies_from`` or ``valid_from``)."""
        return self.applies_from or self.valid_from

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.rules)

    def rule(self, rule_id: str) -> Rule:
        for item in self.rules:
            if item.id == rule_id:
                return item
        raise UnknownRuleError(rule_id, self.rule_ids)

    def parameter(self, parameter_id: str) -> Parameter:
        for item in self.parameters:
            if item.id == parameter_id:
                return item
        raise UnknownParameterError(
            self.id, parameter_id, tuple(item.id for item in self.parameters)
        )

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every distinct citation the edition carries: its own, its rules' and its values'."""
        found = [self.citation]
        if self.removed_scales_citation is not None:
            found.append(self.removed_scales_citation)
        for item in self.rules:
            found.extend(item.citations)
        for parameter in self.parameters:
            found.extend(value.citation for value in parameter.values if value.citation)
        return tuple(dict.fromkeys(found))

    def to_dict(self) -> dict[str, Any]:
        """The edition's identity and dates as JSON-ready data (the converter's hook)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        return {
            "family": self.family,
            "id": self.id,
            "title": self.title,
            "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "applies_from": self.starts.isoformat(),
            "derives_from": self.derives_from,
            "provisional": self.provisional,
            "supersedes": sorted(self.supersedes),
            "citation": unstructure(self.citation),
            "source_file": self.source_file,
            "source_sha256": self.source_sha256,
        }

    def carries_value(self, parameter_id: str, start: date) -> bool:
        """Whether the dated value of ``parameter_id`` starting on ``start`` is carried over."""
        return (parameter_id, start) in self.carried_values

    def overlap(self, other: Edition) -> tuple[date, date | None] | None:
        """The days from ``starts`` to ``valid_to`` (open: forever) that both editions cover.

        ``(first, last)``, ``last`` ``None`` when both are open-ended; ``None`` when they
        share no day. Nawerking is not counted: past its end an edition governs only until
        another starts.
        """
        first = max(self.starts, other.starts)
        ends = [end for end in (self.valid_to, other.valid_to) if end is not None]
        last = min(ends) if ends else None
        if last is not None and last < first:
            return None
        return first, last

    def is_nawerking(self, day: date) -> bool:
        """Whether ``day`` lies past this edition's end (it still applies: nawerking)."""
        return self.valid_to is not None and day > self.valid_to

    @property
    def looptijd(self) -> str:
        """The validity period in words."""
        end = self.valid_to.isoformat() if self.valid_to else "open"
        text = f"{self.valid_from.isoformat()} to {end}"
        if self.applies_from and self.applies_from != self.valid_from:
            text += f" (content applies from {self.applies_from.isoformat()})"
        return text

    def derive(
        self,
        *,
        id: str,
        title: str,
        valid_from: date,
        valid_to: date | None,
        citation: Citation,
        rules: Sequence[Rule] = (),
        parameters: Sequence[Parameter] = (),
        remove: Sequence[str] = (),
        removed_scales: Sequence[str] = (),
        **fields: Any,
    ) -> Edition:
        """A successor edition: this one's rules and values, overriding only what changed.

        ``rules`` and ``parameters`` replace those with the same id (or add
        new ones); ``remove`` drops rules by id. Rules neither replaced nor
        reading a replaced parameter are *carried over* and results say so.
        Scales removed earlier stay removed; ``removed_scales`` adds more. Any
        other field of :class:`Edition` may be given by name (``fields``); of
        those, ``applies_from``, ``provisional``, ``notes``, ``supersedes`` and
        ``source_file`` start afresh, the rest (``interpretation``, ``removed_scales_citation``,
        ``regrading_until``) is inherited unless given. The edition-wide ``interpretation`` is
        inherited so that what a successor carries over is never more certain than it was in
        its base; give ``interpretation=None`` when the new text confirms what is carried over. Built on
        :func:`attrs.evolve`, so a new Edition field needs no change here.

        >>> from datetime import date
        >>> import onderwijsregels as owr
        >>> base = owr.load(only=["cao-po-2021"]).get("cao-po-2021")
        >>> later = base.derive(id="cao-po-2099", title="CAO PO 2099", valid_from=date(2099, 1, 1),
        ...                     valid_to=None, citation=base.citation, provisional=True)
        >>> later.derives_from, later.provisional, later.carried_over == frozenset(base.rule_ids)
        ('cao-po-2021', True, True)
        """
        unknown = sorted(set(fields) - _DERIVABLE)
        if unknown:
            raise EditionDefinitionError(
                f"derive() got unknown or managed fields {unknown}; it accepts "
                f"{', '.join(sorted(_DERIVABLE))} by name"
            )
        replaced = {item.id for item in rules}
        new_values = {item.id for item in parameters}
        missing = set(remove) - set(self.rule_ids)
        if missing:
            raise EditionDefinitionError(
                f"cannot remove unknown rules {sorted(missing)} from {self.id!r}"
            )
        kept = [item for item in self.rules if item.id not in replaced and item.id not in remove]
        new_parameters = {item.id: item for item in self.parameters}
        new_parameters.update({item.id: item for item in parameters})
        return attrs.evolve(
            self,
            id=id,
            title=title,
            valid_from=valid_from,
            valid_to=valid_to,
            citation=citation,
            rules=(*kept, *rules),
            parameters=tuple(new_parameters.values()),
            derives_from=self.id,
            carried_over=frozenset(
                item.id for item in kept if not new_values.intersection(item.parameters)
            ),
            carried_values=self._carried_into(new_parameters.values()),
            removed_scales=self.removed_scales | frozenset(removed_scales),
            **{**_FRESH, **fields},
        )

    def _carried_into(self, parameters: Iterable[Parameter]) -> frozenset[tuple[str, date]]:
        """The ``(id, start)`` of the successor's values taken over unchanged and open-ended.

        An open-ended value taken over unchanged is an assumption that the new text kept it
        (also where the successor then ends it at a later change); a value its source dated
        (e.g. "for 2020 and 2021") is not.
        """
        open_ended = {
            (item.id, value.start, value.value, value.citation)
            for item in self.parameters
            for value in item.values
            if value.end is None or self.carries_value(item.id, value.start)
        }
        return frozenset(
            (item.id, value.start)
            for item in parameters
            for value in item.values
            if (item.id, value.start, value.value, value.citation) in open_ended
        )


_FRESH: dict[str, Any] = {
    "applies_from": None,
    "provisional": False,
    "notes": (),
    "supersedes": frozenset(),
    "source_file": None,
    "source_sha256": None,
}
"""Fields a successor edition does not inherit unless it gives them."""

_MANAGED = frozenset(
    {
        "id",
        "family",
        "title",
        "valid_from",
        "valid_to",
        "citation",
        "rules",
        "parameters",
        "derives_from",
        "carried_over",
        "carried_values",
        "removed_scales",
    }
)
_DERIVABLE: frozenset[str] = (
    frozenset(str(field.alias or field.name) for field in attrs.fields(Edition)) - _MANAGED
)
"""The Edition fields :meth:`Edition.derive` accepts by name."""


def check_scale(edition: Edition, scale: str | None, day: date) -> str | None:
    """Refuse a salary scale that the edition governing ``day`` removed.

    Before the edition's ``regrading_until`` the scale is accepted and the
    note to attach to every result is returned; otherwise ``None``.
    """
    if scale is None or scale not in edition.removed_scales:
        return None
    citation = edition.removed_scales_citation
    basis = f" ({citation.reference}: {citation.quote!r})" if citation and citation.quote else ""
    if edition.regrading_until is not None and day < edition.regrading_until:
        return Message(
            "Scale {scale} was removed from the salary structure by {title}{basis}; employees in "
            "it must be regraded before {until}, so on {day} the scale is still accepted. Give "
            "the new scale once the employee has been regraded.",
            scale=scale,
            title=edition.title,
            basis=basis,
            until=edition.regrading_until.isoformat(),
            day=day.isoformat(),
        )
    window = (
        f" (the regrading window ended on {edition.regrading_until.isoformat()})"
        if edition.regrading_until
        else ""
    )
    # Named by the text that removed it (an edition deriving from that one carries the removal).
    remover = citation.reference if citation is not None else edition.title
    quote = f" ({citation.quote!r})" if citation is not None and citation.quote else ""
    governs = f", and {edition.title} governs {day.isoformat()}"
    raise InvalidInputError(
        "scale",
        f"scale {scale} was removed from the salary structure by {remover}{quote}{governs}"
        f"{window}; give the employee's scale under that edition",
    )


def edition_on(editions: Sequence[Edition], family: str, day: date) -> Edition:
    """The edition of ``family`` that governs ``day``: the newest that started on or before it.

    ``editions`` are the family's editions in any order.
    """
    started = [item for item in editions if item.starts <= day]
    if not started:
        first = min((item.starts for item in editions), default=None)
        raise NoEditionError(family, day, first)
    return max(started, key=lambda item: item.starts)


converter.register_unstructure_hook(Edition, Edition._json)
