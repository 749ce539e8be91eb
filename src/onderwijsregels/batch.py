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
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast

import attrs

from onderwijsregels.columns import INDEPENDENT, TableShape, columns_of, table_shape
from onderwijsregels.convert import names_argument
from onderwijsregels.errors import (
    InputError,
    InvalidInputError,
    MissingExtraError,
    PluginError,
    UnknownRuleError,
)
from onderwijsregels.evaluate import Evaluation, Outcome
from onderwijsregels.limits import MEMO_ENTRIES
from onderwijsregels.model import Employee, School
from onderwijsregels.periods import SchoolYear
from onderwijsregels.plan import Plan, RecordError
from onderwijsregels.receipt import Receipt

if TYPE_CHECKING:
    from onderwijsregels.rulebook import Rulebook

__all__ = ["RULE_COLUMNS", "Batch", "Errors"]

Errors = Literal["raise", "collect"]

RULE_COLUMNS: tuple[str, ...] = (
    "",
    "status",
    "unit",
    "edition",
    "confidence",
    "citation",
    "reason",
)
"""The columns of each rule in a batch table: ``R`` (the value), then ``R.status``
(``ok``, ``not_applicable`` or ``not_encoded``), ``R.unit``, ``R.edition``,
``R.confidence``, ``R.citation`` (the primary citation's reference) and ``R.reason``
(why a rule gave no value)."""

_Result = Evaluation | RecordError
_R = TypeVar("_R", bound=Evaluation | RecordError)
_Cells = tuple[object, ...]


def _rule_cells(result: _Result, rule_ids: Sequence[str]) -> _Cells:
    """The ``error`` cell and every rule's cells of one result, in column order."""
    if isinstance(result, RecordError):
        error = "; ".join(f"{field}: {why}" if field else why for field, why in result.problems)
        return (error, *([None] * (len(rule_ids) * len(RULE_COLUMNS))))
    found: dict[str, tuple[object, ...]] = {}
    for outcome in result.outcomes:
        found[outcome.rule_id] = _outcome_cells(outcome)
    for skipped in result.not_applicable:
        found[skipped.rule_id] = (None, "not_applicable", None, skipped.edition)
        found[skipped.rule_id] += (None, None, skipped.reason)
    for missing in result.not_encoded:
        found[missing.rule_id] = (None, "not_encoded", None, missing.edition)
        found[missing.rule_id] += (None, None, missing.reason)
    cells: list[object] = [None]
    for rule_id in rule_ids:
        cells.extend(found.get(rule_id, (None,) * len(RULE_COLUMNS)))
    return tuple(cells)


