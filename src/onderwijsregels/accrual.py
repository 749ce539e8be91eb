"""Ledger-ready accrual data: what an employee accrues in a year, in euros and in hours.

For one calendar year, :func:`accruals` lists each budget the rules grant (the
individual budget in euros; the professionalisation and duurzame-inzetbaarheid
hours), with the amount, the unit, how many years it may be saved (``0`` when it
cannot be saved, ``None`` when the sources give no saving term), and the
citations. Budgets the rules do not grant this employee, or that are not
encoded, are left out; :attr:`AccrualYear.missing` says which and why.

>>> import onderwijsregels as owr
>>> from decimal import Decimal
>>> rb = owr.load()
>>> year = accruals(rb, owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.5")), 2021)
>>> [(a.budget, str(a.amount), a.unit.value, a.saving_years) for a in year.accruals][:2]
[('individueel_budget', '300.00', 'EUR per kalenderjaar', 3), ('uren_per_jaar', '41.5', 'uur per kalenderjaar', None)]
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from onderwijsregels.citations import Citation
from onderwijsregels.contracts import INDIVIDUEEL_BUDGET, MAXIMALE_SPAARTERMIJN
from onderwijsregels.evaluate import Evaluation
from onderwijsregels.model import Employee
from onderwijsregels.rulebook import Rulebook
from onderwijsregels.rules import Unit

__all__ = ["BUDGETS", "Accrual", "AccrualYear", "accruals"]

BUDGETS: tuple[tuple[str, str | None, bool], ...] = (
    (INDIVIDUEEL_BUDGET, MAXIMALE_SPAARTERMIJN, True),
    ("uren_per_jaar", None, True),
    ("duurzame_inzetbaarheid_basisbudget_uren", "duurzame_inzetbaarheid_spaartermijn", True),
    ("duurzame_inzetbaarheid_startende_leraar_uren", None, False),
    ("duurzame_inzetbaarheid_oudere_werknemer_uren", "duurzame_inzetbaarheid_spaartermijn", True),
    ("pdi_uren", None, True),
)
"""Each accruing rule id, the rule id of its saving term (if any), and whether it may be saved.

The starters' hours cannot be saved (PO-Raad); the professionalisation hours "mogen ook
geclusterd worden en op een later moment worden gebruikt" without a stated term. From CAO PO
2024-2025 the professionalisation and basic duurzame-inzetbaarheid hours are merged into
``pdi_uren``, whose saving term our sources do not give."""


@attrs.frozen
class Accrual:
    """One budget accrued in one calendar year."""

    budget: str
    year: int
    amount: Decimal
    unit: Unit
    saving_years: int | None
    edition: str
    citation: Citation
    saving_citation: Citation | None


@attrs.frozen
class AccrualYear:
    """Every accrual of one employee in one calendar year, and the budgets without one."""

    year: int
    accruals: tuple[Accrual, ...]
    missing: tuple[tuple[str, str], ...]


def _saving(
    evaluation: Evaluation, saving_rule: str | None, savable: bool
) -> tuple[int | None, Citation | None]:
    if not savable:
        return 0, None
    if saving_rule is None:
        return None, None
    outcome = evaluation.get(saving_rule)
    if outcome is None or not isinstance(outcome.value, int) or isinstance(outcome.value, bool):
        return None, None
    return outcome.value, outcome.citation


def accruals(rulebook: Rulebook, employee: Employee, year: int) -> AccrualYear:
    """What ``employee`` accrues in calendar ``year`` (evaluated on 1 January, as everywhere)."""
    evaluation = rulebook.evaluate(employee, year=year, families=["cao-po"])
    found: list[Accrual] = []
    missing: list[tuple[str, str]] = []
    for budget, saving_rule, savable in BUDGETS:
        outcome = evaluation.get(budget)
        if outcome is None:
            reason = next(
                (
                    item.reason
                    for item in (*evaluation.not_applicable, *evaluation.not_encoded)
                    if item.rule_id == budget
                ),
                f"the edition in force ({', '.join(u.edition.id for u in evaluation.editions)}) "
                "does not define this rule",
            )
            missing.append((budget, reason))
            continue
        assert isinstance(outcome.value, Decimal)
        years, saving_citation = _saving(evaluation, saving_rule, savable)
        found.append(
            Accrual(
                budget=budget,
                year=year,
                amount=outcome.value,
                unit=outcome.unit,
                saving_years=years,
                edition=outcome.edition.id,
                citation=outcome.citation,
                saving_citation=saving_citation,
            )
        )
    return AccrualYear(year, tuple(found), tuple(missing))
