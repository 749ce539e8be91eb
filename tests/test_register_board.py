"""The board view of the registers and the CLI ``onderwijsregels registers``.

Hand-worked on 2025-01-01 (facts.md part 1 section 10): the old register re-registers every four
years, the new one (from 2022-08-24) five years after a first registration; six months
"onder voorwaarden" after the date. "Due within 6 months" on 2025-01-01 means a date up to and
including 2025-07-01.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import onderwijsregels as owr
from onderwijsregels import Employee, Function, Rulebook
from onderwijsregels.cli import main
from onderwijsregels.register_overview import (
    DUE_SOON,
    EXPIRED,
    IN_ORDER,
    MISSING,
    NOT_REQUIRED,
    ONDER_VOORWAARDEN,
    rows_to_csv,
    rows_to_text,
)
from onderwijsregels.registration import Predicate, Register, Registration
from onderwijsregels.rulebook import PLUGINS_ENV

REGISTERS = ("schoolleidersregister-2013", "schoolleidersregister-2022", "lerarenregister-2017")
ON = date(2025, 1, 1)


@pytest.fixture(scope="module")
def rb() -> Rulebook:
    return owr.load(only=REGISTERS)


def person(
    name: str,
    decided: date | None = None,
    *,
    function: Function = Function.DIRECTEUR,
    board: bool = False,
    **changes: object,
) -> tuple[str, Employee]:
    registration = (
        Registration(
            register=Register.SCHOOLLEIDERSREGISTER_PO,
            decision_date=decided,
            **changes,  # type: ignore[arg-type]
        )
        if decided is not None or changes
        else None
    )
    return name, Employee(
        function=function,
        werktijdfactor=Decimal("1"),
        registration=registration,
        statutair_bestuurder=board,
        name=name,
    )


# Each person with the category hand-worked for 2025-01-01.
BOARD = [
    # adjunct-director without a registration: must register, is not
    (person("missing", function=Function.ADJUNCT_DIRECTEUR), MISSING),
    # refused, never registered
    (person("refused", refused_on=date(2024, 5, 1)), MISSING),
    # old register, decided 2020-11-15: due 2024-11-15, onder voorwaarden until 2025-05-15
    (person("voorwaarden", date(2020, 11, 15)), ONDER_VOORWAARDEN),
    # old register, decided 2019-03-01: due 2023-03-01, onder voorwaarden until 2023-09-01
    (person("expired", date(2019, 3, 1)), EXPIRED),
    # old register, decided 2021-01-01: due 2025-01-01, today: still registered, due now
    (person("due today", date(2021, 1, 1)), DUE_SOON),
    # old register, decided 2021-07-01: due 2025-07-01 = 2025-01-01 + 6 months: due soon
    (person("due at the edge", date(2021, 7, 1)), DUE_SOON),
    # old register, decided 2021-07-02: due 2025-07-02, one day past the six months
    (person("due after the edge", date(2021, 7, 2)), IN_ORDER),
    # new register, re-registered 2022-09-01 with 60 points: 3 years, due 2025-09-01
    (person("sixty points", date(2022, 9, 1), points_at_decision=60), IN_ORDER),
    # new register, first registration 2022-09-01: due 2027-09-01
    (person("in order", date(2022, 9, 1), predicate=Predicate.NIVEAU_2), IN_ORDER),
    # a teacher and a statutory board member: not required
    (person("teacher", function=Function.LERAAR), NOT_REQUIRED),
    (person("bestuurder", board=True), NOT_REQUIRED),
]


def test_categories_on_a_chosen_day(rb: Rulebook) -> None:
    rows = owr.register_overview(rb, [who for who, _ in BOARD], ON)
    assert [(row.where, row.category) for row in rows] == [
        (who[0], category) for who, category in BOARD
    ]


def test_rows_carry_status_title_due_and_basis(rb: Rulebook) -> None:
    rows = {row.where: row for row in owr.register_overview(rb, [w for w, _ in BOARD], ON)}
    assert rows["voorwaarden"].status == "onder voorwaarden"
    assert rows["voorwaarden"].due == date(2024, 11, 15)
    assert rows["voorwaarden"].title == "RDO"
    assert rows["expired"].status == "herregistratie verlopen"
    assert rows["in order"].title == "RDO niveau 2"
    assert rows["in order"].due == date(2027, 9, 1)
    assert rows["sixty points"].due == date(2025, 9, 1)
    assert rows["missing"].required is True
    assert rows["missing"].status == "niet geregistreerd"
    assert rows["missing"].due is None
    assert rows["missing"].basis == "Registerreglement Schoolleidersregister PO, art. 1"
    assert rows["bestuurder"].required is False
    assert rows["bestuurder"].status == "niet vereist"
    assert rows["teacher"].status == "niet vereist"


def test_the_same_person_moves_through_the_categories(rb: Rulebook) -> None:
    # Decided 2019-03-01 (old register): due 2023-03-01, onder voorwaarden until 2023-09-01.
    who = person("walk", date(2019, 3, 1))
    expected = [
        (date(2022, 9, 1), DUE_SOON),  # due within six months (2023-03-01 = 2022-09-01 + 6 m)
        (date(2022, 8, 31), IN_ORDER),  # 2022-08-31 + 6 months = 2023-02-28 < due
        (date(2023, 3, 1), DUE_SOON),
        (date(2023, 3, 2), ONDER_VOORWAARDEN),
        (date(2023, 9, 1), ONDER_VOORWAARDEN),
        (date(2023, 9, 2), EXPIRED),
    ]
    for day, category in expected:
        (row,) = owr.register_overview(rb, [who], day)
        assert row.category == category, day


def test_before_the_duty_there_is_no_edition(rb: Rulebook) -> None:
    # the duty starts on 1 February 2013 (AVS reference page): the day before, no edition
    with pytest.raises(owr.NoEditionError):
        owr.register_overview(rb, [person("early")], date(2013, 1, 31))


def test_text_puts_the_categories_that_need_action_first(rb: Rulebook) -> None:
    rows = owr.register_overview(rb, [w for w, _ in BOARD], ON)
    text = rows_to_text(rows, ON)
    lines = text.splitlines()
    assert lines[0] == "Registers on 2025-01-01"
    order = [MISSING, EXPIRED, ONDER_VOORWAARDEN, DUE_SOON, IN_ORDER, NOT_REQUIRED]
    body = lines[3:]
    firsts = [next(i for i, line in enumerate(body) if line.startswith(c)) for c in order]
    assert firsts == sorted(firsts)


def test_text_keeps_file_order_within_a_category(rb: Rulebook) -> None:
    # Records are numbered employees[0] .. employees[11]; employees[10] and [11] come after [9],
    # not between [1] and [2].
    teachers = [
        (f"employees[{i}]", person(f"t{i}", function=Function.LERAAR)[1]) for i in range(12)
    ]
    rows = owr.register_overview(rb, teachers, ON)
    body = rows_to_text(rows, ON).splitlines()[3:]
    listed = [line.split()[2] for line in body]
    assert listed == [f"employees[{i}]" for i in range(12)]


def test_csv_has_a_header_and_a_row_per_employee(rb: Rulebook) -> None:
    rows = owr.register_overview(rb, [w for w, _ in BOARD], ON)
    parsed = list(csv.DictReader(io.StringIO(rows_to_csv(rows))))
    assert len(parsed) == len(BOARD)
    assert list(parsed[0]) == [
        "record",
        "employee",
        "required",
        "status",
        "title",
        "due",
        "category",
        "basis",
    ]
    by_record = {row["record"]: row for row in parsed}
    assert by_record["voorwaarden"]["due"] == "2024-11-15"
    assert by_record["voorwaarden"]["category"] == ONDER_VOORWAARDEN
    assert by_record["missing"]["due"] == ""


# --- the command line -------------------------------------------------------------------------

FILE = """\
name: Stichting Registertest (fictief)
employees:
  - {name: Anna, function: leraar, werktijdfactor: 0.6, scale: L11}
  - name: Ivo
    function: directeur
    werktijdfactor: 1
    scale: D12
    registration: {register: schoolleidersregister-po, decision_date: 2022-09-01, predicate: niveau 2, points: 85}
  - name: Jolien
    function: directeur
    werktijdfactor: 0.8
    scale: D12
    registration: {register: schoolleidersregister-po, decision_date: 2020-11-15, title: RDO}
  - {name: Lotte, function: adjunct-directeur, werktijdfactor: 1, scale: A12}
  - {name: Mehmet, function: directeur, werktijdfactor: 1, scale: D14, statutair_bestuurder: true}
