"""The source register: every public source a citation rests on, with its grade.

A :class:`Source` is one public text we read a fact on: a page of the PO-Raad,
the AVS or DUO, a Staatscourant publication, a court judgment, or a secondary
page quoting one of them. Each has a :class:`Grade` (A to D) saying how far it
can be trusted; a citation's confidence follows from that grade (see
:meth:`Grade.at_most`), never from what the citation's author would like it to be.

The register the package ships (``source_register.toml``, rendered in the docs
as the *Sources* page) holds every source a shipped citation rests on; a
citation names one by id. A third-party plugin passes its own :class:`Source`
objects instead.

>>> avs = source("avs-faq-professionalisering-po")
>>> avs.grade, avs.grade.at_most.value
(<Grade.A: 'A'>, 'confirmed')
>>> source("no-such-page")
Traceback (most recent call last):
...
onderwijsregels.errors.UnknownSourceError: unknown source id 'no-such-page'; ...
"""

from __future__ import annotations

import enum
import functools
import os
import re
import sys
from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar

import attrs

from onderwijsregels.convert import converter, nonempty, optional_nonempty, unstructure
from onderwijsregels.errors import EditionDefinitionError, UnknownSourceError

__all__ = ["Confidence", "Grade", "Source", "register", "source"]

_SOURCE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class Confidence(enum.Enum):
    """How sure we are of a cited fact.

    *confirmed*: an official source (grade A) states it, article included;
    *secondary*: a secondary source (grade B or C) states it, or the article
    number is not confirmed; *interpretation*: a weak source (grade D) or our
    own reading.
    """

    CONFIRMED = "confirmed"
    SECONDARY = "secondary"
    INTERPRETATION = "interpretation"

    @property
    def rank(self) -> int:
        """0 for confirmed, 1 for secondary, 2 for interpretation (higher is weaker)."""
        return list(Confidence).index(self)

    @staticmethod
    def weakest(*levels: Confidence) -> Confidence:
        """The least certain of several levels.

        >>> Confidence.weakest(Confidence.CONFIRMED, Confidence.SECONDARY)
        <Confidence.SECONDARY: 'secondary'>
        """
        return max(levels, key=lambda level: level.rank)


class Grade(enum.Enum):
    """How reliable a source is.

    - **A**: the regulation itself, or an official page of a party: the PO-Raad,
      the AVS, a union, DUO, the Schoolleidersregister PO, the Staatscourant, a
      court quoting a text;
    - **B**: a reputable secondary source quoting one of those;
    - **C**: a blog, a mirror or another third party;
    - **D**: a weak or unclear source.

    >>> [grade.at_most.value for grade in Grade]
    ['confirmed', 'secondary', 'secondary', 'interpretation']
    """

    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def at_most(self) -> Confidence:
        """The highest confidence a fact read on a source of this grade can have."""
        if self is Grade.A:
            return Confidence.CONFIRMED
        if self is Grade.D:
            return Confidence.INTERPRETATION
        return Confidence.SECONDARY

    @property
    def meaning(self) -> str:
        """The grade in words."""
        return {
            Grade.A: "the regulation itself or an official page of a party",
            Grade.B: "a reputable secondary source quoting it",
            Grade.C: "a blog, mirror or other third party",
            Grade.D: "a weak or unclear source",
        }[self]


def to_grade(value: object) -> Grade:
    """A :class:`Grade` from itself or its letter; anything else is a definition error."""
    return _member(Grade, "grade", value)


def to_confidence(value: object) -> Confidence | None:
    """``None``, a :class:`Confidence` or its value (``"secondary"``)."""
    return None if value is None else _member(Confidence, "confidence", value)


_E = TypeVar("_E", Grade, Confidence)


def _member(kind: type[_E], field: str, value: object) -> _E:
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(item.value) for item in kind)
        raise EditionDefinitionError(f"{field} must be one of {allowed}, got {value!r}") from None


