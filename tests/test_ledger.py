"""The budget ledger: accrual, saving, spending and lapse, worked out by hand.

Every expected figure is worked out in a comment from the sources
(/work/shared/sources/facts.md), not copied from program output:

- directie: € 3000 a year, € 3100 in 2020 and 2021 (art. 9.6 lid 3 and the € 100 of
  art. 9.8); saved at most three years, lapses if not spent within four
  (art. 9.6), so a saved tranche can be spent until 31 December of
  year + 4 - 1; from CAO PO 2023-2024 four years' saving and (our reading) a
  lapse after five: 31 December of year + 5 - 1;
- teachers and OOP: € 500 a year, € 600 in 2020 and 2021, pro rata werktijdfactor
  (art. 9.3 lid 2, art. 9.8); saved at most three years (art. 9.3 lid 4), and
  (our reading) spendable until 31 December of year + 3;
- no savings agreement: spend in the year itself (our reading).

A tranche can be spent up to and including its spend-by day and lapses at the
end of that day. The year of the reference day decides the edition: 1 January
2023 falls under CAO PO 2022-2023, 1 January 2024 under CAO PO 2023-2024.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import onderwijsregels as owr
from onderwijsregels.ledger import (
    ACCRUAL_EDITION_GOVERNS,
    AVAILABLE_FROM_1_JANUARY,
    INTERPRETATIONS,
    LAPSE_TO_SCHOOL_OF_ACCRUAL,
    NO_AGREEMENT_NO_SAVING,
    OLDEST_FIRST,
    STAFF_LAPSE,
    Ledger,
    OverspendingError,
    SavingsAgreement,
    Situation,
    Spending,
    SpendingKind,
)
from onderwijsregels.rulebook import PLUGINS_ENV

ROOT = Path(__file__).resolve().parent.parent
D = Decimal
DIRECTEUR = owr.Function.DIRECTEUR
ADJUNCT = owr.Function.ADJUNCT_DIRECTEUR
LERAAR = owr.Function.LERAAR
OOP = owr.Function.OOP
COURSE = SpendingKind.STUDIEKOSTENVERGOEDING
LEAVE = SpendingKind.STUDIEVERLOF
FIVE_YEARS = "with four years' saving, unspent directie budget lapses after five years"


@pytest.fixture(scope="module")
def rulebook() -> owr.Rulebook:
    """Every built-in edition (the ledger spans 2020-2024, so it needs the later CAOs too)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return owr.load(only=sorted(project["project"]["entry-points"]["onderwijsregels"]))


def director(years: range, *, saved: tuple[int, int] | None = None, school: str = "A") -> Ledger:
    agreements = [SavingsAgreement(*saved)] if saved else []
    return Ledger(
        situations=[Situation(year, DIRECTEUR, D("1"), school=school) for year in years],
        agreements=agreements,
    )


# --- a director who saves 2020-2022 and spends in 2023 ---------------------------------------


