"""Lerarenregister under the Wet beroep leraar (Stb. 2017, 85), from 1 August 2017.

Family ``lerarenregister``. Mandatory registration was halted in June 2018 and
the register provisions were abolished (planned from 1 August 2022; the final
date is not confirmed). School boards still deliver teachers' data to DUO
(AVS reference page).

>>> EDITION.family, EDITION.valid_from.isoformat()
('lerarenregister', '2017-08-01')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onderwijsregels import (
    Citation,
    Computation,
    Confidence,
    Edition,
    Employee,
    Function,
    Interpretation,
    NotApplicable,
    RuleContext,
    Step,
    Unit,
    hookimpl,
    rule,
)

__all__ = ["EDITION", "onderwijsregels_editions"]

AVS_PAGE = "AVS, Veelgestelde vragen professionalisering PO (the product owner's reference page)"

WET = Citation(
    source="Wet beroep leraar en lerarenregister (Stb. 2017, 85)",
    article=None,
    lid=None,
    read_at="https://zoek.officielebekendmakingen.nl/stb-2017-293.html",
    quote="Met ingang van 1 augustus 2017 treden de volgende artikelen of onderdelen daarvan",
    confidence=Confidence.CONFIRMED,
    note=(
        "Wet van 22 februari 2017 (NJB, C). Further parts (e.g. WPO art. 38k) entered into force "
        "on 1 August 2018 (Stb. 2018, 238)."
    ),
)

UITGESTELD = Citation(
    source="Wet beroep leraar en lerarenregister (Stb. 2017, 85)",
    article=None,
    lid=None,
    read_at=AVS_PAGE,
    quote=(
        "De verplichting tot het registreren in het Lerarenregister op grond van de Wet beroep "
        "leraar is op de lange baan geschoven."
    ),
    confidence=Confidence.CONFIRMED,
    note="Letter of minister Slob of 13 June 2018.",
)

AFGESCHAFT = Citation(
    source="Initiatiefwet Bisschop en Kwint (afschaffing lerarenregister)",
    article=None,
    lid=None,
    read_at="https://www.vacatures-onderwijs-management.nl/2022/02/24/lerarenregister-definitief-van-de-baan/",
    quote="zal het wetsvoorstel ... per 1 augustus 2022 in werking treden.",
    confidence=Confidence.SECONDARY,
    note=(
        "Adopted November 2021; removes the register provisions from the Wet beroep leraar. The "
        "final Staatsblad reference and date are not confirmed (see also "
        "https://zoek.officielebekendmakingen.nl/stb-2022-13.html)."
    ),
)

AANLEVEREN = Citation(
    source="Wet beroep leraar en lerarenregister (Stb. 2017, 85)",
    article=None,
    lid=None,
    read_at=AVS_PAGE,
    quote=(
        "De schoolbesturen leveren de gegevens van de leraren bij DUO aan, die dit vervolgens voor "
        "de leraren klaar zet in het portfolio. Hierin komt geen verandering: de verplichting blijft."
    ),
    confidence=Confidence.CONFIRMED,
    note="Whether this continued after the register's abolition is not in our sources.",
)

NO_DUTY_IN_FORCE = Interpretation(
    summary="no teacher had to be registered on any day this edition covers",
    reasoning=(
        "the law provided for a mandatory register, but mandatory registration was halted in June "
        "2018 before it applied and the register was later abolished; the sources give no day on "
        "which the duty applied"
    ),
)


@rule(
    "lerarenregister_registratieplicht",
    title="Registratieplicht Lerarenregister",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(WET, UITGESTELD, AFGESCHAFT),
    interpretation=NO_DUTY_IN_FORCE,
)
def lerarenregister_registratieplicht(ctx: RuleContext) -> Computation | NotApplicable:
    """Whether a teacher must register in the Lerarenregister: no (halted, then abolished)."""
    if ctx.employee.function is not Function.LERAAR:
        return NotApplicable("the Lerarenregister concerns teachers")
    steps = [
        Step("The Wet beroep leraar provided for a lerarenregister from 1 August 2017", WET),
        Step("Mandatory registration was halted in June 2018", UITGESTELD),
    ]
    if ctx.day >= date(2022, 8, 1):
        steps.append(
            Step(
                "The register provisions were abolished (planned from 1 August 2022; "
                "final date unconfirmed)",
                AFGESCHAFT,
            )
        )
    return Computation(False, steps, UITGESTELD)


@rule(
    "lerarenregister_gegevens_aanleveren_door_bestuur",
    title="Schoolbestuur levert gegevens van leraren aan DUO",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(AANLEVEREN,),
)
def lerarenregister_gegevens_aanleveren_door_bestuur(
    ctx: RuleContext,
) -> Computation | NotApplicable:
    """The school board still delivers teachers' data to DUO (AVS page)."""
    if ctx.employee.function is not Function.LERAAR:
        return NotApplicable("the data delivery concerns teachers")
    return Computation(
        True,
        [
            Step(
                "The school board delivers the teacher's data to DUO; the "
                "postponement does not change that",
                AANLEVEREN,
            )
        ],
        AANLEVEREN,
    )


EDITION = Edition(
    id="lerarenregister-2017",
    family="lerarenregister",
    title="Lerarenregister (Wet beroep leraar)",
    valid_from=date(2017, 8, 1),
    valid_to=None,
    citation=WET,
    rules=(lerarenregister_registratieplicht, lerarenregister_gegevens_aanleveren_door_bestuur),
    notes=(
        "Mandatory registration halted in 2018; the register was abolished (planned "
        "1 August 2022, final date unconfirmed).",
    ),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide the Lerarenregister edition."""
    return (EDITION,)
