"""Receipts: every JSON result says what it rests on, deterministically (issue 12, part 3)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs
import pytest

import onderwijsregels as owr
from onderwijsregels import version
from onderwijsregels.cli import main
from onderwijsregels.periods import CalendarYear, Day
from onderwijsregels.receipt import asked_input, canonical_json, input_sha256
from onderwijsregels.rulebook import PLUGINS_ENV
from onderwijsregels.testing.plugins import shipped_plugins

ROOT = Path(__file__).resolve().parent.parent
BOARD = ROOT / "examples" / "schoolbestuur.yaml"
BUDGET = ROOT / "examples" / "directeur-budget.yaml"
EDITION_FILE = ROOT / "examples" / "cao-po-voorbeeld-2098.yaml"
INSTALLED = metadata.version("onderwijsregels")


@pytest.fixture
def built_in_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the shipped editions (the example plugin may be installed too)."""
    monkeypatch.setenv(PLUGINS_ENV, ",".join(shipped_plugins()))


@pytest.fixture(scope="module")
def rb() -> owr.Rulebook:
    return owr.load(only=shipped_plugins())


JUF = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.6"), scale="L11")


def _cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main([*argv, "--format", "json"]) == 0
    return capsys.readouterr().out


# --- version ----------------------------------------------------------------------------------


def test_the_version_is_the_installed_distributions() -> None:
    assert owr.__version__ == INSTALLED == "0.1.0.dev0"


def test_the_cli_prints_its_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"onderwijsregels {INSTALLED}\n"


def test_a_source_tree_that_is_not_installed_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(version, "distribution_version", not_installed)
    version.library_version.cache_clear()
    try:
        assert version.library_version() == "0+unknown"
    finally:
        monkeypatch.undo()
        version.library_version.cache_clear()  # read the installed one again
    assert version.library_version() == INSTALLED


# --- the canonical input ----------------------------------------------------------------------


def test_the_canonical_input_is_sorted_compact_and_exact() -> None:
    asked = asked_input([JUF], CalendarYear(2020), ["cao-po"])
    text = (
        '{"families":["cao-po"],'
        '"period":{"end":"2020-12-31","kind":"kalenderjaar","label":"2020","start":"2020-01-01"},'
        '"subjects":[{"birth_date":null,"function":"leraar","kind":"employee","name":null,'
        '"registration":null,"scale":"L11","statutair_bestuurder":false,"trede":null,'
        '"werktijdfactor":"0.6"}]}'
    )
    assert canonical_json(asked) == text
    assert input_sha256(asked) == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_the_receipt_hashes_the_canonical_input(rb: owr.Rulebook) -> None:
    ev = rb.evaluate(JUF, year=2020, families=["cao-po"])
    asked = asked_input([JUF], CalendarYear(2020), ["cao-po"])
    assert ev.to_dict()["receipt"]["input_sha256"] == input_sha256(asked)


@pytest.mark.parametrize(
    "change",
    [
        {"werktijdfactor": Decimal("0.5")},
        {"werktijdfactor": Decimal("0.60")},  # as written: the same number, another input
        {"scale": "L10"},
        {"trede": 3},
        {"name": "Anna"},
        {"birth_date": date(1970, 1, 1)},
        {"function": owr.Function.OOP, "scale": None},
        {"statutair_bestuurder": True},
    ],
    ids=lambda change: next(iter(change)),
)
def test_any_changed_field_changes_the_hash(rb: owr.Rulebook, change: dict[str, Any]) -> None:
    before = rb.evaluate(JUF, year=2020).receipt
    after = rb.evaluate(attrs.evolve(JUF, **change), year=2020).receipt
    assert after.input_sha256 != before.input_sha256
    assert after.edition_ids == before.edition_ids


def test_the_period_and_the_families_are_part_of_the_input(rb: owr.Rulebook) -> None:
    year = rb.evaluate(JUF, year=2021).receipt
    day = rb.evaluate(JUF, on=date(2021, 1, 1)).receipt
    school_year = rb.evaluate(JUF, school_year="2020-2021").receipt
    only_cao = rb.evaluate(JUF, year=2021, families="cao-po").receipt
    hashes = {item.input_sha256 for item in (year, day, school_year, only_cao)}
    assert len(hashes) == 4
    # The same reference day, so the same editions, for the year and the day.
    assert year.reference_day == day.reference_day == date(2021, 1, 1)
    assert year.edition_ids == day.edition_ids
    assert only_cao.edition_ids == ("cao-po-2021",)
    families = [item.family for item in day.editions]
    assert day.input_sha256 == input_sha256(asked_input([JUF], Day(date(2021, 1, 1)), families))


# --- what it names ----------------------------------------------------------------------------


def test_the_shipped_editions_come_from_the_onderwijsregels_distribution(
    rb: owr.Rulebook,
) -> None:
    receipt = rb.evaluate(JUF, year=2020).to_dict()["receipt"]
    assert receipt["library_version"] == INSTALLED
    assert receipt["reference_day"] == "2020-01-01"
    assert receipt["edition_ids"] == [
        "cao-po-2019-2020",
        "lerarenregister-2017",
        "schoolleidersregister-2013",
    ]
    assert receipt["editions"][0] == {
        "edition": "cao-po-2019-2020",
        "family": "cao-po",
        "distribution": "onderwijsregels",
        "version": INSTALLED,
        "file": None,
        "file_sha256": None,
    }
    assert {item["distribution"] for item in receipt["editions"]} == {"onderwijsregels"}


