"""Rules of the Schoolleidersregister PO, shared by both regimes.

The regime of a registration is that of the register edition in force on its
decision date: registrations decided before the new register (August 2022)
keep the four-yearly cycle; later ones follow the five-year period and the
points table. Statuses: ``geregistreerd``, ``onder voorwaarden`` (six months
after the date), ``herregistratie verlopen``, ``niet geregistreerd`` and
``niet vereist``.
"""

from __future__ import annotations

from datetime import date

import attrs
from onderwijsregels_cao_po_2019_2020 import sources as cao

from onderwijsregels import (
    Citation,
    Computation,
    Employee,
    Interpretation,
    NotApplicable,
    RuleContext,
    Step,
    Unit,
    rule,
)
from onderwijsregels.amounts import band
from onderwijsregels.money import format_eur_exact
from onderwijsregels.periods import add_months, add_years
from onderwijsregels.registration import OldTitle, Register, Registration
from onderwijsregels_schoolleidersregister_2013 import sources

__all__ = ["RULES", "Cycle", "add_months", "add_years", "cycle", "points_band"]

GEREGISTREERD = "geregistreerd"
ONDER_VOORWAARDEN = "onder voorwaarden"
VERLOPEN = "herregistratie verlopen"
NIET_GEREGISTREERD = "niet geregistreerd"
NIET_VEREIST = "niet vereist"

DATE_ARITHMETIC = Interpretation(
    summary="a period of years or months ends on the same day of the month; 29 February and "
    "days past a month's end move to the month's last day",
    reasoning="the sources give periods in years and months without a day-count rule",
)
NEW_REGIME_GRACE = Interpretation(
    summary="the six months 'onder voorwaarden' also apply in the register renewed in August 2022",
    reasoning=(
        "the renewed Registerreglement has a part 'Registratie onder voorwaarden' (art. 7 A) whose "
        "content is not in our sources; we keep the six months the "
        "register used before"
    ),
)
POINTS_READING = Interpretation(
    summary="the points with which a re-registration is granted set how many years after it the "
    "next re-registration is due",
    reasoning=(
        "the register says 'Het aantal punten bepaalt de nieuwe herregistratiedatum' and gives "
        "3 to 7 years for 60 to 140 or more points, counted from the last (re)registration date; "
        "a first registration runs five years (Registerreglement art. 7 lid 1)"
    ),
)

CYCLE_FROM_DECISION = Interpretation(
    summary="in the register before August 2022 the four years count from the last decision date",
    reasoning=(
        "the register says the next date stays at four years after the first re-registration "
        "date, also after a late re-registration; a Registration records only its last decision "
        "date, so give the date the cycle counts from (the original due date) as decision_date "
        "when a re-registration came late"
    ),
)

REGIME_BY_DECISION = Interpretation(
    summary="a registration keeps the regime of the register in force on its decision date",
    reasoning=(
        "the sources give no transition rules for registrations decided before the register was "
        "renewed in August 2022; until a new decision they keep their four-yearly cycle"
    ),
)

_POINTS_TABLE = ((60, 79, 3), (80, 99, 4), (100, 119, 5), (120, 139, 6), (140, None, 7))
"""Points at a re-registration -> years to the next one: (lowest, highest or None, years)."""


RENEWAL = date(2022, 8, 24)
"""The first day of the register renewed in August 2022 (see the 2022 edition's START_DAY)."""

CURRENT_REGLEMENT = Interpretation(
    summary="the Registerreglement as quoted in 2025 is applied to the register as run before "
    "August 2022",
    reasoning=(
        "our sources quote the Registerreglement from a judgment of 2025 "
        "(ECLI:NL:RBNHO:2025:1087); the reglement in force from 2013 until the renewal in August "
        "2022 was not read, so its scope clause (art. 1) and its objection clause (art. 6 lid 2) "
        "are taken to have said the same"
    ),
)


def reglement_step(ctx: RuleContext, text: str, citation: Citation) -> Step:
    """A step citing the current Registerreglement, labelled when the day lies before its time."""
    return Step(text, citation, CURRENT_REGLEMENT if ctx.day < RENEWAL else None)


