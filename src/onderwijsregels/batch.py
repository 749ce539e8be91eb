"""Batch evaluation: many subjects in one period, in input order, as evaluations or a table.

:meth:`Rulebook.evaluate_many <onderwijsregels.rulebook.Rulebook.evaluate_many>`
takes any iterable of employees or schools, or a
columnar table (a mapping of column name to cells, a pandas or polars
DataFrame, a pyarrow Table: see :mod:`onderwijsregels.columns` for the
columns), and gives a :class:`Batch`:

- iterate it for one :class:`~onderwijsregels.evaluate.Evaluation` per
  subject, in input order, streamed: an iterator of a million employees is
  never held in memory. Each evaluation is complete (values, units,
  editions, confidence, citations, notes) and explains itself
  (:meth:`~onderwijsregels.evaluate.Evaluation.explain`): the steps were kept
  when the rule ran, so nothing is recomputed;
- or ask for a table: :meth:`Batch.rows` (streamed tuples under
  :attr:`Batch.columns`), :meth:`Batch.to_records`, :meth:`Batch.to_rows`,
  or a frame (:meth:`Batch.to_pandas`, :meth:`Batch.to_polars`,
  :meth:`Batch.to_arrow`) with one column per rule value and, per rule, its
  status, unit, edition, confidence and citation.

It is fast because a rule is a pure function of the subject fields it
declares (``reads=``, enforced) and of its edition: subjects that agree on
those fields share one outcome, worked out once (see
:class:`~onderwijsregels.plan.Plan`), and rows of a table that agree on
every read cell share one evaluation. There is one definition of each rule;
nothing is vectorised by hand.

A subject that cannot be evaluated (a bad cell, a removed scale) raises an
:class:`~onderwijsregels.errors.InvalidInputError` naming its row and field
(``errors="raise"``, the default), or, with ``errors="collect"``, yields a
:class:`~onderwijsregels.plan.RecordError` and fills the row's ``error``
column, so no row is ever dropped silently.

>>> import onderwijsregels as owr
>>> rb = owr.load()
>>> table = {"name": ["Ans", "Bas"], "function": ["leraar", "directeur"],
...          "werktijdfactor": ["0.6", "1"]}
>>> batch = rb.evaluate_many(table, year=2020, rules="individueel_budget")
>>> [(row["name"], row["individueel_budget"]) for row in batch.to_records()]
[('Ans', Decimal('360.00')), ('Bas', Decimal('3100.00'))]
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast

import attrs

from onderwijsregels.cells import (
    RULE_COLUMNS,
    Cells,
    Group,
    absent,
    arrow_cells,
    arrow_type,
    arrow_types,
    cell_fits,
    cell_key,
    copied_column,
    label_array,
    remember,
    rule_cells,
    rule_parts,
    text_cells,
    werktijdfactor_of,
)
from onderwijsregels.columns import (
    INDEPENDENT,
    WHOLE_NUMBER_COLUMNS,
    TableShape,
    columns_of,
    float_columns,
    table_shape,
)
from onderwijsregels.convert import names_argument, shown
from onderwijsregels.editions import check_scale
from onderwijsregels.errors import (
    InputError,
    InvalidInputError,
    MissingExtraError,
    PluginError,
    UnknownRuleError,
)
from onderwijsregels.evaluate import EditionUse, Evaluation
from onderwijsregels.limits import MEMO_ENTRIES
from onderwijsregels.model import Employee, School, not_a_subject
from onderwijsregels.periods import SchoolYear, period_from
from onderwijsregels.plan import Plan, RecordError
from onderwijsregels.receipt import Receipt
from onderwijsregels.rules import Unit
from onderwijsregels.tracing import TRACED_FIELDS

if TYPE_CHECKING:
    from onderwijsregels.rulebook import Rulebook

__all__ = ["RULE_COLUMNS", "Batch", "Errors"]

Errors = Literal["raise", "collect"]

_Result = Evaluation | RecordError
_R = TypeVar("_R", bound=Evaluation | RecordError)


def _hashable(key: tuple[object, ...]) -> bool:
    try:
        hash(key)
    except TypeError:
        return False
    return True


@attrs.define
class _Table:
    """A columnar input: its shape and its rows of cells."""

    shape: TableShape
    rows: Iterator[tuple[object, ...]]
    size: int
    text_only: bool | None = False
    """Every cell a subject is read from is a text or None: cells are their own keys
    (``None``: not worked out yet, see :meth:`texts`)."""
    columns: list[Sequence[object]] | None = None
    """The input's columns, when it has them as Python lists."""

    def texts(self) -> bool:
        """:attr:`text_only`, worked out from :attr:`columns` when first asked."""
        if self.text_only is None:
            columns = self.columns or []
            self.text_only = all(
                set(map(type, columns[at])) <= _TEXT for at in self.shape.key if at < len(columns)
            )
        return self.text_only


