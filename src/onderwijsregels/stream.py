"""An HR export (CSV, or an Excel workbook) streamed through the batch: checked first, then
written.

``onderwijsregels evaluate export.csv --year 2026`` reads the export row by row
(columns: :mod:`onderwijsregels.columns`), so a file of a million rows takes
no more memory than one of ten. Written to a stream that cannot be taken back (a pipe, a
terminal), it reads the file twice:

1. **check**: every row is read and evaluated; a bad row (a cell that does
   not fit, a scale the edition removed) is noted with its line, column and
   reason. By default any bad row stops the run with exit code 2 *before*
   anything is written, so no partial result can pass for a complete one.
   With ``skip_invalid`` the bad rows are listed in an error report and left
   out of the output; the good rows are written.
2. **write**: the rows are written as CSV, JSON (one array) or JSON Lines,
   one output row per input row, in input order. Results of the check are
   remembered per distinct row (bounded by
   :data:`~onderwijsregels.limits.MEMO_ENTRIES`), so the second pass is cheap.

Written to a file (``--output``: a ``.partial`` file beside it, renamed once the run is done
and removed when it is refused; or stdout redirected to a file, cut back to where it was), it
reads the file once and writes each row as it is checked (``one_pass=True``): a bad row then
stops the writing, and the refusal comes at the end with every bad row listed, as in two
passes; nothing partial is left behind.

Output columns are those of :attr:`onderwijsregels.batch.Batch.columns`:
``index`` (the data row, from 0), the ``id``/``name``/kept columns, ``error``
(empty unless skipped), and per rule its value, status, unit, edition,
confidence, citation, reason, interpretation and notes. CSV cells are safe for spreadsheets (see
:mod:`onderwijsregels.present.csv`); money and hours are exact decimals with
a point (``360.00``), yes/no as ``true``/``false``.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Literal

import attrs

from onderwijsregels.batch import Batch, scale_note
from onderwijsregels.errors import InvalidInputError, MissingExtraError
from onderwijsregels.limits import MAX_ROW_BYTES
from onderwijsregels.periods import SchoolYear
from onderwijsregels.plan import RecordError
from onderwijsregels.present.csv import safe_cell
from onderwijsregels.receipt import Receipt
from onderwijsregels.rulebook import Rulebook

__all__ = ["BadRow", "StreamReport", "evaluate_export", "report_text"]

Format = Literal["csv", "json", "jsonl"]
Progress = Callable[[Iterator[Any], str, int | None], Iterator[Any]]

_SHOWN_PROBLEMS = 50
"""How many bad rows a refusal lists in its message (all go into an error report)."""


@attrs.frozen
class BadRow:
    """A row of the export that could not be evaluated: its line, column and reason."""

    line: int
    index: int
    column: str
    reason: str

    def text(self) -> str:
        """One line of the error report: ``line 3, column werktijdfactor: reason``."""
        where = f"line {self.line}"
        return (
            f"{where}, column {self.column}: {self.reason}"
            if self.column
            else (f"{where}: {self.reason}")
        )


@attrs.frozen
class StreamReport:
    """What a streamed run did: rows read and written, the rows skipped, and its receipt."""

    rows: int
    written: int
    skipped: tuple[BadRow, ...]
    receipt: Receipt
    not_encoded: tuple[tuple[str, int, int], ...] = ()
    """Per rule, how many written rows it gave no value because the library does not encode
    it for them (status ``not_encoded``: our sources give no figure), and the first such row's
    index: ``(rule, rows, first)``; rules with none left out."""
    nawerking: tuple[tuple[str, str, date, date], ...] = ()
    """The editions used past their end (*nawerking*: an agreement's terms still apply until a
    new one), as ``(family, edition, its last day, the reference day)``: the values are those
    of an ended agreement, which a new one may change."""
    noted_scales: tuple[tuple[str, int, str], ...] = ()
    """Per salary scale an edition removed but still accepts on the reference day, how many
    rows were evaluated with it and the edition's note on each of their results (the employee
    must be regraded), as each rule's ``R.notes`` column says: ``(scale, rows, note)``."""


def _no_progress(items: Iterator[Any], _label: str, _total: int | None) -> Iterator[Any]:
    return items


