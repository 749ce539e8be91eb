"""Hostile and broken input: every limit holds, and every failure is a typed error, never a crash.

Each hostile file is generated here, in ``tmp_path`` (the large ones by code, not committed):
nested YAML aliases ("billion laughs"), nesting a thousand levels deep, numbers of thousands of
digits, files larger than the size limit and endless devices, dates past the calendar's end,
flags that are not what the help promises, output to a console that cannot show every character
or to a full disk. ``docs/limits.md`` documents every limit; the last tests check that its
figures are the constants of :mod:`onderwijsregels.limits`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import OrderedDict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import onderwijsregels as owr
from onderwijsregels import InvalidInputError, limits
from onderwijsregels.cli import main
from onderwijsregels.convert import (
    check_day,
    items_argument,
    names_argument,
    parse_day,
    shown,
    structure_decimal,
)
from onderwijsregels.ledger import Ledger, Situation, Spending, SpendingKind
from onderwijsregels.money import format_eur, round_money
from onderwijsregels.periods import Day, SchoolYear
from onderwijsregels.records import load_ledgers, load_records, parse_records, read_data
from onderwijsregels.registration import Register, Registration

ROOT = Path(__file__).resolve().parent.parent
D = Decimal

# The classic "billion laughs" in a few hundred bytes: nine levels of nine aliases, a billion texts.
LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
)

# Five levels: 9**5 = 59 049 texts, under the value limit, so the value reaches the field.
FIVE_LAUGHS = (
    '[&d [&c [&b [&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"],'
    "*a,*a,*a,*a,*a,*a,*a,*a],*b,*b,*b,*b,*b,*b,*b,*b],*c,*c,*c,*c,*c,*c,*c,*c],"
    "*d,*d,*d,*d,*d,*d,*d,*d]"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(call: object, *args: object, **kwargs: object) -> InvalidInputError:
    assert callable(call)
    with pytest.raises(InvalidInputError) as caught:
        call(*args, **kwargs)
    return caught.value


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command line that must be refused by the argument parser; its stderr."""
    with pytest.raises(SystemExit) as caught:
        main(list(argv))
    assert caught.value.code == 2
    return capsys.readouterr().err


def python(*argv: str, env: dict[str, str] | None = None, **kwargs: object) -> object:
    return subprocess.run(  # type: ignore[call-overload]
        [sys.executable, "-m", "onderwijsregels", *argv],
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        timeout=120,
        check=False,
        **kwargs,
    )


BOARD = "employees:\n  - {function: leraar, werktijdfactor: 1}\n"


# --- a. billion laughs: aliases are bounded, and so is every message ----------------------------


def test_billion_laughs_in_a_name_is_refused_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path, "laughs.yaml", LAUGHS + "function: leraar\nwerktijdfactor: 1\nname: *i\n"
    )
    assert len(path.read_bytes()) < 400
    started = time.monotonic()
    error = refused(load_records, path)
    assert time.monotonic() - started < 10  # before: 8 s and 1.5 GB of memory
    assert error.field == "file"
    assert "aliases" in error.reason
    assert str(limits.MAX_VALUES) in error.reason
    assert len(str(error)) < 300


def test_billion_laughs_on_the_command_line_is_one_short_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path, "laughs.yaml", LAUGHS + "function: leraar\nwerktijdfactor: 1\nname: *i\n"
    )
    code, out, err = cli(capsys, "evaluate", str(path), "--year", "2020")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert f"{path}: file: its aliases (*name) expand it to more than" in err


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ("{function: leraar, werktijdfactor: 1, name: LAUGHS}", "employees[0].name"),
        ("{function: LAUGHS, werktijdfactor: 1}", "employees[0].function"),
        ("{function: leraar, werktijdfactor: 1, scale: LAUGHS}", "employees[0].scale"),
        (
            "{function: leraar, werktijdfactor: 1, "
            "registration: {register: LAUGHS, decision_date: 2020-01-01}}",
            "employees[0].registration.register",
        ),
        ("{function: leraar, werktijdfactor: LAUGHS}", "employees[0].werktijdfactor"),
        ("{function: leraar, werktijdfactor: 1, birth_date: LAUGHS}", "employees[0].birth_date"),
    ],
)
def test_a_huge_shared_value_in_any_employee_field_is_shown_short(
    tmp_path: Path, record: str, field: str
) -> None:
    path = write(tmp_path, "b.yaml", "employees:\n  - " + record.replace("LAUGHS", FIVE_LAUGHS))
    error = refused(load_records, path)
    assert error.field == field
    assert len(error.reason) < 200, error.reason


