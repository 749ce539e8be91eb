"""The command line: ``onderwijsregels editions``, ``evaluate``, ``statement``, ``registers``,
``diff``, ``edition export``, ``new-edition`` (scaffold a plugin package for a new edition) and
``serve`` (the web service, with the ``web`` extra).

Every command takes ``--edition-file FILE`` (repeatable): an edition written as
data, loaded with the installed ones (see :mod:`onderwijsregels.data_editions`);
and ``--strict``: a plugin that implements no hook is then a broken plugin
rather than a warning.

Exit codes: 0 success; 3 a CSV export written with ``--skip-invalid`` but
with rows skipped (so a pipeline can tell); 2 bad input (a file, record or field that does not
fit, a flag value that does not, or a period no edition covers); 1 any other
library error, such as a broken plugin, or output that cannot be written (a full
disk, a closed pipe: one line on stderr, no traceback).

Every flag value is checked by the argument parser, so a bad one is a usage
error naming the flag (``argument --year: must lie between 1900 and 2999``),
never blamed on the file. Dates are ASCII ``YYYY-MM-DD`` and years four ASCII
digits, nothing else. Output that the terminal's encoding cannot show is
written with ``?`` in place of those characters, with a note on stderr to set
``PYTHONIOENCODING=utf-8``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import re
import signal
import stat
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

if sys.platform != "win32":
    import fcntl

from onderwijsregels.convert import parse_day, shown
from onderwijsregels.documents import (
    editions_document,
    evaluate_records,
    evaluation_document,
    registers_document,
    statements,
    statements_document,
)
from onderwijsregels.errors import (
    InvalidInputError,
    OnderwijsregelsError,
    UnknownRuleError,
)
from onderwijsregels.i18n import DEFAULT_LANGUAGE, LANGUAGES, gettext
from onderwijsregels.ledger import LAPSE_TO_SCHOOL_OF_ACCRUAL
from onderwijsregels.limits import MAX_BYTES, MAX_ROW_BYTES
from onderwijsregels.model import Employee
from onderwijsregels.money import format_eur
from onderwijsregels.periods import SchoolYear, check_year
from onderwijsregels.present.compare import comparison_csv, comparison_json, comparison_text
from onderwijsregels.present.csv import rows_to_csv as csv_text
from onderwijsregels.present.summary import board_summary
from onderwijsregels.present.text import evaluation_summary, table
from onderwijsregels.present.words import interpretation_words
from onderwijsregels.records import load_ledgers, load_records
from onderwijsregels.register_overview import register_overview, rows_to_csv, rows_to_text
from onderwijsregels.rulebook import Rulebook, load
from onderwijsregels.scaffold import new_edition
from onderwijsregels.scenarios import compare, parse_scenario_value, scenario
from onderwijsregels.statement import CSV_HEADER, lapses_per_school
from onderwijsregels.stream import evaluate_export, report_text
from onderwijsregels.version import library_version

__all__ = ["SKIPPED_ROWS", "main"]

SKIPPED_ROWS = 3
"""The exit code of ``evaluate EXPORT.csv --skip-invalid`` when rows were skipped: the good rows
were written, but not every row."""


def _flag_type(read: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type from a reader that raises InvalidInputError: its reason, as a usage error."""

    def checked(text: str) -> Any:
        try:
            return read(text)
        except InvalidInputError as error:
            raise argparse.ArgumentTypeError(error.reason) from None

    return checked


@_flag_type
def _day(text: str) -> date:
    return parse_day(text, "")


_YEAR = re.compile(r"[0-9]{4}", re.ASCII)


@_flag_type
def _year(text: str) -> int:
    if not _YEAR.fullmatch(text):
        raise InvalidInputError(
            "", f"{shown(text)} is not a year written as four digits, e.g. 2020"
        )
    return check_year(int(text), "")


@_flag_type
def _school_year(text: str) -> SchoolYear:
    return SchoolYear.parse(text, "")


_WHOLE = re.compile(r"[0-9]{1,18}", re.ASCII)


@_flag_type
def _bytes(text: str) -> int:
    if not _WHOLE.fullmatch(text) or int(text) < 1:
        raise InvalidInputError("", f"{shown(text)} is not a whole number of bytes from 1")
    return int(text)


@_flag_type
def _port(text: str) -> int:
    if not _WHOLE.fullmatch(text) or not 1 <= int(text) <= 65535:
        raise InvalidInputError("", f"{shown(text)} is not a port number from 1 to 65535")
    return int(text)


def _serve(rulebook: Rulebook, arguments: argparse.Namespace) -> int:
    """Run the web service until stopped; without the web extra, one line saying what to install."""
    try:
        from onderwijsregels.web.server import serve
    except ModuleNotFoundError as error:
        _say(
            f"onderwijsregels: serve needs the web extra ({error.name} is not installed): "
            "pip install 'onderwijsregels[web]'"
        )
        return 1
    serve(rulebook, host=arguments.host, port=arguments.port)
    return 0


