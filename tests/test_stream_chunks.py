"""The command line's CSV export read in Arrow chunks (issue 11): the same output as row by row.

With pyarrow installed, ``evaluate FILE.csv`` reads the export in chunks of rows, each read by
column (:mod:`onderwijsregels.columnar`); a chunk with a bad row is read row by row. The
promise: the output text, the bad rows reported (line, column, reason) and the receipt are
exactly those of reading every row one by one.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import onderwijsregels as owr
import onderwijsregels.stream as stream
from onderwijsregels.testing import strategies as ows

pytest.importorskip("pyarrow")

RULEBOOK = owr.load()


def _export(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)


def _run(
    path: Path, monkeypatch: pytest.MonkeyPatch, by_chunks: bool, **options: Any
) -> tuple[str, Any]:
    """The output and report (or the refusal) of evaluating the export one way."""
    out = io.StringIO()
    with monkeypatch.context() as patched:
        if by_chunks:
            patched.setattr(stream, "_CHUNK_ROWS", 3)  # several chunks, clean and not
        else:
            patched.setattr(stream, "_arrow_module", lambda: None)
        try:
            report = stream.evaluate_export(RULEBOOK, path, out, **options)
        except owr.InvalidInputError as error:
            return "", str(error)
    return out.getvalue(), (report.rows, report.written, report.skipped, report.receipt)


def test_a_clean_export_reads_the_same_by_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [
        ["1", "Ans", "leraar", "0.6"],
        ["2", "Bas", "directeur", "1"],
        ["3", "=Cas", "oop", "0.3333"],  # a name that would start a formula: made safe
        ["4", "Dirk", "leraar", "0.60"],
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        _export(path, ["id", "name", "function", "werktijdfactor"], rows)
        options: dict[str, Any] = {"year": 2020, "rules": ["individueel_budget"]}
        chunks = _run(path, monkeypatch, True, **options)
        one_by_one = _run(path, monkeypatch, False, **options)
    assert chunks == one_by_one
    lines = chunks[0].splitlines()
    # (500 + 100) x 0.6 = 360.00; 3100.00; 600 x 0.3333 = 199.98; 600 x 0.60 = 360.00
    assert [line.split(",")[4] for line in lines[1:]] == ["360.00", "3100.00", "199.98", "360.00"]
    assert lines[3].split(",")[2] == "'=Cas"


def test_a_bad_row_is_reported_at_its_line_as_row_by_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = [["leraar", "0.5"]] * 4 + [["leraar", "1.5"], ["oop"], ["oop", "1"]]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        _export(path, ["function", "werktijdfactor"], rows)
        for skip in (False, True):
            options: dict[str, Any] = {"year": 2020, "skip_invalid": skip}
            chunks = _run(path, monkeypatch, True, **options)
            assert chunks == _run(path, monkeypatch, False, **options)
        refused = _run(path, monkeypatch, True, year=2020)[1]
    assert "line 6, column werktijdfactor" in refused  # the header is line 1
    assert "line 7" in refused  # a row with one cell where the header has two


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@st.composite
def exports(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    people = draw(st.lists(ows.employees(with_registers=True), min_size=1, max_size=5))
    records: list[dict[str, str]] = []
    for person in people:
        record: dict[str, str] = {}
        for name, value in person.to_dict().items():
            if name == "registration":
                for inner, item in (value or {}).items():
                    record[f"registration.{inner}"] = _text(item)
            else:
                record[name] = _text(value)
        records.append(record)
        for factor in draw(st.lists(ows.werktijdfactoren(), max_size=3)):
            records.append({**record, "werktijdfactor": str(factor)})
    header = sorted({name for record in records for name in record})
    rows = [[record.get(name, "") for name in header] for record in records]
    if draw(st.booleans()):
        at = draw(st.integers(0, len(rows) - 1))
        column = header.index("werktijdfactor")
        rows[at][column] = draw(st.sampled_from(["1.5", "0", "x", ""]))
    return header, rows


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    export=exports(),
    year=st.sampled_from(range(2020, 2028)),
    form=st.sampled_from(["csv", "json", "jsonl"]),
    skip=st.booleans(),
)
def test_an_export_reads_the_same_by_chunks_as_row_by_row(
    export: tuple[list[str], list[list[str]]], year: int, form: str, skip: bool
) -> None:
    header, rows = export
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        path = Path(folder) / "export.csv"
        _export(path, header, rows)
        options: dict[str, Any] = {"year": year, "form": form, "skip_invalid": skip}
        assert _run(path, patch, True, **options) == _run(path, patch, False, **options)


def test_a_dutch_excel_export_reads_the_same_by_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    # Semicolons between the cells and decimal commas, as Excel saves CSV in a Dutch locale;
    # a quoted name over two lines, so lines and rows differ.
    rows = [["Ans", "leraar", "0,6"], ["Bas\nvan Dijk", "oop", "1"], ["Cas", "oop", "1,5"]]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        _export(path, ["name", "function", "werktijdfactor"], rows, delimiter=";")
        for skip in (False, True):
            options: dict[str, Any] = {"year": 2020, "skip_invalid": skip}
            assert _run(path, monkeypatch, True, **options) == _run(
                path, monkeypatch, False, **options
            )
        text, report = _run(path, monkeypatch, True, year=2020, skip_invalid=True)
    # (500 + 100) x 0.6 = 360.00; (500 + 100) x 1 = 600.00; Cas (1,5) skipped, on line 5
    assert "360.00" in text
    assert "600.00" in text
    assert [(bad.line, bad.column) for bad in report[2]] == [(5, "werktijdfactor")]