@pytest.mark.parametrize("field", ["pupils", "name", "brin"])
def test_a_huge_shared_value_in_a_school_field_is_shown_short(tmp_path: Path, field: str) -> None:
    fields = {"pupils": "12", field: FIVE_LAUGHS}
    text = "schools:\n  - {" + ", ".join(f"{k}: {v}" for k, v in fields.items()) + "}\n"
    error = refused(load_records, write(tmp_path, "b.yaml", text))
    assert error.field == f"schools[0].{field}"
    assert len(error.reason) < 200, error.reason


def test_a_huge_shared_value_as_a_key_is_shown_short(tmp_path: Path) -> None:
    text = f"employees:\n  - {{function: leraar, werktijdfactor: 1, ? {FIVE_LAUGHS} : 1}}\n"
    error = refused(load_records, write(tmp_path, "b.yaml", text))
    assert error.field == "file"
    assert "a key must be text" in error.reason
    assert len(error.reason) < 200, error.reason


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    error = refused(read_data, write(tmp_path, "r.yaml", "name: &a [1, *a]\n"))
    assert error.field == "file"
    assert "*a" in error.reason
    assert "recursive" in error.reason


def test_shown_never_builds_the_full_repr() -> None:
    laughs: list[object] = ["lol"] * 9
    for _ in range(8):  # nine levels: a billion texts, shared
        laughs = [laughs] * 9
    assert len(shown(laughs)) <= limits.SHOWN_CHARACTERS
    assert len(shown("x" * 10**7)) <= limits.SHOWN_CHARACTERS
    assert shown(10**5000) == "<a whole number of about 5000 digits>"
    assert shown(D("1" * 5000)) == "<a number of 5000 digits>"
    assert shown({"werktijdfactor": "1.2"}) == "{'werktijdfactor': '1.2'}"

    class Text(str):
        pass

    ordered = OrderedDict((index, index) for index in range(10**5))
    assert shown(ordered) == "{0: 0, 1: 1, 2: 2, 3: 3, ...}"
    assert len(shown(Text("x" * 10**6))) <= limits.SHOWN_CHARACTERS

    class Broken:
        def __repr__(self) -> str:
            raise RuntimeError("no repr")

    assert shown(Broken()).startswith("<Broken instance")


def test_messages_of_the_python_api_are_bounded_too() -> None:
    huge = "=" * 10**6
    for call in (
        lambda: owr.Employee(function=owr.Function.LERAAR, werktijdfactor=1, name=[huge]),  # type: ignore[arg-type]
        lambda: owr.Employee(function=huge, werktijdfactor=1),
        lambda: owr.Employee(function=owr.Function.LERAAR, werktijdfactor=huge),
        lambda: owr.Employee(function=owr.Function.LERAAR, werktijdfactor=1, scale=huge),
        lambda: owr.School(pupils=huge),
        lambda: Registration(register=huge, decision_date=date(2020, 1, 1)),
        lambda: SchoolYear.parse(huge),
        lambda: owr.Employee.from_dict({"function": "leraar", "werktijdfactor": 1, huge: 1}),
        lambda: parse_records([huge]),
    ):
        error = refused(call)
        assert len(str(error)) < 300, str(error)[:300]


# --- b. nesting, digits, pupils and amounts -------------------------------------------------------


def test_json_nested_a_thousand_levels_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "deep.json", "[" * 1000 + "]" * 1000)
    error = refused(read_data, path)
    assert error.field in {"file"} | {"[0]" * n for n in range(1, limits.MAX_DEPTH + 1)}
    assert f"more than {limits.MAX_DEPTH} levels deep" in error.reason