def test_director_saves_2020_to_2022_and_spends_in_2023(rulebook: owr.Rulebook) -> None:
    ledger = director(range(2020, 2023), saved=(2020, 2022))
    tranches = ledger.tranches(rulebook, through=2023)
    # 2020: 3000 + 100 = 3100; 2021: 3000 + 100 = 3100; 2022: 3000 (the top-up ended with 2021).
    assert [(t.year, t.amount) for t in tranches] == [
        (2020, D("3100.00")),
        (2021, D("3100.00")),
        (2022, D("3000.00")),
    ]
    # Saved, lapse within four years: spend by 31 Dec of 2020+3, 2021+3, 2022+3.
    assert [t.spend_by for t in tranches] == [
        date(2023, 12, 31),
        date(2024, 12, 31),
        date(2025, 12, 31),
    ]
    assert all(t.saved for t in tranches)

    spent = ledger.spend(Spending(date(2023, 3, 1), D("5000.00"), COURSE, "Master"), rulebook)
    statement = spent.statement(rulebook, through=2023)
    # Oldest first: all 3100 of 2020, then 5000 - 3100 = 1900 of 2021.
    assert [(a.tranche_year, a.amount) for a in statement.allocations] == [
        (2020, D("3100.00")),
        (2021, D("1900.00")),
    ]
    assert all(
        a.on == date(2023, 3, 1) and a.description == "Master" for a in statement.allocations
    )
    # Left: 2020 0; 2021 3100 - 1900 = 1200; 2022 3000.
    left = {line.tranche.year: line.remaining for line in statement.tranches}
    assert left == {2020: D("0.00"), 2021: D("1200.00"), 2022: D("3000.00")}
    # Year lines: 2020 0 + 3100 = 3100; 2021 3100 + 3100 = 6200; 2022 6200 + 3000 = 9200;
    # 2023 9200 + 0 - 5000 - 0 = 4200 (2020 was spent in full, so nothing lapses).
    rows = [(y.year, y.opening, y.accrued, y.spent, y.lapsed, y.closing) for y in statement.years]
    assert rows == [
        (2020, D("0.00"), D("3100.00"), D("0.00"), D("0.00"), D("3100.00")),
        (2021, D("3100.00"), D("3100.00"), D("0.00"), D("0.00"), D("6200.00")),
        (2022, D("6200.00"), D("3000.00"), D("0.00"), D("0.00"), D("9200.00")),
        (2023, D("9200.00"), D("0.00"), D("5000.00"), D("0.00"), D("4200.00")),
    ]
    assert OLDEST_FIRST in statement.interpretations


def test_spending_reports_the_oldest_first_reading_only_when_something_was_spent(
    rulebook: owr.Rulebook,
) -> None:
    ledger = director(range(2020, 2021), saved=(2020, 2020))
    assert OLDEST_FIRST not in ledger.statement(rulebook, through=2020).interpretations


# --- a tranche that lapses -----------------------------------------------------------------------


def test_saved_director_tranche_lapses_after_four_years(rulebook: owr.Rulebook) -> None:
    # 2020 at school A, saved: 3100, spend by 31 Dec 2023. 2021 at school B, not saved:
    # 3100, spend by 31 Dec 2021. Nothing is spent.
    ledger = Ledger(
        situations=[
            Situation(2020, DIRECTEUR, D("1"), school="A"),
            Situation(2021, DIRECTEUR, D("1"), school="B"),
        ],
        agreements=[SavingsAgreement(2020, 2020)],
    )
    statement = ledger.statement(rulebook, through=2023)
    lapsed = {y.year: y.lapsed for y in statement.years}
    # 2021: the unsaved 2021 tranche (3100) lapses at the end of 2021;
    # 2023: the saved 2020 tranche (3100) lapses at the end of 2023.
    assert lapsed == {2020: D("0.00"), 2021: D("3100.00"), 2022: D("0.00"), 2023: D("3100.00")}
    assert sorted(statement.lapses) == [
        (date(2021, 12, 31), 2021, D("3100.00")),
        (date(2023, 12, 31), 2020, D("3100.00")),
    ]
    # Closing: 2020 3100; 2021 3100 + 3100 - 3100 = 3100; 2022 3100; 2023 3100 - 3100 = 0.
    assert [y.closing for y in statement.years] == [D("3100.00")] * 3 + [D("0.00")]
    # The 2023 line names the saving/lapse rule the lapse rests on: the AVS page's directie
    # saving sentence, which names no article (facts.md's "9.6" is unconfirmed).
    (line_2023,) = [y for y in statement.years if y.year == 2023]
    assert "CAO PO 2019-2020" in line_2023.basis
    # The money goes to the school of the accrual year (2020: A; 2021: B).
    assert owr.board_lapses([ledger], rulebook, through=2023) == (
        owr.BoardLapse("A", 2023, D("3100.00")),
        owr.BoardLapse("B", 2021, D("3100.00")),
    )
    assert LAPSE_TO_SCHOOL_OF_ACCRUAL in INTERPRETATIONS


