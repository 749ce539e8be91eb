"""Editions written as data (issue 10, section 1) and the plugin path (section 4).

An edition file names the edition it derives from, reuses its rules and overrides dated values
by parameter id. These tests load the fictional example (examples/cao-po-voorbeeld-2098.yaml),
check every validation names the file, the place in it and the line, prove that exporting any
built-in edition that adds no rule of its own and loading it back gives the same results, and
cover the plugin hook for data files and the warning for a plugin that implements no hook.
"""

from __future__ import annotations

import json
import re
import types
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

import onderwijsregels as owr
from onderwijsregels import Employee, Function, School
from onderwijsregels.cli import help_text, main
from onderwijsregels.data_editions import (
    EditionFileProblems,
    edition_data,
    expressible,
    read_edition_file,
)
from onderwijsregels.rulebook import PLUGINS_ENV
from onderwijsregels.testing.plugins import shipped_plugins

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cao-po-voorbeeld-2098.yaml"
EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")
SHIPPED = shipped_plugins()


@pytest.fixture(autouse=True)
def _shipped_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI and load() see the shipped plugins only, whatever else is installed."""
    monkeypatch.setenv(PLUGINS_ENV, ",".join(SHIPPED))


@pytest.fixture(scope="module")
def shipped() -> owr.Rulebook:
    return owr.load(only=SHIPPED)


def write(tmp_path: Path, text: str, name: str = "editie.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def changed(old: str, new: str, text: str = EXAMPLE_TEXT) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, fragment: str) -> int:
    """The line (from 1) where ``fragment`` occurs once in ``text``."""
    assert text.count(fragment) == 1, fragment
    return text[: text.index(fragment)].count("\n") + 1


def refused(tmp_path: Path, text: str) -> owr.InvalidInputError:
    path = write(tmp_path, text)
    with pytest.raises(owr.InvalidInputError) as caught:
        owr.load(only=SHIPPED, edition_files=[path])
    return caught.value


def leraar(factor: str = "1") -> Employee:
    return Employee(function=Function.LERAAR, werktijdfactor=Decimal(factor), scale="L11")


# --- the example loads, and results say where they come from ----------------------------------


def test_the_example_loads_and_governs_2098(shipped: owr.Rulebook) -> None:
    rb = owr.load(only=SHIPPED, edition_files=[EXAMPLE])
    edition = rb.get("cao-po-voorbeeld-2098")
    assert (edition.family, edition.derives_from) == ("cao-po", "cao-po-2025-2027")
    assert edition.source_file == str(EXAMPLE)
    assert edition.provisional
    assert edition.citation.read_at.grade is owr.Grade.D
    assert rb.edition("cao-po", on=date(2098, 6, 1)) is edition
    # Days before it are untouched.
    assert rb.edition("cao-po", on=date(2097, 12, 31)).id == "cao-po-2025-2027"
    # The rules are the base edition's own objects; only individueel_budget reads a new value.
    base = shipped.get("cao-po-2025-2027")
    assert all(mine is theirs for mine, theirs in zip(edition.rules, base.rules, strict=True))
    assert "individueel_budget" not in edition.carried_over
    assert "pdi_uren" in edition.carried_over


def test_results_carry_the_file_and_its_citations() -> None:
    rb = owr.load(only=SHIPPED, edition_files=[EXAMPLE])
    ev = rb.evaluate(leraar("0.5"), year=2098, families="cao-po")
    budget = ev["individueel_budget"]
    assert budget.value == Decimal("300.00")  # the made-up € 600.00 × 0.5
    assert budget.citation.reference == "FICTIEF VOORBEELD CAO PO 2098"
    assert budget.citation.read_at.id == "fictief-voorbeeld-2098"
    assert budget.confidence is owr.Confidence.INTERPRETATION  # grade D
    note = next(note for note in budget.notes if note.startswith("Data edition"))
    assert str(EXAMPLE) in note
    assert "cao-po-2025-2027" in note
    document = ev.to_dict()
    assert document["editions"][0]["source_file"] == str(EXAMPLE)
    assert any(
        note.startswith("Data edition") for note in document["outcomes"]["pdi_uren"]["notes"]
    )
    # The gap the file gives is reported as not encoded, with its reason.
    boss = Employee(function=Function.DIRECTEUR, werktijdfactor=Decimal("1"), scale="D12")
    with pytest.raises(owr.NotEncodedError, match="FICTIEF VOORBEELD: a known gap") as caught:
        rb.evaluate(boss, year=2098, families="cao-po")["individueel_budget"]
    assert caught.value.parameter == "individueel_budget_directie"


def test_an_edition_built_in_python_has_no_source_file(shipped: owr.Rulebook) -> None:
    assert all(
        edition.source_file is None
        for family in shipped.families()
        for edition in shipped.editions(family)
    )
    assert shipped.get("cao-po-2021").to_dict()["source_file"] is None
    # A successor derived in Python from an edition read from a file does not inherit the file.
    rb = owr.load(only=SHIPPED, edition_files=[EXAMPLE])
    later = rb.derive(
        "cao-po-voorbeeld-2098",
        id="cao-po-voorbeeld-2098-b",
        title="FICTIEF VOORBEELD b",
        valid_from=date(2098, 6, 1),
        valid_to=None,
        citation=rb.get("cao-po-voorbeeld-2098").citation,
    )
    assert later.source_file is None


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, re.DOTALL)


def test_the_plugins_page_example_runs_and_prints_what_it_says(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    (block,) = [block for block in _python_blocks(page) if "edition_files=" in block]
    monkeypatch.chdir(ROOT)
    exec(compile(block, "docs/plugins.md", "exec"), {"__name__": "docs_plugins_data"})
    printed = capsys.readouterr().out.rstrip("\n")
    after = page[page.index(block) + len(block) :]
    shown = re.match(r"```\n\n```text\n(.*?)\n```", after, re.DOTALL)
    assert shown is not None, "the example needs its output in a ```text block right after it"
    assert printed == shown.group(1)


def test_the_data_only_plugin_of_the_docs_loads(tmp_path: Path) -> None:
    page = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    (block,) = [
        b for b in _python_blocks(page) if "@hookimpl\ndef onderwijsregels_edition_files" in b
    ]
    module = types.ModuleType("my_cao_data")
    module.__file__ = str(tmp_path / "__init__.py")
    text = changed("id: cao-po-voorbeeld-2098", "id: cao-po-voorbeeld-2099-data")
    write(tmp_path, text, "cao-po-2099.yaml")
    exec(compile(block, "docs/plugins.md", "exec"), module.__dict__)
    rb = owr.load([module], only=SHIPPED)
    assert rb.provider("cao-po-voorbeeld-2099-data").name == "my_cao_data"
    assert rb.get("cao-po-voorbeeld-2099-data").source_file == str(tmp_path / "cao-po-2099.yaml")


# --- round trip: export, load, the same results ------------------------------------------------


def _pure_data(rb: owr.Rulebook) -> dict[str, list[str]]:
    """Per shipped plugin, its editions, if each can be written as data deriving from its base."""
    found: dict[str, list[str]] = {}
    for plugin in rb.plugins:
        ids = list(plugin.editions)
        editions = [rb.get(edition_id) for edition_id in ids]
        if ids and all(
            edition.derives_from is not None
            and expressible(edition, rb.get(edition.derives_from)) is None
            for edition in editions
        ):
            found[plugin.name] = ids
    return found


def test_which_built_in_editions_are_data_over_their_base(shipped: owr.Rulebook) -> None:
    # The editions that change values only; the others have rules of their own.
    assert _pure_data(shipped) == {
        "bekostiging-pbss-2023": [
            "bekostiging-professionalisering-2023",
            "bekostiging-professionalisering-2024",
            "bekostiging-professionalisering-2025",
        ],
        "cao-po-2021": ["cao-po-2021"],
        "cao-po-2022": ["cao-po-2022"],
        "cao-po-2025-2027": ["cao-po-2025-2027"],
    }


def _subjects() -> list[Employee | School]:
    people: list[Employee | School] = [
        leraar("1"),
        leraar("0.6"),
        Employee(function=Function.OOP, werktijdfactor=Decimal("0.5")),
        Employee(
            function=Function.LERAAR,
            werktijdfactor=Decimal("0.8"),
            scale="L10",
            trede=1,
            birth_date=date(1965, 3, 1),
        ),
        Employee(function=Function.DIRECTEUR, werktijdfactor=Decimal("1"), scale="D12"),
        Employee(function=Function.ADJUNCT_DIRECTEUR, werktijdfactor=Decimal("0.8"), scale="A11"),
        School(pupils=212),
    ]
    return people


def _periods() -> Iterator[dict[str, Any]]:
    for year in range(2019, 2032):
        yield {"year": year}
        yield {"school_year": f"{year}-{year + 1}"}
    for day in (date(2022, 6, 1), date(2023, 5, 1), date(2025, 11, 1), date(2027, 3, 1)):
        yield {"on": day}


def _normalised(document: object) -> object:
    """JSON of an evaluation without what says it came from a file (the receipt keeps the
    edition ids, the day and the input's hash, which must not change)."""
    if isinstance(document, dict):
        return {
            key: _normalised(value)
            for key, value in document.items()
            if key not in ("source_file", "source_sha256")
            and not (key == "editions" and "input_sha256" in document)
        }
    if isinstance(document, list):
        return [
            _normalised(item)
            for item in document
            if not (isinstance(item, str) and item.startswith("Data edition:"))
        ]
    return document


def _outcome(rb: owr.Rulebook, subject: Employee | School, period: dict[str, Any]) -> object:
    try:
        return _normalised(rb.evaluate(subject, **period).to_dict())
    except owr.InputError as error:
        return f"{type(error).__name__}: {error}"


@pytest.mark.parametrize(
    "plugin",
    ["cao-po-2021", "cao-po-2022", "cao-po-2025-2027", "bekostiging-pbss-2023"],
)
def test_export_then_load_gives_the_same_results(
    plugin: str, shipped: owr.Rulebook, tmp_path: Path
) -> None:
    ids = _pure_data(shipped)[plugin]
    files = []
    for edition_id in reversed(ids):  # a later edition's file first: the order does not matter
        path = write(tmp_path, shipped.export_edition(edition_id), f"{edition_id}.yaml")
        files.append(path)
    without = [name for name in SHIPPED if name != plugin]
    from_data = owr.load(only=without, edition_files=files)
    for edition_id in ids:
        mine, theirs = from_data.get(edition_id), shipped.get(edition_id)
        assert mine.source_file == str(tmp_path / f"{edition_id}.yaml")
        assert attrs.evolve(mine, source_file=None, source_sha256=None) == theirs
        assert mine.carried_over == theirs.carried_over
        assert mine.carried_values == theirs.carried_values
    for subject in _subjects():
        for period in _periods():
            assert _outcome(from_data, subject, period) == _outcome(shipped, subject, period), (
                subject,
                period,
            )


def test_an_exported_file_is_plain_yaml_with_exact_numbers(shipped: owr.Rulebook) -> None:
    text = shipped.export_edition("cao-po-2025-2027")
    assert text.startswith("# CAO PO 2025-2027: edition 'cao-po-2025-2027', written as data")
    data = yaml.safe_load(text)
    assert data["derives_from"] == "cao-po-2024-2025"
    assert data["valid_to"] == date(2027, 2, 28)
    assert "remove" not in data
    values = data["parameters"]["individueel_budget_op_oop"]
    assert [item["value"] for item in values] == [500, 525, 525]
    # A register source by its id, the article as text, confirmed where it is.
    assert values[0]["citation"]["read_at"] == "poraad-faq-rechten-professionalisering"
    assert values[0]["citation"]["article"] == "9.3"
    assert values[0]["citation"]["article_confirmed"] is True
    texts = data["parameters"]["bestedingsvormen_directie"][0]["value"]
    assert texts == [
        "studieverlof",
        "studiekostenvergoeding",
        "andere professionaliseringsactiviteiten",
    ]
    # A gap is written as missing, with its reason.
    gaps = [item for item in data["parameters"]["spaartermijn_op_oop"] if "missing" in item]
    assert gaps
    assert all("value" not in item for item in gaps)
    # Decimals with decimals keep them (an hour figure such as 73.8 stays exact).
    assert "0.1" not in text or "0.10000000" not in text


def test_the_header_says_when_the_file_has_an_installed_id(shipped: owr.Rulebook) -> None:
    # Loading a file with an installed edition's id beside that plugin is refused (duplicate
    # id), so the header says how to load it; a file with an id of its own needs no such line.
    warned = "Its id is that of the installed edition 'cao-po-2025-2027'"
    assert warned in shipped.export_edition("cao-po-2025-2027")
    text = shipped.export_edition("cao-po-2025-2027", id="cao-po-concept-2098")
    assert "Its id is that of the installed edition" not in text


def test_decimal_digits_survive_the_round_trip(shipped: owr.Rulebook, tmp_path: Path) -> None:
    base = shipped.get("cao-po-2025-2027")
    data = edition_data(base, shipped.get("cao-po-2024-2025"))
    data["parameters"]["individueel_budget_op_oop"][-1]["value"] = Decimal("525.50")
    data["parameters"]["uren_per_jaar_voltijd"][-1]["value"] = Decimal("1E+2")
    from onderwijsregels.data_editions import dump_edition

    path = write(tmp_path, dump_edition(data))
    rb = owr.load(
        only=[name for name in SHIPPED if name != "cao-po-2025-2027"], edition_files=[path]
    )
    edition = rb.get("cao-po-2025-2027")
    assert repr(edition.parameter("individueel_budget_op_oop").values[-1].value) == (
        "Decimal('525.50')"
    )
    assert repr(edition.parameter("uren_per_jaar_voltijd").values[-1].value) == "Decimal('1E+2')"


def test_an_edition_with_rules_of_its_own_derives_from_itself(
    shipped: owr.Rulebook, tmp_path: Path
) -> None:
    with pytest.raises(owr.InvalidInputError, match="pdi_uren") as caught:
        shipped.export_edition("cao-po-2024-2025")
    assert caught.value.field == "id"
    assert "give one (id=, or --id)" in caught.value.reason
    with pytest.raises(owr.InvalidInputError, match="derives from no edition"):
        shipped.export_edition("cao-po-2019-2020")
    with pytest.raises(owr.InvalidInputError, match="has rules that 'cao-po-2023-2024' has not"):
        shipped.export_edition("cao-po-2024-2025", derives_from="cao-po-2023-2024")
    text = shipped.export_edition("cao-po-2024-2025", id="cao-po-concept-2098")
    data = yaml.safe_load(text)
    assert (data["id"], data["derives_from"]) == ("cao-po-concept-2098", "cao-po-2024-2025")
    # With its own dates it loads: every rule carried over from cao-po-2024-2025, same values.
    text = changed(
        "valid_from: 2024-10-01\nvalid_to: 2025-10-31\n",
        "valid_from: 2098-01-01\nvalid_to: null\n",
        text,
    )
    only = [name for name in SHIPPED if name != "cao-po-2025-2027"]
    rb = owr.load(only=only, edition_files=[write(tmp_path, text)])
    copy = rb.get("cao-po-concept-2098")
    assert copy.carried_over == frozenset(copy.rule_ids)
    before = owr.load(only=only).evaluate(leraar("0.6"), year=2098, families="cao-po")
    after = rb.evaluate(leraar("0.6"), year=2098, families="cao-po")
    assert {o.rule_id: o.value for o in after.outcomes} == {
        o.rule_id: o.value for o in before.outcomes
    }


def test_a_file_derives_from_another_file(tmp_path: Path) -> None:
    first = write(tmp_path, EXAMPLE_TEXT, "a.yaml")
    second_text = changed("id: cao-po-voorbeeld-2098", "id: cao-po-voorbeeld-2098-b")
    second_text = changed(
        "derives_from: cao-po-2025-2027", "derives_from: cao-po-voorbeeld-2098", second_text
    )
    second_text = changed(
        "valid_from: 2098-01-01\nvalid_to: 2098-12-31",
        "valid_from: 2099-01-01\nvalid_to: 2099-06-30",
        second_text,
    )
    second_text = second_text.replace("start: 2098-01-01", "start: 2099-01-01")
    second = write(tmp_path, second_text, "b.yaml")
    rb = owr.load(only=SHIPPED, edition_files=[second, first])  # order does not matter
    assert rb.get("cao-po-voorbeeld-2098-b").derives_from == "cao-po-voorbeeld-2098"
    assert rb.edition("cao-po", on=date(2099, 3, 1)).id == "cao-po-voorbeeld-2098-b"


def test_json_files_load_too(shipped: owr.Rulebook, tmp_path: Path) -> None:
    data = yaml.load(EXAMPLE_TEXT, Loader=yaml.SafeLoader)
    path = write(tmp_path, json.dumps(data, default=str), "editie.json")
    rb = owr.load(only=SHIPPED, edition_files=[path])
    assert rb.evaluate(leraar(), year=2098, families="cao-po")["individueel_budget"].value == (
        Decimal("600.00")
    )
    broken = json.dumps({**data, "valid_to": "2098-13-01"}, default=str)
    with pytest.raises(
        owr.InvalidInputError,
        match=r"editie.json: valid_to: 2098-13-01 is not a day of the calendar",
    ):
        owr.load(only=SHIPPED, edition_files=[write(tmp_path, broken, "editie.json")])


# --- every validation names the file, the place and the line ----------------------------------


@pytest.mark.parametrize(
    ("old", "new", "where", "reason", "line_fragment"),
    [
        pytest.param(
            "provisional: true",
            "provisional: true\nvoorlopig: ja",
            "voorlopig",
            "unknown key 'voorlopig' in an edition; the keys are id, family",
            "voorlopig: ja",
            id="unknown key",
        ),
        pytest.param(
            "      end: null\n      value: 600.00",
            "      end: null\n      valeu: 600.00",
            "parameters.individueel_budget_op_oop[0].valeu",
            "unknown key 'valeu' in a dated value; the keys are start, end, value, missing, "
            "citation, interpretation",
            "valeu: 600.00",
            id="unknown key in a value",
        ),
        pytest.param(
            "title: FICTIEF VOORBEELD CAO PO 2098 (data edition, not law)\n",
            "",
            "",
            "an edition lacks the key 'title'",
            "id: cao-po-voorbeeld-2098",
            id="missing key",
        ),
        pytest.param(
            "  individueel_budget_op_oop:",
            "  individueel_budget:",
            "parameters.individueel_budget",
            "'cao-po-2025-2027' (the edition this one derives from) has no parameter "
            "'individueel_budget'; its parameters: individueel_budget_op_oop, verhoging_op_oop",
            "  individueel_budget:",
            id="unknown parameter",
        ),
        pytest.param(
            "      value: 600.00",
            '      value: "600"',
            "parameters.individueel_budget_op_oop[0].value",
            "must be a number (an amount such as 525.00, or a whole number), as the other "
            "values of parameter 'individueel_budget_op_oop' (EUR per jaar) are; got the text "
            "'600'",
            '      value: "600"',
            id="a text for an amount",
        ),
        pytest.param(
            '      missing: "FICTIEF',
            '      value: 2098-01-01\n      missing: "FICTIEF',
            "parameters.individueel_budget_directie[0].missing",
            "give a value or `missing:`, not both",
            '      missing: "FICTIEF',
            id="value and missing",
        ),
        pytest.param(
            "  individueel_budget_directie:\n",
            "  spaartermijn_op_oop:\n    - start: 2098-01-01\n      value: 3.5\n"
            "      citation: {source: FICTIEF, read_at: *fictief}\n  individueel_budget_directie:\n",
            "parameters.spaartermijn_op_oop[0].value",
            "must be a whole number (such as 4, without decimals), as the other values of "
            "parameter 'spaartermijn_op_oop' (jaren) are; got the number 3.5",
            "value: 3.5",
            id="decimals for a whole number",
        ),
        pytest.param(
            "      end: null\n      value: 600.00\n      citation:",
            "      end: null\n      value: 600.00\n      interpretation:",
            "parameters.individueel_budget_op_oop[0].interpretation.source",
            "unknown key 'source' in an interpretation",
            "        source: FICTIEF VOORBEELD CAO PO 2098\n        article: null\n        lid: null\n        read_at: *",
            id="unknown key in an interpretation",
        ),
        pytest.param(
            "valid_to: 2098-12-31",
            "valid_to: 2097-12-31",
            "valid_to",
            "2097-12-31 lies before valid_from 2098-01-01",
            "valid_to: 2097-12-31",
            id="end before start",
        ),
        pytest.param(
            "valid_from: 2098-01-01",
            "valid_from: 2098-1-1",
            "valid_from",
            "must be a day written YYYY-MM-DD, got the text '2098-1-1'",
            "valid_from: 2098-1-1",
            id="not a day",
        ),
        pytest.param(
            "valid_to: 2098-12-31",
            "valid_to: 2098-02-30",
            "valid_to",
            "2098-02-30 is not a day of the calendar (day is out of range for month)",
            "valid_to: 2098-02-30",
            id="no such day",
        ),
        pytest.param(
            "family: cao-po",
            "family: schoolleidersregister",
            "family",
            "is 'schoolleidersregister', but derives_from names 'cao-po-2025-2027', an edition "
            "of 'cao-po'",
            "family: schoolleidersregister",
            id="another family",
        ),
        pytest.param(
            "provisional: true",
            "provisional: ja",
            "provisional",
            "must be true or false, got the text 'ja'",
            "provisional: ja",
            id="not a boolean",
        ),
        pytest.param(
            "  article: null\n  lid: null\n  read_at: &fictief",
            "  article: 9.3\n  lid: null\n  read_at: &fictief",
            "citation.article",
            "must be a non-empty text or null, got the number 9.3; write it in quotes ('9.3')",
            "article: 9.3",
            id="an article number",
        ),
        pytest.param(
            "    grade: D",
            "    grade: D\n  confidence: confirmed",
            "citation.confidence",
            "claims confirmed, but the source is graded D",
            "  confidence: confirmed",
            id="a claim above the source",
        ),
        pytest.param(
            "    grade: D",
            "    grade: E",
            "citation.read_at.grade",
            "must be one of A, B, C, D, got the text 'E'",
            "grade: E",
            id="no such grade",
        ),
        pytest.param(
            "    id: fictief-voorbeeld-2098",
            "    id: avs-faq-professionalisering-po",
            "citation.read_at.id",
            "'avs-faq-professionalisering-po' is a source of the shipped register with other "
            "details; cite it by its id alone",
            "id: avs-faq-professionalisering-po",
            id="a borrowed source id",
        ),
        pytest.param(
            "        read_at: *fictief",
            "        read_at: geen-bron",
            "parameters.individueel_budget_op_oop[0].citation.read_at",
            "unknown source id 'geen-bron'",
            "read_at: geen-bron",
            id="an unknown source id",
        ),
        pytest.param(
            "      citation:\n        source: FICTIEF VOORBEELD CAO PO 2098\n        article: null\n"
            "        lid: null\n        read_at: *fictief\n        quote: null\n"
            "        note: A made-up amount for the example; not law.\n",
            "",
            "parameters.individueel_budget_op_oop[0]",
            "a value needs a citation (where it is written)",
            "    - start: 2098-01-01\n      end: null\n      value",
            id="a value without a citation",
        ),
        pytest.param(
            "notes:",
            "remove: [individueel_budget]\nnotes:",
            "remove",
            "breaks the contract of its family: lacks rule 'individueel_budget', which the "
            "budget ledger reads",
            "remove: [individueel_budget]",
            id="a removed rule the ledger reads",
        ),
        pytest.param(
            "notes:",
            "remove: [geen_regel]\nnotes:",
            "remove[0]",
            "'geen_regel' is not a rule of 'cao-po-2025-2027'",
            "remove: [geen_regel]",
            id="an unknown rule",
        ),
        pytest.param(
            "derives_from: cao-po-2025-2027",
            "derives_from: cao-po-2031",
            "derives_from",
            "names 'cao-po-2031', which is not loaded; loaded editions: ",
            "derives_from: cao-po-2031",
            id="a missing base",
        ),
        pytest.param(
            "id: cao-po-voorbeeld-2098",
            "id: cao-po-2025-2027",
            "id",
            "edition id 'cao-po-2025-2027' is already provided by plugin 'cao-po-2025-2027' "
            "(distribution onderwijsregels",
            "id: cao-po-2025-2027",
            id="an id that is loaded",
        ),
        pytest.param(
            "valid_from: 2098-01-01",
            "valid_from: 2026-01-01",
            "valid_from",
            "its days (2026-01-01 to 2098-12-31) overlap edition 'cao-po-2025-2027'",
            "valid_from: 2026-01-01",
            id="overlapping another edition",
        ),
    ],
)
def test_a_file_that_does_not_fit(
    tmp_path: Path, old: str, new: str, where: str, reason: str, line_fragment: str
) -> None:
    text = changed(old, new)
    error = refused(tmp_path, text)
    path = str(tmp_path / "editie.yaml")
    found = [
        (field, why)
        for field, why in error.problems
        if field == (f"{path}: {where}" if where else path)
    ]
    assert found, error.problems
    _, why = found[0]
    assert reason in why
    assert why.endswith(f"(line {line_of(text, line_fragment)})"), why


def test_every_problem_of_a_file_at_once(tmp_path: Path) -> None:
    text = changed("provisional: true", "provisional: ja\nvoorlopig: ja")
    text = changed("      value: 600.00", '      value: "600"', text)
    error = refused(tmp_path, text)
    assert [field.split(": ", 1)[1] for field, _ in error.problems] == [
        "voorlopig",
        "provisional",
        "parameters.individueel_budget_op_oop[0].value",
    ]


def test_an_overlap_declared_with_supersedes_is_accepted(tmp_path: Path) -> None:
    text = changed("valid_from: 2098-01-01", "valid_from: 2026-01-01")
    text = changed("provisional: true", "provisional: true\nsupersedes: [cao-po-2025-2027]", text)
    text = text.replace("start: 2098-01-01", "start: 2026-01-01")
    rb = owr.load(only=SHIPPED, edition_files=[write(tmp_path, text)])
    assert rb.edition("cao-po", on=date(2026, 1, 1)).id == "cao-po-voorbeeld-2098"
    assert rb.get("cao-po-voorbeeld-2098").supersedes == frozenset({"cao-po-2025-2027"})


def test_values_replace_the_base_from_the_first_start(
    shipped: owr.Rulebook, tmp_path: Path
) -> None:
    rb = owr.load(only=SHIPPED, edition_files=[write(tmp_path, EXAMPLE_TEXT)])
    mine = rb.get("cao-po-voorbeeld-2098").parameter("individueel_budget_op_oop")
    base = shipped.get("cao-po-2025-2027").parameter("individueel_budget_op_oop")
    assert mine.values[:-2] == base.values[:-1]
    assert mine.values[-2].end == date(2097, 12, 31)  # the base's open value, ended the day before
    assert (mine.values[-1].start, mine.values[-1].value) == (date(2098, 1, 1), Decimal("600.00"))


def test_values_must_be_in_order(tmp_path: Path) -> None:
    extra = "    - start: 2098-06-01\n      value: 700\n      citation: {source: FICTIEF, read_at: *fictief}\n"
    text = changed("  individueel_budget_directie:", extra + "  individueel_budget_directie:")
    error = refused(tmp_path, text)
    assert error.field.endswith("parameters.individueel_budget_op_oop[1].start")
    assert "2098-06-01 lies before the previous value ends (2098-01-01 to open)" in error.reason


def test_a_whole_number_is_an_amount(tmp_path: Path) -> None:
    text = changed("      value: 600.00", "      value: 600")
    rb = owr.load(only=SHIPPED, edition_files=[write(tmp_path, text)])
    value = rb.get("cao-po-voorbeeld-2098").parameter("individueel_budget_op_oop").values[-1].value
    assert repr(value) == "Decimal('600')"


def test_a_float_is_refused(shipped: owr.Rulebook, tmp_path: Path) -> None:
    # The readers never make floats; data given otherwise is still checked.
    file = read_edition_file(write(tmp_path, EXAMPLE_TEXT))
    data = yaml.load(EXAMPLE_TEXT, Loader=yaml.SafeLoader)
    data["parameters"]["individueel_budget_op_oop"][0]["value"] = 600.5
    with pytest.raises(EditionFileProblems) as caught:
        attrs.evolve(file, data=data).build(shipped.get("cao-po-2025-2027"))
    ((where, why, _),) = caught.value.problems
    assert where == ("parameters", "individueel_budget_op_oop", 0, "value")
    assert why == "is the float 600.5; values are exact numbers, never floats"


def test_a_list_of_texts_must_be_a_list(tmp_path: Path) -> None:
    value = (
        "  bestedingsvormen_directie:\n    - start: 2098-01-01\n      value: studieverlof\n"
        "      citation: {source: FICTIEF, read_at: *fictief}\n"
    )
    text = changed("  individueel_budget_directie:", value + "  individueel_budget_directie:")
    error = refused(tmp_path, text)
    assert "must be a list of texts, as the other values of parameter" in error.reason
    good = text.replace("value: studieverlof", "value: [studieverlof]")
    rb = owr.load(only=SHIPPED, edition_files=[write(tmp_path, good)])
    found = rb.get("cao-po-voorbeeld-2098").parameter("bestedingsvormen_directie").values[-1]
    assert found.value == ("studieverlof",)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param(
            "- id: x\n", "must be a mapping of an edition's keys, got a list", id="a list"
        ),
        pytest.param("id: [x\n", "is not valid JSON or YAML", id="not YAML"),
        pytest.param(
            "id: a\nid: b\n", "the key 'id' appears twice in one mapping (line 2)", id="twice"
        ),
        pytest.param(
            "a:\n" + "".join("  " * i + "- \n" for i in range(1, 30)), "levels deep", id="deep"
        ),
        pytest.param(
            "id: Cao PO\nderives_from: cao-po-2021\n",
            "must be an edition id in lower kebab-case",
            id="id",
        ),
    ],
)
def test_a_file_that_cannot_be_read(tmp_path: Path, text: str, reason: str) -> None:
    error = refused(tmp_path, text)
    assert error.field.startswith(str(tmp_path / "editie.yaml"))
    assert reason in error.reason


