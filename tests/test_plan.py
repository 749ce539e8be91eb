"""Plan once, run for many (issue 13, section 4)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import onderwijsregels as owr
from onderwijsregels.cli import main


def leraar(factor: str = "1") -> owr.Employee:
    return owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal(factor))


def test_a_plan_is_resolved_once_and_kept(rulebook_all: owr.Rulebook) -> None:
    first = rulebook_all.plan(owr.Employee, year=2025)
    assert rulebook_all.plan(owr.Employee, year=2025) is first
    assert rulebook_all.plan(owr.Employee, on=date(2025, 1, 1)) is not first  # another period
    assert first.reference_day == date(2025, 1, 1)
    editions = {use.family: use.edition.id for use in first.uses}
    assert editions["cao-po"] == "cao-po-2024-2025"
    assert editions["schoolleidersregister"] == "schoolleidersregister-2022"


def test_plan_gives_the_same_result_as_evaluate(rulebook_all: owr.Rulebook) -> None:
    plan = rulebook_all.plan(owr.Employee, year=2020, families=["cao-po"])
    by_plan = plan.evaluate(leraar("0.6"))
    direct = rulebook_all.evaluate(leraar("0.6"), year=2020, families="cao-po")
    assert by_plan == direct
    assert by_plan["individueel_budget"].value == Decimal("360.00")  # (500 + 100) × 0.6


def test_run_yields_a_result_per_subject_and_keeps_going(rulebook_all: owr.Rulebook) -> None:
    d11 = owr.Employee(function=owr.Function.DIRECTEUR, werktijdfactor=Decimal("1"), scale="D11")
    subjects: list[owr.Employee | owr.School] = [
        leraar("0.6"),
        d11,  # D11 was removed; the regrading window ended on 1 July 2025
        owr.School(pupils=212),
        leraar("1"),
    ]
    results = list(rulebook_all.run(subjects, on=date(2025, 8, 1)))
    assert [type(item).__name__ for item in results] == [
        "Evaluation",
        "RecordError",
        "Evaluation",
        "Evaluation",
    ]
    error = results[1]
    assert isinstance(error, owr.RecordError)
    assert error.index == 1
    assert error.subject is d11
    assert error.problems[0][0] == "scale"
    assert isinstance(results[0], owr.Evaluation)
    assert results[0]["individueel_budget"].value == Decimal("315.00")  # 525 × 0.6
    assert isinstance(results[3], owr.Evaluation)
    assert results[3]["individueel_budget"].value == Decimal("525.00")


def test_a_kind_with_no_edition_fails_per_record(rulebook_all: owr.Rulebook) -> None:
    # School year 2019-2020 starts on 1 August 2019: funding is covered, the CAO is not.
    results = list(rulebook_all.run([leraar(), owr.School(pupils=212)], school_year="2019-2020"))
    assert isinstance(results[0], owr.RecordError)
    assert isinstance(results[0].error, owr.NoEditionError)
    assert isinstance(results[1], owr.Evaluation)
    # 212 × 196.47 = 41 651.64
    assert results[1]["bekostiging_professionalisering"].value == Decimal("41651.64")


def test_plan_refuses_the_other_kind(rulebook_all: owr.Rulebook) -> None:
    plan = rulebook_all.plan(owr.School, school_year="2021-2022")
    with pytest.raises(owr.InvalidInputError, match="for School subjects"):
        plan.evaluate(leraar())


def test_not_applicable_and_not_encoded_are_distinct_types(rulebook_all: owr.Rulebook) -> None:
    directeur = owr.Employee(function=owr.Function.DIRECTEUR, werktijdfactor=Decimal("1"))
    ev = rulebook_all.evaluate(directeur, year=2025, families="cao-po")
    assert all(isinstance(item, owr.NotEncodedResult) for item in ev.not_encoded)
    assert all(isinstance(item, owr.NotApplicableResult) for item in ev.not_applicable)
    encoded = {item.rule_id: item for item in ev.not_encoded}
    assert encoded["individueel_budget"].parameter == "individueel_budget_directie"
    skipped = {item.rule_id for item in ev.not_applicable}
    assert "uren_per_werkweek" not in skipped  # removed in 2024-2025, not "not applicable"
    assert "duurzame_inzetbaarheid_startende_leraar_uren" in skipped


def test_cli_reports_every_bad_record_at_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    board = tmp_path / "board.yaml"
    board.write_text(
        "employees:\n"
        "  - {function: teacher, werktijdfactor: 1}\n"
        "  - {function: leraar, werktijdfactor: 1}\n"
        "  - {function: leraar, werktijdfactor: 2}\n"
        "schools:\n"
        "  - {pupils: -3}\n",
        encoding="utf-8",
    )
    code = main(["evaluate", str(board), "--year", "2020"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert "employees[0].function" in lines[0]
    assert "employees[2].werktijdfactor" in lines[1]
    assert "schools[0].pupils" in lines[2]


def test_cli_reports_every_record_that_cannot_be_evaluated(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    board = tmp_path / "board.yaml"
    board.write_text(
        "employees:\n"
        "  - {function: directeur, werktijdfactor: 1, scale: D11}\n"
        "  - {function: leraar, werktijdfactor: 1}\n"
        "  - {function: adjunct-directeur, werktijdfactor: 1, scale: A10}\n",
        encoding="utf-8",
    )
    code = main(["evaluate", str(board), "--on", "2025-07-01"])
    _, err = capsys.readouterr()
    assert code == 2
    assert "employees[0].scale" in err
    assert "employees[2].scale" in err
    assert "employees[1]" not in err


def test_cli_reports_reading_and_evaluating_problems_in_one_round(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    board = tmp_path / "board.yaml"
    board.write_text(
        "employees:\n"
        "  - {function: teacher, werktijdfactor: 1}\n"  # cannot be read
        "  - {function: directeur, werktijdfactor: 1, scale: D11}\n"  # read, cannot be evaluated
        "  - {function: leraar, werktijdfactor: 1}\n",
        encoding="utf-8",
    )
    code = main(["evaluate", str(board), "--on", "2025-08-01"])
    err = capsys.readouterr().err
    assert code == 2
    assert "employees[0].function" in err
    assert "employees[1].scale" in err
    assert "employees[2]" not in err


def test_cli_says_a_problem_of_the_period_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    board = tmp_path / "board.yaml"
    board.write_text(
        "employees:\n" + "".join("  - {function: leraar, werktijdfactor: 1}\n" for _ in range(5)),
        encoding="utf-8",
    )
    code = main(["evaluate", str(board), "--year", "2010"])
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(lines) == 1
    assert "employees[0] and 4 more records: no edition of rule family 'cao-po'" in lines[0]


def test_a_part_of_a_plan_gives_each_rule_the_result_the_whole_plan_gives(
    rulebook_all: owr.Rulebook,
) -> None:
    whole = rulebook_all.plan(owr.Employee, year=2020)
    part = whole.part(["maximale_spaartermijn", "individueel_budget"])
    assert part.rule_ids == ("individueel_budget", "maximale_spaartermijn")  # the plan's order
    assert whole.part(["individueel_budget", "maximale_spaartermijn"]) is part  # kept
    assert whole.part(whole.rule_ids) is whole
    assert part.rule_reads == (
        ("function", "statutair_bestuurder", "werktijdfactor"),
        ("function",),
    )
    juf = owr.Employee(
        function=owr.Function.LERAAR,
        werktijdfactor=Decimal("0.6"),
        birth_date=date(1960, 5, 1),
    )
    alone, together = part.evaluate(juf), whole.evaluate(juf)
    assert alone.rule_ids == part.rule_ids
    for rule_id in part.rule_ids:
        assert alone[rule_id] == together[rule_id]
    assert alone["individueel_budget"].value == Decimal("360.00")  # (500 + 100) × 0.6


def test_a_part_of_a_plan_names_a_rule_it_does_not_have(rulebook_all: owr.Rulebook) -> None:
    whole = rulebook_all.plan(owr.Employee, year=2026)
    with pytest.raises(owr.UnknownRuleError, match="'uren_per_werkweek'"):
        whole.part(["individueel_budget", "uren_per_werkweek"])  # not in the 2025-2027 CAO


def test_an_evaluation_not_kept_is_the_same_and_leaves_the_memo_as_it_was(
    rulebook_all: owr.Rulebook,
) -> None:
    plan = rulebook_all.plan(owr.Employee, year=2020).part(["individueel_budget"])
    juf = leraar("0.4321")  # (500 + 100) × 0.4321 = 259.26
    before = len(plan._evaluations)
    alone = plan.evaluate(juf, keep=False)
    assert len(plan._evaluations) == before
    assert alone["individueel_budget"].value == Decimal("259.26")
    assert alone == plan.evaluate(juf)  # kept this time
    assert len(plan._evaluations) == before + 1


def test_run_raises_a_rule_the_editions_lack_instead_of_blaming_each_subject(
    rulebook_all: owr.Rulebook,
) -> None:
    # uren_per_jaar was dropped by CAO PO 2024-2025 (merged into pdi_uren): in 2026 asking for
    # it is an error of the call, not of the employees.
    with pytest.raises(owr.InvalidInputError, match="'uren_per_jaar' is not a rule of the edition"):
        list(rulebook_all.run([leraar("1"), leraar("0.5")], year=2026, rules="uren_per_jaar"))
    (found,) = rulebook_all.run([leraar("1")], year=2020, rules="uren_per_jaar")
    assert isinstance(found, owr.Evaluation)
    assert found["uren_per_jaar"].value == Decimal("83")  # 83 hours a year at full time


@pytest.mark.parametrize(
    ("given", "why"),
    [
        (None, "rule_ids: give at least one rule id of this plan"),
        ([], "rule_ids: give at least one rule id of this plan"),
        (5, "rule_ids: must be a name or a list of names, got int 5"),
    ],
)
def test_a_part_refuses_what_names_no_rules(
    rulebook_all: owr.Rulebook, given: object, why: str
) -> None:
    plan = rulebook_all.plan(owr.Employee, year=2020)
    with pytest.raises(owr.InvalidInputError) as caught:
        plan.part(given)  # type: ignore[arg-type]
    assert str(caught.value) == why
    assert plan.part("individueel_budget").rule_ids == ("individueel_budget",)  # one text, one rule