class Batch(Generic[_R]):
    """The results of one batch evaluation, in input order: iterate once, or ask for a table.

    Made by :meth:`Rulebook.evaluate_many <onderwijsregels.rulebook.Rulebook.evaluate_many>`. Iterating
    yields an :class:`~onderwijsregels.evaluate.Evaluation` per subject (or a
    :class:`~onderwijsregels.plan.RecordError` with ``errors="collect"``).
    :meth:`rows`, :meth:`records` and iteration stream; :meth:`to_rows`,
    :meth:`to_records` and the frames read the whole input. A batch is read
    once: its input may be an iterator.

    A ``Batch[Evaluation]`` (``errors="raise"``) yields only evaluations; a
    ``Batch[Evaluation | RecordError]`` (``errors="collect"``) also record errors.
    """

    def __init__(
        self,
        rulebook: Rulebook,
        subjects: Iterable[Employee | School] | object,
        *,
        year: int | None = None,
        on: date | None = None,
        school_year: str | SchoolYear | None = None,
        families: Sequence[str] | str | None = None,
        rules: Sequence[str] | str | None = None,
        errors: Errors = "raise",
        keep: Sequence[str] = (),
        decimal_comma: bool = False,
        _header: Sequence[str] | None = None,
    ) -> None:
        if errors not in ("raise", "collect"):
            raise InvalidInputError("errors", f"must be 'raise' or 'collect', got {errors!r}")
        _flag(decimal_comma, "decimal_comma")
        if type(subjects).__name__ in _LAZY_HINTS:  # iterable, but not of subjects
            raise _not_subjects(subjects)
        self._rulebook = rulebook
        self._noted_scales: dict[str, int] = {}
        self._noting: dict[type, frozenset[str]] = {}
        period_from(year=year, on=on, school_year=school_year)  # refused now, even with no rows
        self._year, self._on, self._school_year = year, on, school_year
        self._families = names_argument(families, "families")
        self._rules = names_argument(rules, "rules")
        self._errors: Errors = errors
        self._used = False
        self._plans: dict[type, Plan] = {}
        self._caches: tuple[dict[Any, Any], ...] = ({}, {}, {}, {}, {}, {}, {}, {}, {})
        keep_names = names_argument(keep, "keep") or ()
        if _header is None and _records(subjects):
            subjects = _columns_of_records(cast("Sequence[Mapping[object, object]]", subjects))
        stream: Iterator[tuple[object, ...]] | None = None
        if _header is None and isinstance(subjects, Iterator):
            peeked, header = _peeked(subjects)
            if header is not None:  # a stream of records (csv.DictReader): read as it comes
                _header, stream = header, cast("Iterator[tuple[object, ...]]", peeked)
            else:
                subjects = peeked
        self._arrow = _arrow_input(subjects) if _header is None else None
        """The input as a pyarrow Table, when it is one (or a polars frame): read by column."""
        self._by_column = True
        """Whether ``to_arrow()`` reads an Arrow input by column (the tests compare both ways)."""
        table = None
        if self._arrow is None:
            table = columns_of(subjects) if _header is None else (tuple(_header), [])
        self._table: _Table | None = None
        self._subjects: Iterator[object] | None = None
        if table is not None or self._arrow is not None:
            if self._arrow is not None:
                names = tuple(self._arrow.column_names)
                shape = table_shape(names, keep=keep_names, decimal_comma=decimal_comma)
                size = self._arrow.num_rows
                rows: Iterator[tuple[object, ...]] = _arrow_rows(self._arrow)
                text_only = _text_only(self._arrow, shape)
            else:
                assert table is not None
                names, values = table
                shape = table_shape(names, keep=keep_names, decimal_comma=decimal_comma)
                size = len(values[0]) if values else 0
                rows = zip(*values, strict=True) if values else iter(())
                text_only = None  # worked out if the rows are read (_Table.texts)
            _refuse_floats(self._arrow if self._arrow is not None else subjects, shape)
            self._table = _Table(shape, rows, size, text_only, table[1] if table else None)
            # A cell's check depends on its column alone: batches of this shape share them.
            checked, linked_ok, numbers, parts = rulebook._checks_for(shape)
            self._caches = ({}, checked, linked_ok, {}, {}, numbers, parts, {}, {})
            kind: type[Employee] | type[School] = Employee if shape.kind == "employee" else School
            self._kind: type[Employee] | type[School] | None = kind
            self.passthrough: tuple[str, ...] = shape.passthrough_columns
        else:
            if isinstance(subjects, str | bytes) or not isinstance(subjects, Iterable):
                raise _not_subjects(subjects)
            if keep_names:
                raise InvalidInputError("keep", "keep names columns of a table, not of objects")
            iterator = iter(subjects)
            first = next(iterator, None)
            self._kind = type(first) if isinstance(first, Employee | School) else None
            self._subjects = iterator if first is None else itertools.chain([first], iterator)
            self.passthrough = ("name",)
        if stream is not None and self._table is not None:
            self._table = _Table(self._table.shape, stream, 0, False)
        self.size: int | None = (
            None
            if stream is not None
            else self._table.size
            if self._table is not None
            else _size(subjects)
        )
        """How many subjects the batch holds, when the input tells (a table, a list); else None."""
        if self._kind is None and self._rules:  # nothing to evaluate, but say a typo now
            known = rulebook.rule_ids()
            for rule_id in self._rules:
                if rule_id not in known:
                    raise UnknownRuleError(rule_id, known)
        plan = self._plan(self._kind) if self._kind is not None else None
        self.rule_ids: tuple[str, ...] = plan.rule_ids if plan is not None else ()
        """The rules evaluated, in column order."""
        output = [column.lower() for column in self.columns]
        for column in self.passthrough:
            if output.count(column.lower()) > 1:
                raise InvalidInputError(
                    "keep",
                    f"the kept column {column!r} has the name of a column the result has "
                    "already (index, error or a rule's, in any case); rename it in the table "
                    "to keep it",
                )

    @classmethod
    def of_rows(
        cls,
        rulebook: Rulebook,
        header: Sequence[str],
        rows: Iterable[Sequence[object]],
        *,
        text_only: bool = False,
        **options: Any,
    ) -> Batch[Any]:
        """A batch over a stream of table rows under ``header`` (a CSV reader's rows, say).

        The rows are read one at a time, so a file of any length is streamed.
        ``text_only`` says every cell is a text or ``None`` (a CSV reader's are), which
        saves keying each cell with its type. Options are those of ``Rulebook.evaluate_many``.
        """
        batch: Batch[Any] = cls(rulebook, None, _header=header, **options)
        assert batch._table is not None
        batch._table = _Table(batch._table.shape, (tuple(row) for row in rows), 0, text_only)
        batch.size = None
        return batch

    def _share_caches(self, other: Batch[Any]) -> None:
        """Use ``other``'s caches of rows seen (the same table read a second time)."""
        self._caches = other._caches

    @property
    def columns(self) -> tuple[str, ...]:
        """The column names of :meth:`rows`: ``index``, the passthrough columns, ``error``,
        then per rule ``R``, ``R.status``, ``R.unit``, ``R.edition``, ``R.confidence``,
        ``R.citation``, ``R.reason``, ``R.interpretation`` and ``R.notes`` (see
        :data:`RULE_COLUMNS`)."""
        names = ["index", *self.passthrough, "error"]
        for rule_id in self.rule_ids:
            names.extend(f"{rule_id}.{part}" if part else rule_id for part in RULE_COLUMNS)
        return tuple(names)

    @property
    def editions(self) -> tuple[EditionUse, ...]:
        """The editions this batch's rows are evaluated under, one per family: each with its
        reference day, whether it is past its end (``nawerking``: an ended agreement's terms,
        which a new one may change) and whether it is provisional. Empty for a batch of
        objects whose first is neither an Employee nor a School (or an empty one).

        >>> import onderwijsregels as owr
        >>> batch = owr.load().evaluate_many(
        ...     {"function": ["leraar"], "werktijdfactor": ["1"]}, year=2030, rules="individueel_budget"
        ... )
        >>> [(use.edition.id, use.nawerking) for use in batch.editions]
        [('cao-po-2025-2027', True)]
        """
        if self._kind is None:
            return ()
        return self._plan(self._kind).uses

    @property
    def noted_scales(self) -> dict[str, int]:
        """Per salary scale an edition of this batch removed but still accepts on its
        reference day (D11 and A10 in 2025, before the regrading deadline), how many rows of a
        table read so far were evaluated with it: the results of that edition's rules carry its
        note that the employee must be regraded (:func:`scale_note`), in their ``R.notes``
        column; this counts the rows for a summary. Counted for every row or subject
        evaluated, however the batch is read (rows, records, a frame, or iterating its
        Evaluations, which show the note too), as they are read: empty before the batch is
        read, and when no row has such a scale.

        >>> import onderwijsregels as owr
        >>> table = {"function": ["directeur"] * 2, "werktijdfactor": ["1"] * 2, "scale": ["D11", "D12"]}
        >>> batch = owr.load().evaluate_many(table, year=2025, rules="individueel_budget")
        >>> rows = batch.to_rows()
        >>> batch.noted_scales
        {'D11': 1}
        """
        return {scale: count for scale, count in self._noted_scales.items() if count}

    def receipt(self, input_sha256: str) -> Receipt:
        """The receipt of this batch's table: library version, the editions of its plan with
        their plugins and files, the reference day, and a hash of what was asked.

        ``input_sha256`` is the SHA-256 of the input as read (the export file's bytes, say);
        it is hashed together with the period, the families and the rules asked for, so the
        same file under another year gives another receipt.
        """
        if self._kind is None:
            raise InvalidInputError("subjects", "an empty batch of objects has no plan")
        plan = self._plan(self._kind)
        asked = {
            "input_sha256": input_sha256,
            "kind": self._kind.__name__.lower(),
            "period": {
                "kind": plan.period.kind,
                "label": plan.period.label,
                "start": plan.period.start.isoformat(),
                "end": plan.period.end.isoformat(),
            },
            "families": [use.family for use in plan.uses],
            **({} if plan.rules is None else {"rules": sorted(plan.rules)}),
        }
        sources = [use.edition_source for use in plan.uses]
        return Receipt.of(asked, sources, plan.reference_day)

    def _plan(self, kind: type[Employee] | type[School]) -> Plan:
        found = self._plans.get(kind)
        if found is None:
            found = self._plans[kind] = self._rulebook.plan(
                kind,
                year=self._year,
                on=self._on,
                school_year=self._school_year,
                families=self._families,
                rules=self._rules,
            )
        return found

    def _start(self) -> None:
        if self._used:
            raise InvalidInputError(
                "batch",
                "this batch has been read already; a batch is read once (call "
                "evaluate_many again, or keep what the first read gave: its rows, records, "
                "frame or evaluations)",
            )
        self._used = True

    # -- the stream of results -------------------------------------------------------------

    def __iter__(self) -> Iterator[_R]:
        self._start()
        for _, result, _ in self._results(with_subjects=True):
            yield cast(_R, result)

    def results(self, *, shared: bool = False) -> Iterator[tuple[int, _R]]:
        """``(index, result)`` per subject, streamed, in input order.

        With ``shared``, a table row that equals an earlier one in every cell
        but its name gets the earlier row's Evaluation as it is (its
        ``subject`` is the earlier row's), which saves building a subject per
        row: for checking or counting a large table. Without it, the same as
        iterating the batch.
        """
        self._start()
        for index, result, _ in self._results(with_subjects=not shared):
            yield index, cast(_R, result)

    def _results(self, *, with_subjects: bool) -> Iterator[tuple[int, _Result, Cells]]:
        """``(index, result, passthrough cells)`` per subject; shares results between equal ones.

        Without ``with_subjects`` a table row that equals an earlier one (but
        for its name) gives that earlier row's result, whose subject is the
        earlier row's: for the table methods, which take only the name from the row.
        """
        if self._table is not None:
            yield from self._table_results(self._table, with_subjects)
            return
        assert self._subjects is not None
        for index, subject in enumerate(self._subjects):
            name = subject.name if isinstance(subject, Employee | School) else None
            result = self._evaluate(index, subject)
            self._count_scale(result)
            yield index, result, (name,)

    def _count_scale(self, result: _Result) -> None:
        """Count an evaluation whose subject has a scale an edition removed and notes
        (:attr:`noted_scales`)."""
        if not isinstance(result, Evaluation):
            return
        subject = result.subject
        scale = getattr(subject, "scale", None)
        if type(scale) is not str:
            return
        kind = type(subject)
        noting = self._noting.get(kind)
        if noting is None:
            noting = self._noting[kind] = noted_scales_of(self._plan(kind))
        if scale in noting:
            self._noted_scales[scale] = self._noted_scales.get(scale, 0) + 1

    def _table_results(
        self, table: _Table, with_subjects: bool
    ) -> Iterator[tuple[int, _Result, Cells]]:
        shape = table.shape
        plan = self._plan(Employee if shape.kind == "employee" else School)
        if with_subjects or plan.reads is None:
            yield from self._rows_one_by_one(table)
            return
        reader = _RowReader(self, shape, plan, table.texts())
        for index, cells in enumerate(table.rows):
            failed, passthrough, key = reader.check(index, cells)
            if failed is not None:
                yield index, failed, passthrough
                continue
            yield index, reader.result(index, cells, key), passthrough

    def _table_cells(self, table: _Table) -> Iterator[tuple[int, Cells, Cells, RecordError | None]]:
        """``(index, passthrough cells, result cells, record error)`` per row of a table, for
        :meth:`rows` (the record error only for a row that could not be evaluated).

        The fast path of a table. Each row is checked as always (:class:`_RowReader`).
        A row equal to an earlier one in every cell the rules read gets that row's
        cells. When the rules fall in parts by the cells they read (:class:`_RowParts`),
        each part's cells come from an earlier row that agrees with this one in the cells
        of that part, or from the part's traces, or the part is evaluated; otherwise a row
        that differs from an earlier one only in its werktijdfactor gets its values
        replayed from the traces of that row's rules
        (:meth:`~onderwijsregels.plan.Plan.traces_for`), everything else (status, unit,
        edition, confidence, citation) being the earlier row's, and the werktijdfactor
        itself read as the Employee reads it. Any other row is evaluated whole (as is a
        row a part cannot evaluate: its error is reported as always).
        """
        shape = table.shape
        kind: type[Employee] | type[School] = Employee if shape.kind == "employee" else School
        plan = self._plan(kind)
        rule_ids = self.rule_ids
        if plan.reads is None:
            for index, result, passthrough in self._table_results(table, False):
                yield index, passthrough, rule_cells(result, rule_ids), _failure(result)
            return
        reader = _RowReader(self, shape, plan, table.texts())
        field = TRACED_FIELDS.get(kind)
        columns = shape.columns
        # Where the traced field's cell is in a row's key (after the removed-scale marker).
        number_at = next(
            (1 + place for place, at in enumerate(reader.key_at) if columns[at] == field),
            None,
        )
        if len(set(rule_ids)) != len(rule_ids):
            number_at = None
        number_column = reader.key_at[number_at - 1] if number_at is not None else 0
        done, groups, numbers = self._caches[3:6]
        # The rules in parts by the cells they read: a row new in all its cells is mostly old
        # in the cells of each part (its function, its scale), so only the parts whose cells
        # are new are worked out (the age rules for a new birth date).
        parts = _RowParts.of(self, shape, plan, reader.key_at) if number_at is not None else None
        limit = MEMO_ENTRIES
        if parts is not None:  # whole rows are cheap to make from their parts: keep fewer
            limit = _whole_rows(rule_ids)
        for index, cells in enumerate(table.rows):
            failed, passthrough, key = reader.check(index, cells)
            if failed is not None:
                yield index, passthrough, rule_cells(failed, rule_ids), _failure(failed)
                continue
            if key is None:  # an unhashable cell: the row stands alone
                alone = reader.result(index, cells, key)
                yield index, passthrough, rule_cells(alone, rule_ids), _failure(alone)
                continue
            found = done.get(key)
            if found is None and parts is not None:
                found = parts.cells(cells, key, number_column)  # None: read the row whole
                if found is not None:
                    remember(done, key, found, limit)
            if found is not None:
                yield index, passthrough, found, None
                continue
            others = None
            if number_at is not None and parts is None:
                others = (*key[:number_at], None, *key[number_at + 1 :])
                group = groups.get(others)
                if type(group) is tuple:  # a second row of the group: make it now
                    group = groups[others] = Group.of(plan, *group)
                if group is not None:
                    number = werktijdfactor_of(shape, cells[number_column], key[number_at], numbers)
                    found = group.cells(number)
                    if found is not None:
                        remember(done, key, found)
                        yield index, passthrough, found, None
                        continue
            result = reader.result(index, cells, key)
            found = rule_cells(result, rule_ids)
            if isinstance(result, Evaluation):
                remember(done, key, found, limit)
                if others is not None and others not in groups:
                    # Made when a second row of the group comes (many groups have one row).
                    remember(groups, others, (result, rule_ids, found))
            yield index, passthrough, found, _failure(result)

    def _alone(self, index: int, shape: TableShape, cells: tuple[object, ...]) -> _Result:
        try:
            subject = shape.subject(cells)
        except InvalidInputError as error:
            return self._failed(index, None, error)
        return self._evaluate(index, subject)

    def _rows_one_by_one(self, table: _Table) -> Iterator[tuple[int, _Result, Cells]]:
        """Every row read into its own subject (with its own name), equal rows sharing work."""
        shape = table.shape
        passthrough_at = shape.passthrough
        seen: dict[tuple[object, ...], Evaluation] = {}
        for index, cells in enumerate(table.rows):
            problem = shape.row_problem(cells)
            if problem is not None:
                yield index, self._failed(index, None, problem), _some(cells, passthrough_at)
                continue
            key = tuple([cell_key(cells[at]) for at in shape.key])
            if not _hashable(key):
                key = (object(),)  # an unhashable cell (a list, say): the row stands alone
            passthrough = tuple([cells[at] for at in passthrough_at])
            known = seen.get(key)
            try:
                subject = (
                    shape.subject(cells) if known is None else shape.renamed(known.subject, cells)
                )
            except InvalidInputError as error:
                yield index, self._failed(index, None, error), passthrough
                continue
            result: _Result
            if known is not None:
                result = attrs.evolve(known, subject=subject)
            else:
                result = self._evaluate(index, subject)
                if isinstance(result, Evaluation):
                    remember(seen, key, result)
            self._count_scale(result)
            yield index, result, passthrough

    def _evaluate(self, index: int, subject: object) -> _Result:
        if not isinstance(subject, Employee | School):
            error = not_a_subject(subject, "")  # named subjects[N] by _failed
            return self._failed(index, None, error)
        try:
            return self._plan(type(subject)).evaluate(subject)
        except InputError as error:
            return self._failed(index, subject, error)
        except PluginError as error:
            raise self._rulebook._named(error) from error

    def _failed(self, index: int, subject: Employee | School | None, error: InputError) -> _Result:
        where = f"row {index}" if self._table is not None else f"subjects[{index}]"
        if self._errors == "raise":
            problems = (
                error.problems if isinstance(error, InvalidInputError) else (("", str(error)),)
            )
            raise InvalidInputError.many(
                [(f"{where}.{field}" if field else where, why) for field, why in problems]
            ) from None  # the row and column say it all; no second traceback from inside
        return RecordError(index, subject, error)  # type: ignore[arg-type]

    # -- the table ----------------------------------------------------------------------

    def rows(
        self, convert: Callable[[object], object] | None = None
    ) -> Iterator[tuple[object, ...]]:
        """One tuple per subject under :attr:`columns`, streamed, in input order.

        Values are Python objects: a Decimal for money and hours (rounded as the
        outcome is), an int, a bool, a ``datetime.date`` or a text; ``None`` in
        an empty cell. ``convert``, when given, is applied to every cell but
        ``index`` (e.g. to text for a CSV writer). It must be a pure function: rows
        that share a result share its converted cells, and a text or ``None`` among the
        result cells is converted once for the whole batch, its converted object shared
        by every cell that holds it (the same object twice in a row if it returns a
        list, say).
        """
        self._start()
        if self._table is not None:
            for row, _ in self._table_rows(self._table, convert):
                yield row
            return
        rule_ids = self.rule_ids
        cells_of: dict[int, tuple[_Result, Cells]] = {}
        for index, result, passthrough in self._results(with_subjects=False):
            cached = cells_of.get(id(result))
            if cached is None or cached[0] is not result:
                if isinstance(result, Evaluation) and type(result.subject) is not self._kind:
                    raise InvalidInputError(
                        f"subjects[{index}]",
                        "a table holds one kind of subject: give employees and schools in two "
                        "batches",
                    )
                cells = rule_cells(result, rule_ids)
                if convert is not None:
                    cells = tuple([convert(cell) for cell in cells])
                cached = (result, cells)
                remember(cells_of, id(result), cached)
            if convert is not None:
                passthrough = tuple([convert(cell) for cell in passthrough])
            yield (index, *passthrough, *cached[1])

    def _checked_rows(
        self, convert: Callable[[object], object]
    ) -> Iterator[tuple[tuple[object, ...], RecordError | None]]:
        """``(row of rows(convert), record error or None)`` per row of a table, streamed: for
        writing an export while it is checked."""
        self._start()
        assert self._table is not None
        return self._table_rows(self._table, convert)

    def _table_rows(
        self, table: _Table, convert: Callable[[object], object] | None
    ) -> Iterator[tuple[tuple[object, ...], RecordError | None]]:
        if convert is None:  # a missing copied cell (NaN, NA, NaT) is None, as in to_arrow()
            for index, passthrough, cells, failure in self._table_cells(table):
                row = (
                    index,
                    *[
                        cell if type(cell) is str or not absent(cell) else None
                        for cell in passthrough
                    ],
                    *cells,
                )
                yield row, failure
            return
        # A row's cells converted once per cells object (rows the memo answers share one);
        # as few as the whole rows kept: each entry keeps its row alive, and a row made from
        # its parts is a new object that no later row shares.
        converted: dict[int, tuple[Cells, Cells]] = {}
        limit = _whole_rows(self.rule_ids)
        texts: dict[str, object] = {}  # a text converted once: labels repeat on every row
        empty = convert(None)
        for index, passthrough, cells, failure in self._table_cells(table):
            cached = converted.get(id(cells))
            if cached is None or cached[0] is not cells:
                made: list[object] = []
                for cell in cells:
                    if cell is None:
                        made.append(empty)
                    elif type(cell) is str:
                        text = texts.get(cell)
                        if text is None:
                            text = convert(cell)
                            remember(texts, cell, text)
                        made.append(text)
                    else:
                        made.append(convert(cell))
                cached = (cells, tuple(made))
                remember(converted, id(cells), cached, limit)
            yield (index, *[convert(cell) for cell in passthrough], *cached[1]), failure

    def _record_errors(self) -> Iterator[tuple[int, RecordError | None]]:
        """``(index, RecordError or None)`` per subject, streamed: for checking a table (an
        export before it is written) without building an Evaluation per row."""
        self._start()
        if self._table is not None:
            for index, _, _, failure in self._table_cells(self._table):
                yield index, failure
            return
        for index, result, _ in self._results(with_subjects=False):
            yield index, _failure(result)

    def records(self) -> Iterator[dict[str, object]]:
        """One dict per subject (column name to value), streamed, in input order."""
        columns = self.columns
        for row in self.rows():
            yield dict(zip(columns, row, strict=True))

    def to_rows(self) -> list[tuple[object, ...]]:
        """Every row of :meth:`rows` in a list."""
        return list(self.rows())

    def to_records(self) -> list[dict[str, object]]:
        """Every record of :meth:`records` in a list."""
        return list(self.records())

    def _columnar(self, dictionary: bool = False) -> Any | None:
        """The table read column by column (:func:`onderwijsregels.columnar.arrow_table`), or
        ``None`` when the rows must be read: the batch is then still unread."""
        table = self._table
        if table is None or self._used or not self._by_column:
            return None
        shape = table.shape
        plan = self._plan(Employee if shape.kind == "employee" else School)
        if plan.reads is None or len(set(self.rule_ids)) != len(self.rule_ids):
            return None  # only the rows can give it: convert nothing
        source = self._arrow if self._arrow is not None else self._text_table()
        if source is None:
            return None
        from onderwijsregels.columnar import arrow_table

        found = arrow_table(
            source,
            shape,
            plan,
            self.rule_ids,
            self.columns,
            arrow_types(self._units(), self.passthrough, dictionary=dictionary),
            (self._caches[1], self._caches[2], self._caches[5], self._caches[6]),
            self._evaluate_quietly,
        )
        if found is not None:
            self._start()
            self._note_scales(source, shape, plan)
        return found

    def _note_scales(self, source: Any, shape: TableShape, plan: Plan) -> None:
        """Count the rows of an Arrow table read by column whose scale is one the editions
        removed but still accept (:attr:`noted_scales`): every row was evaluated."""
        noting = noted_scales_of(plan)
        scale_at = next((at for at, name in enumerate(shape.columns) if name == "scale"), None)
        if not noting or scale_at is None:
            return
        encoded = source.column(scale_at).combine_chunks().dictionary_encode()
        counts = encoded.indices.value_counts()
        texts = encoded.dictionary.to_pylist()
        for code, count in zip(
            counts.field("values").to_pylist(), counts.field("counts").to_pylist(), strict=True
        ):
            cell = texts[code] if code is not None else None
            scale = cell.strip() if isinstance(cell, str) else cell
            if scale in noting:
                self._noted_scales[scale] = self._noted_scales.get(scale, 0) + count

    def _text_table(self) -> Any | None:
        """The input's Python columns as a pyarrow Table, when every cell is a text (a str,
        or numpy's) or missing (``None``, or NaN as pandas gives an empty cell): such a table
        is read by column as a pyarrow Table of texts is, with the same result. ``None`` when
        a cell is anything else (a number, a date, bytes: read the rows' way) or without
        pyarrow."""
        values = self._table.columns if self._table is not None else None
        if values is None or self._table is None:  # no Python columns (an Arrow input, a stream)
            return None
        try:
            import pyarrow as pa
        except ImportError:  # pragma: no cover - the test extra installs it
            return None
        shape = self._table.shape
        read = {*shape.key, *shape.blank}
        declared = dict(
            zip(shape.passthrough, arrow_types(self._units(), self.passthrough)[1:], strict=False)
        )
        arrays = []
        for at, cells in enumerate(values):
            array = _text_column(cells, pa)
            if array is None and at not in read:
                # a copied column (id, name, a kept column) of other cells: as the rows' way
                # copies it (texts are copied as they are, so _text_column gives them)
                try:
                    array = _copied_array(pa, cells, declared.get(at), True)
                except (pa.ArrowException, UnicodeError, TypeError, ValueError):
                    array = None
            if array is None:
                return None
            arrays.append(array)
        return pa.Table.from_arrays(arrays, names=list(shape.columns))

    def _evaluate_quietly(self, plan: Plan) -> Callable[[Employee | School], Evaluation | None]:
        """Evaluate one subject with ``plan``; ``None`` for an input error or a defect (the
        rows' way then reports it, at its row)."""

        def evaluate(subject: Employee | School) -> Evaluation | None:
            try:
                return plan.evaluate(subject)
            except (InputError, PluginError):
                return None

        return evaluate

    def _given_columns(self) -> dict[str, Any]:
        """The copied columns of an Arrow input, by output name, as they were given."""
        if self._arrow is None or self._table is None:
            return {}
        from onderwijsregels.columnar import one_array

        positions = self._table.shape.passthrough
        return {
            name: copied_column(one_array(self._arrow.column(at)), name)
            for at, name in zip(positions, self.passthrough, strict=True)
        }

    def _units(self) -> tuple[Unit, ...]:
        """The unit of each rule of the table, in :attr:`rule_ids` order."""
        if self._kind is None:
            return ()
        return self._plan(self._kind).units

    def _columns(self) -> dict[str, list[object]]:
        names = self.columns
        values: list[list[object]] = [[] for _ in names]
        appenders: list[Callable[[object], None]] = [column.append for column in values]
        for row in self.rows():
            for append, cell in zip(appenders, row, strict=True):
                append(cell)
        return dict(zip(names, values, strict=True))

    def to_pandas(self, *, dictionary: bool = False) -> Any:
        """A pandas DataFrame of every row (pandas must be installed: ``[batch]``).

        The frame of :meth:`to_arrow` (when pyarrow is installed too, as ``[batch]`` does), so
        its columns have the same types whatever the rows hold: money and hours are Decimal
        objects (exact, so sums stay exact), whole numbers pandas' nullable ``Int64``, yes/no
        ``boolean``, texts ``string`` (a list of texts joined by ``; ``), dates
        ``datetime.date`` objects; an empty cell is ``<NA>`` (or ``None``).

        ``dictionary=True`` makes the label columns (``error``, and each rule's status, unit,
        edition, confidence, citation, reason, interpretation and notes) pandas ``category``
        columns: each distinct text kept once, a fraction of the memory for a frame of many
        rules.
        """
        _flag(dictionary, "dictionary")
        pandas = _optional("pandas")
        try:
            import pyarrow
        except ImportError:  # pandas alone: the columns as pandas makes them
            return self._pandas_alone(pandas, dictionary)

        def kind(arrow_type: Any) -> Any:
            types = pyarrow.types
            if types.is_integer(arrow_type):
                return pandas.Int64Dtype()
            if types.is_boolean(arrow_type):
                return pandas.BooleanDtype()
            if types.is_string(arrow_type) or types.is_large_string(arrow_type):
                return pandas.StringDtype()
            return None  # decimals as Decimal, dates as date objects

        return self.to_arrow(dictionary=dictionary).to_pandas(types_mapper=kind)

    def _pandas_alone(self, pandas: Any, dictionary: bool) -> Any:
        columns: dict[str, Any] = self._columns()
        labels = self._label_columns() if dictionary else frozenset()
        for name, cells in columns.items():
            kinds = {type(cell) for cell in cells}
            if name in labels:
                columns[name] = pandas.Categorical(text_cells(cells))
            elif kinds == {int, type(None)}:  # pandas would make floats of them
                columns[name] = pandas.array(cells, dtype="Int64")
        return pandas.DataFrame(columns)

    def _label_columns(self) -> frozenset[str]:
        """The names of the label columns: ``error`` and each rule's status, unit, edition,
        confidence, citation, reason, interpretation and notes (see ``dictionary=`` of
        :meth:`to_arrow`)."""
        return frozenset(
            ["error"]
            + [f"{rule_id}.{part}" for rule_id in self.rule_ids for part in RULE_COLUMNS if part]
        )

    def to_polars(self, *, dictionary: bool = False) -> Any:
        """A polars DataFrame of every row (polars must be installed: ``[batch]``): the table
        of :meth:`to_arrow` (when pyarrow is installed too), so its schema is the same.

        ``dictionary=True`` makes the label columns polars ``Categorical`` columns (see
        :meth:`to_arrow`)."""
        _flag(dictionary, "dictionary")
        polars = _optional("polars")
        try:
            import pyarrow  # noqa: F401  (the frame is made from the arrow table: one schema)
        except ImportError:
            pass
        else:
            return polars.from_arrow(self.to_arrow(dictionary=dictionary))
        columns = self._columns()
        labels = self._label_columns() if dictionary else frozenset()
        return polars.DataFrame(
            {
                name: polars.Series(name, text_cells(cells), dtype=polars.Categorical)
                if name in labels
                else polars.Series(name, cells, dtype=polars.Object)
                if _mixed(cells)
                else cells
                for name, cells in columns.items()
            },
            strict=False,
        )

    def to_arrow(self, *, dictionary: bool = False) -> Any:
        """A pyarrow Table of every row (pyarrow must be installed: ``[batch]``).

        The column types follow from the rules' units, not the rows (see
        :func:`~onderwijsregels.cells.arrow_types`), so the tables of two batches
        concatenate: money ``decimal128(38, 2)``, hours ``decimal128(38, 10)`` (more
        decimals where a cell needs them: hours are exact), years and points int64,
        yes/no bool, dates date32, texts string (a list of texts joined by ``; ``),
        ``error``, status, unit, edition, confidence, citation, reason, interpretation and
        notes string;
        ``name`` string, a copied column of an Arrow input as given. A batch of a
        pyarrow Table (or a polars DataFrame) is read column by column when it can be
        (:mod:`onderwijsregels.columnar`): the same table, much faster. Like every way
        of reading a batch, this reads it (once).

        ``dictionary=True`` makes the label columns (``error``, and each rule's status, unit,
        edition, confidence, citation, reason, interpretation and notes)
        ``dictionary<values=string, indices=int32>``: each distinct text kept once, the rows holding a number. Those
        columns hold a few distinct texts over every row, so a table of every rule takes
        about a sixth of the memory. Tables made with the same ``dictionary`` concatenate.
        """
        _flag(dictionary, "dictionary")
        pyarrow = _optional("pyarrow")
        found = self._columnar(dictionary)
        if found is not None:
            return found
        arrays = {}
        given = self._given_columns()
        types = arrow_types(self._units(), self.passthrough, dictionary=dictionary)
        copied = set(self.passthrough)
        for (name, cells), declared in zip(self._columns().items(), types, strict=True):
            if name in given:  # a copied column of an Arrow input: as it was given
                arrays[name] = given[name]
                continue
            try:
                arrays[name] = _copied_array(pyarrow, cells, declared, name in copied)
            except UnicodeError:  # a lone surrogate (a file read with surrogateescape)
                raise InvalidInputError(
                    name,
                    "holds a text that is not valid Unicode (a lone surrogate, as reading a "
                    "file with errors='surrogateescape' leaves); read the file as UTF-8",
                ) from None
        return pyarrow.table(arrays)