def test_a_missing_file_and_the_size_limit(tmp_path: Path) -> None:
    with pytest.raises(owr.InvalidInputError, match="cannot be read") as caught:
        owr.load(only=SHIPPED, edition_files=[tmp_path / "geen.yaml"])
    assert caught.value.field == str(tmp_path / "geen.yaml")
    path = write(tmp_path, EXAMPLE_TEXT)
    with pytest.raises(owr.InvalidInputError, match="larger than 100 bytes"):
        read_edition_file(path, max_bytes=100)


@pytest.mark.parametrize(
    "value", ["examples/x.yaml", None, [42], [""]], ids=["a text", "None", "a number", "empty"]
)
def test_edition_files_must_be_a_list_of_paths(value: object) -> None:
    with pytest.raises(owr.InvalidInputError, match="edition_files"):
        owr.load(only=SHIPPED, edition_files=value)  # type: ignore[arg-type]


def test_a_bad_file_is_input_even_when_collecting(tmp_path: Path) -> None:
    path = write(tmp_path, changed("derives_from: cao-po-2025-2027", "derives_from: cao-po-2031"))
    with pytest.raises(owr.InvalidInputError, match="not loaded"):
        owr.load(only=SHIPPED, edition_files=[path], broken="collect")


# --- data files from a plugin ---------------------------------------------------------------


