"""Errors are RFC 9457 problem documents; oversized and too deeply nested bodies are refused."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from onderwijsregels.limits import MAX_BYTES, MAX_DEPTH
from onderwijsregels.web import api

TEACHER = {"function": "leraar", "werktijdfactor": "0.6", "scale": "L11"}
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "field", "errors"}


def problem(answer: object, status: int) -> dict[str, object]:
    """The problem document of ``answer``, checked to be one with ``status``."""
    assert getattr(answer, "status_code") == status  # noqa: B009 - an httpx response
    headers = getattr(answer, "headers")  # noqa: B009
    assert headers["content-type"] == "application/problem+json"
    found = getattr(answer, "json")()  # noqa: B009
    assert isinstance(found, dict)
    assert set(found) == PROBLEM_KEYS
    assert found["status"] == status
    return found


def test_bad_field_is_422_naming_its_path(client: TestClient) -> None:
    answer = client.post(
        "/evaluate", json={"employees": [TEACHER, {**TEACHER, "werktijdfactor": "0"}], "year": 2020}
    )
    found = problem(answer, 422)
    assert found["field"] == "employees[1].werktijdfactor"
    assert found["instance"] == "/evaluate"
    assert found["type"] == "tag:onderwijsregels,2026:problem:invalid-input"
    assert "must be greater than 0" in str(found["detail"])


def test_every_bad_field_is_listed(client: TestClient) -> None:
    answer = client.post(
        "/evaluate",
        json={"employees": [{"function": "kok", "werktijdfactor": "x"}], "year": 2020},
    )
    found = problem(answer, 422)
    fields = {item["field"] for item in found["errors"]}  # type: ignore[attr-defined]
    assert fields == {"employees[0].function", "employees[0].werktijdfactor"}


def test_a_year_no_edition_covers_is_422_naming_the_record(client: TestClient) -> None:
    answer = client.post("/evaluate", json={"employees": [TEACHER], "year": 1990})
    found = problem(answer, 422)
    assert found["field"] == "employees[0]"
    assert "1990-01-01" in str(found["detail"])


def test_a_period_must_be_given_once(client: TestClient) -> None:
    answer = client.post(
        "/evaluate", json={"employees": [TEACHER], "year": 2020, "on": "2020-01-01"}
    )
    assert problem(answer, 422)["field"] == "period"


def test_year_must_be_a_number(client: TestClient) -> None:
    answer = client.post("/evaluate", json={"employees": [TEACHER], "year": "2020"})
    assert problem(answer, 422)["field"] == "year"


def test_unknown_rule_in_the_filter(client: TestClient) -> None:
    answer = client.post(
        "/evaluate", json={"employees": [TEACHER], "year": 2020, "rules": ["budget"]}
    )
    assert problem(answer, 422)["field"] == "rules[0]"


def test_unknown_body_field(client: TestClient) -> None:
    answer = client.post("/evaluate", json={"employees": [TEACHER], "year": 2020, "jaar": 1})
    found = problem(answer, 422)
    assert found["field"] == "body"
    assert "jaar" in str(found["detail"])


def test_unknown_edition_is_404_naming_the_path_parameter(client: TestClient) -> None:
    found = problem(client.get("/editions/cao-po-2096"), 404)
    assert found["field"] == "id"
    assert found["type"] == "tag:onderwijsregels,2026:problem:unknown-edition"
    assert problem(client.get("/diff/cao-po-2021/cao-po-2096"), 404)["field"] == "b"
    assert problem(client.get("/diff/cao-po-2096/cao-po-2021"), 404)["field"] == "a"


def test_unknown_route_and_method(client: TestClient) -> None:
    assert problem(client.get("/nergens"), 404)["instance"] == "/nergens"
    problem(client.get("/evaluate"), 405)


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b'{"year": 2020,', "not valid JSON"),
        (b'{"year": 2020, "year": 2021}', "appears twice"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_body_that_is_not_json_is_400(client: TestClient, body: bytes, detail: str) -> None:
    answer = client.post("/evaluate", content=body, headers={"content-type": "application/json"})
    found = problem(answer, 400)
    assert found["field"] == "body"
    assert detail in str(found["detail"])


def test_other_media_type_is_415(client: TestClient) -> None:
    answer = client.post("/evaluate", content=b"year: 2020", headers={"content-type": "text/yaml"})
    problem(answer, 415)


@pytest.fixture
def never_read(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Records every call of the readers behind the endpoints (none is expected)."""
    calls: list[object] = []
    monkeypatch.setattr(api, "parse_records", lambda data: calls.append(data))
    monkeypatch.setattr(api, "parse_ledgers", lambda data: calls.append(data))
    return calls


