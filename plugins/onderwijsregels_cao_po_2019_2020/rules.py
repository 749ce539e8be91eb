"""The professionalisation rules of CAO PO 2019-2020, chapter 9.

Each rule reads like the article it implements; its docstring quotes the Dutch
wording. Amounts live in the edition's dated parameters (see ``__init__``), so
later editions override a value without rewriting the rule.
"""

from __future__ import annotations

from onderwijsregels import (
    Computation,
    Employee,
    Interpretation,
    NotApplicable,
    RuleContext,
    Step,
    Unit,
    rule,
)
from onderwijsregels.amounts import Cited, dated, not_pro_rata, plus, pro_rata
from onderwijsregels_cao_po_2019_2020 import sources

__all__ = [
    "RULES",
    "bestedingsvormen_directiebudget",
    "individueel_budget",
    "jaarlijkse_afspraken_in_pop",
    "maximale_spaartermijn",
    "opgedragen_professionalisering_voor_rekening_werkgever",
    "registratiekosten_vergoed_door_werkgever",
    "registratieplicht_schoolleidersregister",
    "uren_per_jaar",
    "uren_per_werkweek",
    "vervaltermijn_directiebudget",
]

_NOT_FOR_DIRECTIE = (
    "art. 9.3 lid 2 gives the weekly hours to teachers and OOP; for the directie our sources "
    "give only the yearly 83 hours (see uren_per_jaar)"
)


@rule(
    "individueel_budget",
    title="Individueel professionaliseringsbudget",
    subject=Employee,
    unit=Unit.EUR_PER_KALENDERJAAR,
    citations=(
        sources.BUDGET_EN_UREN_OP_OOP,
        sources.VERHOGING_OP_OOP,
        sources.BEDRAG_DIRECTIE,
        sources.VERHOGING_DIRECTIE,
    ),
    parameters=(
        "individueel_budget_op_oop",
        "verhoging_op_oop",
        "individueel_budget_directie",
        "verhoging_directie",
    ),
    reads=("function", "werktijdfactor", "statutair_bestuurder"),
    traced=("werktijdfactor",),  # only multiplied by and shown: traced once
)
def individueel_budget(ctx: RuleContext) -> Computation:
    """The individual professionalisation budget for one calendar year.

    Teachers and OOP: "naar rato van de werktijdfactor recht op een individueel
    professionaliseringsbudget van € 500,= per jaar" (art. 9.3 lid 2), plus
    "€ 100 per jaar naar rato" in calendar years 2020 and 2021 (art. 9.8).
    Directie: "€ 3.000 per jaar per directielid in de A- of D-schaal en is niet
    afhankelijk van de werktijdfactor" (art. 9.6 lid 3), plus € 100 in 2020 and
    2021 (art. 9.8).
    """
    employee = ctx.employee
    year = ctx.calendar_year
    top_up = f"Top-up for calendar year {year.year}"
    no_top_up = (
        f"No top-up in calendar year {year.year} "
        "(art. 9.8 of CAO PO 2019-2020 covers 2020 and 2021)"
    )
    notes = [sources.STATUTAIR_BESTUURDER_NOTE] if employee.statutair_bestuurder else []
    if employee.function.is_directie:
        # Art. 9.6 lid 3 (€ 3000, not pro rata), plus art. 9.8 (€ 100 in 2020 and 2021).
        base = ctx.param("individueel_budget_directie", year.start)
        budget = dated(base, "Base amount a year for a directielid (A- or D-scale)")
        budget = plus(budget, ctx.param_known("verhoging_directie", year.start), top_up, no_top_up)
        return not_pro_rata(budget, employee.werktijdfactor, base).computation(notes=notes)
    # Art. 9.3 lid 2 (€ 500 a year), plus art. 9.8 (€ 100 in 2020 and 2021), pro rata.
    base = ctx.param("individueel_budget_op_oop", year.start)
    budget = dated(base, "Base amount a year for teachers and OOP")
    budget = plus(budget, ctx.param_known("verhoging_op_oop", year.start), top_up, no_top_up)
    return pro_rata(budget, employee.werktijdfactor, base).computation(notes=notes)


