"""Schoolleidersregister PO, both regimes: hand-worked cases at every boundary.

Figures and dates from /work/shared/sources/facts.md part 1 section 10, part 2 section 7 and the
AVS page (avs-faq-professionalisering-po.txt); the arithmetic is worked by hand in the comments.

- Register opened 10 June 2013; every school leader registered by 1 January 2018.
- Who: directeur or adjunct-directeur in PO, not a statutory board member (Registerreglement
  art. 1 sub 16).
- Old register (until August 2022; edition ends 2022-08-23): RDO / RADO / aspirant, re-registration
  "iedere vier jaar"; after the date six months "onder voorwaarden", then "herregistratie verlopen".
- New register (from 2022-08-24, a labelled interpretation of "August 2022"): one title RDO with
  predicate; registration for five years from the decision (Registerreglement art. 7 lid 1);
  at least 100 points per five years; the points of a re-registration set the next date:
  60-79 -> 3 years, 80-99 -> 4, 100-119 -> 5, 120-139 -> 6, 140+ -> 7.
- Fee: 2019 EUR 195, 2022 EUR 245 (A), 2024 EUR 270 (D, weak source); the employer reimburses
  (CAO PO 2019-2020 art. 9.7).
- Refusal: objection (bezwaar) to the commission (art. 6 lid 2), then appeal to the Commissie van
  Beroep Registratie Schoolleidersregister PO at Stichting Onderwijsgeschillen.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

import pytest

import onderwijsregels as owr
from onderwijsregels import Confidence, Employee, Function, Rulebook
from onderwijsregels.evaluate import Evaluation
from onderwijsregels.registration import OldTitle, Predicate, Register, Registration, Route

REGISTERS = ("schoolleidersregister-2013", "schoolleidersregister-2022", "lerarenregister-2017")
FAMILY = ["schoolleidersregister"]

STATUS = "schoolleidersregister_status"
DUE = "schoolleidersregister_herregistratiedatum"
DUTY = "schoolleidersregister_registratieplicht"
TITLE = "schoolleidersregister_titel"
FEE = "schoolleidersregister_jaarlijkse_bijdrage"
ROUTE = "schoolleidersregister_bezwaar_en_beroep"
NEEDED = "schoolleidersregister_punten_nodig"


@pytest.fixture(scope="module")
def rb() -> Rulebook:
    return owr.load(only=REGISTERS)


def slr(decided: date | None = None, **changes: object) -> Registration:
    """A registration in the Schoolleidersregister PO."""
    return Registration(
        register=Register.SCHOOLLEIDERSREGISTER_PO,
        decision_date=decided,
        **changes,  # type: ignore[arg-type]
    )


def leader(
    registration: Registration | None = None,
    *,
    function: Function = Function.DIRECTEUR,
    board: bool = False,
) -> Employee:
    return Employee(
        function=function,
        werktijdfactor=Decimal("1"),
        registration=registration,
        statutair_bestuurder=board,
    )


def ev(rb: Rulebook, employee: Employee, on: date) -> Evaluation:
    return rb.evaluate(employee, on=on, families=FAMILY)


def status(rb: Rulebook, registration: Registration | None, on: date, **kw: object) -> object:
    return ev(rb, leader(registration, **kw), on)[STATUS].value  # type: ignore[arg-type]


def due(rb: Rulebook, registration: Registration, on: date) -> object:
    return ev(rb, leader(registration), on)[DUE].value


# --- editions ------------------------------------------------------------------------------


def test_the_two_editions_and_their_days(rb: Rulebook) -> None:
    old, new = rb.editions("schoolleidersregister")
    assert (old.id, old.valid_from, old.valid_to) == (
        "schoolleidersregister-2013",
        # the AVS reference page: "sinds 1 februari 2013 verplicht" (facts.md disagrees: the
        # register opened on 10 June 2013; both dates are encoded, the AVS one as the start)
        date(2013, 2, 1),
        date(2022, 8, 23),
    )
    assert (new.id, new.valid_from, new.valid_to) == (
        "schoolleidersregister-2022",
        date(2022, 8, 24),
        None,
    )
    assert new.derives_from == old.id
    assert rb.edition("schoolleidersregister", on=date(2022, 8, 23)).id == old.id
    assert rb.edition("schoolleidersregister", on=date(2022, 8, 24)).id == new.id


def test_start_day_of_the_new_register_is_a_labelled_interpretation(rb: Rulebook) -> None:
    new = rb.get("schoolleidersregister-2022")
    assert new.interpretation is not None
    assert "24 August 2022" in new.interpretation.summary


def test_before_the_duty_there_is_no_edition(rb: Rulebook) -> None:
    # The AVS page dates the duty from 1 February 2013: the day before, no edition governs.
    with pytest.raises(owr.NoEditionError):
        ev(rb, leader(), date(2013, 1, 31))
    outcome = ev(rb, leader(), date(2013, 2, 1))[DUTY]
    assert outcome.value is True
    # both dates are visible: the AVS duty date and the register's opening on 10 June 2013
    assert any("1 February 2013" in s.text and "10 June 2013" in s.text for s in outcome.steps)


# --- who must register ---------------------------------------------------------------------


@pytest.mark.parametrize("function", [Function.DIRECTEUR, Function.ADJUNCT_DIRECTEUR])
def test_directors_and_adjunct_directors_must_register(rb: Rulebook, function: Function) -> None:
    outcome = ev(rb, leader(function=function), date(2020, 1, 1))[DUTY]
    assert outcome.value is True
    assert outcome.citation.article == "1"
    assert status(rb, None, date(2020, 1, 1), function=function) == "niet geregistreerd"


@pytest.mark.parametrize("function", [Function.DIRECTEUR, Function.ADJUNCT_DIRECTEUR])
def test_a_statutory_board_member_need_not_register(rb: Rulebook, function: Function) -> None:
    # Registerreglement art. 1: "met uitzondering van personen die statutair bestuurder ... zijn".
    evaluation = ev(rb, leader(function=function, board=True), date(2020, 1, 1))
    assert evaluation[DUTY].value is False
    assert "statutory board member" in evaluation[DUTY].steps[0].text
    assert evaluation[STATUS].value == "niet vereist"
    # no registration and no duty: no fee either
    assert FEE not in evaluation
    assert FEE in [item.rule_id for item in evaluation.not_applicable]


@pytest.mark.parametrize("function", [Function.LERAAR, Function.OOP])
def test_teachers_and_support_staff_need_not_register(rb: Rulebook, function: Function) -> None:
    evaluation = ev(rb, leader(function=function), date(2020, 1, 1))
    assert evaluation[DUTY].value is False
    assert evaluation[STATUS].value == "niet vereist"


def test_the_2018_deadline_before_and_after(rb: Rulebook) -> None:
    # "Schoolleiders die op 1 januari 2018 niet geregistreerd zijn kunnen ... hun directiefunctie
    # niet meer vervullen." On 31 Dec 2017 the deadline still lies ahead; from 1 Jan 2018 it has
    # passed.
    before = ev(rb, leader(), date(2017, 12, 31))[DUTY]
    on_the_day = ev(rb, leader(), date(2018, 1, 1))[DUTY]
    assert before.value is on_the_day.value is True
    assert "required by 2018-01-01" in before.steps[-1].text
    assert "Since 2018-01-01" in on_the_day.steps[-1].text
    assert "can no longer hold the directiefunctie" in on_the_day.steps[-1].text
    assert all("Since" not in step.text for step in before.steps)


def test_the_duty_notes_that_the_employer_pays(rb: Rulebook) -> None:
    outcome = ev(rb, leader(), date(2020, 1, 1))[DUTY]
    assert any("employer pay" in note for note in outcome.notes)


# --- old regime: four years, six months onder voorwaarden ----------------------------------


def test_four_year_cycle_and_the_six_months_onder_voorwaarden(rb: Rulebook) -> None:
    # Decided 2019-03-01 (old register): due 2019 + 4 = 2023-03-01.
    # Six months after: 2023-03-01 + 6 months = 2023-09-01 (the last day onder voorwaarden).
    registration = slr(date(2019, 3, 1), title=OldTitle.RDO)
    assert due(rb, registration, date(2020, 1, 1)) == date(2023, 3, 1)
    assert status(rb, registration, date(2019, 3, 1)) == "geregistreerd"
    assert status(rb, registration, date(2023, 3, 1)) == "geregistreerd"
    assert status(rb, registration, date(2023, 3, 2)) == "onder voorwaarden"
    assert status(rb, registration, date(2023, 9, 1)) == "onder voorwaarden"
    assert status(rb, registration, date(2023, 9, 2)) == "herregistratie verlopen"


def test_old_cycle_steps_and_citation(rb: Rulebook) -> None:
    outcome = ev(rb, leader(slr(date(2019, 3, 1))), date(2020, 1, 1))[DUE]
    assert "every 4 years, due 2023-03-01" in outcome.steps[0].text
    assert outcome.citation.quote == "Iedere vier jaar vraagt u herregistratie aan."
    assert "until 2023-09-01" in outcome.steps[-1].text


def test_a_day_before_the_decision_is_not_registered(rb: Rulebook) -> None:
    registration = slr(date(2019, 3, 1))
    assert status(rb, registration, date(2019, 2, 28)) == "niet geregistreerd"


def test_first_decisions_in_the_opening_year(rb: Rulebook) -> None:
    # Decided 2013-06-10: due 2017-06-10, onder voorwaarden until 2017-12-10.
    registration = slr(date(2013, 6, 10))
    assert due(rb, registration, date(2013, 6, 10)) == date(2017, 6, 10)
    assert status(rb, registration, date(2017, 12, 10)) == "onder voorwaarden"
    assert status(rb, registration, date(2017, 12, 11)) == "herregistratie verlopen"


def test_month_ends_clamp_to_the_last_day(rb: Rulebook) -> None:
    # Decided 2018-08-31: due 2022-08-31; + 6 months = February 2023, which has 28 days:
    # onder voorwaarden until 2023-02-28, expired from 2023-03-01.
    registration = slr(date(2018, 8, 31))
    assert due(rb, registration, date(2019, 1, 1)) == date(2022, 8, 31)
    assert status(rb, registration, date(2023, 2, 28)) == "onder voorwaarden"
    assert status(rb, registration, date(2023, 3, 1)) == "herregistratie verlopen"


def test_29_february_in_the_old_cycle(rb: Rulebook) -> None:
    # Decided 2016-02-29: 2020 is a leap year too, so due 2020-02-29.
    assert due(rb, slr(date(2016, 2, 29)), date(2017, 1, 1)) == date(2020, 2, 29)


def test_29_february_in_the_new_cycle(rb: Rulebook) -> None:
    # Decided 2024-02-29 (new register, first registration): + 5 years = 2029, not a leap year:
    # due 2029-02-28. Six months after: 2029-08-28.
    registration = slr(date(2024, 2, 29))
    assert due(rb, registration, date(2024, 3, 1)) == date(2029, 2, 28)
    assert status(rb, registration, date(2029, 8, 28)) == "onder voorwaarden"
    assert status(rb, registration, date(2029, 8, 29)) == "herregistratie verlopen"
    assert any(
        "29 February" in item.summary
        for item in ev(rb, leader(registration), date(2024, 3, 1))[DUE].interpretations
    )


# --- new regime: five years, points ---------------------------------------------------------


def test_five_year_cycle_for_a_first_registration(rb: Rulebook) -> None:
    # Registerreglement art. 7 lid 1: five years from the decision. Decided 2022-09-01:
    # due 2027-09-01; onder voorwaarden until 2028-03-01; expired from 2028-03-02.
    registration = slr(date(2022, 9, 1), predicate=Predicate.NIVEAU_2)
    outcome = ev(rb, leader(registration), date(2023, 1, 1))[DUE]
    assert outcome.value == date(2027, 9, 1)
    assert outcome.citation.article == "7"
    assert outcome.citation.lid == "1"
    assert "for 5 years" in outcome.steps[0].text
    assert status(rb, registration, date(2027, 9, 1)) == "geregistreerd"
    assert status(rb, registration, date(2027, 9, 2)) == "onder voorwaarden"
    assert status(rb, registration, date(2028, 3, 1)) == "onder voorwaarden"
    assert status(rb, registration, date(2028, 3, 2)) == "herregistratie verlopen"


def test_the_new_regime_grace_period_is_a_labelled_interpretation(rb: Rulebook) -> None:
    registration = slr(date(2022, 9, 1))
    outcome = ev(rb, leader(registration), date(2028, 1, 1))[STATUS]
    assert outcome.value == "onder voorwaarden"
    summaries = [item.summary for item in outcome.interpretations]
    assert any("'onder voorwaarden' also apply" in text for text in summaries)
    assert outcome.confidence is Confidence.INTERPRETATION


# A re-registration on 2023-01-10 granted with N points: due 2023 + band(N) years.
POINT_BANDS = [
    (60, date(2026, 1, 10)),  # 60-79 -> 3 years
    (79, date(2026, 1, 10)),
    (80, date(2027, 1, 10)),  # 80-99 -> 4
    (99, date(2027, 1, 10)),
    (100, date(2028, 1, 10)),  # 100-119 -> 5
    (119, date(2028, 1, 10)),
    (120, date(2029, 1, 10)),  # 120-139 -> 6
    (139, date(2029, 1, 10)),
    (140, date(2030, 1, 10)),  # 140+ -> 7
    (300, date(2030, 1, 10)),
]


@pytest.mark.parametrize(("points", "expected"), POINT_BANDS)
def test_points_at_decision_set_the_next_date(rb: Rulebook, points: int, expected: date) -> None:
    registration = slr(date(2023, 1, 10), predicate=Predicate.MASTER, points_at_decision=points)
    outcome = ev(rb, leader(registration), date(2023, 6, 1))[DUE]
    assert outcome.value == expected
    years = expected.year - 2023
    assert f"with {points} points: next date {years} years later" in outcome.steps[0].text
    assert cast(str, outcome.citation.quote).startswith(
        "Iedere vijf jaar haalt u minimaal 100 punten"
    )
    assert any("points with which a re-registration" in i.summary for i in outcome.interpretations)


def test_below_60_points_at_decision_is_not_applicable(rb: Rulebook) -> None:
    # The table starts at 60 points; a re-registration granted with 59 is not in our sources.
    registration = slr(date(2023, 1, 10), points_at_decision=59)
    evaluation = ev(rb, leader(registration), date(2023, 6, 1))
    for rule_id in (DUE, STATUS):
        assert rule_id not in evaluation
        with pytest.raises(owr.RuleNotApplicableError, match="lowest band"):
            evaluation[rule_id]


# Points earned since the decision: still needed = max(0, 100 - points); the band in the step.
POINTS_NEEDED = [
    (0, 100, None),
    (59, 41, None),
    (60, 40, 3),
    (79, 21, 3),
    (80, 20, 4),
    (99, 1, 4),
    (100, 0, 5),
    (119, 0, 5),
    (120, 0, 6),
    (139, 0, 6),
    (140, 0, 7),
]


@pytest.mark.parametrize(("points", "needed", "band"), POINTS_NEEDED)
def test_points_still_needed_and_the_band_they_reach(
    rb: Rulebook, points: int, needed: int, band: int | None
) -> None:
    registration = slr(date(2022, 9, 1), predicate=Predicate.NIVEAU_1, points=points)
    outcome = ev(rb, leader(registration), date(2025, 1, 1))[NEEDED]
    assert outcome.value == needed
    assert f"earned {points}, still needed {needed}" in outcome.steps[0].text
    if band is None:
        assert "fewer than the table's lowest band (60)" in outcome.steps[1].text
    else:
        assert f"next date {band} years after it" in outcome.steps[1].text


def test_points_needed_only_in_the_new_register(rb: Rulebook) -> None:
    old_registration = slr(date(2022, 8, 23), points=50)
    evaluation = ev(rb, leader(old_registration), date(2025, 1, 1))
    with pytest.raises(owr.RuleNotApplicableError, match="professionalisation themes"):
        evaluation[NEEDED]
    no_points = ev(rb, leader(slr(date(2022, 9, 1))), date(2025, 1, 1))
    with pytest.raises(owr.RuleNotApplicableError, match="points"):
        no_points[NEEDED]
    # the old edition has no points rule at all
    old_edition = ev(rb, leader(slr(date(2020, 1, 1), points=50)), date(2021, 1, 1))
    with pytest.raises(owr.UnknownRuleError):
        old_edition[NEEDED]


# --- the regime switch in August 2022 -------------------------------------------------------


def test_a_decision_on_23_august_2022_keeps_the_old_cycle(rb: Rulebook) -> None:
    # The old edition is in force on 2022-08-23: four years, due 2026-08-23, even when evaluated
    # in the new register and even with points recorded.
    registration = slr(date(2022, 8, 23), points_at_decision=140)
    outcome = ev(rb, leader(registration), date(2025, 1, 1))[DUE]
    assert outcome.edition.id == "schoolleidersregister-2022"
    assert outcome.value == date(2026, 8, 23)
    assert "before August 2022" in outcome.steps[0].text


def test_a_decision_on_24_august_2022_follows_the_new_cycle(rb: Rulebook) -> None:
    # Five years for a first registration: due 2027-08-24.
    registration = slr(date(2022, 8, 24))
    assert due(rb, registration, date(2025, 1, 1)) == date(2027, 8, 24)


def test_titles_under_the_old_register(rb: Rulebook) -> None:
    # Old register: RDO for a director, RADO for an adjunct-director; 'aspirant' when recorded.
    day = date(2022, 8, 23)
    director = leader(slr(date(2020, 1, 1)))
    adjunct = leader(slr(date(2020, 1, 1)), function=Function.ADJUNCT_DIRECTEUR)
    aspirant = leader(slr(date(2020, 1, 1), title=OldTitle.ASPIRANT))
    assert ev(rb, director, day)[TITLE].value == "RDO"
    assert ev(rb, adjunct, day)[TITLE].value == "RADO"
    assert ev(rb, aspirant, day)[TITLE].value == "aspirant"


@pytest.mark.parametrize(
    ("predicate", "text"),
    [
        (Predicate.IN_OPLEIDING, "RDO in opleiding"),
        (Predicate.NIVEAU_1, "RDO niveau 1"),
        (Predicate.NIVEAU_2, "RDO niveau 2"),
        (Predicate.MASTER, "RDO master"),
    ],
)
def test_titles_under_the_new_register(rb: Rulebook, predicate: Predicate, text: str) -> None:
    # "Aan deze titel wordt een predicaat toegevoegd ...: in opleiding, niveau 1, niveau 2 of
    # master." The RADO title disappears: an adjunct-director is RDO too.
    adjunct = leader(
        slr(date(2022, 8, 24), predicate=predicate), function=Function.ADJUNCT_DIRECTEUR
    )
    assert ev(rb, adjunct, date(2022, 8, 24))[TITLE].value == text


def test_the_title_changes_with_the_register_for_the_same_registration(rb: Rulebook) -> None:
    registration = slr(date(2021, 5, 1), predicate=Predicate.NIVEAU_2)
    adjunct = leader(registration, function=Function.ADJUNCT_DIRECTEUR)
    assert ev(rb, adjunct, date(2022, 8, 23))[TITLE].value == "RADO"
    assert ev(rb, adjunct, date(2022, 8, 24))[TITLE].value == "RDO niveau 2"
    no_predicate = leader(slr(date(2021, 5, 1)), function=Function.ADJUNCT_DIRECTEUR)
    assert ev(rb, no_predicate, date(2022, 8, 24))[TITLE].value == "RDO"


# --- postponement ---------------------------------------------------------------------------


def test_postponement_moves_the_due_date(rb: Rulebook) -> None:
    # First registration 2023-01-10: due 2028-01-10. Uitstel until 2028-07-01 moves the date;
    # six months after: 2029-01-01.
    registration = slr(date(2023, 1, 10), postponed_until=date(2028, 7, 1))
    outcome = ev(rb, leader(registration), date(2024, 1, 1))[DUE]
    assert outcome.value == date(2028, 7, 1)
    assert any("Postponed (uitstel)" in step.text for step in outcome.steps)
    assert status(rb, registration, date(2028, 6, 30)) == "geregistreerd"
    assert status(rb, registration, date(2028, 7, 1)) == "geregistreerd"
    assert status(rb, registration, date(2028, 7, 2)) == "onder voorwaarden"
    assert status(rb, registration, date(2029, 1, 1)) == "onder voorwaarden"
    assert status(rb, registration, date(2029, 1, 2)) == "herregistratie verlopen"


def test_postponement_in_the_old_register(rb: Rulebook) -> None:
    # Decided 2019-03-01: due 2023-03-01; uitstel until 2023-12-01, onder voorwaarden until
    # 2024-06-01.
    registration = slr(date(2019, 3, 1), postponed_until=date(2023, 12, 1))
    assert due(rb, registration, date(2020, 1, 1)) == date(2023, 12, 1)
    assert status(rb, registration, date(2024, 6, 1)) == "onder voorwaarden"
    assert status(rb, registration, date(2024, 6, 2)) == "herregistratie verlopen"


def test_postponement_before_the_due_date_does_not_shorten_it(rb: Rulebook) -> None:
    registration = slr(date(2023, 1, 10), postponed_until=date(2027, 1, 1))
    assert due(rb, registration, date(2024, 1, 1)) == date(2028, 1, 10)


def test_postponement_must_lie_after_the_decision() -> None:
    with pytest.raises(owr.InvalidInputError, match="postponed_until"):
        slr(date(2023, 1, 10), postponed_until=date(2023, 1, 10))


# --- fee and who pays -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "amount", "fee_confidence", "confidence"),
    [
        (date(2019, 6, 1), Decimal("195.00"), Confidence.CONFIRMED, Confidence.SECONDARY),
        (date(2022, 6, 1), Decimal("245.00"), Confidence.CONFIRMED, Confidence.SECONDARY),
        (date(2024, 6, 1), Decimal("270.00"), Confidence.INTERPRETATION, Confidence.INTERPRETATION),
    ],
)
def test_yearly_fee(
    rb: Rulebook, on: date, amount: Decimal, fee_confidence: Confidence, confidence: Confidence
) -> None:
    outcome = ev(rb, leader(slr(date(2018, 1, 1))), on)[FEE]
    assert outcome.value == amount
    # 2019 and 2022 rest on the register's pages (Registerreglement art. 9, grade A); the 2024
    # figure only on a weak source (grade D) that names no article
    assert outcome.citation.confidence is fee_confidence
    assert outcome.citation.article == ("9" if fee_confidence is Confidence.CONFIRMED else None)
    # The result also rests on "the employer reimburses" (art. 9.7, on the AVS page alone), so
    # the outcome as a whole is at most secondary.
    assert outcome.confidence is confidence
    # the employer reimburses the costs (CAO PO 2019-2020 art. 9.7)
    assert any("employer reimburses" in step.text for step in outcome.steps)
    assert any(
        item.source == "CAO PO 2019-2020" and item.article == "9.7" for item in outcome.citations
    )


def test_the_2024_fee_rests_on_a_weak_source(rb: Rulebook) -> None:
    outcome = ev(rb, leader(slr(date(2018, 1, 1))), date(2024, 6, 1))[FEE]
    assert outcome.citation.confidence is Confidence.INTERPRETATION
    assert "weak source" in (outcome.citation.note or "")


@pytest.mark.parametrize(
    "on", [date(2018, 6, 1), date(2020, 6, 1), date(2023, 6, 1), date(2025, 6, 1)]
)
def test_fees_not_in_the_sources_are_not_encoded(rb: Rulebook, on: date) -> None:
    evaluation = ev(rb, leader(slr(date(2018, 1, 1))), on)
    with pytest.raises(owr.NotEncodedError):
        evaluation[FEE]
    assert FEE in [item.rule_id for item in evaluation.not_encoded]


# --- refusal: objection and appeal ----------------------------------------------------------


def test_a_refusal_gives_the_objection_and_appeal_route(rb: Rulebook) -> None:
    refused = leader(slr(refused_on=date(2023, 3, 1)))
    evaluation = ev(rb, refused, date(2023, 3, 15))
    outcome = evaluation[ROUTE]
    assert isinstance(outcome.value, tuple)
    objection, appeal = outcome.value
    assert "bezwaar" in objection
    assert "Commissie van Beroep Registratie Schoolleidersregister PO" in appeal
    assert "Stichting Onderwijsgeschillen" in appeal
    assert (outcome.citation.article, outcome.citation.lid) == ("6", "2")
    assert any(item.source == "Stichting Onderwijsgeschillen" for item in outcome.citations)
    assert any("deadlines" in note and "not in our sources" in note for note in outcome.notes)
    # refused, a director is not registered
    assert evaluation[STATUS].value == "niet geregistreerd"
    assert "refused" in evaluation[STATUS].steps[0].text


def test_no_route_without_a_refusal_or_before_it(rb: Rulebook) -> None:
    registered = ev(rb, leader(slr(date(2020, 1, 1))), date(2021, 1, 1))
    with pytest.raises(owr.RuleNotApplicableError):
        registered[ROUTE]
    not_yet = ev(rb, leader(slr(refused_on=date(2023, 3, 1))), date(2023, 2, 28))
    assert ROUTE not in not_yet


# --- the registration model -----------------------------------------------------------------


def test_a_registration_needs_a_decision_or_a_refusal() -> None:
    with pytest.raises(owr.InvalidInputError, match="decision_date"):
        Registration(register=Register.SCHOOLLEIDERSREGISTER_PO)


@pytest.mark.parametrize("points", [-1, True, 1.5, "10"])
def test_points_must_be_whole_numbers_from_zero(points: object) -> None:
    with pytest.raises(owr.InvalidInputError, match="points"):
        slr(date(2023, 1, 1), points=points)
    with pytest.raises(owr.InvalidInputError, match="points_at_decision"):
        slr(date(2023, 1, 1), points_at_decision=points)


def test_a_registration_round_trips_through_a_dict() -> None:
    employee = leader(
        slr(
            date(2022, 9, 1),
            predicate=Predicate.NIVEAU_2,
            route=Route.SCHOOLLEIDERSOPLEIDING,
            points=85,
            points_at_decision=None,
            postponed_until=date(2028, 1, 1),
        ),
        function=Function.ADJUNCT_DIRECTEUR,
    )
    data = employee.to_dict()
    assert data["registration"]["predicate"] == "niveau 2"
    assert data["registration"]["decision_date"] == "2022-09-01"
    assert Employee.from_dict(data) == employee


@pytest.mark.parametrize(
    ("field", "value"),
    [("predicate", "niveau 3"), ("points", -5), ("title", "RDOX"), ("decision_date", "gisteren")],
)
def test_bad_registration_input_names_the_field(field: str, value: object) -> None:
    data = {
        "function": "directeur",
        "werktijdfactor": "1",
        "registration": {"register": "schoolleidersregister-po", "decision_date": "2022-09-01"},
    }
    data["registration"][field] = value  # type: ignore[index]
    with pytest.raises(owr.InvalidInputError) as caught:
        Employee.from_dict(data, path="employees[3]")
    assert any(where == f"employees[3].registration.{field}" for where, _ in caught.value.problems)
