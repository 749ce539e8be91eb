"""What-if scenarios (scenarios.py) and their comparison with the installed rules (present/compare.py).

Every expected value is worked by hand:

- CAO PO 2024-2025 and 2025-2027 give teachers and OOP € 525 a year pro rata werktijdfactor
  (2025-2027 carries the figure over as our reading); calendar year 2027 rests on CAO PO
  2025-2027 (in force on 1 January 2027, its reference day).
- Scenario "oop-600": ``individueel_budget_op_oop`` = 600 from 2027-01-01. A teacher at 0.6 gets
  525 × 0.6 = 315.00 under the installed rules and 600 × 0.6 = 360.00 under the scenario:
  45.00 more.
- The directie's amount under the merged PDI chapter (``individueel_budget_directie`` from
  1 October 2024) is not in our sources, so a directeur in 2025 raises NotEncodedError. The
  figure 3150 below is MADE UP for these tests (it is not the CAO's amount); a board that holds
  the real one in its CAO book supplies it the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import onderwijsregels as owr
from onderwijsregels import (
    Citation,
    Confidence,
    Employee,
    Function,
    Grade,
    InvalidInputError,
    NotEncodedError,
    Rulebook,
    School,
)
from onderwijsregels.cli import main
from onderwijsregels.present.compare import (
    CSV_HEADER,
    comparison_csv,
    comparison_json,
    comparison_text,
)
from onderwijsregels.rulebook import PLUGINS_ENV
from onderwijsregels.scenarios import (
    SCENARIO_PUBLISHER,
    Comparison,
    compare,
    parse_scenario_value,
    scenario,
    scenario_values,
)

FROM_2027 = date(2027, 1, 1)
MADE_UP_DIRECTIE_2025 = Decimal("3150")
"""A FICTIONAL figure for the directie's 2025 budget, made up for these tests: not the law."""

MADE_UP_CITATION = "CAO PO 2024-2025 as printed in the board's CAO book (figure MADE UP for a test)"

DOCS = Path(__file__).resolve().parent.parent / "docs"


def teacher(werktijdfactor: str, name: str | None = None) -> Employee:
    return Employee(function=Function.LERAAR, werktijdfactor=Decimal(werktijdfactor), name=name)


def directeur(werktijdfactor: str = "1", scale: str = "D12", name: str | None = None) -> Employee:
    return Employee(
        function=Function.DIRECTEUR,
        werktijdfactor=Decimal(werktijdfactor),
        scale=scale,
        name=name,
    )


@pytest.fixture(scope="module")
def oop_600(rulebook_all: Rulebook) -> Rulebook:
    return scenario(
        rulebook_all,
        "oop-600",
        values={"individueel_budget_op_oop": Decimal("600")},
        from_=FROM_2027,
        citation="A what-if figure of the board (made up for this test)",
    )


@pytest.fixture(scope="module")
def directie_2025(rulebook_all: Rulebook) -> Rulebook:
    return scenario(
        rulebook_all,
        "directie-2025",
        values={
            "individueel_budget_directie": [
                (date(2025, 1, 1), date(2025, 12, 31), MADE_UP_DIRECTIE_2025)
            ]
        },
        from_=date(2025, 1, 1),
        citation=MADE_UP_CITATION,
    )


# --- A value from a day on --------------------------------------------------------------------


def test_a_teacher_at_0_6_in_2027_gets_360_under_the_scenario(
    rulebook_all: Rulebook, oop_600: Rulebook
) -> None:
    juf = teacher("0.6")
    baseline = rulebook_all.evaluate(juf, year=2027)["individueel_budget"]
    what_if = oop_600.evaluate(juf, year=2027)["individueel_budget"]
    assert baseline.value == Decimal("315.00")  # 525 × 0.6
    assert what_if.value == Decimal("360.00")  # 600 × 0.6
    assert isinstance(what_if.value, Decimal)
    assert isinstance(baseline.value, Decimal)
    assert what_if.value - baseline.value == Decimal("45.00")
    assert what_if.edition.id == "cao-po-2025-2027-scenario-oop-600"
    assert "scenario 'oop-600'" in what_if.edition.title