def _max_bytes(command: argparse.ArgumentParser, *, exports: bool = False) -> None:
    streamed = (
        "; a .csv or .xlsx export is streamed and not bounded by it, each CSV field at most "
        f"{MAX_ROW_BYTES} bytes"
        if exports
        else ""
    )
    command.add_argument(
        "--max-bytes",
        type=_bytes,
        default=MAX_BYTES,
        metavar="N",
        help=f"read a file of at most N bytes (default {MAX_BYTES}{streamed}; see 'Limits and "
        "safety')",
    )


def _lang(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help=f"the language of the text output: nl (Dutch) or en (English); default "
        f"{DEFAULT_LANGUAGE}. JSON and CSV are the same in both",
    )


def _loading(command: argparse.ArgumentParser) -> None:
    """The flags every command has: what to load besides the installed plugins, and how."""
    command.add_argument(
        "--edition-file",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="also load this edition written as data (YAML or JSON); repeatable",
    )
    command.add_argument(
        "--strict",
        action="store_true",
        help="treat a plugin that implements no hook as broken, not as a warning",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="onderwijsregels",
        description="CAO PO and neighbouring regulations as executable, cited rules.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {library_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    editions = commands.add_parser("editions", help="list every family and edition")
    editions.add_argument("--format", choices=("text", "json"), default="text")
    _loading(editions)
    evaluate = commands.add_parser(
        "evaluate",
        help="evaluate the employees and schools in a file, or every row of a CSV export",
        description=(
            "Evaluate a board file (JSON or YAML: employees and schools) as text, JSON or "
            "explained step by step; or stream a CSV export (FILE.csv, one row per employee "
            "or per school; columns in the docs, 'Batch evaluation') to CSV, JSON or JSON "
            "Lines. A bad row stops the run before anything is written, unless --skip-invalid."
        ),
    )
    evaluate.add_argument(
        "file",
        type=Path,
        help="a JSON or YAML board file, or an export: CSV (.csv) or Excel (.xlsx, its first sheet)",
    )
    period = evaluate.add_mutually_exclusive_group(required=True)
    period.add_argument("--year", type=_year, help="a calendar year, e.g. 2020")
    period.add_argument("--on", type=_day, help="a day, e.g. 2020-05-01")
    period.add_argument("--school-year", type=_school_year, help="a school year, e.g. 2021-2022")
    evaluate.add_argument(
        "--format",
        choices=("text", "json", "explain", "csv", "jsonl"),
        help="board file: text (default), json or explain; CSV export: csv (default), json "
        "or jsonl",
    )
    evaluate.add_argument(
        "--rules",
        action="append",
        metavar="RULE[,RULE]",
        help="evaluate only these rules, e.g. individueel_budget (repeatable)",
    )
    evaluate.add_argument(
        "--summary",
        action="store_true",
        help="board file: one row per employee and school with the main values",
    )
    evaluate.add_argument("--output", type=Path, metavar="FILE", help="write to FILE, not stdout")
    evaluate.add_argument(
        "--skip-invalid",
        action="store_true",
        help="CSV export: write the good rows and report every bad row (on stderr, or --errors)",
    )
    evaluate.add_argument(
        "--errors", type=Path, metavar="FILE", help="with --skip-invalid: the error report file"
    )
    evaluate.add_argument(
        "--receipt",
        type=Path,
        metavar="FILE",
        help="CSV export: write the run's receipt (versions, editions, input hash) to FILE "
        "(--format json holds it too)",
    )
    evaluate.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="COLUMN",
        help="CSV export: copy this extra column to the output (repeatable)",
    )
    evaluate.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (one is shown on stderr for a CSV export when it is a terminal)",
    )
    _lang(evaluate)
    _max_bytes(evaluate, exports=True)
    _loading(evaluate)
    statement = commands.add_parser("statement", help="budget statements of the ledgers in a file")
    statement.add_argument("file", type=Path, help="a JSON or YAML file with one or more ledgers")
    statement.add_argument("--through", type=_year, required=True, help="the last calendar year")
    statement.add_argument(
        "--as-of", type=_day, help="a day in the last year, for a review during the year"
    )
    statement.add_argument("--format", choices=("text", "json", "csv"), default="text")
    _lang(statement)
    _max_bytes(statement)
    _loading(statement)
    registers = commands.add_parser("registers", help="the board view of the registers on a day")
    registers.add_argument("file", type=Path, help="a JSON or YAML file with employees")
    registers.add_argument("--on", type=_day, required=True, help="the day, e.g. 2025-01-01")
    registers.add_argument("--format", choices=("text", "json", "csv"), default="text")
    _lang(registers)
    _max_bytes(registers)
    _loading(registers)
    compared = commands.add_parser(
        "compare", help="compare a what-if scenario with the installed rules for a file"
    )
    compared.add_argument("file", type=Path, help="a JSON or YAML file of employees and/or schools")
    period = compared.add_mutually_exclusive_group(required=True)
    period.add_argument("--year", type=_year, help="a calendar year, e.g. 2027")
    period.add_argument("--on", type=_day, help="a day, e.g. 2027-05-01")
    period.add_argument("--school-year", type=_school_year, help="a school year, e.g. 2026-2027")
    compared.add_argument(
        "--set",
        dest="values",
        action="append",
        metavar="PARAMETER=VALUE",
        help="a value of the scenario, e.g. individueel_budget_op_oop=600 (repeat for more); "
        "without --set, the rules with the --edition-file editions are compared with those "
        "without them",
    )
    compared.add_argument(
        "--from", dest="from_", type=_day, help="with --set: the first day the values apply"
    )
    compared.add_argument(
        "--citation", help="with --set: where the values come from, e.g. 'our CAO book, p. 87'"
    )
    compared.add_argument(
        "--name", default="what-if", help="the scenario's name, lower kebab-case (default what-if)"
    )
    compared.add_argument("--all", action="store_true", help="text: list unchanged rules too")
    compared.add_argument("--format", choices=("text", "json", "csv"), default="text")
    _max_bytes(compared)
    _loading(compared)
    diff = commands.add_parser("diff", help="what changed between two editions")
    diff.add_argument("before", help="the earlier edition's id, e.g. cao-po-2022-2023")
    diff.add_argument("after", help="the later edition's id, e.g. cao-po-2023-2024")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    _loading(diff)
    edition = commands.add_parser("edition", help="work with one edition: export it as data")
    actions = edition.add_subparsers(dest="action", required=True)
    export = actions.add_parser(
        "export",
        help="write an installed edition as an edition file (YAML) on stdout",
        description=(
            "Write an installed edition as an edition file (YAML): its dates, citation and "
            "every dated value with its citation, deriving from the edition whose rules it "
            "reuses. Loading the file (--edition-file) gives the same results."
        ),
    )
    export.add_argument("edition", help="the edition's id, e.g. cao-po-2025-2027")
    export.add_argument(
        "--id",
        dest="new_id",
        metavar="ID",
        help="the id to write (default: the edition's own)",
    )
    export.add_argument(
        "--derives-from",
        metavar="BASE",
        help="the edition whose rules it reuses (default: the edition's base when it adds no "
        "rule of its own, else the edition itself)",
    )
    _loading(export)
    scaffold = commands.add_parser(
        "new-edition",
        help="scaffold a plugin package for a new edition, derived from an installed one",
        description=(
            "Write a separately installable plugin package, DIR/onderwijsregels-edition-ID/, "
            "that provides edition ID written as data: the edition file (deriving from --from, "
            "with its values, each marked TODO to replace with the new CAO's figure and "
            "citation), the hook module, pyproject.toml, tests that pass as written and a "
            "README with the next steps."
        ),
    )
    scaffold.add_argument(
        "--from",
        dest="base",
        required=True,
        metavar="BASE",
        help="the installed edition it derives from, e.g. cao-po-2025-2027",
    )
    scaffold.add_argument(
        "--id",
        dest="new_id",
        required=True,
        metavar="ID",
        help="the new edition's id, e.g. cao-po-2027-2028 (lower kebab-case)",
    )
    scaffold.add_argument(
        "--valid-from",
        type=_day,
        required=True,
        metavar="DAY",
        help="its first day, after the start of BASE, e.g. 2027-03-01",
    )
    scaffold.add_argument(
        "--valid-to", type=_day, metavar="DAY", help="its last day (default: open-ended)"
    )
    scaffold.add_argument("--title", help="its title (default: from the id, e.g. CAO PO 2027-2028)")
    scaffold.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="the directory to write the package in",
    )
    _loading(scaffold)
    serve = commands.add_parser(
        "serve",
        help="serve the HTTP API and the rekentool page (needs the web extra)",
        description=(
            "Serve the HTTP API (the JSON of the other commands; /openapi.json describes it) "
            "and the rekentool page at http://HOST:PORT/ until stopped with Ctrl-C. Needs the "
            "web extra: pip install 'onderwijsregels[web]'."
        ),
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)"
    )
    serve.add_argument(
        "--port", type=_port, default=8000, help="the port to listen on (default 8000)"
    )
    _loading(serve)
    return parser