@rule(
    "uren_per_werkweek",
    title="Uren professionalisering per werkweek",
    subject=Employee,
    unit=Unit.UUR_PER_WERKWEEK,
    citations=(sources.BUDGET_EN_UREN_OP_OOP,),
    parameters=("uren_per_werkweek_op_oop",),
    reads=("function", "werktijdfactor"),
    traced=("werktijdfactor",),  # only multiplied by and shown: traced once
)
def uren_per_werkweek(ctx: RuleContext) -> Computation | NotApplicable:
    """Clock hours per work week for professional development, pro rata.

    "recht op twee klokuren per werkweek (deeltijd naar rato)"; "Deze uren hoeven
    niet per week te worden besteed maar mogen ook geclusterd worden" (art. 9.3 lid 2).
    """
    employee = ctx.employee
    if employee.function.is_directie:
        return NotApplicable(_NOT_FOR_DIRECTIE)
    hours = ctx.param("uren_per_werkweek_op_oop")
    weekly = dated(hours, "Clock hours per work week at full time", unit="")
    return pro_rata(weekly, employee.werktijdfactor).computation(
        notes=[
            "The hours need not be taken weekly; they may be clustered and used later "
            "(PO-Raad FAQ)."
        ]
    )


_UREN_PER_JAAR_READING = Interpretation(
    summary="83 hours a year at full time, pro rata werktijdfactor, is a derived figure",
    reasoning=(
        "the CAO states 2 hours per work week (art. 9.3 lid 2); over a normbetrekking of "
        "1659 hours at 40 hours a week that is 2 × 1659 / 40 = 82.95 ≈ 83 hours, the figure "
        "the AVS page and normjaartaak breakdowns give, part-timers pro rata. The AVS page "
        "gives the 83 hours to 'Iedere werknemer', so the directie gets them too, pro rata as "
        "for the others"
    ),
)


@rule(
    "uren_per_jaar",
    title="Uren professionalisering per jaar (afgeleid)",
    subject=Employee,
    unit=Unit.UUR_PER_KALENDERJAAR,
    citations=(sources.UREN_PER_JAAR, sources.BUDGET_EN_UREN_OP_OOP),
    interpretation=_UREN_PER_JAAR_READING,
    parameters=("uren_per_jaar_voltijd",),
    reads=("function", "werktijdfactor"),
    traced=("werktijdfactor",),  # only multiplied by and shown: traced once
)
def uren_per_jaar(ctx: RuleContext) -> Computation:
    """Hours a year for individual professionalisation: 83 at full time, pro rata, for everyone.

    "Iedere werknemer is zelf verantwoordelijk voor de eigen professionalisering. [...]
    Hiervoor is 83 uur op jaarbasis beschikbaar" (AVS page). For teachers and OOP the law
    is the weekly rule of art. 9.3 lid 2, of which this is the yearly equivalent; for the
    directie the AVS page's "Iedere werknemer" is the only basis.
    """
    employee = ctx.employee
    hours = ctx.param("uren_per_jaar_voltijd", ctx.calendar_year.start)
    if employee.function.is_directie:
        basis = [
            hours.step(
                "'Iedere werknemer' has 83 hours a year for their own professionalisation "
                "(AVS page); the weekly rule of art. 9.3 lid 2 is for teachers and OOP only"
            ),
        ]
        notes = [
            "For a directielid the 83 hours rest on the AVS page's 'Iedere werknemer' alone; "
            "applying them pro rata, like the teachers' hours, is our reading."
        ]
    else:
        basis = [
            Step("Law: 2 clock hours per work week, pro rata", sources.BUDGET_EN_UREN_OP_OOP),
            hours.step("Derived: 2 × 1659 / 40 = 82.95 ≈ 83 hours a year at full time"),
        ]
        notes = []
    yearly = Cited(hours.decimal, basis, hours.citation, unit="")
    return pro_rata(yearly, employee.werktijdfactor).computation(notes=notes)