def test_lapse_is_not_in_the_statement_before_the_spend_by_year_ends(
    rulebook: owr.Rulebook,
) -> None:
    ledger = director(range(2020, 2021), saved=(2020, 2020))
    statement = ledger.statement(rulebook, through=2022)
    assert statement.lapses == ()
    # Still spendable on the last day of 2023, gone the day after.
    full = ledger.statement(rulebook, through=2023)
    assert full.balance_on(date(2023, 12, 30)) == D("3100.00")
    assert full.lapsed_until(date(2023, 12, 30)) == D("0.00")
    assert full.lapsed_until(date(2023, 12, 31)) == D("3100.00")
    assert full.balance_on(date(2023, 12, 31)) == D("0.00")


def test_board_lapses_add_up_over_ledgers_and_leave_out_zeroes(rulebook: owr.Rulebook) -> None:
    # Two directors at school A, 2020 not saved: each 3100 lapses at the end of 2020 → 6200.
    # A third spends her 2020 budget in full: nothing lapses, so no line for her school C.
    first = director(range(2020, 2021), school="A")
    second = director(range(2020, 2021), school="A")
    third = director(range(2020, 2021), school="C").spend(
        Spending(date(2020, 6, 1), D("3100.00"), COURSE), rulebook
    )
    assert owr.board_lapses([first, second, third], rulebook, through=2020) == (
        owr.BoardLapse("A", 2020, D("6200.00")),
    )


# --- a function change mid-career ----------------------------------------------------------------


def test_teacher_becomes_adjunct_director(rulebook: owr.Rulebook) -> None:
    ledger = Ledger(
        situations=[
            Situation(2020, LERAAR, D("0.8"), scale="L11"),
            Situation(2021, ADJUNCT, D("1"), scale="A11"),
        ],
        agreements=[SavingsAgreement(2020, 2021)],
    )
    first, second = ledger.tranches(rulebook, through=2021)
    # 2020 teacher at 0.8: (500 + 100) × 0.8 = 480, art. 9.3 lid 2; saved three years:
    # spend by 31 Dec 2020 + 3 = 2023, our staff lapse reading.
    assert first.amount == D("480.00")
    assert "9.3 lid 2" in first.citation.reference
    assert first.spend_by == date(2023, 12, 31)
    assert STAFF_LAPSE in first.interpretations
    # 2021 adjunct-director: 3000 + 100 = 3100, art. 9.6 lid 3; saved, lapses within four
    # years: spend by 31 Dec 2021 + 4 - 1 = 2024.
    assert second.amount == D("3100.00")
    assert "9.6 lid 3" in second.citation.reference
    assert second.spend_by == date(2024, 12, 31)
    assert STAFF_LAPSE not in second.interpretations
    # The two rules are each the accrual edition's: 2020 under CAO PO 2019-2020, 2021 under 2021.
    assert (first.edition, second.edition) == ("cao-po-2019-2020", "cao-po-2021")
    assert ACCRUAL_EDITION_GOVERNS in first.interpretations


# --- a part-time teacher -------------------------------------------------------------------------


def test_part_time_teacher(rulebook: owr.Rulebook) -> None:
    ledger = Ledger(situations=[Situation(y, LERAAR, D("0.6")) for y in (2021, 2022)])
    first, second = ledger.tranches(rulebook, through=2022)
    # 2021: (500 + 100) × 0.6 = 360; 2022: 500 × 0.6 = 300.
    assert (first.amount, second.amount) == (D("360.00"), D("300.00"))
    # No agreement: each spent in its own year.
    assert (first.spend_by, second.spend_by) == (date(2021, 12, 31), date(2022, 12, 31))
    assert not first.saved
    assert NO_AGREEMENT_NO_SAVING in first.interpretations


