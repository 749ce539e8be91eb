"""The command line: ``editions``, ``evaluate`` and ``diff``; exit codes and messages.

Exit codes (cli.py): 0 success; 2 bad input (a file, record or field that does not fit, a
period no edition covers, an unknown edition). Messages on stderr name the file, the record
and the field. JSON output parses and equals the Python ``to_dict``.

Hand-worked values (facts.md): € 500 per year pro rata for teachers (art. 9.3 lid 2), € 3000 per
directielid, the € 100 top-up only in 2020-2021; € 94.20 per pupil in school year 2021-2022.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import onderwijsregels as owr
from onderwijsregels import Employee, Function, Rulebook, School
from onderwijsregels.cli import main
from onderwijsregels.rulebook import PLUGINS_ENV
from onderwijsregels.testing.plugins import shipped_plugins

BUILT_IN = shipped_plugins()
"""Every edition shipped with onderwijsregels (pyproject.toml); third-party plugins are left out."""

BOARD = """\
name: Stichting Testscholen (fictief)
employees:
  - {name: Anna, function: leraar, werktijdfactor: 0.6, scale: L11}
  - {name: Ivo, function: directeur, werktijdfactor: 0.8, scale: D12}
schools:
  - {name: OBS De Regenboog, pupils: 212}
"""


@pytest.fixture(autouse=True)
def built_in_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI loads through entry points; keep to the built-in ones for stable output."""
    monkeypatch.setenv(PLUGINS_ENV, ",".join(BUILT_IN))


@pytest.fixture(scope="module")
def rb() -> Rulebook:
    return owr.load(only=BUILT_IN)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- editions ----------------------------------------------------------------------------------


def test_editions_text_has_a_status_column(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "editions")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "status" in lines[0].split()
    rows = {line.split()[1]: line for line in lines[2:]}
    assert set(rows) >= {
        "cao-po-2022",
        "cao-po-2022-2023",
        "cao-po-2023-2024",
        "cao-po-2024-2025",
        "cao-po-2025-2027",
    }
    assert "provisional" in rows["cao-po-2025-2027"].split()
    assert "2025-11-01" in rows["cao-po-2025-2027"]
    assert "2027-02-28" in rows["cao-po-2025-2027"]
    for edition_id in ("cao-po-2022", "cao-po-2022-2023", "cao-po-2023-2024", "cao-po-2024-2025"):
        assert "provisional" not in rows[edition_id]


def test_editions_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "editions", "--format", "json")
    assert code == 0
    rows = {row["id"]: row for row in json.loads(out)["editions"]}
    assert rows["cao-po-2025-2027"]["provisional"] is True
    assert rows["cao-po-2024-2025"]["provisional"] is False
    assert (rows["cao-po-2023-2024"]["valid_from"], rows["cao-po-2023-2024"]["valid_to"]) == (
        "2023-05-01",
        "2024-09-30",
    )
    assert rows["cao-po-2019-2020"]["applies_from"] == "2020-01-01"
    assert rows["cao-po-2022-2023"]["derives_from"] == "cao-po-2022"


# --- evaluate ----------------------------------------------------------------------------------


def test_evaluate_text_2022(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "board.yaml", BOARD)
    code, out, err = run(capsys, "evaluate", str(path), "--year", "2022")
    assert (code, err) == (0, "")
    assert "employees[0]" in out
    assert "employees[1]" in out
    assert "€ 300,00" in out  # 500 × 0.6, no top-up in 2022
    assert "€ 3.000,00" in out  # 3000, not pro rata
    assert "cao-po-2022" in out


def test_evaluate_json_equals_to_dict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, rb: Rulebook
) -> None:
    path = write(tmp_path, "board.yaml", BOARD)
    code, out, _ = run(capsys, "evaluate", str(path), "--on", "2025-11-01", "--format", "json")
    assert code == 0
    document = json.loads(out)
    anna = Employee(
        function=Function.LERAAR, werktijdfactor=Decimal("0.6"), scale="L11", name="Anna"
    )
    ivo = Employee(
        function=Function.DIRECTEUR, werktijdfactor=Decimal("0.8"), scale="D12", name="Ivo"
    )
    school = School(pupils=212, name="OBS De Regenboog")
    expected = [
        {"record": "employees[0]", **rb.evaluate(anna, on=date(2025, 11, 1)).to_dict()},
        {"record": "employees[1]", **rb.evaluate(ivo, on=date(2025, 11, 1)).to_dict()},
        {"record": "schools[0]", **rb.evaluate(school, on=date(2025, 11, 1)).to_dict()},
    ]
    assert document == {"results": expected}
    assert document["results"][0]["editions"][0]["provisional"] is True


