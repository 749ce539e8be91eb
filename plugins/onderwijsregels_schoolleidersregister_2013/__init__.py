"""Schoolleidersregister PO from the registration duty (1 February 2013) until August 2022.

Family ``schoolleidersregister``. The AVS FAQ page dates the duty from 1 February 2013;
the register opened on 10 June 2013 (both encoded, the disagreement noted). Titles RDO, RADO and aspirant;
re-registration every four years; for six months after the date the status is
"onder voorwaarden", then "herregistratie verlopen". Every school leader had
to be registered by 1 January 2018.

>>> EDITION.family, EDITION.looptijd
('schoolleidersregister', '2013-02-01 to 2022-08-23')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from onderwijsregels import DatedValue, Edition, Parameter, hookimpl
from onderwijsregels_schoolleidersregister_2013 import sources
from onderwijsregels_schoolleidersregister_2013.rules import RULES

__all__ = ["EDITION", "onderwijsregels_editions"]

_DUTY = date(2013, 2, 1)
"""'sinds 1 februari 2013 verplicht' (AVS FAQ page); the register opened on 10 June 2013."""
_NOT_IN_SOURCES = "the contribution for this calendar year is not in our sources"

FEES = Parameter(
    "jaarlijkse_bijdrage",
    "Yearly contribution to the Schoolleidersregister PO",
    "EUR per kalenderjaar",
    (
        DatedValue(_DUTY, date(2018, 12, 31), None, None, missing=_NOT_IN_SOURCES),
        DatedValue(date(2019, 1, 1), date(2019, 12, 31), Decimal("195"), sources.FEE_2019),
        DatedValue(date(2020, 1, 1), date(2021, 12, 31), None, None, missing=_NOT_IN_SOURCES),
        DatedValue(date(2022, 1, 1), date(2022, 12, 31), Decimal("245"), sources.FEE_2022),
        DatedValue(date(2023, 1, 1), date(2023, 12, 31), None, None, missing=_NOT_IN_SOURCES),
        DatedValue(date(2024, 1, 1), date(2024, 12, 31), Decimal("270"), sources.FEE_2024),
        DatedValue(date(2025, 1, 1), None, None, None, missing=_NOT_IN_SOURCES),
    ),
)

PARAMETERS = (
    Parameter.single(
        "herregistratie_cyclus_jaren",
        "Years between re-registrations (old register)",
        "jaren",
        4,
        sources.OLD_CYCLE,
        start=_DUTY,
    ),
    Parameter.single(
        "onder_voorwaarden_maanden",
        "Months 'onder voorwaarden' after the date",
        "maanden",
        6,
        sources.OLD_GRACE,
        start=_DUTY,
    ),
    Parameter.single(
        "registratie_uiterlijk",
        "Date by which every school leader had to be registered",
        "datum",
        date(2018, 1, 1),
        sources.DEADLINE_2018,
        start=_DUTY,
    ),
    FEES,
)

EDITION = Edition(
    id="schoolleidersregister-2013",
    family="schoolleidersregister",
    title="Schoolleidersregister PO (2013-2022)",
    valid_from=_DUTY,
    valid_to=date(2022, 8, 23),
    citation=sources.DUTY_SINCE_2013,
    rules=RULES,
    parameters=PARAMETERS,
    notes=(
        "Titles RDO, RADO and aspirant; re-registration every four years on professionalisation "
        "themes (three of eight in 2018).",
    ),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide the Schoolleidersregister PO as run from 2013."""
    return (EDITION,)
