"""Chapter 8A of CAO PO 2019-2020: duurzame inzetbaarheid (sustainable employability) hours.

Every employee has a basic budget of 40 hours a year, pro rata werktijdfactor,
savable for at most three years for a set purpose. Starting teachers
(L10-1/L11-1/L12-1 up to step 3) get 40 hours more, pro rata, which cannot be
saved. Employees of 57 and older get 130 hours more, pro rata; the total
(40 + 130) may be saved for at most five years and at most 340 hours may be
taken in one year.
"""

from __future__ import annotations

from onderwijsregels import (
    Computation,
    Employee,
    Interpretation,
    NotApplicable,
    RuleContext,
    Unit,
    rule,
)
from onderwijsregels.amounts import dated, pro_rata
from onderwijsregels.money import format_decimal as num
from onderwijsregels_cao_po_2019_2020 import sources

__all__ = [
    "RULES",
    "duurzame_inzetbaarheid_basisbudget_uren",
    "duurzame_inzetbaarheid_maximale_opname_uren",
    "duurzame_inzetbaarheid_oudere_werknemer_uren",
    "duurzame_inzetbaarheid_spaartermijn",
    "duurzame_inzetbaarheid_startende_leraar_uren",
]

_STARTER_SCALES = ("L10", "L11", "L12")
_AGE_READING = Interpretation(
    summary="the employee's age on the reference day decides the older employees' budget",
    reasoning=(
        "the sources say 'employees of 57 and older' without saying on which day the age counts; "
        "we take the reference day of the evaluation (1 January for a calendar year)"
    ),
)


def _oudere_werknemer(ctx: RuleContext) -> bool | None:
    threshold = ctx.param("di_leeftijd_oudere_werknemer").whole
    age = ctx.employee.age_on(ctx.day)
    return None if age is None or age < 0 else age >= threshold


@rule(
    "duurzame_inzetbaarheid_basisbudget_uren",
    title="Basisbudget duurzame inzetbaarheid",
    subject=Employee,
    unit=Unit.UUR_PER_KALENDERJAAR,
    citations=(sources.DI_BASIS,),
    parameters=("di_basisbudget_uren",),
    reads=("werktijdfactor",),
    traced=("werktijdfactor",),  # only multiplied by and shown: traced once
)
def duurzame_inzetbaarheid_basisbudget_uren(ctx: RuleContext) -> Computation:
    """The basic duurzame-inzetbaarheid budget: 40 hours a year, pro rata.

    "recht op een budget van 40 per jaar, naar rato van werktijdfactor en tijdsduur."
    """
    hours = ctx.param("di_basisbudget_uren", ctx.calendar_year.start)
    yearly = dated(hours, "Hours a year at full time", unit="")
    return pro_rata(yearly, ctx.employee.werktijdfactor).computation()


@rule(
    "duurzame_inzetbaarheid_startende_leraar_uren",
    title="Extra budget duurzame inzetbaarheid voor startende leraren",
    subject=Employee,
    unit=Unit.UUR_PER_KALENDERJAAR,
    citations=(sources.DI_STARTERS,),
    parameters=("di_startende_leraar_uren", "di_startende_leraar_hoogste_trede"),
    reads=("scale", "trede", "werktijdfactor"),
    traced=("werktijdfactor",),  # only multiplied by and shown: traced once
)
def duurzame_inzetbaarheid_startende_leraar_uren(ctx: RuleContext) -> Computation | NotApplicable:
    """Starting teachers' extra budget: 40 hours a year, pro rata, not savable.

    "Startende leraren (ingeschaald in schaal L10-1/L11-1/L12-1 tot en met
    L10-3/L11-3/L12-3) krijgen een extra budget van 40 uur per jaar (deeltijders naar rato)."
    """
    employee = ctx.employee
    last_step = ctx.param("di_startende_leraar_hoogste_trede").whole
    if employee.scale not in _STARTER_SCALES:
        return NotApplicable("only teachers in scale L10, L11 or L12 up to step 3 are starters")
    if employee.trede is None:
        return NotApplicable(
            f"the employee's trede is not given; the starters' budget applies from "
            f"{employee.scale}-1 up to {employee.scale}-{last_step}"
        )
    if not 1 <= employee.trede <= last_step:
        return NotApplicable(
            f"{employee.scale}-{employee.trede} is not a starters' step "
            f"({employee.scale}-1 up to {employee.scale}-{last_step})"
        )
    hours = ctx.param("di_startende_leraar_uren", ctx.calendar_year.start)
    starter = f"{employee.scale}-{employee.trede} is a starters' step (1 to {last_step})"
    yearly = dated(hours, f"{starter}; extra hours a year at full time", unit="")
    return pro_rata(yearly, employee.werktijdfactor).computation(
        notes=["These hours cannot be saved (PO-Raad)."]
    )