@pytest.mark.parametrize(
    "text",
    [
        "[" * 900 + "]" * 900,  # flow style
        "".join(" " * level + "-\n" for level in range(900)),  # block style
        "a:\n" + "".join(" " * level + "- \n" for level in range(1, 900)),
    ],
)
def test_yaml_nested_nine_hundred_levels_is_refused(tmp_path: Path, text: str) -> None:
    error = refused(read_data, write(tmp_path, "deep.yaml", text))
    assert error.field == "file"
    assert f"more than {limits.MAX_DEPTH} levels deep" in error.reason


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_nesting_up_to_the_limit_is_read(tmp_path: Path, suffix: str) -> None:
    depth = limits.MAX_DEPTH
    path = write(tmp_path, "n" + suffix, "[" * depth + "]" * depth)
    data = read_data(path)
    for _ in range(depth - 1):
        (data,) = data
    assert data == []
    path = write(tmp_path, "n" + suffix, "[" * (depth + 1) + "]" * (depth + 1))
    assert "levels deep" in refused(read_data, path).reason


def test_deep_python_data_is_refused_by_parse_records() -> None:
    data: object = {"function": "leraar", "werktijdfactor": 1}
    for _ in range(2000):
        data = [data]
    error = refused(parse_records, data)
    assert "levels deep" in error.reason
    cyclic: list[object] = []
    cyclic.append(cyclic)
    assert refused(parse_records, cyclic).reason  # a cycle cannot make it loop


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("big.json", '{"schools": [{"pupils": ' + "1" * 5000 + "}]}"),
        ("big.yaml", "schools:\n  - pupils: " + "1" * 5000 + "\n"),
        ("big.json", '{"schools": [{"pupils": 12, "name": ' + "1" * 5000 + "}]}"),
        ("big.yaml", "schools:\n  - {pupils: 12, name: 0." + "1" * 5000 + "}\n"),
    ],
)
def test_a_number_of_thousands_of_digits_names_its_field(
    tmp_path: Path, name: str, text: str
) -> None:
    error = refused(load_records, write(tmp_path, name, text))
    assert error.field in {"schools[0].pupils", "schools[0].name"}
    assert f"more than {limits.MAX_DIGITS} digits" in error.reason
    assert len(error.reason) < 200


def test_the_digit_limit_is_exact(tmp_path: Path) -> None:
    ok = "0." + "1" * limits.MAX_DIGITS
    assert load_records(
        write(tmp_path, "ok.json", f'{{"function": "leraar", "werktijdfactor": {ok}}}')
    )
    too_long = "0." + "1" * (limits.MAX_DIGITS + 1)
    error = refused(
        load_records,
        write(tmp_path, "no.json", f'{{"function": "leraar", "werktijdfactor": {too_long}}}'),
    )
    assert error.field == "werktijdfactor"
    error = refused(structure_decimal, too_long, "werktijdfactor")
    assert error.field == "werktijdfactor"
    assert f"more than {limits.MAX_DIGITS} digits" in error.reason


def test_pupils_beyond_the_sanity_limit_name_the_field(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", "pupils: 508983559831017458136103\n")
    error = refused(load_records, path)
    assert error.field == "record.pupils"
    assert f"at most {limits.MAX_PUPILS}" in error.reason
    assert "sanity limit" in error.reason
    assert owr.School(pupils=limits.MAX_PUPILS).pupils == limits.MAX_PUPILS
    assert refused(owr.School, pupils=limits.MAX_PUPILS + 1).field == "pupils"


def test_the_largest_school_evaluates_without_an_arithmetic_error(
    rulebook_all: owr.Rulebook,
) -> None:
    for year in range(2020, 2027):
        evaluation = rulebook_all.evaluate(owr.School(pupils=limits.MAX_PUPILS), year=year)
        for outcome in evaluation.outcomes:
            if isinstance(outcome.value, Decimal):
                format_eur(outcome.value)


@pytest.mark.parametrize("amount", ["1E+26", "1000000000.01", "99999999999999999999"])
def test_a_spending_beyond_the_sanity_limit_names_the_field(tmp_path: Path, amount: str) -> None:
    text = (
        "ledgers:\n  - situations: [{year: 2020, function: directeur, werktijdfactor: 1}]\n"
        f"    spendings: [{{day: 2020-03-01, amount: {amount}, kind: studieverlof}}]\n"
    )
    error = refused(load_ledgers, write(tmp_path, "l.yaml", text))
    assert error.field == "ledgers[0].spendings[0].amount"
    assert "€ 1.000.000.000,00" in error.reason
    assert "sanity limit" in error.reason
    spending = Spending(date(2020, 3, 1), limits.MAX_AMOUNT, SpendingKind.STUDIEVERLOF)
    assert spending.amount == limits.MAX_AMOUNT


def test_round_money_keeps_large_amounts() -> None:
    # Python's default context (28 digits) refused this with decimal.InvalidOperation.
    assert round_money(D("508983559831017458136103") * D("123.45")) == D(
        "62834020461139105206901915.35"
    )


# --- c. size ------------------------------------------------------------------------------------


def test_a_file_larger_than_the_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "b.yaml", BOARD)
    size = path.stat().st_size
    assert load_records(path, max_bytes=size)
    error = refused(load_records, path, max_bytes=size - 1)
    assert error.field == "file"
    assert f"larger than {size - 1} bytes" in error.reason
    assert "--max-bytes" in error.reason
    assert refused(read_data, path, max_bytes=size - 1).field == "file"
    assert refused(load_ledgers, path, max_bytes=size - 1).field == "file"


