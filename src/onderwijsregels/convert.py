"""Strict structuring of plain dicts (JSON, YAML) into the domain model.

One :mod:`cattrs` converter serves the whole library. It is strict on purpose:
nothing is silently coerced. A number given as a float is refused (floats
cannot hold most decimal fractions exactly; pass a string such as ``"0.6"``, or
load JSON with ``parse_float=Decimal``), a string is not turned into an int,
and unknown keys are refused. Every failure becomes one
:class:`~onderwijsregels.errors.InvalidInputError` naming each bad field; a bad
value is shown by :func:`shown`, cut to a few dozen characters whatever its size.

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
import functools
import inspect
import re
import reprlib
import threading
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from onderwijsregels.errors import EditionDefinitionError, InvalidInputError
from onderwijsregels.limits import (
    FIRST_DAY,
    FIRST_YEAR,
    LAST_DAY,
    LAST_YEAR,
    MAX_AMOUNT,
    MAX_DIGITS,
    SHOWN_CHARACTERS,
)

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "check_day",
    "converter",
    "digits",
    "enum_member",
    "items_argument",
    "names_argument",
    "nonempty",
    "optional_nonempty",
    "optional_text",
    "optional_text_set",
    "optional_texts",
    "parse_day",
    "shown",
    "structure",
    "structure_decimal",
    "text_set",
    "texts",
    "unstructure",
    "value_problem",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


class _Shown(reprlib.Repr):
    """A :class:`reprlib.Repr` with small limits that never builds a huge representation."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 2
        self.maxtuple = self.maxlist = self.maxarray = self.maxdeque = 4
        self.maxdict = self.maxset = self.maxfrozenset = 4
        self.maxstring = 40
        self.maxlong = self.maxother = 40

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 128:  # Python refuses to write out more than 4300 digits
            return f"<a whole number of about {int((x.bit_length() - 1) * 0.30103) + 1} digits>"
        return super().repr_int(x, level)

    def repr_Decimal(self, x: Decimal, level: int) -> str:  # reprlib dispatches on the type name
        count = len(x.as_tuple().digits)
        if count > 40:
            return f"<a number of {count} digits>"
        return super().repr_instance(x, level)

    def repr_instance(self, x: object, level: int) -> str:
        # reprlib knows only the exact built-in types; subclasses and other mappings and
        # sequences would get their full repr, so they are shown as their kind is.
        if isinstance(x, str):
            return self.repr_str(str(x), level)
        if isinstance(x, int) and not isinstance(x, bool):
            return self.repr_int(int(x), level)
        if isinstance(x, Decimal):
            return self.repr_Decimal(x, level)
        if isinstance(x, Mapping):
            return self.repr_dict(x, level)  # type: ignore[arg-type]
        if isinstance(x, Sequence) and not isinstance(x, bytes | bytearray):
            return self._repr_iterable(x, level, "[", "]", self.maxlist)  # type: ignore[attr-defined,no-any-return]
        return super().repr_instance(x, level)


_SHOWN = _Shown()


def shown(value: object) -> str:
    """``value`` as error messages show it: its repr, cut to at most ``SHOWN_CHARACTERS``.

    Lists and mappings show a few items, two levels deep, and long texts their start and end;
    the full repr is never built, so a value of a billion items costs no more than a short one.

    >>> shown("De Regenboog")
    "'De Regenboog'"
    >>> shown(list(range(10**6)))
    '[0, 1, 2, 3, ...]'
    >>> shown("x" * 10**6)
    "'xxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxx'"
    >>> shown(10**5000)
    '<a whole number of about 5000 digits>'
    """
    try:
        text = _SHOWN.repr(value)
    except Exception:  # a caller's object whose __repr__ fails
        text = f"<{type(value).__name__}>"
    if len(text) > SHOWN_CHARACTERS:
        text = text[: SHOWN_CHARACTERS - 3] + "..."
    return text


def _kind(value: object) -> str:
    return "the boolean" if isinstance(value, bool) else type(value).__name__


