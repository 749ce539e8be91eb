"""The documentation is kept honest by tests (datasette style).

The generated rule reference must equal what the code produces, every hook
and every public name must be documented, and the MkDocs nav must point at
files that exist.
"""

from __future__ import annotations

import ast
import inspect
import re
import tomllib
from pathlib import Path

import pytest
import yaml

import onderwijsregels as owr
from onderwijsregels import hookspecs
from onderwijsregels.docgen import shipped_plugins, write_reference
from onderwijsregels.registry import PLUGINS_ENV

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


@pytest.mark.parametrize("page", ["index.md", "concepts.md", "rules.md", "plugins.md"])
def test_python_examples_parse(page: str) -> None:
    blocks = _python_blocks((DOCS / page).read_text(encoding="utf-8"))
    assert blocks, f"docs/{page} has no Python example"
    for block in blocks:
        ast.parse(block)


@pytest.mark.parametrize("page", ["index.md", "concepts.md", "rules.md"])
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
