"""The OpenAPI 3.1 description of the API, served at ``/openapi.json``.

Written out here rather than derived from request models: the request bodies are read by the
library's own strict converter, and the response bodies are the command line's documents, so
there is no model class to derive a schema from. ``tests/web/test_openapi.py`` keeps it honest:
every route is described, every ``$ref`` resolves, every example validates against its schema,
and the service's real answers validate too. The response examples are not written down but
computed by the library from the request examples, so no figure in them is typed by hand.
"""

from __future__ import annotations

from typing import Any

from onderwijsregels.convert import parse_day
from onderwijsregels.documents import (
    evaluate_records,
    evaluation_document,
    registers_document,
)
from onderwijsregels.errors import InvalidInputError
from onderwijsregels.limits import MAX_BYTES, MAX_DEPTH
from onderwijsregels.model import Employee
from onderwijsregels.records import parse_records
from onderwijsregels.registration import Predicate, Route
from onderwijsregels.rulebook import Rulebook, host_version
from onderwijsregels.web.problems import MEDIA_TYPE, document, from_error

__all__ = ["EXAMPLES", "openapi"]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


_NULLABLE_TEXT = {"type": ["string", "null"]}
_DAY = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_NUMBER = {
    "oneOf": [
        {"type": "string", "pattern": r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"},
        {"type": "number"},
    ],
    "description": "an exact decimal number; a string keeps every digit",
}

EXAMPLES: dict[str, dict[str, Any]] = {
    "evaluate": {
        "employees": [{"function": "leraar", "werktijdfactor": "0.6", "scale": "L11"}],
        "year": 2020,
        "rules": ["individueel_budget"],
    },
    "registers": {
        "employees": [
            {
                "name": "Ivo Peters",
                "function": "directeur",
                "werktijdfactor": "1",
                "scale": "D12",
                "registration": {
                    "register": "schoolleidersregister-po",
                    "decision_date": "2022-09-01",
                    "predicate": "niveau 2",
                    "route": "schoolleidersopleiding",
                    "points": 85,
                },
            }
        ],
        "on": "2025-01-01",
    },
    "statement": {
        "ledgers": [
            {
                "name": "Bram Jansen",
                "situations": [
                    {"year": 2022, "function": "leraar", "werktijdfactor": "0.6", "scale": "L10"}
                ],
            }
        ],
        "through": 2022,
    },
}
"""The request examples of the API (inputs only; every answer is computed)."""

_EMPLOYEE = {
    "type": "object",
    "required": ["function", "werktijdfactor"],
    "additionalProperties": False,
    "properties": {
        "function": {"enum": ["leraar", "oop", "directeur", "adjunct-directeur"]},
        "werktijdfactor": _NUMBER,
        "scale": {"type": ["string", "null"]},
        "trede": {"type": ["integer", "null"]},
        "birth_date": {"oneOf": [_DAY, {"type": "null"}]},
        "statutair_bestuurder": {"type": "boolean"},
        "registration": {"oneOf": [_ref("Registration"), {"type": "null"}]},
        "name": {"type": ["string", "null"]},
    },
}

_REGISTRATION = {
    "type": "object",
    "required": ["register"],
    "properties": {
        "register": {"enum": ["schoolleidersregister-po", "lerarenregister"]},
        "decision_date": {"oneOf": [_DAY, {"type": "null"}]},
        "predicate": {"enum": [*(item.value for item in Predicate), None]},
        "route": {"enum": [*(item.value for item in Route), None]},
        "points": {"type": ["integer", "null"]},
    },
}

_SCHOOL = {
    "type": "object",
    "required": ["pupils"],
    "additionalProperties": False,
    "properties": {
        "pupils": {"type": "integer", "minimum": 0},
        "name": {"type": ["string", "null"]},
        "brin": {"type": ["string", "null"]},
    },
}


def _one_or_many(name: str) -> dict[str, Any]:
    return {"oneOf": [_ref(name), {"type": "array", "items": _ref(name)}]}


_CITATION = {
    "type": "object",
    "required": ["source", "reference", "confidence", "confidence_reason", "read_at"],
    "properties": {
        "source": {"type": "string"},
        "article": _NULLABLE_TEXT,
        "lid": _NULLABLE_TEXT,
        "reference": {"type": "string"},
        "confidence": {"enum": ["confirmed", "secondary", "interpretation"]},
        "confidence_reason": {"type": "string"},
        "read_at": {"type": "object", "required": ["id", "title", "grade"]},
        "quote": _NULLABLE_TEXT,
        "note": _NULLABLE_TEXT,
    },
}

_INTERPRETATION = {
    "type": "object",
    "required": ["summary", "reasoning"],
    "properties": {"summary": {"type": "string"}, "reasoning": {"type": "string"}},
}

_OUTCOME = {
    "type": "object",
    "required": [
        "title",
        "value",
        "exact",
        "display",
        "unit",
        "confidence",
        "confidence_reasons",
        "edition",
        "reference_day",
        "nawerking",
        "citation",
        "citations",
        "steps",
        "notes",
        "interpretations",
    ],
    "properties": {
        "title": {"type": "string"},
        "display": {"type": "string"},
        "unit": {"type": "string"},
        "confidence": {"enum": ["confirmed", "secondary", "interpretation"]},
        "confidence_reasons": {"type": "array", "items": {"type": "string"}},
        "edition": {"type": "string"},
        "reference_day": _DAY,
        "nawerking": {"type": "boolean"},
        "citation": _ref("Citation"),
        "citations": {"type": "array", "items": _ref("Citation")},
        "steps": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["text", "reference"],
                "properties": {"text": {"type": "string"}, "reference": _NULLABLE_TEXT},
            },
        },
        "notes": {"type": "array", "items": {"type": "string"}},
        "interpretations": {"type": "array", "items": _ref("Interpretation")},
    },
}

