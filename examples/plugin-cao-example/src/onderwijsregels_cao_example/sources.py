"""The "sources" of the example edition: FICTIONAL EXAMPLE DATA, NOT LAW.

A real plugin cites the legal text it encodes (see the built-in
``onderwijsregels_cao_po_2019_2020.sources``). This example has no legal text:
every citation below says so in its source, quote and note, and carries
confidence INTERPRETATION so every result built on it is marked as the
weakest kind of fact.

>>> FICTIONAL_BUDGET.confidence.value
'interpretation'
>>> "NOT LAW" in (FICTIONAL_BUDGET.note or "")
True
"""

from __future__ import annotations

from onderwijsregels import Citation, Confidence, Interpretation

__all__ = ["FICTIONAL", "FICTIONAL_BUDGET", "FICTIONAL_EDITION", "FICTIONAL_LOOPTIJD"]

SOURCE = "FICTIEF VOORBEELD: CAO PO 2099 (bestaat niet)"
READ_AT = "onderwijsregels-cao-example, README.md (fictional example plugin, no legal source)"
WARNING = (
    "FICTIONAL EXAMPLE DATA, NOT LAW. This figure was made up to show how a third-party "
    "plugin works; no CAO PO contains it. Never use it for a real decision."
)

FICTIONAL_LOOPTIJD = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at=READ_AT,
    quote="Fictief voorbeeld: looptijd 1 januari 2099 t/m 31 december 2099.",
    confidence=Confidence.INTERPRETATION,
    note=WARNING,
)
"""The (made-up) looptijd of the example edition."""

FICTIONAL_BUDGET = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at=READ_AT,
    quote="Fictief voorbeeld: individueel professionaliseringsbudget van € 999 per jaar.",
    confidence=Confidence.INTERPRETATION,
    note=WARNING,
)
"""The (made-up) individual budget of teachers and OOP that the example overrides."""

FICTIONAL = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at=READ_AT,
    quote="Fictief voorbeeld: leesbudget van € 50 per jaar, naar rato van de werktijdfactor.",
    confidence=Confidence.INTERPRETATION,
    note=WARNING,
)
"""The (made-up) basis of the example's own rule, ``voorbeeld_leesbudget``."""

FICTIONAL_EDITION = Interpretation(
    summary="fictional example edition, not law",
    reasoning=(
        "CAO PO 2099 does not exist; this edition derives from CAO PO 2021 only to show how a "
        "third-party plugin works, and every figure it changes is made up"
    ),
)
"""Attached to every carried-over result, so they too are labelled as fiction."""