def files_plugin(name: str, *paths: object, takes_version: bool = False) -> types.ModuleType:
    module = types.ModuleType(name)

    if takes_version:

        def with_version(host_version: str) -> Sequence[object]:
            assert host_version
            return paths

        module.onderwijsregels_edition_files = owr.hookimpl(with_version)  # type: ignore[attr-defined]
    else:

        def without() -> Sequence[object]:
            return paths

        module.onderwijsregels_edition_files = owr.hookimpl(without)  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize("takes_version", [False, True])
def test_a_data_only_plugin(takes_version: bool) -> None:
    rb = owr.load(
        [files_plugin("fictief_data", EXAMPLE, takes_version=takes_version)], only=SHIPPED
    )
    info = rb.provider("cao-po-voorbeeld-2098")
    assert (info.name, info.editions) == ("fictief_data", ("cao-po-voorbeeld-2098",))
    assert rb.get("cao-po-voorbeeld-2098").source_file == str(EXAMPLE)
    assert not rb.warnings


def test_a_plugin_with_a_bad_file_is_a_broken_plugin(tmp_path: Path) -> None:
    quoted = '      value: "600"'
    text = changed("      value: 600.00", quoted)
    path = write(tmp_path, text)
    plugin = files_plugin("fictief_data", path)
    with pytest.raises(owr.PluginError) as caught:
        owr.load([plugin], only=SHIPPED)
    assert caught.value.plugin == "fictief_data"
    assert caught.value.edition == "cao-po-voorbeeld-2098"
    assert caught.value.problem == (
        f"edition file {path}: parameters.individueel_budget_op_oop[0].value: must be a number "
        "(an amount such as 525.00, or a whole number), as the other values of parameter "
        "'individueel_budget_op_oop' (EUR per jaar) are; got the text '600' "
        f"(line {line_of(text, quoted)})"
    )
    collected = owr.load([plugin], only=SHIPPED, broken="collect")
    assert [item.name for item in collected.broken] == ["fictief_data"]
    assert "cao-po-voorbeeld-2098" not in [e.id for e in collected.editions("cao-po")]
    assert "cao-po-2025-2027" in [e.id for e in collected.editions("cao-po")]


