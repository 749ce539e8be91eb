"""Scaffold a new edition as a separately installable plugin package (``new-edition``).

:func:`new_edition` writes, in ``out/<distribution>/``, a package that provides one edition
written as data (see "Editions as data" in ``docs/plugins.md``): the edition file, deriving from
an installed edition and carrying its values until the author replaces them (each value with a
``TODO`` comment); the module with the hook ``onderwijsregels_edition_files``; a
``pyproject.toml`` (setuptools) registering it in the entry-point group ``onderwijsregels`` and
shipping the file as package data; tests that pass as generated; and a README with the next
steps. The edition file is loaded before anything is written, so a scaffold that would not load
is refused, never written.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from onderwijsregels.convert import shown
from onderwijsregels.data_editions import dump_edition, edition_data
from onderwijsregels.editions import Edition
from onderwijsregels.errors import InvalidInputError, OnderwijsregelsError
from onderwijsregels.model import Employee, School
from onderwijsregels.rulebook import Rulebook, host_version, load

__all__ = ["Scaffold", "distribution_name", "new_edition"]

_ID = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", re.ASCII)


def distribution_name(edition_id: str) -> str:
    """The distribution (and directory) name of the package for ``edition_id``.

    >>> distribution_name("cao-po-2027-2028")
    'onderwijsregels-edition-cao-po-2027-2028'
    """
    return f"onderwijsregels-edition-{edition_id}"


def _module_name(edition_id: str) -> str:
    return distribution_name(edition_id).replace("-", "_")


def _default_title(edition_id: str) -> str:
    """``cao-po-2027-2028`` -> ``CAO PO 2027-2028``: words in capitals, the numbers as given."""
    words = edition_id.split("-")
    first_number = next((i for i, word in enumerate(words) if word.isdigit()), len(words))
    head = " ".join(word.upper() for word in words[:first_number])
    tail = "-".join(words[first_number:])
    return f"{head} {tail}".strip()


class Scaffold:
    """What :func:`new_edition` wrote: the package directory and its files (relative paths)."""

    def __init__(self, root: Path, files: tuple[str, ...], edition_file: Path) -> None:
        self.root = root
        self.files = files
        self.edition_file = edition_file

    def summary(self) -> str:
        """The lines the command prints: what was written and what to do next."""
        lines = [f"Wrote {self.root}:"]
        lines += [f"  {name}" for name in self.files]
        lines += [
            "",
            "Next steps (see README.md):",
            f"  1. Edit {self.edition_file.relative_to(self.root)}: replace every value marked "
            "TODO with the new CAO's figure and citation.",
            f"  2. Run the tests: cd {self.root} && pip install -e '.[test]' && pytest",
            "  3. Install it where onderwijsregels runs: pip install .",
        ]
        return "\n".join(lines)


def new_edition(
    rulebook: Rulebook,
    *,
    base: str,
    id: str,
    valid_from: date,
    out: Path,
    valid_to: date | None = None,
    title: str | None = None,
) -> Scaffold:
    """Write a plugin package providing edition ``id``, derived from installed edition ``base``.

    Refused (``InvalidInputError``, naming the flag): a ``base`` that no installed plugin
    provides, an ``id`` that is not lower kebab-case or is already loaded, a ``valid_from`` not
    after the base's start or a ``valid_to`` before it, and an existing non-empty package
    directory. When the new edition starts before the base ends it declares that it
    supersedes the base (see "Overlapping an edition of another distribution").
    """
    known = {
        edition.id: edition
        for family in rulebook.families()
        for edition in rulebook.editions(family)
    }
    problems: list[tuple[str, str]] = []
    parent = known.get(base)
    installed = {edition for plugin in rulebook.plugins for edition in plugin.editions}
    if parent is None:
        problems.append(
            (
                "--from",
                f"no installed edition {shown(base)}; installed: {', '.join(sorted(installed))}",
            )
        )
    elif base not in installed:
        problems.append(
            (
                "--from",
                f"{base!r} is read from a file, not provided by an installed plugin; a package "
                "can only derive from an installed edition",
            )
        )
    if not _ID.fullmatch(id):
        problems.append(("--id", f"{shown(id)} is not lower kebab-case, e.g. cao-po-2027-2028"))
    elif id in known or id in {plugin.name for plugin in rulebook.plugins}:
        problems.append(
            ("--id", f"{id!r} is already installed; give the new edition an id of its own")
        )
    if parent is not None and valid_from <= parent.starts:
        problems.append(
            (
                "--valid-from",
                f"must be after the start of {base!r} ({parent.starts.isoformat()}), so that the "
                f"new edition follows it; got {valid_from.isoformat()}",
            )
        )
    if valid_to is not None and valid_to < valid_from:
        problems.append(
            (
                "--valid-to",
                f"must not be before --valid-from ({valid_from.isoformat()}), got {valid_to.isoformat()}",
            )
        )
    root = out / distribution_name(id)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        problems.append(("--out", f"{root} already exists and is not empty; choose another --out"))
    if problems:
        raise InvalidInputError.many(problems)
    assert parent is not None
    name = title if title is not None else _default_title(id)
    if not name.strip():
        raise InvalidInputError("--title", "must not be empty")
    text = _edition_text(rulebook, parent, id, name, valid_from, valid_to)
    _check_loads(text, id)
    module = _module_name(id)
    data_file = f"{id}.yaml"
    family = parent.family
    kinds = [kind.__name__ for kind in (Employee, School) if family in rulebook.families_for(kind)]
    values = {
        "id": id,
        "base": base,
        "family": family,
        "title": name,
        "distribution": distribution_name(id),
        "module": module,
        "data_file": data_file,
        "valid_from": valid_from.isoformat(),
        "valid_from_args": f"{valid_from.year}, {valid_from.month}, {valid_from.day}",
        "valid_to": f"to {valid_to.isoformat()}" if valid_to else "on, open-ended",
        "host_version": host_version(),
        "employee_test": _EMPLOYEE_TEST if "Employee" in kinds else "",
        "school_test": _SCHOOL_TEST if "School" in kinds else "",
    }
    files = {
        "pyproject.toml": _fill(_PYPROJECT, values),
        "README.md": _fill(_README, values),
        f"src/{module}/__init__.py": _fill(_MODULE, values),
        f"src/{module}/{data_file}": text,
        "tests/test_edition.py": _fill(_TESTS, values),
        f"tests/cases_{id}.yaml": _fill(_CASES, values),
    }
    try:
        for relative, content in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    except OSError as error:
        raise InvalidInputError(
            "--out", f"cannot write {root}: {error.strerror or error}"
        ) from None
    return Scaffold(root, tuple(files), root / f"src/{module}/{data_file}")


def _fill(template: str, values: Mapping[str, str]) -> str:
    """``template`` with every ``{{name}}`` replaced (no other braces are touched)."""
    return re.sub(r"\{\{(\w+)\}\}", lambda found: values[found.group(1)], template)


def _edition_text(
    rulebook: Rulebook,
    base: Edition,
    new_id: str,
    title: str,
    valid_from: date,
    valid_to: date | None,
) -> str:
    """The edition file: ``base``'s values in force from ``valid_from`` on, each with a TODO."""
    data = edition_data(base, base, id=new_id)
    parameters: dict[str, list[dict[str, Any]]] = {}
    for parameter_id, items in data["parameters"].items():
        kept = []
        for item in items:
            if item["end"] is not None and item["end"] < valid_from:
                continue  # the base's earlier values stay the base's: only later ones are written
            kept.append({**item, "start": max(item["start"], valid_from)})
        if kept:
            parameters[parameter_id] = kept
    source_id = f"{new_id}-tekst"
    found: dict[str, Any] = {
        "id": new_id,
        "family": base.family,
        "title": title,
        "derives_from": base.id,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "provisional": True,
    }
    ends = base.valid_to
    if ends is None or ends >= valid_from:
        found["supersedes"] = [base.id]
    found["citation"] = {
        "source": title,
        "article": None,
        "lid": None,
        "read_at": {
            "id": source_id,
            "title": f"{title} (TODO: the page or document you read the CAO text on)",
            "publisher": "TODO: who publishes it",
            "grade": "D",
        },
        "quote": None,
        "note": "TODO: quote the article that gives the looptijd of the new CAO",
    }
    found["notes"] = [
        f"Scaffolded from {base.id}: every value is carried over from it until it is replaced "
        "by the new CAO's figure and citation."
    ]
    found["interpretation"] = {
        "summary": f"the values of {base.id} are carried over unchanged",
        "reasoning": "the edition was scaffolded from its base; its values have not yet been "
        "checked against the text of the new CAO",
    }
    found["parameters"] = parameters
    header = [
        f"{title}: edition {new_id!r}, scaffolded by onderwijsregels {host_version()} from the "
        f"installed edition {base.id!r} (onderwijsregels new-edition).",
        "",
        "Every value below is the base edition's, with the base's citation: replace each one",
        "marked TODO with the new CAO's figure, its article and a short verbatim quote, and",
        "read_at the source you read it on (its id alone, once it is given in full above).",
        "Then drop the TODO comments and the notes, write `interpretation: null` (or your own",
        "reading; without the key the base's reading stays), set provisional: false once the",
        "CAO is signed, and run the tests. The format is described under 'Editions as data'",
        "in the onderwijsregels docs.",
    ]
    if "supersedes" in found:
        header += [
            "",
            f"It starts before {base.id!r} ends, so it declares that it supersedes it on the",
            "days both cover (supersedes).",
        ]
    text = dump_edition(found, header=header)
    return _with_todos(text, base.id)


