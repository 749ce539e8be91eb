"""Schoolleidersregister PO, the register renewed in August 2022.

One title RDO with a predicate (in opleiding, niveau 1, niveau 2, master);
registration for five years from the decision (Registerreglement art. 7 lid 1);
re-registration with at least 100 points per five years, the points setting
the next date (60-79: 3 years ... 140 or more: 7 years). Registrations decided
before the renewal keep their four-yearly cycle.

>>> EDITION.derives_from
'schoolleidersregister-2013'
"""

from __future__ import annotations

from collections.abc import Sequence

from onderwijsregels_schoolleidersregister_2013 import EDITION as OLD_REGISTER
from onderwijsregels_schoolleidersregister_2013 import sources
from onderwijsregels_schoolleidersregister_2013.rules import POINTS_READING, RENEWAL, points_band

from onderwijsregels import (
    Citation,
    Computation,
    Edition,
    Employee,
    Interpretation,
    NotApplicable,
    Parameter,
    RuleContext,
    Step,
    Unit,
    hookimpl,
    rule,
)
from onderwijsregels.registration import Register, Route

__all__ = [
    "EDITION",
    "basisregistratie_routes",
    "herregistratie_alles_aantoonbaar_telt",
    "onderwijsregels_editions",
    "schoolleidersregister_punten_nodig",
]

_FROM = RENEWAL

START_DAY = Interpretation(
    summary="the renewed register governs from 24 August 2022",
    reasoning=(
        "the sources date the new register to August 2022 without a day; 24 August 2022 is the "
        "date of the register's announcement 'Een nieuw register'"
    ),
)


@rule(
    "schoolleidersregister_punten_nodig",
    title="Punten nog nodig voor herregistratie (100 per vijf jaar)",
    subject=Employee,
    unit=Unit.PUNTEN,
    citations=(sources.POINTS,),
    parameters=("punten_norm",),
    reads=("registration",),
)
def schoolleidersregister_punten_nodig(ctx: RuleContext) -> Computation | NotApplicable:
    """Points still needed for the norm of 100 points per five years.

    "Iedere vijf jaar haalt u minimaal 100 punten. Het aantal punten bepaalt de nieuwe
    herregistratiedatum"
    """
    registration = ctx.employee.registration
    if registration is None or registration.register is not Register.SCHOOLLEIDERSREGISTER_PO:
        return NotApplicable("the employee has no registration in the Schoolleidersregister PO")
    if registration.decision_date is None or registration.decision_date > ctx.day:
        return NotApplicable(
            f"no registration in the Schoolleidersregister PO decided on or before "
            f"{ctx.day.isoformat()}"
        )
    if registration.decision_date < ctx.edition.starts:
        return NotApplicable(
            "registered before the register was renewed: re-registration there went by "
            "professionalisation themes, not points"
        )
    if registration.points is None:
        return NotApplicable("the points earned since the last (re)registration are not given")
    norm = ctx.param("punten_norm")
    earned = registration.points
    needed = max(0, norm.whole - earned)
    band = points_band(earned)
    steps = [
        norm.step(
            f"Norm: at least {norm.whole} points per five years; earned {earned}, "
            f"still needed {needed}"
        ),
        Step(
            f"With {earned} points a re-registration would set the next date {band} years "
            "after it (points table)"
            if band is not None
            else f"{earned} points are fewer than the table's lowest band (60)",
            sources.POINTS,
            POINTS_READING,
        ),
    ]
    return Computation(needed, steps, sources.POINTS)


ALLES_AANTOONBAAR = Citation(
    source="Schoolleidersregister PO (as described by the AVS)",
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Alles wat aantoonbaar heeft bijgedragen aan uw ontwikkeling kunt u meenemen voor uw "
        "herregistratie."
    ),
    note="Stated in the page's paragraph on re-registration every five years (the renewed register).",
)

ROUTES = Citation(
    source="Schoolleidersregister PO (as described by the AVS)",
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Met een basisregistratie toont u aan dat u beschikt over de basiskwalificaties uit de "
        "beroepsstandaard. Dat kan op een van de volgende manieren:"
    ),
    note=(
        "The list that follows: 'met een afgeronde geaccrediteerde schoolleidersopleiding', 'met "
        "een relevante masteropleiding', 'met een positief doorlopen geaccrediteerd "
        "toetsingsassessment', 'met een positief doorlopen EVC-procedure', 'met individuele "
        "diplomawaardering'. The page's paragraph on objection speaks of 'de vier mogelijkheden'; "
        "our other sources confirm the IDW route only before 2018."
    ),
)

