"""Editions written as data: a YAML (or JSON) file of dates, a citation and dated values.

Rules stay Python. An edition written as data names the installed edition it
``derives_from`` and reuses its rules; what the file gives are the edition's
identity and dates, the citation of its looptijd, and dated values that
override the base edition's by parameter id. It is loaded with
``onderwijsregels.load(edition_files=[...])``, with ``--edition-file FILE`` on
the command line, or shipped by a plugin through the hook
``onderwijsregels_edition_files``. ``onderwijsregels edition export ID`` (or
:meth:`~onderwijsregels.rulebook.Rulebook.export_edition`) writes any installed
edition as such a file.

The file, with every key it may hold (``applies_from``, ``provisional``,
``supersedes``, ``remove``, ``notes``, ``interpretation`` and ``parameters`` may
be left out)::

    id: cao-po-voorbeeld-2098           # lower kebab-case, unique
    family: cao-po                      # the family of the base edition
    title: FICTIEF VOORBEELD CAO PO 2098
    derives_from: cao-po-2025-2027      # an installed edition (or another data edition)
    valid_from: 2098-01-01
    valid_to: 2098-12-31                # null: open-ended
    applies_from: 2098-01-01            # when the content applies, if not from valid_from
    provisional: true                   # legal force not confirmed
    supersedes: []                      # editions of another distribution it replaces
    citation:                           # the source of the looptijd
      source: FICTIEF VOORBEELD CAO PO 2098
      article: null                     # text, in quotes: '9.3'
      lid: null
      read_at: fictief-voorbeeld        # a source id of the shipped register, or inline:
      #  {id: ..., title: ..., publisher: ..., grade: D, url: ...}
      quote: null                       # a short verbatim quote, or null
      note: Fictional example data, not law.
      confidence: interpretation        # a claim: it may lower the derived level, never raise it
      article_confirmed: false
    parameters:                         # per parameter id of the base edition
      individueel_budget_op_oop:
        - start: 2098-01-01
          end: null
          value: 525.00                 # or `missing: why it is not encoded`
          citation: {...}               # as above; required with a value
          interpretation: {summary: ..., reasoning: ...}   # our reading, if it is one
    remove: []                          # rule ids of the base edition this one drops
    notes: [...]
    interpretation: {summary: ..., reasoning: ...}          # an edition-wide reading

The values given for a parameter replace the base edition's from the first
value's ``start`` on: the base's earlier values are kept (one that runs into it
ends the day before), exactly as :meth:`~onderwijsregels.parameters.Parameter.changed`
does. A value must be of the kind the parameter's other values are (an amount,
a whole number, a date, a text, a list of texts, true or false): ``525`` for an
amount is read as ``Decimal("525")``, but ``"525"`` (a text) or ``525.5`` for a
whole number is refused. Numbers are read exactly (never as floats).

Everything is checked strictly; a problem names the file, the place in it
(``parameters.individueel_budget_op_oop[1].value``) and the line. A file the
caller passes is input (:class:`~onderwijsregels.errors.InvalidInputError`); a
file a plugin ships is the plugin's
(:class:`~onderwijsregels.errors.PluginError`). Files are read within the
limits of :mod:`onderwijsregels.limits`, by :func:`onderwijsregels.records.read_data`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import Any, Final

import attrs
import yaml

from onderwijsregels.citations import Citation, Interpretation
from onderwijsregels.convert import shown, value_problem
from onderwijsregels.editions import Edition
from onderwijsregels.errors import DefinitionError, EditionDefinitionError, InvalidInputError
from onderwijsregels.limits import BYTES_PER_VALUE, FIRST_DAY, LAST_DAY, MAX_BYTES, MAX_VALUES
from onderwijsregels.parameters import DatedValue, Parameter, Value
from onderwijsregels.records import _DecimalLoader, read_data_and_sha256
from onderwijsregels.sources import Confidence, Grade, Source, register

__all__ = [
    "EditionFile",
    "EditionFileProblems",
    "dump_edition",
    "edition_data",
    "expressible",
    "read_edition_file",
]

_ID = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
"""An edition or family id: lower kebab-case (as :class:`~onderwijsregels.editions.Edition` has)."""

_TOP_REQUIRED: Final = (
    "id",
    "family",
    "title",
    "derives_from",
    "valid_from",
    "valid_to",
    "citation",
)
_TOP_OPTIONAL: Final = (
    "applies_from",
    "provisional",
    "supersedes",
    "parameters",
    "remove",
    "notes",
    "interpretation",
)
_CITATION_REQUIRED: Final = ("source", "read_at")
_CITATION_OPTIONAL: Final = ("article", "lid", "quote", "note", "confidence", "article_confirmed")
_SOURCE_REQUIRED: Final = ("id", "title", "publisher", "grade")
_SOURCE_OPTIONAL: Final = ("url", "published", "read", "official_reference", "note")
_VALUE_REQUIRED: Final = ("start",)
_VALUE_OPTIONAL: Final = ("end", "value", "missing", "citation", "interpretation")
_INTERPRETATION_KEYS: Final = ("summary", "reasoning")

Where = tuple[str | int, ...]
"""A place in a file: keys and list indexes from the top (``("parameters", "x", 1, "value")``)."""


def place(where: Where) -> str:
    """A place in a file as text: ``parameters.individueel_budget_op_oop[1].value``.

    >>> place(("parameters", "individueel_budget_op_oop", 1, "value"))
    'parameters.individueel_budget_op_oop[1].value'
    >>> place(())
    ''
    """
    text = ""
    for part in where:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


class EditionFileProblems(Exception):
    """What is wrong with an edition file: ``(place, reason)`` pairs; turned into a typed error.

    :meth:`EditionFile.input_error` makes it an InvalidInputError (a file the caller passed),
    :meth:`EditionFile.plugin_problem` the problem of a PluginError (a file a plugin ships).
    """

    def __init__(self, file: EditionFile, problems: Sequence[tuple[Where, str, bool]]) -> None:
        self.file = file
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{place(where)}: {why}" for where, why, _ in problems))


class _Lines:
    """The line of a place in a YAML (or JSON) file, found from the composed nodes when asked."""

    def __init__(self, path: Path, max_bytes: int) -> None:
        self._path = path
        self._max_bytes = max_bytes
        self._root: yaml.Node | None = None
        self._composed = False

    def _compose(self) -> yaml.Node | None:
        if not self._composed:
            self._composed = True
            try:
                with self._path.open("rb") as handle:
                    text = handle.read(self._max_bytes + 1).decode("utf-8-sig")
                loader = _DecimalLoader(text, max(MAX_VALUES, self._max_bytes // BYTES_PER_VALUE))
                try:
                    self._root = loader.get_single_node()
                finally:
                    loader.dispose()
            except (OSError, UnicodeDecodeError, yaml.YAMLError, InvalidInputError):
                self._root = None  # the file changed or is JSON that YAML cannot read: no line
        return self._root

    def line(self, where: Where, *, key: bool = False) -> int | None:
        """The line (from 1) of the value at ``where``, or of its key; the nearest found."""
        node = self._compose()
        if node is None:
            return None
        line = node.start_mark.line + 1
        for index, part in enumerate(where):
            last = index == len(where) - 1
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                        if key and last:
                            return int(key_node.start_mark.line) + 1
                        node = value_node
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    return line
                node = node.value[part]
            else:
                return line
            line = node.start_mark.line + 1
        return line


@attrs.frozen
class EditionFile:
    """One edition file, read and checked at the top: its ``id`` and ``derives_from``.

    :meth:`build` checks the rest against the base edition and returns the Edition.
    """

    path: Path
    data: Mapping[str, Any] = attrs.field(repr=False)
    id: str
    derives_from: str
    _lines: _Lines = attrs.field(repr=False, alias="lines")
    sha256: str | None = None
    """The SHA-256 (hex) of the file's bytes as read (for receipts)."""

    @property
    def name(self) -> str:
        """The file as the caller named it."""
        return str(self.path)

    def locate(self, where: Where, reason: str, *, key: bool = False) -> tuple[str, str]:
        """``(field, reason)`` for an InvalidInputError: ``FILE: place`` and the reason with its line."""
        line = self._lines.line(where, key=key)
        at = f" (line {line})" if line is not None else ""
        field = f"{self.name}: {place(where)}" if where else self.name
        return field, f"{reason}{at}"

    def input_error(self, problems: EditionFileProblems) -> InvalidInputError:
        """The problems as one InvalidInputError (a file the caller passed)."""
        return InvalidInputError.many(
            [self.locate(where, why, key=key) for where, why, key in problems.problems]
        )

    def plugin_problem(self, problems: EditionFileProblems) -> str:
        """The problems as the text of a PluginError (a file a plugin ships)."""
        return "; ".join(
            ": ".join(self.locate(where, why, key=key)) for where, why, key in problems.problems
        )

    def build(self, base: Edition) -> Edition:
        """The edition this file describes, derived from ``base`` (the edition it names).

        Raises :class:`EditionFileProblems` naming every problem found.
        """
        return _Builder(self, base).build()