class _RowReader:
    """Checks the rows of a table and evaluates them; rows that agree share work.

    Rows that agree on the cells the plan's rules read share one evaluation. Every
    other cell is still checked: those whose check involves other cells (a trede needs
    a scale) once per combination, the independent ones (INDEPENDENT) once per value.
    """

    def __init__(
        self, batch: Batch[Any], shape: TableShape, plan: Plan, text_only: bool = False
    ) -> None:
        assert plan.reads is not None
        self.batch, self.shape = batch, shape
        self.text_only = text_only
        columns = shape.columns
        reads = set(plan.reads)
        # A registration's cells are read as the one field `registration`.
        self.key_at = tuple(at for at in shape.key if columns[at].split(".")[0] in reads)
        self.scale_at = next((at for at in shape.key if columns[at] == "scale"), None)
        # Independent cells the rules read are in the key (a key seen before was checked);
        # the others are checked once per distinct value.
        self.free = tuple(
            at for at in shape.key if columns[at] in INDEPENDENT and columns[at] not in reads
        )
        self.linked = tuple(at for at in shape.key if columns[at] not in INDEPENDENT)
        self.removed = plan.removed_scales
        # removed scales the editions still accept on the reference day (with a note)
        self.noting = noted_scales_of(plan)
        self.marker: str | None = None  # the last row's removed scale, if the row has one
        self.width = len(columns)
        self.seen, self.checked, self.linked_ok = batch._caches[:3]

    def check(
        self, index: int, cells: tuple[object, ...]
    ) -> tuple[_Result | None, Cells, tuple[object, ...] | None]:
        """``(failure, passthrough, key)`` of a row: the failure if a cell is wrong; the key of
        the cells the rules read, ``None`` if the row must stand alone (an unhashable cell)."""
        shape, batch = self.shape, self.batch
        if len(cells) != self.width or shape.blank:
            problem = shape.row_problem(cells)
            if problem is not None:
                return batch._failed(index, None, problem), _some(cells, shape.passthrough), None
        passthrough = tuple([cells[at] for at in shape.passthrough])
        # Keys: a text cell as it is, any other with its type and digits (_cell_key).
        if self.text_only:
            together = tuple([cells[at] for at in self.linked])
        else:
            together = tuple([cell_key(cells[at]) for at in self.linked])
        checked = self.checked
        fits: bool | None
        try:  # every cell of the row is hashed here: a list in a cell makes the row stand alone
            fits = self.linked_ok.get(together)
            hash(passthrough)
            for at in self.free:
                value = cells[at]
                ok = checked.get((at, value if self.text_only else cell_key(value)))
                if ok is None:
                    ok = cell_fits(shape, at, value, checked)
                if not ok:
                    fits = False
        except TypeError:
            return None, passthrough, None
        if fits is None:
            fits = shape.linked_fit(cells)
            remember(self.linked_ok, together, fits)
        if not fits or not shape.name_fits(cells):
            try:
                shape.subject(cells)  # raises, naming every bad cell of the row
            except InvalidInputError as error:
                return batch._failed(index, None, error), passthrough, None
        scale = cells[self.scale_at] if self.scale_at is not None else None
        scale_key = scale.strip() if isinstance(scale, str) else scale
        marker = scale_key if scale_key in self.removed else None
        if marker in self.noting:
            noted = batch._noted_scales
            noted[marker] = noted.get(marker, 0) + 1
            self.marker = marker
        else:
            self.marker = None
        if self.text_only:
            return None, passthrough, (marker, *[cells[at] for at in self.key_at])
        key = (marker, *[cell_key(cells[at]) for at in self.key_at])
        try:
            hash(key)
        except TypeError:
            return None, passthrough, None
        return None, passthrough, key

    def result(
        self, index: int, cells: tuple[object, ...], key: tuple[object, ...] | None
    ) -> _Result:
        """The result of a checked row (``key`` from :meth:`check`)."""
        found = self._result(index, cells, key)
        if self.marker is not None and isinstance(found, RecordError):
            self.batch._noted_scales[self.marker] -= 1  # counted when checked: not evaluated
        return found

    def _result(
        self, index: int, cells: tuple[object, ...], key: tuple[object, ...] | None
    ) -> _Result:
        batch = self.batch
        if key is None:
            return batch._alone(index, self.shape, cells)
        known = self.seen.get(key)
        if known is not None:
            return cast(_Result, known)
        try:
            subject = self.shape.subject(cells)
        except InvalidInputError as error:  # an independent cell the rules read
            return batch._failed(index, None, error)
        result = batch._evaluate(index, subject)
        if isinstance(result, Evaluation):
            remember(self.seen, key, result)
        return result