def _editions(rulebook: Rulebook, form: str) -> str:
    document = editions_document(rulebook)
    rows, broken = document["editions"], document["broken"]
    if form == "json":
        return json.dumps(document, indent=2, ensure_ascii=False)
    listing = table(
        ["family", "edition", "valid from", "valid to", "applies from", "status", "provided by"],
        [
            [
                row["family"],
                row["id"],
                row["valid_from"],
                row["valid_to"] or "open",
                row["applies_from"],
                "provisional" if row["provisional"] else "",
                _provided_by(row),
            ]
            for row in rows
        ],
    )
    lines = [listing]
    if rulebook.warnings:
        lines += ["", "Warnings (loaded, but providing nothing; --strict makes them errors):"]
        lines += [f"  ? {item.name} ({item.source}): {item.message}" for item in rulebook.warnings]
    if not broken:
        return "\n".join(lines)
    lines += ["", "Broken plugins (not loaded; other commands refuse to run with them):"]
    for item in rulebook.broken:
        lines.append(f"  ! {item.name} ({item.source}): {item.error.problem}")
    healthy = ",".join(plugin.name for plugin in rulebook.plugins)
    lines.append(f"  Load only the others with ONDERWIJSREGELS_PLUGINS={healthy}")
    return "\n".join(lines)