def names_argument(value: object, argument: str) -> tuple[str, ...] | None:
    """The names in ``value`` (one name, or an iterable of names) as a tuple; ``None`` stays.

    For the arguments of the public API that name families or plugins (``families=``,
    ``only=``): one text is one name, not its characters; anything but a text or an iterable
    of non-empty texts raises InvalidInputError naming ``argument``.

    >>> names_argument("cao-po-2021", "only")
    ('cao-po-2021',)
    >>> names_argument(["cao-po", "lerarenregister"], "families")
    ('cao-po', 'lerarenregister')
    >>> names_argument(False, "families")
    Traceback (most recent call last):
    ...
    onderwijsregels.errors.InvalidInputError: families: must be a name or a list of names, got the boolean False
    """
    if value is None:
        return None
    if isinstance(value, str):
        return (value,) if value.strip() else _no_name(argument, value)
    if isinstance(value, bytes | bytearray | Mapping) or not isinstance(value, Iterable):
        raise InvalidInputError(
            argument, f"must be a name or a list of names, got {_kind(value)} {shown(value)}"
        )
    names = tuple(value)
    for index, name in enumerate(names):
        if not isinstance(name, str) or not name.strip():
            raise InvalidInputError(
                argument,
                f"must hold names (non-empty texts), but item {index} is "
                f"{_kind(name)} {shown(name)}",
            )
    return names


def _no_name(argument: str, value: str) -> tuple[str, ...]:
    raise InvalidInputError(argument, f"must be a non-empty name, got {shown(value)}")


def items_argument(value: object, argument: str, what: str) -> tuple[object, ...]:
    """The items of a list argument (e.g. ``plugins=``) as a tuple; else InvalidInputError.

    A text, a mapping or a single object is refused rather than iterated.

    >>> items_argument(None, "plugins", "plugin objects (modules or instances)")
    Traceback (most recent call last):
    ...
    onderwijsregels.errors.InvalidInputError: plugins: must be a list of plugin objects (modules or instances), got NoneType None
    """
    if isinstance(value, str | bytes | bytearray | Mapping) or not isinstance(value, Iterable):
        raise InvalidInputError(
            argument, f"must be a list of {what}, got {_kind(value)} {shown(value)}"
        )
    return tuple(value)


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def parse_day(text: str, field: str) -> date:
    """A day written as ASCII ``YYYY-MM-DD`` (and nothing else), within the accepted range.

    >>> parse_day("2020-01-01", "on")
    datetime.date(2020, 1, 1)
    >>> parse_day("20200101", "on")
    Traceback (most recent call last):
    ...
    onderwijsregels.errors.InvalidInputError: on: '20200101' is not a date written as YYYY-MM-DD
    """
    if not isinstance(text, str) or not _DAY.fullmatch(text):
        raise InvalidInputError(field, f"{shown(text)} is not a date written as YYYY-MM-DD")
    try:
        day = date.fromisoformat(text)
    except ValueError as error:
        raise InvalidInputError(field, f"{shown(text)} is not a day: {error}") from None
    return check_day(day, field)


def check_day(value: object, field: str) -> date:
    """``value`` if it is a ``datetime.date`` (not a datetime) from 1900-01-01 to 2999-12-31.

    The range (:data:`~onderwijsregels.limits.FIRST_DAY` to
    :data:`~onderwijsregels.limits.LAST_DAY`) keeps the rules' date arithmetic inside the
    calendar.

    >>> check_day(date(9999, 12, 31), "postponed_until")
    Traceback (most recent call last):
    ...
    onderwijsregels.errors.InvalidInputError: postponed_until: must lie between 1900-01-01 and 2999-12-31, got 9999-12-31
    """
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidInputError(field, f"must be a datetime.date, got {shown(value)}")
    if not FIRST_DAY <= value <= LAST_DAY:
        raise InvalidInputError(
            field,
            f"must lie between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}, "
            f"got {value.isoformat()}",
        )
    return value


