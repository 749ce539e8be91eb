"""The JSON documents the commands answer with, built once for every front end.

``onderwijsregels editions``, ``evaluate``, ``statement`` and ``registers`` with
``--format json`` print these documents, and the web service
(:mod:`onderwijsregels.web`) answers with the very same ones, so the two cannot
drift apart. Every value in them comes from the model's own ``to_dict()`` (the
converter's unstructure hooks); this module only puts them together.

>>> import onderwijsregels as owr
>>> from onderwijsregels.records import parse_records
>>> rb = owr.load()
>>> records = parse_records({"employees": [{"function": "leraar", "werktijdfactor": "0.6"}]})
>>> document = evaluation_document(evaluate_records(rb, records, year=2020))
>>> document["results"][0]["record"], document["results"][0]["outcomes"]["individueel_budget"]["value"]
('employees[0]', '360.00')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from onderwijsregels.convert import unstructure
from onderwijsregels.errors import (
    InvalidInputError,
    NoEditionError,
    NotEncodedError,
    OverspendingError,
    UnknownEditionError,
)
from onderwijsregels.evaluate import Evaluation
from onderwijsregels.ledger import LAPSE_TO_SCHOOL_OF_ACCRUAL, Ledger
from onderwijsregels.model import Employee
from onderwijsregels.periods import SchoolYear
from onderwijsregels.plan import RecordError
from onderwijsregels.records import Record
from onderwijsregels.register_overview import register_overview
from onderwijsregels.rulebook import Rulebook
from onderwijsregels.statement import Statement, lapses_per_school

__all__ = [
    "editions_document",
    "evaluate_records",
    "evaluation_document",
    "registers_document",
    "statements",
    "statements_document",
]


def editions_document(rulebook: Rulebook) -> dict[str, Any]:
    """Every installed edition with the plugin providing it, and any broken plugin or warning.

    >>> import onderwijsregels as owr
    >>> rows = editions_document(owr.load())["editions"]
    >>> [row["title"] for row in rows if row["id"] == "cao-po-2019-2020"]
    ['CAO PO 2019-2020']
    """
    rows: list[dict[str, Any]] = []
    providers = {edition: plugin for plugin in rulebook.plugins for edition in plugin.editions}
    for family in rulebook.families():
        for edition in rulebook.editions(family):
            plugin = providers.get(edition.id)
            rows.append(
                {
                    **unstructure(edition),
                    "plugin": plugin.name if plugin else None,
                    "distribution": plugin.distribution if plugin else None,
                    "version": plugin.version if plugin else None,
                }
            )
    broken = [
        {
            "plugin": item.name,
            "distribution": item.distribution,
            "version": item.version,
            "error": item.error.problem,
        }
        for item in rulebook.broken
    ]
    warnings = [
        {
            "plugin": item.name,
            "distribution": item.distribution,
            "version": item.version,
            "warning": item.message,
        }
        for item in rulebook.warnings
    ]
    return {"editions": rows, "broken": broken, "warnings": warnings}


def evaluate_records(
    rulebook: Rulebook,
    records: Sequence[Record],
    *,
    year: int | None = None,
    on: date | None = None,
    school_year: SchoolYear | str | None = None,
    families: Sequence[str] | None = None,
    rules: Sequence[str] | None = None,
    problems: Sequence[tuple[str, str]] = (),
) -> list[tuple[str, Evaluation]]:
    """Each record's evaluation in one period, with where the record stood.

    ``problems`` are those already found while reading; they are reported together with the
    records that cannot be evaluated, in one InvalidInputError naming each record, so no
    half-answer is given. A problem of the period itself (no edition on that day) is named once
    for all the records it concerns. ``rules`` limits the rules, as for ``Rulebook.run``.
    """
    found = list(problems)
    if rules is not None:  # a problem of the question, not of a record: said once
        known = rulebook.rule_ids()
        unknown = [
            (f"rules[{index}]", f"no rule {item!r}; known rules: {', '.join(known)}")
            for index, item in enumerate(rules)
            if item not in known
        ]
        if unknown:
            raise InvalidInputError.many(unknown)
    for kind in {type(record.subject) for record in records}:  # the question's own problems
        try:
            rulebook.plan(
                kind, year=year, on=on, school_year=school_year, families=families, rules=rules
            )
        except NoEditionError:
            pass  # named below with the records it concerns, as every record's problem
        except UnknownEditionError as error:  # a family no plugin provides
            where = list(families or []).index(error.name) if error.name in (families or []) else 0
            raise InvalidInputError(f"families[{where}]", str(error)) from None
    outcomes = rulebook.run(
        (record.subject for record in records),
        year=year,
        on=on,
        school_year=school_year,
        families=families,
        rules=rules,
    )
    results: list[tuple[str, Evaluation]] = []
    shared: dict[str, list[str]] = {}  # a problem of the period, not of one record
    for record, outcome in zip(records, outcomes, strict=True):
        if not isinstance(outcome, RecordError):
            results.append((record.where, outcome))
        elif not isinstance(outcome.error, InvalidInputError):
            shared.setdefault(str(outcome.error), []).append(record.where)
        else:
            found += [
                (f"{record.where}.{name}" if name else record.where, why)
                for name, why in outcome.problems
            ]
    for why, wheres in shared.items():
        many = f" and {len(wheres) - 1} more records" if len(wheres) > 1 else ""
        found.append((f"{wheres[0]}{many}", why))
    if found:
        raise InvalidInputError.many(found)
    return results


def evaluation_document(results: Sequence[tuple[str, Evaluation]]) -> dict[str, Any]:
    """``{"results": [...]}``: per record where it stood and its evaluation's ``to_dict()``."""
    return {"results": [{"record": where, **ev.to_dict()} for where, ev in results]}


def statements(
    rulebook: Rulebook,
    ledgers: Sequence[Ledger],
    *,
    through: int,
    as_of: date | None = None,
    through_field: str = "--through",
) -> list[Statement]:
    """The statement of each ledger through a year; an error names the ledger it concerns.

    A ``through`` that does not suit a ledger is blamed on ``through_field`` (the flag on the
    command line, the field in a request).
    """
    found = []
    for index, ledger in enumerate(ledgers):
        who = f"ledgers[{index}]" + (f" ({ledger.name})" if ledger.name else "")
        try:
            found.append(ledger.statement(rulebook, through=through, as_of=as_of))
        except OverspendingError as error:
            raise InvalidInputError(f"{who}.spendings", str(error)) from None
        except InvalidInputError as error:
            if error.field != "through":
                raise
            raise InvalidInputError(f"{who}: {through_field}", error.reason) from None
        except NotEncodedError as error:
            raise NotEncodedError(
                f"{who}: {error.fact}", error.why, parameter=error.parameter
            ) from None
    return found


def statements_document(found: Sequence[Statement]) -> dict[str, Any]:
    """The statements, what lapsed per school and year, and the reading that assigns it."""
    return {
        "statements": [item.to_dict() for item in found],
        "board_lapses": [
            {"school": item.school, "year": item.year, "amount": str(item.amount)}
            for item in lapses_per_school(found)
        ],
        "board_lapses_interpretation": LAPSE_TO_SCHOOL_OF_ACCRUAL.to_dict(),
    }


def registers_document(rulebook: Rulebook, records: Sequence[Record], on: date) -> dict[str, Any]:
    """The register position of every employee among ``records`` on a day (schools are skipped)."""
    employees = [
        (record.where, record.subject) for record in records if isinstance(record.subject, Employee)
    ]
    rows = register_overview(rulebook, employees, on)
    return {"on": on.isoformat(), "employees": [row.to_dict() for row in rows]}