def _provided_by(row: Mapping[str, Any]) -> str:
    """Who provides an edition, for the listing: the plugin and distribution, and any file."""
    if row["plugin"] is None:
        return f"file {row['source_file']}"
    text = (
        f"{row['plugin']} ({row['distribution']} {row['version']})"
        if row["distribution"]
        else str(row["plugin"])
    )
    if row["source_file"]:
        text += f", file {row['source_file']}"
    return text


def _rules(arguments: argparse.Namespace) -> list[str] | None:
    """The rule ids of ``--rules`` (repeatable, comma-separated), or ``None``."""
    if not arguments.rules:
        return None
    found = [name.strip() for given in arguments.rules for name in given.split(",")]
    if not all(found):
        raise InvalidInputError("--rules", "give rule ids separated by commas, without blanks")
    return found


_CSV_FORMATS = ("csv", "json", "jsonl")
_BOARD_FORMATS = ("text", "json", "explain")


def _check_evaluate_flags(arguments: argparse.Namespace, export: bool) -> str:
    """The output format, after checking that the flags fit the kind of file."""
    form = arguments.format or ("csv" if export else "text")
    if export:
        if form not in _CSV_FORMATS:
            raise InvalidInputError(
                "--format", f"a CSV export is written as csv, json or jsonl, not {form}"
            )
        if arguments.summary:
            raise InvalidInputError("--summary", "is for a board file (YAML or JSON)")
    else:
        if form not in _BOARD_FORMATS:
            raise InvalidInputError(
                "--format",
                f"{form} is for a CSV export (FILE.csv); a board file is written as text, json "
                "or explain",
            )
        for flag, given in (
            ("--skip-invalid", arguments.skip_invalid),
            ("--keep", arguments.keep),
            ("--receipt", arguments.receipt),
        ):
            if given:
                raise InvalidInputError(flag, "is for a CSV export (FILE.csv)")
        if arguments.summary and form != "text":
            raise InvalidInputError("--summary", f"is a text table; leave out --format {form}")
    if arguments.errors is not None and not arguments.skip_invalid:
        raise InvalidInputError("--errors", "is the report of --skip-invalid; give both")
    _refuse_overwriting(arguments)
    if arguments.output is None:
        _refuse_stdout_clash(arguments)
    return form


def _refuse_overwriting(arguments: argparse.Namespace) -> None:
    """Refuse a file to write that is the file read, or another file to write: the run would
    replace the export with its results (or one output with another)."""
    written: list[tuple[str, Path]] = [
        (flag, path)
        for flag, path in (
            ("--output", getattr(arguments, "output", None)),
            ("--errors", getattr(arguments, "errors", None)),
            ("--receipt", getattr(arguments, "receipt", None)),
        )
        if path is not None
    ]
    read = _files_read(arguments)
    for at, (flag, path) in enumerate(written):
        if any(_same_file(path, source) for source in read):
            raise InvalidInputError(
                flag, f"{str(path)!r} is a file read; write the results to another file"
            )
        for other, other_path in written[:at]:
            if _same_file(path, other_path):
                raise InvalidInputError(flag, f"{str(path)!r} is the file of {other} as well")


def _files_read(arguments: argparse.Namespace) -> list[Path]:
    """The files a run reads: the one it evaluates and its edition files."""
    return [arguments.file, *map(Path, getattr(arguments, "edition_file", None) or ())]


def _same_file(one: Path, other: Path) -> bool:
    """Whether two paths name one file (the same path, or links to one file)."""
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):  # one of them does not exist (yet)
        return one.resolve() == other.resolve()