def test_a_plugin_with_editions_and_a_bad_file_loses_both(tmp_path: Path) -> None:
    from onderwijsregels_cao_po_2021 import EDITION as CAO_PO_2021

    mine = CAO_PO_2021.derive(
        id="cao-po-fictief-2097",
        title="FICTIEF",
        valid_from=date(2097, 1, 1),
        valid_to=date(2097, 12, 31),
        citation=CAO_PO_2021.citation,
    )
    plugin = files_plugin("fictief_beide", tmp_path / "geen.yaml")
    plugin.onderwijsregels_editions = owr.hookimpl(lambda: (mine,))  # type: ignore[attr-defined]
    rb = owr.load([plugin], only=SHIPPED, broken="collect")
    assert [item.name for item in rb.broken] == ["fictief_beide"]
    assert "cao-po-fictief-2097" not in [e.id for e in rb.editions("cao-po")]
    assert "fictief_beide" not in [p.name for p in rb.plugins]
    assert "cannot be read" in rb.broken[0].error.problem


@pytest.mark.parametrize(
    ("returned", "problem"),
    [
        pytest.param(
            None,
            "onderwijsregels_edition_files must return a sequence of paths, not NoneType: it "
            "returned None",
            id="None",
        ),
        pytest.param(
            str(EXAMPLE),
            "onderwijsregels_edition_files must return a sequence of paths, not str",
            id="one path",
        ),
        pytest.param(
            [42], "onderwijsregels_edition_files returned 42, which is not a path", id="a number"
        ),
        pytest.param(
            ["examples/cao-po-voorbeeld-2098.yaml"],
            "onderwijsregels_edition_files returned the relative path "
            "'examples/cao-po-voorbeeld-2098.yaml', which would depend on the working directory",
            id="relative",
        ),
    ],
)
def test_a_files_hook_returning_something_else(returned: object, problem: str) -> None:
    module = types.ModuleType("verkeerd")
    module.onderwijsregels_edition_files = owr.hookimpl(lambda: returned)  # type: ignore[attr-defined]
    with pytest.raises(owr.PluginError) as caught:
        owr.load([module], only=SHIPPED)
    assert caught.value.plugin == "verkeerd"
    assert problem in caught.value.problem