@rule(
    "maximale_spaartermijn",
    title="Maximale spaartermijn individueel budget",
    subject=Employee,
    unit=Unit.JAREN,
    citations=(sources.SPAREN_OP_OOP, sources.SPAREN_DIRECTIE),
    parameters=("spaartermijn_op_oop", "spaartermijn_directie"),
    reads=("function",),
)
def maximale_spaartermijn(ctx: RuleContext) -> Computation:
    """How many years the individual budget may be saved, in consultation with the employer.

    Teachers and OOP: "gedurende maximaal drie jaar worden gespaard" (art. 9.3 lid 4).
    Directie: "in overleg met de werkgever gedurende maximaal drie jaar sparen".
    """
    directie = ctx.employee.function.is_directie
    years = ctx.param("spaartermijn_directie" if directie else "spaartermijn_op_oop")
    who = "a directielid" if directie else "teachers and OOP"
    return Computation(
        years.whole,
        [
            years.step(
                f"{who[0].upper()}{who[1:]} may save the budget for at most {years.value} years, "
                "in consultation with the employer"
            )
        ],
        years.citation,
    )


@rule(
    "vervaltermijn_directiebudget",
    title="Termijn waarna ongebruikt directiebudget naar het algemene scholingsbudget gaat",
    subject=Employee,
    unit=Unit.JAREN,
    citations=(sources.SPAREN_DIRECTIE,),
    parameters=("vervaltermijn_directie",),
    reads=("function",),
)
def vervaltermijn_directiebudget(ctx: RuleContext) -> Computation | NotApplicable:
    """Years within which the directie budget must be spent before it lapses.

    "Is het budget binnen vier jaar niet besteed, dan zal dit worden toegevoegd aan
    het algemene scholingsbudget."
    """
    if not ctx.employee.function.is_directie:
        return NotApplicable(
            "the lapse rule is stated for the directie budget; the sources give no lapse rule "
            "for the teachers' and OOP budget"
        )
    years = ctx.param("vervaltermijn_directie")
    return Computation(
        years.whole,
        [
            years.step(
                f"Budget not spent within {years.value} years is added to the general training "
                "budget (het algemene scholingsbudget)"
            )
        ],
        years.citation,
    )


@rule(
    "bestedingsvormen_directiebudget",
    title="Bestedingsvormen van het directiebudget",
    subject=Employee,
    unit=Unit.TEKST,
    citations=(sources.BESTEDING_DIRECTIE,),
    parameters=("bestedingsvormen_directie",),
    reads=("function",),
)
def bestedingsvormen_directiebudget(ctx: RuleContext) -> Computation | NotApplicable:
    """What the directie budget may be spent on, in consultation with the employer.

    "ingezet in de vorm van studieverlof en/of studiekostenvergoeding. Het budget kan
    ook worden besteed aan andere professionaliseringsactiviteiten."
    """
    if not ctx.employee.function.is_directie:
        return NotApplicable("the AVS page states the spending forms for the directie budget only")
    forms = ctx.param("bestedingsvormen_directie")
    return Computation(
        forms.texts,
        [
            forms.step(
                "Spent in consultation with the employer as study leave and/or study costs, "
                "or on other professionalisation activities"
            )
        ],
        forms.citation,
        notes=[
            "Spending and the knowledge gained are discussed in the yearly "
            "functionerings- and/or beoordelingsgesprek (AVS page)."
        ],
    )


def _a(function: str) -> str:
    """``function`` with its English article: "An adjunct-directeur", "An oop", "A leraar"."""
    return f"{'An' if function[:1] in 'aeiou' else 'A'} {function}"