def test_a_large_generated_file_is_refused_by_the_default_limit(tmp_path: Path) -> None:
    path = tmp_path / "large.json"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"employees": [')
        row = '{"function": "leraar", "werktijdfactor": 1, "name": "' + "x" * 200 + '"},'
        for _ in range(limits.MAX_BYTES // len(row) + 1):
            handle.write(row)
        handle.write('{"function": "leraar", "werktijdfactor": 1}]}')
    assert path.stat().st_size > limits.MAX_BYTES
    started = time.monotonic()
    error = refused(load_records, path)
    assert time.monotonic() - started < 10
    assert f"larger than {limits.MAX_BYTES} bytes" in error.reason


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_refused_at_the_limit() -> None:
    error = refused(read_data, Path("/dev/zero"), max_bytes=1000)
    assert error.field == "file"
    assert "larger than 1000 bytes" in error.reason
    assert refused(read_data, "/dev/zero").field == "file"  # the default limit, 10 MB


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_the_command_line_stops_reading_an_endless_device(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = cli(capsys, "evaluate", "/dev/zero", "--year", "2020", "--max-bytes", "100")
    assert code == 2
    assert err == (
        "onderwijsregels: /dev/zero: file: is larger than 100 bytes, the limit on input files; "
        "give --max-bytes (or max_bytes=) to read a larger file\n"
    )


def test_max_bytes_flag_raises_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "b.yaml", BOARD)
    code, _, err = cli(capsys, "evaluate", str(path), "--year", "2020", "--max-bytes", "10")
    assert code == 2
    assert "larger than 10 bytes" in err
    code, _, err = cli(capsys, "evaluate", str(path), "--year", "2020", "--max-bytes", "1000")
    assert (code, err) == (0, "")


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "10", None])
def test_max_bytes_must_be_a_positive_whole_number(tmp_path: Path, bad: object) -> None:
    path = write(tmp_path, "b.yaml", BOARD)
    assert refused(read_data, path, max_bytes=bad).field == "max_bytes"


@pytest.mark.parametrize("bad", ["0", "-1", "10MB", "1e6", "١٠٠"])
def test_max_bytes_flag_must_be_a_positive_whole_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    path = write(tmp_path, "b.yaml", BOARD)
    err = usage_error(capsys, "evaluate", str(path), "--year", "2020", f"--max-bytes={bad}")
    assert "argument --max-bytes:" in err


def test_too_many_values_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text("[" + "0," * limits.MAX_VALUES + "0]", encoding="utf-8")  # 2 MB
    error = refused(read_data, path)
    assert error.field == "file"
    assert f"more than {limits.MAX_VALUES} values" in error.reason
    # a raised size limit raises the value limit with it
    big = limits.MAX_VALUES * limits.BYTES_PER_VALUE * 2
    assert len(read_data(path, max_bytes=big)) == limits.MAX_VALUES + 1


def test_a_path_must_be_a_path() -> None:
    assert refused(read_data, 12).field == "path"
    assert refused(load_records, None).field == "path"


def test_a_directory_is_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    error = refused(read_data, tmp_path)
    assert error.field == "file"
    assert "cannot be read" in error.reason