def test_a_files_hook_that_raises() -> None:
    def kapot() -> Sequence[Path]:
        raise RuntimeError("schijf weg")

    module = types.ModuleType("kapot")
    module.onderwijsregels_edition_files = owr.hookimpl(kapot)  # type: ignore[attr-defined]
    with pytest.raises(owr.PluginError, match=r"onderwijsregels_edition_files raised RuntimeError"):
        owr.load([module], only=SHIPPED)


def test_an_editions_hook_says_what_it_returned() -> None:
    from onderwijsregels_cao_po_2021 import EDITION as CAO_PO_2021

    module = types.ModuleType("enkel")
    module.onderwijsregels_editions = owr.hookimpl(lambda: CAO_PO_2021)  # type: ignore[attr-defined]
    with pytest.raises(owr.PluginError) as caught:
        owr.load([module], entry_points=False)
    assert caught.value.problem == (
        "onderwijsregels_editions must return a sequence of Edition, not Edition: it returned "
        "the edition 'cao-po-2021'; return a tuple of it, (EDITION,)"
    )


# --- a plugin that implements no hook ---------------------------------------------------------


def no_hook_plugin() -> types.ModuleType:
    module = types.ModuleType("zonder_haak")

    def onderwijsregels_editions() -> Sequence[owr.Edition]:  # the @hookimpl marker is missing
        return ()

    module.onderwijsregels_editions = onderwijsregels_editions  # type: ignore[attr-defined]
    return module