def test_a_scenario_result_cannot_pass_for_law(oop_600: Rulebook) -> None:
    outcome = oop_600.evaluate(teacher("0.6"), year=2027)["individueel_budget"]
    assert outcome.confidence is Confidence.INTERPRETATION
    # The value's citation is read at the scenario's own source, graded D ("user-supplied").
    assert outcome.citation.read_at.grade is Grade.D
    assert outcome.citation.read_at.publisher == SCENARIO_PUBLISHER == "user-supplied"
    assert outcome.citation.read_at.id == "scenario-oop-600"
    assert outcome.citation.confidence is Confidence.INTERPRETATION
    # An interpretation whose summary starts with "Scenario" and names it.
    (reading,) = [item for item in outcome.interpretations if item.summary.startswith("Scenario")]
    assert reading.summary.startswith("Scenario 'oop-600': individueel_budget_op_oop = 600")
    # And a note saying which value it used.
    (note,) = [item for item in outcome.notes if item.startswith("Scenario")]
    assert "individueel_budget_op_oop = 600 (from 2027-01-01)" in note
    assert "not a value of the law" in note
    # The text and JSON outputs carry the same.
    assert "Confidence: interpretation" in oop_600.evaluate(teacher("0.6"), year=2027).explain()
    data = outcome.to_dict()
    assert data["confidence"] == "interpretation"
    assert any(item.startswith("Scenario 'oop-600'") for item in data["notes"])


def test_outcomes_that_do_not_use_a_scenario_value_are_as_installed(
    rulebook_all: Rulebook, oop_600: Rulebook
) -> None:
    juf = teacher("0.6")
    baseline = rulebook_all.evaluate(juf, year=2027)
    what_if = oop_600.evaluate(juf, year=2027)
    assert set(baseline) == set(what_if)
    for rule_id in baseline:
        if rule_id == "individueel_budget":
            continue
        before, after = baseline[rule_id], what_if[rule_id]
        assert after.value == before.value
        assert after.confidence is before.confidence  # never more certain than installed
        assert after.interpretations == before.interpretations
        assert not any(note.startswith("Scenario") for note in after.notes)


def test_the_installed_rulebook_is_unchanged(rulebook_all: Rulebook, oop_600: Rulebook) -> None:
    assert "cao-po-2025-2027" in [edition.id for edition in rulebook_all.editions("cao-po")]
    assert rulebook_all.evaluate(teacher("1"), year=2027)["individueel_budget"].value == Decimal(
        "525.00"
    )
    assert scenario_values(rulebook_all) == ()
    (value,) = scenario_values(oop_600)
    assert (value.scenario, value.parameter, value.start, value.end, value.value) == (
        "oop-600",
        "individueel_budget_op_oop",
        FROM_2027,
        None,
        Decimal("600"),
    )


def test_the_edition_in_force_keeps_the_days_before_the_scenario(oop_600: Rulebook) -> None:
    # CAO PO 2025-2027 governs from 1 November 2025; its copy with the scenario from 1 January
    # 2027 (before its end, 28 February 2027). 2026 is as installed, under the real edition.
    assert oop_600.edition("cao-po", on=date(2026, 12, 31)).id == "cao-po-2025-2027"
    copy = oop_600.edition("cao-po", on=FROM_2027)
    assert copy.id == "cao-po-2025-2027-scenario-oop-600"
    assert (copy.valid_from, copy.valid_to, copy.starts) == (
        date(2025, 11, 1),
        date(2027, 2, 28),
        FROM_2027,
    )
    assert oop_600.evaluate(teacher("1"), year=2026)["individueel_budget"].value == Decimal(
        "525.00"
    )
    # The copy's provider is the plugin of the edition it copies.
    assert oop_600.provider(copy.id).name == "cao-po-2025-2027"
    # School year 2026-2027 (reference day 1 August 2026) names the copy as starting within it.
    ev = oop_600.evaluate(teacher("1"), school_year="2026-2027", families="cao-po")
    assert ev["individueel_budget"].value == Decimal("525.00")
    assert any("cao-po-2025-2027-scenario-oop-600" in note for note in ev.editions[0].notes())


def test_a_scenario_from_a_day_in_nawerking_replaces_the_edition_whole(
    rulebook_all: Rulebook,
) -> None:
    # CAO PO 2025-2027 ended on 28 February 2027; from 1 January 2028 it applies in nawerking.
    # An edition cannot start after its end, so its renamed copy replaces it, holding the
    # installed € 525 before 2028.
    later = scenario(
        rulebook_all,
        "oop-600-2028",
        values={"individueel_budget_op_oop": 600},
        from_=date(2028, 1, 1),
        citation="A what-if figure (made up for this test)",
    )
    ids = [edition.id for edition in later.editions("cao-po")]
    assert "cao-po-2025-2027" not in ids
    assert "cao-po-2025-2027-scenario-oop-600-2028" in ids
    before = later.evaluate(teacher("1"), year=2027)["individueel_budget"]
    assert before.value == Decimal("525.00")
    assert not any(note.startswith("Scenario") for note in before.notes)
    after = later.evaluate(teacher("1"), year=2028)["individueel_budget"]
    assert after.value == Decimal("600.00")  # an int is taken as a Decimal amount
    assert after.nawerking
    assert any(note.startswith("Nawerking") for note in after.notes)