@rule(
    "registratieplicht_schoolleidersregister",
    title="Registratieplicht Schoolleidersregister PO",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(sources.REGISTRATIE, sources.REGISTER_SCOPE),
    reads=("function", "statutair_bestuurder"),
)
def registratieplicht_schoolleidersregister(ctx: RuleContext) -> Computation:
    """Whether the employee must be registered in the Schoolleidersregister PO.

    "Het directielid moet zich inschrijven in het Schoolleidersregister PO (artikel 9.7)."
    """
    function = ctx.employee.function
    if function.is_directie and ctx.employee.statutair_bestuurder:
        return Computation(
            False,
            [
                Step(
                    f"{_a(function.value)} belongs to the directie (art. 9.7)", sources.REGISTRATIE
                ),
                Step(
                    "but statutory board members are outside the register's scope",
                    sources.REGISTER_SCOPE,
                ),
            ],
            sources.REGISTER_SCOPE,
        )
    duty = function.is_directie
    text = (
        f"{_a(function.value)} belongs to the directie, who must register"
        if duty
        else f"{_a(function.value)} is not a directielid; art. 9.7 does not apply"
    )
    return Computation(duty, [Step(text, sources.REGISTRATIE)], sources.REGISTRATIE)


@rule(
    "registratiekosten_vergoed_door_werkgever",
    title="Werkgever vergoedt de registratiekosten Schoolleidersregister PO",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(sources.REGISTRATIE,),
    reads=("function", "statutair_bestuurder"),
)
def registratiekosten_vergoed_door_werkgever(ctx: RuleContext) -> Computation | NotApplicable:
    """Whether the employer pays the registration costs.

    "De werkgever faciliteert dit door de registratiekosten te vergoeden."
    """
    if not ctx.employee.function.is_directie:
        return NotApplicable("only the directie must register (art. 9.7)")
    if ctx.employee.statutair_bestuurder:
        return NotApplicable(
            "statutory board members are outside the Schoolleidersregister PO's scope "
            "(Registerreglement art. 1)"
        )
    return Computation(
        True,
        [Step("The employer reimburses the registration costs", sources.REGISTRATIE)],
        sources.REGISTRATIE,
    )


@rule(
    "opgedragen_professionalisering_voor_rekening_werkgever",
    title="Opgedragen professionalisering komt voor rekening van de werkgever",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(sources.OPGEDRAGEN,),
    reads=(),
)
def opgedragen_professionalisering_voor_rekening_werkgever(ctx: RuleContext) -> Computation:
    """Professionalisation the employer assigns is at the employer's cost.

    "opgedragen professionaliseringsactiviteiten zoals genoemd in artikel 9.4 [...]
    De kosten hiervan komen volledig voor rekening van de werkgever."
    """
    return Computation(
        True,
        [
            Step(
                "Assigned (opgedragen) professionalisation is paid fully by the employer and "
                "stands apart from the individual budget",
                sources.OPGEDRAGEN,
            )
        ],
        sources.OPGEDRAGEN,
    )


@rule(
    "jaarlijkse_afspraken_in_pop",
    title="Jaarlijkse afspraken over professionalisering in een persoonlijk ontwikkelingsplan",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(sources.POP,),
    reads=(),
)
def jaarlijkse_afspraken_in_pop(ctx: RuleContext) -> Computation:
    """Each employee agrees yearly on their professionalisation, recorded in a POP.

    "Hij of zij maakt jaarlijks afspraken met de leidinggevende over de eigen
    professionalisering. Deze afspraken worden vastgelegd in een persoonlijk
    ontwikkelingsplan."
    """
    return Computation(
        True,
        [
            Step(
                "Yearly agreements with the manager, recorded in a persoonlijk ontwikkelingsplan "
                "(POP); every employee is responsible for their own professionalisation",
                sources.POP,
            )
        ],
        sources.POP,
    )


RULES = (
    individueel_budget,
    uren_per_werkweek,
    uren_per_jaar,
    maximale_spaartermijn,
    vervaltermijn_directiebudget,
    bestedingsvormen_directiebudget,
    registratieplicht_schoolleidersregister,
    registratiekosten_vergoed_door_werkgever,
    opgedragen_professionalisering_voor_rekening_werkgever,
    jaarlijkse_afspraken_in_pop,
)
"""Every rule of the edition, in the order results list them."""
