"""``onderwijsregels statement FILE --through YEAR [--format text|json|csv]``.

The example file examples/directeur-budget.yaml, worked out by hand (facts.md; rules as in
tests/test_ledger.py):

Marieke: 2020 teacher at 0.8: (500 + 100) × 0.8 = 480, saved, spend by 2020 + 3 = 2023;
2021 adjunct-director 3100, saved, spend by 2021 + 4 - 1 = 2024; 2022 director 3000,
saved, to 2025; 2023 and 2024 director 3000 each, not saved, spend in the year itself.
Spendings, oldest tranche first:
  2021-09-15 1200 = 480 (2020) + 720 (2021)        → 2021 has 3100 - 720 = 2380 left
  2023-02-01 4000 = 2380 (2021) + 1620 (2022)      → 2022 has 3000 - 1620 = 1380 left
  2023-11-20 2500 = 1380 (2022) + 1120 (2023)      → 2023 has 3000 - 1120 = 1880 left
2023-12-31: 1880 of 2023 lapses (school: CBS Het Kompas); 2024-12-31: 3000 of 2024 lapses.
Year lines: 2020 0 + 480 = 480; 2021 480 + 3100 - 1200 = 2380; 2022 2380 + 3000 = 5380;
2023 5380 + 3000 - 6500 - 1880 = 0; 2024 0 + 3000 - 3000 = 0.

Bram: teacher at 0.6 from 2022: 500 × 0.6 = 300 a year; 2022 and 2023 saved (to 2025 and
2026), 2024 not. 2024-03-01 250 from 2022 (50 left, lapses after 2025-12-31: a warning as of
2024-12-31); the 2024 tranche (300) lapses at the end of 2024 (OBS De Regenboog).
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import pytest

from onderwijsregels.cli import main
from onderwijsregels.rulebook import PLUGINS_ENV

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "directeur-budget.yaml"


@pytest.fixture(autouse=True)
def built_in_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every built-in edition and nothing else (an example plugin may be installed)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    monkeypatch.setenv(
        PLUGINS_ENV, ",".join(sorted(project["project"]["entry-points"]["onderwijsregels"]))
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["statement", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_example_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(EXAMPLE), "--through", "2024", "--lang", "en")
    assert (code, err) == (0, "")
    assert "Budget statement for Marieke Smits (fictief), as of 2024-12-31" in out
    assert "Budget statement for Bram Jansen (fictief), as of 2024-12-31" in out
    assert "€ 50,00 of the 2022 budget lapses after 2025-12-31" in out
    board = out.split("Board: lapsed per school and year")[1]
    assert "CBS Het Kompas    2023  € 1.880,00" in board
    assert "CBS Het Kompas    2024  € 3.000,00" in board
    assert "OBS De Regenboog  2024  € 300,00" in board
    # Booking the lapse per school is our reading, and the board view says so.
    assert "Interpretation: lapsed money goes to the general training budget of the school" in board
    # Each statement lists where its lapses go as readings, the staff budget's destination too.
    bram = out.split("Budget statement for Bram Jansen (fictief)")[1].split("Board:")[0]
    assert "a lapsed teachers' or OOP budget goes to the general training budget" in bram


def test_example_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EXAMPLE), "--through", "2024", "--format", "json")
    assert code == 0
    data = json.loads(out)
    marieke, bram = data["statements"]
    rows = [
        (y["year"], y["opening"], y["accrued"], y["spent"], y["lapsed"], y["closing"])
        for y in marieke["years"]
    ]
    assert rows == [
        (2020, "0.00", "480.00", "0.00", "0.00", "480.00"),
        (2021, "480.00", "3100.00", "1200.00", "0.00", "2380.00"),
        (2022, "2380.00", "3000.00", "0.00", "0.00", "5380.00"),
        (2023, "5380.00", "3000.00", "6500.00", "1880.00", "0.00"),
        (2024, "0.00", "3000.00", "0.00", "3000.00", "0.00"),
    ]
    assert [(s["on"], s["tranche"], s["amount"]) for s in marieke["spendings"]] == [
        ("2021-09-15", 2020, "480.00"),
        ("2021-09-15", 2021, "720.00"),
        ("2023-02-01", 2021, "2380.00"),
        ("2023-02-01", 2022, "1620.00"),
        ("2023-11-20", 2022, "1380.00"),
        ("2023-11-20", 2023, "1120.00"),
    ]
    assert [(t["year"], t["spend_by"], t["saved"]) for t in marieke["tranches"]] == [
        (2020, "2023-12-31", True),
        (2021, "2024-12-31", True),
        (2022, "2025-12-31", True),
        (2023, "2023-12-31", False),
        (2024, "2024-12-31", False),
    ]
    assert [t["remaining"] for t in bram["tranches"]] == ["50.00", "300.00", "0.00"]
    assert data["board_lapses"] == [
        {"school": "CBS Het Kompas", "year": 2023, "amount": "1880.00"},
        {"school": "CBS Het Kompas", "year": 2024, "amount": "3000.00"},
        {"school": "OBS De Regenboog", "year": 2024, "amount": "300.00"},
    ]


def test_example_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EXAMPLE), "--through", "2024", "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == [
        "ledger",
        "kind",
        "year",
        "opening",
        "accrued",
        "spent",
        "lapsed",
        "closing",
        "spend_by",
        "rests_on",
    ]
    marieke = [row for row in rows[1:] if row[0] == "Marieke Smits (fictief)"]
    bram = [row for row in rows[1:] if row[0] == "Bram Jansen (fictief)"]
    assert len(marieke) == 5 + 5
    assert len(bram) == 3 + 3
    assert marieke[3][1:8] == ["year", "2023", "5380.00", "3000.00", "6500.00", "1880.00", "0.00"]
    assert bram[3][1:9] == [
        "tranche",
        "2022",
        "",
        "300.00",
        "250.00",
        "0.00",
        "50.00",
        "2025-12-31",
    ]


def test_statement_is_the_same_on_every_run(capsys: pytest.CaptureFixture[str]) -> None:
    for form in ("text", "json", "csv"):
        first = run(capsys, str(EXAMPLE), "--through", "2024", "--format", form)
        second = run(capsys, str(EXAMPLE), "--through", "2024", "--format", form)
        assert first == second


YAML_LEDGER = """\
name: Juf Ans
situations:
  - {year: 2021, function: leraar, werktijdfactor: 0.6, school: "De Linde"}