def test_a_plugin_with_no_hook_is_a_warning() -> None:
    rb = owr.load([no_hook_plugin()], only=SHIPPED)
    (warning,) = rb.warnings
    assert isinstance(warning, owr.PluginWarning)
    assert (warning.name, warning.distribution, warning.source) == (
        "zonder_haak",
        None,
        "passed to load() directly",
    )
    assert warning.message == (
        "implements no hook of onderwijsregels (onderwijsregels_editions or "
        "onderwijsregels_edition_files), so it provides no edition; its onderwijsregels_editions "
        "is not marked with @onderwijsregels.hookimpl, so it is not called"
    )
    assert "zonder_haak" in [plugin.name for plugin in rb.plugins]
    assert not rb.broken


def test_a_plugin_with_no_hook_is_broken_when_strict() -> None:
    with pytest.raises(owr.PluginError, match="implements no hook") as caught:
        owr.load([no_hook_plugin()], only=SHIPPED, strict=True)
    assert caught.value.plugin == "zonder_haak"
    rb = owr.load([no_hook_plugin()], only=SHIPPED, strict=True, broken="collect")
    assert [item.name for item in rb.broken] == ["zonder_haak"]
    assert not rb.warnings
    assert "zonder_haak" not in [plugin.name for plugin in rb.plugins]
    with pytest.raises(owr.InvalidInputError, match="strict"):
        owr.load(only=SHIPPED, strict="yes")  # type: ignore[arg-type]


