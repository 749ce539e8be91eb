"""The real server: ``python -m onderwijsregels serve`` as a process, asked over HTTP."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from onderwijsregels.cli import main

TEACHER = {"function": "leraar", "werktijdfactor": "0.6", "scale": "L11"}


def test_the_server_answers_over_http(server: str) -> None:
    health = httpx.get(f"{server}/health", timeout=30)
    assert health.json()["status"] == "ok"
    answer = httpx.post(
        f"{server}/evaluate", json={"employees": [TEACHER], "year": 2020}, timeout=30
    )
    assert answer.status_code == 200
    budget = answer.json()["results"][0]["outcomes"]["individueel_budget"]
    # (500 + 100) x 0.6 = 360.00, CAO PO 2019-2020 art. 9.3 lid 2
    assert budget["value"] == "360.00"
    assert budget["citation"]["reference"] == "CAO PO 2019-2020, art. 9.3 lid 2"
    page = httpx.get(f"{server}/", timeout=30)
    assert page.status_code == 200
    assert '<html lang="nl">' in page.text


def test_the_server_refuses_an_oversized_body(server: str) -> None:
    answer = httpx.post(
        f"{server}/evaluate",
        content=b" " * 10_000_001,  # MAX_BYTES + 1
        headers={"content-type": "application/json"},
        timeout=60,
    )
    assert answer.status_code == 413
    assert answer.headers["content-type"] == "application/problem+json"


def test_concurrent_requests_give_identical_answers(server: str) -> None:
    # Twenty requests at once, for two different employees interleaved: each answer is the
    # one for its own body, nothing of another request leaks in.
    bodies = [
        {"employees": [{**TEACHER, "werktijdfactor": factor}], "year": 2020}
        for factor in ("0.6", "1") * 10
    ]

    def ask(body: dict[str, object]) -> dict[str, object]:
        answer = httpx.post(f"{server}/evaluate", json=body, timeout=60)
        assert answer.status_code == 200
        found = answer.json()
        assert isinstance(found, dict)
        return found

    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(ask, bodies))
    sixty = [item for item, body in zip(answers, bodies, strict=True) if body == bodies[0]]
    full = [item for item, body in zip(answers, bodies, strict=True) if body == bodies[1]]
    assert len(sixty) == len(full) == 10
    assert all(item == sixty[0] for item in sixty)
    assert all(item == full[0] for item in full)

    def budget(item: dict[str, object]) -> object:
        return item["results"][0]["outcomes"]["individueel_budget"]["value"]  # type: ignore[index]

    assert budget(sixty[0]) == "360.00"  # (500 + 100) x 0.6
    assert budget(full[0]) == "600.00"  # (500 + 100) x 1


def test_serve_without_the_web_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if uvicorn were not installed
    monkeypatch.delitem(sys.modules, "onderwijsregels.web.server", raising=False)
    assert main(["serve", "--port", "8000"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "onderwijsregels: serve needs the web extra (uvicorn is not installed): "
        "pip install 'onderwijsregels[web]'\n"
    )


def test_the_server_logs_no_request_data(server: str, server_log: Path) -> None:
    # A page asked with a birth date: the query (personal data) never reaches the log.
    page = httpx.get(
        f"{server}/",
        params={"function": "leraar", "werktijdfactor": "0,6", "birth_date": "1962-05-10"},
        timeout=30,
    )
    assert page.status_code in (200, 422)
    log = server_log.read_text(errors="replace")
    assert "Uvicorn running" in log or "Application startup complete" in log  # it does log
    assert "1962-05-10" not in log
    assert "birth_date" not in log