# --- Supplying a value our sources do not give ------------------------------------------------


def test_a_directeur_in_2025_is_not_encoded_under_the_installed_rules(
    rulebook_all: Rulebook,
) -> None:
    ev = rulebook_all.evaluate(directeur("0.8"), year=2025, families="cao-po")
    with pytest.raises(NotEncodedError) as raised:
        ev["individueel_budget"]
    assert raised.value.parameter == "individueel_budget_directie"


def test_a_board_supplies_the_directie_amount_and_gets_a_cited_result(
    directie_2025: Rulebook,
) -> None:
    ev = directie_2025.evaluate(directeur("0.8"), year=2025, families="cao-po")
    budget = ev["individueel_budget"]
    # The made-up amount, not pro rata (art. 9.6 lid 3 is carried over: not werktijdfactor).
    assert budget.value == Decimal("3150.00")
    assert budget.confidence is Confidence.INTERPRETATION
    assert budget.edition.id == "cao-po-2024-2025-scenario-directie-2025"
    assert budget.citation.reference == MADE_UP_CITATION
    assert budget.citation.read_at.grade is Grade.D
    assert any(
        note.startswith("Scenario 'directie-2025': this result uses individueel_budget_directie")
        for note in budget.notes
    )
    assert any(
        item.summary.startswith("Scenario 'directie-2025'") for item in budget.interpretations
    )
    assert (
        "Base amount a year for a directielid (A- or D-scale): € 3.150,00" in budget.steps[0].text
    )


def test_outside_its_dated_values_the_installed_gap_stays(directie_2025: Rulebook) -> None:
    # The value holds for 2025 only; 2026 is still not encoded.
    ev = directie_2025.evaluate(directeur(), year=2026, families="cao-po")
    with pytest.raises(NotEncodedError):
        ev["individueel_budget"]


def test_a_citation_object_is_read_at_the_scenarios_source(rulebook_all: Rulebook) -> None:
    # A Citation of a public, grade A source: its claim is for that source, not for the
    # user's copy; it is re-read at the scenario's source and says where the user read it.
    cited = Citation(
        "CAO PO 2024-2025",
        "9.6",
        "3",
        "poraad-faq-rechten-professionalisering",
        None,
        confidence="confirmed",
        article_confirmed=True,
    )
    what_if = scenario(
        rulebook_all,
        "directie-cited",
        values={"individueel_budget_directie": MADE_UP_DIRECTIE_2025},
        from_=date(2025, 1, 1),
        citation=cited,
    )
    budget = what_if.evaluate(directeur(), year=2025, families="cao-po")["individueel_budget"]
    assert budget.citation.reference == "CAO PO 2024-2025, art. 9.6 lid 3"
    assert budget.citation.read_at.id == "scenario-directie-cited"
    assert budget.confidence is Confidence.INTERPRETATION
    assert budget.citation.note is not None
    assert "The user cites it as read at PO-Raad" in budget.citation.note


# --- Comparisons ------------------------------------------------------------------------------


BOARD = (
    teacher("0.6", "Anna"),  # 315.00 -> 360.00 (+45.00)
    teacher("1", "Bram"),  # 525.00 -> 600.00 (+75.00)
    Employee(
        function=Function.OOP, werktijdfactor=Decimal("0.5"), name="Femke"
    ),  # 262.50 -> 300.00
    directeur(name="Ivo"),  # not encoded on both sides
    directeur(scale="D11", name="Old"),  # D11 removed, regrading window over: a record error
)


@pytest.fixture(scope="module")
def board(rulebook_all: Rulebook, oop_600: Rulebook) -> Comparison:
    return compare(rulebook_all, oop_600, BOARD, year=2027, families="cao-po")


