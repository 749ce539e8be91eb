"""Cited arithmetic steps (``onderwijsregels.amounts``), worked by hand.

Every value below is worked out in the comment next to it; the helpers must
give it exactly (no rounding: the evaluation rounds money once, at the end).
"""

from __future__ import annotations

import decimal
from datetime import date
from decimal import Decimal

import pytest

import onderwijsregels as owr
from onderwijsregels.amounts import Cited, band, dated, not_pro_rata, plus, pro_rata
from onderwijsregels.citations import Citation, Interpretation
from onderwijsregels.errors import EditionDefinitionError
from onderwijsregels.parameters import KnownValue
from onderwijsregels.steps import Step

BUDGET = Citation(
    "CAO PO 2019-2020",
    "9.3",
    "2",
    "poraad-faq-rechten-professionalisering",
    "recht op een individueel professionaliseringsbudget van € 500,= per jaar",
)
TOP_UP = Citation("CAO PO 2019-2020", "9.8", None, "avs-faq-professionalisering-po", None)
READING = Interpretation("a value we read", "the sources do not give it in so many words")

START = date(2020, 1, 1)


def known(
    value: str, citation: Citation = BUDGET, reading: Interpretation | None = None
) -> KnownValue:
    return KnownValue(Decimal(value), citation, START, None, reading)


# --- pro rata --------------------------------------------------------------------------------


def test_pro_rata_of_600_at_0_6() -> None:
    # 600 × 0.6 = 360
    result = pro_rata(Cited(Decimal("600"), (), BUDGET), Decimal("0.6"))
    assert result.value == Decimal("360")
    assert result.steps[-1].text == "Pro rata: € 600,00 × werktijdfactor 0.6 = € 360,00"
    assert result.citation == BUDGET  # the primary citation stays


def test_pro_rata_of_hours_has_no_euro_sign() -> None:
    # 83 × 0.8571 = 68.568 + 2.5713 = 71.1393
    hours = dated(known("83"), "Hours a year at full time", unit="")
    result = pro_rata(hours, Decimal("0.8571"))
    assert result.value == Decimal("71.1393")
    assert [step.text for step in result.steps] == [
        "Hours a year at full time: 83",
        "Pro rata: 83 × werktijdfactor 0.8571 = 71.1393",
    ]


def test_pro_rata_cites_what_it_is_given() -> None:
    amount = Cited(Decimal("500"), (), BUDGET)
    assert pro_rata(amount, Decimal("1")).steps[-1].citation is None
    assert pro_rata(amount, Decimal("1"), TOP_UP).steps[-1].citation == TOP_UP
    step = pro_rata(amount, Decimal("1"), known("500", reading=READING)).steps[-1]
    assert (step.citation, step.interpretation) == (BUDGET, READING)


def test_not_pro_rata_keeps_the_amount() -> None:
    # 3000 + 100 = 3100, whatever the werktijdfactor
    budget = plus(dated(known("3000"), "Directie"), known("100", TOP_UP), "Top-up")
    result = not_pro_rata(budget, Decimal("0.8"), known("3000"))
    assert result.value == Decimal("3100")
    assert result.steps[-1].text == "Not pro rata: € 3.100,00 whatever the werktijdfactor (0.8)"
    assert result.steps[-1].citation == BUDGET


# --- exactness ---------------------------------------------------------------------------------


def test_pro_rata_is_exact_not_rounded_to_cents() -> None:
    # 600 × 0.4167 = 240 + 10.002 = 250.0200, exactly 250.02
    result = pro_rata(Cited(Decimal("600"), ()), Decimal("0.4167"))
    assert result.value == Decimal("250.02")
    assert result.steps[-1].text == "Pro rata: € 600,00 × werktijdfactor 0.4167 = € 250,02"


def test_pro_rata_keeps_every_digit() -> None:
    # 500 × 0.33333 = 166.66500: not 166.67, not 166.66
    result = pro_rata(Cited(Decimal("500"), ()), Decimal("0.33333"))
    assert result.value == Decimal("166.665")
    assert result.steps[-1].text == "Pro rata: € 500,00 × werktijdfactor 0.33333 = € 166,665"


def test_helpers_run_in_the_evaluations_exact_context() -> None:
    # The evaluation traps Inexact; 500 × 0.33333 + nothing rounded must not trip it.
    exact = decimal.Context(prec=200, traps=[decimal.Inexact])
    with decimal.localcontext(exact):
        budget = plus(dated(known("500"), "Base"), known("100", TOP_UP), "Top-up")
        result = pro_rata(budget, Decimal("0.33333"))
    # (500 + 100) × 0.33333 = 199.998
    assert result.value == Decimal("199.998")


def test_a_cited_amount_is_never_a_float() -> None:
    with pytest.raises(EditionDefinitionError, match="exact Decimal"):
        Cited(0.6, ())  # type: ignore[arg-type]


# --- dated and plus ----------------------------------------------------------------------------


