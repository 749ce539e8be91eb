"""``onderwijsregels new-edition``: a plugin package for a new edition, scaffolded.

The package is installed the way pip would install it (its dist-info with the entry points of
its ``pyproject.toml``, its package with the package data) into a directory of its own, never
into this environment, and its generated tests are run in a subprocess with that directory on
``PYTHONPATH``: they pass as generated. When ``pip`` can build the package offline (setuptools
and wheel installed), the real ``pip install --target`` is used as well.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

import onderwijsregels as owr
from onderwijsregels.cli import main
from onderwijsregels.errors import InvalidInputError
from onderwijsregels.scaffold import distribution_name, new_edition

BASE = "cao-po-2025-2027"
NEW = "cao-po-scaffoldtest-2027"
MODULE = "onderwijsregels_edition_cao_po_scaffoldtest_2027"


@pytest.fixture(scope="module")
def installed() -> owr.Rulebook:
    """Every installed plugin, as the command loads them."""
    return owr.load()


def _scaffold(rulebook: owr.Rulebook, out: Path, **changes: object) -> Path:
    arguments: dict[str, object] = {
        "base": BASE,
        "id": NEW,
        "valid_from": date(2027, 3, 1),
        "valid_to": date(2028, 2, 29),
        "out": out,
    }
    arguments.update(changes)
    return new_edition(rulebook, **arguments).root  # type: ignore[arg-type]


def test_the_command_writes_the_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "new-edition",
            "--from",
            BASE,
            "--id",
            NEW,
            "--valid-from",
            "2027-03-01",
            "--valid-to",
            "2028-02-29",
            "--out",
            str(tmp_path),
        ]
    )
    assert code == 0
    root = tmp_path / distribution_name(NEW)
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) == [
        "README.md",
        "pyproject.toml",
        f"src/{MODULE}/__init__.py",
        f"src/{MODULE}/{NEW}.yaml",
        f"tests/cases_{NEW}.yaml",
        "tests/test_edition.py",
    ]
    output = capsys.readouterr().out
    assert f"Wrote {root}" in output
    assert "Next steps" in output


def test_the_pyproject_registers_the_hook_module_and_ships_the_file(
    tmp_path: Path, installed: owr.Rulebook
) -> None:
    root = _scaffold(installed, tmp_path)
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == distribution_name(NEW)
    assert project["project"]["entry-points"]["onderwijsregels"] == {NEW: MODULE}
    assert project["build-system"]["build-backend"] == "setuptools.build_meta"
    assert project["tool"]["setuptools"]["package-data"] == {MODULE: ["*.yaml"]}
    hook = (root / "src" / MODULE / "__init__.py").read_text(encoding="utf-8")
    assert "def onderwijsregels_edition_files(host_version: str)" in hook
    assert "@hookimpl" in hook


def test_the_edition_file_loads_and_carries_the_base_values(
    tmp_path: Path, installed: owr.Rulebook
) -> None:
    root = _scaffold(installed, tmp_path, title="CAO PO 2027-2028 (test)")
    path = root / "src" / MODULE / f"{NEW}.yaml"
    text = path.read_text(encoding="utf-8")
    rulebook = owr.load(edition_files=[path])
    edition, base = rulebook.get(NEW), rulebook.get(BASE)
    assert edition.derives_from == BASE
    assert edition.title == "CAO PO 2027-2028 (test)"
    assert rulebook.edition("cao-po", date(2027, 3, 1)).id == NEW
    assert rulebook.edition("cao-po", date(2027, 2, 28)).id == BASE
    day = date(2027, 3, 1)
    for parameter in base.parameters:
        ours = edition.parameter(parameter.id)
        before, after = parameter.find(day), ours.find(day)
        assert (before.value if before else None) == (after.value if after else None)
    # every dated value from the first day on has a TODO comment above it
    values = sum(1 for p in edition.parameters for v in p.values if v.start >= day)
    assert text.count("\n  # TODO: ") == values
    teacher = owr.Employee(function=owr.Function.LERAAR, werktijdfactor="1")
    on_new = rulebook.evaluate(teacher, on=day, families="cao-po")
    on_base = installed.evaluate(teacher, on=day, families="cao-po")  # the base, in nawerking
    assert on_base.editions[0].edition.id == BASE
    assert on_new.editions[0].edition.id == NEW
    assert on_base["individueel_budget"].value == on_new["individueel_budget"].value


def test_an_edition_starting_before_the_base_ends_supersedes_it(
    tmp_path: Path, installed: owr.Rulebook
) -> None:
    root = _scaffold(installed, tmp_path, valid_from=date(2026, 9, 1))
    path = root / "src" / MODULE / f"{NEW}.yaml"
    edition = owr.load(edition_files=[path]).get(NEW)
    assert edition.supersedes == frozenset({BASE})


@pytest.mark.parametrize(
    ("changes", "field", "says"),
    [
        ({"base": "cao-po-2031"}, "--from", "no installed edition 'cao-po-2031'"),
        ({"id": "CAO_PO_2027"}, "--id", "not lower kebab-case"),
        ({"id": BASE}, "--id", "already installed"),
        ({"valid_from": date(2025, 11, 1)}, "--valid-from", "must be after the start"),
        ({"valid_from": date(2024, 1, 1)}, "--valid-from", "must be after the start"),
        ({"valid_to": date(2027, 2, 1)}, "--valid-to", "must not be before --valid-from"),
    ],
)
def test_refusals(
    tmp_path: Path,
    installed: owr.Rulebook,
    changes: dict[str, object],
    field: str,
    says: str,
) -> None:
    with pytest.raises(InvalidInputError) as raised:
        _scaffold(installed, tmp_path, **changes)
    assert raised.value.field == field
    assert says in raised.value.reason
    assert not any(tmp_path.iterdir())  # nothing written


def test_an_existing_non_empty_package_directory_is_refused(
    tmp_path: Path, installed: owr.Rulebook, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / distribution_name(NEW)
    root.mkdir()
    (root / "keep.txt").write_text("mine", encoding="utf-8")
    code = main(
        [
            *("new-edition", "--from", BASE, "--id", NEW, "--valid-from", "2027-03-01"),
            *("--valid-to", "2028-02-29", "--out", str(tmp_path)),
        ]
    )
    assert code == 2
    assert "--out:" in capsys.readouterr().err
    assert [p.name for p in root.iterdir()] == ["keep.txt"]
    root.joinpath("keep.txt").unlink()  # an empty directory is fine
    assert _scaffold(installed, tmp_path) == root


def test_the_cli_reports_every_refusal_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            *("new-edition", "--from", "nope", "--id", "Bad", "--valid-from", "2027-03-01"),
            *("--out", str(tmp_path)),
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "--from: no installed edition 'nope'" in err
    assert "--id: 'Bad' is not lower kebab-case" in err


def test_a_scaffold_that_would_not_load_is_refused(tmp_path: Path, installed: owr.Rulebook) -> None:
    # open-ended, it would overlap a later edition of the family from another distribution
    later = [
        e
        for e in installed.editions("cao-po")
        if e.valid_from > date(2027, 3, 1)
        and installed.provider(e.id).distribution != "onderwijsregels"
    ]
    if not later:
        pytest.skip("no later cao-po edition of another distribution installed")
    with pytest.raises(InvalidInputError, match="would not load"):
        _scaffold(installed, tmp_path, valid_to=None)
    assert not any(tmp_path.iterdir())


def _install_like_pip(root: Path, site: Path) -> None:
    """Install the package into ``site`` as pip would: package, package data, dist-info."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    where = root / project["tool"]["setuptools"]["packages"]["find"]["where"][0]
    patterns = project["tool"]["setuptools"]["package-data"]
    for package in (p for p in where.iterdir() if (p / "__init__.py").is_file()):
        target = site / package.name
        target.mkdir(parents=True)
        for file in package.iterdir():
            if file.suffix == ".py" or any(
                fnmatch.fnmatch(file.name, pattern) for pattern in patterns.get(package.name, [])
            ):
                shutil.copy(file, target / file.name)
    name, version = project["project"]["name"], project["project"]["version"]
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    groups = project["project"]["entry-points"]
    (info / "entry_points.txt").write_text(
        "".join(
            f"[{group}]\n" + "".join(f"{key} = {value}\n" for key, value in points.items())
            for group, points in groups.items()
        ),
        encoding="utf-8",
    )