class _RowPart:
    """Rules that read the same cells of a row's key (:func:`~onderwijsregels.cells.rule_parts`):
    their plan, where their cells are in the key, and where the werktijdfactor is."""

    __slots__ = ("at", "done", "groups", "number", "plan", "rule_ids", "traced")

    def __init__(
        self, number: int, at: tuple[int, ...], plan: Plan, rule_ids: tuple[str, ...]
    ) -> None:
        self.number = number
        self.at = at  # places in the row's key: the removed-scale marker, then the cells read
        self.plan = plan
        self.rule_ids = rule_ids
        self.traced: int | None = None  # the werktijdfactor's place in ``at``, if read
        # Each part's own caches (bounded each): the many werktijdfactors of one part do not
        # push the few birth dates of another out.
        self.done: dict[tuple[object, ...], Cells] = {}
        self.groups: dict[tuple[object, ...], Any] = {}


class _RowParts:
    """A table's rules in parts, and each part's cells per distinct combination of the cells
    it reads (the batch's caches: shared by the check and the writing of an export)."""

    def __init__(
        self, batch: Batch[Any], shape: TableShape, parts: list[_RowPart], number_key: int
    ) -> None:
        self.batch, self.shape, self.parts = batch, shape, parts
        self.number_key = number_key  # the werktijdfactor's place in the row's key
        for part in parts:  # kept on the batch: the check and the writing of an export share them
            part.done = batch._caches[7].setdefault(part.number, {})
            part.groups = batch._caches[8].setdefault(part.number, {})
        self.numbers = batch._caches[5]
        where = {
            rule_id: (part, place) for part in parts for place, rule_id in enumerate(part.rule_ids)
        }
        width = len(RULE_COLUMNS)
        # per rule (in column order): its part's number and the first of its cells there
        self.layout = [
            (where[rule_id][0].number, 1 + where[rule_id][1] * width) for rule_id in batch.rule_ids
        ]

    @classmethod
    def of(
        cls, batch: Batch[Any], shape: TableShape, plan: Plan, key_at: tuple[int, ...]
    ) -> _RowParts | None:
        """The parts of ``plan``'s rules over a row key of ``key_at``'s cells (after the
        removed-scale marker); ``None`` when the rules make one part (no gain)."""
        columns = shape.columns
        field = TRACED_FIELDS.get(Employee if shape.kind == "employee" else School)
        number_key = next(
            (1 + place for place, at in enumerate(key_at) if columns[at] == field), None
        )
        found = rule_parts(shape, plan, batch.rule_ids, key_at)
        if len(found) < 2 or number_key is None:
            return None
        parts = []
        for number, (read, traced, ids) in enumerate(found):
            at = (0, *(1 + key_at.index(column) for column in read))
            part = _RowPart(number, at, plan.part(ids), ids)
            if traced:
                part.at, part.traced = (*at, number_key), len(at)
            parts.append(part)
        return cls(batch, shape, parts, number_key)

    def cells(
        self, cells: tuple[object, ...], key: tuple[object, ...], number_column: int
    ) -> Cells | None:
        """A checked row's result cells, each part's from its cache, its group's traces, or
        evaluated; ``None`` when a part cannot be evaluated (read the row whole)."""
        pieces: dict[int, Cells] = {}
        subject: list[Employee | School] = []
        for part in self.parts:
            mine = (part.number, *[key[at] for at in part.at])
            found = part.done.get(mine)
            if found is None:
                found = self._worked_out(part, mine, cells, key, number_column, subject)
                if found is None:
                    return None
                remember(part.done, mine, found)
            pieces[part.number] = found
        width = len(RULE_COLUMNS)
        row: list[object] = [None]
        for number, start in self.layout:
            row.extend(pieces[number][start : start + width])
        return tuple(row)

    def _worked_out(
        self,
        part: _RowPart,
        mine: tuple[object, ...],
        cells: tuple[object, ...],
        key: tuple[object, ...],
        number_column: int,
        subject: list[Employee | School],
    ) -> Cells | None:
        others = None
        if part.traced is not None:  # from the traces of a row that differs only there
            place = 1 + part.traced
            others = (*mine[:place], None, *mine[place + 1 :])
            group: Group | tuple[Any, ...] | None = part.groups.get(others)
            if type(group) is tuple:  # a second row of the group: make it now
                group = part.groups[others] = Group.of(part.plan, *group)
            if isinstance(group, Group):
                number = werktijdfactor_of(
                    self.shape, cells[number_column], key[self.number_key], self.numbers
                )
                replayed = group.cells(number)
                if replayed is not None:
                    return replayed
        if not subject:
            try:
                subject.append(self.shape.subject(cells))
            except InvalidInputError:
                return None
        try:
            result = part.plan.evaluate(subject[0], keep=False)  # its cells are kept here
        except (InputError, PluginError):  # reading the row whole reports it
            return None
        found = rule_cells(result, part.rule_ids)
        if others is not None and others not in part.groups:
            # Made when a second row of the group comes (many groups have one row).
            remember(part.groups, others, (result, part.rule_ids, found))
        return found