def test_the_comparison_per_subject_and_rule(board: Comparison) -> None:
    anna = board.subjects[0].rule("individueel_budget")
    assert (anna.baseline_value, anna.scenario_value) == (Decimal("315.00"), Decimal("360.00"))
    assert anna.difference == Decimal("45.00")
    assert anna.changed
    assert anna.confidence == (Confidence.INTERPRETATION, Confidence.INTERPRETATION)
    femke = board.subjects[2].rule("individueel_budget")
    assert femke.difference == Decimal("37.50")  # 600 × 0.5 − 525 × 0.5
    # Not a number on either side: changed/same.
    ivo = board.subjects[3].rule("individueel_budget")
    assert ivo.difference == "same"  # not encoded on both sides, for the same reason
    assert not ivo.changed
    forms = board.subjects[3].rule("bestedingsvormen_directiebudget")
    assert forms.difference == "same"
    hours = board.subjects[0].rule("pdi_uren")
    assert hours.difference == Decimal("0")  # 123 × 0.6 = 73.8 on both sides


def test_totals_over_a_small_board(board: Comparison) -> None:
    budget = board.total("individueel_budget")
    # Baseline: 315.00 + 525.00 + 262.50 = 1102.50; scenario: 360.00 + 600.00 + 300.00 =
    # 1260.00; difference 45.00 + 75.00 + 37.50 = 157.50. Ivo's amount is not encoded on
    # either side and adds nothing; Old is a record error and counts in no total.
    assert (budget.baseline, budget.scenario, budget.difference) == (
        Decimal("1102.50"),
        Decimal("1260.00"),
        Decimal("157.50"),
    )
    assert (budget.subjects, budget.baseline_not_encoded, budget.scenario_not_encoded) == (4, 1, 1)
    assert not budget.complete
    hours = board.total("pdi_uren")
    # 123 × (0.6 + 1 + 0.5 + 1) = 123 × 3.1 = 381.3 hours on both sides.
    assert (hours.baseline, hours.scenario, hours.difference) == (
        Decimal("381.3"),
        Decimal("381.3"),
        Decimal("0.0"),
    )
    assert {total.unit.value for total in board.totals} == {
        "EUR per kalenderjaar",
        "uur per kalenderjaar",
    }
    with pytest.raises(InvalidInputError, match="no total for rule 'bestedingsvormen"):
        board.total("bestedingsvormen_directiebudget")


def test_record_errors_are_kept_per_subject(board: Comparison) -> None:
    (old,) = board.errors
    assert old.index == 4
    assert old.rules == ()
    assert [side for side, _ in old.errors] == ["baseline", "scenario"]
    assert all(error.problems[0][0] == "scale" for _, error in old.errors)


def test_a_value_the_baseline_lacks_is_changed_and_counted(
    rulebook_all: Rulebook, directie_2025: Rulebook
) -> None:
    comparison = compare(rulebook_all, directie_2025, [directeur()], year=2025, families="cao-po")
    row = comparison.subjects[0].rule("individueel_budget")
    assert row.baseline_value is None
    assert row.scenario_value == Decimal("3150.00")
    assert row.difference == "changed"
    total = comparison.total("individueel_budget")
    assert (total.baseline, total.scenario, total.baseline_not_encoded) == (
        Decimal("0"),
        Decimal("3150.00"),
        1,
    )


def test_compare_takes_one_subject_and_checks_its_arguments(
    rulebook_all: Rulebook, oop_600: Rulebook
) -> None:
    one = compare(rulebook_all, oop_600, teacher("0.6"), on=date(2027, 3, 1), families="cao-po")
    assert one.subjects[0].rule("individueel_budget").difference == Decimal("45.00")
    with pytest.raises(InvalidInputError, match="give exactly one of year, on or school_year"):
        compare(rulebook_all, oop_600, [teacher("1")])
    with pytest.raises(InvalidInputError, match="subjects: must be a list"):
        compare(rulebook_all, oop_600, "Anna", year=2027)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="scenario: must be a Rulebook"):
        compare(rulebook_all, None, [teacher("1")], year=2027)  # type: ignore[arg-type]
    schools = compare(rulebook_all, oop_600, [School(pupils=212)], school_year="2021-2022")
    assert schools.subjects[0].rule("bekostiging_professionalisering").difference == Decimal("0")
    # An amount per pupil is a rate: compared, never totalled.
    assert [total.rule_id for total in schools.totals] == ["bekostiging_professionalisering"]


# --- Presentation -----------------------------------------------------------------------------


