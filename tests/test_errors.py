"""One error hierarchy (issue 13, section 7): input errors and definition errors.

Input errors are the caller's to act on (exit 2, HTTP 4xx); definition errors are an edition's or
plugin's fault (exit 1, HTTP 500). The command line maps both in one place.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import onderwijsregels as owr
from onderwijsregels import errors
from onderwijsregels.cli import main

INPUT = {
    errors.InvalidInputError: 422,
    errors.OverspendingError: 422,
    errors.NoEditionError: 404,
    errors.NotEncodedError: 404,
    errors.RuleNotApplicableError: 404,
    errors.UnknownRuleError: 404,
    errors.UnknownEditionError: 404,
    errors.UnknownParameterError: 404,
    errors.MissingExtraError: 400,
}
DEFINITION = {
    errors.PluginError: 500,
    errors.EditionDefinitionError: 500,
    errors.UnknownSourceError: 500,
}


def test_every_error_class_is_under_one_of_two_bases() -> None:
    classes = [
        item
        for _, item in inspect.getmembers(errors, inspect.isclass)
        if issubclass(item, errors.OnderwijsregelsError)
        and item not in (errors.OnderwijsregelsError, errors.InputError, errors.DefinitionError)
    ]
    assert set(classes) == set(INPUT) | set(DEFINITION)
    for item in classes:
        assert issubclass(item, errors.InputError) != issubclass(item, errors.DefinitionError)


@pytest.mark.parametrize(("kind", "status"), INPUT.items())
def test_input_errors_exit_2_with_a_4xx(
    kind: type[errors.OnderwijsregelsError], status: int
) -> None:
    assert issubclass(kind, errors.InputError)
    assert kind.exit_code == 2
    assert kind.http_status == status


@pytest.mark.parametrize(("kind", "status"), DEFINITION.items())
def test_definition_errors_exit_1_with_a_500(
    kind: type[errors.OnderwijsregelsError], status: int
) -> None:
    assert issubclass(kind, errors.DefinitionError)
    assert kind.exit_code == 1
    assert kind.http_status == status


def test_overspending_lives_with_the_other_errors() -> None:
    assert owr.OverspendingError is errors.OverspendingError
    from onderwijsregels import ledger

    assert ledger.OverspendingError is errors.OverspendingError  # still importable from there


def test_edition_definition_errors_are_typed_and_still_value_errors() -> None:
    with pytest.raises(errors.EditionDefinitionError, match="kebab-case") as caught:
        owr.Edition(
            id="Bad Id",
            family="cao-po",
            title="x",
            valid_from=date(2030, 1, 1),
            valid_to=None,
            citation=owr.Citation("x", None, None, "avs-faq-professionalisering-po", "q"),
            rules=(),
        )
    assert isinstance(caught.value, ValueError)


def test_unknown_parameter_is_typed() -> None:
    edition = owr.load(only=["cao-po-2019-2020"]).get("cao-po-2019-2020")
    with pytest.raises(errors.UnknownParameterError) as caught:
        edition.parameter("bestaat_niet")
    error = caught.value
    assert (error.edition, error.parameter) == ("cao-po-2019-2020", "bestaat_niet")
    assert "individueel_budget_op_oop" in error.known


BROKEN_SOURCE = owr.Source("test-broken", "A broken test plugin", "tests", owr.Grade.D)
BROKEN_CITATION = owr.Citation("Test", None, None, BROKEN_SOURCE, "made up")


@owr.rule(
    "kapotte_regel",
    title="A rule that breaks",
    subject=owr.Employee,
    unit=owr.Unit.JA_NEE,
    citations=(BROKEN_CITATION,),
)
def kapotte_regel(ctx: owr.RuleContext) -> owr.Computation:
    """Divides by zero, as a defective rule might."""
    return owr.Computation(bool(1 / 0), [], BROKEN_CITATION)


class BrokenPlugin:
    """A plugin passed to load() directly whose only rule raises."""

    __name__ = "broken-test-plugin"

    @owr.hookimpl
    def onderwijsregels_editions(self) -> Sequence[owr.Edition]:
        return (
            owr.Edition(
                id="kapot-2030",
                family="kapot",
                title="Kapot 2030",
                valid_from=date(2030, 1, 1),
                valid_to=None,
                citation=BROKEN_CITATION,
                rules=(kapotte_regel,),
            ),
        )


def test_a_rule_defect_names_plugin_and_edition_separately() -> None:
    rulebook = owr.load([BrokenPlugin()], entry_points=False)
    employee = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("1"))
    with pytest.raises(owr.PluginError) as caught:
        rulebook.evaluate(employee, year=2030)
    error = caught.value
    assert error.plugin == "broken-test-plugin"
    assert error.edition == "kapot-2030"
    assert error.distribution is None  # passed to load() directly
    assert "kapotte_regel" in error.problem
    assert "ZeroDivisionError" in error.problem
    assert "Employee(" not in str(error)  # the subject's label, not its full repr
    assert error.exit_code == 1


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_maps_input_errors_to_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    board = tmp_path / "board.yaml"
    board.write_text("employees:\n  - {function: leraar, werktijdfactor: 1}\n", encoding="utf-8")
    code, _, err = run(capsys, "evaluate", str(board), "--year", "2018")
    assert code == 2  # NoEditionError: no CAO edition governs 2018
    assert "no edition of rule family" in err
    code, _, err = run(capsys, "diff", "cao-po-2021", "cao-po-2099-niet")
    assert code == 2  # UnknownEditionError
    assert "unknown edition" in err


def test_cli_maps_not_encoded_to_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.yaml"
    ledger.write_text(
        "situations:\n  - {year: 2025, function: leraar, werktijdfactor: 1}\n", encoding="utf-8"
    )
    code, _, err = run(capsys, "statement", str(ledger), "--through", "2025")
    assert code == 2
    assert "spaartermijn_op_oop" in err  # the saving term under the merged chapter