def points_band(points: int) -> int | None:
    """Years to the next re-registration for the points of a re-registration (None below 60).

    >>> [points_band(p) for p in (59, 60, 79, 80, 99, 100, 119, 120, 139, 140, 500)]
    [None, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7]
    """
    years, _ = band(points, _POINTS_TABLE, "Points table", sources.POINTS)
    return years


@attrs.frozen
class Cycle:
    """When a registration must be renewed, why, and the state on a day."""

    due: date
    grace_until: date
    steps: tuple[Step, ...]
    citation: Citation
    interpretations: tuple[Interpretation, ...]
    new_regime: bool


def _slr(employee: Employee) -> Registration | None:
    registration = employee.registration
    if registration is None or registration.register is not Register.SCHOOLLEIDERSREGISTER_PO:
        return None
    return registration


def _decided(ctx: RuleContext) -> Registration | None:
    """The employee's registration if it was decided on or before the day."""
    registration = _slr(ctx.employee)
    if registration is None or registration.decision_date is None:
        return None
    return registration if registration.decision_date <= ctx.day else None


def _duty(employee: Employee) -> tuple[bool, str]:
    if not employee.function.is_directie:
        return False, f"a {employee.function.value} is not a (adjunct-)director"
    if employee.statutair_bestuurder:
        return False, "statutory board members are excluded (Registerreglement art. 1)"
    return True, f"a {employee.function.value} in primary education must be registered"


def _new_register_start(ctx: RuleContext) -> date | None:
    """The first day of the register renewed in August 2022, if this edition is that register."""
    return RENEWAL if ctx.edition.starts >= RENEWAL else None


def cycle(ctx: RuleContext, registration: Registration) -> Cycle | NotApplicable:
    """The re-registration date of a registration and the six months after it."""
    assert registration.decision_date is not None
    decided = registration.decision_date
    new_start = _new_register_start(ctx)
    readings = [DATE_ARITHMETIC]
    if new_start is None or decided < new_start:
        readings.append(CYCLE_FROM_DECISION)
        if new_start is not None:
            readings.append(REGIME_BY_DECISION)
        years = ctx.param("herregistratie_cyclus_jaren").whole
        due = add_years(decided, years)
        steps = [
            Step(
                f"Decided on {decided.isoformat()} in the register before August 2022: "
                f"re-registration every {years} years, due {due.isoformat()}",
                sources.OLD_CYCLE,
            )
        ]
        citation = sources.OLD_CYCLE
        new_regime = False
    else:
        new_regime = True
        if registration.points_at_decision is None:
            years = ctx.param("registratieperiode_jaren").whole
            steps = [
                Step(
                    f"Registered on {decided.isoformat()} for {years} years",
                    sources.PERIOD_FIVE_YEARS,
                )
            ]
            citation = sources.PERIOD_FIVE_YEARS
        else:
            band = points_band(registration.points_at_decision)
            if band is None:
                return NotApplicable(
                    f"points_at_decision {registration.points_at_decision} is below the points "
                    "table's lowest band (60); a re-registration with fewer points is not in our "
                    "sources: check the decision"
                )
            years = band
            steps = [
                Step(
                    f"Re-registered on {decided.isoformat()} with "
                    f"{registration.points_at_decision} points: next date {years} years "
                    "later (points table)",
                    sources.POINTS,
                    POINTS_READING,
                )
            ]
            citation = sources.POINTS
            readings.append(POINTS_READING)
        due = add_years(decided, years)
        steps.append(Step(f"Due on {due.isoformat()}"))
    if registration.postponed_until is not None and registration.postponed_until > due:
        due = registration.postponed_until
        steps.append(
            Step(
                f"Postponed (uitstel) by the Commissie Registratie until {due.isoformat()}",
                sources.POSTPONEMENT,
            )
        )
    months = ctx.param("onder_voorwaarden_maanden").whole
    grace = add_months(due, months)
    steps.append(
        Step(
            f"Afterwards {months} months 'onder voorwaarden', until {grace.isoformat()}; "
            "then 'herregistratie verlopen'",
            sources.OLD_GRACE,
            NEW_REGIME_GRACE if new_regime else None,
        )
    )
    if new_regime:
        readings.append(NEW_REGIME_GRACE)
    return Cycle(due, grace, tuple(steps), citation, tuple(readings), new_regime)