def _evaluate_export(rulebook: Rulebook, arguments: argparse.Namespace) -> int:
    """Stream a CSV export through the batch (see :mod:`onderwijsregels.stream`)."""
    form = _check_evaluate_flags(arguments, export=True)
    progress = _progress_bar() if not arguments.no_progress else None
    target: Path | None = arguments.output
    partial = target.with_name(f".{target.name}.partial") if target is not None else None
    try:
        out: TextIO = partial.open("w", encoding="utf-8", newline="") if partial else sys.stdout
    except OSError as error:
        raise InvalidInputError(
            "--output", f"cannot write {str(target)!r}: {error.strerror or error}"
        ) from None
    # stdout redirected to a file (`> out.csv`, `>> out.csv`) can be cut back to where it was,
    # as a .partial file can be removed: then the export is read once, too
    rewind = _rewind_point(out) if partial is None else None

    def discard() -> None:
        """What the run wrote is no result: the .partial file removed, stdout cut back."""
        if partial is not None:
            with contextlib.suppress(OSError, ValueError):  # a full disk fails the last flush
                out.close()
            partial.unlink(missing_ok=True)
        if rewind is not None:
            _cut_back(out, rewind)

    with _terminated_as_interrupted():
        try:
            options: dict[str, Any] = {"progress": progress} if progress else {}
            report = evaluate_export(
                rulebook,
                arguments.file,
                out,
                year=arguments.year,
                on=arguments.on,
                school_year=arguments.school_year,
                rules=_rules(arguments),
                keep=arguments.keep,
                form=form,  # type: ignore[arg-type]  # checked above
                skip_invalid=arguments.skip_invalid,
                # what is written can be taken back on a refusal: write while checking
                one_pass=partial is not None or rewind is not None,
                **options,
            )
            out.flush()
        except OSError as error:  # a full disk, a closed pipe
            discard()
            _silence_stdout()
            _cannot_write(error)
            return 1
        except BaseException:
            discard()
            raise
    if partial is not None and target is not None:
        out.close()
        partial.replace(target)
    if arguments.receipt is not None:
        try:
            arguments.receipt.write_text(
                json.dumps(report.receipt.to_dict(), indent=2, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )
        except OSError as error:
            _say(f"onderwijsregels: cannot write {arguments.receipt}: {error.strerror or error}")
            return 1
    for family, edition, last_day, day in report.nawerking:
        _say(
            f"onderwijsregels: {family}: {edition} ended on {last_day.isoformat()}; on "
            f"{day.isoformat()} its terms still apply (nawerking) until a new agreement, which "
            "may change these values"
        )
    for scale, many, note in report.noted_scales:
        rows = "row" if many == 1 else "rows"
        _say(f"onderwijsregels: scale {scale}: {many} {rows} written with this note: {note}")
    for rule_id, many, first in report.not_encoded:
        _say(
            f"onderwijsregels: {rule_id}: not encoded for {many} of {report.written} rows "
            f"written, the first with index {first} (our sources give no figure for them; the "
            f"reason is in column {rule_id}.reason)"
        )
    if arguments.errors is not None:  # written on every run: no report of an earlier one stays
        try:
            arguments.errors.write_text(
                report_text(report) + "\n" if report.skipped else "", encoding="utf-8"
            )
        except OSError as error:
            _say(f"onderwijsregels: cannot write {arguments.errors}: {error.strerror or error}")
            return 1
    if report.skipped:
        text = report_text(report)
        if arguments.errors is None:
            for line in text.splitlines():
                _say(f"onderwijsregels: skipped {line}")
        _say(
            f"onderwijsregels: {report.written} of {report.rows} rows written; "
            f"{report.rows - report.written} skipped"
            + (f" (listed in {arguments.errors})" if arguments.errors else "")
        )
        return SKIPPED_ROWS
    return 0


def _rewind_point(out: TextIO) -> int | None:
    """Where the run's output starts in ``out``, when ``out`` is a regular file (stdout
    redirected to a file) the run only adds to, so cutting it back there restores it: the end
    of the file, for ``>`` (empty) and ``>>`` (appending: the descriptor's position says 0
    until the first write). ``None`` for a pipe, a terminal, a stream without a descriptor,
    and a file opened for writing in its middle (``1<> file``): those are read twice."""
    if sys.platform == "win32":  # no way to tell an appending descriptor here: read twice
        return None
    try:
        out.flush()
        descriptor = out.fileno()
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            return None
        if fcntl.fcntl(descriptor, fcntl.F_GETFL) & os.O_APPEND:
            return status.st_size
        at = os.lseek(descriptor, 0, os.SEEK_CUR)
        return at if at == status.st_size else None
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is an OSError
        return None


def _refuse_stdout_clash(arguments: argparse.Namespace) -> None:
    """Refuse stdout redirected to a file the run reads or writes otherwise (the export, an
    edition file, ``--errors``, ``--receipt``): the results would go into it, or be lost."""
    stdout = sys.stdout
    if stdout is None:  # closed (`>&-`)
        raise InvalidInputError("stdout", "is closed; give --output FILE for the results")
    try:
        status = os.fstat(stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no descriptor: nothing to compare
        return
    if not stat.S_ISREG(status.st_mode):
        return
    others = [*_files_read(arguments)]
    others += [
        path
        for path in (getattr(arguments, "errors", None), getattr(arguments, "receipt", None))
        if path is not None
    ]
    for path in others:
        try:
            same = os.path.samestat(status, os.stat(path))
        except OSError:  # not there (yet): not the file stdout goes to
            continue
        if same:
            raise InvalidInputError(
                "stdout",
                f"is redirected to {str(path)!r}, a file the run reads or writes; send the "
                "results to another file",
            )


def _cut_back(out: TextIO, point: int) -> None:
    """Cut the file behind ``out`` back to ``point`` (see :func:`_rewind_point`): what a refused
    or stopped run wrote there is gone, as a removed .partial file is."""
    with contextlib.suppress(OSError, ValueError):  # a full disk: the rest is dropped below
        out.flush()
    try:
        descriptor = out.fileno()
        os.ftruncate(descriptor, point)
        os.lseek(descriptor, point, os.SEEK_SET)
    except (OSError, ValueError):  # pragma: no cover - the file went away under us
        pass


@contextlib.contextmanager
def _terminated_as_interrupted() -> Iterator[None]:
    """While an export is written: SIGTERM (a scheduler or ``kill`` stopping the run) ends it
    as Ctrl-C does, so the file written under a temporary name is removed, not left behind.
    Nothing changes outside the main thread (where Python cannot set a signal handler)."""
    try:
        previous = signal.signal(signal.SIGTERM, _interrupt)
    except (ValueError, OSError, AttributeError):  # not the main thread; no SIGTERM here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the run is, so it ends as an interrupted one (exit code 143)."""


def _interrupt(_signal: int, _frame: object) -> None:
    raise _Terminated


def _progress_bar() -> Any:
    """A tqdm progress bar on stderr when it is a terminal and tqdm is installed; else None."""
    if not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None

    def bar(items: Any, label: str, total: int | None) -> Any:
        # `total` may be an estimate (the lines of a file read once): the bar ends at the rows
        # there were, so it never shows rows as missing
        with tqdm(desc=label, total=total, unit=" rows", file=sys.stderr, mininterval=0.5) as shown:
            for item in items:
                yield item
                shown.update()
            if shown.total != shown.n:
                shown.total = shown.n
                shown.refresh()

    return bar


def _evaluate(rulebook: Rulebook, arguments: argparse.Namespace) -> str:
    form = _check_evaluate_flags(arguments, export=False)
    problems: list[tuple[str, str]] = []  # reading and evaluating, reported together
    records = load_records(arguments.file, max_bytes=arguments.max_bytes, problems=problems)
    try:
        results = evaluate_records(
            rulebook,
            records,
            year=arguments.year,
            on=arguments.on,
            school_year=arguments.school_year,
            rules=_rules(arguments),
            problems=problems,
        )
    except InvalidInputError as error:  # the API's `rules[0]` is the flag here
        if not error.field.startswith("rules"):
            raise
        raise InvalidInputError.many([("--rules", why) for _, why in error.problems]) from None
    if form == "json":
        return json.dumps(evaluation_document(results), indent=2, ensure_ascii=False)
    if form == "explain":
        return "\n\n".join(f"== {where}\n{ev.explain(arguments.lang)}" for where, ev in results)
    if arguments.summary:
        return board_summary(results, arguments.lang)
    return "\n\n".join(evaluation_summary(where, ev, arguments.lang) for where, ev in results)


def _compare(rulebook: Rulebook, arguments: argparse.Namespace) -> str:
    if not arguments.values:
        # `compare FILE --edition-file reform.yaml`: the installed rules against the same rules
        # with the edition files added.
        if not arguments.edition_file:
            raise InvalidInputError(
                "--set",
                "give the scenario's values with --set (and --from, --citation), or an "
                "edition to compare with the installed rules with --edition-file",
            )
        baseline = load(broken="collect", strict=arguments.strict)
        baseline.check_healthy()
        what_if = rulebook
    else:
        missing = [
            flag
            for flag, given in (("--from", arguments.from_), ("--citation", arguments.citation))
            if given is None
        ]
        if missing:
            raise InvalidInputError(missing[0], "is needed with --set")
        baseline = rulebook
        values: dict[str, object] = {}
        for item in arguments.values:
            parameter, equals, text = item.partition("=")
            if not equals:
                raise InvalidInputError("--set", f"{shown(item)} is not PARAMETER=VALUE")
            try:
                values[parameter.strip()] = parse_scenario_value(rulebook, parameter.strip(), text)
            except InvalidInputError as error:  # the API's `values.X` is the flag here
                raise InvalidInputError("--set", f"{shown(item)}: {error.reason}") from None
        what_if = scenario(
            rulebook,
            arguments.name,
            values=values,
            from_=arguments.from_,
            citation=arguments.citation,
        )
    rulebook = baseline
    records = load_records(arguments.file, max_bytes=arguments.max_bytes)
    comparison = compare(
        rulebook,
        what_if,
        [record.subject for record in records],
        year=arguments.year,
        on=arguments.on,
        school_year=arguments.school_year,
    )
    if arguments.format == "json":
        return json.dumps(comparison_json(comparison), indent=2, ensure_ascii=False)
    if arguments.format == "csv":
        return comparison_csv(comparison)
    return comparison_text(comparison, all_rules=arguments.all)


def _statements(rulebook: Rulebook, arguments: argparse.Namespace) -> str:
    ledgers = load_ledgers(arguments.file, max_bytes=arguments.max_bytes)
    found = statements(rulebook, ledgers, through=arguments.through, as_of=arguments.as_of)
    if arguments.format == "json":
        return json.dumps(statements_document(found), indent=2, ensure_ascii=False)
    if arguments.format == "csv":
        return csv_text(
            ("ledger", *CSV_HEADER),
            (
                [item.name or f"ledgers[{index}]", *row]
                for index, item in enumerate(found)
                for row in item.csv_rows()
            ),
        )
    lang = arguments.lang
    summary = table(
        [
            gettext("school", lang),
            gettext("year", lang),
            gettext("lapsed to the general training budget", lang),
        ],
        [
            [item.school or gettext("(no school)", lang), str(item.year), format_eur(item.amount)]
            for item in lapses_per_school(found)
        ],
    )
    heading = gettext("Board: lapsed per school and year", lang)
    reading = interpretation_words(LAPSE_TO_SCHOOL_OF_ACCRUAL, lang)
    board = f"{heading}\n{summary}\n  * {reading}"
    return "\n\n".join([*(item.to_text(lang) for item in found), board])


def _registers(rulebook: Rulebook, arguments: argparse.Namespace) -> str:
    records = load_records(arguments.file, max_bytes=arguments.max_bytes)
    if arguments.format == "json":
        document = registers_document(rulebook, records, arguments.on)
        return json.dumps(document, indent=2, ensure_ascii=False)
    employees = [
        (record.where, record.subject) for record in records if isinstance(record.subject, Employee)
    ]
    rows = register_overview(rulebook, employees, arguments.on)
    if arguments.format == "csv":
        return rows_to_csv(rows)
    return rows_to_text(rows, arguments.on, arguments.lang)


def _command(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    found = next(
        action.choices[name]
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    assert isinstance(found, argparse.ArgumentParser)
    return found


def _say(line: str, stream: TextIO | None = None) -> None:
    """Write one line to stderr (or ``stream``), replacing what its encoding cannot show."""
    stream = stream if stream is not None else sys.stderr
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        stream.write(line.encode(encoding, errors="replace").decode(encoding) + "\n")
        stream.flush()
    except (OSError, LookupError, ValueError):  # stderr gone too: nothing left to tell
        pass


def _write(output: str, path: Path | None = None) -> int:
    """Write ``output`` to stdout (or ``path``); 0, or 1 with one line on stderr when it cannot
    be written."""
    if path is not None:
        try:
            path.write_text(output + "\n", encoding="utf-8")
        except OSError as error:
            _say(f"onderwijsregels: cannot write {path}: {error.strerror or error}")
            return 1
        return 0
    stream = sys.stdout
    if stream is None:  # closed (`>&-`)
        _say("onderwijsregels: cannot write the output: stdout is closed")
        return 1
    encoding = getattr(stream, "encoding", None) or "utf-8"
    replaced = False
    try:
        output.encode(encoding)
    except UnicodeEncodeError:
        output = output.encode(encoding, errors="replace").decode(encoding)
        replaced = True
    except LookupError:  # pragma: no cover - an encoding Python does not know
        pass
    try:
        stream.write(output + "\n")
        stream.flush()
    except OSError as error:  # a full disk (ENOSPC), a closed pipe (EPIPE), ...
        _silence_stdout()
        _cannot_write(error)
        return 1
    if replaced:
        _say(
            f"onderwijsregels: note: the output holds characters that {encoding} cannot show; "
            "they are written as '?'. Set PYTHONIOENCODING=utf-8 to see them."
        )
    return 0


def _cannot_write(error: OSError) -> None:
    """Say why the output could not be written; nothing for a reader that went away (``| head``
    reads what it wants and closes the pipe, as it would for ``cat``), which still exits 1."""
    if not isinstance(error, BrokenPipeError):
        _say(f"onderwijsregels: cannot write the output: {error.strerror or error}")


def _silence_stdout() -> None:
    """Point stdout at the null device, so Python's final flush does not fail a second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (e.g. in tests)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Interrupted (Ctrl-C), it says so in one line and returns 130, as a shell reports an
    interrupted command; stopped with SIGTERM while it writes an export, 143. A file it was
    writing under a temporary name is removed either way.
    """
    try:
        return _main(argv)
    except _Terminated:
        _say("onderwijsregels: terminated")
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        _say("onderwijsregels: interrupted")
        return 130


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    as_of = getattr(arguments, "as_of", None)
    if as_of is not None and as_of.year != arguments.through:
        _command(parser, "statement").error(
            f"argument --as-of: must be a day in {arguments.through} (the year of --through), "
            f"got {as_of.isoformat()}"
        )
    try:  # `editions` lists broken plugins; the rest refuse
        rulebook = load(
            broken="collect", edition_files=arguments.edition_file, strict=arguments.strict
        )
    except OnderwijsregelsError as error:  # an edition file that does not fit, say
        for line in error.lines():
            _say(f"onderwijsregels: {line}")
        return error.exit_code
    try:
        if arguments.command != "editions":
            rulebook.check_healthy()
        if arguments.command == "serve":
            return _serve(rulebook, arguments)
        if arguments.command == "editions":
            output = _editions(rulebook, arguments.format)
        elif arguments.command == "statement":
            output = _statements(rulebook, arguments)
        elif arguments.command == "registers":
            output = _registers(rulebook, arguments)
        elif arguments.command == "compare":
            output = _compare(rulebook, arguments)
        elif arguments.command == "edition":
            output = rulebook.export_edition(
                arguments.edition, id=arguments.new_id, derives_from=arguments.derives_from
            ).rstrip("\n")
        elif arguments.command == "new-edition":
            output = new_edition(
                rulebook,
                base=arguments.base,
                id=arguments.new_id,
                valid_from=arguments.valid_from,
                valid_to=arguments.valid_to,
                title=arguments.title,
                out=arguments.out,
            ).summary()
        elif arguments.command == "diff":
            difference = rulebook.diff(arguments.before, arguments.after)
            output = (
                json.dumps(difference.to_dict(), indent=2, ensure_ascii=False)
                if arguments.format == "json"
                else difference.to_text()
            )
        elif arguments.file.suffix.lower() in (".csv", ".xlsx"):
            return _evaluate_export(rulebook, arguments)
        else:
            output = _evaluate(rulebook, arguments)
    except OnderwijsregelsError as caught:  # every error maps itself: lines and exit code
        failure: OnderwijsregelsError = caught
        field = getattr(failure, "field", None)
        if (
            isinstance(failure, InvalidInputError)
            and isinstance(field, str)
            and field.split("[")[0] == "rules"
            and getattr(arguments, "rules", None)
        ):  # the API's `rules` is the flag here, whatever the file
            failure = InvalidInputError.many([("--rules", why) for _, why in failure.problems])
            field = "--rules"
        # An error about the file names it; one about a flag (--set, --from) names the flag only.
        about_a_flag = isinstance(field, str) and field.startswith("--")
        file = getattr(arguments, "file", None)
        where = f"{file}: " if file and not about_a_flag else ""
        if isinstance(failure, UnknownRuleError) and getattr(arguments, "rules", None):
            where = "--rules: "  # the rule asked for, not the file, is unknown
        for line in failure.lines(where):
            _say(f"onderwijsregels: {line}")
        return failure.exit_code
    return _write(output, getattr(arguments, "output", None))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


HELP_WIDTH = 100
"""The width ``--help`` is rendered at in the docs (so the pages do not depend on a terminal)."""


def help_text(command: str | None = None) -> str:
    """The ``--help`` text of the command line or of one command, at :data:`HELP_WIDTH` columns.

    ``docs/cli.md`` shows these texts; ``tests/test_docs.py`` checks that they match.

    ``command`` may name a command of a command: ``"edition export"``.

    >>> help_text("diff").splitlines()[0]
    'usage: onderwijsregels diff [-h] [--format {text,json}] [--edition-file FILE] [--strict]'
    """
    parser = _parser()
    for name in (command or "").split():
        parser = _command(parser, name)
    parser.formatter_class = functools.partial(argparse.HelpFormatter, width=HELP_WIDTH)
    return parser.format_help()
