"""The documentation is kept honest by tests (datasette style).

The generated rule reference must equal what the code produces, every hook
and every public name must be documented, and the MkDocs nav must point at
files that exist.
"""

from __future__ import annotations

import ast
import inspect
import re
import sys
import tomllib
from datetime import date
from pathlib import Path
from typing import cast

import pytest
import yaml

import onderwijsregels as owr
from onderwijsregels import hookspecs
from onderwijsregels.docgen import write_reference
from onderwijsregels.rulebook import PLUGINS_ENV
from onderwijsregels.testing.plugins import shipped_plugins

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"
REGENERATE = "run `python -m onderwijsregels.docgen docs/reference` and commit the result"


def built_in_plugins() -> list[str]:
    """The entry-point names of the built-in editions, read from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return sorted(project["project"]["entry-points"]["onderwijsregels"])


@pytest.fixture(scope="module")
def rulebook() -> owr.Rulebook:
    declared = built_in_plugins()
    installed = set(shipped_plugins())
    missing = [name for name in declared if name not in installed]
    if missing:
        pytest.fail(
            f"pyproject.toml declares entry points that are not installed: {missing}; "
            "reinstall with `python -m pip install -e .`"
        )
    return owr.load(only=declared)


@pytest.fixture(scope="module")
def generated(rulebook: owr.Rulebook, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    target = tmp_path_factory.mktemp("reference")
    return {
        path.name: path.read_text(encoding="utf-8") for path in write_reference(rulebook, target)
    }


def test_built_in_plugins_are_listed() -> None:
    assert "cao-po-2019-2020" in built_in_plugins()


def test_committed_reference_has_exactly_the_generated_pages(generated: dict[str, str]) -> None:
    committed = sorted(path.name for path in REFERENCE.glob("*.md"))
    assert committed == sorted(generated), f"docs/reference is out of date: {REGENERATE}"


@pytest.mark.parametrize(
    "name", sorted(path.name for path in REFERENCE.glob("*.md")) or ["index.md"]
)
def test_committed_reference_page_is_up_to_date(name: str, generated: dict[str, str]) -> None:
    path = REFERENCE / name
    assert path.exists(), f"docs/reference/{name} is missing: {REGENERATE}"
    assert path.read_text(encoding="utf-8") == generated.get(name), (
        f"docs/reference/{name} differs from the generated page: {REGENERATE}"
    )


def test_generation_is_deterministic(
    rulebook: owr.Rulebook, generated: dict[str, str], tmp_path: Path
) -> None:
    again = {
        path.name: path.read_text(encoding="utf-8") for path in write_reference(rulebook, tmp_path)
    }
    assert again == generated


def test_every_edition_has_a_page_in_the_index(
    rulebook: owr.Rulebook, generated: dict[str, str]
) -> None:
    for family in rulebook.families():
        assert f"`{family}`" in generated["index.md"]
        for edition in rulebook.editions(family):
            assert f"({edition.id}.md)" in generated["index.md"]
            assert f"{edition.id}.md" in generated


def test_every_rule_id_appears_in_its_edition_page(
    rulebook: owr.Rulebook, generated: dict[str, str]
) -> None:
    for family in rulebook.families():
        for edition in rulebook.editions(family):
            page = generated[f"{edition.id}.md"]
            for rule_id in edition.rule_ids:
                assert f"| `{rule_id}` |" in page, f"{rule_id} missing from {edition.id}.md"
                assert f"### `{rule_id}`" in page
            for parameter in edition.parameters:
                assert f"| `{parameter.id}` |" in page


def test_carried_over_rules_are_marked(rulebook: owr.Rulebook, generated: dict[str, str]) -> None:
    derived = [
        edition
        for family in rulebook.families()
        for edition in rulebook.editions(family)
        if edition.carried_over
    ]
    assert derived, "expected at least one derived edition among the built-ins"
    for edition in derived:
        page = generated[f"{edition.id}.md"]
        marked = page.count(f"carried over from `{edition.derives_from}`")
        assert marked == len(edition.carried_over)


def test_known_gaps_are_shown_as_not_encoded(
    rulebook: owr.Rulebook, generated: dict[str, str]
) -> None:
    for family in rulebook.families():
        for edition in rulebook.editions(family):
            gaps = [v for p in edition.parameters for v in p.values if v.value is None]
            page = generated[f"{edition.id}.md"]
            assert page.count("| not encoded: ") == len(gaps), edition.id


def _hook_names() -> list[str]:
    return sorted(
        name
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if name.startswith("onderwijsregels_")
    )


def test_hooks_exist() -> None:
    assert "onderwijsregels_editions" in _hook_names()


@pytest.mark.parametrize("hook", _hook_names())
def test_every_hook_is_documented(hook: str) -> None:
    text = (DOCS / "plugins.md").read_text(encoding="utf-8")
    assert re.search(rf"^#+ .*`{hook}`", text, re.MULTILINE), (
        f"hook {hook} needs a heading in docs/plugins.md"
    )
    signature = f"def {hook}{inspect.signature(getattr(hookspecs, hook))}"
    normalized = signature.replace("'", "")
    assert normalized in text, f"docs/plugins.md should show the signature `{normalized}`"


def _all_docs_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(DOCS.rglob("*.md")))


@pytest.mark.parametrize("name", sorted(owr.__all__))
def test_every_public_name_is_documented(name: str) -> None:
    assert re.search(rf"\b{re.escape(name)}\b", _all_docs_text()), (
        f"onderwijsregels.{name} is public but not mentioned anywhere in docs/"
    )


def _nav_files(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [] if re.match(r"[a-z]+://", nav) else [nav]
    if isinstance(nav, list):
        return [name for item in nav for name in _nav_files(item)]
    if isinstance(nav, dict):
        return [name for value in nav.values() for name in _nav_files(value)]
    return []


def _mkdocs_config() -> dict[str, object]:
    # mkdocs.yml may hold `!!python/name:` tags (Material's emoji/superfences); ignore them.
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert isinstance(config, dict)
    return config


def test_mkdocs_nav_lists_only_existing_files() -> None:
    config = _mkdocs_config()
    theme = config.get("theme")
    assert isinstance(theme, dict)
    assert theme.get("name") == "material"
    files = _nav_files(config["nav"])
    assert files, "mkdocs.yml has an empty nav"
    missing = [name for name in files if not (DOCS / name).is_file()]
    assert not missing, f"mkdocs.yml nav lists files that do not exist: {missing}"


def test_every_page_is_in_the_nav() -> None:
    files = set(_nav_files(_mkdocs_config()["nav"]))
    pages = {str(path.relative_to(DOCS)) for path in DOCS.rglob("*.md")}
    assert not pages - files, f"pages missing from the mkdocs.yml nav: {sorted(pages - files)}"


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, re.DOTALL)


@pytest.mark.parametrize(
    "page", ["index.md", "concepts.md", "rules.md", "plugins.md", "scenarios.md", "receipts.md"]
)
def test_python_examples_parse(page: str) -> None:
    blocks = _python_blocks((DOCS / page).read_text(encoding="utf-8"))
    assert blocks, f"docs/{page} has no Python example"
    for block in blocks:
        ast.parse(block)


@pytest.mark.parametrize(
    "page", ["index.md", "concepts.md", "rules.md", "scenarios.md", "batch.md", "receipts.md"]
)
def test_python_examples_run(
    page: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The worked examples must match the code: run each page's blocks in order, in one
    # namespace, against the built-in editions only (an example plugin may be installed).
    monkeypatch.setenv(PLUGINS_ENV, ",".join(built_in_plugins()))
    namespace: dict[str, object] = {"__name__": f"docs_{page.removesuffix('.md')}"}
    for block in _python_blocks((DOCS / page).read_text(encoding="utf-8")):
        exec(compile(block, f"docs/{page}", "exec"), namespace)
    capsys.readouterr()


def test_index_example_prints_the_documented_values(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(PLUGINS_ENV, ",".join(built_in_plugins()))
    (block,) = _python_blocks((DOCS / "index.md").read_text(encoding="utf-8"))
    assert len([line for line in block.splitlines() if line.strip()]) <= 10
    exec(compile(block, "docs/index.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed[:2] == ["360.00", "CAO PO 2019-2020, art. 9.3 lid 2"]


def test_rules_page_explains_every_rule(rulebook: owr.Rulebook) -> None:
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    for family in rulebook.families():
        assert f"`{family}`" in text
        for edition in rulebook.editions(family):
            for rule_id in edition.rule_ids:
                assert f"| `{rule_id}` |" in text, f"docs/rules.md does not explain {rule_id}"


def _interpretations(rulebook: owr.Rulebook) -> set[owr.Interpretation]:
    found: set[owr.Interpretation] = set()
    for family in rulebook.families():
        for edition in rulebook.editions(family):
            if edition.interpretation is not None:
                found.add(edition.interpretation)
            found.update(rule.interpretation for rule in edition.rules if rule.interpretation)
            found.update(
                item.interpretation
                for parameter in edition.parameters
                for item in parameter.values
                if item.interpretation
            )
    return found


def test_every_interpretation_is_on_the_interpretations_page(rulebook: owr.Rulebook) -> None:
    text = " ".join((DOCS / "interpretations.md").read_text(encoding="utf-8").split())
    found = _interpretations(rulebook)
    assert found, "expected the built-in editions to carry interpretations"
    for interpretation in found:
        assert interpretation.summary in text, (
            f"docs/interpretations.md does not discuss: {interpretation.summary!r}"
        )


def test_the_readme_commands_are_in_the_docs() -> None:
    text = (DOCS / "index.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in (
        "python -m pip install . && python -m onderwijsregels evaluate examples/schoolbestuur.yaml --year 2020",
        'python -m pip install -e ".[test]" -e ./examples/plugin-cao-example && python -m pytest',
    ):
        assert command in text
        assert command in readme


def test_ci_runs_the_readme_test_command() -> None:
    # README.md has exactly two set-up commands; .ci/run runs the same test command verbatim.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if line.startswith("python -m pip install")]
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def _interpretation_summaries_in_code() -> dict[str, str]:
    """Every ``Interpretation(summary=...)`` written in src/ and plugins/, by summary (with its file)."""
    found: dict[str, str] = {}
    for path in sorted([*(ROOT / "src").rglob("*.py"), *(ROOT / "plugins").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name != "Interpretation":
                continue
            summary = next((k.value for k in node.keywords if k.arg == "summary"), None)
            if summary is None and node.args:
                summary = node.args[0]
            if isinstance(summary, ast.Constant) and isinstance(summary.value, str):
                found[summary.value] = str(path.relative_to(ROOT))
    return found


def test_every_interpretation_in_the_code_is_on_the_interpretations_page() -> None:
    # Also the readings that are not attached to a rule, an edition or a dated value: the
    # ledger's, and those a rule attaches to a single step (e.g. CURRENT_REGLEMENT).
    text = " ".join((DOCS / "interpretations.md").read_text(encoding="utf-8").split())
    found = _interpretation_summaries_in_code()
    assert len(found) > 10, "expected the code to define interpretations"
    missing = {summary: path for summary, path in found.items() if summary not in text}
    assert not missing, f"docs/interpretations.md does not discuss: {missing}"


# --- Edition dates in the docs must match the code -------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "januari"),
            ("february", "februari"),
            ("march", "maart"),
            ("april",),
            ("may", "mei"),
            ("june", "juni"),
            ("july", "juli"),
            ("august", "augustus"),
            ("september",),
            ("october", "oktober"),
            ("november",),
            ("december",),
        ),
        start=1,
    )
    for name in names
}
_DATE = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2} (?:" + "|".join(_MONTHS) + r") \d{4})"
_START_WORDS = (
    r"(?:(?:content|which|that|it)\s+)?"
    r"(?:(?:starts|started|begins|began|applies|applied|runs|ran|governs|is\s+in\s+force|"
    r"in\s+force)(?:\s+(?:on|from))?|from|vanaf|since)"
)
_GAP_AFTER_ID = re.compile(r"[\s,(:]*(?:" + _START_WORDS + r")?[\s,(:]*")
_GAP_AFTER_TITLE = re.compile(r"[\s,(:]*" + _START_WORDS + r"[\s,(:]*")
_END = r"(?:\s+(?:to|until|tot en met|t/m)\s+(?P<end>" + _DATE + r"))?"


def _parse_date(text: str) -> date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    day, month, year = text.split()
    return date(int(year), _MONTHS[month.lower()], int(day))


def _stated_edition_dates(
    text: str, editions: list[owr.Edition]
) -> list[tuple[owr.Edition, date, date | None, str]]:
    """Where a text says when an edition starts: (edition, start, end or None, the words).

    An edition is named by its id in backticks, followed by a start date with at most a
    comma, a parenthesis or start words in between (`x`, 1 February 2013; `x` (content
    applies from 2020-01-01); `x` starts on ...), or by its title followed by start words
    (CAO PO 2024-2025 starts on 1 October 2024). A date right after it joined by "to" or
    "until" is the stated end. Lines are joined first, so a date broken over two lines counts.
    """
    flat = " ".join(text.split())
    found = []
    for edition in editions:
        for name, gap_rule in (
            (rf"`{re.escape(edition.id)}`", _GAP_AFTER_ID),
            (rf"(?<![\w-]){re.escape(edition.title)}(?![\w-])", _GAP_AFTER_TITLE),
        ):
            after = re.compile(
                r"(?P<gap>[^`.;|]{0,60}?)(?P<start>" + _DATE + r")" + _END, re.IGNORECASE
            )
            for named in re.finditer(name, flat):
                match = after.match(flat, named.end())
                if match is None or not gap_rule.fullmatch(match["gap"]):
                    continue
                end = _parse_date(match["end"]) if match["end"] else None
                words = flat[named.start() : match.end()]
                found.append((edition, _parse_date(match["start"]), end, words))
    return found


def _date_drift(text: str, editions: list[owr.Edition]) -> list[str]:
    problems = []
    for edition, start, end, words in _stated_edition_dates(text, editions):
        allowed = {edition.valid_from, edition.starts}
        if start not in allowed:
            problems.append(
                f"{words!r}: {edition.id} starts on "
                f"{' or '.join(sorted(day.isoformat() for day in allowed))}, not {start.isoformat()}"
            )
        if end is not None and end != edition.valid_to:
            problems.append(
                f"{words!r}: the looptijd of {edition.id} ends on "
                f"{edition.valid_to.isoformat() if edition.valid_to else 'no day (open)'}, "
                f"not {end.isoformat()}"
            )
    return problems


def _all_editions(rulebook: owr.Rulebook) -> list[owr.Edition]:
    return [edition for family in rulebook.families() for edition in rulebook.editions(family)]


def test_the_date_check_catches_a_wrong_start(rulebook: owr.Rulebook) -> None:
    # The drift that prompted the check: the register's opening day given as the edition's start.
    editions = _all_editions(rulebook)
    wrong = (
        "The Schoolleidersregister PO (editions `schoolleidersregister-2013`, 10 June 2013 to\n"
        "23 August 2022, and `schoolleidersregister-2022`, from 24 August 2022)."
    )
    (problem,) = _date_drift(wrong, editions)
    assert "schoolleidersregister-2013 starts on 2013-02-01, not 2013-06-10" in problem
    assert _date_drift("`schoolleidersregister-2013` starts on 10 June 2013.", editions)
    assert _date_drift("CAO PO 2024-2025 starts on 1 November 2024.", editions)
    assert _date_drift("`cao-po-2021` (from 2021-01-01 to 2022-12-31)", editions)
    assert _date_drift("`cao-po-2024-2025` (vanaf 1 oktober 2025)", editions)
    right = (
        "`schoolleidersregister-2013`, 1 February 2013 to 23 August 2022; "
        "`cao-po-2019-2020` (content applies from 1 January 2020, looptijd 1 March 2019); "
        "CAO PO 2019-2020 ran from 1 March 2019; `cao-po-2024-2025`, art. 9.3 of 1 May 2030"
    )
    assert len(_stated_edition_dates(right, editions)) == 3
    assert _date_drift(right, editions) == []


def _pages_that_state_dates() -> list[Path]:
    return [*sorted(DOCS.glob("*.md")), ROOT / "README.md"]


@pytest.mark.parametrize("path", _pages_that_state_dates(), ids=lambda path: path.name)
def test_edition_dates_in_the_docs_match_the_code(path: Path, rulebook: owr.Rulebook) -> None:
    text = path.read_text(encoding="utf-8")
    problems = _date_drift(text, _all_editions(rulebook))
    assert not problems, f"{path.name} states edition dates the code does not have: {problems}"


def test_the_date_check_reads_the_rules_and_registers_pages(rulebook: owr.Rulebook) -> None:
    # Guard against a vacuous pass: the pages do state starts, and the check sees them.
    editions = _all_editions(rulebook)
    for page, edition_id in (
        ("rules.md", "schoolleidersregister-2013"),
        ("rules.md", "cao-po-2019-2020"),
        ("registers.md", "schoolleidersregister-2013"),
    ):
        stated = _stated_edition_dates((DOCS / page).read_text(encoding="utf-8"), editions)
        assert edition_id in {edition.id for edition, *_ in stated}, (page, edition_id)


def _glance_table() -> dict[str, list[str]]:
    """The canonical table of docs/rules.md, "Editions at a glance": id -> its cells."""
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    header = "| Edition | Family | Starts | Ends |"
    assert header in text, f"docs/rules.md needs the table starting with {header!r}"
    rows: dict[str, list[str]] = {}
    for line in text[text.index(header) :].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        edition_id = cells[0].strip("`")
        assert edition_id not in rows, f"{edition_id} appears twice in the table"
        rows[edition_id] = cells
    return rows


def test_the_rules_page_lists_every_edition_with_its_dates(rulebook: owr.Rulebook) -> None:
    rows = _glance_table()
    editions = {edition.id: edition for edition in _all_editions(rulebook)}
    assert sorted(rows) == sorted(editions), "the table must list exactly the built-in editions"
    for edition_id, cells in rows.items():
        edition = editions[edition_id]
        family, starts, ends = (cells[1].strip("`"), cells[2], cells[3])
        assert family == edition.family, edition_id
        assert starts == edition.starts.isoformat(), (
            f"{edition_id} starts on {edition.starts.isoformat()}, the table says {starts}"
        )
        expected_end = edition.valid_to.isoformat() if edition.valid_to else "open"
        assert ends == expected_end, f"{edition_id} ends {expected_end}, the table says {ends}"


# --- Users do not have the project's working notes -------------------------------------------

_WORKING_NOTES = ("facts.md", "shared/sources", "product owner", "fact table")


def _strings_in_python(path: Path) -> list[str]:
    """The docstrings and other string literals of a module (what can reach a user)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def _user_facing_texts() -> list[tuple[str, str]]:
    texts = [
        (str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"))
        for path in (
            *sorted(DOCS.rglob("*.md")),
            ROOT / "README.md",
            ROOT / "mkdocs.yml",
            *sorted((ROOT / "src").rglob("*.toml")),
            *sorted((ROOT / "examples").rglob("*.md")),
        )
    ]
    for folder in ("src", "plugins", "examples"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            texts.append((str(path.relative_to(ROOT)), "\n".join(_strings_in_python(path))))
    return texts


def test_no_page_or_docstring_points_at_the_working_notes() -> None:
    texts = _user_facing_texts()
    assert any(name == "docs/rules.md" for name, _ in texts)
    found = [
        f"{name}: {word!r}"
        for name, text in texts
        for word in _WORKING_NOTES
        if word in text.lower()
    ]
    assert not found, f"users do not have the project's working notes; remove: {found}"


COMMAND_NAMES = (
    "editions",
    "evaluate",
    "diff",
    "statement",
    "registers",
    "compare",
    "edition",
    "new-edition",
    "serve",
)


def _help_block(command: str) -> str:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    found = re.search(
        rf"<!-- help: {command} -->\n```text\n(.*?)\n```\n<!-- /help -->", text, re.DOTALL
    )
    assert found, f"docs/cli.md has no help block for {command!r}"
    return found.group(1)


@pytest.mark.parametrize("command", COMMAND_NAMES)
def test_cli_docs_show_each_commands_help(command: str) -> None:
    # As datasette does: the documented --help is the real one. argparse words its help a little
    # differently per Python version; the docs are rendered with Python 3.11 (CI's).
    from onderwijsregels.cli import help_text

    documented = _help_block(command)
    actual = help_text(command).rstrip()
    if sys.version_info[:2] == (3, 11):
        assert documented == actual, f"docs/cli.md: regenerate the help of {command!r}"
    else:  # pragma: no cover - other Python versions
        for token in re.findall(r"--[a-z-]+", actual):
            assert token in documented


def test_cli_docs_cover_every_command() -> None:
    from onderwijsregels.cli import _parser

    parser = _parser()
    commands = next(
        set(cast("dict[str, object]", action.choices))
        for action in parser._actions
        if isinstance(getattr(action, "choices", None), dict)
    )
    assert commands == set(COMMAND_NAMES)