@rule(
    "schoolleidersregister_registratieplicht",
    title="Registratieplicht Schoolleidersregister PO (Registerreglement)",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(
        sources.SCOPE,
        sources.DUTY_SINCE_2013,
        sources.REGISTER_OPENED,
        sources.DEADLINE_2018,
    ),
    reads=("function", "statutair_bestuurder"),
    parameters=("registratie_uiterlijk",),
)
def schoolleidersregister_registratieplicht(ctx: RuleContext) -> Computation:
    """Who must be registered: (adjunct-)directors in primary education, not statutory board members.

    "werkzaam als directeur of adjunct-directeur binnen het primair onderwijs [...] met
    uitzondering van personen die statutair bestuurder van de onderwijsinstelling zijn"
    """
    duty, why = _duty(ctx.employee)
    steps = [reglement_step(ctx, why, sources.SCOPE)]
    if duty:
        steps.append(
            Step(
                "Mandatory since 1 February 2013 (AVS); enrolment possible since 10 June 2013",
                sources.DUTY_SINCE_2013,
            )
        )
    deadline = ctx.param("registratie_uiterlijk")
    if duty and ctx.day < deadline.day:
        steps.append(
            Step(f"Registration was required by {deadline.day.isoformat()}", sources.DEADLINE_2018)
        )
    elif duty:
        steps.append(
            Step(
                f"Since {deadline.day.isoformat()} an unregistered school "
                "leader can no longer hold the directiefunctie",
                sources.DEADLINE_2018,
            )
        )
    return Computation(
        duty,
        steps,
        sources.SCOPE,
        notes=[
            "The CAO (art. 9.7 in CAO PO 2019-2020) makes registration a duty "
            "of the directie and has the employer pay the costs."
        ]
        if duty
        else [],
    )


@rule(
    "schoolleidersregister_status",
    title="Status in het Schoolleidersregister PO",
    subject=Employee,
    unit=Unit.TEKST,
    citations=(sources.OLD_GRACE, sources.OLD_CYCLE, sources.PERIOD_FIVE_YEARS, sources.POINTS),
    parameters=(
        "herregistratie_cyclus_jaren",
        "registratieperiode_jaren",
        "onder_voorwaarden_maanden",
    ),
    reads=("function", "statutair_bestuurder", "registration"),
    values=(GEREGISTREERD, ONDER_VOORWAARDEN, VERLOPEN, NIET_GEREGISTREERD, NIET_VEREIST),
)
def schoolleidersregister_status(ctx: RuleContext) -> Computation | NotApplicable:
    """The registration status on the day.

    "Is het niet gelukt om binnen die zes maanden te herregistreren, dan wijzigt de status
    in ‘herregistratie verlopen’."
    """
    employee = ctx.employee
    duty, why = _duty(employee)
    registration = _slr(employee)
    if (
        registration is None
        or registration.decision_date is None
        or (registration.decision_date > ctx.day)
    ):
        state = NIET_GEREGISTREERD if duty else NIET_VEREIST
        refused = (
            registration is not None
            and registration.decision_date is None
            and registration.refused_on is not None
            and registration.refused_on <= ctx.day
        )
        text = (
            "Registration refused" if refused else "No registration decided on or before this day"
        )
        return Computation(
            state,
            [reglement_step(ctx, f"{text}; {why}", sources.SCOPE)],
            sources.SCOPE,
            notes=[]
            if not duty
            else [
                "Since 1 January 2018 an unregistered school leader can no longer "
                "hold the directiefunctie."
            ],
        )
    found = cycle(ctx, registration)
    if isinstance(found, NotApplicable):
        return found
    if ctx.day <= found.due:
        state = GEREGISTREERD
    elif ctx.day <= found.grace_until:
        state = ONDER_VOORWAARDEN
    else:
        state = VERLOPEN
    steps = (*found.steps, Step(f"On {ctx.day.isoformat()}: {state}"))
    return Computation(state, steps, sources.OLD_GRACE, interpretations=found.interpretations)


