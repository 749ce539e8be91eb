"""The JSON endpoints: each reads its request, asks the library, and answers with its document.

The response bodies are the documents of :mod:`onderwijsregels.documents`, the same JSON the
command line prints with ``--format json``; the request bodies hold what the command's input
file holds (``employees``, ``schools``, ``ledgers``, ``name``) beside what its flags say
(``year``, ``on``, ``school_year``, ``through``, ``as_of``). So the field paths of errors are
the paths in the request body (``employees[0].werktijdfactor``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

from starlette.requests import Request
from starlette.responses import JSONResponse

from onderwijsregels.convert import converter, parse_day, shown, unstructure
from onderwijsregels.documents import (
    editions_document,
    evaluate_records,
    evaluation_document,
    registers_document,
    statements,
    statements_document,
)
from onderwijsregels.editions import Edition
from onderwijsregels.errors import InvalidInputError, UnknownEditionError
from onderwijsregels.limits import MAX_REQUEST_SUBJECTS
from onderwijsregels.model import Employee
from onderwijsregels.periods import SchoolYear, check_year, period_from
from onderwijsregels.records import parse_ledgers, parse_records
from onderwijsregels.rulebook import Rulebook, host_version
from onderwijsregels.rules import Rule
from onderwijsregels.web.body import read_json
from onderwijsregels.web.problems import from_error

__all__ = [
    "diff",
    "edition",
    "editions",
    "evaluate",
    "health",
    "registers",
    "statement",
]

_SUBJECT_KEYS = ("employees", "schools", "name")


def _rulebook(request: Request) -> Rulebook:
    found = request.app.state.rulebook
    assert isinstance(found, Rulebook)
    return found


def _object(body: object, allowed: Sequence[str], required: Sequence[str]) -> dict[str, Any]:
    """The body as a JSON object with only ``allowed`` keys and every ``required`` one."""
    if not isinstance(body, Mapping):
        raise InvalidInputError("body", f"must be a JSON object, got {type(body).__name__}")
    unknown = sorted(str(key) for key in body if key not in allowed)
    if unknown:
        raise InvalidInputError(
            "body",
            f"unknown field(s): {', '.join(shown(key) for key in unknown[:8])}; "
            f"known: {', '.join(allowed)}",
        )
    missing = [name for name in required if name not in body]
    if missing:
        raise InvalidInputError.many([(name, "is required but missing") for name in missing])
    return dict(body)


def _year(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(
            field, f"must be a year as a whole number, e.g. 2020, got {shown(value)}"
        )
    return check_year(value, field)


def _day(value: object, field: str) -> date:
    if not isinstance(value, str):
        raise InvalidInputError(field, f"must be a date written as YYYY-MM-DD, got {shown(value)}")
    return parse_day(value, field)


def _names(value: object, field: str) -> list[str]:
    if not isinstance(value, list) or not value:
        raise InvalidInputError(field, f"must be a non-empty list of ids, got {shown(value)}")
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item:
            raise InvalidInputError(f"{field}[{index}]", f"must be an id, got {shown(item)}")
    return list(value)


def _subjects(body: Mapping[str, Any]) -> dict[str, Any]:
    if "employees" not in body and "schools" not in body:
        raise InvalidInputError("employees", "give employees and/or schools")
    return {key: body[key] for key in _SUBJECT_KEYS if key in body}


async def health(request: Request) -> JSONResponse:
    """``GET /health``: the service is up, with its version and how many editions it holds."""
    rulebook = _rulebook(request)
    count = sum(len(rulebook.editions(family)) for family in rulebook.families())
    return JSONResponse({"status": "ok", "version": host_version(), "editions": count})


async def editions(request: Request) -> JSONResponse:
    """``GET /editions``: what ``onderwijsregels editions --format json`` prints."""
    return JSONResponse(editions_document(_rulebook(request)))


def rule_document(rule: Rule) -> dict[str, Any]:
    """A rule as JSON: what it computes, for whom, from which parameters and fields, and where."""
    return {
        "id": rule.id,
        "title": rule.title,
        "subject": "employee" if rule.subject is Employee else "school",
        "unit": rule.unit.value,
        "description": rule.description,
        "parameters": list(rule.parameters),
        "reads": list(rule.reads) if rule.reads is not None else None,
        "citations": [unstructure(item) for item in rule.citations],
        "interpretation": unstructure(rule.interpretation) if rule.interpretation else None,
    }


def edition_document(rulebook: Rulebook, found: Edition) -> dict[str, Any]:
    """The edition's row of ``/editions`` with its parameters, rules and citations."""
    row = next(item for item in editions_document(rulebook)["editions"] if item["id"] == found.id)
    return {
        **row,
        "parameters": [converter.unstructure(item) for item in found.parameters],
        "rules": [rule_document(item) for item in found.rules],
        "citations": [unstructure(item) for item in found.citations],
    }


