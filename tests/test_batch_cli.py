"""``onderwijsregels evaluate FILE.csv``: an HR export streamed through the batch (issue 11)."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import onderwijsregels as owr
from onderwijsregels.cli import main

ROOT = Path(__file__).resolve().parents[1]

EXPORT = """\
id,name,function,werktijdfactor,scale,trede,birth_date
101,Anna de Vries,leraar,0.6,L11,2,1961-04-02
102,Bram Jansen,directeur,1,D12,,1970-01-01
103,=HYPERLINK(1),oop,0.5,,,
"""


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(EXPORT, encoding="utf-8")
    return path


def test_csv_out_with_one_column_group_per_rule(
    export: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["evaluate", str(export), "--year", "2020", "--rules", "individueel_budget"], capsys
    )
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["individueel_budget"] for row in rows] == [
        "360.00",  # (500 + 100) × 0.6, CAO PO 2019-2020 art. 9.3 lid 2
        "3100.00",  # 3000 + 100, not pro rata, art. 9.6 lid 3
        "300.00",  # (500 + 100) × 0.5
    ]
    assert [row["id"] for row in rows] == ["101", "102", "103"]
    assert rows[0]["individueel_budget.citation"] == "CAO PO 2019-2020, art. 9.3 lid 2"
    assert rows[0]["individueel_budget.edition"] == "cao-po-2019-2020"
    assert rows[2]["name"] == "'=HYPERLINK(1)"  # no formula reaches a spreadsheet
    assert err == ""  # no progress bar when stderr is not a terminal


def test_jsonl_and_json(export: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["evaluate", str(export), "--year", "2026", "--rules", "individueel_budget"]
    code, out, _ = run([*argv, "--format", "jsonl"], capsys)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0]["individueel_budget"] == "315.00"  # 525 × 0.6 (carried over into 2025-2027)
    assert lines[0]["individueel_budget.confidence"] == "interpretation"
    # the reading the value rests on and the agreement's unconfirmed legal force, in the row
    assert lines[0]["individueel_budget.interpretation"] == (
        "the PDI budget of CAO PO 2024-2025 (€ 525 and 123 hours) carries over into 2025-2027"
    )
    assert lines[0]["individueel_budget.notes"].startswith("Provisional: ")
    assert lines[1]["individueel_budget"] is None  # the directie amount from 2025 is not given
    assert lines[1]["individueel_budget.status"] == "not_encoded"
    assert lines[1]["individueel_budget.notes"] is None
    # why 'elke werknemer' does not settle the directie's amount, and the parameter an edition
    # plugin with the CAO text could supply it under
    assert (
        "before the merger the directie had a budget of its own (art. 9.6 lid 3"
        in (lines[1]["individueel_budget.reason"])
    )
    assert lines[1]["individueel_budget.reason"].endswith(
        "under this parameter id (parameter 'individueel_budget_directie')"
    )
    code, out, _ = run([*argv, "--format", "json"], capsys)
    assert code == 0
    document = json.loads(out)
    assert document["rows"] == lines
    assert document["receipt"]["edition_ids"] == ["cao-po-2025-2027"]
    assert document["receipt"]["reference_day"] == "2026-01-01"


def test_the_receipt_of_an_export_is_reproducible(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, other = (tmp_path / name for name in ("a.json", "b.json", "c.json"))
    argv = ["evaluate", str(export), "--rules", "individueel_budget", "--no-progress"]
    assert run([*argv, "--year", "2026", "--receipt", str(first)], capsys)[0] == 0
    assert run([*argv, "--year", "2026", "--receipt", str(second)], capsys)[0] == 0
    assert first.read_bytes() == second.read_bytes()  # no timestamps: the same run, the same bytes
    assert run([*argv, "--year", "2025", "--receipt", str(other)], capsys)[0] == 0
    receipt, later = json.loads(first.read_text()), json.loads(other.read_text())
    assert receipt["input_sha256"] != later["input_sha256"]  # another year asked
    assert receipt["editions"][0]["distribution"] == "onderwijsregels"
    export.write_text(EXPORT.replace("0.6", "0.7"), encoding="utf-8")
    assert run([*argv, "--year", "2026", "--receipt", str(other)], capsys)[0] == 0
    assert json.loads(other.read_text())["input_sha256"] != receipt["input_sha256"]


def test_a_bad_row_stops_the_run_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("function,werktijdfactor\nleraar,0.6\nleraar,1.5\nbaas,1\n", encoding="utf-8")
    out_file = tmp_path / "out.csv"
    code, out, err = run(
        ["evaluate", str(path), "--year", "2026", "--output", str(out_file)], capsys
    )
    assert code == 2
    assert out == ""
    assert not out_file.exists()
    assert not list(tmp_path.glob("*.partial"))
    assert "line 3, column werktijdfactor: must be greater than 0 and at most 1" in err
    assert "line 4, column function: 'baas' is not one of" in err
    assert "nothing written" in err


def test_skip_invalid_writes_the_good_rows_and_reports_the_bad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("function,werktijdfactor\nleraar,0.6\nleraar,1.5\n", encoding="utf-8")
    report = tmp_path / "errors.txt"
    code, out, err = run(
        [
            "evaluate",
            str(path),
            "--year",
            "2020",
            "--rules",
            "individueel_budget",
            "--skip-invalid",
            "--errors",
            str(report),
        ],
        capsys,
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["index"], row["individueel_budget"]) for row in rows] == [("0", "360.00")]
    assert report.read_text(encoding="utf-8").startswith("line 3, column werktijdfactor:")
    assert "1 of 2 rows written; 1 skipped" in err
    assert code == 3  # written, but with rows skipped: a pipeline can tell


def test_output_file_and_keep(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = EXPORT.replace("id,name", "id,afdeling,name").replace("101,", "101,onderbouw,")
    text = text.replace("102,", "102,bovenbouw,").replace("103,", "103,,")
    export.write_text(text, encoding="utf-8")
    target = tmp_path / "out.csv"
    argv = ["evaluate", str(export), "--year", "2020", "--rules", "individueel_budget"]
    code, _, err = run([*argv, "--output", str(target)], capsys)
    assert code == 2
    assert "unknown column 'afdeling'" in err
    code, out, _ = run([*argv, "--keep", "afdeling", "--output", str(target)], capsys)
    assert code == 0
    assert out == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [row["afdeling"] for row in rows] == ["onderbouw", "bovenbouw", ""]


def test_flags_that_do_not_fit_the_file_are_named(
    export: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["evaluate", str(export), "--year", "2020", "--format", "text"], capsys)
    assert code == 2
    assert "--format: a CSV export is written as csv, json or jsonl, not text" in err
    board = str(ROOT / "examples" / "schoolbestuur.yaml")
    code, _, err = run(["evaluate", board, "--year", "2020", "--skip-invalid"], capsys)
    assert code == 2
    assert "--skip-invalid: is for a CSV export" in err
    code, _, err = run(["evaluate", str(export), "--year", "2020", "--rules", "bogus"], capsys)
    assert code == 2
    assert "bogus" in err


def test_a_broken_csv_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "short.csv"
    path.write_text("function,werktijdfactor\nleraar\n", encoding="utf-8")
    code, _, err = run(["evaluate", str(path), "--year", "2020"], capsys)
    assert code == 2
    assert "line 2: has 1 cells where the header has 2 columns" in err
    path.write_bytes(b"function,werktijdfactor\nleraar,\xff\n")
    code, _, err = run(["evaluate", str(path), "--year", "2020"], capsys)
    assert code == 2
    assert "short.csv: encoding: the file is not UTF-8 text; save the export as 'CSV UTF-8'" in err


def test_summary_is_one_row_per_employee(capsys: pytest.CaptureFixture[str]) -> None:
    board = str(ROOT / "examples" / "schoolbestuur.yaml")
    code, out, _ = run(["evaluate", board, "--year", "2020", "--summary"], capsys)
    assert code == 0
    lines = out.splitlines()
    anna = next(line for line in lines if line.startswith("Anna de Vries"))
    assert anna.split()[3:6] == ["leraar", "0.6", "€"]  # name has three words
    assert "€ 360,00" in anna  # (500 + 100) × 0.6
    assert "49.8*" in anna  # 83 × 0.6 hours a year: our reading (83 is derived), so marked *
    assert sum(1 for line in lines if " leraar " in line or " oop " in line) >= 5
    assert "* berust op onze interpretatie" in out  # Dutch by default
    assert "Individueel professionaliseringsbudget" in lines[0]  # rule titles head the columns
    assert len(lines) < 40  # not 460 lines for a thirteen-person board
    code, out, _ = run(["evaluate", board, "--year", "2020", "--summary", "--lang", "en"], capsys)
    assert code == 0
    assert out.splitlines()[0].startswith("employee")
    assert "* rests on our interpretation" in out


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal, as an HR person's console is."""

    def isatty(self) -> bool:
        return True