BEWIJSSTUK = Citation(
    source="Schoolleidersregister PO (as described by the AVS)",
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote="U moet hier wel een bewijsstuk (diploma of certificaat) aan toevoegen.",
)

_NOT_DIRECTIE = "the Schoolleidersregister PO concerns directors and adjunct-directors"


@rule(
    "herregistratie_alles_aantoonbaar_telt",
    title="Alles wat aantoonbaar aan de ontwikkeling bijdroeg telt voor herregistratie",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(ALLES_AANTOONBAAR,),
    reads=("function",),
)
def herregistratie_alles_aantoonbaar_telt(ctx: RuleContext) -> Computation | NotApplicable:
    """Whatever demonstrably contributed to the school leader's development counts.

    "Alles wat aantoonbaar heeft bijgedragen aan uw ontwikkeling kunt u meenemen voor
    uw herregistratie."
    """
    if not ctx.employee.function.is_directie:
        return NotApplicable(_NOT_DIRECTIE)
    return Computation(
        True,
        [
            Step(
                "Everything that demonstrably contributed to the school leader's development may "
                "be brought in for re-registration (every five years)",
                ALLES_AANTOONBAAR,
            )
        ],
        ALLES_AANTOONBAAR,
        notes=["The points still needed are the rule schoolleidersregister_punten_nodig."],
    )


@rule(
    "basisregistratie_routes",
    title="Routes naar de basisregistratie (met bewijsstuk)",
    subject=Employee,
    unit=Unit.TEKST,
    citations=(ROUTES, BEWIJSSTUK),
    reads=("function", "registration"),
)
def basisregistratie_routes(ctx: RuleContext) -> Computation | NotApplicable:
    """The ways to the basic registration, each proved by a diploma or certificate.

    "Met een basisregistratie toont u aan dat u beschikt over de basiskwalificaties uit
    de beroepsstandaard. Dat kan op een van de volgende manieren"; "U moet hier wel een
    bewijsstuk (diploma of certificaat) aan toevoegen."
    """
    if not ctx.employee.function.is_directie:
        return NotApplicable(_NOT_DIRECTIE)
    routes = tuple(item.value for item in Route)
    steps = [
        Step(
            "The basic registration shows the basic qualifications of the beroepsstandaard; it "
            f"is obtained by one of: {', '.join(routes)}",
            ROUTES,
        ),
        Step("The application needs evidence: a diploma or certificate", BEWIJSSTUK),
    ]
    registration = ctx.employee.registration
    if (
        registration is not None
        and registration.register is Register.SCHOOLLEIDERSREGISTER_PO
        and registration.route is not None
    ):
        steps.append(Step(f"This registration was obtained by route {registration.route.value}"))
    return Computation(
        routes,
        steps,
        ROUTES,
        notes=[
            "The page lists five routes but elsewhere speaks of 'de vier mogelijkheden'; "
            "our other sources confirm the IDW route only before 2018."
        ],
    )


EDITION = OLD_REGISTER.derive(
    id="schoolleidersregister-2022",
    title="Schoolleidersregister PO (from August 2022)",
    valid_from=_FROM,
    valid_to=None,
    citation=sources.NEW_REGISTER,
    rules=(
        schoolleidersregister_punten_nodig,
        herregistratie_alles_aantoonbaar_telt,
        basisregistratie_routes,
    ),
    parameters=(
        Parameter.single(
            "registratieperiode_jaren",
            "Registration period",
            "jaren",
            5,
            sources.PERIOD_FIVE_YEARS,
            start=_FROM,
        ),
        Parameter.single(
            "punten_norm", "Points per five years", "punten", 100, sources.POINTS, start=_FROM
        ),
    ),
    interpretation=START_DAY,
    notes=(
        "One title RDO with a predicate; the RADO title disappears.",
        "Registration for five years; re-registration by points.",
    ),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide the renewed Schoolleidersregister PO."""
    return (EDITION,)
