"""A broken third-party plugin leaves `editions` usable and makes the other commands refuse
clearly (issue 9, section 2)."""

from __future__ import annotations

import json
import types
from importlib import metadata
from pathlib import Path

import attrs
import pytest

from onderwijsregels import rulebook
from onderwijsregels.cli import main
from onderwijsregels.rulebook import PLUGINS_ENV

ROOT = Path(__file__).resolve().parent.parent


@attrs.frozen
class Dist:
    name: str
    version: str


@attrs.frozen
class BrokenEntryPoint:
    """An installed entry point whose module cannot be imported."""

    name: str = "kapotte-cao"
    dist: Dist = Dist("acme-kapotte-cao", "0.3.1")

    def load(self) -> object:
        raise ImportError("No module named 'acme_kapot'")


@pytest.fixture
def with_a_broken_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PLUGINS_ENV, raising=False)
    real = tuple(metadata.entry_points(group="onderwijsregels"))

    def entry_points(*, group: str) -> tuple[object, ...]:
        return (*real, BrokenEntryPoint())

    fake = types.SimpleNamespace(entry_points=entry_points)
    monkeypatch.setattr(rulebook, "installed", fake)


@pytest.mark.usefixtures("with_a_broken_plugin")
def test_editions_still_runs_and_lists_the_broken_plugin(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["editions"]) == 0
    out = capsys.readouterr().out
    assert "cao-po-2024-2025" in out  # the healthy editions are listed
    assert "! kapotte-cao (acme-kapotte-cao 0.3.1): could not be imported" in out
    assert "ONDERWIJSREGELS_PLUGINS=" in out
    assert main(["editions", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    (broken,) = document["broken"]
    assert broken["plugin"] == "kapotte-cao"
    assert broken["distribution"] == "acme-kapotte-cao"
    assert "No module named 'acme_kapot'" in broken["error"]


@pytest.mark.usefixtures("with_a_broken_plugin")
def test_evaluate_refuses_naming_the_plugin_and_the_way_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["evaluate", str(ROOT / "examples" / "schoolbestuur.yaml"), "--year", "2020"])
    err = capsys.readouterr().err
    assert code == 1
    assert "kapotte-cao" in err
    assert "acme-kapotte-cao 0.3.1" in err
    assert "ONDERWIJSREGELS_PLUGINS=" in err