def test_part_time_oop_saved_for_three_years(rulebook: owr.Rulebook) -> None:
    ledger = Ledger(
        situations=[Situation(2022, OOP, D("0.5"))], agreements=[SavingsAgreement(2022, 2024)]
    )
    (tranche,) = ledger.tranches(rulebook, through=2022)
    # 500 × 0.5 = 250; saved: spend by 31 Dec 2022 + 3 = 2025.
    assert tranche.amount == D("250.00")
    assert tranche.spend_by == date(2025, 12, 31)
    assert "9.3 lid 4" in tranche.saving_citation.reference


# --- overspending refused ------------------------------------------------------------------------


def test_overspending_is_refused_and_the_ledger_is_unchanged(rulebook: owr.Rulebook) -> None:
    # 2021 teacher at 0.6, saved: 360, spend by 2024-12-31. First spend 300 on 2022-05-01.
    ledger = Ledger(
        situations=[Situation(2021, LERAAR, D("0.6"))],
        agreements=[SavingsAgreement(2021, 2021)],
        name="Juf",
    )
    ledger = ledger.spend(Spending(date(2022, 5, 1), D("300.00"), COURSE, "First course"), rulebook)
    before = ledger.to_dict()
    too_much = Spending(date(2023, 2, 1), D("60.01"), LEAVE, "Conference")
    with pytest.raises(OverspendingError) as caught:
        ledger.spend(too_much, rulebook)
    error = caught.value
    # 360 - 300 = 60 left; 60.01 > 60.
    assert error.spending == too_much
    assert error.available == D("60.00")
    assert isinstance(error, owr.OnderwijsregelsError)
    assert isinstance(error, ValueError)
    message = str(error)
    assert "€ 60,01" in message
    assert "2023-02-01" in message
    assert "Conference" in message
    assert "€ 60,00 available" in message
    assert "2021: € 60,00 left of € 360,00, spend by 2024-12-31" in message
    assert error.tranches == ("2021: € 60,00 left of € 360,00, spend by 2024-12-31",)
    # Unchanged: still one spending, and exactly 60.00 still fits.
    assert ledger.to_dict() == before
    assert len(ledger.spendings) == 1
    fits = ledger.spend(Spending(date(2023, 2, 1), D("60.00"), LEAVE, "Conference"), rulebook)
    assert fits.statement(rulebook, through=2023).balance_on(date(2023, 2, 1)) == D("0.00")
    assert len(ledger.spendings) == 1  # spend returned a new ledger


def test_overspending_names_the_kind_when_there_is_no_description(
    rulebook: owr.Rulebook,
) -> None:
    ledger = Ledger(situations=[Situation(2022, LERAAR, D("1"))])
    with pytest.raises(OverspendingError, match="studieverlof") as caught:
        ledger.spend(Spending(date(2022, 3, 1), D("500.01"), LEAVE), rulebook)
    assert caught.value.available == D("500.00")


def test_spending_before_any_budget_is_refused(rulebook: owr.Rulebook) -> None:
    # The 2021 budget is available from 1 January 2021, not on 31 December 2020.
    ledger = Ledger(situations=[Situation(2021, LERAAR, D("1"))])
    with pytest.raises(OverspendingError) as caught:
        ledger.spend(Spending(date(2020, 12, 31), D("1.00"), COURSE), rulebook)
    assert caught.value.available == D("0.00")
    assert caught.value.tranches == ()
    assert "tranches: none" in str(caught.value)
    # On 1 January the whole year is there: 600.
    ledger.spend(Spending(date(2021, 1, 1), D("600.00"), COURSE), rulebook)
    assert AVAILABLE_FROM_1_JANUARY in ledger.tranches(rulebook, through=2021)[0].interpretations


def test_a_later_year_cannot_pay_for_an_earlier_spending(rulebook: owr.Rulebook) -> None:
    # 2020 teacher unsaved: 600 until 2020-12-31; the 2021 budget (600) is not there in 2020.
    ledger = Ledger(situations=[Situation(y, LERAAR, D("1")) for y in (2020, 2021)])
    with pytest.raises(OverspendingError) as caught:
        ledger.spend(Spending(date(2020, 11, 1), D("600.01"), COURSE), rulebook)
    assert caught.value.available == D("600.00")