def digits(value: Decimal | int) -> int:
    """How many digits ``value`` has when written out without an exponent.

    >>> digits(Decimal("0.4167")), digits(Decimal("1E+26")), digits(-1234)
    (4, 27, 4)
    """
    if isinstance(value, int):
        if value.bit_length() > 4 * MAX_DIGITS:  # surely too long: do not write it out
            return int((value.bit_length() - 1) * 0.30103) + 1
        return len(str(abs(value)))
    # A Decimal's text is quicker than as_tuple() and gives the same count (a property test
    # holds it), when it is written out (0.05, -12.5, 100.00, 0): no exponent, "E" or, in a
    # context with capitals=0, "e"; a subclass may write itself otherwise.
    text = str(value) if type(value) is Decimal else "E"
    if "E" not in text and "e" not in text and value.is_finite():
        whole, point, fraction = text.lstrip("-").partition(".")
        if not point:
            return len(whole)
        return len(fraction) if whole == "0" else len(whole) + len(fraction)
    _, written, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite
    if exponent >= 0:
        return len(written) + exponent
    return max(len(written), -exponent)


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
            raise InvalidInputError(
                field, f"must be a non-empty string or absent, got {shown(value)}"
            )

    return check


def nonempty(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator for definitions (editions, citations, sources): a non-empty string."""
    if not isinstance(value, str) or not value.strip():
        raise EditionDefinitionError(
            f"{attribute.name} must be a non-empty string, got {shown(value)}"
        )


def optional_nonempty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator for definitions: ``None`` or a non-empty string."""
    if value is not None:
        nonempty(instance, attribute, value)


_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)


def structure_decimal(value: object, field: str = "") -> Decimal:
    """An exact, finite ``Decimal`` from a Decimal, an int or a decimal string.

    A string must be an ASCII decimal number (``"0.6"``, ``"3100"``, ``"1E+3"``); a number may
    have at most :data:`~onderwijsregels.limits.MAX_DIGITS` digits written out, so no later
    arithmetic rounds it.
    """
    kind = type(value)
    if kind is Decimal:  # the common cases first: a checked value, a cell
        result = cast(Decimal, value)
    elif kind is str:
        result = _decimal_text(cast(str, value), field)
    elif isinstance(value, bool):
        raise InvalidInputError(field, f"must be a number, got the boolean {value!r}")
    elif isinstance(value, float):
        raise InvalidInputError(
            field,
            f"got the float {value!r}; give a string such as '{value!r}' or a Decimal, "
            "since floats cannot hold decimal fractions exactly",
        )
    elif isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        if digits(value) > MAX_DIGITS:
            raise _too_long(field, value)
        result = Decimal(value)
    elif isinstance(value, str):
        result = _decimal_text(value, field)
    else:
        raise InvalidInputError(field, f"must be a decimal number, got {type(value).__name__}")
    if not result.is_finite():
        raise InvalidInputError(field, f"must be a finite number, got {shown(value)}")
    if digits(result) > MAX_DIGITS:
        raise _too_long(field, value)
    return result


def _decimal_text(value: str, field: str) -> Decimal:
    """A text that is an ASCII decimal number, as a Decimal; InvalidInputError otherwise."""
    if len(value) > 4 * MAX_DIGITS or not _NUMBER.fullmatch(value):
        raise InvalidInputError(field, f"{shown(value)} is not a decimal number")
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise InvalidInputError(field, f"{shown(value)} is not a decimal number") from None


def _too_long(field: str, value: object) -> InvalidInputError:
    return InvalidInputError(
        field,
        f"{shown(value)} has more than {MAX_DIGITS} digits written out (the limit on numbers)",
    )


def _strict_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise InvalidInputError("", f"must be a string, got {_kind(value)} {shown(value)}")
    return value


def _strict_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError("", f"must be a whole number, got {_kind(value)} {shown(value)}")
    if digits(value) > MAX_DIGITS:
        raise _too_long("", value)
    return value


def _strict_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError("", f"must be true or false, got {_kind(value)} {shown(value)}")
    return value


def _date(value: object, _: type) -> date:
    if isinstance(value, datetime):
        raise InvalidInputError("", f"must be a date without a time, got {shown(value)}")
    if isinstance(value, date):
        return check_day(value, "")
    if isinstance(value, str):
        return parse_day(value, "")
    raise InvalidInputError("", f"must be a date written as YYYY-MM-DD, got {shown(value)}")