def _run_generated_tests(root: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ONDERWIJSREGELS_PLUGINS"}
    env["PYTHONPATH"] = str(site)
    return subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider"),
            str(root / "tests"),
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_generated_tests_pass_with_the_package_installed(
    tmp_path: Path, installed: owr.Rulebook
) -> None:
    root = _scaffold(installed, tmp_path / "out")
    site = tmp_path / "site"
    _install_like_pip(root, site)
    assert (site / MODULE / f"{NEW}.yaml").is_file()  # the package data ships
    done = _run_generated_tests(root, site)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "7 passed" in done.stdout


@pytest.mark.skipif(
    importlib.util.find_spec("wheel") is None,
    reason="pip cannot build the package offline without the wheel package",
)
def test_the_generated_tests_pass_after_pip_install(  # pragma: no cover - needs wheel
    tmp_path: Path, installed: owr.Rulebook
) -> None:
    root = _scaffold(installed, tmp_path / "out")
    site = tmp_path / "site"
    pip = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation"),
            *("--no-index", "--quiet", "--target", str(site), str(root)),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr
    done = _run_generated_tests(root, site)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_file_that_does_not_load_fails_the_tests_briefly(
    tmp_path: Path, installed: owr.Rulebook
) -> None:
    # A mistake in the edition file (here: a grade that does not exist) fails the generated
    # tests with the loader's message (file, path, line), not pages of traceback.
    root = _scaffold(installed, tmp_path / "out")
    data_file = root / f"src/{MODULE}/{NEW}.yaml"
    text = data_file.read_text(encoding="utf-8")
    assert "    grade: D\n" in text
    data_file.write_text(text.replace("    grade: D\n", "    grade: Z\n", 1), encoding="utf-8")
    site = tmp_path / "site"
    _install_like_pip(root, site)
    done = _run_generated_tests(root, site)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "the plugins do not load" in done.stdout
    assert "grade: must be one of" in done.stdout
    assert "Traceback" not in done.stdout
    assert len(done.stdout.splitlines()) < 120, done.stdout