def _kebab(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not _SOURCE_ID.fullmatch(value):
        raise EditionDefinitionError(f"source {attribute.name} {value!r} is not lower kebab-case")


@attrs.frozen
class Source:
    """One public source we read facts on.

    ``published`` is the date the source gives itself (where known), ``read``
    the day we read it (where recorded); ``official_reference`` is the
    Staatscourant/Staatsblad number or the ECLI of a judgment.

    >>> page = Source("example-page", "An example", "Example", Grade.C, url="https://example.org")
    >>> page.label
    'Example, "An example" (grade C), https://example.org'
    """

    id: str = attrs.field(validator=_kebab)
    title: str = attrs.field(validator=nonempty)
    publisher: str = attrs.field(validator=nonempty)
    grade: Grade = attrs.field(converter=to_grade)
    url: str | None = attrs.field(default=None, validator=optional_nonempty)
    published: date | None = None
    read: date | None = None
    official_reference: str | None = attrs.field(default=None, validator=optional_nonempty)
    note: str | None = attrs.field(default=None, validator=optional_nonempty)

    @property
    def label(self) -> str:
        """The source in one line, for people."""
        text = f'{self.publisher}, "{self.title}" (grade {self.grade.value})'
        if self.official_reference:
            text += f", {self.official_reference}"
        if self.url:
            text += f", {self.url}"
        return text

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        """A JSON-ready dict with every field."""
        return {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "grade": self.grade.value,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "read": self.read.isoformat() if self.read else None,
            "official_reference": self.official_reference,
            "note": self.note,
        }


def _from_toml(entry: Mapping[str, Any]) -> Source:
    fields = dict(entry)
    return Source(**fields)


def _shipped_bytes(name: str) -> bytes:
    """The bytes of a file shipped in the package, as ``importlib.resources`` reads them.

    For a package in a directory (its loader a plain file loader) the file beside its
    ``__init__.py`` is read directly, as importlib.resources would: importing
    :mod:`importlib.resources` takes longer than reading the register. Any other package
    (in a zip archive, say) is read through importlib.resources.
    """
    from importlib.machinery import SourceFileLoader, SourcelessFileLoader

    package = sys.modules[__name__.rpartition(".")[0]]
    loader = package.__spec__.loader if package.__spec__ is not None else None
    if isinstance(loader, SourceFileLoader | SourcelessFileLoader) and type(loader) in (
        SourceFileLoader,
        SourcelessFileLoader,
    ):
        with open(os.path.join(os.path.dirname(loader.path), name), "rb") as file:
            return file.read()
    from importlib import resources

    return resources.files(package.__name__).joinpath(name).read_bytes()


_PLAIN_LINE = (
    r"[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?"  # blank, or a comment
    r"|(\[\[source\]\])"  # the start of a source
    r"|([A-Za-z0-9_-]+) = "  # a key, and its text or day
    r'(?:"([^"\\\x00-\x08\x0a-\x1f\x7f]*(?:\\["\\][^"\\\x00-\x08\x0a-\x1f\x7f]*)*)"'
    r"|([0-9]{4})-([0-9]{2})-([0-9]{2}))"
)
"""A line of the register written plainly: a blank line or a comment, ``[[source]]``, or
``key = "text"`` (escaping nothing but ``"`` and ``\\``) or ``key = YYYY-MM-DD``; no control
character but a tab, as TOML allows."""


def _plain_entries(text: str) -> list[dict[str, Any]] | None:
    """The ``[[source]]`` tables of the register as :func:`tomllib.loads` reads them, if every
    line is written plainly (see ``_PLAIN_LINE``); ``None`` for anything else (another kind
    of line, a key given twice, a day that does not exist), which :mod:`tomllib` then reads,
    or refuses, instead.

    Importing and running :mod:`tomllib` takes longer than the rest of loading the rules;
    ``tests/test_sources.py`` checks that both read the shipped register alike.
    """
    line = re.compile(_PLAIN_LINE)
    entries: list[dict[str, Any]] = []
    entry: dict[str, Any] | None = None
    for text_line in text.split("\n"):
        match = line.fullmatch(text_line)
        if match is None:
            return None
        table, key, value, year, month, day = match.groups()
        if table is not None:
            entry = {}
            entries.append(entry)
        elif key is not None:
            if entry is None or key in entry:
                return None
            if value is None:
                try:
                    entry[key] = date(int(year), int(month), int(day))
                except ValueError:
                    return None
            else:
                entry[key] = re.sub(r'\\(["\\])', r"\1", value) if "\\" in value else value
    return entries or None


def _register_entries(text: str) -> list[Any]:
    """The register's ``[[source]]`` tables: read directly when written plainly, else by
    :mod:`tomllib` (see :func:`_plain_entries`)."""
    entries = _plain_entries(text)
    if entries is not None:
        return entries
    import tomllib  # only for a register written otherwise

    found: list[Any] = tomllib.loads(text)["source"]
    return found


@functools.cache
def register() -> Mapping[str, Source]:
    """Every source the package ships, by id (read once from ``source_register.toml``).

    >>> len(register()) > 30
    True
    """
    raw = _shipped_bytes("source_register.toml")
    found: dict[str, Source] = {}
    for entry in _register_entries(raw.decode("utf-8")):
        item = _from_toml(entry)
        if item.id in found:
            raise EditionDefinitionError(f"source id {item.id!r} appears twice in the register")
        found[item.id] = item
    return dict(sorted(found.items()))


def source(source_id: str) -> Source:
    """The shipped source with this id; :class:`~onderwijsregels.errors.UnknownSourceError` if none."""
    try:
        return register()[source_id]
    except KeyError:
        raise UnknownSourceError(source_id, tuple(register())) from None


converter.register_unstructure_hook(Source, Source._json)
