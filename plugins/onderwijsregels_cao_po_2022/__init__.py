"""CAO PO 2022 (1 January to 31 May 2022), derived from CAO PO 2021.

No chapter-9 change was found. The € 100 top-up of art. 9.8 covered calendar
years 2020 and 2021 only, so a full-time teacher gets € 500.00 for 2022 and a
director € 3000.00.

>>> EDITION.derives_from
'cao-po-2021'
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onderwijsregels_cao_po_2021 import EDITION as CAO_PO_2021

from onderwijsregels import Citation, Confidence, Edition, Interpretation, hookimpl

__all__ = ["EDITION", "onderwijsregels_editions"]

LOOPTIJD = Citation(
    source="CAO PO 2022",
    article=None,
    lid=None,
    read_at="wittevogel-cao-akkoord-po-2022",
    quote="De nieuwe cao loopt van 1 januari tot en met 31 mei 2022.",
    confidence=Confidence.SECONDARY,
    note=(
        "A third-party source (C). The PO-Raad (A) confirms the signing on 20 May 2022: 'op 20 mei "
        "2022 het cao-akkoord voor primair onderwijs voor 2022 ondertekend' "
        "(https://www.poraad.nl/werkgeverschap/arbeidsvoorwaarden/cao-primair-onderwijs/"
        "cao-primair-onderwijs). Content: PO salary tables equal to VO; end-of-year payment 8.33%."
    ),
)

NO_CHAPTER_9_CHANGE = Interpretation(
    summary="CAO PO 2022 left chapter 9 unchanged, so the earlier rules carry over",
    reasoning=(
        "the sources describe pay-scale equalisation with VO and no change to professionalisation "
        "; the full 2022 text was not available"
    ),
)

EDITION = CAO_PO_2021.derive(
    id="cao-po-2022",
    title="CAO PO 2022",
    valid_from=date(2022, 1, 1),
    valid_to=date(2022, 5, 31),
    citation=LOOPTIJD,
    interpretation=NO_CHAPTER_9_CHANGE,
    notes=(
        "No chapter-9 change found; every rule is carried over from CAO PO 2021.",
        "The € 100 top-up (art. 9.8) ended with calendar year 2021.",
    ),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide CAO PO 2022."""
    return (EDITION,)