def test_a_progress_bar_on_a_terminal_only(
    export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("tqdm")
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr("sys.stdout", io.StringIO())  # as a pipe: what is written stays
    argv = ["evaluate", str(export), "--year", "2020"]
    assert main(argv) == 0
    shown = terminal.getvalue()
    assert "checking" in shown  # tqdm's two bars (to a pipe: checked, then written)
    assert "writing" in shown
    assert "3/3" in shown  # the writing pass knows the row count from the check
    terminal.seek(0)
    terminal.truncate()
    target = tmp_path / "out.csv"
    argv = [*argv, "--output", str(target)]
    assert main(argv) == 0
    shown = terminal.getvalue()
    assert "evaluating: 100%" in shown  # to a file: one pass, one bar, its end the lines
    assert "3/3" in shown
    assert "checking" not in shown
    terminal.seek(0)
    terminal.truncate()
    with (tmp_path / "redirected.csv").open("w") as redirected:
        monkeypatch.setattr("sys.stdout", redirected)  # `> redirected.csv`: one pass as well
        assert main(argv[:4]) == 0
        monkeypatch.setattr("sys.stdout", io.StringIO())
    assert "evaluating: 100%" in terminal.getvalue()
    assert "checking" not in terminal.getvalue()
    terminal.seek(0)
    terminal.truncate()
    # a blank line makes the lines one more than the rows: the bar ends at the rows there were
    export.write_text(EXPORT.replace("\n102,", "\n\n102,"), encoding="utf-8")
    assert main(argv) == 0
    assert "0/4" in terminal.getvalue()  # the estimate: four lines under the header
    last = terminal.getvalue().split("\r")[-1]
    assert "3/3" in last.split("\n")[0]
    terminal.seek(0)
    terminal.truncate()
    assert main([*argv, "--no-progress"]) == 0
    # no bar; only the notice of a rule that gave a row no value: Bram, the directeur, owes
    # the Schoolleidersregister a yearly contribution whose 2020 figure is not in our sources
    # (the teacher and the OOP employee: not applicable, which is no notice)
    assert terminal.getvalue() == (
        "onderwijsregels: schoolleidersregister_jaarlijkse_bijdrage: not encoded for 1 of 3 rows "
        "written, the first with index 1 (our sources give no figure for them; the reason is in "
        "column schoolleidersregister_jaarlijkse_bijdrage.reason)\n"
    )


def test_a_dutch_excel_export_with_semicolons_and_decimal_commas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "excel-nl.csv"
    path.write_bytes("\ufeffId;Function;Werktijdfactor;Scale\r\n1;leraar;0,6;L11\r\n".encode())
    code, out, err = run(
        ["evaluate", str(path), "--year", "2020", "--rules", "individueel_budget"], capsys
    )
    assert code == 0, err
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["id"] == "1"  # headers are read without regard to case
    assert row["individueel_budget"] == "360.00"  # (500 + 100) × 0,6


def test_a_decimal_comma_in_a_comma_file_gets_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "comma.csv"
    path.write_text('function,werktijdfactor\nleraar,"0,6"\n', encoding="utf-8")
    code, _, err = run(["evaluate", str(path), "--year", "2020"], capsys)
    assert code == 2
    assert "'0,6' has a decimal comma; write a decimal point (0.6)" in err


def test_an_unquoted_decimal_comma_that_splits_the_row_gets_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 0,6 unquoted between commas makes two cells (0 and 6) and the row one cell too long:
    # the error says so, not only that the row is too long (from a new-user trial).
    path = tmp_path / "split.csv"
    path.write_text("name,function,werktijdfactor,scale\nAns,leraar,0,6,L11\n", encoding="utf-8")
    code, out, err = run(["evaluate", str(path), "--year", "2020"], capsys)
    assert (code, out) == (2, "")
    assert (
        "line 2: has 5 cells where the header has 4 columns; is the werktijdfactor 0,6 written "
        "with a decimal comma? In a file with commas between the cells write a decimal point "
        "(0.6)"
    ) in err
    # a row too long for another reason gets no such guess
    path.write_text("name,function,werktijdfactor\nAns,leraar,0.6,x\n", encoding="utf-8")
    code, _, err = run(["evaluate", str(path), "--year", "2020"], capsys)
    assert code == 2
    assert "has 4 cells where the header has 3 columns\n" in err


def test_a_column_given_twice_is_refused_not_guessed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "twice.csv"
    path.write_text("id,function,werktijdfactor,function\n1,leraar,0.6,directeur\n")
    code, out, err = run(["evaluate", str(path), "--year", "2020"], capsys)
    assert code == 2
    assert out == ""
    assert "the column 'function' appears twice" in err


def test_a_trailing_separator_and_short_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "trailing.csv"
    path.write_text(
        "id,function,werktijdfactor,\n1,leraar,0.6,\n2,leraar\n3,leraar,1,x\n4,oop,1,\n"
    )
    argv = ["evaluate", str(path), "--year", "2020", "--rules", "individueel_budget"]
    code, _, err = run(argv, capsys)
    assert code == 2
    assert "line 3: has 2 cells where the header has 4 columns" in err
    assert "line 4: has 'x' in column 4, which has no name in the header" in err
    code, out, err = run([*argv, "--skip-invalid"], capsys)
    assert code == 3
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["id"], row["individueel_budget"]) for row in rows] == [
        ("1", "360.00"),  # (500 + 100) × 0.6
        ("4", "600.00"),  # (500 + 100) × 1
    ]


