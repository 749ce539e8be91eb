"""Citations and interpretations: where every rule and value comes from.

A :class:`Citation` names the legal source (edition, article, lid) *and* where
we read it (a URL or the product owner's reference page), with a short Dutch
quote and a :class:`Confidence`. Where the source is silent or ambiguous, a
rule carries an :class:`Interpretation`: our reading, labelled as such, with
its reasoning, so users can always tell law from our reading of it.

>>> c = Citation(
...     source="CAO PO 2019-2020", article="9.3", lid="2",
...     read_at="https://www.poraad.nl/veelgestelde-vragen/...",
...     quote="recht op een individueel professionaliseringsbudget van € 500,= per jaar",
...     confidence=Confidence.CONFIRMED,
... )
>>> c.reference
'CAO PO 2019-2020, art. 9.3 lid 2'
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

__all__ = ["Citation", "Confidence", "Interpretation"]


class Confidence(enum.Enum):
    """How sure we are of a cited fact.

    Follows the reliability codes of the sources: an official source or a CAO
    party (A/B) is *confirmed*, a third party (C) is *secondary*, and a weak
    source or our own inference (D, DERIVED) is an *interpretation*.
    """

    CONFIRMED = "confirmed"
    SECONDARY = "secondary"
    INTERPRETATION = "interpretation"

    @property
    def rank(self) -> int:
        """0 for confirmed, 1 for secondary, 2 for interpretation (higher is weaker)."""
        return list(Confidence).index(self)

    @staticmethod
    def weakest(*levels: Confidence) -> Confidence:
        """The least certain of several levels.

        >>> Confidence.weakest(Confidence.CONFIRMED, Confidence.SECONDARY)
        <Confidence.SECONDARY: 'secondary'>
        """
        return max(levels, key=lambda level: level.rank)


def _nonempty(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty string, got {value!r}")


def _optional_nonempty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _nonempty(instance, attribute, value)


@attrs.frozen
class Citation:
    """The legal basis of a rule or value, and where we read it.

    ``source`` is the legal source's title ("CAO PO 2019-2020", "Regeling
    bijzondere bekostiging ..."); ``article`` and ``lid`` are ``None`` where the
    sources do not give them (never guessed). ``read_at`` is the URL (or, for
    the AVS reference page, its title) of the page the fact was read on;
    ``quote`` a short verbatim Dutch excerpt from it, or ``None`` where our
    sources give the fact without a verbatim quote (never a made-up one). ``note`` records anything
    a careful reader should know, such as a disagreement between sources.
    """

    source: str = attrs.field(validator=_nonempty)
    article: str | None = attrs.field(validator=_optional_nonempty)
    lid: str | None = attrs.field(validator=_optional_nonempty)
    read_at: str = attrs.field(validator=_nonempty)
    quote: str | None = attrs.field(validator=_optional_nonempty)
    confidence: Confidence = attrs.field(validator=attrs.validators.instance_of(Confidence))
    note: str | None = attrs.field(default=None, validator=_optional_nonempty)

    @property
    def reference(self) -> str:
        """The legal reference in one line, e.g. ``CAO PO 2019-2020, art. 9.3 lid 2``."""
        text = self.source
        if self.article:
            text += f", art. {self.article}"
            if self.lid:
                text += f" lid {self.lid}"
        return text

    def to_dict(self) -> dict[str, str | None]:
        """A JSON-ready dict with every field."""
        return {
            "source": self.source,
            "article": self.article,
            "lid": self.lid,
            "reference": self.reference,
            "read_at": self.read_at,
            "quote": self.quote,
            "confidence": self.confidence.value,
            "note": self.note,
        }


@attrs.frozen
class Interpretation:
    """Our reading where the sources are silent or ambiguous: not law.

    ``summary`` says what we decided; ``reasoning`` why, naming the sources.

    >>> Interpretation("83 h per year", "2 h x 1659/40 = 82.95").label
    'Interpretation: 83 h per year (2 h x 1659/40 = 82.95)'
    """

    summary: str = attrs.field(validator=_nonempty)
    reasoning: str = attrs.field(validator=_nonempty)

    @property
    def label(self) -> str:
        return f"Interpretation: {self.summary} ({self.reasoning})"

    def to_dict(self) -> dict[str, str]:
        return {"summary": self.summary, "reasoning": self.reasoning}