# --- d. output: encodings and write errors ------------------------------------------------------


def test_output_a_console_cannot_show_is_replaced_with_a_note(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "b.yaml",
        'employees:\n  - {function: leraar, werktijdfactor: 1, name: "Zoë 王 ✓"}\n',
    )
    done = python(
        "evaluate",
        str(path),
        "--year",
        "2020",
        env={"PYTHONIOENCODING": "cp1252"},
        capture_output=True,
    )
    assert done.returncode == 0, done.stderr  # type: ignore[attr-defined]
    out = done.stdout.decode("cp1252")  # type: ignore[attr-defined]
    assert "== employees[0]: Zoë ? ? (leraar, werktijdfactor 1)" in out
    err = done.stderr.decode("cp1252")  # type: ignore[attr-defined]
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert "cp1252" in err
    assert "PYTHONIOENCODING=utf-8" in err


def test_errors_on_a_strict_console_do_not_crash(tmp_path: Path) -> None:
    path = write(tmp_path, "b.yaml", "function: 王\nwerktijdfactor: 1\n")
    done = python(
        "evaluate",
        str(path),
        "--year",
        "2020",
        env={"PYTHONIOENCODING": "cp1252:strict"},
        capture_output=True,
    )
    assert done.returncode == 2  # type: ignore[attr-defined]
    err = done.stderr.decode("cp1252")  # type: ignore[attr-defined]
    assert "Traceback" not in err
    assert "record.function: '?' is not one of" in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_exit_1(tmp_path: Path) -> None:
    path = write(tmp_path, "b.yaml", BOARD)
    with Path("/dev/full").open("w") as full:
        done = python("evaluate", str(path), "--year", "2020", stdout=full, stderr=subprocess.PIPE)
    err = done.stderr.decode()  # type: ignore[attr-defined]
    assert done.returncode == 1  # type: ignore[attr-defined]
    assert err == "onderwijsregels: cannot write the output: No space left on device\n"


def test_a_closed_pipe_is_quiet_and_exit_1(tmp_path: Path) -> None:
    path = write(tmp_path, "b.yaml", BOARD)
    process = subprocess.Popen(
        [sys.executable, "-m", "onderwijsregels", "evaluate", str(path), "--year", "2020"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader goes away before the output comes, as `| true` does
    _, err = process.communicate(timeout=120)
    # Exit 1 (the output is not whole), but no message: a reader such as `| head` closes the
    # pipe on purpose once it has what it wants, and cat or grep say nothing then either.
    assert process.returncode == 1
    assert err.decode() == ""


# --- e. arguments of the public API -------------------------------------------------------------


def test_names_argument() -> None:
    assert names_argument(None, "only") is None
    assert names_argument("cao-po-2021", "only") == ("cao-po-2021",)
    assert names_argument(["a", "b"], "families") == ("a", "b")
    assert names_argument(iter(["a"]), "families") == ("a",)
    for bad in (False, 5, b"cao-po", {"cao-po": 1}, [1], ["cao-po", ""], "", [None]):
        error = refused(names_argument, bad, "families")
        assert error.field == "families"


def test_items_argument() -> None:
    assert items_argument([os, json], "plugins", "plugin objects") == (os, json)
    assert items_argument((), "plugins", "plugin objects") == ()
    for bad in (None, os, "module", {"a": os}):
        error = refused(items_argument, bad, "plugins", "plugin objects")
        assert error.field == "plugins"
        assert "must be a list of plugin objects" in error.reason


@pytest.mark.parametrize("families", [False, 5, [1], b"cao-po"])
def test_evaluate_checks_families(rulebook_all: owr.Rulebook, families: object) -> None:
    employee = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=1)
    error = refused(rulebook_all.evaluate, employee, year=2021, families=families)
    assert error.field == "families"
    error = refused(lambda: list(rulebook_all.run([employee], year=2021, families=families)))  # type: ignore[arg-type]
    assert error.field == "families"


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"plugins": None}, "plugins"),
        ({"plugins": os}, "plugins"),
        ({"only": [1]}, "only"),
        ({"only": 5}, "only"),
    ],
)
def test_load_checks_its_arguments(arguments: dict[str, object], field: str) -> None:
    assert refused(owr.load, **arguments).field == field