_MISSING = {
    "type": "object",
    "required": ["title", "reason", "edition"],
    "properties": {
        "title": {"type": "string"},
        "reason": {"type": "string"},
        "edition": {"type": "string"},
        "fact": {"type": "string"},
        "parameter": _NULLABLE_TEXT,
    },
}

_EVALUATION = {
    "type": "object",
    "required": [
        "record",
        "subject",
        "period",
        "reference_day",
        "editions",
        "outcomes",
        "not_applicable",
        "not_encoded",
    ],
    "properties": {
        "record": {"type": "string", "description": "where the subject stood, e.g. employees[0]"},
        "subject": {"type": "object", "required": ["kind"]},
        "period": {
            "type": "object",
            "required": ["kind", "label", "start", "end"],
            "properties": {"start": _DAY, "end": _DAY, "label": {"type": "string"}},
        },
        "reference_day": _DAY,
        "editions": {"type": "array", "items": {"type": "object"}},
        "outcomes": {"type": "object", "additionalProperties": _ref("Outcome")},
        "not_applicable": {"type": "object", "additionalProperties": _ref("Missing")},
        "not_encoded": {"type": "object", "additionalProperties": _ref("Missing")},
    },
}

_EDITION = {
    "type": "object",
    "required": [
        "family",
        "id",
        "title",
        "valid_from",
        "valid_to",
        "applies_from",
        "provisional",
        "citation",
        "plugin",
        "distribution",
        "version",
    ],
    "properties": {
        "family": {"type": "string"},
        "id": {"type": "string"},
        "title": {"type": "string"},
        "valid_from": _DAY,
        "valid_to": {"oneOf": [_DAY, {"type": "null"}]},
        "applies_from": _DAY,
        "provisional": {"type": "boolean"},
        "citation": _ref("Citation"),
    },
}

_EDITION_DETAIL = {
    "allOf": [
        _ref("Edition"),
        {
            "type": "object",
            "required": ["parameters", "rules", "citations"],
            "properties": {
                "parameters": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "description", "unit", "values"],
                        "properties": {
                            "values": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["start", "end", "value", "citation"],
                                },
                            }
                        },
                    },
                },
                "rules": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "title", "subject", "unit", "citations"],
                        "properties": {
                            "subject": {"enum": ["employee", "school"]},
                            "citations": {"type": "array", "items": _ref("Citation")},
                        },
                    },
                },
                "citations": {"type": "array", "items": _ref("Citation")},
            },
        },
    ]
}

_PROBLEM = {
    "type": "object",
    "description": "An RFC 9457 problem document; field names the path of the (first) bad field.",
    "required": ["type", "title", "status", "detail", "instance", "field", "errors"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "field": _NULLABLE_TEXT,
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "detail"],
                "properties": {"field": {"type": "string"}, "detail": {"type": "string"}},
            },
        },
    },
}