def test_a_third_party_plugin_is_named_with_its_distribution() -> None:
    pytest.importorskip("onderwijsregels_cao_example")
    rb = owr.load()
    provider = next(p for p in rb.plugins if p.distribution == "onderwijsregels-cao-example")
    edition = rb.get(provider.editions[0])
    source = rb.edition_source(edition.id)
    assert (source.distribution, source.version) == (
        "onderwijsregels-cao-example",
        metadata.version("onderwijsregels-cao-example"),
    )


def test_an_edition_file_is_named_with_its_hash(rb: owr.Rulebook) -> None:
    with_file = owr.load(only=shipped_plugins(), edition_files=[EDITION_FILE])
    receipt = with_file.evaluate(JUF, year=2098, families="cao-po").receipt
    (source,) = receipt.editions
    assert source.edition == "cao-po-voorbeeld-2098"
    assert source.file == str(EDITION_FILE)
    assert source.file_sha256 == hashlib.sha256(EDITION_FILE.read_bytes()).hexdigest()
    assert (source.distribution, source.version) == (None, None)
    # The same question without the file is answered by another edition: the input is equal.
    without = rb.evaluate(JUF, year=2098, families="cao-po").receipt
    assert without.input_sha256 == receipt.input_sha256
    assert without.edition_ids == ("cao-po-2025-2027",)


def test_a_changed_edition_file_changes_its_hash(tmp_path: Path) -> None:
    copy = tmp_path / "edition.yaml"
    text = EDITION_FILE.read_text(encoding="utf-8")
    hashes = []
    for body in (text, text + "\n# one more comment\n"):
        copy.write_text(body, encoding="utf-8")
        loaded = owr.load(only=shipped_plugins(), edition_files=[copy])
        hashes.append(loaded.edition_source("cao-po-voorbeeld-2098").file_sha256)
    assert hashes[0] != hashes[1]
    assert hashes[1] == hashlib.sha256(copy.read_bytes()).hexdigest()


# --- determinism ------------------------------------------------------------------------------


def test_the_same_input_gives_the_same_bytes(
    built_in_only: None, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _cli_json(capsys, "evaluate", str(BOARD), "--year", "2020")
    second = _cli_json(capsys, "evaluate", str(BOARD), "--year", "2020")
    assert first == second
    results = json.loads(first)["results"]
    assert len({item["receipt"]["input_sha256"] for item in results}) == len(results)


def test_the_same_bytes_whatever_the_hash_seed() -> None:
    outputs = []
    for seed in ("0", "1", "4242"):
        environment = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            PLUGINS_ENV: ",".join(shipped_plugins()),
        }
        done = subprocess.run(
            [
                *(sys.executable, "-m", "onderwijsregels", "evaluate", str(BOARD)),
                *("--year", "2020", "--format", "json", "--edition-file", str(EDITION_FILE)),
            ],
            capture_output=True,
            check=True,
            env=environment,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert b'"receipt"' in outputs[0]


# --- every JSON result ------------------------------------------------------------------------


def test_every_json_command_carries_receipts(
    built_in_only: None, capsys: pytest.CaptureFixture[str]
) -> None:
    statements = json.loads(_cli_json(capsys, "statement", str(BUDGET), "--through", "2024"))
    receipt = statements["statements"][0]["receipt"]
    assert receipt["reference_day"] == "2024-12-31"
    assert receipt["edition_ids"][0] == "cao-po-2019-2020"
    assert all(item["distribution"] == "onderwijsregels" for item in receipt["editions"])

    registers = json.loads(_cli_json(capsys, "registers", str(BOARD), "--on", "2025-01-01"))
    row = registers["employees"][0]["receipt"]
    assert row["edition_ids"] == ["schoolleidersregister-2022"]
    assert row["reference_day"] == "2025-01-01"

    compared = json.loads(
        _cli_json(
            capsys,
            "compare",
            str(BOARD),
            "--year",
            "2027",
            "--set",
            "individueel_budget_op_oop=600",
            "--from",
            "2027-01-01",
            "--citation",
            "our own calculation",
        )
    )
    ids = compared["receipt"]["edition_ids"]
    assert "cao-po-2025-2027" in ids  # the baseline
    assert any(item.startswith("cao-po-2025-2027") and item != "cao-po-2025-2027" for item in ids)


def test_a_statement_receipt_hashes_the_ledger(rb: owr.Rulebook) -> None:
    from onderwijsregels.records import load_ledgers

    (ledger,) = load_ledgers(BUDGET)[:1]
    statement = ledger.statement(rb, through=2024)
    assert statement.receipt is not None
    asked = {"ledger": ledger.to_dict(), "through": 2024, "as_of": "2024-12-31"}
    assert statement.receipt.input_sha256 == input_sha256(asked)
    earlier = ledger.statement(rb, through=2024, as_of=date(2024, 6, 30))
    assert earlier.receipt is not None
    assert earlier.receipt.input_sha256 != statement.receipt.input_sha256