def test_an_empty_module_is_a_warning_without_a_hint() -> None:
    rb = owr.load([types.ModuleType("leeg")], only=SHIPPED)
    assert rb.warnings[0].message.endswith("so it provides no edition")


# --- the command line ------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_export_writes_what_export_edition_gives(
    capsys: pytest.CaptureFixture[str], shipped: owr.Rulebook
) -> None:
    code, out, err = run(capsys, "edition", "export", "cao-po-2025-2027")
    assert (code, err) == (0, "")
    assert out == shipped.export_edition("cao-po-2025-2027")
    code, out, _ = run(capsys, "edition", "export", "cao-po-2024-2025", "--id", "cao-po-concept")
    assert code == 0
    assert "id: cao-po-concept\n" in out
    code, _, err = run(capsys, "edition", "export", "cao-po-2024-2025")
    assert code == 2
    assert err.startswith("onderwijsregels: id: 'cao-po-2024-2025' has rules that")
    code, _, err = run(capsys, "edition", "export", "cao-po-2099")
    assert code == 2
    assert "unknown edition 'cao-po-2099'" in err


def test_cli_loads_edition_files_on_every_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    board = write(
        tmp_path, "employees:\n  - {function: leraar, werktijdfactor: 0.5}\n", "board.yaml"
    )
    code, out, err = run(
        capsys,
        "evaluate",
        str(board),
        "--year",
        "2098",
        "--format",
        "json",
        "--edition-file",
        str(EXAMPLE),
    )
    assert (code, err) == (0, "")
    (result,) = json.loads(out)["results"]
    assert result["outcomes"]["individueel_budget"]["value"] == "300.00"
    assert result["editions"][0]["source_file"] == str(EXAMPLE)
    code, out, _ = run(capsys, "editions", "--edition-file", str(EXAMPLE))
    assert code == 0
    row = next(line for line in out.splitlines() if "cao-po-voorbeeld-2098" in line)
    assert row.rstrip().endswith(f"file {EXAMPLE}")
    code, out, _ = run(capsys, "editions", "--format", "json", "--edition-file", str(EXAMPLE))
    rows = {row["id"]: row for row in json.loads(out)["editions"]}
    assert rows["cao-po-voorbeeld-2098"]["source_file"] == str(EXAMPLE)
    assert rows["cao-po-voorbeeld-2098"]["plugin"] is None
    code, out, _ = run(
        capsys, "diff", "cao-po-2025-2027", "cao-po-voorbeeld-2098", "--edition-file", str(EXAMPLE)
    )
    assert code == 0
    assert "individueel_budget" in out
    code, out, _ = run(
        capsys,
        "edition",
        "export",
        "cao-po-voorbeeld-2098",
        "--id",
        "cao-po-voorbeeld-2098-b",
        "--edition-file",
        str(EXAMPLE),
    )
    assert code == 0
    assert "derives_from: cao-po-2025-2027" in out  # its own base: it adds no rule


