"""The "sources" of the example edition: FICTIONAL EXAMPLE DATA, NOT LAW.

A real plugin cites the legal text it encodes (see the built-in
``onderwijsregels_cao_po_2019_2020.sources``). This example has no legal text:
every citation below says so in its source, quote and note. A third-party
plugin registers its own public sources as :class:`onderwijsregels.Source`
objects; this one's source is graded D (the weakest grade), so every result
built on it has confidence *interpretation*, whatever a citation claims.

>>> FICTIONAL_BUDGET.confidence.value
'interpretation'
>>> "NOT LAW" in (FICTIONAL_BUDGET.note or "")
True
"""

from __future__ import annotations

from onderwijsregels import Citation, Grade, Interpretation, Source

__all__ = [
    "EXAMPLE_README",
    "FICTIONAL",
    "FICTIONAL_BUDGET",
    "FICTIONAL_EDITION",
    "FICTIONAL_LOOPTIJD",
]

SOURCE = "FICTIEF VOORBEELD: CAO PO 2099 (bestaat niet)"
EXAMPLE_README = Source(
    id="onderwijsregels-cao-example-readme",
    title="README of the example plugin (fictional, no legal source)",
    publisher="onderwijsregels-cao-example",
    grade=Grade.D,
    note="Made up to show how a third-party plugin works.",
)
"""Where the example's figures come from: nowhere real, so grade D."""
READ_AT = EXAMPLE_README
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
    note=WARNING,
)
"""The (made-up) looptijd of the example edition."""

FICTIONAL_BUDGET = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at=READ_AT,
    quote="Fictief voorbeeld: individueel professionaliseringsbudget van € 999 per jaar.",
    note=WARNING,
)
"""The (made-up) individual budget of teachers and OOP that the example overrides."""

FICTIONAL = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at=READ_AT,
    quote="Fictief voorbeeld: leesbudget van € 50 per jaar, naar rato van de werktijdfactor.",
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