def read_edition_file(path: PathLike[str] | str, *, max_bytes: int = MAX_BYTES) -> EditionFile:
    """Read an edition file (YAML, or JSON by its ``.json`` suffix) within the input limits.

    Checks that it is a mapping with a well-formed ``id`` and ``derives_from``; the rest is
    checked by :meth:`EditionFile.build`. Raises InvalidInputError for a file that cannot be
    read (its field: the file) and :class:`EditionFileProblems` (with ``file`` set) for one
    that does not fit.
    """
    file = Path(path)
    try:
        data, sha256 = read_data_and_sha256(file, max_bytes=max_bytes)
    except InvalidInputError as error:
        raise InvalidInputError.many(
            [
                (str(path) if name == "file" else f"{path}: {name}", why)
                for name, why in error.problems
            ]
        ) from None
    lines = _Lines(file, max_bytes)
    unknown = EditionFile(file, {}, "unknown", "unknown", lines)
    if not isinstance(data, Mapping):
        raise EditionFileProblems(
            unknown, [((), f"must be a mapping of an edition's keys, got {_what(data)}", False)]
        )
    check = _Check()
    found: dict[str, str | None] = {}
    for key in ("id", "derives_from"):
        if key in data:
            found[key] = check.identifier(data[key], (key,), "an edition id")
        else:
            found[key] = None
            check.fail((), f"an edition lacks the key {key!r}")
    edition_id, base = found["id"], found["derives_from"]
    if edition_id is None or base is None:
        raise EditionFileProblems(unknown, check.problems)
    return EditionFile(file, data, edition_id, base, lines, sha256)


