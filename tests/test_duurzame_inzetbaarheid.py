"""Chapter 8A, duurzame inzetbaarheid: every rule, hand-worked, in every edition that has it.

Sources (facts.md part 2, section 5, all A-level, PO-Raad):
- "recht op een budget van 40 per jaar, naar rato van werktijdfactor en tijdsduur";
  saving at most 3 years for a set purpose (8A.4);
- starting teachers "L10-1/L11-1/L12-1 tot en met L10-3/L11-3/L12-3" get "een extra budget van
  40 uur per jaar (deeltijders naar rato)", not savable;
- from 57: +130 hours a year pro rata; "Het totale budget (40 + 130 uur) mag gedurende maximaal
  5 jaar worden gespaard. De opname mag niet meer bedragen dan 340 uur per jaar."
- the day on which the age counts is not in the sources: the library reads the reference day
  (an interpretation).
Chapter 8A existed up to CAO PO 2023-2024; 2024-2025 merged it with chapter 9 and its hours are
UNCONFIRMED (facts.md part 2, section 1).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

import pytest

import onderwijsregels as owr
from onderwijsregels import (
    Employee,
    Function,
    NotEncodedError,
    Outcome,
    Rulebook,
    RuleNotApplicableError,
    Unit,
)
from onderwijsregels.testing.plugins import shipped_plugins

BUILT_IN = shipped_plugins()
"""Every edition shipped with onderwijsregels (pyproject.toml); third-party plugins are left out."""

RULE_IDS = (
    "duurzame_inzetbaarheid_basisbudget_uren",
    "duurzame_inzetbaarheid_startende_leraar_uren",
    "duurzame_inzetbaarheid_oudere_werknemer_uren",
    "duurzame_inzetbaarheid_spaartermijn",
    "duurzame_inzetbaarheid_maximale_opname_uren",
)

BASIS = "duurzame_inzetbaarheid_basisbudget_uren"
STARTER = "duurzame_inzetbaarheid_startende_leraar_uren"
OUDER = "duurzame_inzetbaarheid_oudere_werknemer_uren"
SPAREN = "duurzame_inzetbaarheid_spaartermijn"
OPNAME = "duurzame_inzetbaarheid_maximale_opname_uren"

DAYS_WITH_8A = [
    pytest.param(date(2020, 1, 1), id="2019-2020"),
    pytest.param(date(2021, 1, 1), id="2021"),
    pytest.param(date(2022, 1, 1), id="2022"),
    pytest.param(date(2022, 6, 1), id="2022-2023"),
    pytest.param(date(2023, 5, 1), id="2023-2024"),
    pytest.param(date(2024, 9, 30), id="2023-2024-last-day"),
]

BORN_57_ON_2020_01_01 = date(1963, 1, 1)  # 2020 - 1963 = 57, birthday on the day itself
BORN_56_ON_2020_01_01 = date(1963, 1, 2)  # turns 57 one day later


@pytest.fixture(scope="module")
def rb() -> Rulebook:
    return owr.load(only=BUILT_IN)


def employee(
    function: Function = Function.LERAAR,
    factor: str = "1",
    scale: str | None = "L11",
    trede: int | None = None,
    born: date | None = None,
) -> Employee:
    return Employee(
        function=function,
        werktijdfactor=Decimal(factor),
        scale=scale,
        trede=trede,
        birth_date=born,
    )


def outcome(rb: Rulebook, who: Employee, rule_id: str, day: date = date(2020, 1, 1)) -> Outcome:
    return rb.evaluate(who, on=day)[rule_id]


def not_applicable(rb: Rulebook, who: Employee, rule_id: str, day: date = date(2020, 1, 1)) -> str:
    ev = rb.evaluate(who, on=day)
    assert rule_id not in ev
    with pytest.raises(RuleNotApplicableError) as caught:
        ev[rule_id]
    assert caught.value.rule_id == rule_id
    return caught.value.reason


# --- presence ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "edition_id",
    [
        "cao-po-2019-2020",
        "cao-po-2021",
        "cao-po-2022",
        "cao-po-2022-2023",
        "cao-po-2023-2024",
    ],
)
def test_every_edition_before_the_merge_defines_the_8a_rules(rb: Rulebook, edition_id: str) -> None:
    ids = rb.get(edition_id).rule_ids
    for rule_id in RULE_IDS:
        assert rule_id in ids


@pytest.mark.parametrize("edition_id", ["cao-po-2024-2025", "cao-po-2025-2027"])
def test_the_merge_folds_the_basic_budget_into_pdi_hours(rb: Rulebook, edition_id: str) -> None:
    ids = rb.get(edition_id).rule_ids
    assert BASIS not in ids  # the 40 hours are part of the 123 PDI hours
    assert "pdi_uren" in ids
    for rule_id in RULE_IDS:
        if rule_id != BASIS:
            assert rule_id in ids


def test_hours_rules_count_per_calendar_year(rb: Rulebook) -> None:
    edition = rb.get("cao-po-2019-2020")
    for rule_id in (BASIS, STARTER, OUDER, OPNAME):
        assert edition.rule(rule_id).unit is Unit.UUR_PER_KALENDERJAAR
    assert edition.rule(SPAREN).unit is Unit.JAREN


# --- basic budget: 40 hours pro rata -------------------------------------------------------


@pytest.mark.parametrize("day", DAYS_WITH_8A)
@pytest.mark.parametrize(
    ("factor", "expected"),
    [
        ("1", "40"),  # 40 × 1
        ("0.6", "24"),  # 40 × 0.6
        ("0.5", "20"),  # 40 × 0.5
        ("0.4167", "16.668"),  # 40 × 0.4167 = 16.668, hours are not rounded
    ],
)
def test_basic_budget_pro_rata(rb: Rulebook, day: date, factor: str, expected: str) -> None:
    found = outcome(rb, employee(factor=factor), BASIS, day)
    assert found.value == Decimal(expected)
    assert found.unit is Unit.UUR_PER_KALENDERJAAR
    assert "40" in cast(str, found.citation.quote)


@pytest.mark.parametrize("function", [Function.OOP, Function.DIRECTEUR, Function.ADJUNCT_DIRECTEUR])
def test_basic_budget_for_all_staff(rb: Rulebook, function: Function) -> None:
    # "Alle werknemers": 40 × 0.6 = 24 whatever the function.
    assert outcome(rb, employee(function, "0.6", scale=None), BASIS).value == Decimal("24")


# --- starting teachers: +40 hours pro rata, L10-1/L11-1/L12-1 up to step 3 ---------------------


@pytest.mark.parametrize("day", DAYS_WITH_8A)
@pytest.mark.parametrize(
    ("scale", "trede", "factor", "expected"),
    [
        ("L10", 1, "1", "40"),  # 40 × 1
        ("L11", 1, "0.6", "24"),  # 40 × 0.6
        ("L12", 1, "0.5", "20"),  # 40 × 0.5
        ("L10", 2, "0.8", "32"),  # 40 × 0.8
        ("L11", 3, "1", "40"),  # step 3 is the last starters' step
        ("L12", 3, "0.4167", "16.668"),  # 40 × 0.4167
        ("L10", 3, "0.6", "24"),
    ],
)
def test_starting_teacher_extra_hours(
    rb: Rulebook, day: date, scale: str, trede: int, factor: str, expected: str
) -> None:
    found = outcome(rb, employee(factor=factor, scale=scale, trede=trede), STARTER, day)
    assert found.value == Decimal(expected)
    assert any("cannot be saved" in note for note in found.notes)
    assert "L10-1/L11-1/L12-1" in cast(str, found.citation.quote)


@pytest.mark.parametrize("scale", ["L10", "L11", "L12"])
def test_step_four_is_not_a_starter(rb: Rulebook, scale: str) -> None:
    reason = not_applicable(rb, employee(scale=scale, trede=4), STARTER)
    assert f"{scale}-4" in reason


def test_teacher_without_trede_not_applicable(rb: Rulebook) -> None:
    reason = not_applicable(rb, employee(scale="L11", trede=None), STARTER)
    assert "trede" in reason


def test_teacher_without_scale_not_applicable(rb: Rulebook) -> None:
    not_applicable(rb, employee(scale=None), STARTER)


@pytest.mark.parametrize(
    "who",
    [
        employee(Function.OOP, scale="10", trede=1),
        employee(Function.OOP, scale="11", trede=2),
        employee(Function.DIRECTEUR, scale="D12", trede=1),
        employee(Function.ADJUNCT_DIRECTEUR, scale="A11", trede=1),
    ],
)
def test_only_teachers_are_starters(rb: Rulebook, who: Employee) -> None:
    not_applicable(rb, who, STARTER)


# --- older employees: +130 hours pro rata from 57 ----------------------------------------------


@pytest.mark.parametrize(
    ("factor", "expected"),
    [
        ("1", "130"),  # 130 × 1
        ("0.6", "78"),  # 130 × 0.6
        ("0.5", "65"),  # 130 × 0.5
        ("0.4167", "54.171"),  # 130 × 0.4167 = 54.171
    ],
)
def test_older_employee_extra_hours(rb: Rulebook, factor: str, expected: str) -> None:
    who = employee(Function.OOP, factor, scale=None, born=BORN_57_ON_2020_01_01)
    found = rb.evaluate(who, year=2020)[OUDER]  # reference day 2020-01-01: aged 57
    assert found.value == Decimal(expected)
    assert "40 + 130" in cast(str, found.citation.quote) or "130" in cast(str, found.citation.quote)


def test_age_reading_is_a_labelled_interpretation(rb: Rulebook) -> None:
    who = employee(born=BORN_57_ON_2020_01_01)
    found = rb.evaluate(who, year=2020)[OUDER]
    assert found.interpretations
    assert any("reference day" in item.summary for item in found.interpretations)
    assert found.confidence is owr.Confidence.INTERPRETATION


def test_fifty_six_is_not_older(rb: Rulebook) -> None:
    who = employee(born=BORN_56_ON_2020_01_01)
    reason = not_applicable(rb, who, OUDER)
    assert "56" in reason
    assert "57" in reason


def test_age_counts_on_the_reference_day(rb: Rulebook) -> None:
    who = employee(factor="0.6", born=BORN_56_ON_2020_01_01)
    # 56 on 1 January 2020, 57 from 2 January 2020 and on 1 January 2021.
    not_applicable(rb, who, OUDER, date(2020, 1, 1))
    assert outcome(rb, who, OUDER, date(2020, 1, 2)).value == Decimal("78")  # 130 × 0.6
    assert rb.evaluate(who, year=2021)[OUDER].value == Decimal("78")


def test_no_birth_date_not_applicable(rb: Rulebook) -> None:
    reason = not_applicable(rb, employee(), OUDER)
    assert "birth_date" in reason


@pytest.mark.parametrize("day", DAYS_WITH_8A)
def test_older_budget_in_every_8a_edition(rb: Rulebook, day: date) -> None:
    who = employee(born=date(1950, 6, 15))  # at least 69 on every day tested
    assert outcome(rb, who, OUDER, day).value == Decimal("130")


# --- saving term: 3 years, 5 years from 57 -----------------------------------------------------


@pytest.mark.parametrize("day", DAYS_WITH_8A)
def test_saving_term_three_years(rb: Rulebook, day: date) -> None:
    found = outcome(rb, employee(born=date(1980, 1, 1)), SPAREN, day)
    assert found.value == 3
    assert found.citation.article == "8A.4"


@pytest.mark.parametrize("day", DAYS_WITH_8A)
def test_saving_term_five_years_from_57(rb: Rulebook, day: date) -> None:
    found = outcome(rb, employee(born=date(1950, 6, 15)), SPAREN, day)
    assert found.value == 5
    assert "5 jaar" in cast(str, found.citation.quote)
    assert any("reference day" in item.summary for item in found.interpretations)


def test_saving_term_boundary_at_57(rb: Rulebook) -> None:
    assert rb.evaluate(employee(born=BORN_57_ON_2020_01_01), year=2020)[SPAREN].value == 5
    assert rb.evaluate(employee(born=BORN_56_ON_2020_01_01), year=2020)[SPAREN].value == 3


def test_saving_term_without_birth_date_says_so(rb: Rulebook) -> None:
    found = outcome(rb, employee(), SPAREN)
    assert found.value == 3
    assert any("birth_date" in note for note in found.notes)


def test_saving_term_not_encoded_after_the_merge(rb: Rulebook) -> None:
    # The merged PDI chapter's saving terms are not in our sources: no carried-over guess.
    ev = rb.evaluate(employee(), on=date(2024, 10, 1))
    with pytest.raises(NotEncodedError) as caught:
        ev[SPAREN]
    assert caught.value.parameter == "di_spaartermijn"


# --- maximum withdrawal: 340 hours a year from 57 --------------------------------------------


@pytest.mark.parametrize("factor", ["1", "0.6"])
def test_maximum_withdrawal_from_57(rb: Rulebook, factor: str) -> None:
    who = employee(factor=factor, born=BORN_57_ON_2020_01_01)
    found = rb.evaluate(who, year=2020)[OPNAME]
    assert found.value == Decimal("340")  # "niet meer bedragen dan 340 uur per jaar"
    assert "340" in cast(str, found.citation.quote)
    assert found.interpretations  # rests on the age reading


def test_maximum_withdrawal_not_for_fifty_six(rb: Rulebook) -> None:
    reason = not_applicable(rb, employee(born=BORN_56_ON_2020_01_01), OPNAME)
    assert "57" in reason


def test_maximum_withdrawal_without_birth_date(rb: Rulebook) -> None:
    reason = not_applicable(rb, employee(), OPNAME)
    assert "birth_date" in reason


# --- CAO PO 2024-2025: the merged chapter's hours are not encoded -----------------------------


# Calendar years from 2025: on a day in October-December 2024 the hours of calendar year 2024 are
# those in force on 1 January 2024, which are known.
@pytest.mark.parametrize("day", [date(2025, 1, 1), date(2025, 11, 1)])
@pytest.mark.parametrize(
    ("who", "rule_id", "parameter"),
    [
        (employee(scale="L10", trede=1), STARTER, "di_startende_leraar_uren"),
        (employee(born=date(1950, 6, 15)), OUDER, "di_oudere_werknemer_uren"),
        (employee(born=date(1950, 6, 15)), OPNAME, "di_maximale_opname_oudere_werknemer"),
    ],
)
def test_hours_not_encoded_after_the_merge(
    rb: Rulebook, day: date, who: Employee, rule_id: str, parameter: str
) -> None:
    ev = rb.evaluate(who, on=day)
    assert rule_id not in ev
    with pytest.raises(NotEncodedError) as caught:
        ev[rule_id]
    message = str(caught.value)
    assert caught.value.parameter == parameter
    assert parameter in message
    assert "8A" in message
    assert "merged" in message


def test_starter_exclusions_still_hold_after_the_merge(rb: Rulebook) -> None:
    # Not applicable is decided before the missing amount is needed.
    reason = not_applicable(rb, employee(scale="L11", trede=None), STARTER, date(2024, 10, 1))
    assert "trede" in reason
