"""A pyarrow table evaluated column by column: the batch's fast path for frames.

:meth:`Batch.to_arrow <onderwijsregels.batch.Batch.to_arrow>` (and ``to_polars``)
of a batch whose input is a pyarrow Table (or a polars DataFrame) reads the
table a column at a time instead of a row at a time, with the same result,
cell for cell, as reading it row by row:

- **checks**: each column is dictionary-encoded (in Arrow, in C); each
  distinct cell of a column whose check depends on no other column is checked
  once, and each distinct combination of the cells checked together (function,
  scale, trede, registration) once, with the checks a row's subject makes;
- **rules**: the rules are taken in parts by the columns they read (a rule
  that reads the werktijdfactor alone); in each part, rows that agree on every
  cell its rules read but the werktijdfactor form a group; each group is
  evaluated once (the part's plan, :meth:`Plan.part
  <onderwijsregels.plan.Plan.part>`, as for any subject), and the value of a
  rule traced for the werktijdfactor
  (:mod:`onderwijsregels.tracing`) is replayed over every distinct
  werktijdfactor of the table at once, in exact integer arithmetic (numpy),
  then rounded half-up to cents as the outcome rounds it. The replay is the
  rule's own recorded arithmetic: there is no second definition of a rule;
- **output**: every other cell of a group (status, unit, edition, confidence,
  citation, reason, interpretation, notes) is the group's, taken per row in Arrow.

What the integers cannot replay exactly (a traced rule that divides, or whose
value is hours rather than money, a number beyond 64-bit integers, a
werktijdfactor with more than twelve decimals) is replayed in Decimal once per
distinct werktijdfactor of the group, as the rows do. What only the rows can
tell (a cell that fails its check, a row that cannot be evaluated, a column of
another type) sends the whole table the usual way: :func:`arrow_table` returns
``None`` and the batch reads the rows, so errors are reported as always. The
property tests compare both ways on random tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from onderwijsregels.cells import (
    RULE_COLUMNS,
    Cells,
    Group,
    arrow_cells,
    arrow_type,
    cell_fits,
    cell_key,
    copied_column,
    label_array,
    remember,
    rule_parts,
    werktijdfactor_of,
)
from onderwijsregels.cells import rule_cells as cells_of_result
from onderwijsregels.columns import INDEPENDENT, TableShape
from onderwijsregels.errors import InvalidInputError
from onderwijsregels.evaluate import Evaluation
from onderwijsregels.limits import MEMO_ENTRIES
from onderwijsregels.model import Employee, School
from onderwijsregels.plan import Plan
from onderwijsregels.tracing import TRACED_FIELDS, Trace

__all__ = ["arrow_table", "one_array", "readable"]

_LIMIT = 1 << 62
"""The largest magnitude an integer of the replay may reach (int64 holds 2**63 - 1)."""

_REMOVED = -1
"""The place of a made column of :class:`_Encoded`: which removed scale a row's scale is."""

_TABLE_CELLS = 4_000_000
"""At most this many replayed values (groups times distinct werktijdfactors) per rule;
beyond it the rows of the group are evaluated one distinct werktijdfactor at a time."""

Evaluate = Callable[[Employee | School], Evaluation | None]
"""Evaluate one subject; ``None`` if it cannot be (the rows' way then reports why)."""


def one_array(column: Any) -> Any:
    """A pyarrow ChunkedArray as one Array: its only chunk as it is (``combine_chunks`` would
    copy it), or its chunks joined."""
    return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()


def readable(table: Any) -> bool:
    """Whether every column of a pyarrow ``table`` has a type this path reads as the rows do
    (texts, integers, booleans, dates, decimals, or nothing at all)."""
    import pyarrow as pa

    kinds = pa.types
    return all(
        kinds.is_string(field.type)
        or kinds.is_large_string(field.type)
        or kinds.is_integer(field.type)
        or kinds.is_boolean(field.type)
        or kinds.is_date32(field.type)
        or kinds.is_decimal128(field.type)
        or kinds.is_null(field.type)
        for field in table.schema
    )


class _Unsupported(Exception):
    """The replay cannot be done exactly in 64-bit integers: the rows' way will do it."""


class _Exact:
    """Numbers ``coefficient × 10**exponent``: one, or a column of them (an int64 array)."""

    __slots__ = ("bound", "coefficient", "exponent")

    def __init__(self, coefficient: Any, exponent: int, bound: int) -> None:
        if bound >= _LIMIT:
            raise _Unsupported("too large for 64-bit integers")
        self.coefficient, self.exponent, self.bound = coefficient, exponent, bound

    def at(self, exponent: int) -> tuple[Any, int]:
        """The coefficient at a smaller exponent, and its bound (checked before it is made)."""
        factor = 10 ** (self.exponent - exponent)
        if self.bound * factor >= _LIMIT or factor >= _LIMIT:
            raise _Unsupported("too large for 64-bit integers")
        return self.coefficient * factor, self.bound * factor