def test_evaluate_school_year(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "school.yaml", "schools:\n  - {name: OBS De Regenboog, pupils: 212}\n")
    code, out, _ = run(capsys, "evaluate", str(path), "--school-year", "2021-2022")
    assert code == 0
    assert "€ 19.970,40" in out  # 212 × 94.20 = 19 970.40
    assert "2021-2022" in out


def test_evaluate_school_year_not_encoded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, "school.yaml", "schools:\n  - {pupils: 212}\n")
    code, out, err = run(
        capsys, "evaluate", str(path), "--school-year", "2023-2024", "--format", "json"
    )
    assert (code, err) == (0, "")
    not_encoded = json.loads(out)["results"][0]["not_encoded"]
    assert "bekostiging_professionalisering" in not_encoded
    missing = not_encoded["bekostiging_professionalisering"]
    assert "extended by five months" in missing["reason"]
    assert missing["parameter"] == "bedrag_per_leerling"


def test_evaluate_school_year_for_employees(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, "board.yaml", BOARD)
    code, out, _ = run(
        capsys, "evaluate", str(path), "--school-year", "2023-2024", "--format", "json"
    )
    assert code == 0
    first = json.loads(out)["results"][0]
    assert first["reference_day"] == "2023-08-01"
    assert first["editions"][0]["id"] == "cao-po-2023-2024"


def test_evaluate_explain_says_provisional_and_nawerking(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(tmp_path, "one.yaml", "{function: directeur, werktijdfactor: 1, scale: D12}\n")
    code, out, _ = run(
        capsys, "evaluate", str(path), "--on", "2027-03-01", "--format", "explain", "--lang", "en"
    )
    assert code == 0
    assert "PROVISIONAL" in out
    assert "NAWERKING" in out
    code, out, _ = run(capsys, "evaluate", str(path), "--on", "2027-03-01", "--format", "explain")
    assert code == 0
    assert "VOORLOPIG" in out  # Dutch by default
    assert "NAWERKING (afgelopen, geldt nog)" in out


def test_evaluate_json_input_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "board.json",
        json.dumps({"employees": [{"function": "oop", "werktijdfactor": 0.6}]}),
    )
    code, out, _ = run(capsys, "evaluate", str(path), "--year", "2022", "--format", "json")
    assert code == 0
    outcome = json.loads(out)["results"][0]["outcomes"]["individueel_budget"]
    assert outcome["value"] == "300.00"  # 500 × 0.6


# --- bad input: exit code 2, file, record and field named --------------------------------------


@pytest.mark.parametrize(
    ("text", "field", "mentions"),
    [
        (  # a string, so no float ever enters: still not in (0, 1]
            'employees:\n  - {function: leraar, werktijdfactor: "1.5", scale: L11}\n',
            "employees[0].werktijdfactor",
            "1.5",
        ),
        (  # a YAML number, read as Decimal
            "employees:\n  - {function: leraar, werktijdfactor: 1.5, scale: L11}\n",
            "employees[0].werktijdfactor",
            "1.5",
        ),
        (
            "employees:\n  - {function: leraar, werktijdfactor: 1}\n"
            "  - {function: conciërge, werktijdfactor: 1}\n",
            "employees[1].function",
            "conciërge",
        ),
        (
            "employees:\n  - {function: leraar, werktijdfactor: 1, scale: L11, salaris: 3000}\n",
            "employees[0]",
            "salaris",
        ),
        (
            "employees:\n  - {function: leraar, werktijdfactor: 1, scale: D12}\n",
            "employees[0].scale",
            "D12",
        ),
        ("schools:\n  - {pupils: -3}\n", "schools[0].pupils", "-3"),
    ],
)
def test_bad_record(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, field: str, mentions: str
) -> None:
    path = write(tmp_path, "bad.yaml", text)
    code, out, err = run(capsys, "evaluate", str(path), "--year", "2022")
    assert code == 2
    assert out == ""
    assert err.startswith("onderwijsregels: ")
    assert str(path) in err
    assert f"{field}: " in err
    assert mentions in err
    assert "Traceback" not in err