@rule(
    "schoolleidersregister_herregistratiedatum",
    title="Volgende herregistratiedatum Schoolleidersregister PO",
    subject=Employee,
    unit=Unit.DATUM,
    citations=(sources.OLD_CYCLE, sources.PERIOD_FIVE_YEARS, sources.POINTS, sources.POSTPONEMENT),
    parameters=(
        "herregistratie_cyclus_jaren",
        "registratieperiode_jaren",
        "onder_voorwaarden_maanden",
    ),
    reads=("registration",),
)
def schoolleidersregister_herregistratiedatum(ctx: RuleContext) -> Computation | NotApplicable:
    """The date by which the registration must be renewed, and how it was computed."""
    registration = _decided(ctx)
    if registration is None:
        return NotApplicable(
            "the employee has no registration in the Schoolleidersregister PO decided by this day"
        )
    found = cycle(ctx, registration)
    if isinstance(found, NotApplicable):
        return found
    return Computation(
        found.due, found.steps, found.citation, interpretations=found.interpretations
    )


@rule(
    "schoolleidersregister_titel",
    title="Titel in het Schoolleidersregister PO",
    subject=Employee,
    unit=Unit.TEKST,
    citations=(sources.OLD_TITLES, sources.NEW_REGISTER, sources.PREDICATES),
    parameters=("registratieperiode_jaren",),
    reads=("function", "registration"),
)
def schoolleidersregister_titel(ctx: RuleContext) -> Computation | NotApplicable:
    """The title: RDO/RADO/aspirant before August 2022; since, RDO with a predicate."""
    registration = _decided(ctx)
    if registration is None:
        return NotApplicable(
            "the employee has no registration in the Schoolleidersregister PO decided by this day"
        )
    if _new_register_start(ctx) is None:
        title = registration.title or (
            OldTitle.RADO if ctx.employee.function.value == "adjunct-directeur" else OldTitle.RDO
        )
        return Computation(
            title.value, [Step(f"Title {title.value}", sources.OLD_TITLES)], sources.OLD_TITLES
        )
    if registration.predicate is None:
        return Computation(
            "RDO",
            [
                Step(
                    "One title RDO since the new register; no predicate "
                    "recorded for this registration",
                    sources.NEW_REGISTER,
                )
            ],
            sources.NEW_REGISTER,
        )
    text = f"RDO {registration.predicate.value}"
    return Computation(
        text,
        [Step(f"Title RDO with predicate '{registration.predicate.value}'", sources.PREDICATES)],
        sources.PREDICATES,
    )


@rule(
    "schoolleidersregister_jaarlijkse_bijdrage",
    title="Jaarlijkse bijdrage Schoolleidersregister PO",
    subject=Employee,
    unit=Unit.EUR_PER_KALENDERJAAR,
    citations=(sources.FEE_2019, sources.FEE_2022, sources.FEE_2024),
    parameters=("jaarlijkse_bijdrage",),
    reads=("function", "statutair_bestuurder", "registration"),
)
def schoolleidersregister_jaarlijkse_bijdrage(ctx: RuleContext) -> Computation | NotApplicable:
    """The yearly contribution to the register, which the employer reimburses (CAO art. 9.7)."""
    duty, why = _duty(ctx.employee)
    if not duty and _slr(ctx.employee) is None:
        return NotApplicable(why)
    fee = ctx.param("jaarlijkse_bijdrage", ctx.calendar_year.start)
    steps = [
        fee.step(
            f"Contribution for calendar year {ctx.calendar_year.year}: "
            f"{format_eur_exact(fee.decimal)}"
        )
    ]
    if duty:  # art. 9.7 speaks of the directielid who must register
        steps.append(Step("The employer reimburses the registration costs", cao.REGISTRATIE))
    return Computation(fee.decimal, steps, fee.citation)