def _with_todos(text: str, base_id: str) -> str:
    """One ``TODO`` comment above every dated value of the ``parameters`` section."""
    source = text.splitlines()
    lines: list[str] = []
    in_parameters = False
    parameter = ""
    for index, line in enumerate(source):
        if line == "parameters:":
            in_parameters = True
        elif in_parameters and re.fullmatch(r"  [a-z0-9_]+:", line):
            parameter = line.strip().rstrip(":")
        elif in_parameters and line.startswith("  - start: "):
            rest = source[index + 1 :]
            item = next((n for n, later in enumerate(rest) if not later.startswith("    ")), None)
            gap = any(later.startswith("    missing: ") for later in rest[:item])
            lines.append(
                f"  # TODO: {parameter}: a known gap in {base_id}, carried over; give the new "
                "CAO's figure and citation if it has one"
                if gap
                else f"  # TODO: {parameter}: the value of {base_id}, carried over; replace it "
                "with the new CAO's figure and citation (or keep it, citing where the new CAO "
                "says so)"
            )
        lines.append(line)
    return "\n".join(lines) + "\n"


def _check_loads(text: str, new_id: str) -> None:
    """Load the edition file with the installed plugins; refuse the scaffold if it would not."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"{new_id}.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            load(edition_files=[path])
        except OnderwijsregelsError as error:
            reasons = "; ".join(why for _, why in getattr(error, "problems", ((None, str(error)),)))
            raise InvalidInputError(
                "--valid-from",
                f"the new edition would not load with the installed plugins: {reasons}. "
                "Adjust --valid-from or --valid-to",
            ) from None


_PYPROJECT = """\
# A plugin for onderwijsregels, scaffolded by `onderwijsregels new-edition`: the edition
# {{id}} ({{title}}), written as data, deriving from {{base}}.

