"""The rekentool: server-rendered pages in Dutch, plain HTML forms, no JavaScript.

``GET /`` asks for one employee (function, werktijdfactor, scale, birth date) and a year or a
day, and shows every outcome with its article, its confidence as a label, the interpretations
and notes, and the library's step-by-step explanation under "Toon berekening". ``GET
/schoolleidersregister`` asks for a registration (date, predicate, route, points) and a day,
and shows the register position and the outcomes behind it. The forms are sent with GET, so a
result is a link that can be kept. Input that does not fit is shown next to its field with the
library's own message (status 422); the values are the library's, through
:meth:`Evaluation.to_dict <onderwijsregels.evaluate.Evaluation.to_dict>`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from onderwijsregels.convert import parse_day, shown
from onderwijsregels.documents import registers_document
from onderwijsregels.errors import InputError, InvalidInputError, NoEditionError
from onderwijsregels.evaluate import Evaluation, Outcome
from onderwijsregels.i18n import gettext
from onderwijsregels.model import SCALES, Employee, Function
from onderwijsregels.periods import check_year
from onderwijsregels.present.words import unit_words, value_words
from onderwijsregels.records import Record
from onderwijsregels.registration import Predicate, Route
from onderwijsregels.rulebook import Rulebook
from onderwijsregels.rules import Unit

__all__ = ["rekentool", "schoolleidersregister"]

_ENVIRONMENT = Environment(
    loader=PackageLoader("onderwijsregels.web", "templates"),
    autoescape=select_autoescape(default=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

FUNCTIONS = {
    Function.LERAAR.value: "Leraar",
    Function.OOP.value: "Onderwijsondersteunend personeel (OOP)",
    Function.DIRECTEUR.value: "Directeur",
    Function.ADJUNCT_DIRECTEUR.value: "Adjunct-directeur",
}
"""The functions in the form, with their Dutch names."""

CONFIDENCE = {
    "confirmed": "Bevestigd",
    "secondary": "Secundaire bron",
    "interpretation": "Interpretatie",
}
"""The confidence labels shown beside each outcome."""

REGISTER_FAMILY = "schoolleidersregister"
_YEAR = re.compile(r"[0-9]{4}", re.ASCII)
_WHOLE = re.compile(r"[0-9]{1,9}", re.ASCII)


def _removed_scales(rulebook: Rulebook) -> dict[str, str]:
    """Per scale an edition removed, the note the scale list shows beside it (in Dutch)."""
    found: dict[str, str] = {}
    for edition in rulebook.editions("cao-po") if "cao-po" in rulebook.families() else ():
        for scale in sorted(edition.removed_scales):
            until = edition.regrading_until
            found.setdefault(  # the edition that removed it (later ones carry it over)
                scale,
                f"geschrapt door {edition.title}; herindelen vóór {until.isoformat()}"
                if until
                else f"geschrapt door {edition.title}",
            )
    return found


def _rulebook(request: Request) -> Rulebook:
    found = request.app.state.rulebook
    assert isinstance(found, Rulebook)
    return found


def _form(request: Request, names: tuple[str, ...]) -> dict[str, str]:
    return {name: request.query_params.get(name, "").strip() for name in names}


def _year(text: str) -> int:
    if not _YEAR.fullmatch(text):
        raise InvalidInputError(
            "year", f"{shown(text)} is not a year written as four digits, e.g. 2020"
        )
    return check_year(int(text), "year")


LABELS = {
    "function": "Functie",
    "werktijdfactor": "Werktijdfactor",
    "scale": "Schaal",
    "birth_date": "Geboortedatum",
    "year": "Kalenderjaar",
    "on": "Dag",
    "decision_date": "Datum registratiebesluit",
    "predicate": "Predicaat",
    "route": "Route",
    "points": "Behaalde punten",
    "period": "Periode",
}
"""The fields' labels, for the list of problems above the form (which links to the fields)."""


def _errors(error: InvalidInputError) -> dict[str, list[str]]:
    """The library's messages per form field (the last part of the field's path)."""
    found: dict[str, list[str]] = {}
    for field, why in error.problems:
        found.setdefault(field.rsplit(".", 1)[-1] or "period", []).append(why)
    return found


def _shown(outcome: Outcome) -> str:
    """A value as the Dutch page shows it: euros the Dutch way, other numbers with a decimal
    comma and their unit (``1,2 uur per werkweek``, ``3 jaren``); yes/no as ja/nee."""
    value = value_words(outcome.value, outcome.unit, "nl")
    if outcome.unit.is_money or outcome.unit in (Unit.JA_NEE, Unit.TEKST, Unit.DATUM):
        return value
    if isinstance(outcome.value, Decimal):
        value = value.replace(".", ",")
    return f"{value} {unit_words(outcome.unit, 'nl')}"


def _outcomes(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "document": evaluation.to_dict(),
        "shown": {outcome.rule_id: _shown(outcome) for outcome in evaluation.outcomes},
        "explain": evaluation.explain("nl"),
        "label": evaluation.period.label,
    }


def _render(name: str, status: int, **context: Any) -> HTMLResponse:
    template = _ENVIRONMENT.get_template(name)
    return HTMLResponse(
        template.render(functions=FUNCTIONS, confidence=CONFIDENCE, labels=LABELS, **context),
        status_code=status,
    )


