"""The example edition's own rule, written with the ``@rule`` decorator.

FICTIONAL EXAMPLE DATA, NOT LAW: no CAO has a "leesbudget". The rule shows the
shape of a real one: a pure function of a :class:`~onderwijsregels.RuleContext`,
the amount in a dated parameter of the edition (so a later edition can change
it without rewriting the rule), every step cited, money left exact (the
evaluation rounds it once).
"""

from __future__ import annotations

from onderwijsregels import Computation, Employee, NotApplicable, RuleContext, Step, Unit, rule
from onderwijsregels.money import format_decimal as num
from onderwijsregels_cao_example import sources

__all__ = ["RULES", "voorbeeld_leesbudget"]


@rule(
    "voorbeeld_leesbudget",
    title="Leesbudget (FICTIEF VOORBEELD, geen cao)",
    subject=Employee,
    unit=Unit.EUR_PER_KALENDERJAAR,
    citations=(sources.FICTIONAL,),
    interpretation=sources.FICTIONAL_EDITION,
    parameters=("voorbeeld_leesbudget_voltijd",),
    reads=("function", "werktijdfactor"),
    # The werktijdfactor is only multiplied by and written in a step: the engine may run the
    # rule once for every werktijdfactor and replay the product (see docs/plugins.md).
    traced=("werktijdfactor",),
)
def voorbeeld_leesbudget(ctx: RuleContext) -> Computation | NotApplicable:
    """A made-up reading budget for teachers and OOP, pro rata the werktijdfactor.

    "Fictief voorbeeld: leesbudget van € 50 per jaar, naar rato van de
    werktijdfactor." FICTIONAL EXAMPLE DATA, NOT LAW.
    """
    employee = ctx.employee
    if employee.function.is_directie:
        return NotApplicable("the fictional example gives its reading budget to teachers and OOP")
    budget = ctx.param("voorbeeld_leesbudget_voltijd", ctx.calendar_year.start)
    factor = employee.werktijdfactor
    amount = budget.decimal * factor
    return Computation(
        amount,
        [
            Step(
                f"Fictional amount at full time: € {num(budget.decimal)} per year", budget.citation
            ),
            Step(f"Pro rata: € {num(budget.decimal)} × werktijdfactor {factor} = € {num(amount)}"),
        ],
        budget.citation,
        notes=["FICTIONAL EXAMPLE DATA, NOT LAW: no CAO PO has this rule."],
    )


RULES = (voorbeeld_leesbudget,)
"""The rules this edition adds to those it carries over."""