@rule(
    "duurzame_inzetbaarheid_oudere_werknemer_uren",
    title="Extra budget duurzame inzetbaarheid voor werknemers van 57 jaar en ouder",
    subject=Employee,
    unit=Unit.UUR_PER_KALENDERJAAR,
    citations=(sources.DI_OUDEREN,),
    interpretation=_AGE_READING,
    parameters=("di_oudere_werknemer_uren", "di_leeftijd_oudere_werknemer"),
    reads=("birth_date", "werktijdfactor"),
    traced=("werktijdfactor",),  # only multiplied by and shown: traced once
)
def duurzame_inzetbaarheid_oudere_werknemer_uren(ctx: RuleContext) -> Computation | NotApplicable:
    """Older employees' extra budget: 130 hours a year, pro rata, from age 57."""
    older = _oudere_werknemer(ctx)
    threshold = ctx.param("di_leeftijd_oudere_werknemer").whole
    if older is None:
        return NotApplicable(
            f"the employee's birth_date is not given or lies after {ctx.day.isoformat()} "
            f"(the budget starts at {threshold})"
        )
    if not older:
        return NotApplicable(
            f"the employee is {ctx.employee.age_on(ctx.day)} on {ctx.day.isoformat()}, "
            f"younger than {threshold}"
        )
    hours = ctx.param("di_oudere_werknemer_uren", ctx.calendar_year.start)
    aged = f"Aged {ctx.employee.age_on(ctx.day)} on {ctx.day.isoformat()}"
    yearly = dated(hours, f"{aged}; extra hours a year at full time", unit="")
    return pro_rata(yearly, ctx.employee.werktijdfactor).computation()


@rule(
    "duurzame_inzetbaarheid_spaartermijn",
    title="Maximale spaartermijn duurzame inzetbaarheid",
    subject=Employee,
    unit=Unit.JAREN,
    citations=(sources.DI_SPAREN, sources.DI_OUDEREN),
    parameters=(
        "di_spaartermijn",
        "di_spaartermijn_oudere_werknemer",
        "di_leeftijd_oudere_werknemer",
    ),
    reads=("birth_date",),
)
def duurzame_inzetbaarheid_spaartermijn(ctx: RuleContext) -> Computation:
    """How long the basic budget may be saved: 3 years, or 5 years for (40 + 130) hours from 57.

    "gedurende maximaal drie jaar op grond van artikel 8A.4 [...] worden gespaard";
    "Het totale budget (40 + 130 uur) mag gedurende maximaal 5 jaar worden gespaard."
    """
    if _oudere_werknemer(ctx):
        years = ctx.param("di_spaartermijn_oudere_werknemer")
        text = f"From 57 the total (40 + 130 hours) may be saved for at most {years.whole} years"
        return Computation(
            years.whole,
            [years.step(text)],
            years.citation,
            interpretations=[_AGE_READING],
        )
    years = ctx.param("di_spaartermijn")
    readings = [_AGE_READING] if ctx.employee.birth_date is not None else []
    notes = []
    if ctx.employee.birth_date is None:
        notes.append(
            "No birth_date given: the saving term for employees of 57 and older "
            "(5 years) was not considered."
        )
    return Computation(
        years.whole,
        [
            years.step(
                f"The basic budget may be saved for at most {years.whole} years, for a set purpose"
            )
        ],
        years.citation,
        notes=notes,
        interpretations=readings,
    )


@rule(
    "duurzame_inzetbaarheid_maximale_opname_uren",
    title="Maximale opname duurzame inzetbaarheid per jaar (57+)",
    subject=Employee,
    unit=Unit.UUR_PER_KALENDERJAAR,
    citations=(sources.DI_OUDEREN,),
    interpretation=_AGE_READING,
    parameters=("di_maximale_opname_oudere_werknemer", "di_leeftijd_oudere_werknemer"),
    reads=("birth_date",),
)
def duurzame_inzetbaarheid_maximale_opname_uren(ctx: RuleContext) -> Computation | NotApplicable:
    """At most 340 hours may be taken in one year from the saved (40 + 130) budget.

    "De opname mag niet meer bedragen dan 340 uur per jaar."
    """
    older = _oudere_werknemer(ctx)
    if not older:
        if ctx.employee.birth_date is None:
            why = " (no birth_date given)"
        elif older is None:
            why = f" (the birth_date lies after {ctx.day.isoformat()})"
        else:
            why = ""
        return NotApplicable("the 340-hour limit is stated for employees of 57 and older" + why)
    hours = ctx.param("di_maximale_opname_oudere_werknemer")
    return Computation(
        hours.decimal,
        [hours.step(f"At most {num(hours.decimal)} hours may be taken in one year")],
        hours.citation,
    )


RULES = (
    duurzame_inzetbaarheid_basisbudget_uren,
    duurzame_inzetbaarheid_startende_leraar_uren,
    duurzame_inzetbaarheid_oudere_werknemer_uren,
    duurzame_inzetbaarheid_spaartermijn,
    duurzame_inzetbaarheid_maximale_opname_uren,
)