_PERIOD = {
    "year": {"type": "integer", "minimum": 1900, "maximum": 2999},
    "on": _DAY,
    "school_year": {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{4}$"},
}

SCHEMAS: dict[str, Any] = {
    "Problem": _PROBLEM,
    "Health": {
        "type": "object",
        "required": ["status", "version", "editions"],
        "properties": {
            "status": {"const": "ok"},
            "version": {"type": "string"},
            "editions": {"type": "integer"},
        },
    },
    "Citation": _CITATION,
    "Interpretation": _INTERPRETATION,
    "Employee": _EMPLOYEE,
    "Registration": _REGISTRATION,
    "School": _SCHOOL,
    "Outcome": _OUTCOME,
    "Missing": _MISSING,
    "Evaluation": _EVALUATION,
    "Edition": _EDITION,
    "EditionDetail": _EDITION_DETAIL,
    "Editions": {
        "type": "object",
        "required": ["editions", "broken", "warnings"],
        "properties": {
            "editions": {"type": "array", "items": _ref("Edition")},
            "broken": {"type": "array", "items": {"type": "object"}},
            "warnings": {"type": "array", "items": {"type": "object"}},
        },
    },
    "EvaluateRequest": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "employees": _one_or_many("Employee"),
            "schools": _one_or_many("School"),
            "name": {"type": "string"},
            **_PERIOD,
            "families": {"type": "array", "minItems": 1, "items": {"type": "string"}},
            "rules": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        },
        "oneOf": [{"required": ["year"]}, {"required": ["on"]}, {"required": ["school_year"]}],
        "anyOf": [{"required": ["employees"]}, {"required": ["schools"]}],
    },
    "EvaluateResponse": {
        "type": "object",
        "required": ["results"],
        "properties": {"results": {"type": "array", "items": _ref("Evaluation")}},
    },
    "StatementRequest": {
        "type": "object",
        "additionalProperties": False,
        "required": ["ledgers", "through"],
        "properties": {
            "ledgers": {
                "oneOf": [
                    {"type": "object"},
                    {"type": "array", "minItems": 1, "items": {"type": "object"}},
                ]
            },
            "name": {"type": "string"},
            "through": _PERIOD["year"],
            "as_of": _DAY,
        },
    },
    "StatementResponse": {
        "type": "object",
        "required": ["statements", "board_lapses", "board_lapses_interpretation"],
        "properties": {
            "statements": {"type": "array", "items": {"type": "object"}},
            "board_lapses": {
                "type": "array",
                "items": {"type": "object", "required": ["school", "year", "amount"]},
            },
            "board_lapses_interpretation": _ref("Interpretation"),
        },
    },
    "RegistersRequest": {
        "type": "object",
        "additionalProperties": False,
        "required": ["employees", "on"],
        "properties": {
            "employees": _one_or_many("Employee"),
            "schools": _one_or_many("School"),
            "name": {"type": "string"},
            "on": _DAY,
        },
    },
    "RegistersResponse": {
        "type": "object",
        "required": ["on", "employees"],
        "properties": {
            "on": _DAY,
            "employees": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [
                        "record",
                        "employee",
                        "required",
                        "status",
                        "title",
                        "due",
                        "category",
                        "basis",
                    ],
                    "properties": {
                        "required": {"type": "boolean"},
                        "due": {"oneOf": [_DAY, {"type": "null"}]},
                    },
                },
            },
        },
    },
    "Diff": {
        "type": "object",
        "required": ["before", "after", "edition_changes", "added", "removed", "changed"],
        "properties": {
            "before": {"type": "string"},
            "after": {"type": "string"},
            "edition_changes": {"type": "array", "items": {"type": "object"}},
            "added": {"type": "array", "items": {"type": "object"}},
            "removed": {"type": "array", "items": {"type": "object"}},
            "changed": {"type": "array", "items": {"type": "object"}},
        },
    },
}


def _problems(*statuses: int) -> dict[str, Any]:
    reasons = {
        400: "the body is not JSON, or nests too deeply",
        404: "no such edition",
        413: f"the body is larger than {MAX_BYTES} bytes",
        415: "the body is not application/json",
        422: "a field does not fit; the problem names its path",
    }
    return {
        str(status): {
            "description": reasons[status],
            "content": {MEDIA_TYPE: {"schema": _ref("Problem")}},
        }
        for status in statuses
    }


def _json(schema: str, example: Any = None) -> dict[str, Any]:
    content: dict[str, Any] = {"schema": _ref(schema)}
    if example is not None:
        content["example"] = example
    return {"application/json": content}