# --- checking values --------------------------------------------------------------------------


def _what(value: object) -> str:
    """A value as a message names it: its kind, then the value."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"the float {value!r}"
    if isinstance(value, int | Decimal):
        kind = "whole number" if isinstance(value, int) else "number"
        text = str(value) if len(shown(value)) < 40 else shown(value)
        return f"the {kind} {text}"
    if isinstance(value, datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return f"the text {shown(value)}"
    if isinstance(value, Mapping):
        return f"a mapping {shown(value)}"
    if isinstance(value, Sequence):
        return f"a list {shown(value)}"
    return f"{type(value).__name__} {shown(value)}"


class _Check:
    """Strict checks of a file's values, collecting every problem with its place."""

    def __init__(self) -> None:
        self.problems: list[tuple[Where, str, bool]] = []

    def fail(self, where: Where, reason: str, *, key: bool = False) -> None:
        self.problems.append((where, reason, key))

    def mapping(
        self,
        value: object,
        where: Where,
        required: Sequence[str],
        optional: Sequence[str],
        what: str,
    ) -> Mapping[str, Any] | None:
        """``value`` if it is a mapping with the required keys; unknown keys are problems too.

        The mapping is returned despite unknown keys, so its other values are checked as well.
        """
        if not isinstance(value, Mapping):
            self.fail(where, f"must be a mapping ({what}), got {_what(value)}")
            return None
        allowed = (*required, *optional)
        ok = True
        for name in value:
            if name not in allowed:
                self.fail(
                    (*where, str(name)),
                    f"unknown key {shown(name)} in {what}; the keys are {', '.join(allowed)}",
                    key=True,
                )
        for name in required:
            if name not in value:
                ok = False
                self.fail(where, f"{what} lacks the key {name!r}")
        return value if ok else None

    def text(self, value: object, where: Where, *, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            hint = ""
            if isinstance(value, int | Decimal) and not isinstance(value, bool):
                hint = f"; write it in quotes ('{value}')"
            self.fail(
                where,
                f"must be a non-empty text{' or null' if optional else ''}, "
                f"got {_what(value)}{hint}",
            )
            return None
        return value

    def identifier(self, value: object, where: Where, what: str) -> str | None:
        if not isinstance(value, str) or not _ID.fullmatch(value):
            self.fail(
                where, f"must be {what} in lower kebab-case (e.g. cao-po-2027), got {_what(value)}"
            )
            return None
        return value

    def identifiers(self, value: object, where: Where, what: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str) or not isinstance(value, Sequence):
            self.fail(where, f"must be a list of {what}s, got {_what(value)}")
            return ()
        found = []
        for index, item in enumerate(value):
            checked = self.identifier(item, (*where, index), what)
            if checked is not None:
                found.append(checked)
        return tuple(found)

    def texts(self, value: object, where: Where) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str) or not isinstance(value, Sequence):
            self.fail(where, f"must be a list of texts, got {_what(value)}")
            return ()
        found = []
        for index, item in enumerate(value):
            checked = self.text(item, (*where, index))
            if checked is not None:
                found.append(checked)
        return tuple(found)

    def day(self, value: object, where: Where, *, optional: bool = False) -> date | None:
        if value is None and optional:
            return None
        if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            try:
                value = date.fromisoformat(value)  # JSON writes days as texts
            except ValueError as error:  # written right, but no such day: 2027-02-30
                self.fail(where, f"{value} is not a day of the calendar ({error})")
                return None
        if not isinstance(value, date) or isinstance(value, datetime):
            self.fail(
                where,
                f"must be a day written YYYY-MM-DD{' or null' if optional else ''}, "
                f"got {_what(value)}",
            )
            return None
        if not FIRST_DAY <= value <= LAST_DAY:
            self.fail(
                where,
                f"must lie between {FIRST_DAY.isoformat()} and "
                f"{LAST_DAY.isoformat()}, got {value.isoformat()}",
            )
            return None
        return value

    def boolean(self, value: object, where: Where, default: bool) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(where, f"must be true or false, got {_what(value)}")
            return default
        return value


