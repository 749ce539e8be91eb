"""Text output in Dutch or English: the message catalogue and what people read (issue 12, part 4)."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import onderwijsregels as owr
from onderwijsregels.cli import main
from onderwijsregels.i18n import Message, translate
from onderwijsregels.rulebook import PLUGINS_ENV
from onderwijsregels.testing.plugins import shipped_plugins

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "onderwijsregels"
MESSAGES = PACKAGE / "locale" / "nl" / "LC_MESSAGES"
BOARD = ROOT / "examples" / "schoolbestuur.yaml"
KEYWORDS = {"_": None, "N_": None, "gettext": (1,), "Message": (1,)}
"""As babel.cfg's command extracts them."""


def _catalogue() -> dict[str, str]:
    with (MESSAGES / "onderwijsregels.po").open("rb") as handle:
        catalog = read_po(handle)
    assert not catalog.fuzzy
    return {str(message.id): str(message.string) for message in catalog if message.id}


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w*)\}", text))


def test_every_message_has_a_dutch_translation_with_the_same_placeholders() -> None:
    catalogue = _catalogue()
    assert len(catalogue) >= 100
    for msgid, msgstr in catalogue.items():
        assert msgstr.strip(), f"no Dutch for {msgid!r}"
        assert _placeholders(msgstr) == _placeholders(msgid), msgid


def test_the_catalogue_holds_exactly_the_messages_in_the_code() -> None:
    extracted = {
        message
        for _, _, message, _, _ in (
            (item[0], item[1], item[2], item[3], item[4])
            for item in extract_from_dir(
                str(PACKAGE),
                method_map=[("**.py", "python")],
                keywords=KEYWORDS,
            )
        )
    }
    assert extracted == set(_catalogue()), (
        "the catalogue is out of date: run the commands in babel.cfg"
    )


def test_the_compiled_catalogue_is_up_to_date() -> None:
    with (MESSAGES / "onderwijsregels.mo").open("rb") as handle:
        compiled = read_mo(handle)
    found = {str(message.id): str(message.string) for message in compiled if message.id}
    assert found == _catalogue(), "the .mo is out of date: run pybabel compile (see babel.cfg)"


