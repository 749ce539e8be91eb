"""Regeling bijzondere bekostiging professionalisering en begeleiding starters en schoolleiders.

Regeling of 19 March 2021, nr. PO/27075429, Stcrt. 2021, 15566, for school
years 2021-2022 and 2022-2023: € 94.20 per pupil for 2021-2022. The
2022-2023 amount is not in our sources; asking for it raises
:class:`~onderwijsregels.NotEncodedError`, as does any later school year.

>>> EDITION.id, EDITION.looptijd
('bekostiging-professionalisering-2021', '2021-08-01 to 2023-07-31')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from onderwijsregels_prestatiebox_2019_2020.rules import RULES

from onderwijsregels import Citation, Confidence, DatedValue, Edition, Parameter, hookimpl

__all__ = ["EDITION", "onderwijsregels_editions"]

SOURCE = (
    "Regeling bijzondere bekostiging professionalisering en begeleiding starters en schoolleiders"
)

REGELING = Citation(
    source=SOURCE,
    article="2",
    lid=None,
    read_at="https://zoek.officielebekendmakingen.nl/stcrt-2021-15566.html",
    quote=(
        "Voor de schooljaren 2021–2022 en 2022–2023 verstrekt de minister per schooljaar aan het "
        "bevoegd gezag van een school bijzondere bekostiging"
    ),
    confidence=Confidence.CONFIRMED,
    note=(
        "Regeling of 19 March 2021, nr. PO/27075429, Stcrt. 2021, 15566. The AVS reference page "
        "dates it 31 March 2021, which may be the publication date. Legal basis: WPO art. 123 "
        "lid 1 and WEC art. 120 lid 1. The board decides on the use of the money jointly with "
        "the staff section of the MR (DUO)."
    ),
)

BEDRAG_2021_2022 = Citation(
    source="Regeling bekostiging personeel PO 2021-2022",
    article="40",
    lid=None,
    read_at=(
        "https://www.duo.nl/zakelijk/primair-onderwijs/bekostiging-en-subsidies/"
        "bijzondere-bekostiging/professionalisering-en-begeleiding-starters-en-schoolleiders.jsp"
    ),
    quote="Het bedrag voor schooljaar 2021-2022 is per leerling € 94,20.",
    confidence=Confidence.CONFIRMED,
    note="The same for bo, sbo and (v)so. The AVS reference page gives the same amount.",
)

_AFTER_2023 = (
    "the regeling covers school years 2021-2022 and 2022-2023 only. From 1 January 2023 PO "
    "funding was simplified into one base amount per pupil and per school (tweedekamer.nl, "
    "wetsvoorstel 35605); whether this stream continued is not confirmed by our sources"
)

PARAMETERS = (
    Parameter(
        "bedrag_per_leerling",
        "Bijzondere bekostiging professionalisering, amount per pupil",
        "EUR per leerling",
        (
            DatedValue(date(2021, 8, 1), date(2022, 7, 31), Decimal("94.20"), BEDRAG_2021_2022),
            DatedValue(
                date(2022, 8, 1),
                date(2023, 7, 31),
                None,
                None,
                missing=(
                    "the amount per pupil for school year 2022-2023 is not in our sources (DUO "
                    "shows only 2021-2022; facts.md, open question 9), so it is not guessed"
                ),
            ),
            DatedValue(date(2023, 8, 1), None, None, None, missing=_AFTER_2023),
        ),
    ),
)

EDITION = Edition(
    id="bekostiging-professionalisering-2021",
    family="bekostiging-professionalisering",
    title="Regeling bijzondere bekostiging professionalisering 2021",
    valid_from=date(2021, 8, 1),
    valid_to=date(2023, 7, 31),
    citation=REGELING,
    rules=RULES,
    parameters=PARAMETERS,
    notes=("Replaces the prestatiebox amount per pupil from school year 2021-2022 (DUO).",),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide the 2021 regeling."""
    return (EDITION,)
