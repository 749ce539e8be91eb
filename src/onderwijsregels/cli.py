"""The command line: ``onderwijsregels editions``, ``evaluate``, ``statement``, ``registers``, ``diff``.

Exit codes: 0 success; 2 bad input (a file, record or field that does not
fit, or a period no edition covers); 1 any other library error, such as a
broken plugin.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from onderwijsregels.convert import unstructure
from onderwijsregels.errors import (
    InvalidInputError,
    NotEncodedError,
    OnderwijsregelsError,
    OverspendingError,
)
from onderwijsregels.evaluate import Evaluation
from onderwijsregels.ledger import LAPSE_TO_SCHOOL_OF_ACCRUAL
from onderwijsregels.model import Employee
from onderwijsregels.money import format_eur
from onderwijsregels.plan import RecordError
from onderwijsregels.present.csv import rows_to_csv as csv_text
from onderwijsregels.present.text import evaluation_summary, table
from onderwijsregels.records import load_ledgers, load_records
from onderwijsregels.register_overview import register_overview, rows_to_csv, rows_to_text
from onderwijsregels.rulebook import Rulebook, load
from onderwijsregels.statement import CSV_HEADER, lapses_per_school

__all__ = ["main"]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written as YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="onderwijsregels",
        description="CAO PO and neighbouring regulations as executable, cited rules.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    editions = commands.add_parser("editions", help="list every family and edition")
    editions.add_argument("--format", choices=("text", "json"), default="text")
    evaluate = commands.add_parser("evaluate", help="evaluate the employees and schools in a file")
    evaluate.add_argument("file", type=Path, help="a JSON or YAML file of employees and/or schools")
    period = evaluate.add_mutually_exclusive_group(required=True)
    period.add_argument("--year", type=int, help="a calendar year, e.g. 2020")
    period.add_argument("--on", type=_day, help="a day, e.g. 2020-05-01")
    period.add_argument("--school-year", help="a school year, e.g. 2021-2022")
    evaluate.add_argument("--format", choices=("text", "json", "explain"), default="text")
    statement = commands.add_parser("statement", help="budget statements of the ledgers in a file")
    statement.add_argument("file", type=Path, help="a JSON or YAML file with one or more ledgers")
    statement.add_argument("--through", type=int, required=True, help="the last calendar year")
    statement.add_argument(
        "--as-of", type=_day, help="a day in the last year, for a review during the year"
    )
    statement.add_argument("--format", choices=("text", "json", "csv"), default="text")
    registers = commands.add_parser("registers", help="the board view of the registers on a day")
    registers.add_argument("file", type=Path, help="a JSON or YAML file with employees")
    registers.add_argument("--on", type=_day, required=True, help="the day, e.g. 2025-01-01")
    registers.add_argument("--format", choices=("text", "json", "csv"), default="text")
    diff = commands.add_parser("diff", help="what changed between two editions")
    diff.add_argument("before", help="the earlier edition's id, e.g. cao-po-2022-2023")
    diff.add_argument("after", help="the later edition's id, e.g. cao-po-2023-2024")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _editions(rulebook: Rulebook, form: str) -> str:
    rows: list[dict[str, Any]] = []
    for family in rulebook.families():
        for edition in rulebook.editions(family):
            plugin = rulebook.provider(edition.id)
            rows.append(
                {
                    **unstructure(edition),
                    "plugin": plugin.name,
                    "distribution": plugin.distribution,
                    "version": plugin.version,
                }
            )
    if form == "json":
        return json.dumps({"editions": rows}, indent=2, ensure_ascii=False)
    return table(
        ["family", "edition", "valid from", "valid to", "applies from", "status", "provided by"],
        [
            [
                row["family"],
                row["id"],
                row["valid_from"],
                row["valid_to"] or "open",
                row["applies_from"],
                "provisional" if row["provisional"] else "",
                f"{row['plugin']} ({row['distribution']} {row['version']})"
                if row["distribution"]
                else row["plugin"],
            ]
            for row in rows
        ],
    )


def _evaluate(rulebook: Rulebook, arguments: argparse.Namespace) -> str:
    records = load_records(arguments.file)
    outcomes = rulebook.run(
        (record.subject for record in records),
        year=arguments.year,
        on=arguments.on,
        school_year=arguments.school_year,
    )
    results: list[tuple[str, Evaluation]] = []
    problems: list[tuple[str, str]] = []
    for record, outcome in zip(records, outcomes, strict=True):
        if isinstance(outcome, RecordError):
            problems += [
                (f"{record.where}.{name}" if name else record.where, why)
                for name, why in outcome.problems
            ]
        else:
            results.append((record.where, outcome))
    if problems:  # every bad record at once; the good ones are not printed half-way
        raise InvalidInputError.many(problems)
    if arguments.format == "json":
        document = {"results": [{"record": where, **ev.to_dict()} for where, ev in results]}
        return json.dumps(document, indent=2, ensure_ascii=False)
    if arguments.format == "explain":
        return "\n\n".join(f"== {where}\n{ev.explain()}" for where, ev in results)
    return "\n\n".join(evaluation_summary(where, ev) for where, ev in results)


def _statements(rulebook: Rulebook, arguments: argparse.Namespace) -> str:
    ledgers = load_ledgers(arguments.file)
    statements = []
    for index, ledger in enumerate(ledgers):
        try:
            statements.append(
                ledger.statement(rulebook, through=arguments.through, as_of=arguments.as_of)
            )
        except OverspendingError as error:
            who = f"ledgers[{index}]" + (f" ({ledger.name})" if ledger.name else "")
            raise InvalidInputError(f"{who}.spendings", str(error)) from None
        except NotEncodedError as error:
            who = f"ledgers[{index}]" + (f" ({ledger.name})" if ledger.name else "")
            raise NotEncodedError(
                f"{who}: {error.fact}", error.why, parameter=error.parameter
            ) from None
    lapses = lapses_per_school(statements)
    if arguments.format == "json":
        document = {
            "statements": [item.to_dict() for item in statements],
            "board_lapses": [
                {"school": item.school, "year": item.year, "amount": str(item.amount)}
                for item in lapses
            ],
            "board_lapses_interpretation": LAPSE_TO_SCHOOL_OF_ACCRUAL.to_dict(),
        }
        return json.dumps(document, indent=2, ensure_ascii=False)
    if arguments.format == "csv":
        return csv_text(
            ("ledger", *CSV_HEADER),
            (
                [item.name or f"ledgers[{index}]", *row]
                for index, item in enumerate(statements)
                for row in item.csv_rows()
            ),
        )
    summary = table(
        ["school", "year", "lapsed to the general training budget"],
        [
            [item.school or "(no school)", str(item.year), format_eur(item.amount)]
            for item in lapses
        ],
    )
    board = f"Board: lapsed per school and year\n{summary}\n  * {LAPSE_TO_SCHOOL_OF_ACCRUAL.label}"
    return "\n\n".join([*(item.to_text() for item in statements), board])


def _registers(rulebook: Rulebook, arguments: argparse.Namespace) -> str:
    employees = [
        (record.where, record.subject)
        for record in load_records(arguments.file)
        if isinstance(record.subject, Employee)
    ]
    rows = register_overview(rulebook, employees, arguments.on)
    if arguments.format == "json":
        document = {"on": arguments.on.isoformat(), "employees": [row.to_dict() for row in rows]}
        return json.dumps(document, indent=2, ensure_ascii=False)
    if arguments.format == "csv":
        return rows_to_csv(rows)
    return rows_to_text(rows, arguments.on)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = _parser().parse_args(argv)
    try:
        rulebook = load()
        if arguments.command == "editions":
            output = _editions(rulebook, arguments.format)
        elif arguments.command == "statement":
            output = _statements(rulebook, arguments)
        elif arguments.command == "registers":
            output = _registers(rulebook, arguments)
        elif arguments.command == "diff":
            difference = rulebook.diff(arguments.before, arguments.after)
            output = (
                json.dumps(difference.to_dict(), indent=2, ensure_ascii=False)
                if arguments.format == "json"
                else difference.to_text()
            )
        else:
            output = _evaluate(rulebook, arguments)
    except OnderwijsregelsError as error:  # every error maps itself: lines and exit code
        where = f"{arguments.file}: " if getattr(arguments, "file", None) else ""
        for line in error.lines(where):
            print(f"onderwijsregels: {line}", file=sys.stderr)
        return error.exit_code
    try:
        print(output)
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early; that is fine
        sys.stderr.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


HELP_WIDTH = 100
"""The width ``--help`` is rendered at in the docs (so the pages do not depend on a terminal)."""


def help_text(command: str | None = None) -> str:
    """The ``--help`` text of the command line or of one command, at :data:`HELP_WIDTH` columns.

    ``docs/cli.md`` shows these texts; ``tests/test_docs.py`` checks that they match.

    >>> help_text("diff").splitlines()[0]
    'usage: onderwijsregels diff [-h] [--format {text,json}] before after'
    """
    parser = _parser()
    if command is not None:
        found = next(
            action.choices[command]
            for action in parser._actions
            if isinstance(action, argparse._SubParsersAction)
        )
        assert isinstance(found, argparse.ArgumentParser)
        parser = found
    parser.formatter_class = functools.partial(argparse.HelpFormatter, width=HELP_WIDTH)
    return parser.format_help()
