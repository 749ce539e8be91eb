"""Citations and interpretations: where every rule and value comes from.

A :class:`Citation` names the legal source (edition, article, lid) *and* the
public source we read it on (a :class:`~onderwijsregels.sources.Source` from
the shipped register, named by id), with a short Dutch quote. Its
:class:`Confidence` is *derived*: from the grade of that source, and from
whether the article number is confirmed. A citation may claim less, never
more. Where the sources are silent or ambiguous, a rule carries an
:class:`Interpretation`: our reading, labelled as such, with its reasoning, so
users can always tell law from our reading of it.

>>> c = Citation(
...     source="CAO PO 2019-2020", article="9.3", lid="2",
...     read_at="poraad-faq-rechten-professionalisering",
...     quote="recht op een individueel professionaliseringsbudget van € 500,= per jaar",
...     article_confirmed=True,
... )
>>> c.reference, c.confidence.value
('CAO PO 2019-2020, art. 9.3 lid 2', 'confirmed')
>>> attrs.evolve(c, article_confirmed=False).confidence.value
'secondary'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import attrs

from onderwijsregels.convert import converter, nonempty, optional_nonempty, unstructure
from onderwijsregels.errors import EditionDefinitionError
from onderwijsregels.sources import Confidence, Source, source, to_confidence

__all__ = ["Citation", "Confidence", "Interpretation", "combined_confidence"]


def _source(value: Source | str) -> Source:
    if isinstance(value, Source):
        return value
    if isinstance(value, str):
        return source(value)
    raise EditionDefinitionError(f"read_at must be a Source or a source id, got {value!r}")


def _is_bool(_: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise EditionDefinitionError(f"{attribute.name} must be true or false, got {value!r}")


@attrs.frozen
class Citation:
    """The legal basis of a rule or value, and the public source we read it on.

    ``source`` is the legal source's title ("CAO PO 2019-2020", "Regeling
    bijzondere bekostiging ..."); ``article`` and ``lid`` are ``None`` where the
    sources do not give them (never guessed). ``read_at`` is the
    :class:`~onderwijsregels.sources.Source` the fact was read on (pass its id
    in the shipped register, or a Source object); ``quote`` a short verbatim
    Dutch excerpt from it, or ``None`` where our sources give the fact without
    a verbatim quote (never a made-up one). ``article_confirmed`` says whether
    the article number is confirmed (the source itself is the text, or a second
    source agrees); an unconfirmed article caps the confidence at *secondary*.
    ``confidence``, when given, is a claim: it may lower the derived level (for
    a value that is our reading) but a claim above what the source allows is
    refused. ``note`` records anything a careful reader should know, such as a
    disagreement between sources.
    """

    source: str = attrs.field(validator=nonempty)
    article: str | None = attrs.field(validator=optional_nonempty)
    lid: str | None = attrs.field(validator=optional_nonempty)
    read_at: Source = attrs.field(converter=_source)
    quote: str | None = attrs.field(validator=optional_nonempty)
    claim: Confidence | None = attrs.field(
        default=None, alias="confidence", converter=to_confidence
    )
    note: str | None = attrs.field(default=None, validator=optional_nonempty)
    article_confirmed: bool = attrs.field(default=False, validator=_is_bool, kw_only=True)

    def __attrs_post_init__(self) -> None:
        allowed = self.allowed
        if self.claim is not None and self.claim.rank < allowed.rank:
            raise EditionDefinitionError(
                f"citation {self.reference!r} read at {self.read_at.id!r} claims "
                f"{self.claim.value}, but {'; '.join(self._reasons())}: at most {allowed.value}"
            )

    @functools.cached_property
    def reference(self) -> str:
        """The legal reference in one line, e.g. ``CAO PO 2019-2020, art. 9.3 lid 2``."""
        text = self.source
        if self.article:
            text += f", art. {self.article}"
            if self.lid:
                text += f" lid {self.lid}"
        return text

    @functools.cached_property
    def allowed(self) -> Confidence:
        """The highest confidence the source and the article's status allow."""
        levels = [self.read_at.grade.at_most]
        if self.article is not None and not self.article_confirmed:
            levels.append(Confidence.SECONDARY)
        return Confidence.weakest(*levels)

    @functools.cached_property
    def confidence(self) -> Confidence:
        """The derived confidence: what the source allows, lowered by the claim if any."""
        if self.claim is None:
            return self.allowed
        return Confidence.weakest(self.allowed, self.claim)

    def _reasons(self) -> list[str]:
        grade = self.read_at.grade
        reasons = [f"the source is graded {grade.value} ({grade.meaning})"]
        if self.article is not None and not self.article_confirmed:
            reasons.append(f"the article number {self.article} is not confirmed by our sources")
        return reasons

    @property
    def confidence_reason(self) -> str:
        """Why the confidence is what it is, in one sentence.

        >>> c = Citation("CAO PO 2019-2020", "9.6", "3", "avs-faq-professionalisering-po", None)
        >>> c.confidence_reason
        'secondary: the source is graded A (the regulation itself or an official page of a party); the article number 9.6 is not confirmed by our sources'
        """
        reasons = self._reasons()
        if self.claim is not None and self.claim.rank > self.allowed.rank:
            reasons.append(f"the citation itself claims only {self.claim.value}")
        return f"{self.confidence.value}: {'; '.join(reasons)}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        """A JSON-ready dict with every field."""
        return {
            "source": self.source,
            "article": self.article,
            "lid": self.lid,
            "article_confirmed": self.article_confirmed,
            "reference": self.reference,
            "read_at": unstructure(self.read_at),
            "quote": self.quote,
            "confidence": self.confidence.value,
            "confidence_reason": self.confidence_reason,
            "note": self.note,
        }


@attrs.frozen
class Interpretation:
    """Our reading where the sources are silent or ambiguous: not law.

    ``summary`` says what we decided; ``reasoning`` why, naming the sources.

    >>> Interpretation("83 h per year", "2 h x 1659/40 = 82.95").label
    'Interpretation: 83 h per year (2 h x 1659/40 = 82.95)'
    """

    summary: str = attrs.field(validator=nonempty)
    reasoning: str = attrs.field(validator=nonempty)

    @property
    def label(self) -> str:
        return f"Interpretation: {self.summary} ({self.reasoning})"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, str]:
        return {"summary": self.summary, "reasoning": self.reasoning}


def combined_confidence(
    citations: Iterable[Citation], interpretations: Iterable[Interpretation | None] = ()
) -> Confidence | None:
    """The one confidence rule: a result is as sure as its weakest citation, and any reading
    attached makes it an *interpretation*. ``None`` when there is nothing to go on.

    Every confidence the library shows (outcomes, the rule reference, ``diff``) comes from here.

    >>> sure = Citation("CAO", "9.3", "2", "poraad-faq-rechten-professionalisering", "q",
    ...                 article_confirmed=True)
    >>> combined_confidence([sure]).value
    'confirmed'
    >>> combined_confidence([sure], [Interpretation("a reading", "why")]).value
    'interpretation'
    >>> combined_confidence([]) is None
    True
    """
    levels = [item.confidence for item in citations]
    if any(item is not None for item in interpretations):
        levels.append(Confidence.INTERPRETATION)
    return Confidence.weakest(*levels) if levels else None


converter.register_unstructure_hook(Citation, Citation._json)
converter.register_unstructure_hook(Interpretation, Interpretation._json)
