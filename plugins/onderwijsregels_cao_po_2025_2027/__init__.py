"""CAO PO 2025-2027 (1 November 2025 to 28 February 2027): provisional.

A negotiated agreement (onderhandelaarsakkoord of 5 November 2025) whose
ratification our sources do not confirm, so the edition is marked
*provisional* and every result says so. The summaries found do not mention
professionalisation, so the PDI values of CAO PO 2024-2025 (€ 525 and 123
hours a year at full time) are carried over as a labelled interpretation:
results for 2026 have confidence *interpretation* and say that an indexation
for 2026 is unknown. What 2024-2025 did not give stays not encoded.

>>> EDITION.provisional
True
>>> EDITION.parameter("individueel_budget_op_oop").at(date(2026, 1, 1)).value
Decimal('525')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from onderwijsregels_cao_po_2024_2025 import EDITION as CAO_PO_2024_2025
from onderwijsregels_cao_po_2024_2025 import INDEXATION_UNKNOWN, PDI_BUDGET

from onderwijsregels import Citation, Confidence, Edition, Interpretation, hookimpl

__all__ = ["EDITION", "onderwijsregels_editions"]

LOOPTIJD = Citation(
    source="CAO PO 2025-2027 (onderhandelaarsakkoord)",
    article=None,
    lid=None,
    read_at="cnv-cao-resultaat-po-2025",
    quote="De nieuwe cao PO heeft een looptijd van 1 november 2025 tot 1 maart 2027",
    note=(
        "Ratification is not confirmed: 'Pas als de leden hebben ingestemd worden de gemaakte "
        "afspraken definitief.' (RMU kennisbank, 27 November 2025, which gives the looptijd as "
        "'1 november 2025 tot en met 28 februari 2027'). Pay +4.6% on 1 November 2025 and +1.2% "
        "on 1 November 2026."
    ),
)

NO_CHANGE = Interpretation(
    summary="the 2025-2027 agreement changes nothing in professionalisation",
    reasoning=(
        "the summaries found (CNV, RMU) mention pay, scale 10 and the oktobertoelage but no "
        "professionalisation or PDI change; absence from a summary is no proof, so every value "
        "carried over from CAO PO 2024-2025 is our reading"
    ),
)

PDI_CARRIED = Interpretation(
    summary="the PDI budget of CAO PO 2024-2025 (€ 525 and 123 hours) carries over into 2025-2027",
    reasoning=(
        "no source describes a PDI change in the 2025-2027 agreement, and whether the 4.9% "
        "indexation 'de komende vijf jaar' raises the amount again for 2026 is unknown, so the "
        "2024-2025 figures are used as they are. " + INDEXATION_UNKNOWN
    ),
)

PDI_CARRIED_CITATION = Citation(
    source="CAO PO 2024-2025 (carried over into CAO PO 2025-2027)",
    article=None,
    lid=None,
    read_at=PDI_BUDGET.read_at,
    quote=PDI_BUDGET.quote,
    confidence=Confidence.INTERPRETATION,
    note="The 2024-2025 figure, carried over as our reading; an indexation for 2026 is unknown.",
)

_FROM = date(2025, 11, 1)

EDITION = CAO_PO_2024_2025.derive(
    id="cao-po-2025-2027",
    title="CAO PO 2025-2027",
    valid_from=_FROM,
    valid_to=date(2027, 2, 28),
    citation=LOOPTIJD,
    provisional=True,
    parameters=(
        CAO_PO_2024_2025.parameter("individueel_budget_op_oop").changed(
            _FROM, Decimal("525"), PDI_CARRIED_CITATION, interpretation=PDI_CARRIED
        ),
        CAO_PO_2024_2025.parameter("pdi_uren_voltijd").changed(
            _FROM, Decimal("123"), PDI_CARRIED_CITATION, interpretation=PDI_CARRIED
        ),
    ),
    interpretation=NO_CHANGE,
    notes=(
        "Provisional: ratification of the onderhandelaarsakkoord of 5 November 2025 is not "
        "confirmed.",
        "No professionalisation change found; the PDI values of 2024-2025 are carried over as "
        "an interpretation (an indexation for 2026 is unknown).",
    ),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide CAO PO 2025-2027 (provisional)."""
    return (EDITION,)