schools:
  - {name: OBS De Regenboog, pupils: 212}
"""


@pytest.fixture
def board_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(PLUGINS_ENV, ",".join(REGISTERS))
    path = tmp_path / "board.yaml"
    path.write_text(FILE, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_text(board_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "registers", str(board_file), "--on", "2025-01-01", "--lang", "en")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Registers on 2025-01-01"
    assert lines[1].split() == ["category", "record", "employee", "status", "title", "due"]
    assert lines[3].startswith(MISSING)
    assert "Lotte" in lines[3]
    assert lines[4].startswith(ONDER_VOORWAARDEN)
    assert "2024-11-15" in lines[4]
    assert lines[5].startswith(IN_ORDER)
    assert "RDO niveau 2" in lines[5]
    assert "2027-09-01" in lines[5]
    assert all(line.startswith(NOT_REQUIRED) for line in lines[6:8])


def test_cli_json(board_file: Path, capsys: pytest.CaptureFixture[str], rb: Rulebook) -> None:
    code, out, _ = run(
        capsys, "registers", str(board_file), "--on", "2025-01-01", "--format", "json"
    )
    assert code == 0
    document = json.loads(out)
    assert document["on"] == "2025-01-01"
    found = {item["record"]: item for item in document["employees"]}
    assert list(found) == [f"employees[{i}]" for i in range(5)]
    receipt = found["employees[1]"].pop("receipt")
    assert receipt["edition_ids"] == ["schoolleidersregister-2022"]
    assert receipt["reference_day"] == "2025-01-01"
    assert found["employees[1]"] == {
        "record": "employees[1]",
        "employee": "Ivo (directeur, D12, werktijdfactor 1)",
        "required": True,
        "status": "geregistreerd",
        "title": "RDO niveau 2",
        "due": "2027-09-01",
        "category": IN_ORDER,
        "basis": "Schoolleidersregister PO",
    }
    assert found["employees[2]"]["category"] == ONDER_VOORWAARDEN
    assert found["employees[3]"]["category"] == MISSING
    assert found["employees[4]"]["category"] == NOT_REQUIRED
    assert found["employees[4]"]["required"] is False
    # the same as the Python API
    records = owr.records.load_records(board_file)
    rows = owr.register_overview(
        rb, [(r.where, r.subject) for r in records if isinstance(r.subject, Employee)], ON
    )
    found["employees[1]"]["receipt"] = receipt
    assert document["employees"] == [row.to_dict() for row in rows]


def test_cli_csv(board_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "registers", str(board_file), "--on", "2025-01-01", "--format", "csv"
    )
    assert code == 0
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert [row["record"] for row in parsed] == [f"employees[{i}]" for i in range(5)]
    assert parsed[2]["status"] == "onder voorwaarden"
    assert parsed[2]["due"] == "2024-11-15"
    assert parsed[3]["category"] == MISSING


@pytest.mark.parametrize(
    ("registration", "field"),
    [
        ("predicate: niveau 3", "employees[1].registration.predicate"),
        ("points: -5", "employees[1].registration.points"),
        ("points_at_decision: -1", "employees[1].registration.points_at_decision"),
        ("postponed_until: 2022-08-01", "employees[1].registration.postponed_until"),
        ("register: beroepsregister", "employees[1].registration.register"),
    ],
)
def test_cli_bad_registration_input_exits_2_naming_the_field(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    registration: str,
    field: str,
) -> None:
    monkeypatch.setenv(PLUGINS_ENV, ",".join(REGISTERS))
    key = registration.split(":")[0]
    base = {
        "register": "schoolleidersregister-po",
        "decision_date": "2022-09-01",
        "predicate": "niveau 2",
    }
    base.pop(key, None)
    fields = ", ".join([f"{k}: {v}" for k, v in base.items()] + [registration])
    path = tmp_path / "bad.yaml"
    path.write_text(
        "employees:\n"
        "  - {function: directeur, werktijdfactor: 1, scale: D12}\n"
        "  - function: directeur\n"
        "    werktijdfactor: 1\n"
        "    scale: D12\n"
        f"    registration: {{{fields}}}\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "registers", str(path), "--on", "2025-01-01")
    assert code == 2
    assert out == ""
    assert f"{path}: {field}:" in err


def test_cli_day_before_the_register_exits_2(
    board_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "registers", str(board_file), "--on", "2013-01-31")
    assert code == 2
    assert "schoolleidersregister" in err


def test_cli_needs_a_day(board_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["registers", str(board_file), "--on", "1 januari"])
    assert caught.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_example_board_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # examples/schoolbestuur.yaml on 2025-01-01: Jolien Hendriks (old register, decided
    # 2020-11-15, due 2024-11-15) is onder voorwaarden; Lotte van Dijk (adjunct, no registration)
    # is missing; Mehmet Kaya (statutory board member) is not required.
    monkeypatch.setenv(PLUGINS_ENV, ",".join(REGISTERS))
    example = Path(__file__).resolve().parent.parent / "examples" / "schoolbestuur.yaml"
    code, out, _ = run(capsys, "registers", str(example), "--on", "2025-01-01", "--format", "json")
    assert code == 0
    by_name = {item["employee"].split(" (")[0]: item for item in json.loads(out)["employees"]}
    assert by_name["Jolien Hendriks"]["category"] == ONDER_VOORWAARDEN
    assert by_name["Lotte van Dijk"]["category"] == MISSING
    assert by_name["Mehmet Kaya"]["category"] == NOT_REQUIRED
    assert by_name["Ivo Peters"]["due"] == "2027-09-01"
    assert by_name["Karim El Amrani"]["title"] == "RDO in opleiding"


def test_the_registers_page_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    # docs/registers.md: Ivo (first registration 2022-09-01, 85 points) on 2025-01-01 is
    # geregistreerd, RDO niveau 2, due 2027-09-01 (+ 5 years), 100 - 85 = 15 points to go;
    # Jolien (old register, 2020-11-15) is onder voorwaarden.
    import re

    monkeypatch.setenv(PLUGINS_ENV, ",".join(REGISTERS))
    page = Path(__file__).resolve().parent.parent / "docs" / "registers.md"
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks
    namespace: dict[str, object] = {"__name__": "docs_registers"}
    for block in blocks:
        exec(compile(block, "docs/registers.md", "exec"), namespace)
    evaluation = namespace["ev"]
    assert isinstance(evaluation, owr.Evaluation)
    assert evaluation["schoolleidersregister_status"].value == "geregistreerd"
    assert evaluation["schoolleidersregister_titel"].value == "RDO niveau 2"
    assert evaluation["schoolleidersregister_herregistratiedatum"].value == date(2027, 9, 1)
    assert evaluation["schoolleidersregister_punten_nodig"].value == 15
    rows = namespace["rows"]
    assert [(row.where, row.category, row.due) for row in rows] == [  # type: ignore[attr-defined]
        ("Ivo", IN_ORDER, date(2027, 9, 1)),
        ("Jolien", ONDER_VOORWAARDEN, date(2024, 11, 15)),
    ]
