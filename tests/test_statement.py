"""The statement for the yearly review: year lines, tranche lines, warnings, text, JSON, CSV.

Figures are worked out by hand from the sources (see tests/test_ledger.py for the rules):
a director saves 2020-2022 (3100, 3100, 3000; spend by 2023, 2024, 2025) and spends
€ 5000 on 1 March 2023, oldest first: 3100 of 2020 and 1900 of 2021.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import onderwijsregels as owr
from onderwijsregels.ledger import (
    INTERPRETATIONS,
    OLDEST_FIRST,
    Ledger,
    SavingsAgreement,
    Situation,
    Spending,
    SpendingKind,
)
from onderwijsregels.statement import CSV_HEADER, Statement

ROOT = Path(__file__).resolve().parent.parent
D = Decimal
DIRECTEUR = owr.Function.DIRECTEUR


@pytest.fixture(scope="module")
def rulebook() -> owr.Rulebook:
    """Every built-in edition (the statements span 2020-2024)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return owr.load(only=sorted(project["project"]["entry-points"]["onderwijsregels"]))


@pytest.fixture(scope="module")
def ledger(rulebook: owr.Rulebook) -> Ledger:
    saved = Ledger(
        name="Directeur X",
        situations=[Situation(y, DIRECTEUR, D("1"), school="A") for y in range(2020, 2023)],
        agreements=[SavingsAgreement(2020, 2022)],
    )
    spending = Spending(
        date(2023, 3, 1), D("5000.00"), SpendingKind.STUDIEKOSTENVERGOEDING, "Master"
    )
    return saved.spend(spending, rulebook)


def test_year_and_tranche_lines_through_2022(ledger: Ledger, rulebook: owr.Rulebook) -> None:
    statement = ledger.statement(rulebook, through=2022)
    assert statement.as_of == date(2022, 12, 31)
    assert statement.name == "Directeur X"
    # The 2023 spending is after the statement date: nothing spent yet.
    assert statement.allocations == ()
    # Closing: 3100, 3100 + 3100 = 6200, 6200 + 3000 = 9200.
    assert [line.closing for line in statement.years] == [D("3100.00"), D("6200.00"), D("9200.00")]
    assert [line.opening for line in statement.years] == [D("0.00"), D("3100.00"), D("6200.00")]
    # Each accrual rests on the directie budget article.
    assert all(line.basis == ("CAO PO 2019-2020, art. 9.6 lid 3",) for line in statement.years)
    assert [line.remaining for line in statement.tranches] == [
        D("3100.00"),
        D("3100.00"),
        D("3000.00"),
    ]


def test_warning_for_money_lapsing_within_twelve_months(
    ledger: Ledger, rulebook: owr.Rulebook
) -> None:
    # As of 31 Dec 2022: the 2020 tranche (3100 left) lapses after 31 Dec 2023 → warned;
    # 2021 (to 2024) and 2022 (to 2025) are more than twelve months away.
    statement = ledger.statement(rulebook, through=2022)
    assert statement.warnings == (
        "€ 3.100,00 of the 2020 budget lapses after 2023-12-31 to the general training "
        "budget of the school (our reading) unless spent (CAO PO 2019-2020)",
    )
    assert "Warnings:\n  ! € 3.100,00 of the 2020 budget lapses after 2023-12-31" in (
        statement.to_text()
    )


def test_no_warning_for_money_already_spent(ledger: Ledger, rulebook: owr.Rulebook) -> None:
    # As of 31 Dec 2021 nothing lapses within twelve months (2020 runs to 2023).
    assert ledger.statement(rulebook, through=2021).warnings == ()


def test_warning_in_the_year_before_a_leap_year(ledger: Ledger, rulebook: owr.Rulebook) -> None:
    # As of 31 Dec 2023: 2021 has 3100 - 1900 = 1200 left, spend by 31 Dec 2024 → warned.
    statement = ledger.statement(rulebook, through=2023)
    assert statement.warnings == (
        "€ 1.200,00 of the 2021 budget lapses after 2024-12-31 to the general training "
        "budget of the school (our reading) unless spent (CAO PO 2019-2020)",
    )


def test_statement_through_2023(ledger: Ledger, rulebook: owr.Rulebook) -> None:
    statement = ledger.statement(rulebook, through=2023)
    (last,) = [line for line in statement.years if line.year == 2023]
    # 9200 + 0 - 5000 - 0 = 4200.
    assert (last.opening, last.accrued, last.spent, last.lapsed, last.closing) == (
        D("9200.00"),
        D("0.00"),
        D("5000.00"),
        D("0.00"),
        D("4200.00"),
    )
    lines = {
        line.tranche.year: (line.spent, line.lapsed, line.remaining) for line in statement.tranches
    }
    assert lines == {
        2020: (D("3100.00"), D("0.00"), D("0.00")),
        2021: (D("1900.00"), D("0.00"), D("1200.00")),
        2022: (D("0.00"), D("0.00"), D("3000.00")),
    }
    assert statement.balance_on(date(2023, 2, 28)) == D("9200.00")
    assert statement.balance_on(date(2023, 3, 1)) == D("4200.00")
    assert OLDEST_FIRST in statement.interpretations