def _examples(rulebook: Rulebook) -> dict[str, Any]:
    """The answers to the request examples, computed by the library."""
    evaluate = EXAMPLES["evaluate"]
    found = evaluation_document(
        evaluate_records(
            rulebook,
            parse_records({"employees": evaluate["employees"]}),
            year=evaluate["year"],
            rules=evaluate["rules"],
        )
    )
    registers = EXAMPLES["registers"]
    rows = registers_document(
        rulebook,
        parse_records({"employees": registers["employees"]}),
        parse_day(registers["on"], "on"),
    )
    try:
        Employee.from_dict({"function": "leraar", "werktijdfactor": "0"}, path="employees[0]")
    except InvalidInputError as error:
        problem = document(from_error(error), "/evaluate")
    else:  # pragma: no cover - a werktijdfactor of 0 is refused by the model
        raise AssertionError("the problem example did not fail")
    return {"evaluate": found, "registers": rows, "problem": problem}


def openapi(rulebook: Rulebook) -> dict[str, Any]:
    """The OpenAPI document of the service for ``rulebook``."""
    examples = _examples(rulebook)
    body_limits = (
        f"At most {MAX_BYTES} bytes (413 otherwise), nested at most {MAX_DEPTH} levels "
        "(400 otherwise)."
    )
    paths: dict[str, Any] = {
        "/health": {
            "get": {
                "operationId": "health",
                "summary": "The service is up",
                "responses": {"200": {"description": "up", "content": _json("Health")}},
            }
        },
        "/editions": {
            "get": {
                "operationId": "editions",
                "summary": "Every installed edition (as `onderwijsregels editions --format json`)",
                "responses": {"200": {"description": "the editions", "content": _json("Editions")}},
            }
        },
        "/editions/{id}": {
            "get": {
                "operationId": "edition",
                "summary": "One edition with its parameters, rules and citations",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                        "example": "cao-po-2019-2020",
                    }
                ],
                "responses": {
                    "200": {"description": "the edition", "content": _json("EditionDetail")},
                    **_problems(404),
                },
            }
        },
        "/diff/{a}/{b}": {
            "get": {
                "operationId": "diff",
                "summary": "What changed between two editions (as `onderwijsregels diff`)",
                "parameters": [
                    {
                        "name": name,
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                        "example": example,
                    }
                    for name, example in (("a", "cao-po-2022-2023"), ("b", "cao-po-2023-2024"))
                ],
                "responses": {
                    "200": {"description": "the differences", "content": _json("Diff")},
                    # 422: two editions of different families cannot be compared.
                    **_problems(404, 422),
                },
            }
        },
        "/evaluate": {
            "post": {
                "operationId": "evaluate",
                "summary": "Evaluate employees and schools in one period (as `evaluate`)",
                "description": "A value not in our sources is listed under not_encoded (200). "
                + body_limits,
                "requestBody": {
                    "required": True,
                    "content": _json("EvaluateRequest", EXAMPLES["evaluate"]),
                },
                "responses": {
                    "200": {
                        "description": "per record its evaluation",
                        "content": _json("EvaluateResponse", examples["evaluate"]),
                    },
                    **_problems(400, 413, 415),
                    "422": {
                        "description": "a field does not fit; the problem names its path",
                        "content": {
                            MEDIA_TYPE: {"schema": _ref("Problem"), "example": examples["problem"]}
                        },
                    },
                },
            }
        },
        "/statement": {
            "post": {
                "operationId": "statement",
                "summary": "Budget statements of ledgers through a year (as `statement`)",
                "description": body_limits,
                "requestBody": {
                    "required": True,
                    "content": _json("StatementRequest", EXAMPLES["statement"]),
                },
                "responses": {
                    "200": {"description": "the statements", "content": _json("StatementResponse")},
                    **_problems(400, 404, 413, 415, 422),
                },
            }
        },
        "/registers": {
            "post": {
                "operationId": "registers",
                "summary": "The board view of the registers on a day (as `registers`)",
                "description": body_limits,
                "requestBody": {
                    "required": True,
                    "content": _json("RegistersRequest", EXAMPLES["registers"]),
                },
                "responses": {
                    "200": {
                        "description": "per employee the register position",
                        "content": _json("RegistersResponse", examples["registers"]),
                    },
                    **_problems(400, 413, 415, 422),
                },
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "onderwijsregels",
            "version": host_version(),
            "description": "The CAO PO and neighbouring regulations as executable, cited rules. "
            "Errors are RFC 9457 problem documents (application/problem+json).",
        },
        "paths": paths,
        "components": {"schemas": SCHEMAS},
    }