def _constant(value: object) -> _Exact:
    if type(value) is int or type(value) is bool:
        number = int(value)
        return _Exact(number, 0, abs(number))
    if type(value) is Decimal and value.is_finite():
        sign, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)
        coefficient = int("".join(map(str, digits)) or "0")
        if exponent > 18 or exponent < -18:
            raise _Unsupported("an exponent beyond int64")
        return _Exact(-coefficient if sign else coefficient, exponent, coefficient)
    raise _Unsupported(f"a constant {type(value).__name__}")


def _add(left: _Exact, right: _Exact, sign: int = 1) -> _Exact:
    exponent = min(left.exponent, right.exponent)
    one, one_bound = left.at(exponent)
    other, other_bound = right.at(exponent)
    if one_bound + other_bound >= _LIMIT:
        raise _Unsupported("too large for 64-bit integers")
    return _Exact(one + other if sign > 0 else one - other, exponent, one_bound + other_bound)


def _mul(left: _Exact, right: _Exact) -> _Exact:
    bound = left.bound * right.bound
    if bound >= _LIMIT:
        raise _Unsupported("too large for 64-bit integers")
    return _Exact(left.coefficient * right.coefficient, left.exponent + right.exponent, bound)


def _divide(left: _Exact, right: _Exact) -> _Exact:
    raise _Unsupported("a division (its exact result may have any number of decimals)")


_OPERATIONS: dict[str, Callable[[Any, Any], Any]] = {
    "add": _add,
    "sub": lambda left, right: _add(left, right, -1),
    "mul": _mul,
    "truediv": _divide,
}
"""The recorded operations replayed exactly in integers (a division is left to the rows)."""