def test_spend_rechecks_the_later_spendings(rulebook: owr.Rulebook) -> None:
    # Saved 2020-2022: 3100 (to 2023), 3100 (to 2024), 3000 (to 2025). On 2024-03-01 spend
    # 3000: 2020 has lapsed, so 3000 of 2021 (oldest available). Then on 2023-03-01 try 9000:
    # available then is 3100 + 3100 + 3000 = 9200, so it fits that day, leaving 200 of 2022
    # (3100 + 3100 + 2800); the 2024 spending (3000) then finds only 200 and cannot be paid.
    ledger = director(range(2020, 2023), saved=(2020, 2022))
    ledger = ledger.spend(Spending(date(2024, 3, 1), D("3000.00"), COURSE, "late"), rulebook)
    with pytest.raises(OverspendingError):
        ledger.spend(Spending(date(2023, 3, 1), D("9000.00"), COURSE, "early"), rulebook)


# --- the last allowed day and the day after ------------------------------------------------------


def test_spending_on_the_last_allowed_day_and_the_day_after(rulebook: owr.Rulebook) -> None:
    # 2020 director, saved: 3100, spend by 31 Dec 2020 + 4 - 1 = 2023.
    ledger = director(range(2020, 2021), saved=(2020, 2020))
    last = ledger.spend(Spending(date(2023, 12, 31), D("3100.00"), COURSE, "last day"), rulebook)
    statement = last.statement(rulebook, through=2023)
    assert statement.spent_until(date(2023, 12, 31)) == D("3100.00")
    assert statement.lapsed_until(date(2023, 12, 31)) == D("0.00")
    with pytest.raises(OverspendingError) as caught:
        ledger.spend(Spending(date(2024, 1, 1), D("0.01"), COURSE, "day after"), rulebook)
    assert caught.value.available == D("0.00")
    # The tranche is still listed, with nothing left, so the user sees why.
    assert caught.value.tranches == ("2020: € 0,00 left of € 3.100,00, spend by 2023-12-31",)


def test_unsaved_year_is_spendable_until_31_december_of_that_year(rulebook: owr.Rulebook) -> None:
    # 2022 teacher, no agreement: 500, spend by 2022-12-31.
    ledger = Ledger(situations=[Situation(2022, LERAAR, D("1"))])
    (tranche,) = ledger.tranches(rulebook, through=2022)
    assert tranche.spend_by == date(2022, 12, 31)
    assert tranche.lapses_on == date(2023, 1, 1)
    ledger.spend(Spending(date(2022, 12, 31), D("500.00"), COURSE), rulebook)
    with pytest.raises(OverspendingError):
        ledger.spend(Spending(date(2023, 1, 1), D("500.00"), COURSE), rulebook)


def test_agreement_covers_only_its_years(rulebook: owr.Rulebook) -> None:
    # Agreement 2021-2022; 2020 and 2023 not covered.
    ledger = Ledger(
        situations=[Situation(y, LERAAR, D("1")) for y in range(2020, 2024)],
        agreements=[SavingsAgreement(2021, 2022, "saving for a course")],
    )
    spend_by = [t.spend_by for t in ledger.tranches(rulebook, through=2023)]
    assert spend_by == [
        date(2020, 12, 31),
        date(2024, 12, 31),  # 2021 + 3
        date(2025, 12, 31),  # 2022 + 3
        date(2023, 12, 31),
    ]


# --- the edition under which a tranche accrued governs -------------------------------------------