# --- the kinds of value a parameter holds -----------------------------------------------------

_KINDS: Final = {
    "amount": "a number (an amount such as 525.00, or a whole number)",
    "whole": "a whole number (such as 4, without decimals)",
    "flag": "true or false",
    "day": "a day written YYYY-MM-DD",
    "text": "a text",
    "texts": "a list of texts",
}


_ORDER: Final = ("whole", "amount", "flag", "day", "text", "texts")
"""The kinds in the order a value is tried (a whole number stays one where that is allowed)."""


def _kind(value: Value) -> str:
    if isinstance(value, bool):
        return "flag"
    if isinstance(value, int):
        return "whole"
    if isinstance(value, Decimal):
        return "amount"
    if isinstance(value, date):
        return "day"
    if isinstance(value, tuple):
        return "texts"
    return "text"


def _as_kind(value: object, kind: str) -> Value | None:
    """``value`` as a value of ``kind``; ``None`` when it is not one."""
    if isinstance(value, float):
        return None
    if kind == "amount":
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            return None
        amount = Decimal(value)
        return amount if amount.is_finite() else None
    if kind == "whole":
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if kind == "flag":
        return value if isinstance(value, bool) else None
    if kind == "day":
        if isinstance(value, date) and not isinstance(value, datetime):
            return value if FIRST_DAY <= value <= LAST_DAY else None
        return None
    if kind == "text":
        return value if isinstance(value, str) and value.strip() else None
    if isinstance(value, str) or not isinstance(value, Sequence):
        return None
    items = tuple(value)
    return items if all(isinstance(item, str) and item.strip() for item in items) else None


# --- building the edition ---------------------------------------------------------------------


