"""Reading employees and schools from JSON or YAML files, numbers kept exact.

A file holds one record, a list of records, or a mapping with the lists
``employees`` and/or ``schools`` (and optionally the board's ``name``). A
record with ``function`` is an employee; one with ``pupils`` is a school.
Numbers are read as ``Decimal`` (JSON via ``parse_float``, YAML via a loader
that never makes floats), so ``werktijdfactor: 0.4167`` stays exact.

>>> records = parse_records({"schools": [{"pupils": 212, "name": "De Regenboog"}]})
>>> records[0].where, records[0].subject.pupils
('schools[0]', 212)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import yaml

from onderwijsregels.errors import InvalidInputError
from onderwijsregels.model import Employee, School

if TYPE_CHECKING:
    from onderwijsregels.ledger import Ledger

__all__ = ["Record", "load_ledgers", "load_records", "parse_ledgers", "parse_records", "read_data"]

_BOARD_KEYS = frozenset({"employees", "schools", "name"})


@attrs.frozen
class Record:
    """One subject read from a file, with where it stood (``employees[2]``)."""

    where: str
    subject: Employee | School


class _DecimalLoader(yaml.SafeLoader):
    """A safe YAML loader that reads every float as an exact Decimal.

    Only ``true`` and ``false`` are booleans (as in YAML 1.2), so keys and
    values such as ``on``, ``no`` or ``yes`` stay text.
    """


_BOOL_TAG = "tag:yaml.org,2002:bool"
_DecimalLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_DecimalLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _yaml_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    try:
        return Decimal(text.replace("_", ""))
    except InvalidOperation:
        raise InvalidInputError("number", f"{text!r} is not a decimal number") from None


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _yaml_decimal)


def read_data(path: Path) -> Any:
    """The data in a JSON or YAML file (by suffix; ``.json`` is JSON, anything else YAML)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidInputError("file", f"cannot be read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise InvalidInputError("file", f"is not UTF-8 text: {error.reason}") from None
    try:
        if path.suffix.lower() == ".json":
            return json.loads(text, parse_float=Decimal, object_pairs_hook=_unique_keys)
        return yaml.load(text, Loader=_DecimalLoader)
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        raise InvalidInputError("file", f"is not valid JSON or YAML: {error}") from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise InvalidInputError("file", f"the key {key!r} appears twice in one object")
        found[key] = value
    return found


def _unique_yaml_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    found: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            line = key_node.start_mark.line + 1
            raise InvalidInputError(
                "file", f"a key must be text, got {key!r} (line {line})"
            ) from None
        if key in found:
            line = key_node.start_mark.line + 1
            raise InvalidInputError(
                "file", f"the key {key!r} appears twice in one mapping (line {line})"
            )
        found[key] = loader.construct_object(value_node, deep=True)
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


def _records(items: object, name: str, kind: str | None) -> list[Record]:
    if isinstance(items, Mapping):
        return [_record(items, name, kind)]
    if isinstance(items, Sequence) and not isinstance(items, str):
        return _every(
            lambda index, item: _record(item, f"{name}[{index}]", kind), list(enumerate(items))
        )
    raise InvalidInputError(name, f"must be a record or a list of records, got {items!r}")


_T = TypeVar("_T")


def _every(read: Callable[[int, Any], _T], items: list[tuple[int, Any]]) -> list[_T]:
    """Read every item; the problems of all bad items are raised together, not the first alone."""
    found: list[_T] = []
    problems: list[tuple[str, str]] = []
    for index, item in items:
        try:
            found.append(read(index, item))
        except InvalidInputError as error:
            problems.extend(error.problems)
    if problems:
        raise InvalidInputError.many(problems)
    return found


def parse_records(data: object) -> list[Record]:
    """The employees and schools in already-parsed data (see the module docstring)."""
    if isinstance(data, Mapping) and (
        "employees" in data or "schools" in data or set(data) <= _BOARD_KEYS
    ):
        unknown = set(data) - _BOARD_KEYS
        if unknown:
            raise InvalidInputError(
                "file", f"unknown top-level key(s): {', '.join(sorted(map(str, unknown)))}"
            )
        problems: list[tuple[str, str]] = []
        found = []
        for key, kind in (("employees", "employee"), ("schools", "school")):
            try:
                found += _records(data.get(key, []), key, kind)
            except InvalidInputError as error:
                problems.extend(error.problems)
        if problems:
            raise InvalidInputError.many(problems)
    elif isinstance(data, Mapping):
        found = [_record(data, "record", None)]
    else:
        found = _records(data, "records", None)
    if not found:
        raise InvalidInputError("file", "holds no employees and no schools")
    return found


def load_records(path: Path) -> list[Record]:
    """The employees and schools in a JSON or YAML file."""
    return parse_records(read_data(path))


def parse_ledgers(data: object) -> list[Ledger]:
    """The ledgers in already-parsed data: one ledger, a list, or a mapping with ``ledgers``."""
    from onderwijsregels.ledger import Ledger

    if isinstance(data, Mapping) and "ledgers" in data:
        unknown = set(data) - {"ledgers", "name"}
        if unknown:
            raise InvalidInputError(
                "file", f"unknown top-level key(s): {', '.join(sorted(map(str, unknown)))}"
            )
        data = data["ledgers"]
    if isinstance(data, Mapping):
        return [Ledger.from_dict(data, path="ledger")]
    if isinstance(data, Sequence) and not isinstance(data, str) and data:
        return _every(
            lambda index, item: Ledger.from_dict(item, path=f"ledgers[{index}]"),
            list(enumerate(data)),
        )
    raise InvalidInputError("ledgers", "give one ledger or a non-empty list of ledgers")


def load_ledgers(path: Path) -> list[Ledger]:
    """The ledgers in a JSON or YAML file."""
    return parse_ledgers(read_data(path))