def enum_member(kind: type[E], field: str, value: object) -> E:
    """The member of ``kind`` that is ``value`` or has it as its value; otherwise InvalidInputError.

    >>> from onderwijsregels.model import Function
    >>> enum_member(Function, "function", "leraar")
    <Function.LERAAR: 'leraar'>
    """
    if isinstance(value, kind):
        return value
    if type(value) is str:  # the common case: a lookup, not a scan (str == str only)
        try:
            return kind(value)
        except ValueError:
            pass
    for member in kind:
        if member.value == value:
            return member
    allowed = ", ".join(repr(member.value) for member in kind)
    raise InvalidInputError(field, f"{shown(value)} is not one of {allowed}")


def _enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    return enum_member(kind, "", value)


def _make_converter() -> cattrs.Converter:
    import cattrs  # here, not at the top: loading the rules never structures anything

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


class _Converter:
    """The library's one converter, made on first use.

    Importing :mod:`cattrs` and building the converter takes longer than loading the rules
    needs: modules register their unstructure hooks when imported, and these are kept (in
    order) until something is structured or unstructured, when the real
    :class:`cattrs.Converter` is made with them. Every other attribute is the real
    converter's. Registering keeps its one side effect at once: an attrs class has its
    annotations resolved (``attrs.resolve_types``), as cattrs does when it registers one.
    """

    __slots__ = ("_lock", "_made", "_pending")

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._made: cattrs.Converter | None = None
        self._pending: list[tuple[Any, Any]] = []

    def register_unstructure_hook(self, cls: Any = None, func: Any = None) -> Any:
        with self._lock:
            if self._made is None and func is not None:
                if attrs.has(cls):
                    attrs.resolve_types(cls)
                self._pending.append((cls, func))
                return None
        # made already, or used as a decorator
        return self._converter().register_unstructure_hook(cls, func)

    def _converter(self) -> cattrs.Converter:
        made = self._made
        if made is None:
            with self._lock:
                made = self._made
                if made is None:
                    made = _make_converter()
                    for cls, func in self._pending:
                        made.register_unstructure_hook(cls, func)
                    self._pending.clear()
                    self._made = made
        return made

    def __getattr__(self, name: str) -> Any:
        if name in _Converter.__slots__:  # not set yet (an instance made without __init__)
            raise AttributeError(name)
        return getattr(self._converter(), name)

    def __repr__(self) -> str:
        return repr(self._converter())


converter = cast("cattrs.Converter", _Converter())
"""The library's one converter (strict, forbids extra keys), made on first use."""


def _join(path: str, name: str) -> str:
    if not name:
        return path
    if not path:
        return name
    return f"{path}{name}" if name.startswith("[") else f"{path}.{name}"


def _problems(error: BaseException, path: str) -> list[tuple[str, str]]:
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
        IterableValidationNote,
    )

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
        extra = sorted(
            name if isinstance(name, str) and len(name) <= 40 else shown(name)
            for name in error.extra_fields
        )
        names = ", ".join(extra[:8]) + (f" and {len(extra) - 8} more" if len(extra) > 8 else "")
        return [(path or "record", f"unknown field(s): {names}")]
    text = str(error) or type(error).__name__
    if len(text) > 4 * SHOWN_CHARACTERS:
        text = text[: 4 * SHOWN_CHARACTERS - 3] + "..."
    return [(path or "record", text)]


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


def structure_field(kind: type[Any], name: str, value: object) -> Any:
    """``value`` read as the field ``name`` of the attrs class ``kind`` reads it in
    :func:`structure`: the structure hook of the field's type, then the field's converter
    and validator. Only for a field whose checks read no other field (its validator is
    given no instance); raises InvalidInputError naming the field.

    A batch checks each distinct cell of such a column this way (a few times faster than
    building a whole object); a property test holds it to :func:`structure` of a whole
    object (``tests/test_columnar.py``).

    >>> from onderwijsregels.model import Employee
    >>> structure_field(Employee, "werktijdfactor", "0.60")
    Decimal('0.60')
    >>> structure_field(Employee, "werktijdfactor", "1.2")
    Traceback (most recent call last):
    ...
    onderwijsregels.errors.InvalidInputError: werktijdfactor: must be greater than 0 and at most 1 (one appointment; 1 is the normbetrekking of 1659 hours), got 1.2
    """
    field, hook, convert, no_object = _field_reader(cast(Any, kind), name)  # a class: hashable
    try:
        found = hook(value, field.type)
        if convert is not None:
            found = convert(found)
        if field.validator is not None:
            field.validator(no_object, field, found)
    except _ReadsOthers as error:
        raise TypeError(str(error)) from None
    except InvalidInputError as error:
        if any(where for where, _ in error.problems):
            raise
        raise InvalidInputError.many([(name, why) for _, why in error.problems]) from None
    except Exception as error:  # as structure() reports any other failure of a field
        raise InvalidInputError.many(_problems(error, name)) from None
    return found


