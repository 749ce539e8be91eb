"""Every JSON endpoint, with values worked out by hand, and the same JSON as the command line.

The figures are those of the library's own tests: a teacher at werktijdfactor 0.6 in 2020
gets (500 + 100) x 0.6 = 360.00 (CAO PO 2019-2020, art. 9.3 lid 2; tests/test_cao_po_2019_2020.py),
a school of 212 pupils in 2021-2022 gets 212 x 94.20 = 19 970.40 (tests/test_bekostiging.py),
Ivo's registration of 2022-09-01 is due again on 2027-09-01 (tests/test_register_board.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from onderwijsregels.cli import main

TEACHER = {"function": "leraar", "werktijdfactor": "0.6", "scale": "L11"}
IVO = {
    "name": "Ivo",
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
ANS = {
    "name": "Juf Ans",
    "situations": [
        {"year": 2021, "function": "leraar", "werktijdfactor": "0.6", "school": "De Linde"}
    ],
    "agreements": [{"first_year": 2021, "last_year": 2021}],
    "spendings": [{"day": "2022-03-01", "amount": "100.50", "kind": "overige-professionalisering"}],
}


def cli_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: object, *arguments: str
) -> Any:
    """What the command line prints with --format json for ``data`` written to a file."""
    path = tmp_path / "input.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    command, *rest = arguments
    code = main([command, str(path), *rest, "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return json.loads(out)


def test_health(client: TestClient) -> None:
    answer = client.get("/health")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"
    assert answer.json()["editions"] >= 16  # the shipped editions (README), and the example


def test_evaluate_a_teacher_in_2020(client: TestClient) -> None:
    answer = client.post("/evaluate", json={"employees": [TEACHER], "year": 2020})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    (result,) = answer.json()["results"]
    assert result["record"] == "employees[0]"
    budget = result["outcomes"]["individueel_budget"]
    # (500 + 100) x 0.6 = 360.00, CAO PO 2019-2020 art. 9.3 lid 2
    assert budget["value"] == "360.00"
    assert budget["citation"]["reference"] == "CAO PO 2019-2020, art. 9.3 lid 2"
    assert budget["edition"] == "cao-po-2019-2020"
    # 2 hours a week x 0.6 = 1.2 (tests/test_cao_po_2019_2020.py)
    assert result["outcomes"]["uren_per_werkweek"]["value"] == "1.2"


def test_evaluate_answers_what_the_cli_prints(
    client: TestClient, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    board = {"employees": [TEACHER, IVO], "schools": [{"pupils": 212}]}
    expected = cli_json(capsys, tmp_path, board, "evaluate", "--year", "2021")
    answer = client.post("/evaluate", json={**board, "year": 2021})
    assert answer.status_code == 200
    assert answer.json() == expected


def test_evaluate_with_rules_answers_what_the_cli_prints(
    client: TestClient, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The same question with a rules filter: the same JSON, receipt included (its editions are
    # those of the families that define the rule, and its input hash covers the filter).
    board = {"employees": [TEACHER, IVO]}
    argv = ("evaluate", "--year", "2020", "--rules", "individueel_budget")
    expected = cli_json(capsys, tmp_path, board, *argv)
    answer = client.post("/evaluate", json={**board, "year": 2020, "rules": ["individueel_budget"]})
    assert answer.status_code == 200
    assert answer.json() == expected
    receipt = expected["results"][0]["receipt"]
    assert receipt["edition_ids"] == ["cao-po-2019-2020"]
    unfiltered = client.post("/evaluate", json={**board, "year": 2020}).json()
    assert unfiltered["results"][0]["receipt"]["input_sha256"] != receipt["input_sha256"]


def test_evaluate_one_subject_not_in_a_list(client: TestClient) -> None:
    answer = client.post("/evaluate", json={"employees": TEACHER, "on": "2020-05-01"})
    assert answer.status_code == 200
    (result,) = answer.json()["results"]
    assert result["record"] == "employees"
    assert result["outcomes"]["individueel_budget"]["value"] == "360.00"  # (500 + 100) x 0.6


def test_evaluate_rules_filter(client: TestClient) -> None:
    answer = client.post(
        "/evaluate",
        json={"employees": [TEACHER], "year": 2020, "rules": ["individueel_budget"]},
    )
    (result,) = answer.json()["results"]
    assert list(result["outcomes"]) == ["individueel_budget"]
    assert result["not_applicable"] == {}
    assert result["not_encoded"] == {}


def test_evaluate_a_school_year(client: TestClient) -> None:
    answer = client.post(
        "/evaluate", json={"schools": [{"pupils": 212}], "school_year": "2021-2022"}
    )
    (result,) = answer.json()["results"]
    # 212 x 94.20 = 18 840.00 + 1 130.40 = 19 970.40
    assert result["outcomes"]["bekostiging_professionalisering"]["value"] == "19970.40"


def test_not_encoded_is_a_result_listing_it(client: TestClient) -> None:
    answer = client.post("/evaluate", json={"schools": {"pupils": 212}, "school_year": "2023-2024"})
    assert answer.status_code == 200
    (result,) = answer.json()["results"]
    missing = result["not_encoded"]["bekostiging_professionalisering"]
    assert missing["parameter"] == "bedrag_per_leerling"
    assert "bekostiging_professionalisering" not in result["outcomes"]


def test_statement_answers_what_the_cli_prints(
    client: TestClient, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    expected = cli_json(capsys, tmp_path, {"ledgers": [ANS]}, "statement", "--through", "2022")
    answer = client.post("/statement", json={"ledgers": [ANS], "through": 2022})
    assert answer.status_code == 200
    assert answer.json() == expected
    (statement,) = answer.json()["statements"]
    # 2021 at 0.6: (500 + 100) x 0.6 = 360.00, saved; 360.00 - 100.50 spent = 259.50 left
    assert statement["tranches"][0]["amount"] == "360.00"
    assert statement["tranches"][0]["remaining"] == "259.50"


def test_statement_as_of_outside_through_is_refused(client: TestClient) -> None:
    answer = client.post(
        "/statement", json={"ledgers": [ANS], "through": 2022, "as_of": "2021-06-01"}
    )
    assert answer.status_code == 422
    assert answer.json()["field"] == "as_of"


def test_registers_answers_what_the_cli_prints(
    client: TestClient, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    expected = cli_json(capsys, tmp_path, {"employees": [IVO]}, "registers", "--on", "2025-01-01")
    answer = client.post("/registers", json={"employees": [IVO], "on": "2025-01-01"})
    assert answer.status_code == 200
    assert answer.json() == expected
    (row,) = answer.json()["employees"]
    # first registration 2022-09-01 + 5 years = 2027-09-01
    assert (row["status"], row["due"]) == ("geregistreerd", "2027-09-01")


def test_editions_answers_what_the_cli_prints(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["editions", "--format", "json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    assert client.get("/editions").json() == expected


def test_one_edition_with_parameters_rules_and_citations(client: TestClient) -> None:
    answer = client.get("/editions/cao-po-2019-2020")
    assert answer.status_code == 200
    edition = answer.json()
    assert edition["title"] == "CAO PO 2019-2020"
    parameter = next(p for p in edition["parameters"] if p["id"] == "individueel_budget_op_oop")
    (value,) = parameter["values"]
    assert (value["start"], value["value"]) == ("2020-01-01", "500")
    assert value["citation"]["reference"] == "CAO PO 2019-2020, art. 9.3 lid 2"
    rule = next(r for r in edition["rules"] if r["id"] == "individueel_budget")
    assert rule["subject"] == "employee"
    assert "individueel_budget_op_oop" in rule["parameters"]
    assert "CAO PO 2019-2020, art. 9.3 lid 2" in {c["reference"] for c in edition["citations"]}


def test_diff_answers_what_the_cli_prints(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "cao-po-2022-2023", "cao-po-2023-2024", "--format", "json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    answer = client.get("/diff/cao-po-2022-2023/cao-po-2023-2024")
    assert answer.json() == expected
    assert "begeleiding_startende_schoolleider" in {item["rule"] for item in expected["added"]}


def test_nothing_is_stored_between_requests(client: TestClient) -> None:
    first = client.post("/evaluate", json={"employees": [TEACHER], "year": 2020}).json()
    client.post("/evaluate", json={"employees": [{**TEACHER, "werktijdfactor": "1"}], "year": 2020})
    again = client.post("/evaluate", json={"employees": [TEACHER], "year": 2020}).json()
    assert first == again
