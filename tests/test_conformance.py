"""The pytest plugin of onderwijsregels: conformance check, YAML cases, snapshots, strategies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import onderwijsregels as owr
from onderwijsregels.ledger import Ledger
from onderwijsregels.testing import strategies
from onderwijsregels.testing.cases import CaseFileError, parse_cases, run_case
from onderwijsregels.testing.conformance import check_editions, check_rulebook_editions
from onderwijsregels.testing.plugins import shipped_rulebook
from onderwijsregels.testing.snapshots import Period, compare_snapshots, record_snapshot

pytest_plugins = ["pytester"]

RB = shipped_rulebook()


@pytest.mark.parametrize("distribution", ["onderwijsregels", "onderwijsregels-cao-example"])
def test_every_distribution_conforms(
    distribution: str, onderwijsregels_conformance: Callable[..., None]
) -> None:
    onderwijsregels_conformance(distribution)


def test_check_editions_reports_an_unknown_distribution() -> None:
    (problem,) = check_editions("no-such-distribution")
    assert "provides no loaded edition" in problem


def test_the_conformance_check_finds_a_broken_edition() -> None:
    # A derived edition with a negative amount and a derives_from that is not loaded.
    base = RB.get("cao-po-2025-2027")
    broken = base.derive(
        id="cao-po-kapot",
        title="broken",
        valid_from=date(2031, 1, 1),
        valid_to=None,
        citation=base.citation,
    )
    parameter = broken.parameter("individueel_budget_op_oop")
    value = attrs.evolve(parameter.values[-1], value=Decimal("-5"))
    broken = attrs.evolve(
        broken,
        parameters=[
            attrs.evolve(parameter, values=(value,)) if p is parameter else p
            for p in broken.parameters
        ],
        derives_from="cao-po-1999",
    )
    rulebook = owr.load([_plugin(broken)], entry_points=False)
    problems = check_rulebook_editions(rulebook, ["cao-po-kapot"], examples=30)
    assert any("derives_from names 'cao-po-1999'" in problem for problem in problems)
    assert any("is negative" in problem for problem in problems), problems


def _plugin(edition: owr.Edition) -> object:
    class Plugin:
        @owr.hookimpl
        def onderwijsregels_editions(self) -> list[owr.Edition]:
            return [edition]

    return Plugin()


CASES = """\
distribution: onderwijsregels
cases:
  - name: two mismatches
    subject: {function: leraar, werktijdfactor: 0.6}
    year: 2020
    expect:
      individueel_budget:
        value: 350.00
        confidence: confirmed
      uren_per_werkweek: 1.2
      maximale_spaartermijn: 4
"""


def test_a_case_reports_every_mismatch_with_its_line() -> None:
    (case,) = parse_cases(CASES, "cases_x.yaml")
    assert run_case(case) == [
        "cases_x.yaml line 8: individueel_budget: expected value 350.00, got 360.00",
        # each mismatch on the line of the key it is about: value on 8, confidence on 9
        "cases_x.yaml line 9: individueel_budget: expected confidence confirmed, got secondary",
        "cases_x.yaml line 11: maximale_spaartermijn: expected value 4, got 3",
    ]


def test_a_bad_case_file_lists_every_problem() -> None:
    text = "cases:\n  - subject: {function: rector, werktijdfactor: 1}\n    year: 2020\n"
    text += "    expect: {x: 1}\n  - subject: {pupils: 3}\n    expect: {x: 1}\n    colour: red\n"
    with pytest.raises(CaseFileError) as raised:
        parse_cases(text, "cases_bad.yaml")
    message = str(raised.value)
    assert "cases_bad.yaml line 2: cases.0.subject" in message
    assert "give exactly one period" in message
    assert "line 7: cases.1.colour: unknown key" in message


def test_case_files_are_collected_and_fail_with_every_mismatch(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", cases_budget=CASES)
    result = pytester.runpytest("-p", "no:randomly")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*3 mismatch*", "*line 8: individueel_budget: expected value 350.00, got 360.00*"]
    )


def test_snapshots_fail_on_undeclared_changes() -> None:
    subjects: dict[str, owr.Employee | owr.School] = {
        "juf": owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.6")),
        "meester": owr.Employee(function=owr.Function.DIRECTEUR, werktijdfactor=Decimal("1")),
        "school": owr.School(pupils=212),
    }
    periods: list[Period] = [2026, "2025-2026"]
    before = record_snapshot(RB, subjects, periods)
    same = record_snapshot(RB, subjects, periods)
    assert compare_snapshots(before, same) == []
    what_if = RB.scenario(
        "oop-600",
        values={"individueel_budget_op_oop": Decimal("600")},
        from_=date(2025, 1, 1),
        citation="our CAO book",
    )
    after = record_snapshot(what_if, subjects, periods)
    undeclared = compare_snapshots(before, after)
    # 525 × 0.6 = 315.00 -> 600 × 0.6 = 360.00; the directeur and the school do not change.
    assert undeclared == [
        "juf|2025-2026|individueel_budget: value '315.00' -> '360.00', "
        "confidence 'secondary' -> 'interpretation'",
        # 2025-2027 already carries an interpretation: only the value changes
        "juf|2026|individueel_budget: value '315.00' -> '360.00'",
    ]
    assert compare_snapshots(before, after, intended=["juf|*|individueel_budget"]) == []
    assert compare_snapshots(before, after, intended=["juf|*|individueel_budget", "meester|*"]) == [
        "meester|*: declared as intended but unchanged"
    ]


@settings(max_examples=15, deadline=None)
@given(ledger=strategies.ledgers(RB, max_spendings=3))
def test_generated_ledgers_with_a_rulebook_pay_every_spending(ledger: Ledger) -> None:
    statement = ledger.statement(RB, through=2028)
    assert statement is not None
    for spending in ledger.spendings:
        assert spending.amount > 0


@settings(max_examples=15, deadline=None)
@given(ledger=strategies.ledgers())
def test_generated_ledgers_round_trip(ledger: Ledger) -> None:
    assert Ledger.from_dict(ledger.to_dict()) == ledger


def test_the_shipped_case_files_exist() -> None:
    found = sorted(path.name for path in (Path(__file__).parent / "cases").glob("*.yaml"))
    assert len(found) >= 4
