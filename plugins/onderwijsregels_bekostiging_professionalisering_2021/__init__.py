"""Regeling bijzondere bekostiging professionalisering en begeleiding starters en schoolleiders.

Regeling of 19 March 2021, nr. PO/27075429, Stcrt. 2021, 15566, for school
years 2021-2022 and 2022-2023: € 94.20 per pupil for 2021-2022. The
2022-2023 amount is not in our sources; asking for it raises
:class:`~onderwijsregels.NotEncodedError`. What followed from August 2023 is
in ``onderwijsregels_bekostiging_pbss_2023``. The Staatscourant dates the
regeling 19 March 2021; the AVS FAQ page says 31 March 2021: every result
shows both.

>>> EDITION.id, EDITION.looptijd
('bekostiging-professionalisering-2021', '2021-08-01 to 2023-07-31')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from onderwijsregels_prestatiebox_2019_2020.rules import RULES

from onderwijsregels import Citation, DatedValue, Edition, Parameter, hookimpl

__all__ = ["EDITION", "onderwijsregels_editions"]

SOURCE = (
    "Regeling bijzondere bekostiging professionalisering en begeleiding starters en schoolleiders"
)

REGELING = Citation(
    source=SOURCE,
    article="2",
    lid=None,
    read_at="staatscourant-bijzondere-bekostiging-2021",
    quote=(
        "Voor de schooljaren 2021–2022 en 2022–2023 verstrekt de minister per schooljaar aan het "
        "bevoegd gezag van een school bijzondere bekostiging"
    ),
    note=(
        "Regeling of 19 March 2021, nr. PO/27075429, Stcrt. 2021, 15566. The AVS FAQ page "
        "dates it 31 March 2021, which may be the publication date. Legal basis: WPO art. 123 "
        "lid 1 and WEC art. 120 lid 1. The board decides on the use of the money jointly with "
        "the staff section of the MR (DUO)."
    ),
    article_confirmed=True,
)

BEDRAG_2021_2022 = Citation(
    source="Regeling bekostiging personeel PO 2021-2022",
    article="40",
    lid=None,
    read_at="duo-bijzondere-bekostiging-professionalisering",
    quote="Het bedrag voor schooljaar 2021-2022 is per leerling € 94,20.",
    note="The same for bo, sbo and (v)so. The AVS FAQ page gives the same amount.",
    article_confirmed=True,
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
                    "shows only 2021-2022), so it is not guessed"
                ),
            ),
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
