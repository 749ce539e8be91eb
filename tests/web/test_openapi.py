"""``/openapi.json``: every endpoint described, every reference resolving, every example valid,
and the service's real answers valid against the schemas they are documented with."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

PAGES = {"/", "/schoolleidersregister", "/openapi.json"}


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    answer = client.get("/openapi.json")
    assert answer.status_code == 200
    found = answer.json()
    assert isinstance(found, dict)
    return found


def validate(spec: dict[str, Any], schema: dict[str, Any], instance: object) -> None:
    """Validate ``instance`` against ``schema``, its references resolved within ``spec``."""
    jsonschema.Draft202012Validator(
        {**schema, "components": spec["components"]},
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    ).validate(instance)


def schema_of(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def references(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "$ref":
                assert isinstance(item, str)
                yield item
            else:
                yield from references(item)
    elif isinstance(value, list):
        for item in value:
            yield from references(item)


def test_every_endpoint_is_described(client: TestClient, spec: dict[str, Any]) -> None:
    routes = {
        (route.path, method.lower())
        for route in client.app.routes  # type: ignore[attr-defined]
        if isinstance(route, Route) and route.path not in PAGES
        for method in route.methods or ()
        if method != "HEAD"
    }
    described = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert routes == described
    assert {path for path, _ in routes} == {
        "/health",
        "/editions",
        "/editions/{id}",
        "/diff/{a}/{b}",
        "/evaluate",
        "/statement",
        "/registers",
    }


def test_every_reference_resolves(spec: dict[str, Any]) -> None:
    found = set(references(spec))
    assert found  # the document does use references
    for reference in found:
        assert reference.startswith("#/components/schemas/"), reference
        assert reference.removeprefix("#/components/schemas/") in spec["components"]["schemas"]
    jsonschema.Draft202012Validator.check_schema({"$defs": spec["components"]["schemas"]})


def examples(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], object]]:
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            bodies = [("request", operation.get("requestBody", {}).get("content", {}))]
            bodies += [
                (f"response {status}", answer.get("content", {}))
                for status, answer in operation["responses"].items()
            ]
            for what, content in bodies:
                for media in content.values():
                    if "example" in media:
                        yield f"{method} {path} {what}", media["schema"], media["example"]


def test_every_example_validates_against_its_schema(spec: dict[str, Any]) -> None:
    found = list(examples(spec))
    # request and answer of /evaluate and /registers, the request of /statement, a problem
    assert len(found) == 6
    for where, schema, example in found:
        try:
            validate(spec, schema, example)
        except jsonschema.ValidationError as error:  # pragma: no cover - the failure message
            pytest.fail(f"{where}: {error.message}")


def test_the_documented_answer_is_the_real_one(client: TestClient, spec: dict[str, Any]) -> None:
    operation = spec["paths"]["/evaluate"]["post"]
    request = operation["requestBody"]["content"]["application/json"]["example"]
    example = operation["responses"]["200"]["content"]["application/json"]["example"]
    assert client.post("/evaluate", json=request).json() == example
    # (500 + 100) x 0.6 = 360.00: the example is the library's, not typed by hand
    assert example["results"][0]["outcomes"]["individueel_budget"]["value"] == "360.00"


def test_a_bad_request_fails_its_schema(spec: dict[str, Any]) -> None:
    # The schemas do say something: no werktijdfactor, no period.
    with pytest.raises(jsonschema.ValidationError):
        validate(spec, schema_of("EvaluateRequest"), {"employees": [{"function": "leraar"}]})


@pytest.mark.parametrize(
    ("method", "path", "body", "schema"),
    [
        ("get", "/health", None, "Health"),
        ("get", "/editions", None, "Editions"),
        ("get", "/editions/cao-po-2022-2023", None, "EditionDetail"),
        ("get", "/diff/cao-po-2022-2023/cao-po-2023-2024", None, "Diff"),
        (
            "post",
            "/evaluate",
            {
                "employees": [{"function": "directeur", "werktijdfactor": "1", "scale": "D12"}],
                "schools": [{"pupils": 212}],
                "school_year": "2023-2024",
            },
            "EvaluateResponse",
        ),
        (
            "post",
            "/statement",
            {
                "ledgers": {
                    "situations": [{"year": 2022, "function": "oop", "werktijdfactor": "0.5"}]
                },
                "through": 2023,
            },
            "StatementResponse",
        ),
        (
            "post",
            "/registers",
            {"employees": {"function": "directeur", "werktijdfactor": "1"}, "on": "2025-01-01"},
            "RegistersResponse",
        ),
        ("get", "/editions/nope", None, "Problem"),
        ("post", "/evaluate", {"employees": [{"function": "x"}], "year": 2020}, "Problem"),
    ],
)
def test_real_answers_validate(
    client: TestClient,
    spec: dict[str, Any],
    method: str,
    path: str,
    body: object,
    schema: str,
) -> None:
    answer = client.request(method.upper(), path, json=body)
    assert (answer.status_code < 400) == (schema != "Problem")
    validate(spec, schema_of(schema), answer.json())
