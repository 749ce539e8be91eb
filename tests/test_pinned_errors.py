"""Raised errors with their field and message: the ten most important bare ``pytest.raises``.

Issue 9, section 4: these cases were tested with ``pytest.raises(SomeError)`` alone, so a mutant
that raised for the wrong field, with a garbled message or for another reason survived. The
original tests stay where they are; each test here names the one it strengthens and asserts the
field (``InvalidInputError.problems``) or the error's attributes, and the message.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

import pytest

import onderwijsregels as owr
from onderwijsregels import CalendarYear, Rulebook, SchoolYear
from onderwijsregels.ledger import Ledger, SavingsAgreement, Situation, Spending, SpendingKind
from onderwijsregels.money import format_eur
from onderwijsregels.registration import Register, Registration

D = Decimal
COURSE = SpendingKind.STUDIEKOSTENVERGOEDING
LERAAR = owr.Function.LERAAR
KINDS = "'studieverlof', 'studiekostenvergoeding', 'overige-professionalisering'"


def problem(caught: pytest.ExceptionInfo[owr.InvalidInputError]) -> tuple[str, str]:
    """The one (field, reason) of an InvalidInputError."""
    (found,) = caught.value.problems
    return found


# 1. tests/test_ledger.py::test_spend_rechecks_the_later_spendings
def test_an_earlier_spending_that_starves_a_later_one_is_refused(rulebook_all: Rulebook) -> None:
    # A director saves 2020-2022: 3100 (to 2023), 3100 (to 2024), 3000 (to 2025). On 2024-03-01
    # € 3000 is spent: 2020 has lapsed, so all of it from 2021 (100 left). Then € 9000 on
    # 2023-03-01 cannot be booked without starving the 2024 spending. The refusal names either
    # the new spending, with what is left for it beside the booked one: 3100 + 100 + 3000 = 6200;
    # or the later spending it would starve, which would find 9200 - 9000 = 200 (of 2022).
    ledger = Ledger(
        situations=[Situation(y, owr.Function.DIRECTEUR, D("1")) for y in (2020, 2021, 2022)],
        agreements=[SavingsAgreement(2020, 2022)],
    )
    late = Spending(date(2024, 3, 1), D("3000.00"), COURSE, "late")
    early = Spending(date(2023, 3, 1), D("9000.00"), COURSE, "early")
    ledger = ledger.spend(late, rulebook_all)
    with pytest.raises(owr.OverspendingError) as caught:
        ledger.spend(early, rulebook_all)
    error = caught.value
    assert (error.spending, error.available) in {(early, D("6200.00")), (late, D("200.00"))}
    named = error.spending
    assert isinstance(named, Spending)
    assert str(error).startswith(
        f"spending of {format_eur(named.amount)} on {named.day.isoformat()} "
        f"({named.description}) exceeds the {format_eur(error.available)} available that day; "
    )
    assert ledger.spendings == (late,)  # refused: the ledger is unchanged


# 2. tests/test_ledger.py::test_unsaved_year_is_spendable_until_31_december_of_that_year
def test_the_day_after_the_spend_by_day_nothing_is_available(rulebook_all: Rulebook) -> None:
    # 2022 teacher, no agreement: 500, spend by 2022-12-31; on 2023-01-01 it has lapsed.
    ledger = Ledger(situations=[Situation(2022, LERAAR, D("1"))])
    with pytest.raises(owr.OverspendingError) as caught:
        ledger.spend(Spending(date(2023, 1, 1), D("500.00"), COURSE), rulebook_all)
    assert caught.value.available == D("0.00")
    assert str(caught.value).startswith(
        "spending of € 500,00 on 2023-01-01 (studiekostenvergoeding) exceeds the € 0,00 "
        "available that day; tranches: 2022: € 0,00 left of € 500,00"
    )
    assert str(caught.value).endswith("spend by 2022-12-31")


# 3. tests/test_ledger.py::test_a_ledger_needs_a_year
def test_a_ledger_without_situations_names_the_field() -> None:
    with pytest.raises(owr.InvalidInputError) as caught:
        Ledger(situations=[])
    assert problem(caught) == ("situations", "give at least one year")


# 4. tests/test_ledger.py::test_bad_situation_years_are_refused
@pytest.mark.parametrize(
    ("year", "reason"),
    [
        (True, "must be a whole year such as 2020, got True"),
        ("2020", "must be a whole year such as 2020, got '2020'"),
        (20, "must lie between 1900 and 2999, got 20"),
        (2020.0, "must be a whole year such as 2020, got 2020.0"),
    ],
)
def test_a_bad_situation_year_names_the_field(year: object, reason: str) -> None:
    with pytest.raises(owr.InvalidInputError) as caught:
        Situation(year, LERAAR, D("1"))
    assert problem(caught) == ("year", reason)


# 5. tests/test_ledger.py::test_bad_werktijdfactor_is_refused
def test_a_werktijdfactor_above_1_names_the_field() -> None:
    with pytest.raises(owr.InvalidInputError) as caught:
        Situation(2020, LERAAR, D("1.2"))
    assert problem(caught) == (
        "werktijdfactor",
        "must be greater than 0 and at most 1 (one appointment; 1 is the normbetrekking of "
        "1659 hours), got 1.2",
    )


# 6. tests/test_ledger.py::test_spending_day_and_kind_are_checked
def test_a_spending_day_as_text_names_the_field() -> None:
    with pytest.raises(owr.InvalidInputError) as caught:
        Spending("2022-01-01", D("1.00"), COURSE)  # type: ignore[arg-type]
    field, reason = problem(caught)
    assert field == "day"
    assert re.fullmatch(r"must be a (datetime\.)?date, got '2022-01-01'", reason), reason


def test_a_spending_kind_as_text_names_the_field_and_the_kinds() -> None:
    with pytest.raises(owr.InvalidInputError) as caught:
        Spending(date(2022, 1, 1), D("1.00"), "studieverlof")  # type: ignore[arg-type]
    assert problem(caught) == ("kind", f"'studieverlof' is not one of {KINDS}")


# 7. tests/test_ledger.py::test_from_dict_rejects_an_unknown_kind
def test_an_unknown_kind_in_a_file_names_its_place() -> None:
    data = {
        "situations": [{"year": 2020, "function": "leraar", "werktijdfactor": "1"}],
        "spendings": [{"day": "2020-02-01", "amount": "10.00", "kind": "holiday"}],
    }
    with pytest.raises(owr.InvalidInputError) as caught:
        Ledger.from_dict(data)
    assert problem(caught) == ("spendings[0].kind", f"'holiday' is not one of {KINDS}")


# 8. tests/test_editions.py::test_looptijd_start_before_content_start_is_not_covered
def test_the_looptijd_start_is_not_covered_and_the_error_says_from_when(
    rulebook: Rulebook,
) -> None:
    with pytest.raises(owr.NoEditionError) as caught:
        rulebook.edition("cao-po", on=date(2019, 3, 1))
    error = caught.value
    assert (error.family, error.day, error.covered_from) == (
        "cao-po",
        date(2019, 3, 1),
        date(2020, 1, 1),
    )
    assert str(error) == (
        "no edition of rule family 'cao-po' governs 2019-03-01: the installed editions cover "
        "2020-01-01 onwards"
    )


# 9. tests/test_editions.py::test_rejects_datetime_as_day
def test_a_datetime_as_day_names_the_field(rulebook: Rulebook) -> None:
    with pytest.raises(owr.InvalidInputError) as caught:
        rulebook.edition("cao-po", on=datetime(2021, 1, 1, 9, 0))
    assert problem(caught) == (
        "on",
        "must be a datetime.date, got datetime.datetime(2021, 1, 1, 9, 0)",
    )


# 10. tests/test_periods.py::test_bad_calendar_year and ::test_school_year_not_text
@pytest.mark.parametrize(
    ("year", "reason"),
    [
        (True, "must be a whole year such as 2020, got True"),
        (1899, "must lie between 1900 and 2999, got 1899"),
        (3000, "must lie between 1900 and 2999, got 3000"),
        ("2020", "must be a whole year such as 2020, got '2020'"),
    ],
)
def test_a_bad_calendar_year_names_the_field(year: object, reason: str) -> None:
    with pytest.raises(owr.InvalidInputError) as caught:
        CalendarYear(year)  # type: ignore[arg-type]
    assert problem(caught) == ("year", reason)
    # The edges themselves are years.
    assert CalendarYear(1900).year == 1900
    assert CalendarYear(2999).year == 2999


def test_a_school_year_not_written_as_text_names_the_field() -> None:
    with pytest.raises(owr.InvalidInputError) as caught:
        SchoolYear.parse(2021)
    assert problem(caught) == ("school_year", "must be a string such as '2021-2022', got 2021")
    with pytest.raises(owr.InvalidInputError) as caught:
        SchoolYear.parse(2021, field="--school-year")
    assert problem(caught)[0] == "--school-year"


# 11. tests/test_schoolleidersregister.py::test_fees_not_in_the_sources_are_not_encoded
@pytest.mark.parametrize(
    ("on", "span"),
    [
        (date(2018, 6, 1), "for 2013-02-01 to 2018-12-31"),
        (date(2020, 6, 1), "for 2020-01-01 to 2021-12-31"),
        (date(2023, 6, 1), "for 2023-01-01 to 2023-12-31"),
        (date(2025, 6, 1), "from 2025-01-01 on"),  # an open end: not "for 2025-01-01 to open"
    ],
)
def test_a_fee_not_in_the_sources_names_the_parameter_and_its_gap(
    rulebook_all: Rulebook, on: date, span: str
) -> None:
    registration = Registration(
        register=Register.SCHOOLLEIDERSREGISTER_PO, decision_date=date(2018, 1, 1)
    )
    employee = owr.Employee(
        function=owr.Function.DIRECTEUR, werktijdfactor=D("1"), registration=registration
    )
    evaluation = rulebook_all.evaluate(employee, on=on, families=["schoolleidersregister"])
    with pytest.raises(owr.NotEncodedError) as caught:
        evaluation["schoolleidersregister_jaarlijkse_bijdrage"]
    error = caught.value
    assert error.parameter == "jaarlijkse_bijdrage"
    assert error.fact == f"Yearly contribution to the Schoolleidersregister PO {span}"
    assert error.why == "the contribution for this calendar year is not in our sources"
    assert str(error) == (
        f"{error.fact} is not encoded yet (parameter 'jaarlijkse_bijdrage'): {error.why}"
    )