def test_oversized_body_is_413_by_content_length(
    client: TestClient, never_read: list[object]
) -> None:
    body = b" " * (MAX_BYTES + 1)  # one byte over the limit (whitespace is valid JSON padding)
    answer = client.post("/evaluate", content=body, headers={"content-type": "application/json"})
    assert "10000000 bytes" in str(problem(answer, 413)["detail"])
    assert never_read == []


def test_oversized_body_is_413_by_the_bytes_read(
    client: TestClient, never_read: list[object]
) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: sent chunked
        for _ in range(11):
            yield b" " * 1_000_000  # 11 x 1 000 000 = 11 000 000 > 10 000 000

    answer = client.post(
        "/statement", content=chunks(), headers={"content-type": "application/json"}
    )
    problem(answer, 413)
    assert never_read == []


def test_a_false_content_length_does_not_get_past_the_limit(client: TestClient) -> None:
    # The header claims 10 bytes; the app is handed more than the limit: the bytes read decide.
    # (Behind uvicorn, HTTP/1.1 framing would hand over only the 10 bytes the header claims.)
    answer = client.post(
        "/evaluate",
        content=b" " * (MAX_BYTES + 1),
        headers={"content-type": "application/json", "content-length": "10"},
    )
    problem(answer, 413)


def test_a_content_length_that_is_no_number_is_400(client: TestClient) -> None:
    answer = client.post(
        "/evaluate",
        content=b"{}",
        headers={"content-type": "application/json", "content-length": "x"},
    )
    assert problem(answer, 400)["type"] == "tag:onderwijsregels,2026:problem:bad-content-length"


def nested(levels: int) -> bytes:
    """A body nesting ``levels`` levels: {"employees": [[...[]...]]} ."""
    return b'{"employees": ' + b"[" * (levels - 1) + b"]" * (levels - 1) + b"}"


def test_too_deeply_nested_body_is_400_never_read(
    client: TestClient, never_read: list[object]
) -> None:
    # MAX_DEPTH (20) levels are allowed; 21 are one too many.
    headers = {"content-type": "application/json"}
    found = problem(client.post("/evaluate", content=nested(MAX_DEPTH + 1), headers=headers), 400)
    assert found["type"] == "tag:onderwijsregels,2026:problem:body-too-deep"
    assert never_read == []
    deep = b"[" * 100_000 + b"]" * 100_000  # past Python's recursion limit
    problem(client.post("/registers", content=deep, headers=headers), 400)
    assert never_read == []


def test_nesting_at_the_limit_reaches_the_library(client: TestClient) -> None:
    answer = client.post(
        "/evaluate",
        content=nested(MAX_DEPTH)[:-1] + b', "year": 2020}',
        headers={"content-type": "application/json"},
    )
    found = problem(answer, 422)  # read, then refused by the library: a list is no employee
    assert str(found["field"]).startswith("employees[0]")


def test_problem_document_is_json_with_every_member(client: TestClient) -> None:
    answer = client.get("/editions/nope")
    assert json.loads(answer.text)["detail"].startswith("unknown edition 'nope'")


def test_a_request_for_too_much_work_is_refused(client: TestClient) -> None:
    # 1 001 identical teachers: a small body (about 60 KB) asking for a large answer.
    from onderwijsregels.limits import MAX_REQUEST_SUBJECTS

    many = [TEACHER] * (MAX_REQUEST_SUBJECTS + 1)
    answer = client.post("/evaluate", json={"employees": many, "year": 2020})
    found = problem(answer, 422)
    assert found["field"] == "employees"
    assert f"at most {MAX_REQUEST_SUBJECTS} employees and schools, got 1001" in str(found["detail"])
    exactly = client.post("/evaluate", json={"employees": many[:3], "year": 2020})
    assert exactly.status_code == 200


def test_two_unknown_editions_are_both_named(client: TestClient) -> None:
    found = problem(client.get("/diff/nope/nope2"), 404)
    assert found["field"] == "a"
    errors = found["errors"]
    assert isinstance(errors, list)
    assert [item["field"] for item in errors] == ["a", "b"]


def test_rules_and_families_problems_name_their_fields(client: TestClient) -> None:
    body = {"employees": [TEACHER], "year": 2025, "rules": ["uren_per_jaar"]}
    assert problem(client.post("/evaluate", json=body), 422)["field"] == "rules"
    body = {"employees": [TEACHER], "year": 2020, "families": ["cao-po", "nope"]}
    assert problem(client.post("/evaluate", json=body), 422)["field"] == "families[1]"
