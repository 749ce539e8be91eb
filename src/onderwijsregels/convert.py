"""Strict structuring of plain dicts (JSON, YAML) into the domain model.

One :mod:`cattrs` converter serves the whole library. It is strict on purpose:
nothing is silently coerced. A number given as a float is refused (floats
cannot hold most decimal fractions exactly; pass a string such as ``"0.6"``, or
load JSON with ``parse_float=Decimal``), a string is not turned into an int,
and unknown keys are refused. Every failure becomes one
:class:`~onderwijsregels.errors.InvalidInputError` naming each bad field.

>>> from decimal import Decimal
>>> structure_decimal("0.8571", "werktijdfactor")
Decimal('0.8571')
>>> structure_decimal(0.6, "werktijdfactor")
Traceback (most recent call last):
...
onderwijsregels.errors.InvalidInputError: werktijdfactor: got the float 0.6; give a string such as '0.6' or a Decimal, since floats cannot hold decimal fractions exactly
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from onderwijsregels.errors import EditionDefinitionError, InvalidInputError

__all__ = [
    "converter",
    "enum_member",
    "nonempty",
    "optional_nonempty",
    "optional_text",
    "optional_text_set",
    "optional_texts",
    "structure",
    "structure_decimal",
    "text_set",
    "texts",
    "unstructure",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


def texts(items: Iterable[str]) -> tuple[str, ...]:
    """An attrs converter: any iterable of texts as a tuple (order kept).

    >>> texts(["a", "b"])
    ('a', 'b')
    """
    return tuple(items)


def text_set(items: Iterable[str]) -> frozenset[str]:
    """An attrs converter: any iterable of texts (ids, scales) as a frozenset."""
    return frozenset(items)


def optional_texts(items: Iterable[str] | None) -> tuple[str, ...] | None:
    """An attrs converter: ``None`` stays ``None`` (undeclared), anything else a tuple."""
    return None if items is None else tuple(items)


def optional_text_set(items: Iterable[str] | None) -> frozenset[str] | None:
    """An attrs converter: ``None`` stays ``None``, anything else a frozenset."""
    return None if items is None else frozenset(items)


def optional_text(field: str) -> Any:
    """An attrs validator: ``None`` or a non-empty string, else InvalidInputError on ``field``."""

    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise InvalidInputError(field, f"must be a non-empty string or absent, got {value!r}")

    return check


def nonempty(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator for definitions (editions, citations, sources): a non-empty string."""
    if not isinstance(value, str) or not value.strip():
        raise EditionDefinitionError(f"{attribute.name} must be a non-empty string, got {value!r}")


def optional_nonempty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator for definitions: ``None`` or a non-empty string."""
    if value is not None:
        nonempty(instance, attribute, value)


def structure_decimal(value: object, field: str = "") -> Decimal:
    """An exact, finite ``Decimal`` from a Decimal, an int or a decimal string."""
    if isinstance(value, bool):
        raise InvalidInputError(field, f"must be a number, got the boolean {value!r}")
    if isinstance(value, float):
        raise InvalidInputError(
            field,
            f"got the float {value!r}; give a string such as '{value!r}' or a Decimal, "
            "since floats cannot hold decimal fractions exactly",
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise InvalidInputError(field, f"{value!r} is not a decimal number") from None
    else:
        raise InvalidInputError(field, f"must be a decimal number, got {type(value).__name__}")
    if not result.is_finite():
        raise InvalidInputError(field, f"must be a finite number, got {value!r}")
    return result


def _strict_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise InvalidInputError("", f"must be a string, got {type(value).__name__} {value!r}")
    return value


def _strict_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError("", f"must be a whole number, got {type(value).__name__} {value!r}")
    return value


def _strict_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError("", f"must be true or false, got {type(value).__name__} {value!r}")
    return value


def _date(value: object, _: type) -> date:
    if isinstance(value, datetime):
        raise InvalidInputError("", f"must be a date without a time, got {value!r}")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise InvalidInputError("", f"{value!r} is not a date written as YYYY-MM-DD") from None
    raise InvalidInputError("", f"must be a date written as YYYY-MM-DD, got {value!r}")


def enum_member(kind: type[E], field: str, value: object) -> E:
    """The member of ``kind`` that is ``value`` or has it as its value; otherwise InvalidInputError.

    >>> from onderwijsregels.model import Function
    >>> enum_member(Function, "function", "leraar")
    <Function.LERAAR: 'leraar'>
    """
    if isinstance(value, kind):
        return value
    for member in kind:
        if member.value == value:
            return member
    allowed = ", ".join(repr(member.value) for member in kind)
    raise InvalidInputError(field, f"{value!r} is not one of {allowed}")


def _enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    return enum_member(kind, "", value)


def _make_converter() -> cattrs.Converter:
    made = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    made.register_structure_hook(Decimal, lambda value, _: structure_decimal(value))
    made.register_structure_hook(str, _strict_str)
    made.register_structure_hook(int, _strict_int)
    made.register_structure_hook(bool, _strict_bool)
    made.register_structure_hook(date, _date)
    made.register_structure_hook_func(
        lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum), _enum
    )
    made.register_unstructure_hook(Decimal, str)
    made.register_unstructure_hook(date, date.isoformat)
    made.register_unstructure_hook_func(
        lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum),
        lambda member: member.value,
    )
    return made


converter = _make_converter()
"""The library's one converter (strict, forbids extra keys)."""


def _join(path: str, name: str) -> str:
    if not name:
        return path
    if not path:
        return name
    return f"{path}{name}" if name.startswith("[") else f"{path}.{name}"


def _problems(error: BaseException, path: str) -> list[tuple[str, str]]:
    if isinstance(error, InvalidInputError):
        return [(_join(path, field), why) for field, why in error.problems]
    if isinstance(error, ClassValidationError):
        found: list[tuple[str, str]] = []
        with_notes, without_notes = error.group_exceptions()
        for inner, note in with_notes:
            assert isinstance(note, AttributeValidationNote)
            where = _join(path, str(note.name))
            if isinstance(inner, KeyError):
                found.append((where, "is required but missing"))
            else:
                found.extend(_problems(inner, where))
        for inner in without_notes:
            found.extend(_problems(inner, path))
        return found
    if isinstance(error, IterableValidationError):
        found = []
        with_index, without_index = error.group_exceptions()
        for inner, index_note in with_index:
            assert isinstance(index_note, IterableValidationNote)
            found.extend(_problems(inner, _join(path, f"[{index_note.index}]")))
        for inner in without_index:
            found.extend(_problems(inner, path))
        return found
    if isinstance(error, ForbiddenExtraKeysError):
        names = ", ".join(sorted(map(str, error.extra_fields)))
        return [(path or "record", f"unknown field(s): {names}")]
    return [(path or "record", str(error) or type(error).__name__)]


def structure(data: object, kind: type[T], *, path: str = "") -> T:
    """Structure ``data`` into ``kind``, or raise one InvalidInputError naming every bad field."""
    if not isinstance(data, Mapping):
        raise InvalidInputError(path or "record", f"must be a mapping, got {type(data).__name__}")
    try:
        return converter.structure(dict(data), kind)
    except InvalidInputError as error:
        raise error.within(path) if path else error from None
    except Exception as error:  # cattrs groups every failure; we report them all
        problems = _problems(error, path)
        raise InvalidInputError.many(problems) from None


def unstructure(value: Any) -> dict[str, Any]:
    """The JSON-ready dict of a model object (Decimal as string, date as ISO)."""
    result = converter.unstructure(value)
    assert isinstance(result, dict)
    return result
