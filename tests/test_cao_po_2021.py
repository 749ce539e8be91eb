"""CAO PO 2021: derived from 2019-2020, chapter 9 carried over, the € 100 top-up still in 2021.

Sources: facts.md part 2, section 4 (looptijd 1 January to 31 December 2021; no chapter-9 change
found) and the AVS page ("Voor de jaren 2020 en 2021 is dit bedrag verhoogd naar 600 euro" /
"verhoogd tot 3.100 euro").
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from onderwijsregels import Confidence, Employee, Function, Outcome, Rulebook

CARRIED_OVER_NOTE = "Carried over unchanged from cao-po-2019-2020 into cao-po-2021."


def budget(rb: Rulebook, function: Function, factor: str, year: int = 2021) -> Outcome:
    ev = rb.evaluate(Employee(function=function, werktijdfactor=Decimal(factor)), year=year)
    return ev["individueel_budget"]


def test_edition_dates(rulebook: Rulebook) -> None:
    edition = rulebook.get("cao-po-2021")
    assert (edition.valid_from.isoformat(), edition.valid_to and edition.valid_to.isoformat()) == (
        "2021-01-01",
        "2021-12-31",
    )
    assert edition.derives_from == "cao-po-2019-2020"


@pytest.mark.parametrize("function", [Function.LERAAR, Function.OOP])
@pytest.mark.parametrize(
    ("factor", "expected"),
    [
        ("1", "600.00"),  # (500 + 100) × 1; 2021 is the second top-up year (art. 9.8)
        ("0.6", "360.00"),  # 600 × 0.6
        ("0.4167", "250.02"),  # 600 × 0.4167 = 250.02
        ("0.8571", "514.26"),  # 600 × 0.8571 = 514.26
    ],
)
def test_staff_budget_2021(
    rulebook: Rulebook, function: Function, factor: str, expected: str
) -> None:
    outcome = budget(rulebook, function, factor)
    assert outcome.edition.id == "cao-po-2021"
    assert outcome.value == Decimal(expected)
    assert outcome.citation.reference == "CAO PO 2019-2020, art. 9.3 lid 2"
    assert "9.8" in {c.article for c in outcome.citations}


@pytest.mark.parametrize("function", [Function.DIRECTEUR, Function.ADJUNCT_DIRECTEUR])
@pytest.mark.parametrize("factor", ["0.2", "0.8571", "1"])
def test_directie_budget_2021(rulebook: Rulebook, function: Function, factor: str) -> None:
    outcome = budget(rulebook, function, factor)
    assert outcome.value == Decimal("3100.00")  # 3000 + 100, whatever the werktijdfactor
    assert (outcome.citation.article, outcome.citation.lid) == ("9.6", "3")


@pytest.mark.parametrize("function", list(Function))
def test_carried_over_note_and_interpretation(rulebook: Rulebook, function: Function) -> None:
    outcome = budget(rulebook, function, "1")
    assert CARRIED_OVER_NOTE in outcome.notes
    summaries = [item.summary for item in outcome.interpretations]
    assert any("unchanged" in summary for summary in summaries)
    # Our reading that nothing changed is not law, so the result says "interpretation".
    assert outcome.confidence is Confidence.INTERPRETATION


def test_same_values_as_2020_except_the_edition(rulebook: Rulebook) -> None:
    for function in Function:
        employee = Employee(function=function, werktijdfactor=Decimal("0.7"))
        ev2020 = rulebook.evaluate(employee, year=2020)
        ev2021 = rulebook.evaluate(employee, year=2021)
        assert list(ev2020) == list(ev2021)
        for rule_id in ev2020:
            assert ev2020[rule_id].value == ev2021[rule_id].value, rule_id
            assert ev2020[rule_id].edition.id == "cao-po-2019-2020"
            assert ev2021[rule_id].edition.id == "cao-po-2021"


def test_2020_results_carry_no_carried_over_note(rulebook: Rulebook) -> None:
    outcome = budget(rulebook, Function.LERAAR, "1", year=2020)
    assert CARRIED_OVER_NOTE not in outcome.notes
    # € 600: 9.3 lid 2 is confirmed, the € 100 of art. 9.8 rests on the AVS page alone.
    assert outcome.confidence is Confidence.SECONDARY
    assert not outcome.interpretations


def test_registration_and_hours_2021(rulebook: Rulebook) -> None:
    adjunct = Employee(function=Function.ADJUNCT_DIRECTEUR, werktijdfactor=Decimal("0.5"))
    assert (
        rulebook.evaluate(adjunct, year=2021)["registratieplicht_schoolleidersregister"].value
        is True
    )
    oop = Employee(function=Function.OOP, werktijdfactor=Decimal("0.8571"))
    ev = rulebook.evaluate(oop, year=2021)
    assert ev["uren_per_werkweek"].value == Decimal("1.7142")  # 2 × 0.8571
    assert ev["uren_per_jaar"].value == Decimal("71.1393")  # 83 × 0.8571
    assert ev["registratieplicht_schoolleidersregister"].value is False
