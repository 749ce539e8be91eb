"""CAO PO 2025-2027 (1 November 2025 to 28 February 2027): provisional.

A negotiated agreement (onderhandelaarsakkoord of 5 November 2025) whose
ratification our sources do not confirm, so the edition is marked
*provisional* and every result says so. No professionalisation change was
found; the amounts and hours stay not encoded, as in CAO PO 2024-2025.

>>> EDITION.provisional
True
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onderwijsregels_cao_po_2024_2025 import EDITION as CAO_PO_2024_2025

from onderwijsregels import Citation, Confidence, Edition, Interpretation, hookimpl

__all__ = ["EDITION", "onderwijsregels_editions"]

LOOPTIJD = Citation(
    source="CAO PO 2025-2027 (onderhandelaarsakkoord)",
    article=None,
    lid=None,
    read_at=(
        "https://www.cnv.nl/onderwijs/primair-onderwijs/cao-primair-onderwijs/nieuws/"
        "cao-resultaat-primair-onderwijs-lonen-gaan-in-16-maanden-omhoog-met-58-2025-11-06"
    ),
    quote="De nieuwe cao PO heeft een looptijd van 1 november 2025 tot 1 maart 2027",
    confidence=Confidence.CONFIRMED,
    note=(
        "Ratification is not confirmed. RMU (C): 'De cao krijgt een looptijd van 1 november 2025 "
        "tot en met 28 februari 2027.' Pay +4.6% on 1 November 2025 and +1.2% on 1 November 2026."
    ),
)

NO_CHANGE = Interpretation(
    summary="the 2025-2027 agreement changes nothing in professionalisation",
    reasoning=(
        "the summaries found (CNV, RMU) mention pay, scale 10 and the oktobertoelage but no "
        "professionalisation change (facts.md part 1, section 8; part 2, section 1)"
    ),
)

EDITION = CAO_PO_2024_2025.derive(
    id="cao-po-2025-2027",
    title="CAO PO 2025-2027",
    valid_from=date(2025, 11, 1),
    valid_to=date(2027, 2, 28),
    citation=LOOPTIJD,
    provisional=True,
    interpretation=NO_CHANGE,
    notes=(
        "Provisional: ratification of the onderhandelaarsakkoord of 5 November 2025 is not "
        "confirmed.",
        "No professionalisation change found.",
    ),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide CAO PO 2025-2027 (provisional)."""
    return (EDITION,)