def test_load_reads_one_name_as_one_name() -> None:
    rulebook = owr.load(only="cao-po-2021")
    assert [plugin.name for plugin in rulebook.plugins] == ["cao-po-2021"]


# --- f. flags are blamed on the flag; dates stay in the calendar --------------------------------


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["--year", "3000"], "--year"),
        (["--year", "1899"], "--year"),
        (["--on", "9999-12-31"], "--on"),
        (["--school-year", "1899-1900"], "--school-year"),
        (["--school-year", "2021/2022"], "--school-year"),
    ],
)
def test_a_bad_flag_value_names_the_flag_not_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], flag: str
) -> None:
    path = write(tmp_path, "b.yaml", BOARD)
    err = usage_error(capsys, "evaluate", str(path), *argv)
    assert f"argument {flag}: " in err
    assert str(path) not in err
    assert "Traceback" not in err


def test_statement_flags_name_the_flag(capsys: pytest.CaptureFixture[str]) -> None:
    example = str(ROOT / "examples" / "directeur-budget.yaml")
    assert "argument --through: must lie between" in usage_error(
        capsys, "statement", example, "--through", "3000"
    )
    err = usage_error(capsys, "statement", example, "--through", "2024", "--as-of", "2023-05-01")
    assert "argument --as-of: must be a day in 2024" in err
    code, _, err = cli(capsys, "statement", example, "--through", "2019")
    assert code == 2
    assert "--through: 2019 lies before the ledger's first year (2020)" in err


@pytest.mark.parametrize("field", ["decision_date", "postponed_until", "refused_on"])
def test_registration_dates_lie_in_the_calendar_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str
) -> None:
    dates = {"decision_date": "2020-01-01", field: "9999-12-31"}
    registration = ", ".join(f"{k}: {v}" for k, v in dates.items())
    text = (
        "employees:\n  - {function: directeur, werktijdfactor: 1, "
        f"registration: {{register: schoolleidersregister-po, {registration}}}}}\n"
    )
    path = write(tmp_path, "b.yaml", text)
    code, _, err = cli(capsys, "registers", str(path), "--on", "2025-01-01")
    assert code == 2  # before: a failure of a built-in plugin, exit 1
    assert (
        f"employees[0].registration.{field}: must lie between 1900-01-01 and 2999-12-31, "
        "got 9999-12-31"
    ) in err
    error = refused(
        Registration,
        register=Register.SCHOOLLEIDERSREGISTER_PO,
        **{**{"decision_date": date(2020, 1, 1)}, field: date(9999, 12, 31)},
    )
    assert error.field == field


def test_other_dates_lie_in_the_calendar_range() -> None:
    assert (
        refused(owr.Employee, function="leraar", werktijdfactor=1, birth_date=date(1, 1, 1)).field
        == "birth_date"
    )
    assert refused(Spending, date(3000, 1, 1), D("1"), SpendingKind.STUDIEVERLOF).field == "day"
    assert refused(Day, date(9999, 12, 31)).field == "on"
    assert check_day(limits.FIRST_DAY, "x") == date(1900, 1, 1)
    assert check_day(limits.LAST_DAY, "x") == date(2999, 12, 31)
    assert refused(check_day, date(1899, 12, 31), "x").reason.endswith("got 1899-12-31")


# --- g. only what the help promises: ASCII YYYY-MM-DD and ASCII years ---------------------------


@pytest.mark.parametrize(
    "day",
    [
        "20200101",
        "2020-W01-1",
        "2020-001",
        "2020-1-1",
        " 2020-01-01",
        "٢٠٢٠-٠١-٠١",
        "2020-01-01T00:00",
        "2020-02-30",
    ],
)
def test_on_takes_only_ascii_yyyy_mm_dd(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str
) -> None:
    path = write(tmp_path, "b.yaml", BOARD)
    err = usage_error(capsys, "evaluate", str(path), f"--on={day}")
    assert "argument --on: " in err
    assert refused(parse_day, day, "on").field == "on"


