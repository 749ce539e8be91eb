"""CAO PO 2021 (1 January to 31 December 2021), derived from CAO PO 2019-2020.

Our sources found no change to chapter 9 in this CAO: every rule is carried
over unchanged, and results label that as an interpretation. The € 100 top-up
of art. 9.8 covers calendar year 2021 by its own terms.

>>> EDITION.derives_from, sorted(EDITION.carried_over) == sorted(EDITION.rule_ids)
('cao-po-2019-2020', True)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onderwijsregels_cao_po_2019_2020 import EDITION as CAO_PO_2019_2020

from onderwijsregels import Citation, Edition, Interpretation, hookimpl

__all__ = ["EDITION", "onderwijsregels_editions"]

LOOPTIJD = Citation(
    source="CAO PO 2021",
    article=None,
    lid=None,
    read_at="nvop-onderhandelaarsakkoord-cao-po-2021",
    quote="de looptijd van de cao is van 1 januari 2021 t/m 31 december 2021.",
    note="Signed on 2 November 2021 (onderhandelaarsakkoord 11 October 2021).",
)

NO_CHAPTER_9_CHANGE = Interpretation(
    summary="CAO PO 2021 left chapter 9 unchanged, so the 2019-2020 rules carry over",
    reasoning=(
        "the sources list only a 2.25% pay rise and a one-off end-of-year payment of 6.5% for "
        "this CAO (NVOP) and no source describes a change to "
        "professionalisation; the full 2021 text was not available"
    ),
)

EDITION = CAO_PO_2019_2020.derive(
    id="cao-po-2021",
    title="CAO PO 2021",
    valid_from=date(2021, 1, 1),
    valid_to=date(2021, 12, 31),
    citation=LOOPTIJD,
    interpretation=NO_CHAPTER_9_CHANGE,
    notes=("No chapter-9 change found; every rule is carried over from CAO PO 2019-2020.",),
)
"""The edition: CAO PO 2019-2020's rules and values, carried over."""


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide CAO PO 2021."""
    return (EDITION,)
