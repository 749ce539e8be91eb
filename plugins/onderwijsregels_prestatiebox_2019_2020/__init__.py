"""Prestatiebox PO, school year 2019-2020: the predecessor of the bijzondere bekostiging.

Family ``bekostiging-professionalisering``. The Regeling prestatiebox primair
onderwijs 2015-2020 covered school years 2015-2016 to 2019-2020; only the
2019-2020 amount is in our sources. From 2021-2022 a per-pupil amount for
professionalisation and guidance of starters and school leaders replaced it.

>>> EDITION.family, EDITION.starts.isoformat()
('bekostiging-professionalisering', '2019-08-01')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from onderwijsregels import Citation, DatedValue, Edition, Parameter, hookimpl
from onderwijsregels_prestatiebox_2019_2020.rules import RULES

__all__ = ["EDITION", "onderwijsregels_editions"]

REGELING = Citation(
    source="Regeling prestatiebox primair onderwijs 2015–2020",
    article="2",
    lid=None,
    read_at="staatscourant-prestatiebox-2015",
    quote="Voor de schooljaren 2015–2016 tot en met 2019–2020 verstrekt de minister",
    note="Regeling of 2 April 2015; only school year 2019-2020 is encoded here.",
    article_confirmed=True,
)

BEDRAG_2019_2020 = Citation(
    source="Regeling bekostiging personeel PO 2019-2020",
    article="41",
    lid=None,
    read_at="duo-prestatiebox",
    quote="Het bedrag voor schooljaar 2019-2020 is per leerling 196,47 Euro.",
    note="Paid 45.4% in November and 54.6% in March (DUO).",
    article_confirmed=True,
)

PARAMETERS = (
    Parameter(
        "bedrag_per_leerling",
        "Prestatiebox amount per pupil",
        "EUR per leerling",
        (
            DatedValue(date(2019, 8, 1), date(2020, 7, 31), Decimal("196.47"), BEDRAG_2019_2020),
            DatedValue(
                date(2020, 8, 1),
                date(2021, 7, 31),
                None,
                None,
                missing=(
                    "no Prestatiebox amount for school year 2020-2021 is in our sources; "
                    "from 2021-2022 the bijzondere bekostiging "
                    "professionalisering replaced it"
                ),
            ),
        ),
    ),
)

EDITION = Edition(
    id="prestatiebox-2019-2020",
    family="bekostiging-professionalisering",
    title="Prestatiebox PO 2019-2020",
    valid_from=date(2019, 8, 1),
    valid_to=date(2020, 7, 31),
    citation=REGELING,
    rules=RULES,
    parameters=PARAMETERS,
    notes=(
        "Predecessor edition: from school year 2021-2022 a per-pupil amount for professionalisation "
        "and guidance of starting teachers and school leaders replaced the prestatiebox amount "
        "(DUO).",
    ),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide the Prestatiebox 2019-2020 edition."""
    return (EDITION,)