def test_the_text_shows_the_values_the_differences_and_the_totals(board: Comparison) -> None:
    text = comparison_text(board)
    assert "individueel_budget_op_oop = 600 (from 2027-01-01), scenario 'oop-600'" in text
    assert re.search(r"\[0\] Anna .*individueel_budget\s+€ 315,00\s+€ 360,00\s+\+€ 45,00", text)
    assert re.search(r"individueel_budget .*€ 1\.102,50\s+€ 1\.260,00\s+\+€ 157,50", text)
    assert "not encoded, so left out: 1 in the baseline, 1 in the scenario" in text
    assert "[4] Old (directeur, D11, werktijdfactor 1): baseline: scale: scale D11" in text
    assert "Notes and readings only in the scenario:" in text
    assert "pdi_uren" not in text.split("Totals")[0]  # unchanged rules are left out
    assert "pdi_uren" in comparison_text(board, all_rules=True).split("Totals")[0]


def test_the_json_is_ready_and_exact(board: Comparison) -> None:
    data = comparison_json(board)
    json.dumps(data)  # JSON-ready
    assert data == board.to_dict()
    anna = data["subjects"][0]["rules"]["individueel_budget"]
    assert anna["baseline"]["value"] == "315.00"
    assert anna["scenario"]["value"] == "360.00"
    assert anna["scenario"]["confidence"] == "interpretation"
    assert anna["difference"] == "45.00"
    ivo = data["subjects"][3]["rules"]["individueel_budget"]
    assert ivo["baseline"]["status"] == "not_encoded"
    assert ivo["baseline"]["parameter"] == "individueel_budget_directie"
    assert data["subjects"][4]["errors"]["baseline"][0]["field"] == "scale"
    assert data["totals"][0] == {
        "rule": "individueel_budget",
        "title": "Individueel professionaliseringsbudget",
        "unit": "EUR per kalenderjaar",
        "baseline": "1102.50",
        "scenario": "1260.00",
        "difference": "157.50",
        "subjects": 4,
        "baseline_not_encoded": 1,
        "scenario_not_encoded": 1,
    }
    assert data["scenario_values"][0]["citation"]["read_at"]["grade"] == "D"


def test_the_csv_has_a_row_per_subject_and_rule_and_per_total(board: Comparison) -> None:
    lines = comparison_csv(board).splitlines()
    assert lines[0] == ",".join(CSV_HEADER)
    assert (
        '0,"Anna (leraar, werktijdfactor 0.6)",individueel_budget,EUR per kalenderjaar,'
        "value,315.00,interpretation,value,360.00,interpretation,45.00"
    ) in lines
    assert (
        ",total (4 subjects),individueel_budget,EUR per kalenderjaar,"
        "total,1102.50,1 not encoded,total,1260.00,1 not encoded,157.50"
    ) in lines
    assert any(
        line.startswith('4,"Old (directeur, D11, werktijdfactor 1)",,,error,') for line in lines
    )


def test_a_lower_figure_gives_a_negative_difference(rulebook_all: Rulebook) -> None:
    lower = scenario(
        rulebook_all,
        "oop-500",
        values={"individueel_budget_op_oop": Decimal("500")},
        from_=FROM_2027,
        citation="A what-if figure (made up for this test)",
    )
    comparison = compare(rulebook_all, lower, [teacher("0.6")], year=2027, families="cao-po")
    assert comparison.total("individueel_budget").difference == Decimal("-15.00")  # (500-525)×0.6
    assert "-€ 15,00" in comparison_text(comparison)
    # The CSV writer guards cells that start with "-" (formula injection): text, not a number.
    assert ",'-15.00" in comparison_csv(comparison)


# --- Refusals ---------------------------------------------------------------------------------


def _refused(rulebook: Rulebook, values: Mapping[str, object], **changes: object) -> str:
    arguments: dict[str, object] = {
        "values": values,
        "from_": FROM_2027,
        "citation": "A what-if figure (made up for this test)",
        **changes,
    }
    with pytest.raises(InvalidInputError) as raised:
        scenario(rulebook, "refused", **arguments)  # type: ignore[arg-type]
    return str(raised.value)


def test_a_float_is_refused_naming_the_parameter(rulebook_all: Rulebook) -> None:
    message = _refused(rulebook_all, {"individueel_budget_op_oop": 600.0})
    assert message.startswith("values.individueel_budget_op_oop: parameter")
    assert "got the float 600.0" in message