def test_schools_by_school_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "schools.csv"
    path.write_text("name,pupils,brin\nDe Klimop,212,12AB\n", encoding="utf-8")
    code, out, err = run(["evaluate", str(path), "--school-year", "2021-2022"], capsys)
    assert code == 0, err
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["name"] == "De Klimop"
    assert row["bekostiging_professionalisering.edition"] == "bekostiging-professionalisering-2021"
    assert row["bedrag_per_leerling"] == "94.20"  # the Regeling's amount per pupil, 2021-2022
    assert row["bekostiging_professionalisering"] == "19970.40"  # 212 × 94.20


def test_an_excel_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Id", "Function", "Werktijdfactor", "Birth_date"])
    sheet.append([1, "leraar", 0.6, date(1961, 4, 2)])  # a number cell, a date cell
    sheet.append([2, "oop", 1, None])
    sheet.append([3, "leraar", "0,6", None])  # a text cell with a decimal comma
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    argv = ["evaluate", str(path), "--year", "2020", "--rules", "individueel_budget"]
    code, _, err = run(argv, capsys)
    assert code == 2
    assert "line 4, column werktijdfactor: '0,6' has a decimal comma" in err  # the sheet's row
    code, out, _ = run([*argv, "--skip-invalid"], capsys)
    assert code == 3
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["id"], row["individueel_budget"]) for row in rows] == [
        ("1", "360.00"),  # the cell 0.6 (a binary double) read as the 0.6 typed: 600 × 0.6
        ("2", "600.00"),  # (500 + 100) × 1
    ]