def _text(value: object) -> str:
    """A cell of the CSV output: exact numbers, true/false, ISO dates, texts joined by '; '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "; ".join(str(item) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _csv_cell(value: object) -> str:
    """A CSV output cell: the text of :func:`_text`, made safe for spreadsheets."""
    return safe_cell(value if type(value) is str else _text(value))


def _json(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


class _Rows:
    """A CSV file's data rows, remembering the line the last one ended on."""

    text_only = True  # a CSV reader's cells are texts

    def __init__(self, path: Path) -> None:
        self.path = path
        self.line = 1
        self.delimiter = ","

    def estimated_rows(self) -> int | None:
        """About how many data rows the file has (its lines but the header; blank lines and
        cells across lines make it a few more than there are), for a progress bar's end;
        ``None`` when the file cannot be read."""
        lines, last = 0, b"\n"
        try:
            with self.path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    lines += chunk.count(b"\n")
                    last = chunk[-1:]
        except OSError:
            return None
        return max(lines + (last != b"\n") - 1, 0)

    def open(self) -> tuple[list[str], Iterator[list[str]], IO[str]]:
        try:
            handle = self.path.open(newline="", encoding="utf-8-sig")
        except OSError as error:
            raise InvalidInputError(
                "", f"cannot read the file: {error.strerror or error}"
            ) from None
        try:
            first = handle.readline()
            handle.seek(0)
        except UnicodeDecodeError as error:
            handle.close()
            raise InvalidInputError(_where(error, 1), _csv_problem(error)) from None
        self.delimiter = _delimiter(first)
        reader = csv.reader(handle, delimiter=self.delimiter)
        try:
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as error:
            handle.close()
            raise InvalidInputError(_where(error, 1), _csv_problem(error)) from None
        if header is None:
            handle.close()
            raise InvalidInputError("", "the file is empty; give a header row and data rows")

        def rows() -> Iterator[list[str]]:
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except (csv.Error, UnicodeDecodeError) as error:
                    raise InvalidInputError(
                        _where(error, reader.line_num), _csv_problem(error)
                    ) from None
                self.line = reader.line_num
                if not "".join(row).strip():
                    continue  # a blank line (no cell holds more than spaces)
                yield row

        return header, rows(), handle


def _delimiter(header: str) -> str:
    """``;`` for an export as Excel writes it in a Dutch locale (a header with semicolons and
    no commas), else ``,``."""
    return ";" if header.count(";") > header.count(",") else ","