async def edition(request: Request) -> JSONResponse:
    """``GET /editions/{id}``: one edition with its parameters, rules and citations."""
    rulebook = _rulebook(request)
    try:
        found = rulebook.get(request.path_params["id"])
    except UnknownEditionError as error:
        raise from_error(error, field="id") from None
    return JSONResponse(edition_document(rulebook, found))


async def diff(request: Request) -> JSONResponse:
    """``GET /diff/{a}/{b}``: what ``onderwijsregels diff A B --format json`` prints."""
    before, after = request.path_params["a"], request.path_params["b"]
    rulebook = _rulebook(request)
    unknown: list[tuple[str, UnknownEditionError]] = []
    for field, edition_id in (("a", before), ("b", after)):
        try:
            rulebook.get(edition_id)
        except UnknownEditionError as error:
            unknown.append((field, error))
    if unknown:  # each unknown edition named, as every bad field is
        field, first = unknown[0]
        problem = from_error(first, field=field)
        problem.errors = [{"field": name, "detail": str(error)} for name, error in unknown]
        raise problem
    return JSONResponse(rulebook.diff(before, after).to_dict())


_T = TypeVar("_T")


def _within_limit(items: Sequence[_T], what: str) -> Sequence[_T]:
    """``items``, unless a request asks for more than :data:`MAX_REQUEST_SUBJECTS` of them.

    The body's size limit bounds the bytes, not the work: 20 000 identical teachers fit in a
    megabyte and would make a gigabyte of answer. Larger runs belong to the batch
    (``evaluate_many``, or ``onderwijsregels evaluate EXPORT.csv``), which streams.
    """
    if len(items) > MAX_REQUEST_SUBJECTS:
        instead = (
            "split them over several requests"
            if what == "ledgers"
            else "evaluate more with the batch (onderwijsregels evaluate EXPORT.csv, or "
            "Rulebook.evaluate_many), which streams"
        )
        raise InvalidInputError(
            what.split()[0],
            f"a request holds at most {MAX_REQUEST_SUBJECTS} {what}, got {len(items)}; {instead}",
        )
    return items


async def evaluate(request: Request) -> JSONResponse:
    """``POST /evaluate``: what ``onderwijsregels evaluate FILE --format json`` prints.

    The body holds ``employees`` and/or ``schools`` (one record or a list each), exactly one
    of ``year``, ``on`` or ``school_year``, and optionally ``families`` and ``rules``.
    """
    body = _object(
        await read_json(request),
        (*_SUBJECT_KEYS, "year", "on", "school_year", "families", "rules"),
        (),
    )
    records = _within_limit(parse_records(_subjects(body)), "employees and schools")
    school_year = body.get("school_year")
    if school_year is not None and not isinstance(school_year, str):
        raise InvalidInputError(
            "school_year", f"must be written as 2021-2022, got {shown(school_year)}"
        )
    year = _year(body["year"], "year") if "year" in body else None
    on = _day(body["on"], "on") if "on" in body else None
    school = SchoolYear.parse(school_year, "school_year") if school_year else None
    period_from(year=year, on=on, school_year=school)  # a problem of the request, not a record's
    results = evaluate_records(
        _rulebook(request),
        records,
        year=year,
        on=on,
        school_year=school,
        families=_names(body["families"], "families") if "families" in body else None,
        rules=_names(body["rules"], "rules") if "rules" in body else None,
    )
    return JSONResponse(evaluation_document(results))


async def statement(request: Request) -> JSONResponse:
    """``POST /statement``: what ``onderwijsregels statement FILE --format json`` prints.

    The body holds ``ledgers`` (one ledger or a list), ``through`` (the last calendar year) and
    optionally ``as_of`` (a day in that year) and the board's ``name``.
    """
    body = _object(
        await read_json(request), ("ledgers", "name", "through", "as_of"), ("ledgers", "through")
    )
    through = _year(body["through"], "through")
    as_of = _day(body["as_of"], "as_of") if body.get("as_of") is not None else None
    if as_of is not None and as_of.year != through:
        raise InvalidInputError(
            "as_of", f"must be a day in {through} (the year of through), got {as_of.isoformat()}"
        )
    ledgers = _within_limit(
        parse_ledgers({key: body[key] for key in ("ledgers", "name") if key in body}), "ledgers"
    )
    found = statements(
        _rulebook(request), ledgers, through=through, as_of=as_of, through_field="through"
    )
    return JSONResponse(statements_document(found))


async def registers(request: Request) -> JSONResponse:
    """``POST /registers``: what ``onderwijsregels registers FILE --format json`` prints.

    The body holds ``employees`` (one record or a list; ``schools`` are skipped) and ``on``.
    """
    body = _object(await read_json(request), (*_SUBJECT_KEYS, "on"), ("employees", "on"))
    on = _day(body["on"], "on")
    records = _within_limit(parse_records(_subjects(body)), "employees and schools")
    return JSONResponse(registers_document(_rulebook(request), records, on))