class _Builder:
    """Checks one file against its base edition and builds the edition."""

    def __init__(self, file: EditionFile, base: Edition) -> None:
        self.file = file
        self.base = base
        self.check = _Check()
        self.sources: dict[str, tuple[Source, Where]] = {}

    def build(self) -> Edition:
        check = self.check
        data = check.mapping(self.file.data, (), _TOP_REQUIRED, _TOP_OPTIONAL, "an edition")
        if data is None:
            raise EditionFileProblems(self.file, check.problems)
        base = self.base
        family = check.identifier(data["family"], ("family",), "a family id")
        if family is not None and family != base.family:
            check.fail(
                ("family",),
                f"is {family!r}, but derives_from names {base.id!r}, an edition of "
                f"{base.family!r}; an edition derives from an edition of its own family",
            )
        title = check.text(data["title"], ("title",))
        valid_from = check.day(data["valid_from"], ("valid_from",))
        valid_to = check.day(data["valid_to"], ("valid_to",), optional=True)
        applies_from = check.day(data.get("applies_from"), ("applies_from",), optional=True)
        if valid_from and valid_to and valid_to < valid_from:
            check.fail(
                ("valid_to",),
                f"{valid_to.isoformat()} lies before valid_from {valid_from.isoformat()}",
            )
        elif applies_from and valid_to and applies_from > valid_to:
            check.fail(
                ("applies_from",),
                f"{applies_from.isoformat()} lies after valid_to "
                f"{valid_to.isoformat()}: the edition would apply only after it ended",
            )
        provisional = check.boolean(data.get("provisional"), ("provisional",), False)
        supersedes = check.identifiers(data.get("supersedes"), ("supersedes",), "an edition id")
        if self.file.id in supersedes:
            check.fail(("supersedes",), "an edition cannot supersede itself")
        citation = self.citation(data["citation"], ("citation",))
        remove = self.remove(data.get("remove"))
        notes = check.texts(data.get("notes"), ("notes",))
        interpretation = self.interpretation(data.get("interpretation"), ("interpretation",))
        parameters = self.parameters(data.get("parameters"))
        if check.problems:
            raise EditionFileProblems(self.file, check.problems)
        assert title is not None
        assert valid_from is not None
        assert citation is not None
        # Absent, the base's edition-wide reading stays (what is carried over is never more
        # certain than in the base); `interpretation: null` drops it.
        reading: dict[str, Any] = (
            {"interpretation": interpretation} if "interpretation" in data else {}
        )
        try:
            return base.derive(
                id=self.file.id,
                title=title,
                valid_from=valid_from,
                valid_to=valid_to,
                citation=citation,
                parameters=parameters,
                remove=remove,
                applies_from=applies_from,
                provisional=provisional,
                supersedes=frozenset(supersedes),
                notes=notes,
                source_file=self.file.name,
                source_sha256=self.file.sha256,
                **reading,
            )
        except DefinitionError as error:  # a rule of Edition not checked above
            raise EditionFileProblems(self.file, [((), str(error), False)]) from None

    def remove(self, value: object) -> tuple[str, ...]:
        check = self.check
        if value is None:
            return ()
        if isinstance(value, str) or not isinstance(value, Sequence):
            check.fail(("remove",), f"must be a list of rule ids, got {_what(value)}")
            return ()
        found = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or item not in self.base.rule_ids:
                check.fail(
                    ("remove", index),
                    f"{shown(item)} is not a rule of {self.base.id!r}; its rules: "
                    f"{', '.join(self.base.rule_ids) or 'none'}",
                )
            elif item in found:
                check.fail(("remove", index), f"rule {item!r} is named twice")
            else:
                found.append(item)
        return tuple(found)

    def interpretation(self, value: object, where: Where) -> Interpretation | None:
        if value is None:
            return None
        found = self.check.mapping(
            value, where, _INTERPRETATION_KEYS, (), "an interpretation: {summary, reasoning}"
        )
        if found is None:
            return None
        summary = self.check.text(found["summary"], (*where, "summary"))
        reasoning = self.check.text(found["reasoning"], (*where, "reasoning"))
        if summary is None or reasoning is None:
            return None
        return Interpretation(summary, reasoning)

    def source(self, value: object, where: Where) -> Source | None:
        check = self.check
        if isinstance(value, str):
            given = self.sources.get(value)  # a source given in full earlier in this file
            shipped = register().get(value) if given is None else given[0]
            if shipped is None:
                check.fail(
                    where,
                    f"unknown source id {value!r}: give an id of the shipped source register "
                    "(the Sources page of the documentation) or of a source given in full "
                    "earlier in this file, or the source itself: "
                    "{id, title, publisher, grade, url}",
                )
            return shipped
        fields = check.mapping(
            value,
            where,
            _SOURCE_REQUIRED,
            _SOURCE_OPTIONAL,
            "a source id, or a source: {id, title, publisher, grade, url}",
        )
        if fields is None:
            return None
        before = len(check.problems)
        texts = {
            name: check.text(fields.get(name), (*where, name), optional=name in _SOURCE_OPTIONAL)
            for name in ("id", "title", "publisher", "url", "official_reference", "note")
        }
        days = {
            name: check.day(fields.get(name), (*where, name), optional=True)
            for name in ("published", "read")
        }
        grade = fields["grade"]
        if grade not in [item.value for item in Grade]:
            check.fail(
                (*where, "grade"),
                f"must be one of {', '.join(item.value for item in Grade)}, got {_what(grade)}",
            )
        if len(check.problems) > before:
            return None
        try:
            found = Source(grade=grade, **texts, **days)  # type: ignore[arg-type]
        except EditionDefinitionError as error:
            check.fail(where, str(error))
            return None
        shipped = register().get(found.id)
        if shipped is not None and shipped != found:
            check.fail(
                (*where, "id"),
                f"{found.id!r} is a source of the shipped register with other details; cite it "
                f"by its id alone (read_at: {found.id}), or give your source another id",
            )
            return None
        earlier = self.sources.get(found.id)
        if earlier is not None and earlier[0] != found:
            check.fail(
                (*where, "id"),
                f"the source {found.id!r} is given with other details at "
                f"{place(earlier[1])}; one id, one source",
            )
            return None
        self.sources.setdefault(found.id, (found, where))
        return found

    def citation(self, value: object, where: Where) -> Citation | None:
        check = self.check
        fields = check.mapping(value, where, _CITATION_REQUIRED, _CITATION_OPTIONAL, "a citation")
        if fields is None:
            return None
        before = len(check.problems)
        source = check.text(fields["source"], (*where, "source"))
        article = check.text(fields.get("article"), (*where, "article"), optional=True)
        lid = check.text(fields.get("lid"), (*where, "lid"), optional=True)
        quote = check.text(fields.get("quote"), (*where, "quote"), optional=True)
        note = check.text(fields.get("note"), (*where, "note"), optional=True)
        confirmed = check.boolean(
            fields.get("article_confirmed"), (*where, "article_confirmed"), False
        )
        claim = fields.get("confidence")
        if claim is not None and claim not in [item.value for item in Confidence]:
            check.fail(
                (*where, "confidence"),
                f"must be one of {', '.join(item.value for item in Confidence)}, "
                f"got {_what(claim)}",
            )
        read_at = self.source(fields["read_at"], (*where, "read_at"))
        if len(check.problems) > before or source is None or read_at is None:
            return None
        try:
            return Citation(
                source,
                article,
                lid,
                read_at,
                quote,
                confidence=claim,
                note=note,
                article_confirmed=confirmed,
            )
        except EditionDefinitionError as error:  # a claim above what the source allows
            check.fail((*where, "confidence") if claim is not None else where, str(error))
            return None

    def parameters(self, value: object) -> list[Parameter]:
        check = self.check
        if value is None:
            return []
        if not isinstance(value, Mapping):
            check.fail(
                ("parameters",),
                f"must be a mapping of parameter ids to lists of dated values, got {_what(value)}",
            )
            return []
        known = {item.id: item for item in self.base.parameters}
        changed = []
        for parameter_id, items in value.items():
            where: Where = ("parameters", str(parameter_id))
            base = known.get(parameter_id) if isinstance(parameter_id, str) else None
            if base is None:
                check.fail(
                    where,
                    f"{self.base.id!r} (the edition this one derives from) has no parameter "
                    f"{shown(parameter_id)}; its parameters: {', '.join(known) or 'none'}",
                    key=True,
                )
                continue
            values = self.values(base, items, where)
            if values is None:
                continue
            found = _replaced_from(base, values)
            if found != base:
                changed.append(found)
        return changed

    def values(self, base: Parameter, items: object, where: Where) -> tuple[DatedValue, ...] | None:
        check = self.check
        if isinstance(items, str) or not isinstance(items, Sequence) or not items:
            check.fail(
                where,
                "must be a non-empty list of dated values {start, end, value or missing, "
                f"citation, interpretation}}, got {_what(items)}",
            )
            return None
        held = {_kind(item.value) for item in base.values if item.value is not None}
        kinds = [kind for kind in _ORDER if kind in held]
        before = len(check.problems)
        found: list[DatedValue] = []
        for index, item in enumerate(items):
            at = (*where, index)
            fields = check.mapping(item, at, _VALUE_REQUIRED, _VALUE_OPTIONAL, "a dated value")
            if fields is None:
                continue
            dated = self.value(base, fields, at, kinds)
            if dated is None:
                continue
            if found and (found[-1].end is None or found[-1].end >= dated.start):
                previous = found[-1]
                check.fail(
                    (*at, "start"),
                    f"{dated.start.isoformat()} lies before the previous value ends "
                    f"({previous.span}); list the values in order, without overlap",
                )
                continue
            found.append(dated)
        return tuple(found) if len(check.problems) == before else None

    def value(
        self, base: Parameter, fields: Mapping[str, Any], at: Where, kinds: Sequence[str]
    ) -> DatedValue | None:
        check = self.check
        before = len(check.problems)
        start = check.day(fields["start"], (*at, "start"))
        end = check.day(fields.get("end"), (*at, "end"), optional=True)
        if start and end and end < start:
            check.fail((*at, "end"), f"{end.isoformat()} lies before start {start.isoformat()}")
        raw = fields.get("value")
        missing = fields.get("missing")
        value: Value | None = None
        if raw is None and missing is None:
            check.fail(at, "give a value, or `missing:` saying why the value is not encoded")
        elif raw is not None and missing is not None:
            check.fail((*at, "missing"), "give a value or `missing:`, not both")
        elif missing is not None:
            check.text(missing, (*at, "missing"))
        else:
            value = self.typed(base, raw, (*at, "value"), kinds)
        citation = None
        if "citation" in fields and fields["citation"] is not None:
            citation = self.citation(fields["citation"], (*at, "citation"))
        elif raw is not None:
            check.fail(at, "a value needs a citation (where it is written)")
        interpretation = self.interpretation(fields.get("interpretation"), (*at, "interpretation"))
        if len(check.problems) > before or start is None:
            return None
        return DatedValue(
            start,
            end,
            value,
            citation,
            missing=missing,
            interpretation=interpretation,
        )

    def typed(
        self, base: Parameter, raw: object, where: Where, kinds: Sequence[str]
    ) -> Value | None:
        for kind in kinds or _ORDER:
            found = _as_kind(raw, kind)
            if found is not None:
                problem = value_problem(found)
                if problem is not None:
                    self.check.fail(where, f"parameter {base.id!r}: {problem}")
                    return None
                return found
        if isinstance(raw, float):
            self.check.fail(where, f"is {_what(raw)}; values are exact numbers, never floats")
            return None
        wanted = " or ".join(_KINDS[kind] for kind in kinds) or "a value of a known kind"
        self.check.fail(
            where,
            f"must be {wanted}, as the other values of parameter {base.id!r} ({base.unit}) "
            f"are; got {_what(raw)}",
        )
        return None