@pytest.mark.skipif(
    importlib.util.find_spec("wheel") is None,
    reason="pip cannot build the package offline without the wheel package",
)
def test_a_built_package_ships_the_compiled_catalogue(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    for name in ("src", "plugins"):
        shutil.copytree(ROOT / name, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    built = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"),
            *("--no-index", "--quiet", "--wheel-dir", str(tmp_path / "dist"), str(tree)),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (tmp_path / "dist").glob("onderwijsregels-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "onderwijsregels/locale/nl/LC_MESSAGES/onderwijsregels.mo" in names


# --- Message ----------------------------------------------------------------------------------


def test_a_message_is_english_text_and_translates() -> None:
    when = Message("the day asked ({day})", day="2021-03-01")
    note = Message(
        "Counted per calendar year: the value for {year}, the calendar year that holds {when}.",
        year="2021",
        when=when,
    )
    assert note == (
        "Counted per calendar year: the value for 2021, the calendar year that holds the day "
        "asked (2021-03-01)."
    )
    assert translate(note, "en") == note
    assert translate(note, "nl") == (
        "Geldt per kalenderjaar: de waarde voor 2021, het kalenderjaar waarin de gevraagde dag "
        "(2021-03-01) valt."
    )
    assert translate("a plugin's own note", "nl") == "a plugin's own note"


def test_json_keeps_the_english_notes() -> None:
    rb = owr.load(only=shipped_plugins())
    juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.6"))
    ev = rb.evaluate(juf, school_year="2021-2022")
    notes = json.loads(json.dumps(ev.to_dict()))["outcomes"]["individueel_budget"]["notes"]
    assert (
        "Counted per calendar year: the value for 2021, the calendar year that holds the "
        "reference day 2021-08-01, the first day of school year 2021-2022."
    ) in notes
    assert "Geldt per kalenderjaar" in ev.explain("nl")


# --- what people read -------------------------------------------------------------------------


@pytest.fixture
def built_in_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PLUGINS_ENV, ",".join(shipped_plugins()))


def _out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_evaluate_speaks_dutch_by_default_with_rule_titles(
    built_in_only: None, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _out(capsys, "evaluate", str(BOARD), "--year", "2020")
    anna = out.split("\n\n")[0].splitlines()
    # Anna de Vries, leraar at 0.6 in 2020: (500 + 100) × 0.6 = 360.
    assert anna[1].startswith(
        "   kalenderjaar 2020, peildatum 2020-01-01; cao-po: cao-po-2019-2020"
    )
    assert anna[2].split() == ["regel", "waarde", "eenheid", "berust", "op", "zekerheid"]
    budget = next(
        line for line in anna if line.startswith("Individueel professionaliseringsbudget")
    )
    assert budget.split("  ")[0] == "Individueel professionaliseringsbudget"
    assert "€ 360,00" in budget
    assert "EUR per kalenderjaar" in budget
    duty = next(
        line for line in anna if line.startswith("Registratieplicht Schoolleidersregister PO ")
    )
    assert " nee " in duty
    assert "ja/nee" in duty
    assert "individueel_budget" not in out


def test_evaluate_in_english(built_in_only: None, capsys: pytest.CaptureFixture[str]) -> None:
    out = _out(capsys, "evaluate", str(BOARD), "--year", "2020", "--lang", "en")
    anna = out.split("\n\n")[0].splitlines()
    assert anna[1].startswith("   calendar year 2020, reference day 2020-01-01; ")
    duty = next(
        line for line in anna if line.startswith("Registratieplicht Schoolleidersregister PO ")
    )
    assert " no " in duty
    assert "yes/no" in duty
    hours = next(line for line in anna if line.startswith("Uren professionalisering per werkweek"))
    assert "1.2" in hours
    assert "hours per work week" in hours


def test_a_day_is_named_once(built_in_only: None, capsys: pytest.CaptureFixture[str]) -> None:
    out = _out(capsys, "evaluate", str(BOARD), "--on", "2021-03-01", "--lang", "en")
    assert out.splitlines()[1].startswith("   day 2021-03-01; cao-po: cao-po-2021")
    assert (
        "  * Counted per calendar year: the value for 2021, the calendar year that holds the day "
        "asked (2021-03-01)."
    ) in out.splitlines()


def test_explain_steps_write_euros_the_dutch_way(
    built_in_only: None, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _out(capsys, "evaluate", str(BOARD), "--year", "2020", "--format", "explain")
    anna = out.split("\n== ")[0].splitlines()
    at = anna.index("Individueel professionaliseringsbudget")
    assert anna[at + 1] == "  = € 360,00 (EUR per kalenderjaar)"
    assert anna[at + 4].startswith("  3. Naar rato: € 600,00 × werktijdfactor 0.6 = € 360,00   [")
    assert anna[at + 5] == "  4. Eenmaal afgerond op centen (half naar boven): € 360,00"
    assert anna[2] == (
        "Periode: kalenderjaar 2020; peildatum 2020-01-01 (de eerste dag van de periode bepaalt "
        "de edities)"
    )


def test_statement_and_registers_in_dutch(
    built_in_only: None, capsys: pytest.CaptureFixture[str]
) -> None:
    budget = ROOT / "examples" / "directeur-budget.yaml"
    out = _out(capsys, "statement", str(budget), "--through", "2024")
    assert out.startswith("Budgetoverzicht voor Marieke Smits (fictief), per 2024-12-31\n")
    tranche_2020 = next(line for line in out.splitlines() if line.startswith("2020  € 480,00"))
    assert tranche_2020.split()[-2:] == ["ja", "cao-po-2019-2020"]  # saved
    assert "Bestuur: vervallen per school en jaar" in out
    registers = _out(capsys, "registers", str(BOARD), "--on", "2025-01-01")
    assert registers.startswith("Registers op 2025-01-01\ncategorie ")


def test_the_registers_csv_writes_booleans_as_json_does(
    built_in_only: None, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _out(capsys, "registers", str(BOARD), "--on", "2025-01-01", "--format", "csv")
    rows = list(csv.reader(out.splitlines()))
    assert rows[0][2] == "required"
    # The board file has both: Ivo (directeur) must register, Anna (leraar) need not.
    assert {row[2] for row in rows[1:]} == {"true", "false"}


def test_the_regrading_note_in_dutch() -> None:
    # CAO PO 2024-2025 removed D11, accepted until 2025-07-01 (art. quoted in the note).
    rb = owr.load(only=shipped_plugins())
    director = owr.Employee(
        function=owr.Function.DIRECTEUR, werktijdfactor=Decimal("1"), scale="D11"
    )
    ev = rb.evaluate(director, on=date(2025, 3, 1), families="cao-po")
    text = ev.explain("nl")
    assert (
        "Opmerking: Schaal D11 is door CAO PO 2024-2025 uit het loongebouw geschrapt (CAO PO "
        "2024-2025: 'De schalen A10 en D11 zijn geschrapt uit het loongebouw.'); werknemers in "
        "die schaal moeten vóór 2025-07-01 worden overgezet, dus op 2025-03-01 wordt de schaal "
        "nog aanvaard."
    ) in text
    assert "Scale D11 was removed" in ev.explain("en")


def test_an_unknown_language_is_refused() -> None:
    rb = owr.load(only=shipped_plugins())
    juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("1"))
    with pytest.raises(owr.InvalidInputError, match="lang: must be 'nl' or 'en', got 'fr'"):
        rb.evaluate(juf, year=2020).explain("fr")