[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "{{distribution}}"
version = "0.1.0"
description = "onderwijsregels edition {{id}}: {{title}}, written as data."
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["onderwijsregels>={{host_version}}"]

[project.optional-dependencies]
test = ["onderwijsregels[test]>={{host_version}}", "pytest>=8"]

# The entry-point name is the plugin's name (ONDERWIJSREGELS_PLUGINS, load(only=...)); the
# value is the module with the hook onderwijsregels_edition_files.
[project.entry-points.onderwijsregels]
{{id}} = "{{module}}"

[tool.setuptools.packages.find]
where = ["src"]

# The edition file ships with the package.
[tool.setuptools.package-data]
{{module}} = ["*.yaml"]
"""

_MODULE = '''\
"""The onderwijsregels plugin {{id}}: {{title}}, an edition written as data.

The edition file {{data_file}} (next to this module) derives from {{base}} and
reuses its rules; its values and citations are in the file.
"""

from collections.abc import Sequence
from pathlib import Path

from onderwijsregels import hookimpl

EDITION_FILE = Path(__file__).resolve().parent / "{{data_file}}"
"""The edition file this plugin ships (an absolute path, as the hook requires)."""


@hookimpl
def onderwijsregels_edition_files(host_version: str) -> Sequence[Path]:
    """Provide {{title}} ({{id}}), written as data."""
    return [EDITION_FILE]
'''

_EMPLOYEE_TEST = """

@pytest.mark.parametrize("function", [owr.Function.LERAAR, owr.Function.DIRECTEUR])
def test_a_teacher_and_a_director_are_evaluated_on_its_first_day(
    rulebook: owr.Rulebook, function: owr.Function
) -> None:
    employee = owr.Employee(function=function, werktijdfactor=Decimal("0.8"))
    # no PluginError: every rule of the edition runs for them
    evaluation = rulebook.evaluate(employee, on=VALID_FROM, families=FAMILY)
    assert [use.edition.id for use in evaluation.editions] == [EDITION_ID]
"""

_SCHOOL_TEST = """

def test_a_school_is_evaluated_on_its_first_day(rulebook: owr.Rulebook) -> None:
    school = owr.School(pupils=100)
    # no PluginError: every rule of the edition runs for it
    evaluation = rulebook.evaluate(school, on=VALID_FROM, families=FAMILY)
    assert [use.edition.id for use in evaluation.editions] == [EDITION_ID]
"""

_TESTS = '''\
"""Tests of the edition {{id}}, as scaffolded: they pass before any value is changed.

Run them with the package installed (pip install -e '.[test]'; pytest). For every value you
change, add a case to tests/cases_{{id}}.yaml (no Python needed): an employee, a period and the
figure you expect, with the arithmetic in a comment.
"""

from datetime import date
from decimal import Decimal

import onderwijsregels as owr
import pytest

EDITION_ID = "{{id}}"
BASE_ID = "{{base}}"
FAMILY = "{{family}}"
VALID_FROM = date({{valid_from_args}})


@pytest.fixture(scope="module")
def rulebook() -> owr.Rulebook:
    try:
        return owr.load()
    except owr.OnderwijsregelsError as error:  # the edition file does not load: say why, briefly
        pytest.fail(f"the plugins do not load: {error}", pytrace=False)


def test_the_edition_loads_from_this_plugin(rulebook: owr.Rulebook) -> None:
    edition = rulebook.get(EDITION_ID)
    assert edition.derives_from == BASE_ID
    assert edition.valid_from == VALID_FROM
    assert edition.source_file is not None
    assert rulebook.provider(EDITION_ID).name == EDITION_ID


def test_it_governs_its_first_day(rulebook: owr.Rulebook) -> None:
    assert rulebook.edition(FAMILY, VALID_FROM).id == EDITION_ID


def test_every_parameter_is_cited(rulebook: owr.Rulebook) -> None:
    edition = rulebook.get(EDITION_ID)
    for parameter in edition.parameters:
        for item in parameter.values:
            if item.value is None:
                assert item.missing, f"{parameter.id}: a known gap needs its reason"
            else:
                where = f"{parameter.id} from {item.start}"
                assert item.citation is not None, f"{where} is not cited"
{{employee_test}}{{school_test}}

def test_the_edition_conforms(onderwijsregels_conformance: object) -> None:
    # Ids, citations, confidence within what each source allows, the family still tiles, its
    # reference page generates, and the properties (money never negative, in cents, pro rata
    # monotone, exact arithmetic) over generated employees: the pytest plugin of
    # onderwijsregels[test].
    onderwijsregels_conformance("{{distribution}}")  # type: ignore[operator]
'''

_CASES = """\
# Cases for the edition {{id}}, collected by pytest through the onderwijsregels plugin.
# Add one per value you change: a subject, a period and what you expect, with the arithmetic.
# Each case fails with every mismatch and its line. See the section "For plugin authors" of
# the page "Tests and mutation testing" in the onderwijsregels documentation.
cases:
  - name: the edition governs its first day
    subject: {function: leraar, werktijdfactor: 1}
    on: {{valid_from}}
    expect:
      individueel_budget: {edition: {{id}}}   # add `value:` with the arithmetic once you know it
"""

_README = """\
# {{distribution}}

A plugin for [onderwijsregels](https://pypi.org/project/onderwijsregels/): the edition
`{{id}}` ({{title}}), from {{valid_from}} {{valid_to}}, written as data. It derives from
`{{base}}` and reuses its rules; the values are in
`src/{{module}}/{{data_file}}`.

It was scaffolded by `onderwijsregels new-edition`, so **every value is still that of
`{{base}}`**, each marked with a `TODO` comment. Results under it say that its values are
carried over (the file's `interpretation`) until you replace them.

## Next steps

1. **Edit the edition file** `src/{{module}}/{{data_file}}`:
   - the edition's `citation`: the article that gives the looptijd, a short verbatim `quote`,
     and under `read_at` the source you read it on (with its `grade`, A to D);
   - every dated value marked `TODO`: the new CAO's figure, with its `citation` (`article`,
     `lid`, `quote`, `read_at`). Remove a parameter you do not change, and its base value
     carries over. A value the text does not give is a known gap: `missing:` with the reason;
   - then drop the `TODO` comments and the `notes`, write `interpretation: null` (or a
     reading of your own: without the key, the base's edition-wide reading stays), and set
     `provisional: false` once the CAO is signed.

   The format is described under "Editions as data" in the onderwijsregels documentation.
   Check the file without installing anything:

   ```bash
   onderwijsregels editions --edition-file src/{{module}}/{{data_file}}
   ```

2. **Run the tests** (they pass as scaffolded): the checks in `tests/test_edition.py`, the
   conformance check of the onderwijsregels pytest plugin, and the cases in
   `tests/cases_{{id}}.yaml`, where you add one case per value you change (YAML, no Python):

   ```bash
   pip install -e '.[test]'
   pytest
   ```

3. **Install it** where onderwijsregels runs, and check that it is listed:

   ```bash
   pip install .
   onderwijsregels editions
   onderwijsregels diff {{base}} {{id}}
   ```

The entry point (in `pyproject.toml`, group `onderwijsregels`) is named `{{id}}`; the
module `{{module}}` implements the hook `onderwijsregels_edition_files`, which returns the
absolute path of the edition file shipped as package data.
"""
