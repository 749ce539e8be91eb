"""Lerarenregister under the Wet beroep leraar (Stb. 2017, 85), from 1 August 2017.

Family ``lerarenregister``. Mandatory registration was halted in June 2018 and
the register provisions were abolished (planned from 1 August 2022; the final
date is not confirmed). School boards still deliver teachers' data to DUO
(AVS FAQ page).

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

AVS_PAGE = "AVS, Veelgestelde vragen professionalisering PO"

WET = Citation(
    source="Wet beroep leraar en lerarenregister (Stb. 2017, 85)",
    article=None,
    lid=None,
    read_at="staatsblad-wet-beroep-leraar-2017",
    quote="Met ingang van 1 augustus 2017 treden de volgende artikelen of onderdelen daarvan",
    note=(
        "Wet van 22 februari 2017 (NJB, C). Further parts (e.g. WPO art. 38k) entered into force "
        "on 1 August 2018 (Stb. 2018, 238)."
    ),
)

UITGESTELD = Citation(
    source="Wet beroep leraar en lerarenregister (Stb. 2017, 85)",
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "De verplichting tot het registreren in het Lerarenregister op grond van de Wet beroep "
        "leraar is op de lange baan geschoven."
    ),
    note="Letter of minister Slob of 13 June 2018.",
)

AFGESCHAFT = Citation(
    source="Initiatiefwet Bisschop en Kwint (afschaffing lerarenregister)",
    article=None,
    lid=None,
    read_at="vacatures-onderwijs-management-lerarenregister",
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
    read_at="avs-faq-professionalisering-po",
    quote=(
        "De schoolbesturen leveren de gegevens van de leraren bij DUO aan, die dit vervolgens voor "
        "de leraren klaar zet in het portfolio. Hierin komt geen verandering: de verplichting blijft."
    ),
    note="Whether this continued after the register's abolition is not in our sources.",
)

ABOLITION_PLANNED = date(2022, 8, 1)
"""The planned entry into force of the abolition (final date not confirmed)."""

DELIVERY_AFTER_ABOLITION = Interpretation(
    summary="school boards still deliver teachers' data to DUO after the register's abolition",
    reasoning=(
        "the AVS FAQ page states the duty while the register was postponed; the register "
        "provisions were abolished (planned from 1 August 2022) and no source says whether the "
        "delivery duty went with them, so we take it to continue"
    ),
)

PORTFOLIO = Citation(
    source="Wet beroep leraar en lerarenregister (Stb. 2017, 85)",
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "De portfoliomodule van het wettelijk register biedt een alternatieve wijze om aan de slag "
        "te kunnen met bekwaamheidsonderhoud."
    ),
    note=(
        "The same paragraph: 'Het portfoliogedeelte, zodra het opgeleverd wordt, kan al "
        "daadwerkelijk gebruikt worden door leraren die dat uit eigen beweging willen.' The page "
        "does not say when the portfolio was delivered."
    ),
)

PORTFOLIO_EIGENAAR = Citation(
    source="Wet beroep leraar en lerarenregister (Stb. 2017, 85)",
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Alleen de leraar is eigenaar van zijn portfolio. Hij mag geheel zelf bepalen welke vormen "
        "van professionele ontwikkeling hij passend acht voor zijn bekwaamheidsonderhoud."
    ),
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
    reads=("function",),
)
def lerarenregister_registratieplicht(ctx: RuleContext) -> Computation | NotApplicable:
    """Whether a teacher must register in the Lerarenregister: no (halted, then abolished)."""
    if ctx.employee.function is not Function.LERAAR:
        return NotApplicable("the Lerarenregister concerns teachers")
    steps = [
        Step("The Wet beroep leraar provided for a lerarenregister from 1 August 2017", WET),
        Step("Mandatory registration was halted in June 2018", UITGESTELD),
    ]
    if ctx.day >= ABOLITION_PLANNED:
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
    reads=("function",),
)
def lerarenregister_gegevens_aanleveren_door_bestuur(
    ctx: RuleContext,
) -> Computation | NotApplicable:
    """The school board still delivers teachers' data to DUO (AVS page)."""
    if ctx.employee.function is not Function.LERAAR:
        return NotApplicable("the data delivery concerns teachers")
    after = ctx.day >= ABOLITION_PLANNED
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
        interpretations=[DELIVERY_AFTER_ABOLITION] if after else [],
    )


@rule(
    "lerarenregister_portfolio_vrijwillig",
    title="Portfolio in het Lerarenregister: vrijwillig, en van de leraar zelf",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(PORTFOLIO, PORTFOLIO_EIGENAAR, AFGESCHAFT),
    reads=("function",),
)
def lerarenregister_portfolio_vrijwillig(ctx: RuleContext) -> Computation | NotApplicable:
    """A teacher may use the register's portfolio of their own accord; it is theirs alone.

    "Het portfoliogedeelte, zodra het opgeleverd wordt, kan al daadwerkelijk gebruikt
    worden door leraren die dat uit eigen beweging willen. De portfoliomodule van het
    wettelijk register biedt een alternatieve wijze om aan de slag te kunnen met
    bekwaamheidsonderhoud. Alleen de leraar is eigenaar van zijn portfolio."
    """
    if ctx.employee.function is not Function.LERAAR:
        return NotApplicable("the portfolio of the Lerarenregister concerns teachers")
    steps = [
        Step(
            "The portfolio is a voluntary, alternative way to keep up one's competence "
            "(bekwaamheidsonderhoud), used by teachers who want to of their own accord",
            PORTFOLIO,
        ),
        Step(
            "Only the teacher owns the portfolio and decides which forms of professional "
            "development suit their bekwaamheidsonderhoud",
            PORTFOLIO_EIGENAAR,
        ),
    ]
    notes: list[str] = []
    if ctx.day >= ABOLITION_PLANNED:
        steps.append(
            Step(
                "The register provisions were abolished (planned from 1 August 2022; "
                "final date unconfirmed)",
                AFGESCHAFT,
            )
        )
        notes.append(
            "Whether the portfolio stayed available after the abolition is not in our sources."
        )
    return Computation(True, steps, PORTFOLIO, notes=notes)


EDITION = Edition(
    id="lerarenregister-2017",
    family="lerarenregister",
    title="Lerarenregister (Wet beroep leraar)",
    valid_from=date(2017, 8, 1),
    valid_to=None,
    citation=WET,
    rules=(
        lerarenregister_registratieplicht,
        lerarenregister_gegevens_aanleveren_door_bestuur,
        lerarenregister_portfolio_vrijwillig,
    ),
    notes=(
        "Mandatory registration halted in 2018; the register was abolished (planned "
        "1 August 2022, final date unconfirmed).",
    ),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide the Lerarenregister edition."""
    return (EDITION,)
