"""Columns of an HR export, read into employees and schools, one row at a time.

An HR or payroll export is a table: one row per appointment (or per school),
one column per field. The columns are the fields of
:class:`~onderwijsregels.model.Employee` (and of its
:class:`~onderwijsregels.registration.Registration`, as ``registration.``
followed by the field) or of :class:`~onderwijsregels.model.School`:

========================================  ==============================================
column                                    cell
========================================  ==============================================
``function``                              ``leraar``, ``oop``, ``directeur``, ``adjunct-directeur``
``werktijdfactor``                        a decimal number in (0, 1]: ``0.6``, ``0.8125``
``scale``, ``trede``                      ``L11`` and ``2`` (a trede needs a scale)
``birth_date``                            ``YYYY-MM-DD``
``statutair_bestuurder``                  ``true``/``false`` (also ``ja``/``nee``, ``1``/``0``)
``registration.register``                 ``schoolleidersregister-po`` or ``lerarenregister``
``registration.decision_date`` ...        every field of a registration (see the docs)
``pupils``, ``brin``                      a school's pupils and BRIN
``name``, ``id``                          copied to the output, never read by a rule
========================================  ==============================================

An empty cell is a field not given. Column names are read without regard to
case (``Function`` is ``function``); a column may appear once. A table holds
employees when it has a ``function`` column and schools when it has a
``pupils`` column. Any other column is refused (a misspelt ``werktijdfactr``
must not be ignored silently) unless it is named in ``keep``: such columns are
copied through to the output. A column without a name (a trailing separator
in the header) must have empty cells.

Cells are read exactly: a number is a decimal string (or a Decimal or an int
from a typed table), never a float; a date is ``YYYY-MM-DD`` or a
``datetime.date``. A float cell (what pandas makes of ``0.6`` unless told
``dtype=str``) is refused with the reason. Every problem names its column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from onderwijsregels.convert import structure_field
from onderwijsregels.errors import InvalidInputError
from onderwijsregels.model import Employee, School
from onderwijsregels.registration import CHECKED_TOGETHER, Registration

__all__ = [
    "EMPLOYEE_COLUMNS",
    "INDEPENDENT",
    "PASSTHROUGH",
    "SCHOOL_COLUMNS",
    "WHOLE_NUMBER_COLUMNS",
    "TableShape",
    "table_shape",
]

Kind = Literal["employee", "school"]

_REGISTRATION = tuple(f"registration.{field.name}" for field in attrs.fields(Registration))

EMPLOYEE_COLUMNS: tuple[str, ...] = (
    *(field.name for field in attrs.fields(Employee) if field.name not in ("registration", "name")),
    *_REGISTRATION,
)
"""The columns read into an :class:`~onderwijsregels.model.Employee`."""

SCHOOL_COLUMNS: tuple[str, ...] = tuple(
    field.name for field in attrs.fields(School) if field.name != "name"
)
"""The columns read into a :class:`~onderwijsregels.model.School`."""

INDEPENDENT = frozenset({"birth_date", "werktijdfactor"})
"""Columns whose check depends on no other column: a batch that does not read them checks each
distinct cell once, instead of building a subject per row."""

_NEUTRAL = {
    "werktijdfactor": "1",
    "function": "oop",
    "registration.register": "schoolleidersregister-po",
    "registration.decision_date": "2000-01-01",
    "registration.refused_on": "2000-01-01",
    "registration.title": "RDO",
    "registration.predicate": "niveau 1",
    "registration.route": "master",
    "registration.points": "0",
    "registration.points_at_decision": "0",
}
"""A value that fits, for a column a check leaves out but must see given (see
``linked_fit``); a test checks each one fits."""

_TOGETHER = frozenset(f"registration.{field}" for field in CHECKED_TOGETHER)
"""The registration's columns checked together (see
:data:`~onderwijsregels.registration.CHECKED_TOGETHER`)."""

PASSTHROUGH: tuple[str, ...] = ("id", "name")
"""Columns copied to the output as they are (``name`` is also the subject's name)."""

WHOLE_NUMBER_COLUMNS = frozenset(
    {"trede", "pupils", "registration.points", "registration.points_at_decision"}
)
"""The columns whose cells are whole numbers."""
_BOOLEANS = frozenset({"statutair_bestuurder"})
_TRUE = frozenset({"true", "ja", "yes", "1"})
_FALSE = frozenset({"false", "nee", "no", "0"})
_WHOLE = re.compile(r"[0-9]{1,12}", re.ASCII)
_DIGITS = re.compile(r"[0-9]+", re.ASCII)


def _missing(value: object) -> bool:
    """An empty cell: ``None``, ``""``, or a missing value of a typed table (NaN, pandas NA)."""
    if value is None:
        return True
    if isinstance(value, str):
        return value == ""
    if isinstance(value, float):
        return value != value  # NaN: pandas' missing value
    # pandas' NA and NaT (never compared: NA has no truth; an array cell is no missing cell)
    return type(value).__name__ in ("NAType", "NaTType")


_DECIMALS = frozenset({"werktijdfactor"})
_DECIMAL_COMMA = re.compile(r"[0-9]+,[0-9]+", re.ASCII)


def _cell(column: str, value: object, decimal_comma: bool = False) -> object:
    """One cell as the model reads it; a cell that cannot be read raises naming the column."""
    if isinstance(value, str):
        text = value.strip()
        if column in _DECIMALS and _DECIMAL_COMMA.fullmatch(text):
            if not decimal_comma:
                raise InvalidInputError(
                    column,
                    f"{text!r} has a decimal comma; write a decimal point "
                    f"({text.replace(',', '.')}) or, in a workbook, a number; a CSV file with "
                    "semicolons between the cells (as Excel saves CSV in Dutch) may use a "
                    "decimal comma (the command line reads one so; in Python give "
                    "evaluate_many(..., decimal_comma=True))",
                )
            return text.replace(",", ".")
        if column in WHOLE_NUMBER_COLUMNS:
            if not _WHOLE.fullmatch(text):
                raise InvalidInputError(column, f"must be a whole number, got {text!r}")
            return int(text)
        if column in _BOOLEANS:
            if text.lower() in _TRUE:
                return True
            if text.lower() in _FALSE:
                return False
            raise InvalidInputError(column, f"must be true or false (ja/nee), got {text!r}")
        return text
    if isinstance(value, dt.datetime):  # pandas' Timestamp is one
        if value.time() != dt.time(0) or value.tzinfo is not None:
            raise InvalidInputError(column, f"must be a date, got the moment {value.isoformat()}")
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if column in _BOOLEANS and type(value).__name__ in ("bool_", "bool") and hasattr(value, "item"):
        return bool(value.item())  # numpy's bool
    if column in _BOOLEANS and type(value) is int and value in (0, 1):
        return bool(value)  # 1 or 0 typed into a workbook, as the text "1"/"0" is read
    if type(value).__name__.startswith(("int", "uint")) and hasattr(value, "item"):
        return value.item()  # a numpy integer: exact
    return value


@attrs.frozen
class TableShape:
    """What the columns of a table are: the kind of subject, and where each field is.

    ``key`` are the positions of the columns a subject is read from, so two
    rows with the same cells there are the same subject but for their name;
    ``passthrough`` the positions of the columns copied to the output.
    """

    kind: Kind
    columns: tuple[str, ...]
    key: tuple[int, ...]
    passthrough: tuple[int, ...]
    name: int | None
    blank: tuple[int, ...] = ()
    """Columns without a name (a trailing separator in the header): their cells must be empty."""
    decimal_comma: bool = False
    """Read ``0,6`` in a decimal column as 0.6 (a file with semicolons, as Dutch Excel writes)."""
    headers: tuple[str, ...] = ()
    """The column names as the table writes them (trimmed, case kept): a kept column is
    copied to the output under its own name."""

    def row_problem(self, cells: Sequence[object]) -> InvalidInputError | None:
        """What is wrong with a row's shape (its number of cells, a cell under no column)."""
        if len(cells) != len(self.columns):
            return InvalidInputError(
                "",
                f"has {len(cells)} cells where the header has {len(self.columns)} columns"
                + self._split_comma(cells),
            )
        for at in self.blank:
            if not _missing(cells[at]):
                return InvalidInputError(
                    "",
                    f"has {cells[at]!r} in column {at + 1}, which has no name in the header; "
                    "name the column, or leave its cells empty",
                )
        return None

    def _split_comma(self, cells: Sequence[object]) -> str:
        """A hint for a row with one cell too many whose werktijdfactor reads as two whole
        numbers (``0,6`` unquoted between commas: the cells ``0`` and ``6``)."""
        if len(cells) != len(self.columns) + 1 or "werktijdfactor" not in self.columns:
            return ""
        at = self.columns.index("werktijdfactor")
        whole, fraction = cells[at], cells[at + 1]
        if not (
            isinstance(whole, str)
            and isinstance(fraction, str)
            and _DIGITS.fullmatch(whole.strip())
            and _DIGITS.fullmatch(fraction.strip())
        ):
            return ""
        written = f"{whole.strip()},{fraction.strip()}"
        return (
            f"; is the werktijdfactor {written} written with a decimal comma? In a file with "
            f"commas between the cells write a decimal point ({written.replace(',', '.')})"
        )

    @property
    def passthrough_columns(self) -> tuple[str, ...]:
        """The names of the columns copied to the output, in table order: ``id`` and
        ``name``, and each kept column under its name as the table writes it."""
        return tuple(
            self.columns[index]
            if self.columns[index] in PASSTHROUGH or not self.headers
            else self.headers[index]
            for index in self.passthrough
        )

    def subject(self, cells: Sequence[object], *, with_name: bool = True) -> Employee | School:
        """The subject of one row (``cells`` in column order); every problem names its column."""
        data: dict[str, Any] = {}
        registration: dict[str, Any] = {}
        problems: list[tuple[str, str]] = []
        for index in self.key:
            column = self.columns[index]
            value = cells[index]
            if _missing(value):
                continue
            try:
                read = _cell(column, value, self.decimal_comma)
            except InvalidInputError as error:
                problems.extend(error.problems)
                continue
            if column.startswith("registration."):
                registration[column.removeprefix("registration.")] = read
            else:
                data[column] = read
        if with_name and self.name is not None and not _missing(cells[self.name]):
            name = cells[self.name]
            data["name"] = name.strip() if isinstance(name, str) else name
        if registration:
            data["registration"] = registration
        model = Employee if self.kind == "employee" else School
        if problems:
            # The readable cells are checked too, so the error names every bad cell of the row
            # (leaving out what the unread cells' absence itself would say).
            unread = {field for field, _ in problems}
            try:
                model.from_dict(data)
            except InvalidInputError as error:
                problems.extend(
                    (field, why) for field, why in error.problems if field not in unread
                )
            raise InvalidInputError.many(problems)
        return model.from_dict(data)

    @property
    def linked_groups(self) -> tuple[tuple[int, ...], ...]:
        """The positions of the cells checked together (all but :data:`INDEPENDENT`), in
        groups no check crosses: the subject's own cells (a trede needs a scale of the
        function); a registration's cells that are checked together
        (:data:`~onderwijsregels.registration.CHECKED_TOGETHER`, which also see whether each
        other registration cell is given: :meth:`presence`); and each other registration cell
        on its own.

        A row fits when each group fits (:meth:`linked_fit` with ``within``); a property
        test holds this against checking them all at once.
        """
        linked = [at for at in self.key if self.columns[at] not in INDEPENDENT]
        registration = [at for at in linked if self.columns[at].startswith("registration.")]
        rest = tuple(at for at in linked if at not in registration)
        together = tuple(at for at in registration if self.columns[at] in _TOGETHER)
        alone = tuple((at,) for at in registration if self.columns[at] not in _TOGETHER)
        return tuple(group for group in (rest, together, *alone) if group)

    @staticmethod
    def given(cell: object) -> bool:
        """Whether a cell holds a value (an empty cell, ``None``, NaN or pandas' NA is a field
        not given)."""
        return not _missing(cell)

    def presence(self, within: Sequence[int]) -> tuple[int, ...]:
        """The positions whose cells the check of the group ``within`` (one of
        :attr:`linked_groups`) reads only as given or not: for a registration's cells
        checked together, the other registration cells; for any other group, none."""
        if not any(self.columns[at] in _TOGETHER for at in within):
            return ()
        return tuple(
            at
            for at in self.key
            if self.columns[at].startswith("registration.") and self.columns[at] not in _TOGETHER
        )

    def linked_fit(self, cells: Sequence[object], within: Sequence[int] | None = None) -> bool:
        """Whether the row's cells that are checked together (all but :data:`INDEPENDENT`)
        fit, whatever its independent cells hold; with ``within``, only the cells at those
        positions (one of :attr:`linked_groups`), the others read as fitting or empty: a
        registration cell that group's check reads as given or not (:meth:`presence`) as a
        fitting one if given; for a registration cell given on its own, a fitting register
        and decision (or refusal) date."""
        neutral = list(cells)
        present = set(self.presence(within)) if within is not None else set()
        alone = (
            within is not None
            and len(within) == 1
            and self.columns[within[0]].startswith("registration.")
            and self.columns[within[0]] not in _TOGETHER
            and not _missing(cells[within[0]])
        )
        # A registration cell given alone is read with a register and a decision (or refusal)
        # date; an empty one with nothing (no registration).
        dated = next(
            (
                column
                for column in ("registration.decision_date", "registration.refused_on")
                if column in self.columns
            ),
            None,
        )
        for at in self.key:
            column = self.columns[at]
            if column in INDEPENDENT:
                neutral[at] = _NEUTRAL.get(column, "")
            elif within is None or at in within:
                continue
            elif at in present:
                neutral[at] = "" if _missing(cells[at]) else _NEUTRAL[column]
            elif alone and column in ("registration.register", dated):
                neutral[at] = _NEUTRAL[column]
            elif column.startswith("registration."):
                neutral[at] = ""
            else:
                neutral[at] = _NEUTRAL.get(column, "")
        try:
            self.subject(neutral, with_name=False)
        except InvalidInputError:
            return False
        return True

    def check(self, column: str, value: object) -> None:
        """Check one cell of a column that no other field's check depends on (see
        :data:`INDEPENDENT`), as the subject checks it; raises InvalidInputError naming the
        column."""
        model: type[Employee] | type[School] = Employee if self.kind == "employee" else School
        if _missing(value):  # a required field's empty cell: refused as the subject is
            base: dict[str, Any] = (
                {"function": "oop", "werktijdfactor": "1"}
                if self.kind == "employee"
                else {"pupils": 0}
            )
            base.pop(column, None)
            model.from_dict(base)
            return
        structure_field(model, column, _cell(column, value, self.decimal_comma))

    def name_fits(self, cells: Sequence[object]) -> bool:
        """Whether the row's name cell surely passes the subject's check, without building the
        subject: absent, or a text with something in it; any other cell is checked by
        building the subject (:meth:`subject`)."""
        if self.name is None:
            return True
        name = cells[self.name]
        return (isinstance(name, str) and bool(name.strip())) or _missing(name)

    def werktijdfactor(self, value: object) -> Decimal:
        """The werktijdfactor an Employee reads from a ``werktijdfactor`` cell, read and checked
        exactly as :meth:`subject` reads it; raises InvalidInputError naming the column."""
        read = _cell("werktijdfactor", value, self.decimal_comma)
        found: Decimal = structure_field(Employee, "werktijdfactor", read)
        return found

    def renamed(self, subject: Employee | School, cells: Sequence[object]) -> Employee | School:
        """``subject`` (read from an equal row) with this row's name."""
        name: Any = None
        if self.name is not None and not _missing(cells[self.name]):
            found = cells[self.name]
            name = found.strip() if isinstance(found, str) else found
        if name == subject.name:
            return subject
        try:
            return attrs.evolve(subject, name=name)
        except InvalidInputError:
            raise
        except (TypeError, ValueError) as error:  # pragma: no cover - the validator names it
            raise InvalidInputError("name", str(error)) from None


def table_shape(
    columns: Iterable[object], *, keep: Sequence[str] = (), decimal_comma: bool = False
) -> TableShape:
    """The shape of a table with these column names; a column that fits nothing is refused.

    >>> shape = table_shape(["id", "function", "werktijdfactor", "name"])
    >>> shape.kind, shape.passthrough_columns
    ('employee', ('id', 'name'))
    >>> table_shape(["function", "werktijdfactr"])
    Traceback (most recent call last):
    ...
    onderwijsregels.errors.InvalidInputError: columns: unknown column 'werktijdfactr'; an employee table has function, werktijdfactor, scale, trede, birth_date, statutair_bestuurder, registration.register, registration.decision_date, registration.title, registration.predicate, registration.route, registration.points, registration.points_at_decision, registration.postponed_until, registration.refused_on, and id, name; name a column to copy to the output in keep (--keep)
    """
    names: list[str] = []
    headers: list[str] = []
    for column in columns:
        if not isinstance(column, str):
            raise InvalidInputError("columns", f"a column name must be a text, got {column!r}")
        headers.append(column.strip().lstrip("\ufeff").strip())
        names.append(headers[-1].lower())
    seen: set[str] = set()
    for name in names:
        if name in seen and name:
            raise InvalidInputError(
                "columns",
                f"the column {name!r} appears twice; which one holds the value is not "
                "guessed, so give each column once",
            )
        seen.add(name)
    seen.discard("")
    if "function" in seen and "pupils" in seen:
        raise InvalidInputError(
            "columns",
            "a table holds employees (a 'function' column) or schools (a 'pupils' column), "
            "not both; give them in two tables",
        )
    kind: Kind
    if "function" in seen:
        kind, fields = "employee", EMPLOYEE_COLUMNS
    elif "pupils" in seen:
        kind, fields = "school", SCHOOL_COLUMNS
    else:
        raise InvalidInputError(
            "columns",
            "found no 'function' column (employees) and no 'pupils' column (schools); the "
            f"columns are {', '.join(names) or 'none'}",
        )
    kept = {name.strip().lower() for name in keep}
    key: list[int] = []
    passthrough: list[int] = []
    blank: list[int] = []
    for index, name in enumerate(names):
        if not name:
            blank.append(index)
        elif name in fields:
            key.append(index)
            if name in kept:  # read as a field, and copied to the output as given
                passthrough.append(index)
        elif name in PASSTHROUGH or name in kept:
            passthrough.append(index)
        else:
            raise InvalidInputError(
                "columns",
                f"unknown column {name!r}; an {kind} table has {', '.join(fields)}, and "
                f"{', '.join(PASSTHROUGH)}; name a column to copy to the output in keep (--keep)",
            )
    unknown_kept = sorted(kept - seen)
    if unknown_kept:
        raise InvalidInputError(
            "keep", f"no column {unknown_kept[0]!r} in the table (columns: {', '.join(names)})"
        )
    name_at = names.index("name") if "name" in seen else None
    return TableShape(
        kind,
        tuple(names),
        tuple(key),
        tuple(passthrough),
        name_at,
        tuple(blank),
        decimal_comma,
        tuple(headers),
    )


def columns_of(table: object) -> tuple[tuple[str, ...], list[Sequence[object]]] | None:
    """The names and values of a columnar table, or ``None`` if ``table`` is not one.

    A mapping of column name to a sequence of cells; a pandas or polars
    DataFrame; a pyarrow Table. Values come out as Python objects (a pyarrow
    or polars decimal as :class:`~decimal.Decimal`, a date as ``datetime.date``).
    """
    if isinstance(table, Mapping):
        names = tuple(table)
        values = [table[name] for name in names]
        for name, cells in zip(names, values, strict=True):
            if isinstance(cells, str | bytes) or not isinstance(cells, Sequence | Iterable):
                raise InvalidInputError(
                    str(name), "a column must be a sequence of cells (a list, not a single value)"
                )
        lists: list[Sequence[object]] = [list(cells) for cells in values]
        lengths = {len(cells) for cells in lists}
        if len(lengths) > 1:
            raise InvalidInputError(
                "columns",
                "the columns differ in length: "
                + ", ".join(f"{n} has {len(c)}" for n, c in zip(names, lists, strict=True)),
            )
        return tuple(str(name) for name in names), lists
    module = type(table).__module__.split(".")[0]
    if module == "pandas" and hasattr(table, "columns"):
        frame: Any = table
        names = tuple(str(name) for name in frame.columns)
        # By position: a name given twice is then refused by table_shape, as for other tables.
        return names, [frame.iloc[:, at].tolist() for at in range(len(names))]
    if module == "polars" and hasattr(table, "get_columns"):
        frame = table
        return tuple(frame.columns), [series.to_list() for series in frame.get_columns()]
    if module == "pyarrow" and hasattr(table, "column_names"):
        frame = table
        return tuple(frame.column_names), [column.to_pylist() for column in frame.columns]
    return None


def float_columns(table: object, positions: Sequence[int]) -> list[tuple[int, object]]:
    """The columns at ``positions`` of a typed table (pyarrow, polars or pandas) that hold
    floats, with one of them: ``(position, float)`` each. A float cannot hold a decimal
    fraction exactly, so such a column is refused as a whole (a column of only missing
    values, which pandas types as floats, is no such column)."""
    module = type(table).__module__.split(".")[0]
    found: list[tuple[int, object]] = []
    if module == "polars" and hasattr(table, "get_columns"):
        series_list: Any = table.get_columns()
        for at in positions:
            series = series_list[at]
            if series.dtype.is_float():
                values = series.drop_nulls().drop_nans()
                if len(values):
                    found.append((at, values[0]))
    elif module == "pyarrow" and hasattr(table, "schema"):
        import pyarrow.compute as pc
        import pyarrow.types as kinds

        arrow: Any = table
        for at in positions:
            column = arrow.column(at)
            if kinds.is_floating(column.type):
                values = pc.drop_null(column).filter(pc.invert(pc.is_nan(pc.drop_null(column))))
                if len(values):
                    found.append((at, values[0].as_py()))
    elif module == "pandas" and hasattr(table, "iloc"):
        frame: Any = table
        for at in positions:
            column = frame.iloc[:, at]
            if column.dtype.kind == "f":
                values = column.dropna()
                if len(values):
                    found.append((at, float(values.iloc[0])))
    return found
