"""Lerarenregister (Wet beroep leraar, Stb. 2017, 85): hand-worked cases.

facts.md part 1 section 11 and the AVS page: the law entered into force on 1 August 2017;
mandatory registration was halted in June 2018 (letter of minister Slob, 13 June 2018); the
register provisions were abolished, planned from 1 August 2022 (final date unconfirmed). The AVS
page: school boards still deliver teachers' data to DUO ("de verplichting blijft").
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

import pytest

import onderwijsregels as owr
from onderwijsregels import Confidence, Employee, Function, Rulebook
from onderwijsregels.evaluate import Evaluation

FAMILY = ["lerarenregister"]
DUTY = "lerarenregister_registratieplicht"
DATA = "lerarenregister_gegevens_aanleveren_door_bestuur"


@pytest.fixture(scope="module")
def rb() -> Rulebook:
    return owr.load(only=("lerarenregister-2017",))


def ev(rb: Rulebook, function: Function, on: date) -> Evaluation:
    employee = Employee(function=function, werktijdfactor=Decimal("1"))
    return rb.evaluate(employee, on=on, families=FAMILY)


def test_one_edition_from_1_august_2017(rb: Rulebook) -> None:
    (edition,) = rb.editions("lerarenregister")
    assert (edition.id, edition.valid_from, edition.valid_to) == (
        "lerarenregister-2017",
        date(2017, 8, 1),
        None,
    )
    with pytest.raises(owr.NoEditionError):
        ev(rb, Function.LERAAR, date(2017, 7, 31))


@pytest.mark.parametrize("on", [date(2017, 8, 1), date(2018, 8, 1), date(2022, 7, 31)])
def test_a_teacher_need_not_register_before_the_abolition(rb: Rulebook, on: date) -> None:
    outcome = ev(rb, Function.LERAAR, on)[DUTY]
    assert outcome.value is False
    texts = [step.text for step in outcome.steps]
    assert any("halted in June 2018" in text for text in texts)
    assert not any("abolished" in text for text in texts)


@pytest.mark.parametrize("on", [date(2022, 8, 1), date(2025, 1, 1)])
def test_from_1_august_2022_the_abolition_is_a_step(rb: Rulebook, on: date) -> None:
    # Planned entry into force of the abolition: 1 August 2022 (secondary source).
    outcome = ev(rb, Function.LERAAR, on)[DUTY]
    assert outcome.value is False
    abolition = outcome.steps[-1]
    assert "abolished" in abolition.text
    assert "final date unconfirmed" in abolition.text
    assert abolition.citation is not None
    assert abolition.citation.confidence is Confidence.SECONDARY


def test_no_duty_is_a_labelled_interpretation(rb: Rulebook) -> None:
    outcome = ev(rb, Function.LERAAR, date(2020, 1, 1))[DUTY]
    (reading,) = outcome.interpretations
    assert reading.summary == "no teacher had to be registered on any day this edition covers"
    assert outcome.confidence is Confidence.INTERPRETATION
    assert cast(str, outcome.citation.quote).startswith("De verplichting tot het registreren")


@pytest.mark.parametrize(
    ("on", "confidence"),
    [
        (date(2019, 1, 1), Confidence.CONFIRMED),  # the AVS page (A), while postponed
        (date(2022, 7, 31), Confidence.CONFIRMED),
        (date(2022, 8, 1), Confidence.INTERPRETATION),  # after the planned abolition
        (date(2025, 1, 1), Confidence.INTERPRETATION),
    ],
)
def test_the_board_still_delivers_teachers_data_to_duo(
    rb: Rulebook, on: date, confidence: Confidence
) -> None:
    outcome = ev(rb, Function.LERAAR, on)[DATA]
    assert outcome.value is True
    assert outcome.citation.quote is not None
    assert "de verplichting blijft" in outcome.citation.quote
    assert outcome.confidence is confidence
    after = [item.summary for item in outcome.interpretations]
    if confidence is Confidence.INTERPRETATION:
        assert after == [
            "school boards still deliver teachers' data to DUO after the register's abolition"
        ]
    else:
        assert after == []


@pytest.mark.parametrize("function", [Function.OOP, Function.DIRECTEUR, Function.ADJUNCT_DIRECTEUR])
def test_the_rules_concern_teachers_only(rb: Rulebook, function: Function) -> None:
    evaluation = ev(rb, function, date(2020, 1, 1))
    assert len(evaluation) == 0
    for rule_id in (DUTY, DATA):
        with pytest.raises(owr.RuleNotApplicableError, match="teachers"):
            evaluation[rule_id]


def test_a_teacher_is_not_in_the_schoolleidersregister() -> None:
    rb = owr.load(only=("lerarenregister-2017", "schoolleidersregister-2013"))
    teacher = Employee(function=Function.LERAAR, werktijdfactor=Decimal("0.6"), scale="L11")
    evaluation = rb.evaluate(teacher, on=date(2020, 1, 1))
    assert evaluation["schoolleidersregister_registratieplicht"].value is False
    assert evaluation["schoolleidersregister_status"].value == "niet vereist"
    assert evaluation[DUTY].value is False
    assert evaluation[DATA].value is True