_TEXT: set[type] = {str, type(None)}


def _failure(result: _Result) -> RecordError | None:
    return result if isinstance(result, RecordError) else None


def _some(cells: Sequence[object], positions: Sequence[int]) -> Cells:
    """The cells at ``positions`` of a row that may be too short (``None`` where it is)."""
    return tuple(cells[at] if at < len(cells) else None for at in positions)


def _mixed(cells: Sequence[object]) -> bool:
    """Whether the cells hold more than one kind of value (besides None)."""
    kinds = {type(cell) for cell in cells if cell is not None}
    return len(kinds) > 1 or tuple in kinds


def _refuse_floats(table: object, shape: TableShape) -> None:
    """Refuse a typed table whose subject columns hold floats, naming each column once (a
    row-by-row error for every row would say the same thing a million times)."""
    found = float_columns(table, shape.key)
    if not found:
        return
    raise InvalidInputError.many(
        [(shape.columns[at], _floats_problem(shape.columns[at], example)) for at, example in found]
    )


def _floats_problem(column: str, example: object) -> str:
    """Why a column of floats is refused, and how to read it instead."""
    if column in WHOLE_NUMBER_COLUMNS:
        return (
            f"the column holds floats (such as {example!r}) where whole numbers belong (pandas "
            "makes floats of a column of whole numbers with empty cells); read it as text "
            f"(pandas.read_csv: dtype=str) or as whole numbers that may be missing "
            f"(frame[{column!r}].astype('Int64'); polars, pyarrow: an integer type)"
        )
    return (
        f"the column holds floats (such as {example!r}), which cannot hold a decimal fraction "
        "exactly; read it as text or as a decimal (pyarrow.csv: "
        "ConvertOptions(column_types={...: pyarrow.string()}); polars.read_csv: "
        "infer_schema=False; pandas.read_csv: dtype=str)"
    )