def test_director_2024_under_cao_po_2023_2024_saves_four_years(rulebook: owr.Rulebook) -> None:
    ledger = director(range(2023, 2025), saved=(2023, 2024))
    first, second = ledger.tranches(rulebook, through=2024)
    # 1 Jan 2023 falls under CAO PO 2022-2023: lapse within four years, 2023 + 3 = 2026,
    # although CAO PO 2023-2024 (five years) is in force when that tranche runs out.
    assert first.edition == "cao-po-2022-2023"
    assert first.spend_by == date(2026, 12, 31)
    assert FIVE_YEARS not in [item.summary for item in first.interpretations]
    # 1 Jan 2024 falls under CAO PO 2023-2024: lapse within five years, 2024 + 4 = 2028,
    # and the five-year reading is listed.
    assert second.edition == "cao-po-2023-2024"
    assert second.amount == D("3000.00")
    assert second.spend_by == date(2028, 12, 31)
    assert FIVE_YEARS in [item.summary for item in second.interpretations]
    assert ACCRUAL_EDITION_GOVERNS in second.interpretations


def test_teacher_2024_still_saves_three_years(rulebook: owr.Rulebook) -> None:
    ledger = Ledger(
        situations=[Situation(2024, LERAAR, D("1"))], agreements=[SavingsAgreement(2024, 2026)]
    )
    (tranche,) = ledger.tranches(rulebook, through=2024)
    # CAO PO 2023-2024 changed saving for school leaders only: 2024 + 3 = 2027.
    assert tranche.spend_by == date(2027, 12, 31)


def test_tranches_stop_at_through(rulebook: owr.Rulebook) -> None:
    ledger = director(range(2020, 2024))
    assert [t.year for t in ledger.tranches(rulebook, through=2021)] == [2020, 2021]


# --- input checks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount",
    [D("10.005"), "0.001", 12.5, D("0"), D("-1.00")],
)
def test_bad_amounts_are_refused(amount: object) -> None:
    with pytest.raises(owr.InvalidInputError) as caught:
        Spending(date(2022, 1, 1), amount, COURSE)
    assert caught.value.problems[0][0] == "amount"


def test_amount_as_text_or_whole_number_is_exact() -> None:
    assert Spending(date(2022, 1, 1), "12.50", COURSE).amount == D("12.50")
    assert Spending(date(2022, 1, 1), 12, COURSE).amount == D("12")


def test_a_float_amount_is_refused_even_when_it_looks_exact() -> None:
    with pytest.raises(owr.InvalidInputError, match="float"):
        Spending(date(2022, 1, 1), 100.0, COURSE)


def test_duplicate_situation_year_is_refused() -> None:
    with pytest.raises(owr.InvalidInputError) as caught:
        Ledger(situations=[Situation(2020, LERAAR, D("1")), Situation(2020, OOP, D("0.5"))])
    assert caught.value.problems[0][0] == "situations"


def test_a_ledger_needs_a_year() -> None:
    with pytest.raises(owr.InvalidInputError):
        Ledger(situations=[])


@pytest.mark.parametrize("year", [True, "2020", 20, 2020.0])
def test_bad_situation_years_are_refused(year: object) -> None:
    with pytest.raises(owr.InvalidInputError):
        Situation(year, LERAAR, D("1"))


def test_bad_werktijdfactor_is_refused() -> None:
    with pytest.raises(owr.InvalidInputError):
        Situation(2020, LERAAR, D("1.2"))
    with pytest.raises(owr.InvalidInputError, match="float"):
        Situation(2020, LERAAR, 0.6)


def test_agreement_must_not_end_before_it_starts() -> None:
    with pytest.raises(owr.InvalidInputError) as caught:
        SavingsAgreement(2022, 2021)
    assert caught.value.problems[0][0] == "last_year"


def test_function_given_as_text_is_read_as_a_function(rulebook: owr.Rulebook) -> None:
    situation = Situation(2020, "directeur", D("1"))
    assert situation.function is DIRECTEUR
    ledger = Ledger(situations=[situation], agreements=[SavingsAgreement(2020, 2020)])
    assert ledger.tranches(rulebook, through=2020)[0].amount == D("3100.00")


