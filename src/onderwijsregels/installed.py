"""The entry points of the installed distributions, found without :mod:`importlib.metadata`.

:func:`onderwijsregels.load` asks for the entry points of the group ``onderwijsregels`` on
every run. :func:`importlib.metadata.entry_points` answers, but importing it imports the
:mod:`email` package, and it parses a distribution's whole metadata with the email parser
twice per plugin (for its name, then its version): together about 20 ms of every
``import onderwijsregels; load()`` on a small machine. :func:`entry_points` gives exactly
what ``importlib.metadata.entry_points(group=...)`` gives, in the same order, by doing what
it does on a plain installation (Python 3.11's implementation, followed step by step):

- every directory on :data:`sys.path`, in order, is listed; its ``*.dist-info`` and
  ``*.egg-info`` entries are taken grouped by their normalised name (PEP 503, with
  underscores), in the order the names first appear;
- of several distributions with one normalised name (found in one directory or in several),
  only the first counts;
- each one's ``entry_points.txt`` is read and parsed as :mod:`importlib.metadata` parses it
  (sections in brackets, ``name = value`` lines, comments and blank lines skipped), and the
  entry points of the group are kept;
- a distribution's name and version are read from the header of its ``METADATA`` (or
  ``PKG-INFO``) when first asked for, as the email parser reads them, and kept.

Anything else is left to :mod:`importlib.metadata` itself, which then gives its own answer
(or error): a distribution finder on :data:`sys.meta_path` other than the standard one (the
``importlib_metadata`` backport installs one), a :data:`sys.path` entry that is not a text,
is a file (a zip archive) or is an egg, a distribution directory whose name does not give
the distribution's name, an ``entry_points.txt`` that cannot be read or has a line its
parser refuses, an entry point of the group whose value is not a valid reference, and a
metadata header without a name or version, with one folded over several lines, or with an
envelope (``From``) line. ``tests/test_installed.py`` holds the result to
:mod:`importlib.metadata`'s for every group installed in the test environment and for
distributions made in a temporary directory, the unusual ones included.

>>> found = entry_points(group="onderwijsregels")
>>> ep = next(item for item in found if item.name == "cao-po-2021")
>>> ep.value, ep.group, ep.dist is not None and ep.dist.name
('onderwijsregels_cao_po_2021', 'onderwijsregels', 'onderwijsregels')
"""

from __future__ import annotations

import functools
import io
import os
import re
import sys
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib import metadata

__all__ = ["InstalledDistribution", "InstalledEntryPoint", "entry_points"]


class InstalledDistribution(Protocol):
    """What :func:`entry_points` tells of a distribution: its name and version."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...


class InstalledEntryPoint(Protocol):
    """What :func:`entry_points` gives: an entry point, as :mod:`importlib.metadata` has it."""

    @property
    def name(self) -> str: ...

    @property
    def value(self) -> str: ...

    @property
    def group(self) -> str: ...

    @property
    def dist(self) -> InstalledDistribution | None: ...

    def load(self) -> Any: ...


class _Unusual(Exception):
    """Something :func:`entry_points` leaves to :mod:`importlib.metadata`."""


def entry_points(*, group: str) -> Sequence[InstalledEntryPoint]:
    """The entry points of ``group``, as ``importlib.metadata.entry_points(group=group)``."""
    try:
        return _scan(group)
    except _Unusual:
        from importlib import metadata

        return tuple(metadata.entry_points(group=group))


# --- Finding the distributions (importlib.metadata.MetadataPathFinder, FastPath, Lookup) ------


_SEPARATORS = re.compile(r"[-_.]+")


def _normalize(name: str) -> str:
    """``importlib.metadata.Prepared.normalize``: PEP 503, and dashes as underscores."""
    return _SEPARATORS.sub("-", name).lower().replace("-", "_")


def _standard_finders_only() -> bool:
    """Whether the standard path finder is the only one that finds distributions."""
    from importlib.machinery import PathFinder

    finders = [
        finder
        for finder in sys.meta_path
        if getattr(finder, "find_distributions", None) is not None
    ]
    return finders == [PathFinder]


def _children(root: str) -> list[str]:
    """The entries of a directory on :data:`sys.path` (none when it does not exist)."""
    try:
        return os.listdir(root or ".")
    except Exception:
        # importlib.metadata then reads the entry as a zip archive: an archive is left to it,
        # and a path that is not there (or a directory it may not list) has nothing.
        if os.path.isdir(root or ".") or not os.path.exists(root or "."):
            return []
        raise _Unusual(root) from None


def _distributions() -> list[tuple[str, str]]:
    """Every distribution directory on :data:`sys.path`, in the order importlib.metadata
    finds them, each with its normalised name (duplicates included)."""
    if not _standard_finders_only():
        raise _Unusual("another distribution finder")
    found = []
    for root in sys.path:
        if not isinstance(root, str):
            raise _Unusual(repr(root))
        if os.path.basename(root).lower().endswith(".egg"):
            raise _Unusual(root)
        infos: dict[str, list[str]] = {}
        for child in _children(root):
            low = child.lower()
            if low.endswith((".dist-info", ".egg-info")):
                key = _normalize(low.rpartition(".")[0].partition("-")[0])
                infos.setdefault(key, []).append(child)
        for key, children in infos.items():
            for child in children:
                # PathDistribution._normalized_name: from the directory's name when it has
                # the usual form (then it is the key found above: the stem up to the first
                # dash, normalised); otherwise importlib.metadata reads the metadata for it.
                if os.path.splitext(child)[1] not in (".dist-info", ".egg-info") or not key:
                    raise _Unusual(child)
                found.append((os.path.join(root, child), key))
    return found


# --- Reading entry_points.txt (importlib.metadata.Sectioned, EntryPoint) ---------------------

_REFERENCE = re.compile(
    r"(?P<module>[\w.]+)\s*"
    r"(:\s*(?P<attr>[\w.]+)\s*)?"
    r"((?P<extras>\[.*\])\s*)?$"
)
"""``importlib.metadata.EntryPoint.pattern``: ``module``, ``module:attr``, extras."""


def _read_text(path: str) -> str | None:
    """``PathDistribution.read_text``: the file's text, ``None`` when it is not there."""
    try:
        with open(path, encoding="utf-8") as file:
            return file.read()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
        return None
    except Exception:  # importlib.metadata raises it: let it
        raise _Unusual(path) from None


