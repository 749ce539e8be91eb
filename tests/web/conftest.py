"""Fixtures of the web tests: the app in-process, and the real server as a subprocess.

``client`` talks to the ASGI app in-process (Starlette's TestClient). ``server`` starts
``python -m onderwijsregels serve --port <free port>`` on 127.0.0.1, waits until ``/health``
answers, yields its base URL, and stops that process (by its own id) afterwards.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

import onderwijsregels as owr
from onderwijsregels.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def client() -> TestClient:
    """The service for every installed edition, in-process."""
    return TestClient(create_app(owr.load()), raise_server_exceptions=False)


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        assert isinstance(port, int)
        return port


def start_server(log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start the real server; return the process and its base URL once /health answers."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "onderwijsregels", "serve", "--port", str(port)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server stopped: {log.read_text(errors='replace')}")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError(f"the server did not answer /health: {log.read_text(errors='replace')}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop the server process started by :func:`start_server`."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


@pytest.fixture(scope="session")
def server_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the real server writes its log."""
    return tmp_path_factory.mktemp("server") / "server.log"


@pytest.fixture(scope="session")
def server(server_log: Path) -> Iterator[str]:
    """The base URL of a real ``onderwijsregels serve`` process on 127.0.0.1."""
    log = server_log
    process, base = start_server(log)
    try:
        yield base
    finally:
        stop_server(process)
