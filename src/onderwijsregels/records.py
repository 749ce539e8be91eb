"""Reading employees and schools from JSON or YAML files, numbers kept exact.

A file holds one record, a list of records, or a mapping with the lists
``employees`` and/or ``schools`` (and optionally the board's ``name``). A
record with ``function`` is an employee; one with ``pupils`` is a school.
Numbers are read as ``Decimal`` (JSON via ``parse_float``, YAML via a loader
that never makes floats), so ``werktijdfactor: 0.4167`` stays exact.

Files are read within the limits of :mod:`onderwijsregels.limits` (size,
nesting, number of values and YAML alias expansion, digits of a number); see
"Limits and safety" in the documentation.

>>> records = parse_records({"schools": [{"pupils": 212, "name": "De Regenboog"}]})
>>> records[0].where, records[0].subject.pupils
('schools[0]', 212)
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import yaml

from onderwijsregels.convert import digits, parse_day, shown
from onderwijsregels.errors import InvalidInputError
from onderwijsregels.limits import BYTES_PER_VALUE, MAX_BYTES, MAX_DEPTH, MAX_DIGITS, MAX_VALUES
from onderwijsregels.model import Employee, School

if TYPE_CHECKING:
    from onderwijsregels.ledger import Ledger

__all__ = [
    "Record",
    "load_ledgers",
    "load_records",
    "parse_json",
    "parse_ledgers",
    "parse_records",
    "read_data",
    "read_data_and_sha256",
]

_BOARD_KEYS = frozenset({"employees", "schools", "name"})


@attrs.frozen
class Record:
    """One subject read from a file, with where it stood (``employees[2]``)."""

    where: str
    subject: Employee | School


@attrs.frozen
class _LongNumber:
    """A number in a file with more digits than the limit; the check after parsing reports it."""

    text: str


def _too_deep(line: int | None = None) -> InvalidInputError:
    at = f" (line {line})" if line is not None else ""
    return InvalidInputError(
        "file", f"nests lists and mappings more than {MAX_DEPTH} levels deep (the limit){at}"
    )


def _too_many(
    limit: int, field: str = "file", line: int | None = None, *, alias: bool = False
) -> InvalidInputError:
    at = f" (line {line})" if line is not None else ""
    if alias:
        return InvalidInputError(
            field,
            f"its aliases (*name) expand it to more than {limit} values (the limit){at}; "
            "write the values out, or use fewer and smaller aliases",
        )
    return InvalidInputError(field, f"holds more than {limit} values (the limit){at}")


class _DecimalLoader(yaml.SafeLoader):
    """A safe YAML loader that reads every float as an exact Decimal, within the limits.

    Only ``true`` and ``false`` are booleans (as in YAML 1.2), so keys and
    values such as ``on``, ``no`` or ``yes`` stay text. While composing, it
    counts the values (each alias as the values it stands for) and the nesting,
    and refuses a file past :data:`~onderwijsregels.limits.MAX_VALUES` or
    :data:`~onderwijsregels.limits.MAX_DEPTH`, and an alias inside the list or
    mapping it names, before anything is built: a "billion laughs" file costs
    nothing.
    """

    def __init__(self, stream: str, max_values: int = MAX_VALUES) -> None:
        super().__init__(stream)
        self.max_values = max_values
        self._values = 0
        self._depth = 0
        self._open: set[str] = set()
        self._sizes: dict[str, int] = {}

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self._open:
                raise InvalidInputError(
                    "file",
                    f"the alias *{event.anchor} stands inside the list or mapping it names "
                    f"(line {line}); such recursive aliases are refused",
                )
            node = super().compose_node(parent, index)
            self._values += self._sizes.get(event.anchor or "", 1)
            if self._values > self.max_values:
                raise _too_many(self.max_values, line=line, alias=True)
            return node
        anchor = getattr(event, "anchor", None)
        collection = isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent)
        if collection:
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _too_deep(line)
        if anchor is not None:
            self._open.add(anchor)
        before = self._values
        node = super().compose_node(parent, index)
        self._values += 1
        if self._values > self.max_values:
            raise _too_many(self.max_values, line=line)
        if anchor is not None:
            self._open.discard(anchor)
            self._sizes[anchor] = self._values - before
        if collection:
            self._depth -= 1
        return node


_BOOL_TAG = "tag:yaml.org,2002:bool"
_DecimalLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_DecimalLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _yaml_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal | str | _LongNumber:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if len(text) > 4 * MAX_DIGITS:
        return _LongNumber(text)
    try:
        return Decimal(text.replace("_", ""))
    except InvalidOperation:  # .inf, .nan, 1:30.5: text, which the field then refuses
        return text


def _yaml_int(loader: yaml.SafeLoader, node: yaml.Node) -> int | _LongNumber:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if len(text.replace("_", "").lstrip("+-")) > MAX_DIGITS:
        return _LongNumber(text)
    return loader.construct_yaml_int(node)  # type: ignore[arg-type]


def _yaml_timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """A day written ``YYYY-MM-DD``; with a time, a datetime (which date fields refuse).

    Any other form YAML would read as a date (``2020-1-1``, ``0000-01-01``) stays text, so
    the field it stands in says what is wrong with it.
    """
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if len(text) <= len("YYYY-MM-DD"):
        try:
            return parse_day(text, "")
        except InvalidInputError:
            return text
    try:
        return loader.construct_yaml_timestamp(node)  # type: ignore[arg-type]
    except ValueError:
        return text


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _yaml_decimal)
_DecimalLoader.add_constructor("tag:yaml.org,2002:int", _yaml_int)
_DecimalLoader.add_constructor("tag:yaml.org,2002:timestamp", _yaml_timestamp)


def _json_int(text: str) -> int | _LongNumber:
    return _LongNumber(text) if len(text.lstrip("-")) > MAX_DIGITS else int(text)


def _json_decimal(text: str) -> Decimal | _LongNumber:
    return _LongNumber(text) if len(text) > 4 * MAX_DIGITS else Decimal(text)


def parse_json(text: str) -> Any:
    """The data in a JSON text, read as :func:`read_data` reads a ``.json`` file.

    Numbers stay exact (``Decimal``), a key given twice in one object is refused, and a number
    longer than the limit is kept aside for the limit check of :func:`parse_records` or
    :func:`parse_ledgers` to report. Raises ``json.JSONDecodeError`` for text that is not JSON,
    and ``RecursionError`` for text nested beyond Python's recursion limit.

    >>> parse_json('{"werktijdfactor": 0.4167}')
    {'werktijdfactor': Decimal('0.4167')}
    """
    return json.loads(
        text,
        parse_float=_json_decimal,
        parse_int=_json_int,
        parse_constant=str,
        object_pairs_hook=_unique_keys,
    )


def read_data(path: Path | str, *, max_bytes: int = MAX_BYTES) -> Any:
    """The data in a JSON or YAML file (by suffix; ``.json`` is JSON, anything else YAML).

    :func:`read_data_and_sha256` without the hash; see there.
    """
    return read_data_and_sha256(path, max_bytes=max_bytes)[0]


def read_data_and_sha256(path: Path | str, *, max_bytes: int = MAX_BYTES) -> tuple[Any, str]:
    """The data in a JSON or YAML file, and the SHA-256 (hex) of the bytes it was read from.

    A JSON file is read as JSON by its ``.json`` suffix, anything else as YAML.

    At most ``max_bytes`` bytes are read (default
    :data:`~onderwijsregels.limits.MAX_BYTES`, 10 MB; one byte more is read to tell, so an
    endless device is refused at once). The text is UTF-8, with or without a byte order mark.
    The data may nest at most :data:`~onderwijsregels.limits.MAX_DEPTH` levels, hold at most
    ``max(MAX_VALUES, max_bytes // BYTES_PER_VALUE)`` values (YAML aliases counted as the values
    they stand for) and no number of more than :data:`~onderwijsregels.limits.MAX_DIGITS`
    digits. Every failure is an InvalidInputError (field ``file``, or the path of the bad value).
    """
    if isinstance(path, str):
        path = Path(path)
    if not isinstance(path, PathLike):
        raise InvalidInputError("path", f"must be a path or a string, got {shown(path)}")
    path = Path(path)
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise InvalidInputError(
            "max_bytes", f"must be a whole number of bytes from 1, got {shown(max_bytes)}"
        )
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as error:
        raise InvalidInputError("file", f"cannot be read: {error.strerror or error}") from None
    if len(raw) > max_bytes:
        raise InvalidInputError(
            "file",
            f"is larger than {max_bytes} bytes, the limit on input files; give --max-bytes "
            "(or max_bytes=) to read a larger file",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInputError("file", f"is not UTF-8 text: {error.reason}") from None
    max_values = max(MAX_VALUES, max_bytes // BYTES_PER_VALUE)
    try:
        if path.suffix.lower() == ".json":
            data = parse_json(text)
        else:
            loader = _DecimalLoader(text, max_values)
            try:
                data = loader.get_single_data()
            finally:
                loader.dispose()
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        raise InvalidInputError("file", f"is not valid JSON or YAML: {error}") from None
    except RecursionError:
        raise _too_deep() from None
    _check_data(data, "file", max_values)
    return data, hashlib.sha256(raw).hexdigest()


def _check_data(data: object, field: str, max_values: int) -> None:
    """Refuse data nested deeper than MAX_DEPTH, with more than ``max_values`` values, or with
    a number of more than MAX_DIGITS digits; the error names the path of the value.

    Iterative, and stops at the limit, so neither deep nor shared (or even cyclic) data can
    make it recurse or run long.
    """
    count = 0
    stack: list[tuple[object, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        count += 1
        if count > max_values:
            raise _too_many(max_values, field)
        if isinstance(value, Mapping) or (
            isinstance(value, Sequence) and not isinstance(value, str | bytes | bytearray)
        ):
            if depth >= MAX_DEPTH:
                raise InvalidInputError(
                    where or field,
                    f"nests lists and mappings more than {MAX_DEPTH} levels deep (the limit)",
                )
            if isinstance(value, Mapping):
                pairs = list(value.items())
                count += len(pairs)  # the keys
                for key, item in reversed(pairs):
                    _check_number(key, where or field)
                    stack.append((item, _join(where, key), depth + 1))
            else:
                items = list(value)
                for index in reversed(range(len(items))):
                    stack.append((items[index], f"{where}[{index}]", depth + 1))
        else:
            _check_number(value, where or field)


def _check_number(value: object, where: str) -> None:
    if isinstance(value, _LongNumber):
        text = value.text
    elif isinstance(value, int) and not isinstance(value, bool) and digits(value) > MAX_DIGITS:
        text = shown(value)
    elif isinstance(value, Decimal) and value.is_finite() and digits(value) > MAX_DIGITS:
        text = str(value) if len(value.as_tuple().digits) <= 4 * MAX_DIGITS else shown(value)
    else:
        return
    if len(text) > 40:
        text = text[:18] + "..." + text[-18:]
    raise InvalidInputError(
        where, f"the number {text} has more than {MAX_DIGITS} digits written out (the limit)"
    )


def _join(where: str, key: object) -> str:
    name = key if isinstance(key, str) and len(key) <= 40 else shown(key)
    return f"{where}.{name}" if where else str(name)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise InvalidInputError("file", f"the key {shown(key)} appears twice in one object")
        found[key] = value
    return found


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _unique_yaml_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    """A mapping whose keys are given once; merge keys (``<<: *base``) as YAML defines them.

    The keys written in the mapping itself override those a merge brings in, and of several
    merged mappings (``<<: [*a, *b]``) the first wins; a key written twice is refused.
    """
    found: dict[Any, Any] = {}
    merges: list[yaml.Node] = []
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if key_node.tag == _MERGE_TAG:
            if merges:
                raise InvalidInputError(
                    "file", f"the merge key '<<' appears twice in one mapping (line {line})"
                )
            merges += (
                value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            )
            continue
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise InvalidInputError(
                "file", f"a key must be text, got {shown(key)} (line {line})"
            ) from None
        if key in found:
            raise InvalidInputError(
                "file", f"the key {shown(key)} appears twice in one mapping (line {line})"
            )
        found[key] = loader.construct_object(value_node, deep=True)
    for merged in merges:
        if not isinstance(merged, yaml.MappingNode):
            line = merged.start_mark.line + 1
            raise InvalidInputError(
                "file", f"a merge key '<<' takes a mapping or a list of mappings (line {line})"
            )
        for key, value in loader.construct_object(merged, deep=True).items():
            found.setdefault(key, value)
    return found


_DecimalLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_yaml_mapping)


def _record(data: object, where: str, kind: str | None) -> Record:
    if not isinstance(data, Mapping):
        raise InvalidInputError(where, f"must be a mapping, got {type(data).__name__}")
    if kind is None:
        if "function" in data:
            kind = "employee"
        elif "pupils" in data:
            kind = "school"
        else:
            raise InvalidInputError(
                where, "cannot tell an employee from a school: give 'function' or 'pupils'"
            )
    if kind == "employee":
        return Record(where, Employee.from_dict(data, path=where))
    return Record(where, School.from_dict(data, path=where))


def _records(
    items: object, name: str, kind: str | None, problems: list[tuple[str, str]] | None = None
) -> list[Record]:
    if isinstance(items, Mapping):
        return [_record(items, name, kind)]
    if isinstance(items, Sequence) and not isinstance(items, str):
        return _every(
            lambda index, item: _record(item, f"{name}[{index}]", kind),
            list(enumerate(items)),
            problems,
        )
    raise InvalidInputError(
        name, f"must be a record or a list of records, got {type(items).__name__} {shown(items)}"
    )


_T = TypeVar("_T")


def _every(
    read: Callable[[int, Any], _T],
    items: list[tuple[int, Any]],
    problems: list[tuple[str, str]] | None = None,
) -> list[_T]:
    """Read every item; the problems of all bad items are raised together, not the first alone.

    With a ``problems`` list, they are added to it instead and the good items returned.
    """
    found: list[_T] = []
    collected: list[tuple[str, str]] = [] if problems is None else problems
    for index, item in items:
        try:
            found.append(read(index, item))
        except InvalidInputError as error:
            collected.extend(error.problems)
    if problems is None and collected:
        raise InvalidInputError.many(collected)
    return found


def _unknown_keys(keys: set[Any]) -> str:
    names = sorted(key if isinstance(key, str) and len(key) <= 40 else shown(key) for key in keys)
    return ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")


def parse_records(data: object) -> list[Record]:
    """The employees and schools in already-parsed data (see the module docstring).

    The data is held to the limits of :func:`read_data` (nesting, number of values, digits).
    """
    _check_data(data, "data", MAX_VALUES)
    return _parse_records(data)


def _parse_records(data: object, problems: list[tuple[str, str]] | None = None) -> list[Record]:
    collected: list[tuple[str, str]] = [] if problems is None else problems
    if isinstance(data, Mapping) and (
        "employees" in data or "schools" in data or set(data) <= _BOARD_KEYS
    ):
        unknown = set(data) - _BOARD_KEYS
        if unknown:
            raise InvalidInputError("file", f"unknown top-level key(s): {_unknown_keys(unknown)}")
        found = []
        for key, kind in (("employees", "employee"), ("schools", "school")):
            try:
                found += _records(data.get(key, []), key, kind, collected)
            except InvalidInputError as error:
                collected.extend(error.problems)
    elif isinstance(data, Mapping):
        found = [_record(data, "record", None)]
    else:
        found = _records(data, "records", None, collected)
    if problems is None and collected:
        raise InvalidInputError.many(collected)
    if not found and not collected:
        raise InvalidInputError("file", "holds no employees and no schools")
    return found


def load_records(
    path: Path | str,
    *,
    max_bytes: int = MAX_BYTES,
    problems: list[tuple[str, str]] | None = None,
) -> list[Record]:
    """The employees and schools in a JSON or YAML file (``max_bytes`` as for :func:`read_data`).

    Bad records raise one InvalidInputError naming them all; with a ``problems`` list, their
    ``(field, reason)`` pairs are added to it instead and the good records returned (so a
    caller can report reading and evaluating problems together).
    """
    return _parse_records(read_data(path, max_bytes=max_bytes), problems)


def parse_ledgers(data: object) -> list[Ledger]:
    """The ledgers in already-parsed data: one ledger, a list, or a mapping with ``ledgers``.

    The data is held to the limits of :func:`read_data` (nesting, number of values, digits).
    """
    _check_data(data, "data", MAX_VALUES)
    return _parse_ledgers(data)


def _parse_ledgers(data: object) -> list[Ledger]:
    from onderwijsregels.ledger import Ledger

    if isinstance(data, Mapping) and "ledgers" in data:
        unknown = set(data) - {"ledgers", "name"}
        if unknown:
            raise InvalidInputError("file", f"unknown top-level key(s): {_unknown_keys(unknown)}")
        data = data["ledgers"]
    if isinstance(data, Mapping):
        return [Ledger.from_dict(data, path="ledger")]
    if isinstance(data, Sequence) and not isinstance(data, str) and data:
        return _every(
            lambda index, item: Ledger.from_dict(item, path=f"ledgers[{index}]"),
            list(enumerate(data)),
        )
    raise InvalidInputError("ledgers", "give one ledger or a non-empty list of ledgers")


def load_ledgers(path: Path | str, *, max_bytes: int = MAX_BYTES) -> list[Ledger]:
    """The ledgers in a JSON or YAML file (``max_bytes`` as for :func:`read_data`)."""
    return _parse_ledgers(read_data(path, max_bytes=max_bytes))