@pytest.mark.parametrize("year", ["٢٠٢٠", "２０２０", "+2020", " 2020", "2_020", "20200"])
def test_years_are_four_ascii_digits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], year: str
) -> None:
    path = write(tmp_path, "b.yaml", BOARD)
    assert "argument --year: " in usage_error(capsys, "evaluate", str(path), f"--year={year}")
    example = str(ROOT / "examples" / "directeur-budget.yaml")
    assert "argument --through: " in usage_error(capsys, "statement", example, f"--through={year}")
    assert refused(SchoolYear.parse, f"{year}-2021").field == "school_year"


@pytest.mark.parametrize("text", ["٣", "0.5 ", "1_000", "NaN", "Infinity", "0x10", "½"])
def test_decimal_strings_are_ascii_numbers(text: str) -> None:
    assert refused(structure_decimal, text, "werktijdfactor").field == "werktijdfactor"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"function": "leraar", "werktijdfactor": 1, "birth_date": "20200101"}', "YYYY-MM-DD"),
        ('{"function": "leraar", "werktijdfactor": 1, "birth_date": "2020-W01-1"}', "YYYY-MM-DD"),
        ('{"function": "leraar", "werktijdfactor": NaN}', "not a decimal number"),
        ('{"function": "leraar", "werktijdfactor": Infinity}', "not a decimal number"),
    ],
)
def test_json_values_are_what_is_documented(tmp_path: Path, text: str, reason: str) -> None:
    error = refused(load_records, write(tmp_path, "b.json", text))
    assert reason in error.reason


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2020-1-1", "'2020-1-1' is not a date written as YYYY-MM-DD"),
        ("0000-01-01", "is not a day"),
        ("2020-02-30", "is not a day"),
        ("9999-12-31", "must lie between 1900-01-01 and 2999-12-31"),
        ("2020-01-01 10:00:00", "must be a date without a time"),
    ],
)
def test_yaml_dates_are_what_is_documented(tmp_path: Path, value: str, reason: str) -> None:
    text = f"function: leraar\nwerktijdfactor: 1\nbirth_date: {value}\n"
    error = refused(load_records, write(tmp_path, "b.yaml", text))
    assert error.field == "record.birth_date"
    assert reason in error.reason


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1:30.5"])
def test_yaml_special_floats_are_not_numbers(tmp_path: Path, value: str) -> None:
    text = f"function: leraar\nwerktijdfactor: {value}\n"
    error = refused(load_records, write(tmp_path, "b.yaml", text))
    assert error.field == "record.werktijdfactor"
    assert "is not a decimal number" in error.reason


# --- i. merge keys and byte order marks ----------------------------------------------------------


def test_merge_keys_follow_yaml(tmp_path: Path) -> None:
    text = (
        "employees:\n"
        "  - &base {function: leraar, werktijdfactor: 1, scale: L11, name: Anna}\n"
        "  - <<: *base\n"
        "    werktijdfactor: 0.5\n"
        "    name: Bram\n"
        "  - <<: [{name: Cas, scale: L12}, *base]\n"  # the first merged mapping wins
    )
    records = load_records(write(tmp_path, "b.yaml", text))
    subjects = [record.subject for record in records]
    assert [(s.name, s.werktijdfactor, s.scale) for s in subjects] == [  # type: ignore[union-attr]
        ("Anna", D("1"), "L11"),
        ("Bram", D("0.5"), "L11"),
        ("Cas", D("1"), "L12"),
    ]