def _collect(problems: list[tuple[str, str]], read: Any, *args: Any) -> Any:
    """``read(*args)``, or ``None`` with its problems added (so every bad field is shown)."""
    try:
        return read(*args)
    except InvalidInputError as error:
        problems.extend(error.problems)
        return None


def _employee(data: Mapping[str, Any]) -> Employee:
    return Employee.from_dict(dict(data))


def _calculation(rulebook: Rulebook, form: Mapping[str, str]) -> dict[str, Any]:
    problems: list[tuple[str, str]] = []
    if not form["werktijdfactor"].strip():
        problems.append(("werktijdfactor", "vul de werktijdfactor in, bijvoorbeeld 0,6"))
    data: dict[str, Any] = {
        "function": form["function"],
        "werktijdfactor": form["werktijdfactor"].replace(",", ".") or "1",
    }
    for name in ("scale", "birth_date"):
        if form[name]:
            data[name] = form[name]
    employee = _collect(problems, _employee, data)
    on = _collect(problems, parse_day, form["on"], "on") if form["on"] else None
    # A day filled in goes before the year (the form fills in this year to start with).
    year = _collect(problems, _year, form["year"]) if form["year"] and not form["on"] else None
    if not form["on"] and not form["year"]:
        problems.append(("year", "vul een kalenderjaar of een dag in"))
    if problems:
        raise InvalidInputError.many(problems)
    return _outcomes(rulebook.evaluate(employee, year=year, on=on))


async def rekentool(request: Request) -> HTMLResponse:
    """``GET /``: the form, and with its fields the outcomes for that employee."""
    form = _form(request, ("function", "werktijdfactor", "scale", "birth_date", "year", "on"))
    context: dict[str, Any] = {
        "form": form,
        "scales": SCALES,
        "removed": _removed_scales(_rulebook(request)),
        "errors": {},
        "message": None,
        "result": None,
    }
    if "function" not in request.query_params:
        form.update(function="leraar", year=str(date.today().year))
        return _render("rekentool.html", 200, **context)
    try:
        context["result"] = _calculation(_rulebook(request), form)
    except NoEditionError as error:  # a period no edition covers: a problem of that field
        field = "on" if form["on"] else "year"
        context["errors"] = _errors(InvalidInputError(field, str(error)))
        return _render("rekentool.html", InvalidInputError.http_status, **context)
    except InvalidInputError as error:
        context["errors"] = _errors(error)
        return _render("rekentool.html", error.http_status, **context)
    except InputError as error:
        context["message"] = str(error)
        return _render("rekentool.html", error.http_status, **context)
    return _render("rekentool.html", 200, **context)


def _registration(form: Mapping[str, str]) -> dict[str, Any] | None:
    found: dict[str, Any] = {}
    for name in ("decision_date", "predicate", "route"):
        if form[name]:
            found[name] = form[name]
    if form["points"]:
        found["points"] = (
            int(form["points"]) if _WHOLE.fullmatch(form["points"]) else form["points"]
        )
    return {"register": "schoolleidersregister-po", **found} if found else None


def _position(rulebook: Rulebook, form: Mapping[str, str]) -> dict[str, Any]:
    problems: list[tuple[str, str]] = []
    data: dict[str, Any] = {
        "function": form["function"],
        "werktijdfactor": form["werktijdfactor"].replace(",", "."),
    }
    registration = _registration(form)
    if registration is not None:
        data["registration"] = registration
    employee = _collect(problems, _employee, data)
    if not form["on"]:
        problems.append(("on", "is required: the day to look at, e.g. 2025-01-01"))
    on = _collect(problems, parse_day, form["on"], "on") if form["on"] else None
    if problems:
        raise InvalidInputError.many(problems)
    assert on is not None  # a missing or bad day is among the problems
    row = registers_document(rulebook, [Record("formulier", employee)], on)["employees"][0]
    evaluation = rulebook.evaluate(employee, on=on, families=[REGISTER_FAMILY])
    category = gettext(str(row["category"]), "nl")
    return {"row": row, "category": category, **_outcomes(evaluation)}


async def schoolleidersregister(request: Request) -> HTMLResponse:
    """``GET /schoolleidersregister``: a registration's status and next date on a day."""
    form = _form(
        request,
        ("function", "werktijdfactor", "decision_date", "predicate", "route", "points", "on"),
    )
    context: dict[str, Any] = {
        "form": form,
        "predicates": [(item.value, item.value) for item in Predicate],
        "routes": [(item.value, item.value) for item in Route],
        "errors": {},
        "message": None,
        "result": None,
    }
    if "function" not in request.query_params:
        form.update(function="directeur", werktijdfactor="1", on=date.today().isoformat())
        return _render("register.html", 200, **context)
    try:
        context["result"] = _position(_rulebook(request), form)
    except InvalidInputError as error:
        context["errors"] = _errors(error)
        return _render("register.html", error.http_status, **context)
    except InputError as error:
        context["message"] = str(error)
        return _render("register.html", error.http_status, **context)
    return _render("register.html", 200, **context)