def _section_pairs(text: str) -> list[tuple[str, str, str]]:
    """``Sectioned.section_pairs``: each ``(section, name, value)`` of an entry_points.txt."""
    pairs = []
    section = None
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
            continue
        if section is None:
            continue
        parts = line.split("=", 1)
        if len(parts) != 2:  # importlib.metadata raises a TypeError: let it
            raise _Unusual(line)
        pairs.append((section, parts[0].strip(), parts[1].strip()))
    return pairs


def _scan(group: str) -> tuple[_EntryPoint, ...]:
    seen: set[str] = set()
    found = []
    for path, name in _distributions():
        if name in seen:
            continue
        seen.add(name)
        text = _read_text(os.path.join(path, "entry_points.txt"))
        dist: _Distribution | None = None
        for section, entry, value in _section_pairs(text or ""):
            if section != group:
                continue
            if _REFERENCE.match(value) is None:
                raise _Unusual(value)  # its load() fails in importlib.metadata's own way
            dist = dist or _Distribution(path)
            found.append(_EntryPoint(entry, value, group, dist))
    return tuple(found)


class _EntryPoint:
    """An entry point of an installed distribution (as ``importlib.metadata.EntryPoint``)."""

    __slots__ = ("dist", "group", "name", "value")

    def __init__(self, name: str, value: str, group: str, dist: _Distribution) -> None:
        self.name = name
        self.value = value
        self.group = group
        self.dist = dist

    def load(self) -> Any:
        """The module, or the object in it, that the entry point names."""
        match = _REFERENCE.match(self.value)
        assert match is not None  # checked when found
        module = import_module(match.group("module"))
        attrs = filter(None, (match.group("attr") or "").split("."))
        return functools.reduce(getattr, attrs, module)

    def __repr__(self) -> str:
        return f"EntryPoint(name={self.name!r}, value={self.value!r}, group={self.group!r})"


# --- A distribution's name and version (Distribution.metadata, read with the email parser) ---

_HEADER = re.compile(r"^(From |[\041-\071\073-\176]*:|[\t ])")
"""``email.feedparser.headerRE``: a line of the header block (the first other line ends it)."""


def _header(text: str) -> dict[str, str]:
    """The fields of a metadata header, the first of each name (lower case), as the email
    parser (policy compat32) reads them; :class:`_Unusual` for a folded name or version or
    an envelope (``From``) line."""
    lines = []
    for line in io.StringIO(text, newline="").readlines():  # as email.feedparser splits
        if not _HEADER.match(line):
            break
        lines.append(line)
    fields: dict[str, str] = {}
    current = ""  # the field being read, if its first value is one we keep
    for line in lines:
        if line[0] in " \t":  # a continuation line
            if current in ("name", "version"):
                raise _Unusual(line)
            continue
        if line.startswith("From "):
            raise _Unusual(line)
        colon = line.find(":")
        if colon == 0:  # no field name: the email parser skips the line
            current = ""
            continue
        field = line[:colon].lower()
        current = "" if field in fields else field
        fields.setdefault(field, line[colon + 1 :].lstrip(" \t").rstrip("\r\n"))
    return fields


class _Distribution:
    """An installed distribution (a ``.dist-info`` or ``.egg-info`` directory on sys.path).

    Its name and version are read from its metadata header on first use.
    """

    __slots__ = ("_fields", "_path")

    def __init__(self, path: str) -> None:
        self._path = path
        self._fields: tuple[str, str] | None = None

    @property
    def name(self) -> str:
        """The ``Name`` of the metadata."""
        return self._name_and_version()[0]

    @property
    def version(self) -> str:
        """The ``Version`` of the metadata."""
        return self._name_and_version()[1]

    def _name_and_version(self) -> tuple[str, str]:
        if self._fields is None:
            try:
                self._fields = self._read()
            except _Unusual:
                found = self._metadata()
                self._fields = (found.name, found.version)
        return self._fields

    def _read(self) -> tuple[str, str]:
        text = _read_text(os.path.join(self._path, "METADATA")) or _read_text(
            os.path.join(self._path, "PKG-INFO")
        )
        if not text:
            raise _Unusual(self._path)
        fields = _header(text)
        if "name" not in fields or "version" not in fields:
            raise _Unusual(self._path)
        return fields["name"], fields["version"]

    def _metadata(self) -> metadata.Distribution:
        from importlib import metadata

        return metadata.Distribution.at(self._path)

    def __repr__(self) -> str:
        return f"<distribution at {self._path}>"