def _outcome_cells(outcome: Outcome) -> tuple[object, ...]:
    return (
        outcome.value,
        "ok",
        outcome.unit.value,
        outcome.edition.id,
        outcome.confidence.value,
        outcome.citation.reference,
        None,
    )


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
        self._rulebook = rulebook
        self._year, self._on, self._school_year = year, on, school_year
        self._families = names_argument(families, "families")
        self._rules = names_argument(rules, "rules")
        self._errors: Errors = errors
        self._used = False
        self._plans: dict[type, Plan] = {}
        self._caches: tuple[dict[Any, Any], dict[Any, Any], dict[Any, Any]] = ({}, {}, {})
        keep_names = names_argument(keep, "keep") or ()
        table = columns_of(subjects) if _header is None else (tuple(_header), [])
        self._table: _Table | None = None
        self._subjects: Iterator[object] | None = None
        if table is not None:
            names, values = table
            shape = table_shape(names, keep=keep_names, decimal_comma=decimal_comma)
            size = len(values[0]) if values else 0
            rows: Iterator[tuple[object, ...]] = zip(*values, strict=True) if values else iter(())
            self._table = _Table(shape, rows, size)
            kind: type[Employee] | type[School] = Employee if shape.kind == "employee" else School
            self._kind: type[Employee] | type[School] | None = kind
            self.passthrough: tuple[str, ...] = shape.passthrough_columns
        else:
            if isinstance(subjects, str | bytes) or not isinstance(subjects, Iterable):
                raise InvalidInputError(
                    "subjects",
                    "give an iterable of Employee or School objects, a mapping of columns, or "
                    f"a pandas/polars/pyarrow table; got {type(subjects).__name__}",
                )
            if keep_names:
                raise InvalidInputError("keep", "keep names columns of a table, not of objects")
            iterator = iter(subjects)
            first = next(iterator, None)
            self._kind = type(first) if isinstance(first, Employee | School) else None
            self._subjects = iterator if first is None else itertools.chain([first], iterator)
            self.passthrough = ("name",)
        self.size: int | None = self._table.size if self._table is not None else _size(subjects)
        """How many subjects the batch holds, when the input tells (a table, a list); else None."""
        if self._kind is None and self._rules:  # nothing to evaluate, but say a typo now
            known = rulebook.rule_ids()
            for rule_id in self._rules:
                if rule_id not in known:
                    raise UnknownRuleError(rule_id, known)
        plan = self._plan(self._kind) if self._kind is not None else None
        self.rule_ids: tuple[str, ...] = plan.rule_ids if plan is not None else ()
        """The rules evaluated, in column order."""

    @classmethod
    def of_rows(
        cls,
        rulebook: Rulebook,
        header: Sequence[str],
        rows: Iterable[Sequence[object]],
        **options: Any,
    ) -> Batch[Any]:
        """A batch over a stream of table rows under ``header`` (a CSV reader's rows, say).

        The rows are read one at a time, so a file of any length is streamed.
        Options are those of ``Rulebook.evaluate_many``.
        """
        batch: Batch[Any] = cls(rulebook, None, _header=header, **options)
        assert batch._table is not None
        batch._table = _Table(batch._table.shape, (tuple(row) for row in rows), 0)
        batch.size = None
        return batch

    def _share_caches(self, other: Batch[Any]) -> None:
        """Use ``other``'s caches of rows seen (the same table read a second time)."""
        self._caches = other._caches

    @property
    def columns(self) -> tuple[str, ...]:
        """The column names of :meth:`rows`: ``index``, the passthrough columns, ``error``,
        then per rule ``R``, ``R.status``, ``R.unit``, ``R.edition``, ``R.confidence``,
        ``R.citation`` and ``R.reason`` (see :data:`RULE_COLUMNS`)."""
        names = ["index", *self.passthrough, "error"]
        for rule_id in self.rule_ids:
            names.extend(f"{rule_id}.{part}" if part else rule_id for part in RULE_COLUMNS)
        return tuple(names)

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
                "evaluate_many again, or keep the result of to_records())",
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

    def _results(self, *, with_subjects: bool) -> Iterator[tuple[int, _Result, _Cells]]:
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
            yield index, self._evaluate(index, subject), (name,)

    def _table_results(
        self, table: _Table, with_subjects: bool
    ) -> Iterator[tuple[int, _Result, _Cells]]:
        shape = table.shape
        plan = self._plan(Employee if shape.kind == "employee" else School)
        if with_subjects or plan.reads is None:
            yield from self._rows_one_by_one(table)
            return
        # Rows that agree on the cells the plan's rules read share one evaluation. Every
        # other cell is still checked: those whose check involves other cells (a trede needs
        # a scale) once per combination, the independent ones (INDEPENDENT) once per value.
        columns = shape.columns
        reads = set(plan.reads)
        # A registration's cells are read as the one field `registration`.
        key_at = tuple(at for at in shape.key if columns[at].split(".")[0] in reads)
        scale_at = next((at for at in shape.key if columns[at] == "scale"), None)
        # Independent cells the rules read are in the key (a key seen before was checked);
        # the others are checked once per distinct value.
        free = tuple(
            at for at in shape.key if columns[at] in INDEPENDENT and columns[at] not in reads
        )
        linked = tuple(at for at in shape.key if columns[at] not in INDEPENDENT)
        removed = plan.removed_scales
        passthrough_at = shape.passthrough
        seen, checked, linked_ok = self._caches
        check_shape = shape.row_problem
        for index, cells in enumerate(table.rows):
            problem = check_shape(cells)
            if problem is not None:
                yield index, self._failed(index, None, problem), _some(cells, passthrough_at)
                continue
            passthrough = tuple([cells[at] for at in passthrough_at])
            together = tuple([cells[at] for at in linked])
            try:
                fits = linked_ok.get(together)
                hash(cells)
            except TypeError:  # a list in a cell, say: this row stands alone
                yield index, self._alone(index, shape, cells), passthrough
                continue
            if fits is None:
                fits = shape.linked_fit(cells)
                _keep(linked_ok, together, fits)
            if not fits or not all(self._fits(shape, at, cells[at], checked) for at in free):
                try:
                    shape.subject(cells)  # raises, naming every bad cell of the row
                except InvalidInputError as error:
                    yield index, self._failed(index, None, error), passthrough
                    continue
            scale = cells[scale_at] if scale_at is not None else None
            scale_key = scale.strip() if isinstance(scale, str) else scale
            key = (
                scale_key if scale_key in removed else None,
                *[cells[at] for at in key_at],
            )
            known = seen.get(key)
            if known is None:
                try:
                    subject = shape.subject(cells)
                except InvalidInputError as error:  # an independent cell the rules read
                    yield index, self._failed(index, None, error), passthrough
                    continue
                result = self._evaluate(index, subject)
                if isinstance(result, Evaluation):
                    _keep(seen, key, result)
                yield index, result, passthrough
            else:
                yield index, known, passthrough

    def _alone(self, index: int, shape: TableShape, cells: tuple[object, ...]) -> _Result:
        try:
            subject = shape.subject(cells)
        except InvalidInputError as error:
            return self._failed(index, None, error)
        return self._evaluate(index, subject)

    def _rows_one_by_one(self, table: _Table) -> Iterator[tuple[int, _Result, _Cells]]:
        """Every row read into its own subject (with its own name), equal rows sharing work."""
        shape = table.shape
        passthrough_at = shape.passthrough
        seen: dict[tuple[object, ...], Evaluation] = {}
        for index, cells in enumerate(table.rows):
            problem = shape.row_problem(cells)
            if problem is not None:
                yield index, self._failed(index, None, problem), _some(cells, passthrough_at)
                continue
            key = tuple([cells[at] for at in shape.key])
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
            if known is not None:
                yield index, attrs.evolve(known, subject=subject), passthrough
                continue
            result = self._evaluate(index, subject)
            if isinstance(result, Evaluation):
                _keep(seen, key, result)
            yield index, result, passthrough

    @staticmethod
    def _fits(
        shape: TableShape, at: int, value: object, checked: dict[tuple[int, object], bool]
    ) -> bool:
        """Whether one independent cell fits, checking each distinct cell once."""
        key = (at, value)
        found = checked.get(key)
        if found is None:
            try:
                shape.check(shape.columns[at], value)
                found = True
            except InvalidInputError:
                found = False
            _keep(checked, key, found)
        return found

    def _evaluate(self, index: int, subject: object) -> _Result:
        if not isinstance(subject, Employee | School):
            error = InvalidInputError(
                "subject", f"must be an Employee or a School, got {type(subject).__name__}"
            )
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
            ) from error
        return RecordError(index, subject, error)  # type: ignore[arg-type]

    # -- the table ----------------------------------------------------------------------

    def rows(
        self, convert: Callable[[object], object] | None = None
    ) -> Iterator[tuple[object, ...]]:
        """One tuple per subject under :attr:`columns`, streamed, in input order.

        Values are Python objects: a Decimal for money and hours (rounded as the
        outcome is), an int, a bool, a ``datetime.date`` or a text; ``None`` in
        an empty cell. ``convert``, when given, is applied to every cell but
        ``index`` (e.g. to text for a CSV writer); rows that share a result
        share its converted cells, so it runs once per distinct result.
        """
        self._start()
        rule_ids = self.rule_ids
        cells_of: dict[int, tuple[_Result, _Cells]] = {}
        for index, result, passthrough in self._results(with_subjects=False):
            cached = cells_of.get(id(result))
            if cached is None or cached[0] is not result:
                if isinstance(result, Evaluation) and type(result.subject) is not self._kind:
                    raise InvalidInputError(
                        f"subjects[{index}]",
                        "a table holds one kind of subject: give employees and schools in two "
                        "batches",
                    )
                cells = _rule_cells(result, rule_ids)
                if convert is not None:
                    cells = tuple([convert(cell) for cell in cells])
                cached = (result, cells)
                _keep(cells_of, id(result), cached)
            if convert is not None:
                passthrough = tuple([convert(cell) for cell in passthrough])
            yield (index, *passthrough, *cached[1])

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

    def _columns(self) -> dict[str, list[object]]:
        names = self.columns
        values: list[list[object]] = [[] for _ in names]
        appenders: list[Callable[[object], None]] = [column.append for column in values]
        for row in self.rows():
            for append, cell in zip(appenders, row, strict=True):
                append(cell)
        return dict(zip(names, values, strict=True))

    def to_pandas(self) -> Any:
        """A pandas DataFrame of every row (pandas must be installed: ``[batch]``).

        Money and hours are Decimal objects (exact), so sums stay exact.
        """
        pandas = _optional("pandas")
        return pandas.DataFrame(self._columns())

    def to_polars(self) -> Any:
        """A polars DataFrame of every row (polars must be installed: ``[batch]``)."""
        polars = _optional("polars")
        columns = self._columns()
        return polars.DataFrame(
            {
                name: polars.Series(name, cells, dtype=polars.Object) if _mixed(cells) else cells
                for name, cells in columns.items()
            },
            strict=False,
        )

    def to_arrow(self) -> Any:
        """A pyarrow Table of every row (pyarrow must be installed: ``[batch]``).

        Money and hours become exact decimal columns; a column whose values mix
        kinds (a text rule) is written as text.
        """
        pyarrow = _optional("pyarrow")
        arrays = {}
        for name, cells in self._columns().items():
            if _mixed(cells):
                cells = [None if cell is None else str(cell) for cell in cells]
            arrays[name] = pyarrow.array(cells)
        return pyarrow.table(arrays)


def _some(cells: Sequence[object], positions: Sequence[int]) -> _Cells:
    """The cells at ``positions`` of a row that may be too short (``None`` where it is)."""
    return tuple(cells[at] if at < len(cells) else None for at in positions)


def _keep(cache: dict[Any, Any], key: object, value: object) -> None:
    """Remember ``value`` under ``key``; past :data:`MEMO_ENTRIES` the cache starts afresh."""
    if len(cache) >= MEMO_ENTRIES:
        cache.clear()
    cache[key] = value


def _mixed(cells: Sequence[object]) -> bool:
    """Whether the cells hold more than one kind of value (besides None)."""
    kinds = {type(cell) for cell in cells if cell is not None}
    return len(kinds) > 1 or tuple in kinds


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
