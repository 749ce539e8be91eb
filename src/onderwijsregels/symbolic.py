"""Symbolic numbers: run a rule once for every value of one number it reads.

A rule that multiplies an amount by the werktijdfactor does the same
arithmetic for every werktijdfactor; only the number changes. A
:class:`Symbolic` stands for such a number while the rule runs once: it
records the arithmetic done with it (``+ - * /``) on a :class:`Tape`, and
refuses everything that would let the rule's path depend on it (comparing,
truth, hashing, rounding, conversion, any other method) by raising
:class:`Untraceable`. If the rule finishes, its path did not depend on the
number, so replaying the tape with a real number (:meth:`Tape.replay`) gives
exactly the value the rule itself would give: the same operations, in the same
order, in the same decimal context.

Texts are the exception: a Symbolic formats as a placeholder
(:data:`PLACEHOLDER`) so the rule's step texts can be written, and anything
that carries the placeholder (a note, a reason) marks the result as one that
depends on the number in words, which a caller must then compute for real.
The placeholder text itself (:class:`Placeholder`) refuses to be compared or
looked up. A refusal is remembered on the tape even if the rule catches it
(:class:`Untraceable` is a ``BaseException``, so ``except Exception`` does not),
and arithmetic done in a decimal context the rule set up itself is refused,
since the replay runs in the rule's usual one.

Some paths cannot be seen this way (a rule that tests the exact type of the
number, or branches on a text it built from it), so the engine traces only
rules whose authors declare the field in ``traced=`` and checks each trace
once against a run of the rule (see :mod:`onderwijsregels.tracing`).

This is how a rule keeps one definition and still serves a million
werktijdfactors fast: nothing about a rule is written twice.

>>> tape = Tape()
>>> factor = tape.symbol()
>>> budget = Decimal("600") * factor
>>> tape.replay(Decimal("0.6"), budget)
Decimal('360.0')
>>> f"werktijdfactor {factor}"
'werktijdfactor ⟨number⟩'
>>> factor > 0
Traceback (most recent call last):
...
onderwijsregels.symbolic.Untraceable: compares the number
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping
from decimal import (
    Clamped,
    Context,
    Decimal,
    DivisionByZero,
    FloatOperation,
    Inexact,
    InvalidOperation,
    Overflow,
    Rounded,
    Subnormal,
    Underflow,
    getcontext,
)
from typing import Any, NoReturn

__all__ = [
    "PLACEHOLDER",
    "Placeholder",
    "Symbolic",
    "Tape",
    "Untraceable",
    "is_symbolic",
    "refuse_for",
]

PLACEHOLDER = "\u27e8number\u27e9"
"""What a :class:`Symbolic` writes in a text (⟨number⟩)."""


class Untraceable(BaseException):
    """The rule did something with the symbolic number that may depend on its value.

    A ``BaseException``, so a rule's ``except Exception`` does not swallow it (and
    if a rule swallows it anyway, its tape remembers the refusal).
    """


_Operand = Any  # a constant (Decimal or int), _SYMBOL, or a _Slot of the tape


class _Slot:
    """The result of the tape's ``index``-th operation."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index


_SYMBOL = _Slot(-1)

_OPERATIONS: dict[str, Callable[[Any, Any], Any]] = {
    "add": operator.add,
    "sub": operator.sub,
    "mul": operator.mul,
    "truediv": operator.truediv,
}