def test_a_key_written_twice_is_still_refused_next_to_a_merge(tmp_path: Path) -> None:
    text = (
        "employees:\n"
        "  - &base {function: leraar, werktijdfactor: 1}\n"
        "  - <<: *base\n"
        "    name: Bram\n"
        "    name: Cas\n"
    )
    error = refused(load_records, write(tmp_path, "b.yaml", text))
    assert error.reason == "the key 'name' appears twice in one mapping (line 5)"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("b.json", '{"function": "leraar", "werktijdfactor": 1}'),
        ("b.yaml", "function: leraar\nwerktijdfactor: 1\n"),
    ],
)
def test_a_byte_order_mark_is_accepted_in_json_and_yaml(
    tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    (record,) = load_records(path)
    assert record.subject == owr.Employee(function=owr.Function.LERAAR, werktijdfactor=1)


# --- j. an overspending names the spending that does not fit -----------------------------------


def directeur_2020() -> Ledger:
    # Directie 2020: € 3100 (CAO PO 2019-2020 art. 9.6 lid 3 plus the € 100 of art. 9.8);
    # no savings agreement, so it must be spent in 2020 (spend by 2020-12-31).
    return Ledger(situations=[Situation(2020, owr.Function.DIRECTEUR, D("1"))])


def test_an_earlier_spending_that_breaks_a_later_one_is_named(rulebook_all: owr.Rulebook) -> None:
    # All € 3100 spent on 2 January; then € 0.01 on 1 January. Replayed in day order the
    # € 0.01 comes first and fits, and the € 3100 of 2 January no longer does: the error must
    # still name the new spending of 1 January, with € 0.00 available for it that day (the
    # whole € 3100 is taken by the booked spending).
    spent = directeur_2020().spend(
        Spending(date(2020, 1, 2), D("3100.00"), SpendingKind.STUDIEVERLOF, "course"), rulebook_all
    )
    cent = Spending(date(2020, 1, 1), D("0.01"), SpendingKind.STUDIEKOSTENVERGOEDING, "book")
    with pytest.raises(owr.OverspendingError) as caught:
        spent.spend(cent, rulebook_all)
    error = caught.value
    assert error.spending == cent
    assert error.available == D("0.00")
    assert error.tranches == ("2020: € 0,00 left of € 3.100,00, spend by 2020-12-31",)
    assert str(error).startswith(
        "spending of € 0,01 on 2020-01-01 (book) exceeds the € 0,00 available that day"
    )


def test_the_available_amount_leaves_the_booked_spendings_whole(
    rulebook_all: owr.Rulebook,
) -> None:
    # € 3000 booked on 2 January leaves € 100 that can be spent on 1 January; € 200 cannot.
    spent = directeur_2020().spend(
        Spending(date(2020, 1, 2), D("3000.00"), SpendingKind.STUDIEVERLOF), rulebook_all
    )
    early = Spending(date(2020, 1, 1), D("200.00"), SpendingKind.STUDIEVERLOF)
    with pytest.raises(owr.OverspendingError) as caught:
        spent.spend(early, rulebook_all)
    assert caught.value.spending == early
    assert caught.value.available == D("100.00")
    assert caught.value.tranches == ("2020: € 100,00 left of € 3.100,00, spend by 2020-12-31",)
    fits = spent.spend(
        Spending(date(2020, 1, 1), D("100.00"), SpendingKind.STUDIEVERLOF), rulebook_all
    )
    assert fits.statement(rulebook_all, through=2020).years[0].closing == D("0.00")


# --- docs/limits.md shows the figures of the code ----------------------------------------------

LIMITS_PAGE = ROOT / "docs" / "limits.md"


def _table() -> dict[str, str]:
    rows = re.findall(r"^\| [^|]+ \| `([A-Z_]+)` \| ([^|]+) \|", LIMITS_PAGE.read_text(), re.M)
    return {name: value.strip() for name, value in rows}


def test_the_limits_page_lists_every_limit_with_its_value() -> None:
    table = _table()
    assert set(table) == set(limits.__all__)
    for name, shown_value in table.items():
        value = getattr(limits, name)
        assert shown_value == (value.isoformat() if isinstance(value, date) else str(value)), name


def test_every_figure_on_the_limits_page_is_a_limit() -> None:
    # Outside the table, a number of three or more digits on the page is a limit of the code
    # (or part of a limit's date), or one of these figures that are not limits: examples of bad
    # input and the names of encodings.
    not_limits = {"3000", "9999", "1252", "20200101", "2020"}
    values = {
        part
        for value in (getattr(limits, name) for name in limits.__all__)
        for part in re.findall(r"\d+", value.isoformat() if isinstance(value, date) else str(value))
    }
    text = LIMITS_PAGE.read_text()
    prose = "\n".join(line for line in text.splitlines() if not line.startswith("| "))
    for figure in re.findall(r"\d[\d ]*\d{2}|\d{3,}", prose):
        figure = figure.replace(" ", "")
        assert figure in values | not_limits, f"docs/limits.md: {figure} is not a limit of the code"


def test_the_limits_page_is_linked() -> None:
    assert "limits.md" in (ROOT / "mkdocs.yml").read_text()
    assert "(limits.md)" in (ROOT / "docs" / "index.md").read_text()
