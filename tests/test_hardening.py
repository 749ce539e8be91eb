"""Bad input never escapes as a bare exception, and the edge cases a reviewer found stay fixed."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

import onderwijsregels as owr
from onderwijsregels import Function, InvalidInputError, Rulebook
from onderwijsregels.cli import main
from onderwijsregels.registration import Predicate, Register, Registration


def director(**fields: object) -> owr.Employee:
    return owr.Employee(function=Function.DIRECTEUR, werktijdfactor=Decimal("1"), **fields)  # type: ignore[arg-type]


# --- registrations ----------------------------------------------------------------------------


def test_registration_reads_enum_values_and_refuses_unknown_ones() -> None:
    registration = Registration(
        register="schoolleidersregister-po", decision_date=date(2023, 1, 1), predicate="niveau 2"
    )
    assert registration.register is Register.SCHOOLLEIDERSREGISTER_PO
    assert registration.predicate is Predicate.NIVEAU_2
    with pytest.raises(InvalidInputError) as caught:
        Registration(register="x", decision_date=date(2023, 1, 1))
    assert caught.value.field == "register"
    with pytest.raises(InvalidInputError) as caught:
        Registration(
            register=Register.SCHOOLLEIDERSREGISTER_PO,
            decision_date=date(2023, 1, 1),
            title="directeur",
        )
    assert caught.value.field == "title"


def test_registration_decided_later_gives_no_title_or_date_yet(rulebook_all: Rulebook) -> None:
    # Decided on 2022-09-01 (new register: 5 years → due 2027-09-01); on 2016-01-01 nothing yet.
    registration = Registration(
        register=Register.SCHOOLLEIDERSREGISTER_PO,
        decision_date=date(2022, 9, 1),
        predicate=Predicate.NIVEAU_2,
    )
    ev = rulebook_all.evaluate(
        director(registration=registration), on=date(2016, 1, 1), families=["schoolleidersregister"]
    )
    assert ev["schoolleidersregister_status"].value == "niet geregistreerd"
    with pytest.raises(owr.RuleNotApplicableError):
        ev["schoolleidersregister_titel"]
    with pytest.raises(owr.RuleNotApplicableError):
        ev["schoolleidersregister_herregistratiedatum"]
    later = rulebook_all.evaluate(
        director(registration=registration), on=date(2023, 1, 1), families=["schoolleidersregister"]
    )
    assert later["schoolleidersregister_herregistratiedatum"].value == date(2027, 9, 1)


def test_before_2018_an_unregistered_leader_is_not_yet_missing(rulebook_all: Rulebook) -> None:
    rows = owr.register_overview(rulebook_all, [("a", director())], date(2017, 12, 31))
    assert rows[0].category == "to register by 2018-01-01"
    rows = owr.register_overview(rulebook_all, [("a", director())], date(2018, 1, 1))
    assert rows[0].category == "missing registration"


def test_statutory_board_member_has_no_cao_registration_duty(rulebook_all: Rulebook) -> None:
    ev = rulebook_all.evaluate(director(statutair_bestuurder=True), year=2023)
    # Registerreglement art. 1 excludes statutory board members; the CAO answer agrees
    assert ev["registratieplicht_schoolleidersregister"].value is False
    assert ev["schoolleidersregister_registratieplicht"].value is False
    with pytest.raises(owr.RuleNotApplicableError):
        ev["registratiekosten_vergoed_door_werkgever"]
    # the budget is still € 3000 (2023), with a visible note on the unconfirmed exclusion
    assert ev["individueel_budget"].value == Decimal("3000.00")
    assert any("statutair bestuurders" in note for note in ev["individueel_budget"].notes)


# --- rulebook -----------------------------------------------------------------------------------


def test_diff_across_families_is_refused(rulebook_all: Rulebook) -> None:
    with pytest.raises(InvalidInputError):
        rulebook_all.diff("cao-po-2021", "schoolleidersregister-2022")


def test_families_as_text_and_empty(rulebook_all: Rulebook) -> None:
    ev = rulebook_all.evaluate(director(), year=2021, families="cao-po")
    assert [use.family for use in ev.editions] == ["cao-po"]
    with pytest.raises(InvalidInputError):
        rulebook_all.evaluate(director(), year=2021, families=[])


@pytest.mark.parametrize("bad", [["cao-po"], None, 3])
def test_editions_and_get_refuse_non_text(rulebook_all: Rulebook, bad: object) -> None:
    with pytest.raises(InvalidInputError):
        rulebook_all.editions(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        rulebook_all.get(bad)  # type: ignore[arg-type]


def test_evaluate_refuses_a_datetime(rulebook_all: Rulebook) -> None:
    with pytest.raises(InvalidInputError):
        rulebook_all.evaluate(director(), on=datetime(2021, 1, 1))


def test_a_rule_that_breaks_is_a_plugin_error() -> None:
    from onderwijsregels_cao_po_2021 import EDITION

    def broken(ctx: owr.RuleContext) -> owr.Computation:
        raise AttributeError("bug in the rule set")

    rule = owr.Rule("kapot", "Broken", owr.Employee, owr.Unit.JA_NEE, broken, ())
    edition = EDITION.derive(
        id="cao-po-kapot",
        title="Broken",
        valid_from=date(2099, 1, 1),
        valid_to=None,
        citation=EDITION.citation,
        rules=[rule],
    )

    class Plugin:
        @owr.hookimpl
        def onderwijsregels_editions(self) -> tuple[owr.Edition, ...]:
            return (edition,)

    rb = owr.load([Plugin()], entry_points=False)
    with pytest.raises(owr.PluginError) as caught:
        rb.evaluate(director(), year=2099)
    assert "kapot" in str(caught.value)


# --- ledger ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"situations": None},
        {"situations": [{"year": 2020}]},
        {"situations": [owr.Situation(2020, Function.LERAAR, Decimal("1"))], "spendings": ["x"]},
        {
            "situations": [owr.Situation(2020, Function.LERAAR, Decimal("1"))],
            "agreements": [{"first_year": 2020}],
        },
    ],
)
def test_ledger_refuses_wrong_parts(fields: dict[str, object]) -> None:
    with pytest.raises(InvalidInputError):
        owr.Ledger(**fields)  # type: ignore[arg-type]


def test_situation_reads_werktijdfactor_exactly_and_checks_school() -> None:
    assert owr.Situation(2020, "leraar", "0.6").werktijdfactor == Decimal("0.6")
    with pytest.raises(InvalidInputError):
        owr.Situation(2020, Function.LERAAR, Decimal("1"), school=3)  # type: ignore[arg-type]


def test_statement_refuses_a_year_as_text_and_a_wrong_spending(rulebook_all: Rulebook) -> None:
    ledger = owr.Ledger([owr.Situation(2020, Function.LERAAR, Decimal("1"))])
    with pytest.raises(InvalidInputError):
        ledger.statement(rulebook_all, through="2020")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        ledger.spend(None, rulebook_all)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        owr.board_lapses([1], rulebook_all, through=2020)  # type: ignore[list-item]
    with pytest.raises(InvalidInputError):
        owr.register_overview(rulebook_all, [director()], date(2020, 1, 1))  # type: ignore[list-item]


def test_statement_during_the_year_warns_about_this_years_unsaved_money(
    rulebook_all: Rulebook,
) -> None:
    # A director's unsaved 2024 tranche (€ 3000) must be spent by 2024-12-31. At the end of the
    # year it has lapsed (no warning left); reviewed on 2024-06-30 it is still there and warned.
    ledger = owr.Ledger([owr.Situation(2024, Function.DIRECTEUR, Decimal("1"))])
    year_end = ledger.statement(rulebook_all, through=2024)
    assert year_end.warnings == ()
    assert year_end.years[-1].lapsed == Decimal("3000.00")
    mid_year = ledger.statement(rulebook_all, through=2024, as_of=date(2024, 6, 30))
    assert mid_year.years[-1].lapsed == Decimal("0.00")
    assert len(mid_year.warnings) == 1
    assert "€ 3.000,00 of the 2024 budget lapses after 2024-12-31" in mid_year.warnings[0]
    with pytest.raises(InvalidInputError):
        ledger.statement(rulebook_all, through=2024, as_of=date(2023, 6, 30))


# --- files ----------------------------------------------------------------------------------------


def test_a_file_that_is_not_utf8_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "board.yaml"
    path.write_bytes(b"employees:\n  - {name: \xff\xfe, function: leraar, werktijdfactor: 1}\n")
    assert main(["evaluate", str(path), "--year", "2020"]) == 2
    assert "UTF-8" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("board.json", '{"function": "leraar", "werktijdfactor": 0.6, "werktijdfactor": 1}'),
        ("board.yaml", "function: leraar\nwerktijdfactor: 0.6\nwerktijdfactor: 1\n"),
    ],
)
def test_a_key_given_twice_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["evaluate", str(path), "--year", "2020"]) == 2
    assert "twice" in capsys.readouterr().err