def test_unknown_top_level_key(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "employees: []\nschools: []\nleden: []\n")
    code, _, err = run(capsys, "evaluate", str(path), "--year", "2022")
    assert code == 2
    assert str(path) in err
    assert "leden" in err


def test_bad_werktijdfactor_in_json_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(
        tmp_path, "bad.json", '{"employees": [{"function": "leraar", "werktijdfactor": "1.5"}]}'
    )
    code, _, err = run(capsys, "evaluate", str(path), "--year", "2022")
    assert code == 2
    assert str(path) in err
    assert "employees[0].werktijdfactor" in err


def test_removed_scale_on_a_day_2024_2025_governs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (
        "employees:\n  - {function: leraar, werktijdfactor: 1, scale: L11}\n"
        "  - {function: directeur, werktijdfactor: 1, scale: D11}\n"
    )
    path = write(tmp_path, "board.yaml", text)
    code, _, err = run(capsys, "evaluate", str(path), "--on", "2025-07-01")
    assert code == 2
    assert str(path) in err
    assert "employees[1].scale" in err
    assert "D11" in err
    assert "removed" in err
    assert "2025-07-01" in err  # the end of the regrading window
    code, out, err = run(capsys, "evaluate", str(path), "--on", "2024-10-01", "--lang", "en")
    assert (code, err) == (0, "")
    assert "regraded before 2025-07-01" in out  # inside the window: a note, not a refusal
    code, _, err = run(capsys, "evaluate", str(path), "--on", "2024-09-30")
    assert (code, err) == (0, "")


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    code, _, err = run(capsys, "evaluate", str(path), "--year", "2022")
    assert code == 2
    assert str(path) in err


def test_not_yaml(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "broken.yaml", "employees: [\n")
    code, _, err = run(capsys, "evaluate", str(path), "--year", "2022")
    assert code == 2
    assert str(path) in err


def test_bad_school_year(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # A usage error of the flag, not of the file.
    path = write(tmp_path, "board.yaml", BOARD)
    with pytest.raises(SystemExit) as caught:
        main(["evaluate", str(path), "--school-year", "2021/2022"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "--school-year" in err
    assert "2021/2022" in err
    assert str(path) not in err


def test_school_year_not_consecutive(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "board.yaml", BOARD)
    with pytest.raises(SystemExit) as caught:
        main(["evaluate", str(path), "--school-year", "2021-2023"])
    assert caught.value.code == 2
    assert "--school-year" in capsys.readouterr().err


def test_year_before_the_first_edition(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "board.yaml", BOARD)
    code, _, err = run(capsys, "evaluate", str(path), "--year", "2019")
    assert code == 2
    assert "cao-po" in err
    assert "2020-01-01" in err


def test_bad_day_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "board.yaml", BOARD)
    with pytest.raises(SystemExit) as caught:
        main(["evaluate", str(path), "--on", "1-10-2024"])
    assert caught.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_period_is_required(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "board.yaml", BOARD)
    with pytest.raises(SystemExit) as caught:
        main(["evaluate", str(path)])
    assert caught.value.code == 2


# --- diff --------------------------------------------------------------------------------------


def test_diff_text(capsys: pytest.CaptureFixture[str], rb: Rulebook) -> None:
    code, out, err = run(capsys, "diff", "cao-po-2022-2023", "cao-po-2023-2024")
    assert (code, err) == (0, "")
    assert out == rb.diff("cao-po-2022-2023", "cao-po-2023-2024").to_text() + "\n"
    assert "+ begeleiding_startende_schoolleider" in out
    assert "value (spaartermijn_directie): 3 -> 4" in out
    assert "value (vervaltermijn_directie): 4 -> 5" in out


def test_diff_json_equals_to_dict(capsys: pytest.CaptureFixture[str], rb: Rulebook) -> None:
    code, out, _ = run(capsys, "diff", "cao-po-2021", "cao-po-2022", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document == rb.diff("cao-po-2021", "cao-po-2022").to_dict()
    changed = {item["rule"]: item for item in document["changed"]}
    assert {"field": "value (verhoging_op_oop)", "before": "100", "after": "none"} in changed[
        "individueel_budget"
    ]["changes"]


def test_diff_unknown_edition(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "diff", "cao-po-2022-2023", "cao-po-2030")
    assert code == 2
    assert out == ""
    assert "cao-po-2030" in err


def test_diff_needs_two_editions(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["diff", "cao-po-2022-2023"])
    assert caught.value.code == 2