class _Closing:
    """A context manager that closes a workbook."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook

    def __enter__(self) -> _Closing:
        return self

    def __exit__(self, *_: object) -> None:
        self.workbook.close()


def _excel_cell(value: object) -> object:
    """An Excel cell as the table reader takes it.

    Excel keeps a number as a binary double; the shortest decimal that gives the same double
    (``repr``) is the number as typed (``0.6``, not 0.59999999999999997779...), so that text is
    read, exactly. Whole numbers stay whole; dates, texts and booleans stay as they are.
    """
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return "not a number"  # refused by the reader, naming the column
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    return value


class _ExcelRows:
    """The first worksheet of an .xlsx workbook: its header and data rows, streamed."""

    text_only = False  # a workbook's cells are numbers, dates and texts

    def __init__(self, path: Path) -> None:
        self.path = path
        self.line = 1
        self.delimiter = ","

    def estimated_rows(self) -> int | None:
        """``None``: a workbook read row by row does not say how many rows it has."""
        return None

    def open(self) -> tuple[list[str], Iterator[list[object]], Any]:
        try:
            import openpyxl
        except ImportError:
            raise MissingExtraError("openpyxl", "batch", "reading an .xlsx export") from None
        try:
            workbook = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except OSError as error:
            raise InvalidInputError(
                "", f"cannot read the file: {error.strerror or error}"
            ) from None
        except Exception as error:  # openpyxl's own errors for a file that is no workbook
            raise InvalidInputError("", f"is not an .xlsx workbook ({error})") from None
        sheet = workbook.worksheets[0]
        values = sheet.iter_rows(values_only=True)
        header_row = next(values, None)
        if header_row is None:
            workbook.close()
            raise InvalidInputError("", "the first worksheet is empty; give a header row and rows")
        header = ["" if cell is None else str(cell) for cell in header_row]
        while header and not header[-1]:
            header.pop()  # Excel's trailing empty columns
        width = len(header)

        def rows() -> Iterator[list[object]]:
            for number, row in enumerate(values, start=2):
                self.line = number
                cells = [_excel_cell(cell) for cell in row]
                while len(cells) > width and cells[-1] in (None, ""):
                    cells.pop()
                if all(cell in (None, "") for cell in cells):
                    continue  # a blank row
                yield cells + [None] * (width - len(cells))

        return header, rows(), _Closing(workbook)


def _where(error: Exception, line: int) -> str:
    """Where a reading problem is: its line, or the file's encoding (text is decoded in
    blocks, so a bad byte cannot be placed on a line)."""
    return "encoding" if isinstance(error, UnicodeDecodeError) else f"line {line}"


def _csv_problem(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return "the file is not UTF-8 text; save the export as 'CSV UTF-8'"
    text = str(error)
    if "field larger than field limit" in text:
        return f"holds a cell longer than {MAX_ROW_BYTES} bytes"
    return f"is not valid CSV ({text})"


def evaluate_export(
    rulebook: Rulebook,
    path: Path,
    out: IO[str],
    *,
    year: int | None = None,
    on: date | None = None,
    school_year: str | SchoolYear | None = None,
    rules: Sequence[str] | None = None,
    keep: Sequence[str] = (),
    form: Format = "csv",
    skip_invalid: bool = False,
    progress: Progress = _no_progress,
    one_pass: bool = False,
) -> StreamReport:
    """Evaluate every row of the export at ``path`` (CSV, or .xlsx: its first sheet) and write
    the results to ``out``.

    Raises :class:`~onderwijsregels.errors.InvalidInputError` listing the bad
    rows (line, column, reason) before writing anything, unless
    ``skip_invalid``; then the report lists them and the rest is written.

    ``one_pass=True`` reads the file once, writing each row as it is checked, for a caller
    that throws ``out`` away when this raises (the command line's ``--output`` writes a
    ``.partial`` file and renames it only once the run is done; a redirected stdout is cut
    back to where it was): a bad row then stops the
    writing (the rest is still checked, to list every bad row) and the refusal is raised at
    the end, with part of the output written. Otherwise (the default: ``out`` is a stream
    that cannot be taken back, such as stdout) the file is read twice, checked before
    anything is written.
    """
    csv.field_size_limit(MAX_ROW_BYTES)
    options: dict[str, Any] = {
        "year": year,
        "on": on,
        "school_year": school_year,
        "rules": rules,
        "keep": keep,
        "errors": "collect",
    }
    source: _Rows | _ExcelRows = _ExcelRows(path) if path.suffix.lower() == ".xlsx" else _Rows(path)
    header, rows, handle = source.open()
    # The file as it is before its rows are read: the receipt's, and what it must still be
    # once they are written (opening it said whether it can be read).
    digest = _file_sha256(path)
    options["decimal_comma"] = source.delimiter == ";"
    bad: list[BadRow] = []
    count: int | None = None
    if not one_pass:
        # 1. check
        count = 0
        with handle:
            batch = Batch.of_rows(rulebook, header, rows, text_only=source.text_only, **options)
            for _, failure in progress(batch._record_errors(), "checking", None):
                count += 1
                if failure is not None:
                    bad.extend(_bad_rows(source.line, failure))
        if bad and not skip_invalid:
            raise _refusal(bad)
        checked_batch = batch
        header, rows, handle = source.open()
    # 2. write (in two passes the rows seen while checking are remembered: mostly lookups)
    with handle:
        batch = Batch.of_rows(rulebook, header, rows, text_only=source.text_only, **options)
        if count is not None:
            batch._share_caches(checked_batch)
        receipt = batch.receipt(digest)
        columns = batch.columns
        write = _writer(out, columns, form, receipt)
        convert = _csv_cell if form == "csv" else _json
        statuses = [(rule_id, columns.index(f"{rule_id}.status")) for rule_id in batch.rule_ids]
        missing = dict.fromkeys(batch.rule_ids, 0)
        first: dict[str, int] = {}
        reported = {item.index for item in bad}
        read = written = 0
        label = "writing" if count is not None else "evaluating"
        total = count
        if total is None and progress is not _no_progress:  # a bar: give it an end
            total = source.estimated_rows()
        for row, failure in progress(batch._checked_rows(convert), label, total):
            read += 1
            if failure is not None:
                if count is not None:
                    if failure.index not in reported:  # good when checked: the file changed
                        raise _changed(path)
                    continue
                bad.extend(_bad_rows(source.line, failure))
                continue
            if bad and not skip_invalid:
                continue  # refused: checked, not written
            write(row)
            written += 1
            for rule_id, at in statuses:
                if row[at] == "not_encoded":
                    missing[rule_id] += 1
                    first.setdefault(rule_id, int(str(row[0])))
        if bad and not skip_invalid:
            raise _refusal(bad)
        write(None)
    if (count is not None and read != count) or _file_sha256(path) != digest:
        raise _changed(path, one_pass)
    not_encoded = tuple(
        (rule_id, many, first[rule_id]) for rule_id, many in missing.items() if many
    )
    ended = tuple(
        (use.family, use.edition.id, use.edition.valid_to, use.reference_day)
        for use in batch.editions
        if use.nawerking and use.edition.valid_to is not None
    )
    plan = batch._plan(batch._kind) if batch._kind is not None else None
    noted = tuple(
        (scale, many, scale_note(plan, scale) or "")
        for scale, many in sorted(batch.noted_scales.items())
        if plan is not None
    )
    return StreamReport(read, written, tuple(bad), receipt, not_encoded, ended, noted)


def _bad_rows(line: int, failure: RecordError) -> list[BadRow]:
    """A row that failed, one BadRow per problem, at the line its last cell is on."""
    return [BadRow(line, failure.index, field, why) for field, why in failure.problems]


def _refusal(bad: Sequence[BadRow]) -> InvalidInputError:
    """The error refusing an export with bad rows: the first ones, and what to do."""
    shown = [
        (f"line {item.line}" + (f", column {item.column}" if item.column else ""), item.reason)
        for item in bad[:_SHOWN_PROBLEMS]
    ]
    more = len(bad) - _SHOWN_PROBLEMS
    shown.append(
        (
            "nothing written",
            (f"{more} more bad rows are not shown; " if more > 0 else "")
            + "fix the rows, or give --skip-invalid to write the good rows and list the "
            "bad ones",
        )
    )
    return InvalidInputError.many(shown)


def _changed(path: Path, one_pass: bool = False) -> InvalidInputError:
    """The error for an export that changed while it was read (between checking it and
    writing its results, or, read once, between its first and last byte)."""
    if one_pass:
        return InvalidInputError(
            "",
            f"the file changed while it was read ({path.name}), so its results are not those "
            "of one version of it and are not kept; run again on a copy that does not change",
        )
    return InvalidInputError(
        "",
        "the file changed while it was read (between checking its rows and writing their "
        f"results: {path.name}), so what was written is not the result of one version of it; "
        "run again on a copy that does not change",
    )


def _file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _LineFeeds:
    """Where the CSV writer writes: its rows end in ``\r\n``, which makes it quote a cell
    holding either character (with ``\n`` alone it leaves a lone ``\r`` bare, and a reader
    would start a row there); each row is written to ``out`` ending in ``\n``."""

    __slots__ = ("out",)

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, line: str) -> int:
        return self.out.write(line[:-2] + "\n")


def _writer(
    out: IO[str], columns: Sequence[str], form: Format, receipt: Receipt
) -> Callable[[Any], None]:
    """A function writing one row (``None``: the end) in ``form``; JSON (one document) holds
    the receipt beside the rows."""
    if form == "csv":
        writer = csv.writer(_LineFeeds(out), lineterminator="\r\n")
        writer.writerow([safe_cell(name) for name in columns])

        def write_csv(row: Sequence[object] | None) -> None:
            if row is not None:
                writer.writerow(row)

        return write_csv
    first = [True]
    if form == "json":
        head = json.dumps(receipt.to_dict(), ensure_ascii=False, sort_keys=True)
        out.write('{"receipt": ' + head + ",\n")

    def write_json(row: Sequence[object] | None) -> None:
        if row is None:
            if form == "json":
                out.write(' "rows": []}\n' if first[0] else "\n]}\n")
            return
        record = json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False)
        if form == "jsonl":
            out.write(record + "\n")
        elif first[0]:
            out.write(' "rows": [\n' + record)
        else:
            out.write(",\n" + record)
        first[0] = False

    return write_json


def report_text(report: StreamReport) -> str:
    """The error report of skipped rows, one line each (empty when none were skipped)."""
    return "\n".join(item.text() for item in report.skipped)