class _ReadsOthers(Exception):
    """A field's validator read another field of its object (see :func:`structure_field`)."""


class _NoObject:
    """The object a validator is given by :func:`structure_field`: reading any of its
    fields is a defect of the caller (the field's check reads others), never a bad input."""

    def __init__(self, kind: type[Any], name: str) -> None:
        self._about = f"{kind.__name__}.{name}"

    def __getattr__(self, other: str) -> Any:
        raise _ReadsOthers(
            f"{self._about} reads {other!r} of its object: read it with structure(), "
            "not structure_field()"
        )


@functools.cache
def _field_reader(kind: Any, name: str) -> tuple[attrs.Attribute[Any], Any, Any, _NoObject]:
    """The field ``name`` of the attrs class ``kind`` (its annotation resolved to a type), the
    structure hook of its type, its converter and the object its validator is given; TypeError
    for a field :func:`structure_field` cannot read (none, no type, a converter that is no
    plain function)."""
    attrs.resolve_types(kind)
    field = attrs.fields_dict(kind).get(name)
    convert = field.converter if field is not None else None
    if field is None or field.type is None or not (convert is None or inspect.isfunction(convert)):
        raise TypeError(f"{kind.__name__}.{name} is not a field structure_field reads")
    lookup = getattr(converter, "get_structure_hook", None)  # cattrs 24; else the generic call
    hook = lookup(field.type) if lookup is not None else converter.structure
    return field, hook, convert, _NoObject(kind, name)


def unstructure(value: Any) -> dict[str, Any]:
    """The JSON-ready dict of a model object (Decimal as string, date as ISO)."""
    result = converter.unstructure(value)
    assert isinstance(result, dict)
    return result


MAX_WHOLE = LAST_YEAR - FIRST_YEAR
"""The largest whole number a user may supply for a parameter (rules add them to dates)."""


def value_problem(value: object) -> str | None:
    """What is wrong with a parameter value a user supplies (a data edition, a scenario).

    Amounts are finite, not negative and at most the library's limit; whole numbers lie
    from 0 to the span of accepted years; dates in the accepted range; texts non-empty.
    ``None`` when nothing is wrong.

    >>> value_problem(Decimal("-600"))
    "must not be negative, got Decimal('-600')"
    """
    if isinstance(value, Decimal):
        if not value.is_finite():
            return f"must be a finite number, got {shown(value)}"
        if digits(value) > MAX_DIGITS:
            return f"{shown(value)} has more than {MAX_DIGITS} digits written out"
        if value < 0:
            return f"must not be negative, got {shown(value)}"
        if value > MAX_AMOUNT:
            return (
                f"must be at most {MAX_AMOUNT} (the library's limit on amounts), got {shown(value)}"
            )
    elif isinstance(value, int) and not isinstance(value, bool):
        if not 0 <= value <= MAX_WHOLE:
            return f"must be a whole number from 0 to {MAX_WHOLE}, got {shown(value)}"
    elif isinstance(value, date):
        try:
            check_day(value, "")
        except InvalidInputError as error:
            return error.reason
    elif isinstance(value, str):
        if not value.strip():
            return "must be a non-empty text"
    elif isinstance(value, tuple) and (
        not value or not all(isinstance(item, str) and item.strip() for item in value)
    ):
        return f"must hold one or more non-empty texts, got {shown(value)}"
    return None