def one_row(table: object, row: object) -> object:
    """The table of one row of ``table`` (a mapping of columns, a pandas, polars or pyarrow
    table), of the same kind, so its cells are read as the whole table's are; raises
    InvalidInputError when ``row`` is no position in it."""
    if isinstance(row, bool) or not isinstance(row, int):
        raise InvalidInputError("row", f"must be a row's position (0, 1, ...), got {shown(row)}")
    if _records(table):
        table = _columns_of_records(cast("Sequence[Mapping[object, object]]", table))
    found = columns_of(table) if isinstance(table, Mapping) else None
    if isinstance(table, Mapping):
        assert found is not None
        size = len(found[1][0]) if found[1] else 0
    else:
        size_of = _size(table)
        module = type(table).__module__.split(".")[0]
        if size_of is None or module not in ("pandas", "polars", "pyarrow"):
            raise InvalidInputError(
                "table",
                "give a mapping of columns, a list of records or a pandas, polars or pyarrow "
                f"table, got {type(table).__name__}",
            )
        size = size_of
    if not 0 <= row < size:
        raise InvalidInputError("row", f"must be from 0 to {size - 1}, got {row}")
    if found is not None:
        names, values = found
        return {name: [cells[row]] for name, cells in zip(names, values, strict=True)}
    frame: Any = table
    if type(table).__module__.split(".")[0] == "pandas":
        return frame.iloc[row : row + 1]
    return frame.slice(row, 1)


