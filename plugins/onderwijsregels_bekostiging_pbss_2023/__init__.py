"""PBSS after the regeling of 2021: extended in 2023, continued in 2024, halved for schools from 2025.

Family ``bekostiging-professionalisering``. The bijzondere bekostiging
professionalisering en begeleiding starters en schoolleiders (PBSS) was *not*
merged into the lumpsum in 2023. Its regeling lapsed on 1 August 2023 and was
extended by five months; the stream continued in 2024; from 2025 half of it
went to the onderwijsregio's and half still to schools. Three editions encode
that timeline with their quotes:

- ``bekostiging-professionalisering-2023``: 1 August to 31 December 2023 (the extension);
- ``bekostiging-professionalisering-2024``: calendar year 2024 (continued);
- ``bekostiging-professionalisering-2025``: from 1 January 2025 (50 % to the onderwijsregio's).

The amounts per pupil after school year 2021-2022 are not in our sources:
"ca. € 100 per leerling" (and "ca. € 42" for the five months) are
approximations, not encodable amounts, so asking for an amount raises
:class:`~onderwijsregels.NotEncodedError` with this context.

>>> [edition.id for edition in EDITIONS]
['bekostiging-professionalisering-2023', 'bekostiging-professionalisering-2024', 'bekostiging-professionalisering-2025']
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onderwijsregels_bekostiging_professionalisering_2021 import EDITION as REGELING_2021

from onderwijsregels import Citation, Edition, hookimpl

__all__ = ["EDITIONS", "onderwijsregels_editions"]

SOURCE = "Bijzondere bekostiging professionalisering en begeleiding starters en schoolleiders"

VERLENGD = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at="poraad-nieuws-pbss-verlengd",
    quote=("Dit komt neer op een bedrag van ca. €42 per leerling (5/12 * ca. €100 per leerling)."),
    note=(
        "The regeling lapsed on 1 August 2023 and was extended by five months. The same page: "
        "'Het budget dat jaarlijks was gemoeid met de PBSS (ca. €100 per leerling) blijft vanaf "
        "2024 structureel beschikbaar.'"
    ),
)

GECONTINUEERD = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at="poraad-nieuws-pbss-gecontinueerd-2024",
    quote="Uit de begroting blijkt dat voor 2024 de bekostiging wordt gecontinueerd.",
)

ONDERWIJSREGIOS = Citation(
    source=SOURCE,
    article=None,
    lid=None,
    read_at="infinite-pbss-onderwijsregios",
    quote="50% van de PBSS-middelen … overgeheveld naar de middelen voor de onderwijsregio's",
    note="The other 50 % still goes to schools.",
)

_APPROXIMATE = (
    "'ca. € 100 per leerling' a year (PO-Raad) is an approximation, not an amount that can be "
    "encoded"
)

_MISSING_2023 = (
    "the regeling lapsed on 1 August 2023 and was extended by five months (to 31 December "
    "2023); the PO-Raad gives 'ca. €42 per leerling (5/12 * ca. €100 per leerling)' for those "
    "months, an approximation, not the exact amount per pupil, which is not in our sources"
)
_MISSING_2024 = (
    "the PBSS funding was continued for 2024 ('voor 2024 de bekostiging wordt gecontinueerd', "
    "PO-Raad) and not merged into the lumpsum; the exact amount per pupil is not in our "
    "sources: " + _APPROXIMATE
)
_MISSING_2025 = (
    "from 2025 half of the PBSS money went to the onderwijsregio's and half still to schools "
    "('50% van de PBSS-middelen … overgeheveld naar de middelen voor de onderwijsregio's', "
    "Infinite BV, grade B); the amount per pupil for schools is not in our sources: " + _APPROXIMATE
)


EXTENSION_2023 = REGELING_2021.derive(
    id="bekostiging-professionalisering-2023",
    title="PBSS verlengd (augustus tot en met december 2023)",
    valid_from=date(2023, 8, 1),
    valid_to=date(2023, 12, 31),
    citation=VERLENGD,
    parameters=(
        REGELING_2021.parameter("bedrag_per_leerling").changed(
            date(2023, 8, 1), None, VERLENGD, missing=_MISSING_2023
        ),
    ),
    notes=(
        "The regeling of 2021 lapsed on 1 August 2023 and was extended by five months.",
        "Not merged into the lumpsum in 2023: the stream stayed a separate bijzondere "
        "bekostiging (PO-Raad; Verus on the regeling bekostiging 2024).",
    ),
)

CONTINUED_2024 = EXTENSION_2023.derive(
    id="bekostiging-professionalisering-2024",
    title="PBSS gecontinueerd (2024)",
    valid_from=date(2024, 1, 1),
    valid_to=date(2024, 12, 31),
    citation=GECONTINUEERD,
    parameters=(
        EXTENSION_2023.parameter("bedrag_per_leerling").changed(
            date(2024, 1, 1), None, GECONTINUEERD, missing=_MISSING_2024
        ),
    ),
    notes=("The PBSS funding was continued for 2024.",),
)

HALVED_2025 = CONTINUED_2024.derive(
    id="bekostiging-professionalisering-2025",
    title="PBSS vanaf 2025 (de helft naar de onderwijsregio's)",
    valid_from=date(2025, 1, 1),
    valid_to=None,
    citation=ONDERWIJSREGIOS,
    parameters=(
        CONTINUED_2024.parameter("bedrag_per_leerling").changed(
            date(2025, 1, 1), None, ONDERWIJSREGIOS, missing=_MISSING_2025
        ),
    ),
    notes=("From 2025 half of the PBSS money went to the onderwijsregio's, half to schools.",),
)

EDITIONS = (EXTENSION_2023, CONTINUED_2024, HALVED_2025)
"""The timeline after the regeling of 2021, oldest first."""


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide the PBSS editions from August 2023."""
    return EDITIONS
