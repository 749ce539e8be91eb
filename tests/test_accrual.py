"""Ledger-ready accruals in euros and hours (issue 3: 'accrual data for hours as well as euros')."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import onderwijsregels as owr
from onderwijsregels import Rulebook


def _by_budget(year: owr.AccrualYear) -> dict[str, owr.Accrual]:
    return {item.budget: item for item in year.accruals}


def test_starting_older_teacher_accrues_euros_and_every_kind_of_hours(
    rulebook_all: Rulebook,
) -> None:
    teacher = owr.Employee(
        function=owr.Function.LERAAR,
        werktijdfactor=Decimal("0.5"),
        scale="L10",
        trede=2,
        birth_date=date(1960, 3, 1),
    )
    found = _by_budget(owr.accruals(rulebook_all, teacher, 2021))
    # (500 + 100) × 0.5 = 300.00 euro, savable 3 years (art. 9.3 lid 4)
    assert found["individueel_budget"].amount == Decimal("300.00")
    assert found["individueel_budget"].saving_years == 3
    assert found["individueel_budget"].saving_citation is not None
    assert (
        found["individueel_budget"].saving_citation.reference == "CAO PO 2019-2020, art. 9.3 lid 4"
    )
    # 83 × 0.5 = 41.5 hours; the sources state no saving term for these hours
    assert found["uren_per_jaar"].amount == Decimal("41.5")
    assert found["uren_per_jaar"].saving_years is None
    # 8A basic 40 × 0.5 = 20 hours; aged 60 on 2021-01-01, so (40 + 130) savable 5 years
    assert found["duurzame_inzetbaarheid_basisbudget_uren"].amount == Decimal("20.0")
    assert found["duurzame_inzetbaarheid_basisbudget_uren"].saving_years == 5
    # starters (L10-2): +40 × 0.5 = 20 hours, not savable
    assert found["duurzame_inzetbaarheid_startende_leraar_uren"].amount == Decimal("20.0")
    assert found["duurzame_inzetbaarheid_startende_leraar_uren"].saving_years == 0
    # 57+: 130 × 0.5 = 65 hours, savable 5 years
    assert found["duurzame_inzetbaarheid_oudere_werknemer_uren"].amount == Decimal("65.0")
    assert (
        found["duurzame_inzetbaarheid_oudere_werknemer_uren"].unit is owr.Unit.UUR_PER_KALENDERJAAR
    )


def test_director_accrues_euros_and_the_yearly_hours(rulebook_all: Rulebook) -> None:
    director = owr.Employee(function=owr.Function.DIRECTEUR, werktijdfactor=Decimal("0.8"))
    year = owr.accruals(rulebook_all, director, 2022)
    found = _by_budget(year)
    # 3000 (no top-up after 2021), not pro rata
    assert found["individueel_budget"].amount == Decimal("3000.00")
    assert found["individueel_budget"].edition == "cao-po-2022"
    # "Iedere werknemer [...] 83 uur op jaarbasis" (AVS page): 83 × 0.8 = 66.4 hours
    assert found["uren_per_jaar"].amount == Decimal("66.4")
    # 8A basic 40 × 0.8 = 32 hours
    assert found["duurzame_inzetbaarheid_basisbudget_uren"].amount == Decimal("32.0")


def test_2025_accrues_the_pdi_budget_and_names_what_is_missing(rulebook_all: Rulebook) -> None:
    teacher = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("1"))
    year = owr.accruals(rulebook_all, teacher, 2025)
    found = _by_budget(year)
    assert found["individueel_budget"].amount == Decimal("525.00")  # 525 × 1
    assert found["individueel_budget"].saving_years is None  # the saving term is not encoded
    assert found["pdi_uren"].amount == Decimal("123")  # 123 × 1
    missing = dict(year.missing)
    assert "cao-po-2024-2025" in missing["uren_per_jaar"]
    assert "cao-po-2024-2025" in missing["duurzame_inzetbaarheid_basisbudget_uren"]
