"""The cells of a batch table: one result as the cells of its row, and what rows share.

A batch table (:meth:`Batch.rows <onderwijsregels.batch.Batch.rows>`, the
frames) has, per rule, the columns of :data:`RULE_COLUMNS`. :func:`rule_cells`
gives one evaluation's cells; :class:`Group` gives the cells of rows that differ
only in their werktijdfactor from one evaluation and the rules' traces. Both the
row-by-row reading of a table (:mod:`onderwijsregels.batch`) and the columnar one
(:mod:`onderwijsregels.columnar`) make their cells here, so they cannot differ.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from onderwijsregels.columns import TableShape
from onderwijsregels.errors import InvalidInputError
from onderwijsregels.evaluate import Evaluation, NotEncodedResult, Outcome
from onderwijsregels.limits import MEMO_ENTRIES
from onderwijsregels.model import Employee, School
from onderwijsregels.plan import Plan, RecordError
from onderwijsregels.rules import Computation, Unit
from onderwijsregels.tracing import TRACED_FIELDS, Trace

__all__ = [
    "HOURS",
    "RULE_COLUMNS",
    "Cells",
    "Group",
    "absent",
    "arrow_cells",
    "arrow_type",
    "arrow_types",
    "cell_fits",
    "cell_key",
    "copied_column",
    "label_array",
    "labels",
    "missing_reason",
    "remember",
    "rule_cells",
    "text_cells",
    "werktijdfactor_of",
]

Result = Evaluation | RecordError
Cells = tuple[object, ...]

RULE_COLUMNS: tuple[str, ...] = (
    "",
    "status",
    "unit",
    "edition",
    "confidence",
    "citation",
    "reason",
    "interpretation",
    "notes",
)
"""The columns of each rule in a batch table: ``R`` (the value), then ``R.status``
(``ok``, ``not_applicable`` or ``not_encoded``), ``R.unit``, ``R.edition``,
``R.confidence``, ``R.citation`` (the primary citation's reference), ``R.reason``
(why a rule gave no value), ``R.interpretation`` (the summaries of our readings the value
rests on, joined by ``; ``: not law) and ``R.notes`` (the outcome's notes, joined by ``; ``:
a provisional agreement, a removed scale still accepted, how a period was counted)."""


def rule_cells(result: Result, rule_ids: Sequence[str]) -> Cells:
    """The ``error`` cell and every rule's cells of one result, in column order."""
    if isinstance(result, RecordError):
        error = "; ".join(f"{field}: {why}" if field else why for field, why in result.problems)
        return (error, *([None] * (len(rule_ids) * len(RULE_COLUMNS))))
    found: dict[str, tuple[object, ...]] = {}
    for outcome in result.outcomes:
        found[outcome.rule_id] = outcome_cells(outcome)
    for skipped in result.not_applicable:
        found[skipped.rule_id] = (None, "not_applicable", None, skipped.edition)
        found[skipped.rule_id] += (None, None, skipped.reason, None, None)
    for missing in result.not_encoded:
        found[missing.rule_id] = (None, "not_encoded", None, missing.edition)
        found[missing.rule_id] += (None, None, missing_reason(missing), None, None)
    cells: list[object] = [None]
    for rule_id in rule_ids:
        cells.extend(found.get(rule_id, (None,) * len(RULE_COLUMNS)))
    return tuple(cells)


def missing_reason(missing: NotEncodedResult) -> str:
    """The ``R.reason`` cell of a value not encoded: its reason, and the parameter an edition
    plugin can supply the value under (as :class:`~onderwijsregels.errors.NotEncodedError`
    names it)."""
    if missing.parameter is None:
        return missing.reason
    return f"{missing.reason} (parameter {missing.parameter!r})"


def outcome_cells(outcome: Outcome) -> tuple[object, ...]:
    """An outcome's cells (see :data:`RULE_COLUMNS`)."""
    return (
        outcome.value,
        "ok",
        outcome.unit.value,
        outcome.edition.id,
        outcome.confidence.value,
        outcome.citation.reference,
        None,
        "; ".join([reading.summary for reading in outcome.interpretations]) or None,
        "; ".join(outcome.notes) or None,
    )


class Group:
    """Rows that differ only in the werktijdfactor: their cells, but for the traced values."""

    __slots__ = ("cells_template", "checks", "traced", "uses")

    def __init__(
        self,
        template: Cells,
        traced: tuple[tuple[int, Trace], ...],
        uses: tuple[Any, ...],
        checks: tuple[Trace, ...] = (),
    ) -> None:
        self.cells_template = template
        self.traced = traced  # (the value cell's place, the trace) per rule that reads it
        self.uses = uses
        self.checks = checks  # traces of rules without a value whose arithmetic must replay

    @classmethod
    def of(
        cls, plan: Plan, result: Evaluation, rule_ids: Sequence[str], cells: Cells
    ) -> Group | None:
        """The group of ``result``'s subject; ``None`` when only running the plan will do."""
        traces = plan.traces_for(result.subject)
        if traces is None:
            return None
        traced: list[tuple[int, Trace]] = []
        checks: list[Trace] = []
        uses: list[Any] = []
        uses_by_edition = {use.edition.id: use for use in result.editions}
        for rule_id, found in zip(plan.rule_ids, traces, strict=True):
            if found is None:
                continue  # its cells do not change with the werktijdfactor
            if not isinstance(found.found, Computation):
                if len(found.tape):  # the same cells, once its arithmetic is replayed
                    checks.append(found)
                continue
            place = 1 + rule_ids.index(rule_id) * len(RULE_COLUMNS)
            if cells[place + 1] != "ok":
                return None
            use = uses_by_edition.get(str(cells[place + 3]))
            if use is None:
                return None
            traced.append((place, found))
            uses.append(use)
        return cls(cells, tuple(traced), tuple(uses), tuple(checks))

    def cells(self, number: Decimal | None) -> Cells | None:
        """The cells of a row with werktijdfactor ``number``; ``None``: evaluate the row."""
        if number is None:
            return None
        if not all(check.replays(number) for check in self.checks):
            return None
        if not self.traced:
            return self.cells_template
        found = list(self.cells_template)
        for (place, trace), use in zip(self.traced, self.uses, strict=True):
            value = trace.value(number, use)
            if value is None:
                return None
            found[place] = value
        return tuple(found)


def rule_parts(
    shape: TableShape, plan: Plan, rule_ids: Sequence[str], within: Sequence[int]
) -> list[tuple[tuple[int, ...], bool, tuple[str, ...]]]:
    """The rules in parts that read the same columns (a rule that reads the traced field, the
    werktijdfactor, a part of its own): per part, the columns of ``within`` (positions in the
    table) it reads but the traced field's, whether it reads the traced field, and its rules
    in ``rule_ids`` order.

    Each rule's result depends on the fields it reads alone (:meth:`Plan.part
    <onderwijsregels.plan.Plan.part>`), so a table evaluates a part once per distinct
    combination of its columns: a rule that reads only the function once per function, however
    many birth dates the table holds. A removed scale changes every rule's notes: the caller
    keys every part by it as well.
    """
    columns = shape.columns
    field = TRACED_FIELDS.get(Employee if shape.kind == "employee" else School)
    reads_of = dict(zip(plan.rule_ids, plan.rule_reads, strict=True))
    parts: dict[tuple[tuple[int, ...], bool, str | None], list[str]] = {}
    for rule_id in rule_ids:
        declared = reads_of[rule_id]
        # a rule that does not declare what it reads may read anything: all of ``within``
        reads = {column.split(".")[0] for column in columns} if declared is None else set(declared)
        traced = field in reads
        read = tuple(
            at for at in within if columns[at].split(".")[0] in reads and columns[at] != field
        )
        # A rule that reads the werktijdfactor is a part of its own: its groups are replayed
        # over the werktijdfactors if it can be, whatever the others can.
        parts.setdefault((read, traced, rule_id if traced else None), []).append(rule_id)
    return [(read, traced, tuple(ids)) for (read, traced, _), ids in parts.items()]


def cell_key(value: object) -> object:
    """A cell as a cache key: a text as it is; any other value with its type and its digits.

    Python finds ``Decimal("0.5")``, ``Decimal("0.50")``, ``0.5`` and ``True == 1`` equal, but a
    float must be refused, a bool is no number, and ``0.50`` shows its digits in an exact value:
    such cells must not share a check or a result.
    """
    if type(value) is str or value is None:
        return value
    try:
        return (type(value), str(value))
    except Exception:  # an object whose text fails: it shares with nothing
        return (type(value), id(value))


def remember(cache: dict[Any, Any], key: object, value: object, limit: int = MEMO_ENTRIES) -> None:
    """Remember ``value`` under ``key``; past ``limit`` entries (:data:`MEMO_ENTRIES`) the
    cache starts afresh."""
    if len(cache) >= limit:
        cache.clear()
    cache[key] = value


def cell_fits(
    shape: TableShape, at: int, value: object, checked: dict[tuple[int, object], bool]
) -> bool:
    """Whether one cell of an independent column (see
    :data:`~onderwijsregels.columns.INDEPENDENT`) fits, checking each distinct cell once
    (``checked`` remembers them, keyed by column and :func:`cell_key`)."""
    key = (at, cell_key(value))
    found = checked.get(key)
    if found is None:
        try:
            shape.check(shape.columns[at], value)
            found = True
        except InvalidInputError:
            found = False
        remember(checked, key, found)
    return found


def arrow_types(
    units: Sequence[Unit], passthrough: Sequence[str], *, dictionary: bool = False
) -> list[Any]:
    """The pyarrow type of each column of a batch table (:attr:`Batch.columns
    <onderwijsregels.batch.Batch.columns>` order), ``None`` where the cells decide.

    The types follow from the rules' units, never from the rows, so the tables of two
    batches (two years, two partitions) concatenate: ``index`` int64; ``name`` text, any other
    copied column as its cells are (``None``; a table from Arrow keeps its column as given);
    ``error`` and every rule's status, unit, edition, confidence, citation, reason,
    interpretation and notes text; a value money ``decimal128(38, 2)`` (rounded to cents),
    years and points int64, yes/no bool, a date date32, a text string, and hours
    ``decimal128(38, 10)``: hours are exact, so a column whose cells need more decimals (a
    werktijdfactor with more than about six) gets as many as they need (:data:`HOURS`, made
    a type by :func:`arrow_type`).

    With ``dictionary``, ``error`` and every rule's status, unit, edition, confidence,
    citation, reason, interpretation and notes are :func:`labels` (dictionary-encoded text)
    instead.
    """
    import pyarrow as pa

    text = pa.string()
    label = labels() if dictionary else text
    found: list[Any] = [pa.int64(), *(text if name == "name" else None for name in passthrough)]
    found.append(label)
    for unit in units:
        found.append(_value_type(unit))
        found.extend([label] * (len(RULE_COLUMNS) - 1))
    return found


def labels() -> Any:
    """The pyarrow type of a batch table's label columns (``error``, and each rule's status,
    unit, edition, confidence, citation, reason, interpretation and notes) made with
    ``dictionary=True``: ``dictionary<values=string, indices=int32>``. A few distinct texts repeated over every row
    are kept once (a pandas ``category``, a polars ``Categorical``)."""
    import pyarrow as pa

    return pa.dictionary(pa.int32(), pa.string())


def label_array(cells: Sequence[object], rows: Any = None, order: Any = None) -> Any:
    """A :func:`labels` column of ``cells`` (texts or ``None``; each distinct text once in
    the dictionary, in the order the rows first show it), taken at ``rows`` (an integer numpy
    array) when given; ``order`` then lists the cells the rows use, in the order of the first
    row that uses each, so the dictionary is the one the rows read one by one make."""
    import numpy as np
    import pyarrow as pa

    codes: dict[object, int] = {}
    texts = text_cells(cells)
    if order is None:
        found = (-1 if text is None else codes.setdefault(text, len(codes)) for text in texts)
    else:
        for place in order.tolist():
            text = texts[place]
            if text is not None:
                codes.setdefault(text, len(codes))
        found = (-1 if text is None else codes.get(text, -1) for text in texts)
    mapped = np.fromiter(found, dtype=np.int32, count=len(cells))
    if rows is not None:
        mapped = mapped[rows]
    return pa.DictionaryArray.from_arrays(
        pa.array(mapped, mask=mapped < 0), pa.array(list(codes), pa.string())
    )


def text_cells(cells: Sequence[object]) -> Sequence[object]:
    """``cells`` as texts (a tuple of texts joined by ``; ``), ``None`` kept."""
    return cells if set(map(type, cells)) <= _TEXTS else [_text(cell) for cell in cells]


HOURS = "hours"
"""The type of an hours column before its cells are seen (see :func:`arrow_type`)."""

_HOURS_SCALE = 10


def arrow_type(kind: Any, cells: Sequence[object]) -> Any:
    """``kind`` from :func:`arrow_types` for a column of ``cells``: :data:`HOURS` becomes
    ``decimal128(38, 10)``, or with more decimals if a cell needs them (``None``, as the
    cells are, if no decimal128 holds them); any other kind as it is."""
    if kind != HOURS:
        return kind
    import pyarrow as pa

    scale, whole = _HOURS_SCALE, 1
    for cell in cells:
        if isinstance(cell, Decimal) and cell.is_finite():
            _, digits, exponent = cell.as_tuple()
            assert isinstance(exponent, int)
            scale = max(scale, -exponent)
            whole = max(whole, len(digits) + exponent)
    if scale + whole > 38:
        return None
    return pa.decimal128(38, scale)


def _value_type(unit: Unit) -> Any:
    import pyarrow as pa

    if unit.is_money:
        return pa.decimal128(38, 2)
    if unit in (Unit.UUR_PER_WERKWEEK, Unit.UUR_PER_KALENDERJAAR):
        return HOURS
    return {
        Unit.JAREN: pa.int64(),
        Unit.PUNTEN: pa.int64(),
        Unit.JA_NEE: pa.bool_(),
        Unit.DATUM: pa.date32(),
        Unit.TEKST: pa.string(),
    }.get(unit)


def arrow_cells(cells: Sequence[object], kind: Any) -> Sequence[object]:
    """A column's cells as pyarrow reads them into ``kind``: a text column's values as text
    (a tuple of texts joined by ``; ``), any other as they are."""
    import pyarrow as pa

    if kind is None or kind != pa.string():
        return cells
    return text_cells(cells)


_TEXTS = frozenset({str, type(None)})


def _text(cell: object) -> str | None:
    if cell is None or type(cell) is str:
        return cell
    if isinstance(cell, tuple):
        return "; ".join(str(item) for item in cell)
    return str(cell)


def copied_column(array: Any, name: str) -> Any:
    """A copied column of an Arrow input as the output has it: as given, but ``name`` as text
    (a name is a text; an all-empty name column, which Arrow types as null, is text too)."""
    import pyarrow as pa

    if name != "name" or pa.types.is_string(array.type):
        return array
    try:
        return array.cast(pa.string())
    except (pa.ArrowException, NotImplementedError):  # no cast to text: each cell's text
        return pa.array([_text(cell) for cell in array.to_pylist()], pa.string())


def absent(cell: object) -> bool:
    """Whether a copied cell is a missing value of a typed table (None, NaN, pandas' NA or
    NaT): written as an empty cell, never as the text ``nan``."""
    if cell is None:
        return True
    if isinstance(cell, float):
        return cell != cell
    return type(cell).__name__ in ("NAType", "NaTType")


def werktijdfactor_of(
    shape: TableShape, cell: object, key: object, numbers: dict[object, Decimal | None]
) -> Decimal | None:
    """The werktijdfactor an Employee reads from ``cell`` (checked as it checks it, once per
    distinct cell: ``numbers`` remembers it under ``key``, the cell's key); ``None`` if it
    does not give one."""
    if key in numbers:
        return numbers[key]
    try:
        found: Decimal | None = shape.werktijdfactor(cell)
    except InvalidInputError:
        found = None
    remember(numbers, key, found)
    return found