class Tape:
    """The arithmetic done with one symbolic number, in the order it was done.

    ``refused`` says whether anything was refused (even if the rule caught the
    :class:`Untraceable` it raised): such a trace must not be used.
    """

    __slots__ = ("_steps", "context", "refused")

    def __init__(self, context: Context | None = None) -> None:
        self._steps: list[tuple[str, _Operand, _Operand]] = []
        self.refused = False
        self.context = context
        """The decimal context the rule runs in while traced: an operation done in any other
        (one the rule set up itself) is refused, since the replay runs in the rule's usual one."""

    def refuse(self, what: str) -> NoReturn:
        """Mark the trace unusable and raise :class:`Untraceable`."""
        self.refused = True
        raise Untraceable(what)

    def symbol(self) -> Symbolic:
        """The symbolic number this tape records."""
        return Symbolic(self, _SYMBOL)

    def record(self, name: str, left: object, right: object) -> Symbolic:
        if self.context is not None and not same_context(getcontext(), self.context):
            self.refuse("computes in a decimal context of its own")
        self._steps.append((name, _operand(left), _operand(right)))
        return Symbolic(self, _Slot(len(self._steps) - 1))

    def __len__(self) -> int:
        return len(self._steps)

    def replay(self, number: Decimal, result: object) -> Any:
        """Every recorded operation again with ``number``, in order; then ``result``'s value.

        Run it in the decimal context the rule ran in: an operation that would
        round (or divide by zero) raises there just as it would have in the
        rule. ``result`` is a Symbolic of this tape or a constant (returned as it is).
        """
        done: list[Any] = []
        for name, left, right in self._steps:
            done.append(_OPERATIONS[name](_value(left, number, done), _value(right, number, done)))
        if isinstance(result, Symbolic):
            return _value(result._slot, number, done)
        return result

    def replay_with(
        self,
        number: Any,
        result: object,
        operations: Mapping[str, Callable[[Any, Any], Any]],
        constant: Callable[[object], Any],
    ) -> Any:
        """:meth:`replay` with other numbers: ``number`` stands for the symbolic number, each
        constant the rule used is passed through ``constant``, and each recorded operation
        (``add``, ``sub``, ``mul``, ``truediv``) is done by ``operations`` (a missing one raises
        KeyError). For replaying over many numbers at once (a column of them)."""
        done: list[Any] = []

        def value(operand: _Operand) -> Any:
            if type(operand) is _Slot:
                return number if operand.index < 0 else done[operand.index]
            return constant(operand)

        for name, left, right in self._steps:
            done.append(operations[name](value(left), value(right)))
        if isinstance(result, Symbolic):
            return value(result._slot)
        return constant(result)


def same_context(one: Context, other: Context) -> bool:
    """Whether two decimal contexts compute alike (a copy made by ``localcontext`` is equal)."""
    return (
        one.prec == other.prec
        and one.rounding == other.rounding
        and one.Emin == other.Emin
        and one.Emax == other.Emax
        and one.clamp == other.clamp
        and all(one.traps[signal] == other.traps[signal] for signal in _SIGNALS)
    )


_SIGNALS = (
    Clamped,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    Rounded,
    Subnormal,
    Underflow,
    FloatOperation,
)


def _operand(value: object) -> _Operand:
    if isinstance(value, Symbolic):
        return value._slot
    return value


def _value(operand: _Operand, number: Decimal, done: list[Any]) -> Any:
    if type(operand) is _Slot:
        return number if operand.index < 0 else done[operand.index]
    return operand


def _refuse(what: str) -> Callable[..., NoReturn]:
    def refuse(self: Symbolic, *_: object, **__: object) -> NoReturn:
        tape: Tape = object.__getattribute__(self, "_tape")
        tape.refuse(what)

    refuse.__name__ = f"refuse({what})"
    return refuse


_ALLOWED = frozenset(
    {
        "_tape",
        "_slot",
        "_with",
        "__class__",
        "__reduce__",
        "__reduce_ex__",
        "__copy__",
        "__deepcopy__",
    }
)