agreements:
  - {first_year: 2021, last_year: 2021}
spendings:
  - day: 2022-03-01
    amount: 100.50
    kind: overige-professionalisering
    description: no
"""


def test_yaml_keeps_day_dates_and_no_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 2021 teacher at 0.6: (500 + 100) × 0.6 = 360, saved to 2024; 100.50 spent on 2022-03-01
    # (read as an exact decimal, not a float), the description "no" stays text.
    path = tmp_path / "ans.yaml"
    path.write_text(YAML_LEDGER, encoding="utf-8")
    code, out, err = run(capsys, str(path), "--through", "2022", "--format", "json")
    assert (code, err) == (0, "")
    (statement,) = json.loads(out)["statements"]
    assert statement["name"] == "Juf Ans"
    assert statement["spendings"] == [
        {"on": "2022-03-01", "tranche": 2021, "amount": "100.50", "description": "no"}
    ]
    # 360 - 100.50 = 259.50.
    assert statement["tranches"][0]["remaining"] == "259.50"
    assert statement["tranches"][0]["school"] == "De Linde"


def test_json_file_and_a_single_ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ledger.json"
    path.write_text(
        json.dumps(
            {
                "situations": [{"year": 2022, "function": "oop", "werktijdfactor": 0.5}],
                "spendings": [{"day": "2022-06-01", "amount": 250.00, "kind": "studieverlof"}],
            }
        ),
        encoding="utf-8",
    )
    # 500 × 0.5 = 250, all spent on 2022-06-01: nothing lapses, no board line.
    code, out, err = run(capsys, str(path), "--through", "2022", "--lang", "en")
    assert (code, err) == (0, "")
    assert "Budget statement, as of 2022-12-31" in out
    assert "€ 250,00" in out


def test_bad_amount_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(YAML_LEDGER.replace("100.50", "100.505"), encoding="utf-8")
    code, out, err = run(capsys, str(path), "--through", "2022")
    assert code == 2
    assert out == ""
    assert f"{path}: ledger.spendings[0].amount" in err
    assert "more than two decimals" in err


def test_duplicate_year_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text(
        "situations:\n"
        "  - {year: 2021, function: leraar, werktijdfactor: 1}\n"
        "  - {year: 2021, function: oop, werktijdfactor: 1}\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, str(path), "--through", "2021")
    assert code == 2
    assert "each calendar year may appear only once" in err


def test_missing_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(tmp_path / "nope.yaml"), "--through", "2021")
    assert code == 2
    assert "cannot be read" in err


def overspent(tmp_path: Path) -> Path:
    path = tmp_path / "over.yaml"
    path.write_text(YAML_LEDGER.replace("100.50", "360.01"), encoding="utf-8")
    return path


def test_overspending_in_a_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(overspent(tmp_path)), "--through", "2022")
    assert code != 0
    assert out == ""
    assert "€ 360,01 on 2022-03-01" in err
    assert "€ 360,00 available" in err


def test_overspending_in_a_file_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = overspent(tmp_path)
    code, _, err = run(capsys, str(path), "--through", "2022")
    assert code == 2
    assert str(path) in err
    assert "Juf Ans" in err


def test_format_must_be_known(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["statement", str(EXAMPLE), "--through", "2024", "--format", "xml"])
    assert caught.value.code == 2
    capsys.readouterr()


def test_through_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["statement", str(EXAMPLE)])
    assert caught.value.code == 2
    capsys.readouterr()


def test_docs_page_shows_the_real_output(capsys: pytest.CaptureFixture[str]) -> None:
    # docs/budgets.md quotes the start of this command's output; it must match the code.
    page = (ROOT / "docs" / "budgets.md").read_text(encoding="utf-8")
    command = (
        "$ onderwijsregels statement examples/directeur-budget.yaml --through 2024 --lang en\n"
    )
    quoted = page.split(command)[1].split("\n...\n")[0]
    code, out, _ = run(capsys, str(EXAMPLE), "--through", "2024", "--lang", "en")
    assert code == 0
    assert out.startswith(quoted + "\n")