def test_text_statement(ledger: Ledger, rulebook: owr.Rulebook) -> None:
    text = ledger.statement(rulebook, through=2023).to_text()
    assert text.startswith("Budget statement for Directeur X, as of 2023-12-31\n")
    assert "year  opening" in text
    assert "rests on" in text
    assert "Tranches:" in text
    assert "spend by" in text
    assert "2021  € 3.100,00  € 1.900,00" in text
    assert "€ 5.000,00" in text
    assert "€ 4.200,00" in text
    assert "Interpretations (our reading where the sources are silent):" in text
    assert "spending takes the oldest tranche first" in text


def test_text_without_name() -> None:
    statement = Statement(
        name=None,
        as_of=date(2020, 12, 31),
        years=(),
        tranches=(),
        allocations=(),
        lapses=(),
        warnings=(),
        interpretations=(),
    )
    assert statement.to_text().startswith("Budget statement, as of 2020-12-31")
    assert "Warnings:" not in statement.to_text()


def test_json_statement(ledger: Ledger, rulebook: owr.Rulebook) -> None:
    data = ledger.statement(rulebook, through=2023).to_dict()
    again = json.loads(json.dumps(data))
    assert again == data
    assert data["as_of"] == "2023-12-31"
    assert data["years"][-1] == {
        "year": 2023,
        "opening": "9200.00",
        "accrued": "0.00",
        "spent": "5000.00",
        "lapsed": "0.00",
        "closing": "4200.00",
        # nothing accrued in 2023 (no situation); the spending came from the 2020 and 2021
        # director tranches, so the year cites their accrual rule (art. 9.6 lid 3)
        "basis": ["CAO PO 2019-2020, art. 9.6 lid 3"],
    }
    assert data["spendings"] == [
        {"on": "2023-03-01", "tranche": 2020, "amount": "3100.00", "description": "Master"},
        {"on": "2023-03-01", "tranche": 2021, "amount": "1900.00", "description": "Master"},
    ]
    tranche_2021 = data["tranches"][1]
    assert tranche_2021["spend_by"] == "2024-12-31"
    assert tranche_2021["remaining"] == "1200.00"
    assert tranche_2021["edition"] == "cao-po-2021"
    assert tranche_2021["school"] == "A"
    assert tranche_2021["accrual_basis"] == "CAO PO 2019-2020, art. 9.6 lid 3"
    assert tranche_2021["saving_basis"] == "CAO PO 2019-2020"
    summaries = [item["summary"] for item in data["interpretations"]]
    assert OLDEST_FIRST.summary in summaries
    assert all(item["reasoning"] for item in data["interpretations"])


def test_csv_statement(ledger: Ledger, rulebook: owr.Rulebook) -> None:
    text = ledger.statement(rulebook, through=2023).to_csv()
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_HEADER
    years = [row for row in rows[1:] if row[0] == "year"]
    tranches = [row for row in rows[1:] if row[0] == "tranche"]
    assert len(years) == 4
    assert len(tranches) == 3
    assert years[-1][:7] == ["year", "2023", "9200.00", "0.00", "5000.00", "0.00", "4200.00"]
    assert tranches[1] == [
        "tranche",
        "2021",
        "",
        "3100.00",
        "1900.00",
        "0.00",
        "1200.00",
        "2024-12-31",
        "CAO PO 2019-2020, art. 9.6 lid 3; CAO PO 2019-2020",
    ]
    assert all(len(row) == len(CSV_HEADER) for row in rows)


def test_lapse_basis_in_the_year_line(rulebook: owr.Rulebook) -> None:
    # A teacher's 2021 budget (600) without agreement lapses at the end of 2021; the 2021
    # line rests on the accrual (art. 9.3 lid 2) and on the saving rule that ends it
    # (art. 9.3 lid 4).
    ledger = Ledger(situations=[Situation(2021, owr.Function.LERAAR, D("1"))])
    (line,) = ledger.statement(rulebook, through=2021).years
    assert (line.accrued, line.lapsed, line.closing) == (D("600.00"), D("600.00"), D("0.00"))
    assert line.basis == ("CAO PO 2019-2020, art. 9.3 lid 2", "CAO PO 2019-2020, art. 9.3 lid 4")


def test_years_without_a_situation_are_listed(rulebook: owr.Rulebook) -> None:
    # Situations in 2020 and 2022 only (a year of leave in between): 2021 shows no accrual.
    ledger = Ledger(
        situations=[Situation(y, owr.Function.LERAAR, D("1")) for y in (2020, 2022)],
        agreements=[SavingsAgreement(2020, 2022)],
    )
    statement = ledger.statement(rulebook, through=2022)
    # 2020: 600; 2021: nothing; 2022: 500 → closing 600, 600, 1100.
    assert [(y.year, y.accrued, y.closing) for y in statement.years] == [
        (2020, D("600.00"), D("600.00")),
        (2021, D("0.00"), D("600.00")),
        (2022, D("500.00"), D("1100.00")),
    ]


def test_statement_is_deterministic(ledger: Ledger, rulebook: owr.Rulebook) -> None:
    first = ledger.statement(rulebook, through=2024)
    second = ledger.statement(rulebook, through=2024)
    assert first == second
    assert first.to_text() == second.to_text()
    assert first.to_csv() == second.to_csv()
    assert json.dumps(first.to_dict()) == json.dumps(second.to_dict())


def test_statement_interpretations_come_from_the_ledger_or_the_editions(
    ledger: Ledger, rulebook: owr.Rulebook
) -> None:
    statement = ledger.statement(rulebook, through=2024)
    ledger_readings = [item for item in statement.interpretations if item in INTERPRETATIONS]
    assert ledger_readings
    assert len(set(statement.interpretations)) == len(statement.interpretations)
