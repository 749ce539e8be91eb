"""The installed plugins, found without importlib.metadata: exactly what it finds.

:func:`onderwijsregels.installed.entry_points` reads the ``*.dist-info`` and ``*.egg-info``
directories on ``sys.path`` itself, so ``load()`` need not import :mod:`importlib.metadata`
(and the email package). These tests hold it to importlib.metadata's answer: in this
environment, for every group, and for distributions made in a temporary directory, including
the cases it leaves to importlib.metadata.

The comparisons run with the standard distribution finder only: a library imported by an
earlier test (dask imports the ``importlib_metadata`` backport) may have put its own finder
on ``sys.meta_path`` and taken the standard one's place, and then the scan leaves the work to
importlib.metadata (as :func:`test_another_distribution_finder_is_left_to_importlib_metadata`
checks).
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import warnings
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

import onderwijsregels as owr
from onderwijsregels import installed

GROUP = "onderwijsregels"

Seen = list[tuple[str, str, str, str | None, str | None]]


@pytest.fixture(autouse=True)
def _standard_finder_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """``sys.meta_path`` as a plain interpreter has it, as far as distributions go."""
    from importlib.machinery import PathFinder

    monkeypatch.setattr(
        sys,
        "meta_path",
        [
            finder
            for finder in sys.meta_path
            if finder is PathFinder or getattr(finder, "find_distributions", None) is None
        ],
    )
    if getattr(PathFinder, "find_distributions", None) is None:  # the backport removes it

        def find_distributions(*args: object, **kwargs: object) -> object:
            return metadata.MetadataPathFinder.find_distributions(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(
            PathFinder, "find_distributions", staticmethod(find_distributions), raising=False
        )
    importlib.invalidate_caches()


def _seen(entry_points: object) -> Seen:
    """Each entry point's name, value and group, and its distribution's name and version."""
    found = []
    for ep in entry_points:  # type: ignore[attr-defined]
        dist = ep.dist
        found.append(
            (
                ep.name,
                ep.value,
                ep.group,
                None if dist is None else dist.name,
                None if dist is None else dist.version,
            )
        )
    return found


def _both(group: str) -> tuple[Seen, Seen]:
    """What importlib.metadata and the fast scan find for ``group``."""
    importlib.invalidate_caches()  # importlib.metadata keeps directory listings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # a missing field, say
        expected = _seen(metadata.entry_points(group=group))
        return expected, _seen(installed.entry_points(group=group))


def test_the_scan_finds_what_importlib_metadata_finds_here() -> None:
    expected, found = _both(GROUP)
    assert found == expected
    assert {name for name, *_ in found} >= {"cao-po-2021", "cao-po-2025-2027"}
    # Here nothing is unusual: the scan answers without importlib.metadata's help.
    assert _seen(installed._scan(GROUP)) == expected


def test_the_scan_agrees_for_every_group_installed_here() -> None:
    groups = {ep.group for dist in metadata.distributions() for ep in dist.entry_points}
    for group in sorted(groups):
        expected, found = _both(group)
        assert found == expected, group


def test_loading_imports_no_importlib_metadata() -> None:
    code = (
        "import sys, onderwijsregels as owr; rb = owr.load(); "
        "print([m for m in ('importlib.metadata', 'email') if m in sys.modules]); "
        "print(all(p.distribution and p.version for p in rb.plugins))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["[]", "True"]


def test_the_plugins_loaded_name_their_distribution_and_version() -> None:
    rb = owr.load()
    expected = {
        ep.name: (ep.dist.name, ep.dist.version)
        for ep in metadata.entry_points(group=GROUP)
        if ep.dist is not None
    }
    assert {p.name: (p.distribution, p.version) for p in rb.plugins} == expected


# --- Distributions in a temporary directory ---------------------------------------------------


def _dist(
    site: Path,
    directory: str,
    entry_points: str | None,
    metadata_text: str | None = None,
    *,
    metadata_file: str = "METADATA",
) -> Path:
    path = site / directory
    path.mkdir(parents=True)
    if entry_points is not None:
        (path / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    if metadata_text is not None:
        (path / metadata_file).write_text(metadata_text, encoding="utf-8")
    return path


def _use(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    monkeypatch.setattr(sys, "path", [*(str(path) for path in paths), *sys.path])
    importlib.invalidate_caches()


def test_a_fake_distribution_in_a_temporary_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    _dist(
        site,
        "Acme_CAO-1.2.dist-info",
        "# a comment\n\n[console_scripts]\nacme = acme.cli:main\n\n"
        "[onderwijsregels]\n  acme-cao-2031 =  onderwijsregels_cao_po_2021  \n"
        "acme-attr = onderwijsregels_cao_po_2021:EDITION\n"
        "[ onderwijsregels ]\nnot-this-group = x\n",
        "Metadata-Version: 2.1\nName: Acme-CAO\nVersion: 1.2\nname: not-this-one\n\nThe body.\n",
    )
    # A second distribution of the same (normalised) name: only the first one counts.
    _dist(
        tmp_path / "later",
        "acme.cao-9.9.dist-info",
        "[onderwijsregels]\nshadowed = onderwijsregels_cao_po_2021\n",
        "Name: acme.cao\nVersion: 9.9\n",
    )
    # An egg-info directory with PKG-INFO, and one with an odd header (lower-case field
    # names, a folded field that is not the name or version, a field without a name).
    _dist(
        site,
        "oud_pakket.egg-info",
        "[onderwijsregels]\noud = onderwijsregels_cao_po_2021\n",
        "Metadata-Version: 1.0\nname:   oud-pakket\t\nversion:0.1\n",
        metadata_file="PKG-INFO",
    )
    _dist(
        site,
        "vreemd-3.dist-info",
        "[onderwijsregels]\nvreemd = onderwijsregels_cao_po_2021\n",
        "Summary: one\n  and two\n: no name\nVersion: 3\nName: vreemd\n",
    )
    _dist(site, "zonder_punten-1.dist-info", None, "Name: zonder-punten\nVersion: 1\n")
    (site / "not-a-distribution.txt").write_text("", encoding="utf-8")
    _use(monkeypatch, site, tmp_path / "later", tmp_path / "missing")

    expected, found = _both(GROUP)
    assert found == expected
    mine = [item for item in found if item[3] in {"Acme-CAO", "oud-pakket\t", "vreemd"}]
    assert sorted(mine) == [
        ("acme-attr", "onderwijsregels_cao_po_2021:EDITION", GROUP, "Acme-CAO", "1.2"),
        ("acme-cao-2031", "onderwijsregels_cao_po_2021", GROUP, "Acme-CAO", "1.2"),
        # The email parser keeps trailing white space (other than line ends): so does the scan.
        ("oud", "onderwijsregels_cao_po_2021", GROUP, "oud-pakket\t", "0.1"),
        ("vreemd", "onderwijsregels_cao_po_2021", GROUP, "vreemd", "3"),
    ]
    assert _seen(installed._scan(GROUP)) == expected  # all of it read without importlib's help

    by_name = {ep.name: ep for ep in installed.entry_points(group=GROUP)}
    from onderwijsregels_cao_po_2021 import EDITION

    assert by_name["acme-attr"].load() is EDITION
    assert by_name["acme-cao-2031"].load() is sys.modules["onderwijsregels_cao_po_2021"]

    # load() names the plugin's distribution and version as the metadata gives them.
    rb = owr.load(only=["acme-cao-2031"])
    assert [(p.name, p.distribution, p.version) for p in rb.plugins] == [
        ("acme-cao-2031", "Acme-CAO", "1.2")
    ]
    assert rb.provider("cao-po-2021").source == "Acme-CAO 1.2"


@pytest.mark.parametrize(
    ("directory", "entry_points", "metadata_text"),
    [
        # A folded name or version: importlib.metadata's own reading (dedented) is kept.
        ("gevouwen-1.dist-info", "[onderwijsregels]\nx = os\n", "Name: gevouwen\nVersion:\n  1\n"),
        # An envelope line before the fields.
        (
            "envelop-1.dist-info",
            "[onderwijsregels]\nx = os\n",
            "From nobody\nName: e\nVersion: 1\n",
        ),
        # No name at all (importlib.metadata gives None, with a warning).
        ("naamloos-1.dist-info", "[onderwijsregels]\nx = os\n", "Version: 1\n"),
        # No METADATA (nor PKG-INFO).
        ("leeg-1.dist-info", "[onderwijsregels]\nx = os\n", None),
        # A value that is not a reference to a module: its load() fails in importlib's way.
        ("slecht-1.dist-info", "[onderwijsregels]\nx = not a module!\n", "Name: s\nVersion: 1\n"),
        # A directory whose name gives no distribution name.
        ("-1.dist-info", "[onderwijsregels]\nx = os\n", "Name: z\nVersion: 1\n"),
        ("Hoofd-1.DIST-INFO", "[onderwijsregels]\nx = os\n", "Name: hoofd\nVersion: 1\n"),
    ],
)
def test_what_the_scan_leaves_to_importlib_metadata(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    directory: str,
    entry_points: str,
    metadata_text: str | None,
) -> None:
    _dist(tmp_path, directory, entry_points, metadata_text)
    _use(monkeypatch, tmp_path)
    expected, found = _both(GROUP)
    assert found == expected
    assert any(item[1] != "onderwijsregels_cao_po_2021" for item in found)


def test_a_line_importlib_metadata_refuses_is_refused_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _dist(tmp_path, "kapot-1.dist-info", "[elders]\nno equals sign\n", "Name: k\nVersion: 1\n")
    _use(monkeypatch, tmp_path)
    importlib.invalidate_caches()
    with pytest.raises(TypeError) as expected:
        metadata.entry_points(group=GROUP)
    with pytest.raises(TypeError) as found:
        installed.entry_points(group=GROUP)
    assert str(found.value) == str(expected.value)


def test_a_zip_archive_on_the_path_is_read_by_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("gezipt-1.dist-info/METADATA", "Name: gezipt\nVersion: 1\n")
        zipped.writestr("gezipt-1.dist-info/entry_points.txt", "[onderwijsregels]\nz = os\n")
    _use(monkeypatch, archive)
    expected, found = _both(GROUP)
    assert found == expected
    assert ("z", "os", GROUP, "gezipt", "1") in found
    with pytest.raises(installed._Unusual):
        installed._scan(GROUP)


def test_another_distribution_finder_is_left_to_importlib_metadata(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Finder:
        @staticmethod
        def find_distributions(context: object) -> list[metadata.Distribution]:
            return []

        @staticmethod
        def find_spec(*args: object) -> None:
            return None

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder()])
    with pytest.raises(installed._Unusual):
        installed._scan(GROUP)
    expected, found = _both(GROUP)
    assert found == expected


@pytest.mark.parametrize("upper", [False, True])
def test_odd_directory_names_are_read_as_importlib_metadata_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, upper: bool
) -> None:
    # A name with a leading dot, or dots and dashes in its stem, is read by the scan; an
    # upper-case suffix is left to importlib.metadata. Either way: the same distributions,
    # names and order as importlib.metadata.
    site = tmp_path / "site"
    directories = [
        ".verborgen-1.dist-info",
        "Punt.Streep_Naam-2.0.1.dist-info",
        "dubbel..punt-1.egg-info",
    ]
    if upper:
        directories.append("Hoofd-1.DIST-INFO")
    for number, directory in enumerate(directories):
        _dist(
            site,
            directory,
            f"[onderwijsregels]\nodd-{number} = onderwijsregels_cao_po_2021\n",
            f"Name: {directory.partition('-')[0]}\nVersion: 1\n",
        )
    _use(monkeypatch, site)
    expected, found = _both(GROUP)
    assert found == expected
    assert len([item for item in found if item[0].startswith("odd-")]) == len(directories)
    if not upper:
        assert _seen(installed._scan(GROUP)) == expected
    else:
        with pytest.raises(installed._Unusual):
            installed._scan(GROUP)