def _replaced_from(base: Parameter, values: tuple[DatedValue, ...]) -> Parameter:
    """``base`` with ``values`` from the first one's start on; earlier values kept, cut short."""
    first = values[0].start
    kept = []
    for item in base.values:
        if item.start >= first:
            continue
        if item.end is None or item.end >= first:
            item = attrs.evolve(item, end=first - timedelta(days=1))
        kept.append(item)
    return attrs.evolve(base, values=(*kept, *values))


# --- writing an edition as data ---------------------------------------------------------------


def expressible(edition: Edition, base: Edition) -> str | None:
    """Why ``edition`` cannot be written as data deriving from ``base``; ``None`` if it can.

    A data file holds values, not rules: every rule of the edition must be a rule of the base
    (the same rule, not a rewritten one), its removed scales those of the base, and its
    parameters parameters of the base.
    """
    if edition is base:
        return None
    if edition.family != base.family:
        return f"{base.id!r} is an edition of {base.family!r}, {edition.id!r} of {edition.family!r}"
    own = {rule.id: rule for rule in base.rules}
    rules = [rule.id for rule in edition.rules if own.get(rule.id) is not rule]
    if rules:
        return (
            f"{edition.id!r} has rules that {base.id!r} has not (or rewrote): "
            f"{', '.join(rules)}; a data file holds values, not rules"
        )
    if (
        edition.removed_scales != base.removed_scales
        or edition.removed_scales_citation != base.removed_scales_citation
        or edition.regrading_until != base.regrading_until
    ):
        return (
            f"{edition.id!r} removes other salary scales than {base.id!r}, which a data file cannot"
        )
    params = {item.id for item in base.parameters}
    extra = [item.id for item in edition.parameters if item.id not in params]
    if extra:
        return f"{edition.id!r} has parameters that {base.id!r} has not: {', '.join(extra)}"
    for item in edition.parameters:
        if _replaced_from(base.parameter(item.id), item.values) != item:
            return (
                f"the values of parameter {item.id!r} start later than those of {base.id!r}, "
                "so a data file deriving from it would keep the earlier ones"
            )
    return None