class Symbolic(Decimal):
    """A number whose value is not known while a rule runs (see the module's text).

    It is a ``Decimal`` (so ``isinstance`` checks pass as for the real number),
    underneath a signalling NaN, so an operation that slips past the recording
    (a context method, say) fails instead of computing with a stand-in.
    """

    __slots__ = ("_slot", "_tape")

    _tape: Tape
    _slot: _Slot

    def __new__(cls, tape: Tape, slot: _Slot) -> Symbolic:
        self = super().__new__(cls, "sNaN")
        object.__setattr__(self, "_tape", tape)
        object.__setattr__(self, "_slot", slot)
        return self

    def __getattribute__(self, name: str) -> Any:
        if name in _ALLOWED:
            return object.__getattribute__(self, name)
        tape: Tape = object.__getattribute__(self, "_tape")
        tape.refuse(f"reads {name!r} of the number")

    def _with(self, name: str, left: object, right: object) -> Any:
        if isinstance(left, Symbolic | Decimal | int) and isinstance(
            right, Symbolic | Decimal | int
        ):
            return self._tape.record(name, left, right)
        return NotImplemented

    def __add__(self, other: object) -> Any:
        return self._with("add", self, other)

    def __radd__(self, other: object) -> Any:
        return self._with("add", other, self)

    def __sub__(self, other: object) -> Any:
        return self._with("sub", self, other)

    def __rsub__(self, other: object) -> Any:
        return self._with("sub", other, self)

    def __mul__(self, other: object) -> Any:
        return self._with("mul", self, other)

    def __rmul__(self, other: object) -> Any:
        return self._with("mul", other, self)

    def __truediv__(self, other: object) -> Any:
        return self._with("truediv", self, other)

    def __rtruediv__(self, other: object) -> Any:
        return self._with("truediv", other, self)

    def __reduce__(self) -> tuple[type[Symbolic], tuple[Tape, _Slot]]:  # type: ignore[override]
        # Pickled with its tape (a rulebook shipped to a Dask worker keeps its traces).
        return (Symbolic, (self._tape, self._slot))

    def __format__(self, spec: str, context: object = None, /) -> str:
        return Placeholder(self._tape)

    def __str__(self) -> str:
        return Placeholder(self._tape)

    def __repr__(self) -> str:
        return Placeholder(self._tape)

    # Everything else could make the rule's path depend on the value: refused.
    __eq__ = _refuse("compares the number")
    __ne__ = _refuse("compares the number")
    __lt__ = _refuse("compares the number")
    __le__ = _refuse("compares the number")
    __gt__ = _refuse("compares the number")
    __ge__ = _refuse("compares the number")
    __hash__ = _refuse("hashes the number")
    __bool__ = _refuse("asks the truth of the number")
    __int__ = _refuse("converts the number")
    __float__ = _refuse("converts the number")
    __complex__ = _refuse("converts the number")
    __round__ = _refuse("rounds the number")
    __trunc__ = _refuse("rounds the number")
    __floor__ = _refuse("rounds the number")
    __ceil__ = _refuse("rounds the number")
    __neg__ = _refuse("negates the number")
    __pos__ = _refuse("applies + to the number")
    __abs__ = _refuse("takes the absolute value")
    __floordiv__ = _refuse("divides with //")
    __rfloordiv__ = _refuse("divides with //")
    __mod__ = _refuse("takes a remainder")
    __rmod__ = _refuse("takes a remainder")
    __divmod__ = _refuse("takes a remainder")
    __rdivmod__ = _refuse("takes a remainder")
    __pow__ = _refuse("raises to a power")
    __rpow__ = _refuse("raises to a power")


class Placeholder(str):
    """The text of a symbolic number: fine in a sentence, refused as a key or in a comparison.

    Joined into a longer text it becomes plain text (that text then shows
    :data:`PLACEHOLDER`, which a result must not keep).
    """

    __slots__ = ("_tape",)

    _tape: Tape

    def __new__(cls, tape: Tape) -> Placeholder:
        self = super().__new__(cls, PLACEHOLDER)
        object.__setattr__(self, "_tape", tape)
        return self

    def _refused(self, *_: object) -> NoReturn:
        self._tape.refuse("compares or looks up the number's text")

    __eq__ = _refused
    __ne__ = _refused
    __lt__ = _refused
    __le__ = _refused
    __gt__ = _refused
    __ge__ = _refused
    __hash__ = _refused
    __contains__ = _refused
    __len__ = _refused
    __getitem__ = _refused
    __iter__ = _refused


# Every method of a text but formatting it into another: what could look at the number's text.
for _name in dir(str):
    if not _name.startswith("_") and _name not in ("format", "format_map", "join"):
        setattr(Placeholder, _name, Placeholder._refused)
del _name


def refuse_for(symbols: Iterable[object], what: str) -> NoReturn:
    """Refuse on behalf of ``symbols`` (a subject view that would show them): each tape is
    marked, then :class:`Untraceable` is raised."""
    for symbol in symbols:
        if type(symbol) is Symbolic:
            tape: Tape = object.__getattribute__(symbol, "_tape")
            tape.refused = True
    raise Untraceable(what)


def is_symbolic(value: object) -> bool:
    """Whether ``value`` stands for a number not known yet (for formatting it as a placeholder)."""
    return type(value) is Symbolic