def test_spending_day_and_kind_are_checked() -> None:
    with pytest.raises(owr.InvalidInputError):
        Spending("2022-01-01", D("1.00"), COURSE)  # type: ignore[arg-type]
    with pytest.raises(owr.InvalidInputError):
        Spending(date(2022, 1, 1), D("1.00"), "studieverlof")  # type: ignore[arg-type]


# --- immutability, ordering, round trip ----------------------------------------------------------


def test_ledger_is_immutable_and_sorted() -> None:
    ledger = Ledger(
        situations=[Situation(2021, LERAAR, D("1")), Situation(2020, LERAAR, D("1"))],
        spendings=[
            Spending(date(2021, 5, 1), D("1.00"), COURSE),
            Spending(date(2020, 5, 1), D("2.00"), COURSE),
        ],
    )
    assert [s.year for s in ledger.situations] == [2020, 2021]
    assert [s.day for s in ledger.spendings] == [date(2020, 5, 1), date(2021, 5, 1)]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ledger.name = "x"  # type: ignore[misc]


def test_round_trip_through_a_dict(rulebook: owr.Rulebook) -> None:
    ledger = Ledger(
        name="Marieke",
        situations=[
            Situation(2020, LERAAR, D("0.8"), scale="L11", school="A"),
            Situation(2021, ADJUNCT, D("1"), scale="A11", school="A"),
        ],
        agreements=[SavingsAgreement(2020, 2021, "master")],
        spendings=[Spending(date(2021, 9, 15), D("1200.50"), COURSE, "no")],
    )
    data = ledger.to_dict()
    assert data["spendings"] == [
        {
            "day": "2021-09-15",
            "amount": "1200.50",
            "kind": "studiekostenvergoeding",
            "description": "no",
        }
    ]
    assert data["situations"][0]["werktijdfactor"] == "0.8"
    again = Ledger.from_dict(data)
    assert again == ledger
    assert again.to_dict() == data
    assert again.statement(rulebook, through=2021) == ledger.statement(rulebook, through=2021)


def test_from_dict_reports_bad_fields() -> None:
    data = {
        "situations": [{"year": 2020, "function": "leraar", "werktijdfactor": "1"}],
        "spendings": [{"day": "2020-02-30", "amount": "10.00", "kind": "studieverlof"}],
    }
    with pytest.raises(owr.InvalidInputError) as caught:
        Ledger.from_dict(data)
    assert any("spendings" in field for field, _ in caught.value.problems)


def test_from_dict_rejects_an_unknown_kind() -> None:
    data = {
        "situations": [{"year": 2020, "function": "leraar", "werktijdfactor": "1"}],
        "spendings": [{"day": "2020-02-01", "amount": "10.00", "kind": "holiday"}],
    }
    with pytest.raises(owr.InvalidInputError):
        Ledger.from_dict(data)


def test_every_interpretation_has_a_summary_and_reasoning() -> None:
    assert len(set(INTERPRETATIONS)) == len(INTERPRETATIONS) == 7
    for item in INTERPRETATIONS:
        assert item.summary
        assert item.reasoning


def test_docs_page_lists_every_ledger_interpretation() -> None:
    text = " ".join((ROOT / "docs" / "budgets.md").read_text(encoding="utf-8").split())
    for item in INTERPRETATIONS:
        assert item.summary in text, item.summary
    assert FIVE_YEARS in text


def test_docs_page_python_example_prints_what_it_says(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The worked example on docs/budgets.md runs against the built-in editions and prints the
    # values written in its comments.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = sorted(project["project"]["entry-points"]["onderwijsregels"])
    monkeypatch.setenv(PLUGINS_ENV, ",".join(names))
    page = (ROOT / "docs" / "budgets.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.DOTALL)
    assert blocks
    for block in blocks:
        exec(compile(block, "docs/budgets.md", "exec"), {"__name__": "docs_budgets"})
        printed = capsys.readouterr().out.splitlines()
        expected = [line.removeprefix("# ") for line in block.splitlines() if line.startswith("# ")]
        assert printed == expected