@rule(
    "schoolleidersregister_bezwaar_en_beroep",
    title="Bezwaar en beroep tegen een weigering tot registratie",
    subject=Employee,
    unit=Unit.TEKST,
    citations=(sources.OBJECTION, sources.APPEAL),
    reads=("registration",),
)
def schoolleidersregister_bezwaar_en_beroep(ctx: RuleContext) -> Computation | NotApplicable:
    """After a refusal: objection to the deciding commission, then appeal at Onderwijsgeschillen."""
    registration = _slr(ctx.employee)
    if registration is None or registration.refused_on is None or registration.refused_on > ctx.day:
        return NotApplicable("no refusal to register is recorded")
    route = (
        "bezwaar bij de commissie die besloot",
        "beroep bij de Commissie van Beroep Registratie Schoolleidersregister PO "
        "(Stichting Onderwijsgeschillen)",
    )
    return Computation(
        route,
        [
            Step(
                f"Refused on {registration.refused_on.isoformat()}: the decision must point to "
                "the possibility of objection",
                sources.OBJECTION,
                CURRENT_REGLEMENT if registration.refused_on < RENEWAL else None,
            ),
            Step(
                "Against the decision on the objection: appeal to the Commissie van Beroep "
                "Registratie Schoolleidersregister PO",
                sources.APPEAL,
            ),
        ],
        sources.OBJECTION,
        notes=["The deadlines for objection and appeal are not in our sources."],
    )


SCHOLING_IN_REGISTER = Citation(
    source="Schoolleidersregister PO (as described by the AVS)",
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Controleer voordat u scholing gaat volgen eerst of deze in het register is opgenomen als "
        "u het wilt gebruiken voor (her)registratie"
    ),
)

REGISTRATIEBESLUIT = Citation(
    source="Schoolleidersregister PO (as described by the AVS)",
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Een schoolleider die zich niet via een van de vier mogelijkheden kan registreren, kan de "
        "commissie registratie in een brief om een registratiebesluit vragen."
    ),
    note=(
        "The page speaks of four possibilities here, while its list of ways to the basic "
        "registration has five (schoolleidersopleiding, master, assessment, EVC, IDW)."
    ),
)

BEZWAAR_NA_WEIGERING = Citation(
    source="Schoolleidersregister PO (as described by the AVS)",
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote="Als de commissie besluit niet te registreren, kan bij de commissie bezwaar worden gemaakt.",
)

_NOT_DIRECTIE = "the Schoolleidersregister PO concerns directors and adjunct-directors"


@rule(
    "scholing_in_register_controleren",
    title="Controleer of scholing in het register staat voordat u die volgt",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(SCHOLING_IN_REGISTER,),
    reads=("function",),
)
def scholing_in_register_controleren(ctx: RuleContext) -> Computation | NotApplicable:
    """Training counts for (re)registration only if it is in the register: check before.

    "Controleer voordat u scholing gaat volgen eerst of deze in het register is
    opgenomen als u het wilt gebruiken voor (her)registratie"
    """
    if not ctx.employee.function.is_directie:
        return NotApplicable(_NOT_DIRECTIE)
    return Computation(
        True,
        [
            Step(
                "Before following training meant for (re)registration, check that the register "
                "lists it",
                SCHOLING_IN_REGISTER,
            )
        ],
        SCHOLING_IN_REGISTER,
    )


@rule(
    "registratiebesluit_aanvragen",
    title="Registratiebesluit aanvragen per brief bij de commissie registratie",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(REGISTRATIEBESLUIT, BEZWAAR_NA_WEIGERING),
    reads=("function",),
)
def registratiebesluit_aanvragen(ctx: RuleContext) -> Computation | NotApplicable:
    """A school leader who cannot register by the usual routes may ask for a decision by letter.

    "Een schoolleider die zich niet via een van de vier mogelijkheden kan registreren,
    kan de commissie registratie in een brief om een registratiebesluit vragen."
    """
    if not ctx.employee.function.is_directie:
        return NotApplicable(_NOT_DIRECTIE)
    return Computation(
        True,
        [
            Step(
                "A school leader who cannot register by one of the usual routes may ask the "
                "commissie registratie by letter for a registratiebesluit",
                REGISTRATIEBESLUIT,
            ),
            Step(
                "A refusal can be objected to at the commission, then appealed "
                "(rule schoolleidersregister_bezwaar_en_beroep)",
                BEZWAAR_NA_WEIGERING,
            ),
        ],
        REGISTRATIEBESLUIT,
    )


RULES = (
    schoolleidersregister_registratieplicht,
    schoolleidersregister_status,
    schoolleidersregister_herregistratiedatum,
    schoolleidersregister_titel,
    schoolleidersregister_jaarlijkse_bijdrage,
    schoolleidersregister_bezwaar_en_beroep,
    scholing_in_register_controleren,
    registratiebesluit_aanvragen,
)
