"""CAO PO 2024-2025 (1 October 2024 to 31 October 2025), derived from CAO PO 2023-2024.

Chapters 8A (duurzame inzetbaarheid) and 9 (professionalisering) were merged
into one chapter and the professionalisation money is indexed by 4.9% "de
komende vijf jaar". The resulting amounts and hours are not confirmed by our
sources, so every amount and hours rule raises
:class:`~onderwijsregels.NotEncodedError` saying what is missing and what is
known; nothing is computed as a guess. Scales A10 and D11 were removed.

>>> sorted(EDITION.removed_scales)
['A10', 'D11']
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onderwijsregels_cao_po_2023_2024 import EDITION as CAO_PO_2023_2024

from onderwijsregels import Citation, Confidence, Edition, Interpretation, hookimpl

__all__ = ["EDITION", "MERGED_CHAPTER_UNKNOWN", "onderwijsregels_editions"]

_FROM = date(2024, 1, 1)
"""Gaps start on 1 January 2024, so no calendar year evaluated under this edition borrows an
older amount; calendar year 2024 evaluated on its first day still falls under 2023-2024."""

_AVS_BOOK = "https://shop.maakjeeigenonderwijsboek.nl/book/396395/cao-po-2024-2025/PB"

LOOPTIJD = Citation(
    source="CAO PO 2024-2025",
    article=None,
    lid=None,
    read_at="https://www.poraad.nl/arbeidszaken/cao-en-pensioen-arbeidsvoorwaarden/cao-primair-onderwijs",
    quote=(
        "Deze cao loopt van 1 oktober 2024 tot en met 31 oktober 2025 en omvat een generieke "
        "salarisverhoging van 4,9% per 1 oktober 2024"
    ),
    confidence=Confidence.CONFIRMED,
    note="Onderhandelaarsakkoord of 30 September 2024.",
)

SCHALEN = Citation(
    source="CAO PO 2024-2025",
    article=None,
    lid=None,
    read_at=_AVS_BOOK,
    quote="De schalen A10 en D11 zijn geschrapt uit het loongebouw.",
    confidence=Confidence.CONFIRMED,
    note=(
        "All (adjunct-)directors need a new function description and grading before 1 July 2025 "
        "(AVS)."
    ),
)

MERGED_CHAPTER_UNKNOWN = (
    "CAO PO 2024-2025 merged chapters 8A (duurzame inzetbaarheid) and 9 (professionalisering) "
    "into one chapter and indexes the professionalisation money by 4.9% 'de komende vijf jaar' "
    "(AVS, " + _AVS_BOOK + "); whether that is 4.9% once or yearly, the merged chapter's number, "
    "and the resulting amounts and hours are not confirmed by our sources. A weak source (D) "
    "suggests 550 euro and 123 hours per fte; that is not used"
)

CARRIED_OVER = Interpretation(
    summary="rules other than amounts and hours carry over into the merged chapter",
    reasoning=(
        "the text of the merged chapter was not available; the sources describe the merge and "
        "the indexation only, so saving terms, registration duty, assigned professionalisation "
        "and the POP are taken to be unchanged until a source says otherwise"
    ),
)

_AMOUNTS_AND_HOURS = (
    "individueel_budget_op_oop",
    "verhoging_op_oop",
    "individueel_budget_directie",
    "verhoging_directie",
    "uren_per_werkweek_op_oop",
    "uren_per_jaar_voltijd",
    "di_basisbudget_uren",
    "di_startende_leraar_uren",
    "di_oudere_werknemer_uren",
    "di_maximale_opname_oudere_werknemer",
)

EDITION = CAO_PO_2023_2024.derive(
    id="cao-po-2024-2025",
    title="CAO PO 2024-2025",
    valid_from=date(2024, 10, 1),
    valid_to=date(2025, 10, 31),
    citation=LOOPTIJD,
    parameters=tuple(
        CAO_PO_2023_2024.parameter(name).changed(_FROM, None, None, missing=MERGED_CHAPTER_UNKNOWN)
        for name in _AMOUNTS_AND_HOURS
    ),
    interpretation=CARRIED_OVER,
    removed_scales=("A10", "D11"),
    removed_scales_citation=SCHALEN,
    notes=(
        "Chapters 8A and 9 merged into one chapter; professionalisation money indexed by 4.9%.",
        "Amounts and hours are not encoded: our sources do not confirm them.",
        "Scales A10 and D11 were removed from the salary structure.",
    ),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide CAO PO 2024-2025."""
    return (EDITION,)