def test_cli_a_bad_edition_file_exits_2_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = changed("      value: 600.00", '      value: "600"')
    path = write(tmp_path, text, "cao-po-2098.yaml")
    board = write(
        tmp_path, "employees:\n  - {function: leraar, werktijdfactor: 0.5}\n", "board.yaml"
    )
    code, out, err = run(
        capsys, "evaluate", str(board), "--year", "2098", "--edition-file", str(path)
    )
    assert (code, out) == (2, "")
    assert err == (
        f"onderwijsregels: {path}: parameters.individueel_budget_op_oop[0].value: must be a number "
        "(an amount such as 525.00, or a whole number), as the other values of parameter "
        "'individueel_budget_op_oop' (EUR per jaar) are; got the text '600' (line 43)\n"
    )


def test_cli_strict_and_warnings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import onderwijsregels.cli as cli

    real = owr.load
    monkeypatch.setattr(cli, "load", lambda **options: real([no_hook_plugin()], **options))
    code, out, _ = run(capsys, "editions")
    assert code == 0
    assert "Warnings (loaded, but providing nothing; --strict makes them errors):" in out
    assert "  ? zonder_haak (passed to load() directly): implements no hook" in out
    code, out, _ = run(capsys, "editions", "--format", "json")
    assert json.loads(out)["warnings"][0]["plugin"] == "zonder_haak"
    code, out, _ = run(capsys, "editions", "--strict")
    assert code == 0
    assert "  ! zonder_haak (passed to load() directly): implements no hook" in out
    code, _, err = run(capsys, "diff", "cao-po-2021", "cao-po-2022", "--strict")
    assert code == 1
    assert "plugin 'zonder_haak': implements no hook" in err
    code, _, _ = run(capsys, "diff", "cao-po-2021", "cao-po-2022")
    assert code == 0


def test_the_export_help_is_documented() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    found = re.search(
        r"<!-- help: edition export -->\n```text\n(.*?)\n```\n<!-- /help -->", text, re.DOTALL
    )
    assert found, "docs/cli.md needs the help of 'edition export'"
    assert found.group(1) == help_text("edition export").rstrip()


def test_every_command_takes_edition_files() -> None:
    for command in ("editions", "evaluate", "statement", "registers", "diff", "edition export"):
        assert "--edition-file FILE" in help_text(command), command
        assert "--strict" in help_text(command), command


def test_the_example_does_not_touch_real_years(shipped: owr.Rulebook) -> None:
    # Example data never governs a real year: it starts in 2098 and is plainly fictional.
    rb = owr.load(only=SHIPPED, edition_files=[EXAMPLE])
    edition = rb.get("cao-po-voorbeeld-2098")
    assert edition.starts == date(2098, 1, 1)
    assert "FICTIEF VOORBEELD" in edition.title
    for day in (date(2020, 1, 1), date(2027, 3, 1), date(2097, 12, 31)):
        assert rb.edition("cao-po", on=day) == shipped.edition("cao-po", on=day)
    assert edition.valid_to is not None
    assert rb.edition("cao-po", on=edition.valid_to + timedelta(days=1)) is edition  # nawerking