def _source_data(source: Source) -> str | dict[str, Any]:
    if register().get(source.id) == source:
        return source.id
    found: dict[str, Any] = {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "grade": source.grade.value,
    }
    for name in ("url", "published", "read", "official_reference", "note"):
        value = getattr(source, name)
        if value is not None:
            found[name] = value
    return found


def _citation_data(citation: Citation) -> dict[str, Any]:
    found: dict[str, Any] = {
        "source": citation.source,
        "article": citation.article,
        "lid": citation.lid,
        "read_at": _source_data(citation.read_at),
        "quote": citation.quote,
    }
    if citation.article_confirmed:
        found["article_confirmed"] = True
    if citation.note is not None:
        found["note"] = citation.note
    if citation.claim is not None:
        found["confidence"] = citation.claim.value
    return found


def _interpretation_data(interpretation: Interpretation) -> dict[str, str]:
    return {"summary": interpretation.summary, "reasoning": interpretation.reasoning}


def _value_data(item: DatedValue) -> dict[str, Any]:
    found: dict[str, Any] = {"start": item.start, "end": item.end}
    if item.value is None:
        found["missing"] = item.missing
    else:
        found["value"] = list(item.value) if isinstance(item.value, tuple) else item.value
    if item.citation is not None:
        found["citation"] = _citation_data(item.citation)
    if item.interpretation is not None:
        found["interpretation"] = _interpretation_data(item.interpretation)
    return found


