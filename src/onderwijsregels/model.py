"""The domain model: functions, employees and schools.

Terms of art, explained once:

- *werktijdfactor*: the size of an appointment as a fraction of the
  *normbetrekking* (1659 hours a year, a 40-hour week); 1 is full time.
  One :class:`Employee` is one appointment, so it lies in (0, 1].
- *directie*: directors and adjunct-directors, the CAO's "directielid in de
  A- of D-schaal".
- *OOP*: onderwijsondersteunend personeel, support staff.
- *BRIN*: the identifier the ministry gives a school.
- *trede*: the step within a salary scale (``L10`` step 1 is written L10-1);
  starting teachers are L10-1/L11-1/L12-1 up to step 3.

>>> from decimal import Decimal
>>> juf = Employee(function=Function.LERAAR, werktijdfactor=Decimal("0.6"), scale="L11")
>>> juf.function.is_directie
False
>>> Employee.from_dict({"function": "directeur", "werktijdfactor": "1", "scale": "D12"}).scale
'D12'
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from onderwijsregels.convert import (
    check_day,
    enum_member,
    optional_text,
    shown,
    structure,
    structure_decimal,
    unstructure,
)
from onderwijsregels.errors import InvalidInputError
from onderwijsregels.limits import MAX_PUPILS
from onderwijsregels.registration import Registration

__all__ = ["SCALES", "Employee", "Function", "School"]


class Function(enum.Enum):
    """The function (*functie*) an employee is appointed in."""

    LERAAR = "leraar"
    """A teacher (scales L10-L12)."""
    OOP = "oop"
    """Support staff, *onderwijsondersteunend personeel* (our sources do not list its scales)."""
    DIRECTEUR = "directeur"
    """A director (D-scale)."""
    ADJUNCT_DIRECTEUR = "adjunct-directeur"
    """An adjunct-director (A-scale)."""

    @property
    def is_directie(self) -> bool:
        """Whether the function belongs to the *directie* (director or adjunct-director)."""
        return self in (Function.DIRECTEUR, Function.ADJUNCT_DIRECTEUR)


SCALES: Mapping[Function, tuple[str, ...]] = {
    Function.LERAAR: ("L10", "L11", "L12"),
    # Our sources name no list of OOP scales (only "functieschaal 10 van de OOP/directieschalen",
    # CNV 2025), so any scale that is not a teacher's or directie scale is accepted as given.
    Function.OOP: (),
    # A10-A13 and D11-D15 from 1 Aug 2020; the older AB-AE and DA-DE scales
    # are accepted for historical records.
    Function.ADJUNCT_DIRECTEUR: ("A10", "A11", "A12", "A13", "AB", "AC", "AD", "AE"),
    Function.DIRECTEUR: ("D11", "D12", "D13", "D14", "D15", "DA", "DB", "DC", "DC+", "DD", "DE"),
}
"""Salary scales accepted per function; an empty tuple means the sources give no list."""


def to_function(value: object) -> Function:
    """A :class:`Function` from itself or its value (``\"leraar\"``); anything else is refused."""
    return enum_member(Function, "function", value)


def to_werktijdfactor(value: object) -> Decimal:
    """An exact werktijdfactor in (0, 1] from a Decimal, an int or a decimal string."""
    factor = structure_decimal(value, "werktijdfactor")
    if not 0 < factor <= 1:
        raise InvalidInputError(
            "werktijdfactor",
            f"must be greater than 0 and at most 1 (one appointment; 1 is the normbetrekking "
            f"of 1659 hours), got {factor}",
        )
    return factor


@attrs.frozen
class Employee:
    """One appointment of one employee (*werknemer*).

    ``werktijdfactor`` is a ``Decimal`` (or an int or decimal string, read
    exactly) in (0, 1]. ``scale`` is optional; when given it must be a scale of
    the function (see :data:`SCALES`). ``trede`` is the step in that scale
    (a whole number from 0; it needs a scale). ``birth_date`` is needed only by
    age-dependent rules (the older employees' budget of chapter 8A).
    ``statutair_bestuurder`` marks a statutory board member, who is not in the
    Schoolleidersregister PO's scope. ``registration`` is the employee's
    registration in a professional register (see
    :class:`~onderwijsregels.registration.Registration`). ``name`` is a free
    label for reports.

    >>> Employee(function=Function.LERAAR, werktijdfactor=Decimal("1.2"))
    Traceback (most recent call last):
    ...
    onderwijsregels.errors.InvalidInputError: werktijdfactor: must be greater than 0 and at most 1 (one appointment; 1 is the normbetrekking of 1659 hours), got 1.2
    """

    function: Function = attrs.field(converter=to_function)
    werktijdfactor: Decimal = attrs.field(converter=to_werktijdfactor)
    scale: str | None = attrs.field(default=None, kw_only=True)
    trede: int | None = attrs.field(default=None, kw_only=True)
    birth_date: date | None = attrs.field(default=None, kw_only=True)
    statutair_bestuurder: bool = attrs.field(default=False, kw_only=True)
    registration: Registration | None = attrs.field(default=None, kw_only=True)
    name: str | None = attrs.field(default=None, kw_only=True, validator=optional_text("name"))

    @statutair_bestuurder.validator
    def _is_bool(self, _: attrs.Attribute[bool], value: bool) -> None:
        if not isinstance(value, bool):
            raise InvalidInputError(
                "statutair_bestuurder", f"must be true or false, got {shown(value)}"
            )

    @registration.validator
    def _is_registration(self, _: attrs.Attribute[Registration | None], value: object) -> None:
        if value is not None and not isinstance(value, Registration):
            raise InvalidInputError("registration", f"must be a Registration, got {shown(value)}")

    @trede.validator
    def _trede_fits(self, _: attrs.Attribute[int | None], value: int | None) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InvalidInputError("trede", f"must be a whole number from 0, got {shown(value)}")
        if self.scale is None:
            raise InvalidInputError("trede", "a trede needs a scale: give the scale as well")

    @birth_date.validator
    def _birth_date_is_day(self, _: attrs.Attribute[date | None], value: date | None) -> None:
        if value is not None:
            check_day(value, "birth_date")

    def age_on(self, day: date) -> int | None:
        """Age in whole years on ``day``, or ``None`` when no birth date is known.

        >>> Employee(function=Function.OOP, werktijdfactor=1, birth_date=date(1963, 5, 2)).age_on(date(2020, 5, 1))
        56
        """
        if self.birth_date is None:
            return None
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @scale.validator
    def _scale_fits_function(self, _: attrs.Attribute[str | None], value: str | None) -> None:
        if value is None:
            return
        allowed = SCALES[self.function]
        if not isinstance(value, str) or not value.strip():
            raise InvalidInputError(
                "scale",
                f"{shown(value)} is not a scale of function {self.function.value!r}; give a scale "
                "such as 'L11' or leave it out",
            )
        if allowed and value not in allowed:
            raise InvalidInputError(
                "scale",
                f"{shown(value)} is not a scale of function {self.function.value!r}; "
                f"allowed: {', '.join(allowed)}",
            )
        if not allowed:
            owner = next((f for f, known in SCALES.items() if value in known), None)
            if owner is not None:
                raise InvalidInputError(
                    "scale",
                    f"{shown(value)} is a scale of function {owner.value!r}, not of "
                    f"{self.function.value!r}",
                )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "") -> Employee:
        """Read an employee from a dict (JSON or YAML); bad input raises InvalidInputError."""
        return structure(data, cls, path=path)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict :meth:`from_dict` reads back to an equal employee."""
        return unstructure(self)

    @property
    def label(self) -> str:
        """A short human label: name and function (or the function alone), scale, werktijdfactor.

        >>> Employee(function=Function.LERAAR, werktijdfactor=Decimal("0.6"), scale="L11").label
        'leraar (L11, werktijdfactor 0.6)'
        >>> Employee(function=Function.OOP, werktijdfactor=Decimal("1"), name="Femke").label
        'Femke (oop, werktijdfactor 1)'
        """
        parts = [] if self.name is None else [self.function.value]
        if self.scale:
            parts.append(self.scale if self.trede is None else f"{self.scale}-{self.trede}")
        parts.append(f"werktijdfactor {self.werktijdfactor}")
        return f"{self.name or self.function.value} ({', '.join(parts)})"


def _pupils(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError("pupils", f"must be a whole number, got {shown(value)}")
    if value < 0:
        raise InvalidInputError("pupils", f"must not be negative, got {shown(value)}")
    if value > MAX_PUPILS:
        raise InvalidInputError(
            "pupils",
            f"must be at most {MAX_PUPILS} (a sanity limit: no school has more pupils), "
            f"got {shown(value)}",
        )
    return value


@attrs.frozen
class School:
    """A school (*school*) counted by its pupils (*leerlingen*).

    ``pupils`` is a whole number from 0 to :data:`~onderwijsregels.limits.MAX_PUPILS` (100 000,
    a sanity limit, not a legal figure).

    >>> School(pupils=212, name="De Regenboog").pupils
    212
    >>> School(pupils=-1)
    Traceback (most recent call last):
    ...
    onderwijsregels.errors.InvalidInputError: pupils: must not be negative, got -1
    """

    pupils: int = attrs.field(converter=_pupils)
    name: str | None = attrs.field(default=None, validator=optional_text("name"))
    brin: str | None = attrs.field(default=None, validator=optional_text("brin"))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "") -> School:
        """Read a school from a dict (JSON or YAML); bad input raises InvalidInputError."""
        return structure(data, cls, path=path)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict :meth:`from_dict` reads back to an equal school."""
        return unstructure(self)

    @property
    def label(self) -> str:
        who = self.name or (f"BRIN {self.brin}" if self.brin else "school")
        return f"{who} ({self.pupils} leerlingen)"


Subject = Employee | School
"""What the rules are evaluated for."""


def not_a_subject(value: object, field: str = "subject") -> InvalidInputError:
    """The error for a value given where an Employee or a School belongs (a dict says how to
    read it), about ``field`` (``""``: the value itself, as a batch names it ``subjects[N]``)."""
    why = f"must be an Employee or a School, got {type(value).__name__}"
    if isinstance(value, Mapping):
        why += (
            "; a dict is one record: read it with Employee.from_dict(record) (or "
            "School.from_dict), or give every subject as a record (a list of dicts is a table)"
        )
    return InvalidInputError(field, why)