@pytest.mark.parametrize(
    ("parameter", "value", "expected"),
    [
        ("individueel_budget_op_oop", "600", "holds a Decimal or an int"),
        ("individueel_budget_op_oop", True, "holds a Decimal or an int"),
        ("individueel_budget_op_oop", Decimal("-1"), "must not be negative"),
        ("individueel_budget_op_oop", Decimal("NaN"), "must be a finite number"),
        ("spaartermijn_op_oop", Decimal("3"), "holds an int"),
        ("spaartermijn_op_oop", 5000, "from 0 to 1099"),
        ("bestedingsvormen_directie", "studieverlof", "holds a tuple of non-empty texts"),
        ("bestedingsvormen_directie", ("studieverlof", ""), "one or more non-empty texts"),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused(
    rulebook_all: Rulebook, parameter: str, value: object, expected: str
) -> None:
    message = _refused(rulebook_all, {parameter: value})
    assert message.startswith(f"values.{parameter}")
    assert f"parameter {parameter!r}" in message
    assert expected in message


def test_texts_and_dates_are_taken_as_the_parameter_holds_them(rulebook_all: Rulebook) -> None:
    what_if = scenario(
        rulebook_all,
        "texts",
        values={
            "bestedingsvormen_directie": ["studieverlof"],  # a list of texts: taken as a tuple
            "registratie_uiterlijk": date(2019, 1, 1),
        },
        from_=date(2025, 1, 1),
        citation="What-if values (made up for this test)",
    )
    forms = what_if.evaluate(directeur(), year=2025, families="cao-po")[
        "bestedingsvormen_directiebudget"
    ]
    assert forms.value == ("studieverlof",)
    assert forms.confidence is Confidence.INTERPRETATION
    assert {item.parameter for item in scenario_values(what_if)} == {
        "bestedingsvormen_directie",
        "registratie_uiterlijk",
    }


def test_an_unknown_parameter_is_refused_listing_the_known_ones(rulebook_all: Rulebook) -> None:
    message = _refused(rulebook_all, {"individueel_budget": Decimal("600")})
    assert "unknown parameter 'individueel_budget'" in message
    assert "individueel_budget_op_oop" in message
    assert "pdi_uren_voltijd" in message


def test_a_parameter_no_rule_reads_is_refused(rulebook_all: Rulebook) -> None:
    # The 40 hours of duurzame inzetbaarheid merged into the PDI hours in CAO PO 2024-2025: the
    # value is still defined, but no rule governing from 2027 reads it.
    message = _refused(rulebook_all, {"di_basisbudget_uren": Decimal("50")})
    assert (
        "no rule of the editions governing from 2027-01-01 reads 'di_basisbudget_uren'" in message
    )


def test_dated_values_must_start_on_or_after_from_and_not_overlap(rulebook_all: Rulebook) -> None:
    message = _refused(
        rulebook_all,
        {
            "individueel_budget_op_oop": [
                (date(2026, 1, 1), Decimal("600")),
                (date(2027, 6, 1), None, Decimal("650")),
                (date(2027, 7, 1), Decimal("700")),
            ]
        },
    )
    assert "values.individueel_budget_op_oop[0]: starts on 2026-01-01, before" in message
    assert "values.individueel_budget_op_oop[1]: overlaps the next dated value" in message


def test_dated_values_hold_until_the_next_one(rulebook_all: Rulebook) -> None:
    stepped = scenario(
        rulebook_all,
        "stepped",
        values={
            "individueel_budget_op_oop": [
                (date(2027, 1, 1), Decimal("550")),
                (date(2028, 1, 1), Decimal("575")),
            ]
        },
        from_=FROM_2027,
        citation="What-if figures (made up for this test)",
    )
    values = [
        stepped.evaluate(teacher("1"), year=year)["individueel_budget"].value
        for year in (2026, 2027, 2028)
    ]
    assert values == [Decimal("525.00"), Decimal("550.00"), Decimal("575.00")]
    spans = [(item.start, item.end) for item in scenario_values(stepped)]
    assert spans == [(date(2027, 1, 1), date(2027, 12, 31)), (date(2028, 1, 1), None)]


def test_the_name_the_citation_and_the_day_are_checked(
    rulebook_all: Rulebook, oop_600: Rulebook
) -> None:
    values = {"individueel_budget_op_oop": Decimal("600")}
    with pytest.raises(InvalidInputError, match="name: must be lower kebab-case"):
        scenario(rulebook_all, "Oop 600", values=values, from_=FROM_2027, citation="x")
    with pytest.raises(InvalidInputError, match="already holds a scenario 'oop-600'"):
        scenario(oop_600, "oop-600", values=values, from_=FROM_2027, citation="x")
    assert "citation: must say where the values come from" in _refused(
        rulebook_all, values, citation=" "
    )
    assert "citation.individueel_budget_op_oop: give the citation" in _refused(
        rulebook_all, values, citation={"pdi_uren_voltijd": "x"}
    )
    with pytest.raises(InvalidInputError, match=r"from_: must be a datetime\.date"):
        scenario(rulebook_all, "x", values=values, from_="2027-01-01", citation="x")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="values: give a mapping"):
        scenario(rulebook_all, "x", values={}, from_=FROM_2027, citation="x")


def test_scenarios_stack(oop_600: Rulebook) -> None:
    both = scenario(
        oop_600,
        "pdi-130",
        values={"pdi_uren_voltijd": Decimal("130")},
        from_=FROM_2027,
        citation="A what-if figure (made up for this test)",
    )
    ev = both.evaluate(teacher("1"), year=2027, families="cao-po")
    assert ev["individueel_budget"].value == Decimal("600.00")
    assert ev["pdi_uren"].value == Decimal("130")
    assert ev.editions[0].edition.id == "cao-po-2025-2027-scenario-oop-600-scenario-pdi-130"
    assert {item.scenario for item in scenario_values(both)} == {"oop-600", "pdi-130"}


def test_values_from_the_command_line_are_read_as_the_parameter_holds_them(
    rulebook_all: Rulebook,
) -> None:
    assert parse_scenario_value(rulebook_all, "individueel_budget_op_oop", "600") == Decimal("600")
    assert parse_scenario_value(rulebook_all, "spaartermijn_op_oop", "4") == 4
    assert parse_scenario_value(rulebook_all, "registratie_uiterlijk", "2019-01-01") == date(
        2019, 1, 1
    )
    assert parse_scenario_value(rulebook_all, "bestedingsvormen_directie", "a; b") == ("a", "b")
    with pytest.raises(InvalidInputError, match="is not a decimal number"):
        parse_scenario_value(rulebook_all, "individueel_budget_op_oop", "zeshonderd")
    with pytest.raises(InvalidInputError, match="unknown parameter 'nope'"):
        parse_scenario_value(rulebook_all, "nope", "1")


# --- The docs page ----------------------------------------------------------------------------


def test_the_docs_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As tests/test_docs.py does for the other pages: every ```python block, in order, in one
    # namespace, against the built-in editions only.
    from onderwijsregels.testing.plugins import shipped_plugins

    monkeypatch.setenv(PLUGINS_ENV, ",".join(shipped_plugins()))
    text = (DOCS / "scenarios.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    assert blocks
    namespace: dict[str, object] = {"__name__": "docs_scenarios"}
    for block in blocks:
        exec(compile(block, "docs/scenarios.md", "exec"), namespace)
    printed = capsys.readouterr().out
    assert "360.00" in printed
    assert "3150.00 interpretation" in printed
    assert owr.load is not None


FICTIONAL_EDITION = """\
id: cao-po-vergelijk-2027-2028
family: cao-po
title: FICTIEF VOORBEELD CAO PO 2027-2028 (test, not law)
derives_from: cao-po-2025-2027
valid_from: 2027-03-01
valid_to: 2028-02-29
provisional: true
citation:
  source: FICTIEF VOORBEELD
  article: null
  lid: null
  read_at: &src {id: test-vergelijk, title: fictief, publisher: tests, grade: D}
  quote: null
parameters:
  individueel_budget_op_oop:
    - {start: 2027-03-01, end: null, value: VALUE, citation: {source: FICTIEF VOORBEELD, article: null, lid: null, read_at: *src, quote: null}}
"""


def test_compare_an_edition_file_with_the_installed_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edition = tmp_path / "cao-po-2027-2028.yaml"
    edition.write_text(FICTIONAL_EDITION.replace("VALUE", "600.00"), encoding="utf-8")
    board = tmp_path / "board.yaml"
    board.write_text("employees:\n  - {function: leraar, werktijdfactor: 0.6}\n", encoding="utf-8")
    code = main(
        [
            "compare",
            str(board),
            "--year",
            "2028",
            "--edition-file",
            str(edition),
            "--format",
            "json",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    document = json.loads(out)
    (subject,) = document["subjects"]
    rules = subject["rules"]
    # 2028 under the file: 600 × 0.6 = 360.00; installed (2025-2027, nawerking): 525 × 0.6 = 315.00
    budget = rules["individueel_budget"]
    assert budget["difference"] == "45.00"
    # The header says where the difference comes from: the edition only the scenario holds.
    assert document["scenario_values"] == []
    assert document["scenario_editions"] == ["cao-po-vergelijk-2027-2028"]
    assert main(["compare", str(board), "--year", "2028", "--edition-file", str(edition)]) == 0
    text = capsys.readouterr().out
    assert "Editions only in the scenario rulebook" in text
    assert "cao-po-vergelijk-2027-2028" in text.splitlines()[1]
    assert "supplies no values" not in text


def test_an_edition_file_may_not_hold_a_negative_amount(tmp_path: Path) -> None:
    edition = tmp_path / "negatief.yaml"
    edition.write_text(FICTIONAL_EDITION.replace("VALUE", "-600.00"), encoding="utf-8")
    with pytest.raises(owr.InvalidInputError) as caught:
        owr.load(edition_files=[edition])
    assert "individueel_budget_op_oop[0].value" in str(caught.value)
    assert "must not be negative" in str(caught.value)
    assert "(line 16)" in str(caught.value)


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (["--set", "individueel_budget_op_oop=600"], "--from: is needed with --set"),
        (
            ["--set", "individueel_budget_op_oop=abc", "--from", "2026-01-01", "--citation", "c"],
            "--set: 'individueel_budget_op_oop=abc': 'abc' is not a decimal number",
        ),
        (
            ["--set", "nope=600", "--from", "2026-01-01", "--citation", "c"],
            "--set: 'nope=600': unknown parameter 'nope'",
        ),
    ],
)
def test_a_bad_flag_is_blamed_on_the_flag_not_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], said: str
) -> None:
    # The board file is fine; the message names the flag, without the file in front of it.
    board = tmp_path / "board.yaml"
    board.write_text("employees:\n  - {function: leraar, werktijdfactor: 0.6}\n", encoding="utf-8")
    code = main(["compare", str(board), "--year", "2026", *flags])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"onderwijsregels: {said}")
    assert str(board) not in err


def _confidence(rulebook: owr.Rulebook, rule_id: str) -> str:
    teacher = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("1"), scale="L11")
    outcome = rulebook.evaluate(teacher, year=2028, families="cao-po")[rule_id]
    assert outcome.edition.id == "cao-po-vergelijk-2027-2028"
    return outcome.confidence.value


def test_a_file_without_a_reading_keeps_its_bases_reading(tmp_path: Path) -> None:
    # cao-po-2025-2027 reads "every value carried over from CAO PO 2024-2025 is our reading", so
    # its carried-over rule jaarlijkse_afspraken_in_pop has confidence interpretation. A file
    # deriving from it that gives no `interpretation` keeps that reading: what it carries over is
    # never more certain than in its base. `interpretation: null` states that the new text
    # confirms it: then the rule's own citation (the AVS FAQ, a grade-A source) gives `confirmed`.
    kept = tmp_path / "kept.yaml"
    kept.write_text(FICTIONAL_EDITION.replace("VALUE", "600.00"), encoding="utf-8")
    assert _confidence(owr.load(edition_files=[kept]), "jaarlijkse_afspraken_in_pop") == (
        "interpretation"
    )
    dropped = tmp_path / "dropped.yaml"
    dropped.write_text(
        FICTIONAL_EDITION.replace("VALUE", "600.00") + "interpretation: null\n", encoding="utf-8"
    )
    rulebook = owr.load(edition_files=[dropped])
    assert _confidence(rulebook, "jaarlijkse_afspraken_in_pop") == "confirmed"
    # The export says so, so that loading it gives the same results (the round trip).
    exported = rulebook.export_edition("cao-po-vergelijk-2027-2028", id="cao-po-terug-2098")
    assert "\ninterpretation: null\n" in exported


def test_a_source_given_in_full_can_be_cited_by_its_id_later_in_the_file(
    tmp_path: Path,
) -> None:
    # The looptijd citation gives the source in full (id test-vergelijk); the value cites it by
    # id alone, as one cites a source of the shipped register.
    by_id = FICTIONAL_EDITION.replace("VALUE", "600.00").replace(
        "read_at: *src", "read_at: test-vergelijk"
    )
    assert "read_at: test-vergelijk" in by_id
    edition = tmp_path / "by-id.yaml"
    edition.write_text(by_id, encoding="utf-8")
    loaded = owr.load(edition_files=[edition]).get("cao-po-vergelijk-2027-2028")
    (parameter,) = [item for item in loaded.parameters if item.id == "individueel_budget_op_oop"]
    citation = parameter.values[-1].citation
    assert citation is not None
    assert citation.read_at.id == "test-vergelijk"
    # An id given nowhere is still refused, naming the line.
    edition.write_text(
        by_id.replace("read_at: test-vergelijk", "read_at: nergens"), encoding="utf-8"
    )
    with pytest.raises(owr.InvalidInputError, match=r"unknown source id 'nergens'.*\(line 16\)"):
        owr.load(edition_files=[edition])