def _cents(value: _Exact, size: int) -> Any:
    """The value rounded half-up (away from zero on a tie) to whole cents, as int64."""
    import numpy as np

    coefficient = np.broadcast_to(np.asarray(value.coefficient, dtype=np.int64), (size,))
    if value.exponent >= -2:
        factor = 10 ** (value.exponent + 2)
        if value.bound * factor >= _LIMIT:
            raise _Unsupported("too large for 64-bit integers")
        return coefficient * factor
    places = -2 - value.exponent
    if places > 18:
        raise _Unsupported("more decimals than int64 holds")
    unit = 10**places
    magnitude = (np.abs(coefficient) + unit // 2) // unit
    return np.where(coefficient < 0, -magnitude, magnitude)


def _replayed(trace: Trace, numbers: _Exact, size: int) -> Any:
    """The trace's money value for every number of the column, in cents; or raises
    :class:`_Unsupported`."""
    found = trace.found
    rule = trace.rule
    if not rule.unit.is_money or rule.values is not None:
        raise _Unsupported("not money")
    value = _replay(trace, numbers, getattr(found, "value", None), _constant)
    return _cents(value, size)


def _replay(
    trace: Trace, numbers: _Exact, result: object, constant: Callable[[object], Any]
) -> Any:
    """The trace's arithmetic over the column of numbers; an operation the integers cannot do
    (one this module does not know, a number too large) raises :class:`_Unsupported`."""
    try:
        return trace.tape.replay_with(numbers, result, _OPERATIONS, constant)
    except KeyError as error:
        raise _Unsupported(f"the operation {error}") from None
    except (OverflowError, ValueError, TypeError) as error:
        raise _Unsupported(str(error)) from None


def _checked_only(trace: Trace, numbers: _Exact) -> None:
    """Replay a trace whose rule gave no value (its arithmetic must run for every number)."""
    _replay(trace, numbers, None, _constant_or_none)


def _constant_or_none(value: object) -> _Exact | None:
    return None if value is None else _constant(value)


def _ids(codes: Sequence[Any], sizes: Sequence[int], size: int) -> tuple[Any, Any]:
    """Per row, the id of its combination of ``codes`` (0, 1, ... in order of first
    appearance is not promised), and per id the first row that has it."""
    import numpy as np

    if not codes:
        return np.zeros(size, dtype=np.int64), np.zeros(1 if size else 0, dtype=np.int64)
    key = np.zeros(size, dtype=np.int64)
    span = 1
    for column, count in zip(codes, sizes, strict=True):
        if span * max(count, 1) >= _LIMIT:  # compress what is combined so far first
            _, key = np.unique(key, return_inverse=True)
            span = int(key.max()) + 1 if size else 1
        key = key * max(count, 1) + column
        span *= max(count, 1)
    if span <= 4 * size + 1024:  # dense: no sort
        present = np.zeros(span, dtype=bool)
        present[key] = True
        number = np.cumsum(present) - 1
        ids = number[key]
        first = np.full(int(present.sum()), size, dtype=np.int64)
        np.minimum.at(first, ids, np.arange(size, dtype=np.int64))
        return ids, first
    _, first, ids = np.unique(key, return_index=True, return_inverse=True)
    return ids.astype(np.int64), first


def _column(
    values: list[object], rows: Any, kind: Any = None, order: Callable[[], Any] | None = None
) -> Any:
    """Per-result cells taken per row, as a pyarrow array of ``kind`` (or, for ``None``, typed
    as a pyarrow array of every row's cells would be); a dictionary column's texts in the
    order the rows first show them (``order()``: the results by their first row)."""
    import pyarrow as pa

    kind = arrow_type(kind, values)
    if kind is not None and pa.types.is_dictionary(kind):
        return label_array(values, rows, None if order is None else order())
    if kind is not None:
        if all(cell is None for cell in values):  # no row has a cell here: nothing to take
            return pa.nulls(len(rows), type=kind)
        return pa.array(arrow_cells(values, kind), type=kind).take(pa.array(rows))
    kinds = {type(cell) for cell in values if cell is not None}
    if len(kinds) > 1 or tuple in kinds:  # as Batch.to_arrow: a mixed column is text
        values = [None if cell is None else str(cell) for cell in values]
    if not kinds:
        return pa.nulls(len(rows))
    return pa.array(values).take(pa.array(rows))


def _money(cents: Any, valid: Any, kind: Any) -> Any:
    """A decimal column of cents (``kind``, a decimal128 with scale 2)."""
    import numpy as np
    import pyarrow as pa

    size = len(cents)
    if not valid.any():
        return pa.nulls(size, type=kind)
    data = np.empty((size, 2), dtype=np.int64)
    data[:, 0] = np.where(valid, cents, 0)
    data[:, 1] = data[:, 0] >> 63  # the high 64 bits of a two's complement 128-bit integer
    bits = None
    nulls = int(size - valid.sum())
    if nulls:
        bits = pa.py_buffer(np.packbits(valid, bitorder="little"))
    return pa.Array.from_buffers(kind, size, [bits, pa.py_buffer(data)], null_count=nulls)


class _Encoded:
    """A table's columns as Arrow encodes them: per column its codes (one per row) and its
    distinct cells (as Arrow values, and as Python values when first asked for)."""

    __slots__ = ("arrays", "codes", "dictionaries", "size", "sizes", "subjects", "values")

    def __init__(self, table: Any, positions: Sequence[int]) -> None:
        import numpy as np

        self.size: int = table.num_rows
        self.arrays = [one_array(table.column(at)) for at in range(table.num_columns)]
        self.codes: dict[int, Any] = {}
        self.dictionaries: dict[int, Any] = {}
        for at in positions:
            encoded = self.arrays[at].dictionary_encode(null_encoding="encode")
            self.codes[at] = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
            self.dictionaries[at] = encoded.dictionary
        self.values = _Cells(self.dictionaries)
        self.sizes = {at: len(dictionary) for at, dictionary in self.dictionaries.items()}
        self.subjects: dict[int, Employee | School | None] = {}

    def mark_removed(self, at: int, removed: frozenset[str]) -> None:
        """Add the column :data:`_REMOVED`: per row, which of the ``removed`` scales its scale
        (column ``at``) is, or 0 for any other scale or none. Only a removed scale changes a
        rule's result (its notes, or a refusal), so rows that differ only in other scales are
        grouped together, as the rows' memo keys them."""
        import numpy as np

        order = sorted(removed)
        other = len(order) + 1  # a cell that is no text stays apart (its check refused it)
        marks = [
            # a text cell is read without its spaces (" D11 " is D11), as the rows' key reads it
            1 + order.index(cell.strip())
            if type(cell) is str and cell.strip() in removed
            else 0
            if cell is None or type(cell) is str
            else other + code
            for code, cell in enumerate(self.values[at])
        ]
        self.codes[_REMOVED] = np.asarray(marks, dtype=np.int64)[self.codes[at]]
        self.sizes[_REMOVED] = max(marks, default=0) + 1

    def subject(self, shape: TableShape, row: int) -> Employee | School | None:
        """The subject of row ``row`` (``None``: its cells make none), made once: the rules
        evaluated in parts ask for the first row of their groups, often the same rows."""
        if row in self.subjects:
            return self.subjects[row]
        cells: list[object] = [None] * len(shape.columns)
        for at in shape.key:
            cells[at] = self.values.cell(at, self.codes[at][row])
        if shape.name is not None:
            cells[shape.name] = self.arrays[shape.name][row].as_py()
        try:
            found: Employee | School | None = shape.subject(cells)
        except InvalidInputError:
            found = None
        self.subjects[row] = found
        return found

    def given(self, at: int) -> Any:
        """Per row, 1 if its cell in column ``at`` is given (not empty, not missing), else 0."""
        import numpy as np

        given = np.array([TableShape.given(cell) for cell in self.values[at]], dtype=np.int64)
        return given[self.codes[at]]

    def ids(self, positions: Sequence[int]) -> tuple[Any, Any]:
        """Per row, the id of its cells at ``positions``, and per id its first row (see
        :func:`_ids`)."""
        codes = [self.codes[at] for at in positions]
        return _ids(codes, [self.sizes[at] for at in positions], self.size)


def arrow_table(
    table: Any,
    shape: TableShape,
    plan: Plan,
    rule_ids: Sequence[str],
    column_names: Sequence[str],
    types: Sequence[Any],
    caches: tuple[dict[Any, Any], dict[Any, Any], dict[Any, Any], dict[Any, Any]],
    evaluator: Callable[[Plan], Evaluate],
) -> Any | None:
    """The batch table of a pyarrow ``table`` under ``column_names``, or ``None`` when only
    reading its rows one by one will give it (see the module's docstring).

    ``types`` are the columns' pyarrow types (:func:`~onderwijsregels.cells.arrow_types`;
    ``None``: as the cells are). ``caches`` are the rulebook's checks of this table shape
    (independent cells, linked cells, werktijdfactors, cells read per column in Arrow);
    ``evaluator`` gives, for a plan, the function that evaluates one subject with it.
    """
    resolved = _resolve(table, shape, plan, rule_ids, caches, evaluator)
    if resolved is None:
        return None
    import numpy as np
    import pyarrow as pa

    read, found = resolved
    output: dict[str, Any] = {"index": pa.array(np.arange(read.size, dtype=np.int64))}
    for at, name in zip(shape.passthrough, shape.passthrough_columns, strict=True):
        output[name] = copied_column(read.arrays[at], name)  # copied as given
    output["error"] = pa.nulls(read.size, type=types[len(output)])
    for rule_id in rule_ids:
        results, position = found[rule_id]
        for part, suffix in enumerate(RULE_COLUMNS):
            name = f"{rule_id}.{suffix}" if suffix else rule_id
            column = results.column(1 + position * len(RULE_COLUMNS) + part, types[len(output)])
            if column is None:
                return None
            output[name] = column
    if tuple(output) != tuple(column_names):  # pragma: no cover - a defect of this module
        raise AssertionError(f"columns {tuple(output)} are not {tuple(column_names)}")
    return pa.table(output)


def _resolve(
    table: Any,
    shape: TableShape,
    plan: Plan,
    rule_ids: Sequence[str],
    caches: tuple[dict[Any, Any], dict[Any, Any], dict[Any, Any], dict[Any, Any]],
    evaluator: Callable[[Plan], Evaluate],
) -> tuple[_Encoded, dict[str, tuple[_Results, int]]] | None:
    """The table read and checked by column, and per rule its rows' results (and the rule's
    place among the rules of those results); ``None`` when only reading its rows one by one
    will give them."""
    try:
        import numpy  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:  # pragma: no cover - pyarrow brings numpy
        return None
    columns = shape.columns
    if (
        plan.reads is None
        or table.num_rows == 0
        or len(set(rule_ids)) != len(rule_ids)
        or table.num_columns != len(columns)
        or not readable(table)
    ):
        return None
    checked, linked_ok, numbers, parts = caches
    read = _Encoded(table, (*shape.key, *shape.blank))
    field = TRACED_FIELDS.get(Employee if shape.kind == "employee" else School)
    reads = set(plan.reads)
    number_at = next((at for at in shape.key if columns[at] == field and field in reads), None)
    # The werktijdfactor the rules read: each distinct cell read once, as an Employee reads it.
    number: tuple[_Exact, Any] | None = None
    if number_at is not None:
        number = _numbers(
            shape, read.dictionaries[number_at], read.values, number_at, numbers, parts
        )
        if number is None:
            return None  # a cell that does not fit: the rows' way reports it
    if not _cells_fit(shape, read, number_at, checked, linked_ok, parts):
        return None
    scale_at = next((at for at in shape.key if columns[at] == "scale"), None)
    if scale_at is not None and plan.removed_scales:
        read.mark_removed(scale_at, plan.removed_scales)
    found: dict[str, tuple[_Results, int]] = {}
    for grouped, at_number, ids in _parts_of(shape, plan, rule_ids, number_at):
        part = plan.part(ids)
        results = _Results.of(
            shape, part, ids, read, grouped, at_number, number, numbers, evaluator(part)
        )
        if results is None:
            return None
        for position, rule_id in enumerate(ids):
            found[rule_id] = (results, position)
    return read, found


def _parts_of(
    shape: TableShape, plan: Plan, rule_ids: Sequence[str], number_at: int | None
) -> list[tuple[list[int], int | None, tuple[str, ...]]]:
    """The rules in parts (:func:`~onderwijsregels.cells.rule_parts`), each with the columns
    its rows are grouped by (all it reads but the werktijdfactor) and the werktijdfactor's
    column if it reads it.

    A removed scale changes every rule's notes (and may refuse the employee), so where the
    plan's editions removed one, every part is grouped by whether (and which) removed scale a
    row has too (:meth:`_Encoded.mark_removed`), as the rows' memo key is.
    """
    columns = shape.columns
    scale_at = next((at for at in shape.key if columns[at] == "scale"), None)
    found = []
    for read, traced, ids in rule_parts(shape, plan, rule_ids, shape.key):
        grouped = list(read)
        if scale_at is not None and scale_at not in grouped and plan.removed_scales:
            grouped.append(_REMOVED)  # a removed scale makes its own group, as in the rows' key
        found.append((grouped, number_at if traced else None, ids))
    return found


def _cells_fit(
    shape: TableShape,
    read: _Encoded,
    number_at: int | None,
    checked: dict[Any, Any],
    linked_ok: dict[Any, Any],
    parts: dict[Any, Any],
) -> bool:
    """Whether every cell fits (the werktijdfactor the rules read is checked apart):
    empty cells under no column; each distinct cell of an independent column; each distinct
    combination of the cells checked together (per linked group: a registration's cells,
    the others, keyed apart from the rows' keys by the group); the names."""
    columns = shape.columns
    for at in shape.blank:  # a column without a name: its cells must be empty
        if any(cell not in (None, "") for cell in read.values[at]):
            return False
    for at in shape.key:
        if columns[at] not in INDEPENDENT or at == number_at:
            continue
        if not _independent_fit(shape, at, read.dictionaries[at], read.values, checked, parts):
            return False
    width = len(columns)
    for number, linked in enumerate(shape.linked_groups):
        present = shape.presence(linked)  # cells this group's check reads as given or not
        given = [read.given(at) for at in present]
        _, firsts = _ids(
            [*(read.codes[at] for at in linked), *given],
            [*(len(read.dictionaries[at]) for at in linked), *(2 for _ in present)],
            read.size,
        )
        keyed: list[list[object]] = [[number] * len(firsts)]
        for at in linked:
            keys = [cell_key(cell) for cell in read.values[at]]
            keyed.append([keys[code] for code in read.codes[at][firsts].tolist()])
        for flags in given:
            keyed.append([bool(flag) for flag in flags[firsts].tolist()])
        for place, together in enumerate(zip(*keyed, strict=True)):
            fits = linked_ok.get(together)
            if fits is None:
                combination: list[object] = [None] * width
                for at in (*linked, *present):
                    combination[at] = read.values[at][read.codes[at][firsts[place]]]
                fits = shape.linked_fit(combination, linked)
                remember(linked_ok, together, fits)
            if not fits:
                return False
    return shape.name is None or _names_fit(read.arrays[shape.name], shape, width)


class _Results:
    """Every row's cells: per row the result it has (``rows``: an index into ``cells``), and
    per value cell of a traced money rule the cents replayed for the rows of its groups."""

    __slots__ = (
        "apart",
        "by_first_row",
        "cells",
        "group",
        "groups",
        "number_code",
        "replayed",
        "rows",
    )

    def __init__(self) -> None:
        self.cells: list[Cells] = []
        self.rows: Any = None
        self.group: Any = None
        self.groups = 0
        self.apart: Any = None  # rows worked out one distinct werktijdfactor at a time
        self.number_code: Any = None
        self.replayed: dict[int, tuple[Any, Any]] = {}  # value cell -> (groups, cents table)
        self.by_first_row: Any = None  # the results some row has, by the first such row

    @classmethod
    def of(
        cls,
        shape: TableShape,
        plan: Plan,
        rule_ids: Sequence[str],
        read: _Encoded,
        grouped: Sequence[int],
        number_at: int | None,
        number: tuple[_Exact, Any] | None,
        numbers: dict[object, Decimal | None],
        evaluate: Evaluate,
    ) -> _Results | None:
        """One evaluation per group of rows that agree on the cells the rules read but the
        werktijdfactor; the traced money values of a group replayed over every distinct
        werktijdfactor in integers; the rest worked out once per distinct werktijdfactor of a
        group (replayed in Decimal, or evaluated). ``None``: a row cannot be evaluated."""
        import numpy as np

        def evaluated(row: int) -> tuple[Evaluation, Cells] | None:
            subject = read.subject(shape, row)
            if subject is None:
                return None
            result = evaluate(subject)
            return None if result is None else (result, cells_of_result(result, rule_ids))

        found = cls()
        found.group, firsts = read.ids(grouped)
        found.groups = count = len(firsts)
        distinct = len(read.dictionaries[number_at]) if number_at is not None else 1
        template = np.zeros(count, dtype=np.int64)
        by_number = np.zeros(count, dtype=bool)  # the group's rows differ per werktijdfactor
        vectored = np.zeros(count, dtype=bool)  # its money values replayed in integers
        made_groups: dict[int, Group] = {}
        replayed: dict[int, dict[int, Any]] = {}  # value cell -> group -> cents per number
        alone = np.bincount(found.group, minlength=count) == 1
        for place, row in enumerate(firsts.tolist()):
            first = evaluated(row)
            if first is None:
                return None
            result, cells = first
            template[place] = len(found.cells)
            found.cells.append(cells)
            if number_at is None or alone[place]:
                continue  # every row of the group has the first row's cells
            by_number[place] = True
            made = Group.of(plan, result, rule_ids, cells)
            if made is None:
                continue  # evaluated per distinct werktijdfactor below
            made_groups[place] = made
            if number is None or len(made.traced) * count * distinct > _TABLE_CELLS:
                continue  # replayed per distinct werktijdfactor below
            try:
                for check in made.checks:
                    _checked_only(check, number[0])
                cents = [(at, _replayed(one, number[0], distinct)) for at, one in made.traced]
            except _Unsupported:
                continue
            for at, values_cents in cents:
                replayed.setdefault(at, {})[place] = values_cents
            by_number[place], vectored[place] = False, True
        found.rows = template[found.group]
        apart = by_number[found.group]
        if number_at is not None:
            assert number is not None
            found.number_code = code = read.codes[number_at]
            if not number[1].all():  # a werktijdfactor with too many decimals for integers
                apart |= vectored[found.group] & ~number[1][code]
        found.apart = apart
        for at, per_group in replayed.items():
            table_cents = np.zeros((count, distinct), dtype=np.int64)
            mine = np.zeros(count, dtype=bool)
            for place, values_cents in per_group.items():
                table_cents[place], mine[place] = values_cents, True
            found.replayed[at] = (mine, table_cents)
        rows = np.flatnonzero(apart)
        if not len(rows):
            return found
        assert number_at is not None
        pair, firsts_apart = _ids(
            [found.group[rows], found.number_code[rows]], [count, distinct], len(rows)
        )
        found.rows[rows] = len(found.cells) + pair
        for row in rows[firsts_apart].tolist():
            made_group = made_groups.get(int(found.group[row]))
            cells_now = None
            if made_group is not None:  # the group's trace replayed in Decimal, as the rows do
                cell = read.values.cell(number_at, found.number_code[row])
                key = cell if type(cell) is str else cell_key(cell)
                werktijdfactor = werktijdfactor_of(shape, cell, key, numbers)
                cells_now = made_group.cells(werktijdfactor)
            if cells_now is None:
                alone_now = evaluated(row)
                if alone_now is None:
                    return None
                cells_now = alone_now[1]
            found.cells.append(cells_now)
        return found

    def order(self) -> Any:
        """The results some row has, in the order of the first row that has each (worked out
        once): a dictionary column then lists its texts as the rows read one by one do."""
        import numpy as np

        if self.by_first_row is None:
            size = len(self.rows)
            first = np.full(len(self.cells), size, dtype=np.int64)
            np.minimum.at(first, self.rows, np.arange(size, dtype=np.int64))
            used = np.flatnonzero(first < size)
            self.by_first_row = used[np.argsort(first[used], kind="stable")]
        return self.by_first_row

    def column(self, at: int, kind: Any) -> Any | None:
        """The column of the cells at ``at`` (of :data:`RULE_COLUMNS`' place), as ``kind``;
        ``None`` if its money values are not all cents (then the rows' way)."""
        import numpy as np

        cells = [found[at] for found in self.cells]
        if at not in self.replayed:
            return _column(cells, self.rows, kind, self.order)
        money = _money_cents(cells)
        if money is None:
            return None
        mine, table_cents = self.replayed[at]
        here = mine[self.group] & ~self.apart
        cents = np.where(here, table_cents[self.group, self.number_code], money[0][self.rows])
        return _money(cents, here | money[1][self.rows], kind)


_SINGLE = 64
"""Cells of a column read one at a time before the whole column is converted to Python."""


class _Cells:
    """Each column's distinct cells as Python values, converted when first asked for."""

    def __init__(self, dictionaries: dict[int, Any]) -> None:
        self._dictionaries = dictionaries
        self._values: dict[int, list[object]] = {}
        self._singles: dict[int, int] = {}

    def __getitem__(self, at: int) -> list[object]:
        found = self._values.get(at)
        if found is None:
            found = self._values[at] = self._dictionaries[at].to_pylist()
        return found

    def some(self, at: int, codes: list[int]) -> Iterator[tuple[int, object]]:
        """The distinct cells of column ``at`` at ``codes``, each with its code: read one at a
        time for a few (:meth:`cell`), from the whole column converted for more."""
        if len(codes) > _SINGLE:
            cells = self[at]
            return ((code, cells[code]) for code in codes)
        return ((code, self.cell(at, code)) for code in codes)

    def cell(self, at: int, code: int) -> object:
        """One distinct cell of column ``at``, without converting the others (after
        :data:`_SINGLE` such reads of a column, the whole column is converted)."""
        found = self._values.get(at)
        if found is not None:
            return found[code]
        read = self._singles[at] = self._singles.get(at, 0) + 1
        if read > _SINGLE:
            return self[at][code]
        return self._dictionaries[at][code].as_py()


def _known(parts: dict[Any, Any], name: str, at: int, dictionary: Any) -> tuple[Any, Any] | None:
    """The cells of this column (and Arrow type) already read, and where each of
    ``dictionary``'s cells is among them (null: not read yet)."""
    import pyarrow.compute as pc

    known = parts.get((name, at, str(dictionary.type)))
    if known is None or len(known[0]) == 0:
        return None
    return known, pc.index_in(dictionary, value_set=known[0])


def _remember_cells(
    parts: dict[Any, Any], name: str, at: int, dictionary: Any, new: Any, *more: Any
) -> None:
    """Add ``dictionary``'s cells at positions ``new`` (with their ``more`` columns) to what
    this column has read; past MEMO_ENTRIES it starts afresh, as the other caches do."""
    import numpy as np
    import pyarrow as pa

    key = (name, at, str(dictionary.type))
    cells = dictionary.take(pa.array(new, pa.int64()))
    known = parts.get(key)
    if known is None or len(known[0]) + len(cells) > MEMO_ENTRIES:
        parts[key] = (cells, *more)
        return
    joined = pa.concat_arrays([known[0], cells])
    parts[key] = (
        joined,
        *(np.concatenate([old, add]) for old, add in zip(known[1:], more, strict=True)),
    )


_PLAIN_FACTOR = r"^(?:0\.[0-9]{1,12}|1(?:\.0{1,12})?)$"
"""A werktijdfactor written plainly: ``0.`` and one to twelve decimals, or ``1`` (``1.0``,
``1.00``, ...). Read as an Employee reads it (stripped of nothing, a Decimal of that text),
each is a number in [0, 1] with at most twelve decimals; with a digit other than 0 it is in
(0, 1], so it fits."""

_PLAIN_ZERO = r"^0\.0+$"

_PLAIN_DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
"""A day written as ``YYYY-MM-DD``, which :func:`~onderwijsregels.convert.parse_day` reads."""


def _texts(dictionary: Any, places: Any) -> Any | None:
    """The cells of a text ``dictionary`` at ``places``; ``None`` for any other type."""
    import pyarrow as pa

    kinds = pa.types
    if not (kinds.is_string(dictionary.type) or kinds.is_large_string(dictionary.type)):
        return None
    return dictionary.take(pa.array(places, pa.int64()))


def _plain_factors(dictionary: Any, places: Any) -> tuple[Any, Any, Any]:
    """Of the cells of ``dictionary`` at ``places``, which are werktijdfactors written plainly
    (:data:`_PLAIN_FACTOR`, not all zeros), with their coefficients and exponents as the
    Decimal of the text has them (``"0.50"``: 50 and -2; ``"1"``: 1 and 0). Found in Arrow,
    for every cell at once; these cells fit, as the rows' check would find one by one (a
    property test holds both ways to it). Any other cell (spaces, a decimal comma, ``.5``, an
    exponent, another type) is left to that check."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    size = len(places)
    coefficients = np.zeros(size, dtype=np.int64)
    exponents = np.zeros(size, dtype=np.int64)
    cells = _texts(dictionary, places)
    if cells is None:
        return np.zeros(size, dtype=bool), coefficients, exponents
    plain = pc.and_(
        pc.match_substring_regex(cells, _PLAIN_FACTOR),
        pc.invert(pc.match_substring_regex(cells, _PLAIN_ZERO)),
    )
    mask = plain.fill_null(False).to_numpy(zero_copy_only=False)
    if mask.any():
        chosen = cells.filter(plain.fill_null(False))
        written = pc.cast(pc.replace_substring(chosen, ".", ""), pa.int64())
        coefficients[mask] = written.to_numpy(zero_copy_only=False)
        decimals = pc.utf8_length(chosen).to_numpy(zero_copy_only=False).astype(np.int64) - 2
        exponents[mask] = -np.maximum(decimals, 0)  # "1" alone has none
    return mask, coefficients, exponents


def _plain_days(dictionary: Any, places: Any) -> Any:
    """Of the cells of ``dictionary`` at ``places``, which are days written plainly
    (:data:`_PLAIN_DAY`) from 1900-01-01 to 2999-12-31 (the range
    :func:`~onderwijsregels.convert.check_day` accepts: written so, text order is day order)
    that name a day of the calendar (Arrow reads the text as a day and writes it back the
    same). These cells fit; any other is left to the rows' check."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from onderwijsregels.limits import FIRST_DAY, LAST_DAY

    cells = _texts(dictionary, places)
    if cells is None:
        return np.zeros(len(places), dtype=bool)
    plain = pc.and_(
        pc.match_substring_regex(cells, _PLAIN_DAY),
        pc.and_(
            pc.greater_equal(cells, pa.scalar(FIRST_DAY.isoformat())),
            pc.less_equal(cells, pa.scalar(LAST_DAY.isoformat())),
        ),
    ).fill_null(False)
    mask = plain.to_numpy(zero_copy_only=False)
    if mask.any():
        chosen = cells.filter(plain)
        read = pc.strptime(chosen, format="%Y-%m-%d", unit="s", error_is_null=True)
        again = pc.cast(pc.cast(read, pa.date32()), pa.string())  # ISO: YYYY-MM-DD
        mask[mask] = pc.equal(again, chosen).fill_null(False).to_numpy(zero_copy_only=False)
    return mask


def _independent_fit(
    shape: TableShape,
    at: int,
    dictionary: Any,
    values: _Cells,
    checked: dict[Any, Any],
    parts: dict[Any, Any],
) -> bool:
    """Whether every distinct cell of an independent column fits; a cell this rulebook has
    seen fit in a column of this type is found in Arrow, any other is checked (once)."""
    import numpy as np

    found = _known(parts, "fits", at, dictionary)
    if found is None:
        unknown = np.arange(len(dictionary))
    else:
        unknown = np.flatnonzero(found[1].is_null().to_numpy(zero_copy_only=False))
    if not len(unknown):
        return True
    column = shape.columns[at]
    plain = (
        _plain_days(dictionary, unknown)
        if column == "birth_date"
        else _plain_factors(dictionary, unknown)[0]
        if column == "werktijdfactor"
        else np.zeros(len(unknown), dtype=bool)
    )
    others = unknown[~plain]
    if len(others):
        for _, cell in values.some(at, others.tolist()):
            fits = checked.get((at, cell if type(cell) is str else cell_key(cell)))
            if fits is None:
                fits = cell_fits(shape, at, cell, checked)
            if not fits:
                return False
        nulls = np.flatnonzero(dictionary.is_null().to_numpy(zero_copy_only=False))
        if len(nulls):  # a missing cell is looked up by the rows' cache, never in Arrow
            unknown = np.setdiff1d(unknown, nulls)
    _remember_cells(parts, "fits", at, dictionary, unknown)
    return True


def _money_cents(column: list[object]) -> tuple[Any, Any] | None:
    """Per result, its money value in cents and whether it has one; ``None`` if a value is
    not money rounded to cents."""
    import numpy as np

    cents = np.zeros(len(column), dtype=np.int64)
    valid = np.zeros(len(column), dtype=bool)
    for place, cell in enumerate(column):
        if cell is None:
            continue
        if type(cell) is not Decimal or cell.as_tuple().exponent != -2:
            return None
        number = int(cell.scaleb(2))
        if abs(number) >= _LIMIT:
            return None
        cents[place], valid[place] = number, True
    return cents, valid


_DECIMALS = 12
"""A werktijdfactor with at most this many decimals is replayed in integers (its
coefficient is then below 10**12, which leaves room for the rule's constants); one with
more is worked out the rows' way."""


def _numbers(
    shape: TableShape,
    dictionary: Any,
    values: _Cells,
    at: int,
    numbers: dict[object, Decimal | None],
    parts: dict[Any, Any],
) -> tuple[_Exact, Any] | None:
    """Every distinct werktijdfactor of the table as an Employee reads it, as one column of
    integers at one exponent, and which of them that column holds exactly (at most
    :data:`_DECIMALS` decimals; the others are worked out one at a time); ``None`` if a cell
    does not fit (an Employee refuses it: the rows' way reports it).

    Each distinct cell is read once per rulebook: ``numbers`` remembers its number (as the
    rows' way does), ``parts`` the cells read per column and type with their coefficients and
    exponents (0 and 1 for one with too many decimals), found again in Arrow.
    """
    import numpy as np

    size = len(dictionary)
    coefficients = np.zeros(size, dtype=np.int64)
    exponents = np.zeros(size, dtype=np.int64)
    found = _known(parts, "numbers", at, dictionary)
    if found is None:
        unknown = np.arange(size)
    else:
        (_, known_coefficients, known_exponents), where = found
        missing = where.is_null().to_numpy(zero_copy_only=False)
        index = where.fill_null(0).to_numpy(zero_copy_only=False)
        coefficients = np.where(missing, 0, known_coefficients[index])
        exponents = np.where(missing, 0, known_exponents[index])
        unknown = np.flatnonzero(missing)
    if len(unknown):
        plain, plain_coefficients, plain_exponents = _plain_factors(dictionary, unknown)
        coefficients[unknown[plain]] = plain_coefficients[plain]
        exponents[unknown[plain]] = plain_exponents[plain]
        others = unknown[~plain]
        for place, cell in values.some(at, others.tolist()):
            key = cell if type(cell) is str else cell_key(cell)
            number = werktijdfactor_of(shape, cell, key, numbers)
            if number is None:
                return None
            exponent = number.as_tuple().exponent
            if not isinstance(exponent, int) or not -_DECIMALS <= exponent <= 0:
                exponents[place] = 1  # not held: worked out one at a time
                continue
            exact = _constant(number)  # at most 12 decimals and at most 1: always fits
            coefficients[place], exponents[place] = exact.coefficient, exact.exponent
        _remember_cells(
            parts,
            "numbers",
            at,
            dictionary,
            unknown,
            coefficients[unknown],
            exponents[unknown],
        )
    usable = exponents <= 0
    if not usable.any():
        return _Exact(coefficients, 0, 0), usable
    exponent = int(exponents[usable].min())
    shifts = np.where(usable, exponents - exponent, 0)
    scaled = np.where(usable, coefficients * (10 ** shifts.astype(np.int64)), 0)
    return _Exact(scaled, exponent, int(np.abs(scaled).max())), usable


def _names_fit(names: Any, shape: TableShape, width: int) -> bool:
    """Whether every name cell surely passes the subject's check (as ``TableShape.name_fits``);
    a text that starts with an ASCII letter or digit does (read from Arrow's buffers), any
    other distinct cell (empty, missing, starting with a space or another character) is
    asked."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    kinds = pa.types
    if kinds.is_null(names.type):
        return True
    if not (kinds.is_string(names.type) or kinds.is_large_string(names.type)):
        return False
    _, offsets_buffer, data_buffer = names.buffers()
    offset_type = np.int64 if kinds.is_large_string(names.type) else np.int32
    offsets = np.frombuffer(offsets_buffer, dtype=offset_type)[
        names.offset : names.offset + len(names) + 1
    ]
    data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer is not None else None
    if data is None or not len(data):
        plain = np.zeros(len(names), dtype=bool)
    else:
        first = data[np.minimum(offsets[:-1], len(data) - 1)]
        plain = (np.diff(offsets) > 0) & (
            ((first >= 0x30) & (first <= 0x39))  # 0-9
            | ((first >= 0x41) & (first <= 0x5A))  # A-Z
            | ((first >= 0x61) & (first <= 0x7A))  # a-z
        )
    if names.null_count:
        plain &= names.is_valid().to_numpy(zero_copy_only=False)
    others = names.filter(pa.array(~plain))
    cells: list[object] = [None] * width
    for name in pc.unique(others).to_pylist():
        cells[shape.name] = name  # type: ignore[index]
        if not shape.name_fits(cells):
            return False
    return True