def edition_data(edition: Edition, base: Edition, *, id: str | None = None) -> dict[str, Any]:
    """``edition`` as the data of an edition file deriving from ``base`` (may be itself).

    ``id`` is the id to write (default: the edition's own). Every parameter is written
    with all its dated values, so the file is a complete picture to edit; loading it
    reproduces the edition (values equal to the base's are not counted as changed).
    Raises EditionDefinitionError when the edition cannot be written as data deriving
    from ``base`` (see :func:`expressible`).
    """
    problem = expressible(edition, base)
    if problem is not None:
        raise EditionDefinitionError(problem)
    found: dict[str, Any] = {
        "id": edition.id if id is None else id,
        "family": edition.family,
        "title": edition.title,
        "derives_from": base.id,
        "valid_from": edition.valid_from,
        "valid_to": edition.valid_to,
    }
    if edition.applies_from is not None:
        found["applies_from"] = edition.applies_from
    found["provisional"] = edition.provisional
    if edition.supersedes:
        found["supersedes"] = sorted(edition.supersedes)
    found["citation"] = _citation_data(edition.citation)
    if edition.notes:
        found["notes"] = list(edition.notes)
    if edition.interpretation is not None:
        found["interpretation"] = _interpretation_data(edition.interpretation)
    elif base.interpretation is not None and base is not edition:
        found["interpretation"] = None  # an absent key would inherit the base's reading
    kept = set(edition.rule_ids)
    removed = [rule_id for rule_id in base.rule_ids if rule_id not in kept]
    if removed:
        found["remove"] = removed
    found["parameters"] = {
        item.id: [_value_data(value) for value in item.values] for item in edition.parameters
    }
    return found


class _Dumper(yaml.SafeDumper):
    """YAML for edition files: exact numbers, no aliases, keys in the order given."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    text = str(value)
    if "E" in text or "e" in text or "." in text:
        # A plain 525.00 reads back as Decimal("525.00"); 1E+3 is written with its tag.
        return dumper.represent_scalar("tag:yaml.org,2002:float", text)
    return dumper.represent_scalar("tag:yaml.org,2002:int", text)


_Dumper.add_representer(Decimal, _decimal)


def dump_edition(data: Mapping[str, Any], *, header: Iterable[str] = ()) -> str:
    """The data of an edition file as YAML text, numbers exact, with comment lines first."""
    body = yaml.dump(
        dict(data),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header)
    return comments + body