def test_dated_is_the_first_step_citing_the_value() -> None:
    start = dated(known("500"), "Base amount a year for teachers and OOP")
    assert start.value == Decimal("500")
    assert start.citation == BUDGET
    (step,) = start.steps
    assert step.text == "Base amount a year for teachers and OOP: € 500,00"
    assert step.citation == BUDGET


def test_plus_adds_the_amount_with_its_own_citation() -> None:
    # 500 + 100 = 600
    total = plus(dated(known("500"), "Base"), known("100", TOP_UP), "Top-up for calendar year 2020")
    assert total.value == Decimal("600")
    assert total.steps[-1].text == "Top-up for calendar year 2020: € 100,00"
    assert total.steps[-1].citation == TOP_UP
    assert total.citation == BUDGET  # the base stays the primary citation


def test_plus_with_none_uses_the_absent_text() -> None:
    base = dated(known("500"), "Base")
    absent = "No top-up in calendar year 2022 (art. 9.8 of CAO PO 2019-2020 covers 2020 and 2021)"
    total = plus(base, None, "Top-up", absent)
    assert total.value == Decimal("500")
    assert total.steps[-1] == Step(absent)
    assert plus(base, None, "Top-up") == base  # no text: nothing added


def test_interpretations_are_carried_from_a_known_value() -> None:
    base = dated(known("500", reading=READING), "Base")
    assert base.steps[0].interpretation == READING
    total = pro_rata(plus(base, known("100", TOP_UP), "Top-up"), Decimal("0.5"))
    # (500 + 100) × 0.5 = 300; the reading stays with the step that used the value
    assert total.value == Decimal("300")
    assert total.interpretations == (READING,)
    computation = total.computation(notes=["a note"])
    assert computation.value == Decimal("300")
    assert computation.citation == BUDGET
    assert computation.notes == ("a note",)
    assert READING in {step.interpretation for step in computation.steps}


def test_computation_can_name_another_primary_citation() -> None:
    assert Cited(Decimal("1"), (), BUDGET).computation(TOP_UP).citation == TOP_UP
    with pytest.raises(EditionDefinitionError, match="primary citation"):
        Cited(Decimal("1"), ()).computation()


# --- band --------------------------------------------------------------------------------------

POINTS = ((60, 79, 3), (80, 99, 4), (100, 119, 5), (120, 139, 6), (140, None, 7))


@pytest.mark.parametrize(
    ("points", "years"),
    [
        (59, None),  # below the lowest band
        (60, 3),  # 60-79 -> 3
        (79, 3),
        (80, 4),  # 80-99 -> 4
        (140, 7),  # 140 or more -> 7
        (500, 7),
    ],
)
def test_band_at_each_boundary(points: int, years: int | None) -> None:
    found, step = band(points, POINTS, "Points table", TOP_UP, interpretation=READING)
    assert found == years
    assert (step.citation, step.interpretation) == (TOP_UP, READING)


def test_band_steps() -> None:
    assert (
        band(79, POINTS, "Points table")[1].text == "Points table: 79 falls in 60 to 79, giving 3"
    )
    assert band(500, POINTS, "Points table")[1].text == (
        "Points table: 500 falls in 140 or more, giving 7"
    )
    assert band(59, POINTS, "Points table")[1].text == (
        "Points table: 59 is below the table's lowest band (60)"
    )


def test_band_with_a_gap_and_above_a_closed_table() -> None:
    table = ((1, 2, "a"), (5, 6, "b"))
    assert band(3, table, "T") == (None, Step("T: 3 falls in no band of the table"))
    assert band(7, table, "T") == (None, Step("T: 7 falls in no band of the table"))


@pytest.mark.parametrize(
    "table",
    [
        (),  # no bands
        ((60, 79, 3), (79, 99, 4)),  # 79 in two bands
        ((80, 99, 4), (60, 79, 3)),  # descending
        ((60, 50, 3),),  # highest below lowest
        ((60, None, 3), (80, None, 4)),  # an open band before the last
    ],
)
def test_band_refuses_a_malformed_table(table: tuple[tuple[int, int | None, int], ...]) -> None:
    with pytest.raises(EditionDefinitionError, match="Points table"):
        band(70, table, "Points table")


# --- in a rule ---------------------------------------------------------------------------------


def test_individueel_budget_reads_its_steps_from_the_helpers(rulebook: owr.Rulebook) -> None:
    # (500 + 100) × 0.6 = 360, cited to art. 9.3 lid 2 (pro rata) and art. 9.8 (top-up)
    juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.6"))
    outcome = rulebook.evaluate(juf, year=2020)["individueel_budget"]
    assert outcome.exact == Decimal("360")
    texts = [step.text for step in outcome.steps]
    assert "Pro rata: € 600,00 × werktijdfactor 0.6 = € 360,00" in texts
    pro_rata_step = next(step for step in outcome.steps if step.text.startswith("Pro rata"))
    assert pro_rata_step.citation is not None
    assert pro_rata_step.citation.reference == "CAO PO 2019-2020, art. 9.3 lid 2"