def _records(subjects: object) -> bool:
    """Whether ``subjects`` is a list (or tuple) of records: mappings of column to cell."""
    return (
        isinstance(subjects, list | tuple) and bool(subjects) and isinstance(subjects[0], Mapping)
    )


def _not_a_record(index: int, found: object) -> InvalidInputError:
    """The error for an item of a list or stream of records that is no record."""
    return InvalidInputError(
        f"subjects[{index}]",
        "must be a record (a mapping of column to cell), as the first one is; got "
        f"{type(found).__name__}",
    )


def _columns_of_records(records: Sequence[Mapping[object, object]]) -> dict[object, list[object]]:
    """A list of records as a mapping of columns, as pandas reads one: the columns every key
    of any record, in the order first seen; a record without a key has an empty cell there."""
    names: dict[object, None] = {}
    for index, record in enumerate(records):
        if not isinstance(record, Mapping):
            raise _not_a_record(index, record)
        names.update(dict.fromkeys(record))
    return {name: [record.get(name) for record in records] for name in names}


def noted_scales_of(plan: Plan) -> frozenset[str]:
    """The scales the editions of ``plan`` removed but still accept with a note (see
    :func:`scale_note`)."""
    return frozenset(scale for scale in plan.removed_scales if scale_note(plan, scale))


def scale_note(plan: Plan, scale: str) -> str | None:
    """The note an edition of ``plan`` attaches to each result of its rules that gives a
    value for an employee in ``scale`` (a scale it removed, still accepted on the reference
    day); ``None`` when no edition notes it (not removed, or refused)."""
    for use in plan.uses:
        try:
            note = check_scale(use.edition, scale, plan.reference_day)
        except InputError:
            return None
        if note:
            return str(note)
    return None


def _peeked(
    subjects: Iterator[object],
) -> tuple[Iterator[tuple[object, ...]] | Iterator[object], tuple[str, ...] | None]:
    """For a stream of records (a ``csv.DictReader``, or an iterator whose first item is a
    mapping of column to cell): its rows under its header (a reader's field names, else the
    first record's keys); else the iterator as it was (its first item read and put back) and
    ``None``."""
    import csv  # here: importing the library does not need it

    if isinstance(subjects, csv.DictReader):
        names = subjects.fieldnames  # reads the header line
        if names is None:  # an empty file
            return iter(()), None
        header = tuple(names)
        _refuse_one_semicolon_column(header)
        return _line_rows(header, subjects), header
    first = next(subjects, _END)
    if first is _END:
        return iter(()), None
    rest = itertools.chain([first], subjects)
    if isinstance(first, Mapping) and not isinstance(first, Employee | School):
        header = tuple(first)  # the names are checked as a table's columns are
        _refuse_one_semicolon_column(header)
        if None in first:
            raise InvalidInputError(
                "subjects[0]",
                "has cells beyond the columns of its header (csv.DictReader puts them under None)",
            )
        return _record_rows(header, rest), header
    return rest, None