def test_rules_on_a_board_of_employees_and_schools(capsys: pytest.CaptureFixture[str]) -> None:
    # One --rules for both kinds: each kind gets the rules that are its own.
    board = str(ROOT / "examples" / "schoolbestuur.yaml")
    argv = ["evaluate", board, "--year", "2020", "--format", "json"]
    code, out, err = run([*argv, "--rules", "individueel_budget,bedrag_per_leerling"], capsys)
    assert code == 0, err
    results = json.loads(out)["results"]
    first = next(r for r in results if r["record"] == "employees[0]")
    school = next(r for r in results if r["record"] == "schools[0]")
    assert list(first["outcomes"]) == ["individueel_budget"]
    assert first["outcomes"]["individueel_budget"]["value"] == "360.00"  # (500 + 100) × 0.6
    assert list(school["outcomes"]) == ["bedrag_per_leerling"]
    code, out, err = run([*argv, "--rules", "individueel_budget"], capsys)
    assert code == 0, err
    school = next(r for r in json.loads(out)["results"] if r["record"] == "schools[0]")
    assert school["outcomes"] == {}  # no rule of a school was asked for


@pytest.mark.parametrize("kind", ["board", "export"])
def test_a_rule_the_edition_lacks_is_blamed_on_the_flag(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    board = str(ROOT / "examples" / "schoolbestuur.yaml")
    if kind == "export":  # a CSV export: the flag is blamed too, not the file
        board = str(tmp_path / "export.csv")
        Path(board).write_text("function,werktijdfactor\nleraar,1\n", encoding="utf-8")
    code, _, err = run(["evaluate", board, "--year", "2025", "--rules", "uren_per_jaar"], capsys)
    assert code == 2
    assert err.startswith("onderwijsregels: --rules: 'uren_per_jaar' is not a rule of the edition")
    # which editions have it, and where to see what became of it (pdi_uren, in that diff)
    assert (
        "it is a rule of cao-po-2019-2020 to cao-po-2023-2024 (cao-po-2024-2025 dropped it: "
        "`onderwijsregels diff cao-po-2023-2024 cao-po-2024-2025` shows what changed)"
    ) in err
    code, diff, _ = run(["diff", "cao-po-2023-2024", "cao-po-2024-2025"], capsys)
    assert code == 0
    assert "- uren_per_jaar" in diff
    assert "+ pdi_uren" in diff


def test_a_cell_beyond_the_limit_is_reported_on_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from onderwijsregels.limits import MAX_ROW_BYTES

    path = tmp_path / "huge.csv"
    # line 1 the header, line 2 a good row, line 3 a name longer than a cell may be
    path.write_text(
        "name,function,werktijdfactor\nAns,oop,1\n" + "x" * (MAX_ROW_BYTES + 1) + ",oop,1\n",
        encoding="utf-8",
    )
    code, _, err = run(["evaluate", str(path), "--year", "2020"], capsys)
    assert code == 2
    assert "line 3: holds a cell longer than" in err


def test_an_output_in_a_missing_folder_is_named(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "out.csv"
    code, _, err = run(["evaluate", str(export), "--year", "2020", "--output", str(target)], capsys)
    assert code == 2
    assert f"cannot write {str(target)!r}: No such file or directory" in err


def test_a_year_past_the_last_agreement_says_so(
    export: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The CAO PO 2025-2027 runs to 28 February 2027 (facts.md); in 2030 its terms still apply
    # (nawerking) and the output is the same as in 2026, so stderr says which edition ended.
    argv = ["evaluate", str(export), "--rules", "individueel_budget"]
    code, _, err = run([*argv, "--year", "2030"], capsys)
    assert code == 0
    assert (
        "onderwijsregels: cao-po: cao-po-2025-2027 ended on 2027-02-28; on 2030-01-01 its terms "
        "still apply (nawerking) until a new agreement, which may change these values"
    ) in err
    code, _, err = run([*argv, "--year", "2026"], capsys)
    assert code == 0
    assert "nawerking" not in err


def test_rows_written_with_a_removed_scale_are_named_with_the_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # D11 (removed by CAO PO 2024-2025) is accepted on 2025-01-01 with a note that no column
    # shows: stderr names the scale, the two rows that have it and the note.
    export = tmp_path / "d11.csv"
    export.write_text(
        "name,function,werktijdfactor,scale\nAnna,directeur,1,D11\nBram,directeur,1, D11 \n"
        "Cees,directeur,1,D12\n",
        encoding="utf-8",
    )
    argv = ["evaluate", str(export), "--rules", "individueel_budget", "--year", "2025"]
    code, _, err = run(argv, capsys)
    assert code == 0
    assert (
        "onderwijsregels: scale D11: 2 rows written with this note: Scale D11 was removed from "
        "the salary structure by CAO PO 2024-2025"
    ) in err
    assert "must be regraded before 2025-07-01" in err


def test_a_misspelt_rule_is_blamed_on_rules_not_on_the_file(
    export: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        ["evaluate", str(export), "--year", "2026", "--rules", "individueel_budgt"], capsys
    )
    assert code == 2
    assert err.startswith(
        "onderwijsregels: --rules: no rule 'individueel_budgt' in this evaluation (did you mean "
        "'individueel_budget'?)"
    )
    assert str(export) not in err


_MANY = "".join(f"{n},P{n},oop,1,,,\n" for n in range(2000))  # beyond any read buffer


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # a row good when checked is bad when written (werktijdfactor 1.5, far into the file)
        (EXPORT + _MANY, EXPORT + _MANY.replace("1999,P1999,oop,1,", "1999,P1999,oop,1.5,")),
        # a row's werktijdfactor 0.6 becomes 0.8: every row still good, but not the file
        # that was checked (and hashed for the receipt)
        (EXPORT, EXPORT.replace("leraar,0.6,", "leraar,0.8,")),
        # a row more
        (EXPORT, EXPORT + "104,Ilse,oop,1,,,\n"),
    ],
)
def test_an_export_that_changes_while_it_is_read_is_refused(
    tmp_path: Path, before: str, after: str
) -> None:
    export = tmp_path / "export.csv"
    export.write_text(before, encoding="utf-8")

    def rewrite_when_writing(items: Any, label: str, _total: int | None) -> Any:
        if label == "writing":  # the check is done; now the file changes in place
            export.write_text(after, encoding="utf-8")
        return items

    _refused_as_changed(export, rewrite_when_writing)


def _refused_as_changed(export: Path, progress: Any, **options: Any) -> None:
    """Evaluating ``export`` for 2020 with ``progress`` (which changes the file) is refused."""
    from onderwijsregels.stream import evaluate_export

    with pytest.raises(owr.InvalidInputError, match="the file changed while it was read"):
        evaluate_export(
            owr.load(),
            export,
            io.StringIO(),
            year=2020,
            rules=["individueel_budget"],
            progress=progress,
            **options,
        )


def test_an_export_that_changes_while_it_is_checked_is_refused(tmp_path: Path) -> None:
    # Found by a review: with --skip-invalid, Eve's werktijdfactor 1.5 (bad when checked)
    # became 1 at the end of the checking pass; she was written and reported as skipped.
    export = tmp_path / "export.csv"
    before = EXPORT + "105,Eve,leraar,1.5,L10,2,\n"
    export.write_text(before, encoding="utf-8")

    def rewrite_after_checking(items: Any, label: str, _total: int | None) -> Any:
        yield from items
        if label == "checking":
            export.write_text(before.replace(",1.5,", ",1,"), encoding="utf-8")

    _refused_as_changed(export, rewrite_after_checking, skip_invalid=True)


def test_a_non_subject_collected_is_one_reason_without_a_field() -> None:
    # Found by a review: the collected error read ": must be an Employee ..."
    employee = owr.Employee(function="oop", werktijdfactor=1)
    items = list(owr.load().evaluate_many([employee, 3], year=2020, errors="collect"))
    assert isinstance(items[1], owr.RecordError)
    assert str(items[1].error) == "must be an Employee or a School, got int"


@pytest.mark.parametrize("form", ["csv", "json", "jsonl"])
@pytest.mark.parametrize("skip_invalid", [False, True])
def test_one_pass_writes_what_two_passes_write(
    tmp_path: Path, form: str, skip_invalid: bool
) -> None:
    # --output reads the export once (its .partial file is thrown away on a refusal); stdout
    # reads it twice. Same rows, same report, same receipt either way.
    from onderwijsregels.stream import evaluate_export

    export = tmp_path / "export.csv"
    bad = "104,Eve,leraar,1.5,L10,2,\n" if skip_invalid else ""
    export.write_text(EXPORT + bad + "105,Ilse,oop,0.8,,,\n", encoding="utf-8")
    rulebook = owr.load()
    written = []
    for one_pass in (False, True):
        out = io.StringIO()
        report = evaluate_export(
            rulebook,
            export,
            out,
            year=2020,
            form=form,  # type: ignore[arg-type]
            skip_invalid=skip_invalid,
            one_pass=one_pass,
        )
        written.append((out.getvalue(), report))
    (two_out, two), (one_out, one) = written
    assert one_out == two_out
    assert one == two
    assert (one.rows, one.written) == ((5, 4) if skip_invalid else (4, 4))
    if form == "csv":  # the fourth row written is Ilse: (500 + 100) × 0.8 = 480.00 (art. 9.3 lid 2)
        rows = list(csv.DictReader(io.StringIO(one_out)))
        assert rows[3]["individueel_budget"] == "480.00"


def test_one_pass_refuses_with_every_bad_row_listed(tmp_path: Path) -> None:
    from onderwijsregels.stream import evaluate_export

    export = tmp_path / "bad.csv"
    export.write_text(
        "function,werktijdfactor\nleraar,0.6\nleraar,1.5\nbaas,1\nleraar,1\n", encoding="utf-8"
    )
    with pytest.raises(owr.InvalidInputError) as refused:
        evaluate_export(owr.load(), export, io.StringIO(), year=2026, one_pass=True)
    fields = [field for field, _ in refused.value.problems]
    assert fields[:2] == ["line 3, column werktijdfactor", "line 4, column function"]
    assert fields[2:] == ["nothing written"]  # the caller throws the partial output away


def test_an_export_that_changes_while_it_is_read_once_is_refused(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")

    def rewrite_after_reading(items: Any, label: str, _total: int | None) -> Any:
        assert label == "evaluating"  # one pass: no "checking", no "writing"
        yield from items
        export.write_text(EXPORT.replace("0.6", "0.7"), encoding="utf-8")

    _refused_as_changed(export, rewrite_after_reading, one_pass=True)


def test_an_export_into_a_closed_pipe_is_quiet_and_exit_1(tmp_path: Path) -> None:
    import subprocess
    import sys

    export = tmp_path / "export.csv"
    export.write_text(
        EXPORT.splitlines()[0]
        + "\n"
        + "".join(f"{n},Naam {n},leraar,0.{n % 9 + 1},L10,2,\n" for n in range(20_000)),
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "onderwijsregels", "evaluate", str(export), "--year", "2020"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None
    assert process.stdout.readline().startswith(b"index,id,name,error,")  # as `| head -1` reads
    process.stdout.close()
    _, err = process.communicate(timeout=300)
    assert process.returncode == 1  # the output is not whole
    assert err.decode() == ""  # but the reader went away on purpose: nothing to say


def test_skip_invalid_to_an_output_file_in_one_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("function,werktijdfactor\nleraar,0.6\nleraar,1.5\noop,0.5\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    argv = ["evaluate", str(path), "--year", "2020", "--rules", "individueel_budget"]
    code, out, err = run([*argv, "--skip-invalid", "--output", str(target)], capsys)
    assert code == 3  # written, with a row left out
    assert out == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    # (500 + 100) × 0.6 = 360.00 and (500 + 100) × 0.5 = 300.00 (CAO PO 2019-2020 art. 9.3 lid 2)
    assert [(row["index"], row["individueel_budget"]) for row in rows] == [
        ("0", "360.00"),
        ("2", "300.00"),
    ]
    assert "line 3, column werktijdfactor:" in err
    assert "2 of 3 rows written; 1 skipped" in err
    assert not list(tmp_path.glob("*.partial"))
    # the same bytes as the two passes to stdout
    code, out, _ = run([*argv, "--skip-invalid"], capsys)
    assert code == 3
    assert out == target.read_text(encoding="utf-8")


def test_the_errors_file_of_a_clean_run_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A trial found the report of an earlier run left in place by a run with no bad rows.
    path = tmp_path / "export.csv"
    report = tmp_path / "errors.txt"
    argv = ["evaluate", str(path), "--year", "2020", "--skip-invalid", "--errors", str(report)]
    path.write_text("function,werktijdfactor\nleraar,1.5\noop,0.5\n", encoding="utf-8")
    assert run(argv, capsys)[0] == 3
    assert report.read_text(encoding="utf-8").startswith("line 2, column werktijdfactor:")
    path.write_text("function,werktijdfactor\nleraar,1\noop,0.5\n", encoding="utf-8")
    assert run(argv, capsys)[0] == 0
    assert report.read_text(encoding="utf-8") == ""  # no rows skipped this time


@pytest.mark.parametrize(
    ("flags", "refused"),
    [
        (["--output", "{export}"], "--output: '{export}' is a file read"),
        (["--receipt", "{export}"], "--receipt: '{export}' is a file read"),
        (
            ["--output", "{out}", "--skip-invalid", "--errors", "{out}"],
            "--errors: '{out}' is the file of --output as well",
        ),
    ],
)
def test_a_file_to_write_that_is_read_or_written_already_is_refused(
    export: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    flags: list[str],
    refused: str,
) -> None:
    # A trial replaced its HR export with the results: `--output` named the export itself.
    out = tmp_path / "out.csv"
    names = {"export": str(export), "out": str(out)}
    argv = ["evaluate", str(export), "--year", "2020", *[f.format(**names) for f in flags]]
    code, _, err = run(argv, capsys)
    assert code == 2
    assert refused.format(**names) in err
    assert export.read_text(encoding="utf-8") == EXPORT  # untouched
    assert not out.exists()


@pytest.mark.parametrize("into", ["--output", "stdout redirected to a file"])
@pytest.mark.parametrize(
    ("stop", "code", "said"),
    [("SIGTERM", 143, "onderwijsregels: terminated\n"), ("SIGINT", 130, "interrupted\n")],
)
def test_a_stopped_export_leaves_nothing_half_written(
    tmp_path: Path, stop: str, code: int, said: str, into: str
) -> None:
    # A trial's SIGTERM left the hidden .partial file behind; Ctrl-C printed a traceback. To a
    # file on stdout, rows are written while checked (one pass) and cut back when stopped.
    import signal
    import subprocess
    import sys
    import time

    export = tmp_path / "export.csv"
    export.write_text(
        "function,werktijdfactor,birth_date\n"
        + "".join(
            f"leraar,0.{n % 9999 + 1:04d},19{60 + n % 40}-0{n % 9 + 1}-1{n % 9}\n"
            for n in range(400_000)
        ),
        encoding="utf-8",
    )
    target = tmp_path / "out.csv"
    written = tmp_path / (".out.csv.partial" if into == "--output" else "out.csv")
    command = ["evaluate", str(export), "--year", "2020"]
    with target.open("w") as stdout:
        process = subprocess.Popen(
            [sys.executable, "-m", "onderwijsregels", *command]
            if into != "--output"
            else [sys.executable, "-m", "onderwijsregels", *command, "--output", str(target)],
            stdout=stdout if into != "--output" else None,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        if into == "--output":
            target.unlink()
        deadline = time.monotonic() + 120
        # rows on their way: in one pass they are written while the rest is still checked
        while not (written.exists() and written.stat().st_size) and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert process.poll() is None, "the run ended before it could be stopped"
        process.send_signal(getattr(signal, stop))
        _, err = process.communicate(timeout=120)
    assert process.returncode == code
    assert err.decode().endswith(said)
    assert "Traceback" not in err.decode()
    assert not (tmp_path / ".out.csv.partial").exists()
    if into == "--output":
        assert not target.exists()
    else:
        assert target.read_bytes() == b""  # cut back to where it was: empty


def test_an_edition_file_read_is_not_written_over(
    export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A review wrote the results over the edition file the run read (--output named it).
    edition = tmp_path / "voorbeeld.yaml"
    text = owr.load().export_edition("cao-po-2025-2027", id="cao-po-2030-voorbeeld")
    text = text.replace(
        "valid_from: 2025-11-01\nvalid_to: 2027-02-28",
        "valid_from: 2030-01-01\nvalid_to: 2030-12-31",
    )
    assert "valid_from: 2030-01-01" in text  # a year of its own: no overlap with the shipped
    edition.write_text(text, encoding="utf-8")
    argv = ["evaluate", str(export), "--year", "2020", "--edition-file", str(edition)]
    assert run(argv, capsys)[0] == 0  # the edition file loads
    code, _, err = run([*argv, "--output", str(edition)], capsys)
    assert code == 2
    assert f"--output: '{edition}' is a file read" in err
    assert edition.read_text(encoding="utf-8") == text


def _run_into(stdout: Any, argv: list[str]) -> tuple[int, str]:
    """Run the command line in a process whose stdout is ``stdout``; (exit code, stderr)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "onderwijsregels", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        check=False,
    )
    return done.returncode, done.stderr.decode()


def test_stdout_redirected_to_a_file_is_read_once_and_cut_back_on_a_refusal(
    export: Path, tmp_path: Path
) -> None:
    # `> out.csv` is a file the run can cut back to where it was, as --output removes its
    # .partial file: the export is read once there too, and a refusal leaves the file as it was.
    argv = ["evaluate", str(export), "--year", "2020", "--rules", "individueel_budget"]
    redirected, target = tmp_path / "redirected.csv", tmp_path / "target.csv"
    with redirected.open("w") as stdout:
        assert _run_into(stdout, argv)[0] == 0
    assert _run_into(None, [*argv, "--output", str(target)])[0] == 0
    assert redirected.read_bytes() == target.read_bytes()  # the same bytes as --output
    bad = tmp_path / "bad.csv"
    bad.write_text(EXPORT + "104,Eve,leraar,1.5,L10,2,\n" + EXPORT.split("\n", 1)[1])
    # `>> appended.csv` as a shell opens it: appending, its position 0 until the first write
    # (a trial found the first cut emptying the file); `1<> middle.csv`: opened to write from
    # its start, over what it holds (read twice, so a refusal writes nothing)
    for name, flags in (("appended.csv", os.O_APPEND), ("middle.csv", os.O_RDWR)):
        kept = tmp_path / name
        kept.write_text("what was there before\n")
        descriptor = os.open(kept, os.O_WRONLY | flags if flags == os.O_APPEND else flags)
        try:
            code, err = _run_into(descriptor, ["evaluate", str(bad), "--year", "2020"])
        finally:
            os.close(descriptor)
        assert code == 2
        assert "line 5, column werktijdfactor: must be greater than 0 and at most 1" in err
        assert kept.read_text() == "what was there before\n"  # as it was, not half-written
    appended = tmp_path / "appended.csv"
    descriptor = os.open(appended, os.O_WRONLY | os.O_APPEND)
    try:
        assert _run_into(descriptor, argv)[0] == 0
    finally:
        os.close(descriptor)
    assert appended.read_bytes() == b"what was there before\n" + target.read_bytes()


@pytest.mark.parametrize("clash", ["export", "--errors", "--receipt"])
def test_stdout_redirected_to_a_file_the_run_reads_or_writes_is_refused(
    export: Path, tmp_path: Path, clash: str
) -> None:
    # `>> export.csv` would write the results into the file being read; `> errors.txt` with
    # `--errors errors.txt` would lose them under the report (a trial found both).
    argv = ["evaluate", str(export), "--year", "2020"]
    target = export
    if clash != "export":
        target = tmp_path / "other.txt"
        target.write_text("before\n")
        argv += (
            ["--skip-invalid", clash, str(target)] if clash == "--errors" else [clash, str(target)]
        )
    before = target.read_bytes()
    descriptor = os.open(target, os.O_WRONLY | os.O_APPEND)
    try:
        code, err = _run_into(descriptor, argv)
    finally:
        os.close(descriptor)
    assert code == 2
    assert f"stdout: is redirected to '{target}', a file the run reads or writes" in err
    assert target.read_bytes() == before


def test_stdout_redirected_to_the_board_file_it_reads_is_refused(tmp_path: Path) -> None:
    # `>> board.yaml` would append the text output to the board file itself.
    board = tmp_path / "board.yaml"
    board.write_bytes((ROOT / "examples" / "schoolbestuur.yaml").read_bytes())
    before = board.read_bytes()
    descriptor = os.open(board, os.O_WRONLY | os.O_APPEND)
    try:
        code, err = _run_into(descriptor, ["evaluate", str(board), "--year", "2020"])
    finally:
        os.close(descriptor)
    assert code == 2
    assert "stdout: is redirected to" in err
    assert board.read_bytes() == before


def test_a_closed_stdout_is_one_line_not_a_traceback(export: Path, tmp_path: Path) -> None:
    # evaluate refuses before it starts; any other command says so when it writes
    import subprocess
    import sys

    for argv, code, said in (
        (
            ["evaluate", str(export), "--year", "2020"],
            2,
            "stdout: is closed; give --output FILE for the results",
        ),
        (
            ["evaluate", str(ROOT / "examples" / "schoolbestuur.yaml"), "--year", "2020"],
            2,
            "stdout: is closed; give --output FILE for the results",
        ),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "onderwijsregels", *argv],
            stderr=subprocess.PIPE,
            cwd=ROOT,
            check=False,
            preexec_fn=lambda: os.close(1),  # `>&-`
        )
        err = done.stderr.decode()
        assert "Traceback" not in err
        assert said in err
        assert done.returncode == code
    done = subprocess.run(
        [sys.executable, "-m", "onderwijsregels", "editions"],
        stderr=subprocess.PIPE,
        cwd=ROOT,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 1
    assert done.stderr.decode() == "onderwijsregels: cannot write the output: stdout is closed\n"


def test_a_cell_with_a_line_break_stays_in_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A lone carriage return (or a line feed) in a copied cell is quoted, so a reader of the
    # output does not start a row there (from a review: "\rX" split its row in two).
    path = tmp_path / "breaks.csv"
    path.write_bytes(b'name,function,werktijdfactor\n"\rX",leraar,0.6\n"a\nb",oop,1\n')
    code, out, err = run(
        ["evaluate", str(path), "--year", "2020", "--rules", "individueel_budget"], capsys
    )
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert [row[:2] for row in rows[1:]] == [["0", "'\rX"], ["1", "a\nb"]]  # "'": no formula
    assert [row[3] for row in rows[1:]] == ["360.00", "600.00"]  # (500 + 100) × 0.6; × 1
    assert out.count("\r") == 1  # the cell's own: every row ends in "\n"
