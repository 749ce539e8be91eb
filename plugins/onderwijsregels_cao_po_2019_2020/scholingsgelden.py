"""Training money next to the individual budget, and the yearly review of the directie budget.

The AVS FAQ page 'Veelgestelde vragen professionalisering PO' names, besides
the individual budget of chapter 9, professionalisation money for all staff
(the directie included) in the school's budget for personeels- en
arbeidsmarktbeleid, money for general training; and it says the spending of
the directielid's budget is discussed in the yearly review. Neither gives an
amount: the rules state the right and the duty.
"""

from __future__ import annotations

from datetime import date

from onderwijsregels import (
    Citation,
    Computation,
    Employee,
    NotApplicable,
    RuleContext,
    Step,
    Unit,
    rule,
)
from onderwijsregels_cao_po_2019_2020 import sources

__all__ = [
    "JAARGESPREK",
    "NAAST_BESTAANDE_BUDGETTEN",
    "PERSONEELS_EN_ARBEIDSMARKTBUDGET",
    "RULES",
    "besteding_scholingsbudget_in_jaargesprek",
    "scholingsgelden_personeels_en_arbeidsmarktbudget",
]

_SIMPLIFIED_FUNDING = date(2023, 1, 1)

PERSONEELS_EN_ARBEIDSMARKTBUDGET = Citation(
    source=sources.SOURCE,
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Daarnaast zijn voor alle personeelsleden professionaliseringsgelden beschikbaar, dus ook "
        "voor directieleden. Deze gelden zijn opgenomen in het budget voor personeels- en "
        "arbeidsmarktbeleid. Dit is geld voor algemene scholing."
    ),
    note=(
        "The AVS page names no article and no amount. The budget for personeels- en "
        "arbeidsmarktbeleid is part of the school board's lumpsum funding ('De gelden voor "
        "professionalisering worden via de lumpsumbekostiging beschikbaar gesteld'); the page "
        "lists it with the CAO's individual budgets as money the directie can use."
    ),
)

NAAST_BESTAANDE_BUDGETTEN = Citation(
    source=sources.SOURCE,
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "Een directielid heeft, naast de bestaande scholingsbudgetten, recht op een individueel "
        "professionaliseringsbudget van 3.000 euro per jaar."
    ),
    note="The individual budget itself is the rule individueel_budget (art. 9.6 lid 3).",
)

JAARGESPREK = Citation(
    source=sources.SOURCE,
    article=None,
    lid=None,
    read_at="avs-faq-professionalisering-po",
    quote=(
        "In het jaarlijkse functionerings- en/of beoordelingsgesprek worden de besteding van het "
        "scholingsbudget en de opgedane kennis en vaardigheden besproken."
    ),
    note="The AVS page says this in its paragraph on the directielid's budget, without an article.",
)


@rule(
    "scholingsgelden_personeels_en_arbeidsmarktbudget",
    title="Scholingsgelden in het budget voor personeels- en arbeidsmarktbeleid, ook voor de directie",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(PERSONEELS_EN_ARBEIDSMARKTBUDGET, NAAST_BESTAANDE_BUDGETTEN),
    reads=("function",),
)
def scholingsgelden_personeels_en_arbeidsmarktbudget(ctx: RuleContext) -> Computation:
    """Every employee, the directie included, can draw on general training money.

    "Daarnaast zijn voor alle personeelsleden professionaliseringsgelden beschikbaar,
    dus ook voor directieleden. Deze gelden zijn opgenomen in het budget voor
    personeels- en arbeidsmarktbeleid. Dit is geld voor algemene scholing."
    """
    employee = ctx.employee
    steps = [
        Step(
            f"Professionalisation money is available to all staff, a {employee.function.value} "
            "included: general training money in the budget for personeels- en "
            "arbeidsmarktbeleid",
            PERSONEELS_EN_ARBEIDSMARKTBUDGET,
        )
    ]
    if employee.function.is_directie:
        steps.append(
            Step(
                "For a directielid it comes on top of the individual budget of art. 9.6 lid 3 "
                "('naast de bestaande scholingsbudgetten')",
                NAAST_BESTAANDE_BUDGETTEN,
            )
        )
    notes = ["No amount is encoded: the AVS page gives none for this money."]
    if ctx.day >= _SIMPLIFIED_FUNDING:
        notes.append(
            "From 1 January 2023 PO funding was simplified into one base amount per pupil and per "
            "school (wetsvoorstel 35605); whether this money is still a separate budget for "
            "personeels- en arbeidsmarktbeleid is not in our sources."
        )
    return Computation(True, steps, PERSONEELS_EN_ARBEIDSMARKTBUDGET, notes=notes)


@rule(
    "besteding_scholingsbudget_in_jaargesprek",
    title="Besteding van het directiebudget besproken in het jaarlijkse gesprek",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(JAARGESPREK,),
    reads=("function",),
)
def besteding_scholingsbudget_in_jaargesprek(ctx: RuleContext) -> Computation | NotApplicable:
    """The directielid's spending and what was learned are discussed in the yearly review.

    "In het jaarlijkse functionerings- en/of beoordelingsgesprek worden de besteding van
    het scholingsbudget en de opgedane kennis en vaardigheden besproken."
    """
    if not ctx.employee.function.is_directie:
        return NotApplicable(
            "the AVS page says this of the directielid's budget; for teachers and OOP the yearly "
            "agreements are recorded in the POP (rule jaarlijkse_afspraken_in_pop)"
        )
    return Computation(
        True,
        [
            Step(
                "The spending of the budget and the knowledge and skills gained are discussed in "
                "the yearly functionerings- and/or beoordelingsgesprek",
                JAARGESPREK,
            )
        ],
        JAARGESPREK,
        notes=["The budget statement (Ledger.statement) is made for that review."],
    )


RULES = (scholingsgelden_personeels_en_arbeidsmarktbudget, besteding_scholingsbudget_in_jaargesprek)
"""The rules of this module, in the order results list them."""