def _refuse_one_semicolon_column(header: tuple[object, ...]) -> None:
    """A header read as one column with semicolons in its name: a file with semicolons between
    its cells, read with commas."""
    if len(header) == 1 and isinstance(header[0], str) and ";" in header[0]:
        raise InvalidInputError(
            "columns",
            f"the header {header[0]!r} is read as one column: the file has semicolons between "
            "its cells; read it with csv.DictReader(file, delimiter=';'), and give "
            "evaluate_many(..., decimal_comma=True) for numbers such as 0,6",
        )


_END = object()
"""The end of an iterator (``next``'s default)."""


def _line_rows(header: tuple[str, ...], reader: Any) -> Iterator[tuple[object, ...]]:
    """The cells of each line of a ``csv.DictReader`` under its header, as the command line
    reads a file's lines: a line with more cells than the header (the reader puts them under
    its ``restkey``) or, when its ``restval`` is ``None``, fewer (the missing ones ``None``; a
    given cell is never ``None``) keeps its own number of cells, so the batch reports it as a
    bad row (an error cell with ``errors="collect"``)."""
    extra_key, short = reader.restkey, reader.restval is None
    for record in reader:
        cells = tuple([record[name] for name in header])
        if extra_key in record:
            cells += tuple(record[extra_key] or ())
        elif short and cells and cells[-1] is None:
            given = len(cells)
            while given and cells[given - 1] is None:
                given -= 1
            cells = cells[:given]
        yield cells


def _record_rows(
    header: tuple[str, ...], records: Iterator[object]
) -> Iterator[tuple[object, ...]]:
    """Each record's cells under ``header``, read one at a time; a record that is not a
    mapping, or has other keys, is refused by its place."""
    names = set(header)
    for index, record in enumerate(records):
        if not isinstance(record, Mapping):
            raise _not_a_record(index, record)
        if len(record) != len(names) or any(name not in record for name in names):
            missing = [name for name in header if name not in record]
            more = [repr(key) for key in record if key not in names]
            why = "has other columns than the first record of the stream"
            if missing:
                why += f"; it lacks {', '.join(map(repr, missing))}"
            if more:
                why += f"; it has {', '.join(more)} more"
            if None in record:
                why += (
                    " (csv.DictReader puts the cells of a line longer than its header under None)"
                )
            raise InvalidInputError(
                f"subjects[{index}]",
                why + "; every record of a stream has the first one's columns (a list of "
                "records may differ: read as pandas reads it)",
            )
        yield tuple([record[name] for name in header])


_LAZY_HINTS = {
    "LazyFrame": " (a polars LazyFrame: give its .collect(), or its batches one by one)",
    "RecordBatchReader": " (a pyarrow stream: give its batches one by one, or its .read_all())",
}
"""How to make a table of an input that only promises one."""


def _not_subjects(subjects: object) -> InvalidInputError:
    """The error for an input that holds no subjects (with a hint for one that promises a
    table)."""
    name = type(subjects).__name__
    return InvalidInputError(
        "subjects",
        "give an iterable of Employee or School objects, a mapping of columns, or a "
        f"pandas/polars/pyarrow table; got {name}{_LAZY_HINTS.get(name, '')}",
    )


def _arrow_input(subjects: object) -> Any | None:
    """``subjects`` as a pyarrow Table, when it is one, or a polars DataFrame whose columns
    Arrow holds as the rows would read them; else ``None``."""
    module = type(subjects).__module__.split(".")[0]
    if module == "pyarrow" and hasattr(subjects, "column_names") and hasattr(subjects, "schema"):
        if type(subjects).__name__ == "RecordBatch":  # one batch of a stream: a table of it
            import pyarrow as pa

            return pa.Table.from_batches([subjects])
        return subjects
    if module == "polars" and hasattr(subjects, "to_arrow") and hasattr(subjects, "get_columns"):
        from onderwijsregels.columnar import readable

        try:
            table = subjects.to_arrow()
        except Exception:  # a column Arrow cannot hold (an Object column): read the rows
            return None
        return table if readable(table) else None
    return None


def _text_column(cells: Sequence[object], pa: Any) -> Any | None:
    """A column of texts and missing cells as a pyarrow array (string, or null when every
    cell is missing, as the rows' way types it); ``None`` for a column with any other cell
    (or a text Arrow cannot hold: a lone surrogate)."""
    kinds = set(map(type, cells))
    try:
        if kinds <= _TEXT:
            return pa.array(cells, type=pa.string() if str in kinds else pa.null())
        # texts of a subclass of str (numpy's), or with NaN or pandas' NA among them
        if not all(
            kind in _MISSING or kind.__name__ == "NAType" or issubclass(kind, str) for kind in kinds
        ):
            return None
        if any(cell == cell for cell in cells if type(cell) is float):
            return None  # a float that is not NaN: refused the rows' way
        texts = any(issubclass(kind, str) for kind in kinds)
        return pa.array(cells, type=pa.string() if texts else pa.null(), from_pandas=True)
    except (pa.ArrowException, UnicodeError, TypeError, ValueError):
        return None


_MISSING = (float, type(None))
"""Types of a missing cell of a column of texts (None, NaN); pandas' NA is one too."""


def _whole_rows(rule_ids: Sequence[str]) -> int:
    """How many whole rows of result cells a cache keeps: fewer the wider a row is (every rule
    of an edition makes rows of hundreds of cells), from :data:`MEMO_ENTRIES` cells' worth."""
    return max(1_000, MEMO_ENTRIES * 8 // (1 + len(RULE_COLUMNS) * len(rule_ids)))


def _flag(value: object, name: str) -> None:
    """Refuse a yes/no argument that is not ``True`` or ``False`` (``"no"`` is true in Python)."""
    if not isinstance(value, bool):
        raise InvalidInputError(name, f"must be True or False, got {shown(value)}")


def _copied_array(pa: Any, cells: Sequence[object], declared: Any, copied: bool) -> Any:
    """A column of the rows' way's table: ``declared`` (None: as the cells are), a copied
    column's missing cells (NaN, NA, NaT of a typed table) empty, not "nan"."""
    if copied:
        cells = [None if absent(cell) else cell for cell in cells]
    kind = arrow_type(declared, cells)
    if kind is not None and pa.types.is_dictionary(kind):
        return label_array(cells)
    if kind is not None:
        return pa.array(arrow_cells(cells, kind), type=kind)
    if _mixed(cells):
        cells = [None if cell is None else str(cell) for cell in cells]
    try:
        return pa.array(cells)
    except (OverflowError, pa.ArrowException):  # a whole number beyond 64 bits
        return pa.array([None if c is None else str(c) for c in cells])


def _arrow_rows(table: Any) -> Iterator[tuple[object, ...]]:
    """The rows of a pyarrow table as tuples of Python cells (converted when first read)."""
    if table.num_columns == 0:
        return
    yield from zip(*[column.to_pylist() for column in table.columns], strict=True)


def _text_only(table: Any, shape: TableShape) -> bool:
    """Whether every cell a subject is read from is a text or empty (its key is itself)."""
    import pyarrow as pa

    kinds = pa.types
    return all(
        kinds.is_string(kind) or kinds.is_large_string(kind) or kinds.is_null(kind)
        for kind in (table.schema.field(at).type for at in shape.key)
    )


def _size(subjects: object) -> int | None:
    try:
        return len(subjects)  # type: ignore[arg-type]
    except TypeError:
        return None


def _optional(module: str) -> Any:
    """Import an optional library, or raise MissingExtraError naming the extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(module, "batch", f"a {module} frame of a batch") from None
