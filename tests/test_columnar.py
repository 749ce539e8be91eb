"""The columnar path of a batch (issue 11): a pyarrow table read column by column.

Its promise is one sentence: ``to_arrow()`` of a pyarrow (or polars) input gives the very
table the row-by-row reading gives, cell for cell and type for type, only faster. The
property tests hold it to that on random tables of every shipped edition, with cells of
every kind and bad cells among them; the hand-worked tests pin the values and show the
columnar path is the one taken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import onderwijsregels as owr
import onderwijsregels.batch as batch_module
from onderwijsregels.cells import RULE_COLUMNS
from onderwijsregels.columns import table_shape
from onderwijsregels.plan import Plan
from onderwijsregels.testing import strategies as ows

pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")

from onderwijsregels.columnar import _cents, _constant, _Exact, _mul, _Unsupported  # noqa: E402

D = Decimal
RULEBOOK = owr.load()
YEARS = list(range(2020, 2028))


def rows_way(table: Any, **options: Any) -> Any:
    """``to_arrow()`` read row by row (the columnar path switched off)."""
    batch = RULEBOOK.evaluate_many(table, **options)
    batch._by_column = False
    return batch.to_arrow()


def rows_way_or_error(table: Any, **options: Any) -> tuple[Any, str | None]:
    """The rows' way's table, or the text of the InvalidInputError it raises."""
    try:
        return rows_way(table, **options), None
    except owr.InvalidInputError as error:
        return None, str(error)


def assert_the_rows_table(batch: Callable[[], Any], expected: Any, refused: str | None) -> None:
    """``batch().to_arrow()`` is ``expected`` (schema and cells), or raises ``refused`` (making
    the batch may raise it already)."""
    if refused is not None:
        with pytest.raises(owr.InvalidInputError) as caught:
            batch().to_arrow()
        assert str(caught.value) == refused
        return
    found = batch().to_arrow()
    assert found.schema == expected.schema
    assert found.equals(expected)


def columns_way(table: Any, monkeypatch: pytest.MonkeyPatch, **options: Any) -> Any:
    """``to_arrow()`` that must not read the rows (it fails if it does)."""

    def no_rows(_: object) -> Iterator[tuple[object, ...]]:
        raise AssertionError("the rows were read")
        yield ()  # pragma: no cover

    with monkeypatch.context() as patched:
        patched.setattr(batch_module, "_arrow_rows", no_rows)
        return RULEBOOK.evaluate_many(table, **options).to_arrow()


# --- hand-worked values -----------------------------------------------------------------------


def test_a_text_table_gives_the_budgets_without_reading_its_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = pa.table(
        {
            "name": ["Ans", "Bas", "Cas", "Dirk", "Eva"],
            "function": ["leraar", "directeur", "oop", "leraar", "leraar"],
            "werktijdfactor": ["0.6", "1", "0.3333", "0.60", "0.0001"],
        }
    )
    found = columns_way(table, monkeypatch, year=2020, rules="individueel_budget")
    # 2020 (CAO PO 2019-2020, art. 8.1): (500 + 100) x wtf for teachers and OOP,
    # 3000 + 100 for the directie (not pro rata):
    #   600 x 0.6 = 360.00; 3100.00; 600 x 0.3333 = 199.98; 600 x 0.60 = 360.00;
    #   600 x 0.0001 = 0.06
    assert found.column("individueel_budget").to_pylist() == [
        D("360.00"),
        D("3100.00"),
        D("199.98"),
        D("360.00"),
        D("0.06"),
    ]
    # Money is decimal128(38, 2) whatever the rows hold (cents; the schema follows the unit).
    assert found.column("individueel_budget").type == pa.decimal128(38, 2)
    assert found.column("individueel_budget.edition").to_pylist() == ["cao-po-2019-2020"] * 5
    assert found.column("name").to_pylist() == ["Ans", "Bas", "Cas", "Dirk", "Eva"]
    assert found.column("index").to_pylist() == [0, 1, 2, 3, 4]
    assert found.equals(rows_way(table, year=2020, rules="individueel_budget"))


def test_each_rule_is_evaluated_once_per_combination_of_the_columns_it_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 120 teachers at 0.6 with a birth date each: a rule that reads the function alone is
    # evaluated once (one function), a rule that reads the birth date once per birth date,
    # and the budget, reading function and werktijdfactor, once (one werktijdfactor).
    born = [date(1960, 1, 1).toordinal() + day for day in range(120)]
    table = pa.table(
        {
            "function": ["leraar"] * 120,
            "werktijdfactor": ["0.6"] * 120,
            "birth_date": [date.fromordinal(day).isoformat() for day in born],
        }
    )
    calls: dict[str, int] = {}
    real = Plan.evaluate

    def counted(plan: Plan, subject: owr.Employee | owr.School) -> owr.Evaluation:
        for rule_id in plan.rule_ids:
            calls[rule_id] = calls.get(rule_id, 0) + 1
        return real(plan, subject)

    with monkeypatch.context() as patched:
        patched.setattr(Plan, "evaluate", counted)
        found = columns_way(table, monkeypatch, year=2020)
    assert calls["maximale_spaartermijn"] == 1
    assert calls["individueel_budget"] == 1
    assert calls["duurzame_inzetbaarheid_spaartermijn"] == 120
    assert found["individueel_budget"].to_pylist() == [D("360.00")] * 120  # (500 + 100) × 0.6
    assert found.equals(rows_way(table, year=2020))


def test_a_removed_scale_is_grouped_apart_and_other_scales_together(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # CAO PO 2024-2025 removed D11 ("De schalen A10 en D11 zijn geschrapt uit het loongebouw"):
    # in 2025 a D11 directeur is still evaluated, with a note, so the D11 row is evaluated
    # apart; D12 and no scale change nothing, so those rows are one group (two evaluations of
    # a rule that reads the function, not three).
    table = pa.table(
        {
            "function": ["directeur"] * 3,
            "werktijdfactor": ["1"] * 3,
            "scale": ["D11", "D12", None],
        }
    )
    calls: list[object] = []
    real = Plan.evaluate

    def counted(plan: Plan, subject: owr.Employee | owr.School) -> owr.Evaluation:
        if "maximale_spaartermijn" in plan.rule_ids:
            calls.append(getattr(subject, "scale", None))
        return real(plan, subject)

    with monkeypatch.context() as patched:
        patched.setattr(Plan, "evaluate", counted)
        found = columns_way(table, monkeypatch, year=2025)
    assert sorted(map(str, calls)) == ["D11", "D12"]
    assert found.equals(rows_way(table, year=2025))
    # From 2026 D11 is refused, also written with spaces (a cell is read without them), even
    # when the rules asked for do not read the scale: never the D12 row's budget.
    spaced = pa.table(
        {"function": ["directeur"] * 2, "werktijdfactor": ["1"] * 2, "scale": ["D12", " D11 "]}
    )
    options: dict[str, Any] = {"year": 2026, "rules": "individueel_budget", "errors": "collect"}
    refused = RULEBOOK.evaluate_many(spaced, **options).to_arrow()
    assert refused.column("error")[1].as_py().startswith("scale: scale D11 was removed")
    assert refused.equals(rows_way(spaced, **options))


def test_a_value_the_sources_do_not_give_stays_empty_with_its_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = pa.table({"function": ["directeur", "leraar"], "werktijdfactor": ["1", "0.5"]})
    found = columns_way(table, monkeypatch, year=2026, rules="individueel_budget")
    statuses = found.column("individueel_budget.status").to_pylist()
    assert statuses[0] == "not_encoded"  # the directie amount from 2025: not in our sources
    assert found.column("individueel_budget").to_pylist()[0] is None
    assert found.column("individueel_budget.reason").to_pylist()[0]
    assert statuses[1] == "ok"
    assert found.equals(rows_way(table, year=2026, rules="individueel_budget"))


def test_typed_columns_and_chunks_give_the_rows_table(monkeypatch: pytest.MonkeyPatch) -> None:
    one = pa.table(
        {
            "id": pa.array([7, 8], pa.int32()),
            "function": ["leraar", "oop"],
            "werktijdfactor": pa.array([D("0.5000"), D("0.2500")], pa.decimal128(5, 4)),
            "scale": ["L10", None],
            "trede": pa.array([3, None], pa.int64()),
            "birth_date": pa.array([date(1960, 5, 1), None], pa.date32()),
        }
    )
    table = pa.concat_tables([one, one.slice(1), one])  # three chunks
    found = columns_way(table, monkeypatch, year=2021)
    assert found.equals(rows_way(table, year=2021))
    assert found.column("id").type == pa.int32()  # a copied column stays as it was given


def test_copied_columns_keep_their_type_so_chunks_concatenate() -> None:
    # A chunk whose names (or kept cells) are all empty still has a text column, as given.
    text = pa.string()
    one = pa.table({"name": pa.array([None], text), "function": ["oop"], "werktijdfactor": ["0.6"]})
    other = pa.table(
        {"name": pa.array(["Ans"], text), "function": ["oop"], "werktijdfactor": ["1"]}
    )
    found = [
        RULEBOOK.evaluate_many(chunk, year=2020, rules="individueel_budget").to_arrow()
        for chunk in (one, other)
    ]
    assert found[0].schema.field("name").type == text
    # 600 x 0.6 = 360.00 and 600 x 1 = 600.00 (2020: 500 + 100)
    both = pa.concat_tables(found)
    assert both.column("individueel_budget").to_pylist() == [D("360.00"), D("600.00")]
    # Objects without names: the name column is text too.
    staff = [owr.Employee(function=owr.Function.OOP, werktijdfactor=D("1"))]
    table = RULEBOOK.evaluate_many(staff, year=2020, rules="individueel_budget").to_arrow()
    assert table.schema.field("name").type == text


def test_a_polars_frame_goes_the_columnar_way(monkeypatch: pytest.MonkeyPatch) -> None:
    polars = pytest.importorskip("polars")
    frame = polars.DataFrame({"function": ["leraar", "leraar"], "werktijdfactor": ["0.5", "0.25"]})
    found = columns_way(frame, monkeypatch, year=2020, rules="individueel_budget")
    # 600 x 0.5 = 300.00; 600 x 0.25 = 150.00
    assert found.column("individueel_budget").to_pylist() == [D("300.00"), D("150.00")]
    out = RULEBOOK.evaluate_many(frame, year=2020, rules="individueel_budget").to_polars()
    assert out["individueel_budget"].to_list() == [D("300.00"), D("150.00")]


def test_a_bad_cell_is_reported_at_its_row_as_the_rows_report_it() -> None:
    table = pa.table({"function": ["leraar", "leraar"], "werktijdfactor": ["0.5", "1.5"]})
    with pytest.raises(owr.InvalidInputError, match=r"row 1\.werktijdfactor"):
        RULEBOOK.evaluate_many(table, year=2020).to_arrow()
    collected = RULEBOOK.evaluate_many(table, year=2020, errors="collect").to_arrow()
    assert collected.equals(rows_way(table, year=2020, errors="collect"))
    assert collected.column("error").to_pylist()[0] is None
    assert "werktijdfactor" in collected.column("error").to_pylist()[1]


def test_a_blank_name_goes_the_rows_way_with_the_same_result() -> None:
    table = pa.table(
        {"name": ["  ", "\u2003"], "function": ["oop", "oop"], "werktijdfactor": ["1", "1"]}
    )
    found = RULEBOOK.evaluate_many(table, year=2020, errors="collect").to_arrow()
    assert found.equals(rows_way(table, year=2020, errors="collect"))


def test_a_batch_read_by_columns_is_read_once() -> None:
    batch = RULEBOOK.evaluate_many(
        pa.table({"function": ["oop"], "werktijdfactor": ["1"]}), year=2020
    )
    batch.to_arrow()
    with pytest.raises(owr.InvalidInputError, match="read once"):
        batch.to_arrow()


# --- the integer replay -----------------------------------------------------------------------


def test_cents_round_half_up_away_from_zero_once() -> None:
    # 12.345 -> 12.35, -12.345 -> -12.35, 12.344 -> 12.34, 0.005 -> 0.01 (ROUND_HALF_UP)
    value = _Exact(np.array([12345, -12345, 12344, 5], dtype=np.int64), -3, 12345)
    assert _cents(value, 4).tolist() == [1235, -1235, 1234, 1]
    # 3 x 10**1 = 30 euro = 3000 cents
    assert _cents(_Exact(3, 1, 3), 2).tolist() == [3000, 3000]


def test_numbers_beyond_int64_are_left_to_the_rows() -> None:
    with pytest.raises(_Unsupported):
        _constant(D("1E+30"))
    with pytest.raises(_Unsupported):
        _constant(D("NaN"))
    with pytest.raises(_Unsupported):
        _constant(0.5)  # a float is never replayed
    big = _constant(D("4000000000"))
    with pytest.raises(_Unsupported):  # 4e9 x 4e9 = 1.6e19 > 2**62
        _mul(big, big)


# --- linked groups ----------------------------------------------------------------------------

_COLUMNS = [
    "function",
    "werktijdfactor",
    "scale",
    "trede",
    "statutair_bestuurder",
    "registration.register",
    "registration.decision_date",
    "registration.refused_on",
    "registration.postponed_until",
    "registration.points",
    "registration.points_at_decision",
    "registration.title",
    "registration.predicate",
    "registration.route",
]
_CELLS = {
    "function": ["leraar", "directeur", "oop", "baas", ""],
    "werktijdfactor": ["1"],
    "scale": ["L10", "D12", "XX", ""],
    "trede": ["3", "-1", "x", ""],
    "statutair_bestuurder": ["ja", "nee", "misschien", ""],
    "registration.register": ["schoolleidersregister-po", "lerarenregister", "elders", ""],
    "registration.decision_date": ["2020-01-01", "2021-13-01", ""],
    "registration.refused_on": ["2020-06-01", ""],
    "registration.postponed_until": ["2019-01-01", "2022-01-01", ""],
    "registration.points": ["10", "x", ""],
    "registration.points_at_decision": ["0", "-3", ""],
    "registration.title": ["RADO", "baas", ""],
    "registration.predicate": ["master", "niveau 9", ""],
    "registration.route": ["evc", "x", ""],
}


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({column: st.sampled_from(_CELLS[column]) for column in _COLUMNS}))
def test_the_linked_groups_fit_exactly_when_the_row_fits(cells: dict[str, str]) -> None:
    shape = table_shape(_COLUMNS)
    row = [cells[column] for column in _COLUMNS]
    groups = shape.linked_groups
    # function, scale, trede, statutair_bestuurder; the four checked together; five alone
    assert [len(group) for group in groups] == [4, 4, 1, 1, 1, 1, 1]
    assert shape.linked_fit(row) == all(shape.linked_fit(row, group) for group in groups)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_COLUMNS), unique=True, min_size=1),
    st.fixed_dictionaries({column: st.sampled_from(_CELLS[column]) for column in _COLUMNS}),
)
def test_the_linked_groups_fit_exactly_when_the_row_fits_whatever_the_columns(
    columns: list[str], cells: dict[str, str]
) -> None:
    """Also when a table leaves out some columns (points without a register column, say)."""
    if "function" not in columns:
        columns = ["function", *columns]
    shape = table_shape(columns)
    row = [cells[column] for column in columns]
    groups = shape.linked_groups
    assert sorted(at for group in groups for at in group) == sorted(
        at for at in shape.key if columns[at] not in ("werktijdfactor", "birth_date")
    )
    assert shape.linked_fit(row) == all(shape.linked_fit(row, group) for group in groups)


def test_a_registration_cell_checked_alone_is_read_with_a_register_and_a_decision_date() -> None:
    columns = ["function", "werktijdfactor", "registration.register", "registration.decision_date"]
    shape = table_shape([*columns, "registration.points"])
    row = ["leraar", "1", "", "", "12"]  # points without a register: refused
    assert shape.linked_groups == ((0,), (2, 3), (4,))  # function; register and date; points
    together, alone = (2, 3), 4
    assert shape.presence(together) == (alone,)
    assert shape.linked_fit(row, (alone,))  # 12 points fit on their own
    assert not shape.linked_fit(row, together)  # but a registration needs its register
    assert not shape.linked_fit(row)


def test_the_neutral_cells_fit() -> None:
    """Each neutral cell a group's check puts in a column it leaves out fits on its own."""
    columns = ["function", "werktijdfactor", *(c for c in _COLUMNS if c.startswith("regis"))]
    shape = table_shape(columns)
    row = ["oop", "1", "schoolleidersregister-po", "2000-01-01", "", "", "0", "0", "RDO"]
    row += ["niveau 1", "master"]
    assert [len(row), shape.linked_fit(row)] == [len(columns), True]


# --- one field checked alone ------------------------------------------------------------------

_FIELD_CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 3),
    st.floats(allow_nan=True),
    st.decimals(allow_nan=True),
    st.dates(),
    st.datetimes(),
    st.sampled_from(["", " ", "1", "0", "0.6", "0.60", "1.0", "1.5", "-0.5", "1e-3", "NaN"]),
    st.sampled_from(["1961-03-04", "1961-02-30", "1899-12-31", "3000-01-01", "04-03-1961"]),
    st.text(max_size=12),
)


@settings(max_examples=400, deadline=None)
@given(column=st.sampled_from(["birth_date", "werktijdfactor"]), cell=_FIELD_CELLS)
def test_a_field_read_alone_is_read_as_the_employee_reads_it(column: str, cell: object) -> None:
    """``structure_field`` (how a batch checks each distinct cell of an independent column)
    accepts exactly what ``Employee.from_dict`` accepts in that field, with the same value."""
    from onderwijsregels.convert import structure_field

    data: dict[str, object] = {"function": "oop", "werktijdfactor": "1", column: cell}
    try:
        whole: object = getattr(owr.Employee.from_dict(data), column)
    except owr.InvalidInputError as error:
        whole = error
    try:
        alone: object = structure_field(owr.Employee, column, cell)
    except owr.InvalidInputError as error:
        alone = error
    if isinstance(whole, owr.InvalidInputError):
        assert isinstance(alone, owr.InvalidInputError)
        assert {field for field, _ in alone.problems} == {column}
    else:
        assert repr(alone) == repr(whole)  # the same value, to the last digit


# --- the property: the columnar way is the rows' way ------------------------------------------


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _rows_of(people: list[owr.Employee]) -> list[dict[str, object]]:
    rows = []
    for person in people:
        row: dict[str, object] = {}
        for name, value in person.to_dict().items():
            if name == "registration":
                for inner, item in (value or {}).items():
                    row[f"registration.{inner}"] = item
            else:
                row[name] = value
        rows.append(row)
    return rows


@st.composite
def tables(draw: st.DrawFn) -> Any:
    """Employee tables as pyarrow tables: text or typed columns, rows that repeat with
    another werktijdfactor (so groups are replayed), and now and then a bad cell."""
    people = draw(st.lists(ows.employees(with_registers=True), min_size=1, max_size=6))
    rows = _rows_of(people)
    for row in list(rows):  # the same person at other werktijdfactors
        for factor in draw(st.lists(ows.werktijdfactoren(), max_size=3)):
            rows.append({**row, "werktijdfactor": str(factor)})
    names = sorted({name for row in rows for name in row})
    typed = draw(st.booleans())
    columns: dict[str, Any] = {}
    for name in names:
        cells = [row.get(name) for row in rows]
        if typed and name == "werktijdfactor":
            places = max(-D(str(cell)).as_tuple().exponent for cell in cells)  # type: ignore[operator]
            columns[name] = pa.array([D(str(cell)) for cell in cells], pa.decimal128(10, places))
        elif typed and name in ("birth_date", "registration.decision_date"):
            columns[name] = pa.array(
                [None if cell is None else date.fromisoformat(str(cell)) for cell in cells],
                pa.date32(),
            )
        elif typed and name in ("trede", "registration.points"):
            columns[name] = pa.array(cells, pa.int64())
        elif typed and name == "statutair_bestuurder":
            columns[name] = pa.array(cells, pa.bool_())
        else:
            columns[name] = pa.array([_text(cell) for cell in cells], pa.string())
    if draw(st.booleans()):  # a bad cell somewhere (or a name that is only blank)
        column, bad = draw(
            st.sampled_from(
                [
                    ("werktijdfactor", "1.5"),
                    ("werktijdfactor", "0,5"),
                    ("werktijdfactor", ""),
                    ("function", "baas"),
                    ("birth_date", "1960-02-30"),
                    ("scale", "Z1"),
                    # a removed scale with spaces: refused, or noted, as the rows read it
                    ("scale", " D11 "),
                    ("scale", "A10 "),
                    ("name", " "),
                    # registration cells: checked alone, or together with the register and dates
                    ("registration.points", "x"),
                    ("registration.points", "12"),  # refused where the row has no register
                    ("registration.predicate", "niveau 9"),
                    ("registration.register", ""),
                    ("registration.decision_date", ""),
                    ("registration.postponed_until", "1999-01-01"),
                ]
            )
        )
        at = draw(st.integers(0, len(rows) - 1))
        cells = (
            [_text(cell) for cell in columns[column].to_pylist()]
            if column in columns
            else ([None] * len(rows))
        )
        cells[at] = bad
        columns[column] = pa.array(cells, pa.string())
    return pa.table(columns)


_RULES = [
    None,
    "individueel_budget",
    ["individueel_budget", "duurzame_inzetbaarheid_basisbudget_uren"],
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    table=tables(),
    year=st.sampled_from(YEARS),
    rules=st.sampled_from(_RULES),
    errors=st.sampled_from(["raise", "collect"]),
)
def test_the_columnar_table_is_the_rows_table(
    table: Any, year: int, rules: Any, errors: str
) -> None:
    options: dict[str, Any] = {"year": year, "rules": rules, "errors": errors}
    expected, refused = rows_way_or_error(table, **options)
    assert_the_rows_table(lambda: RULEBOOK.evaluate_many(table, **options), expected, refused)


_DIRECTIE_SCALES = {
    "directeur": ["D11", " D11 ", "D12", None, ""],
    "adjunct-directeur": ["A10", "A10 ", "A11", None, ""],
}


@st.composite
def directie_tables(draw: st.DrawFn) -> Any:
    """Tables of directeuren (or of adjunct-directeuren) whose scales the 2024-2025 CAO
    removed (D11, A10), with spaces or not, among other scales of theirs and none."""
    function = draw(st.sampled_from(sorted(_DIRECTIE_SCALES)))
    rows = draw(
        st.lists(
            st.tuples(st.sampled_from(_DIRECTIE_SCALES[function]), st.sampled_from(["1", "0.5"])),
            min_size=2,
            max_size=6,
        )
    )
    return pa.table(
        {
            "function": [function] * len(rows),
            "scale": [scale for scale, _ in rows],
            "werktijdfactor": [factor for _, factor in rows],
        }
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    table=directie_tables(),
    year=st.sampled_from([2024, 2025, 2026]),
    rules=st.sampled_from(["individueel_budget", None]),
)
def test_removed_scales_give_the_rows_table(table: Any, year: int, rules: Any) -> None:
    # D11 and A10 are noted in 2025 and refused from 2026; rows that differ only in another
    # scale share their results, a removed one never shares them with another scale.
    options: dict[str, Any] = {"year": year, "rules": rules, "errors": "collect"}
    expected, refused = rows_way_or_error(table, **options)
    assert_the_rows_table(lambda: RULEBOOK.evaluate_many(table, **options), expected, refused)


# --- one row of a table ----------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    table=tables(),
    year=st.sampled_from(YEARS),
    kind=st.sampled_from(["arrow", "mapping", "pandas", "polars"]),
)
def test_evaluate_row_is_the_batch_row(table: Any, year: int, kind: str) -> None:
    """``evaluate_row(table, i)`` is the batch's i-th evaluation (or its error, named by row),
    for every kind of table."""
    if kind == "mapping":
        table = {name: table.column(name).to_pylist() for name in table.column_names}
    elif kind == "pandas":
        table = pytest.importorskip("pandas").DataFrame(
            {name: table.column(name).to_pylist() for name in table.column_names}, dtype=object
        )
    elif kind == "polars":
        table = pytest.importorskip("polars").from_arrow(table)
    items = list(RULEBOOK.evaluate_many(table, year=year, errors="collect"))
    for row, item in enumerate(items):
        if isinstance(item, owr.RecordError):
            with pytest.raises(owr.InputError) as caught:
                RULEBOOK.evaluate_row(table, row, year=year)
            problems = getattr(caught.value, "problems", (("", str(caught.value)),))
            named = [
                (f"row {row}.{where}" if where else f"row {row}", why)
                for where, why in item.problems
            ]
            assert list(problems) == named
        else:
            assert RULEBOOK.evaluate_row(table, row, year=year).to_dict() == item.to_dict()


def test_evaluate_row_explains_a_row_of_an_export() -> None:
    export = {
        "name": ["Anna", "Ivo"],
        "function": ["leraar", "directeur"],
        "werktijdfactor": ["0.6", "1"],
        "registration.register": [None, "schoolleidersregister-po"],
        "registration.decision_date": [None, "2021-03-01"],
    }
    anna = RULEBOOK.evaluate_row(export, 0, year=2020, rules="individueel_budget")
    assert anna.subject.name == "Anna"
    # (500 + 100) x 0.6 = 360.00 (CAO PO 2019-2020 art. 9.3 lid 2, +100 in 2020)
    assert anna["individueel_budget"].value == D("360.00")
    assert "Pro rata: € 600,00 × werktijdfactor 0.6 = € 360,00" in anna.explain()
    ivo = RULEBOOK.evaluate_row(export, 1, year=2020).subject
    assert isinstance(ivo, owr.Employee)
    assert ivo.registration is not None
    assert ivo.registration.decision_date == date(2021, 3, 1)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (2, "row: must be from 0 to 1, got 2"),
        (-1, "row: must be from 0 to 1, got -1"),
        (True, "row: must be a row's position (0, 1, ...), got True"),
        ("0", "row: must be a row's position (0, 1, ...), got '0'"),
    ],
)
def test_evaluate_row_refuses_a_row_that_is_not_there(row: object, message: str) -> None:
    export = {"function": ["leraar", "oop"], "werktijdfactor": ["0.6", "1"]}
    with pytest.raises(owr.InvalidInputError) as caught:
        RULEBOOK.evaluate_row(export, row, year=2020)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_evaluate_row_refuses_what_is_no_table() -> None:
    with pytest.raises(owr.InvalidInputError, match="give a mapping of columns, a list of records"):
        RULEBOOK.evaluate_row([owr.Employee(function="oop", werktijdfactor=1)], 0, year=2020)


@st.composite
def text_columns(draw: st.DrawFn) -> dict[str, list[object]]:
    """The tables of :func:`tables` as a mapping of Python lists of texts, with empty cells
    as None, "" or NaN or NA (pandas' empty cells), and now and then an odd cell: in a column
    a subject is read from, one that is no text (bytes, a float, a pyarrow scalar, a lone
    surrogate: such a table is read the rows' way) or numpy's str; a copied column of whole
    numbers or floats (read by column, copied as the rows' way copies it)."""
    pandas = pytest.importorskip("pandas")
    table = draw(tables())
    columns: dict[str, list[object]] = {}
    for name in table.column_names:
        empty = draw(st.sampled_from([None, "", float("nan"), pandas.NA]))
        columns[name] = [
            empty if cell is None else cell for cell in map(_text, table.column(name).to_pylist())
        ]
    odd = draw(
        st.sampled_from(
            [
                None,
                ("id", 7),
                ("function", b"leraar"),
                ("werktijdfactor", 0.5),
                ("name", np.str_("Anna")),
                ("werktijdfactor", np.str_("0.5")),
                ("function", pa.scalar("leraar")),
                ("function", "\udcff"),
                ("name", "\udcff"),
                ("id", 2**70),
                ("id", 1.5),
            ]
        )
    )
    if odd is not None:
        column, cell = odd
        size = table.num_rows
        cells = columns.setdefault(column, [None] * size)
        cells[draw(st.integers(0, size - 1))] = cell
    return columns


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    columns=text_columns(),
    year=st.sampled_from(YEARS),
    rules=st.sampled_from(_RULES),
    errors=st.sampled_from(["raise", "collect"]),
    frame=st.booleans(),
)
def test_python_columns_of_texts_read_by_column_give_the_rows_table(
    columns: dict[str, list[object]], year: int, rules: Any, errors: str, frame: bool
) -> None:
    """A mapping of text columns (or a pandas frame of them) is read by column as a pyarrow
    table of texts is; the result is the rows' way's, and so are its errors."""
    pandas = pytest.importorskip("pandas")
    table: Any = pandas.DataFrame(columns, dtype=object) if frame else columns
    options: dict[str, Any] = {"year": year, "rules": rules, "errors": errors}
    expected, refused = rows_way_or_error(table, **options)
    if refused is not None and "is not a rule of the edition" in refused:
        with pytest.raises(owr.InvalidInputError) as caught:  # refused before reading
            RULEBOOK.evaluate_many(table, **options)
        assert str(caught.value) == refused
        return
    batch = RULEBOOK.evaluate_many(table, **options)

    def text(cell: object) -> bool:  # a text (numpy's str too) or a missing cell
        if cell is None or type(cell).__name__ == "NAType":
            return True
        if isinstance(cell, float):
            return cell != cell  # NaN
        return isinstance(cell, str) and "\udcff" not in cell

    shape = batch._table.shape  # type: ignore[union-attr]
    read = [name for at, name in enumerate(columns) if at in (*shape.key, *shape.blank)]
    if all(text(cell) for name in read for cell in columns[name]):
        surrogate = any(
            isinstance(cell, str) and "\udcff" in cell for cell in columns.get("name", [])
        )
        assert (batch._text_table() is None) == surrogate  # a copied lone surrogate: rows
    else:  # a subject is read from a column with a cell that is no text: the rows' way
        assert batch._text_table() is None
    assert_the_rows_table(lambda: batch, expected, refused)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables(), year=st.sampled_from(YEARS), errors=st.sampled_from(["raise", "collect"]))
def test_a_list_of_records_is_read_as_its_columns(table: Any, year: int, errors: str) -> None:
    """Records (one dict per row) give the table of the same cells as a mapping of columns,
    and the same errors; a record may leave out a key whose cell is empty."""
    columns = {name: table.column(name).to_pylist() for name in table.column_names}
    records = [
        {name: cells[row] for name, cells in columns.items() if cells[row] is not None}
        for row in range(table.num_rows)
    ]
    if not all(records):
        return  # a record with no key at all: no columns to read
    options: dict[str, Any] = {"year": year, "errors": errors}
    expected, refused = rows_way_or_error(columns, **options)
    if refused is None:  # columns no record has (all empty) are no columns of the records
        named = {name for record in records for name in record}
        expected = expected.drop_columns(
            [n for n in expected.column_names if n in ("name", "id") and n not in named]
        )
    assert_the_rows_table(lambda: RULEBOOK.evaluate_many(records, **options), expected, refused)


def test_python_columns_of_texts_are_read_by_column() -> None:
    columns = {"name": ["Anna", "Bram"], "function": ["leraar", "oop"]}
    columns["werktijdfactor"] = ["0.6", "1"]
    batch = RULEBOOK.evaluate_many(columns, year=2020, rules="individueel_budget")
    read = batch_module.Batch._table_results
    try:  # reading the rows would fail
        batch_module.Batch._table_results = None  # type: ignore[assignment]
        found = batch.to_arrow()
    finally:
        batch_module.Batch._table_results = read  # type: ignore[method-assign]
    # (500 + 100) x 0.6 = 360.00, (500 + 100) x 1 = 600.00: art. 9.3 lid 2, +100 in 2020 (9.8)
    assert found.column("individueel_budget").to_pylist() == [D("360.00"), D("600.00")]


@settings(max_examples=200, deadline=None)
@given(
    names=st.lists(st.none() | st.text(max_size=4), max_size=6),
    large=st.booleans(),
    start=st.integers(0, 2),
)
def test_names_read_from_arrow_buffers_fit_as_the_rows_check_them(
    names: list[str | None], large: bool, start: int
) -> None:
    from onderwijsregels.columnar import _names_fit

    shape = table_shape(["name", "function"])
    column = pa.array(["x", "  ", *names], pa.large_string() if large else pa.string())
    column = column.slice(min(start, len(column)))  # an offset into the buffers, as a chunk has
    expected = all(shape.name_fits([name, "oop"]) for name in column.to_pylist())
    assert _names_fit(column, shape, 2) == expected


_NEAR_FACTORS = st.one_of(
    st.from_regex(r"[01]?\.[0-9]{0,14}|[0-2]|1\.0{0,14}|0\.0{0,13}[0-9]", fullmatch=True),
    st.decimals(0, 2, allow_nan=False, allow_infinity=False).map(str),  # 1E-7 and such too
    st.sampled_from(["0,5", " 0.5", "0.5 ", "+0.5", "1e0", "0.5E-1", "00.5", "١", ""]),
)
_NEAR_DAYS = st.one_of(
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    st.dates(date(1850, 1, 1), date(3050, 12, 31)).map(date.isoformat),
    st.sampled_from(["2020-1-01", " 2020-01-01", "2020-01-01 ", "20200101", "２０２０-01-01", ""]),
)


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(st.none() | _NEAR_FACTORS, max_size=8), large=st.booleans())
def test_a_plain_werktijdfactor_found_in_arrow_is_the_one_an_employee_reads(
    cells: list[str | None], large: bool
) -> None:
    # A fresh table's distinct werktijdfactors written plainly (0.9233, 1) are read in Arrow,
    # all at once; each must be one the Employee's check accepts, with the same digits and
    # exponent (what the replay multiplies by). Any other is left to that check.
    from onderwijsregels.columnar import _plain_factors
    from onderwijsregels.model import to_werktijdfactor

    column = pa.array(cells, pa.large_string() if large else pa.string())
    plain, coefficients, exponents = _plain_factors(column, np.arange(len(cells)))
    for cell, found, coefficient, exponent in zip(
        cells, plain, coefficients, exponents, strict=True
    ):
        if not found:
            continue
        read = to_werktijdfactor(cell)  # raises if the check refuses it
        _, digits, written = read.as_tuple()
        assert (int("".join(map(str, digits))), written) == (coefficient, exponent)
        assert -12 <= exponent <= 0


def test_many_cells_not_written_plainly_are_checked_as_the_rows_check_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 100 distinct werktijdfactors and birth dates with a space before them: none is plain,
    # so each is checked the rows' way (past _SINGLE of them, from the column converted at
    # once), and read without its spaces. (500 + 100) × 0.5 = 300.00 for the first (2020).
    from onderwijsregels.columnar import _SINGLE

    size = 100
    assert size > _SINGLE
    table = pa.table(
        {
            "function": ["oop"] * size,
            "werktijdfactor": [f" 0.5{number:02d}" for number in range(size)],
            "birth_date": [f" 19{60 + number % 40}-0{1 + number % 9}-01" for number in range(size)],
        }
    )
    options: dict[str, Any] = {"year": 2020, "rules": "individueel_budget"}
    expected = rows_way(table, **options)
    found = columns_way(table, monkeypatch, **options)
    assert found.equals(expected)
    assert found.column("individueel_budget")[0].as_py() == D("300.00")


def test_plain_werktijdfactors_are_most_of_an_export() -> None:
    from onderwijsregels.columnar import _plain_factors

    cells = ["0.6", "1", "1.00", "0.9233", "0.000000000001", "0.0", "1.5", ".5", " 0.5", "0,5"]
    plain, coefficients, exponents = _plain_factors(pa.array(cells), np.arange(len(cells)))
    assert plain.tolist() == [True] * 5 + [False] * 5
    assert coefficients[:5].tolist() == [6, 1, 100, 9233, 1]
    assert exponents[:5].tolist() == [-1, 0, -2, -4, -12]


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(st.none() | _NEAR_DAYS, max_size=8))
def test_a_plain_day_found_in_arrow_is_one_the_rows_accept(cells: list[str | None]) -> None:
    # A birth date written YYYY-MM-DD, from 1900-01-01 to 2999-12-31, that is a day of the
    # calendar: found in Arrow exactly when parse_day accepts it (2020-02-30, 2100-02-29 and
    # 1899-12-31 are refused both ways).
    from onderwijsregels.columnar import _plain_days
    from onderwijsregels.convert import parse_day

    plain = _plain_days(pa.array(cells, pa.string()), np.arange(len(cells)))
    for cell, found in zip(cells, plain, strict=True):
        try:
            parse_day(cell, "birth_date")  # type: ignore[arg-type]
            accepted = True
        except owr.InvalidInputError:
            accepted = False
        assert found == accepted, cell


def test_many_groups_read_their_cells_one_at_a_time_then_the_column(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 150 OOP employees, each with a scale of their own (the sources name no OOP scales, so
    # any is accepted) and one of three werktijdfactors: every rule of 2026, so the scale is
    # read and each scale makes a group. Past _SINGLE groups the cells of a column are
    # converted at once; the table is the rows' table either way.
    from onderwijsregels.columnar import _SINGLE

    size = 150
    assert size > _SINGLE
    table = pa.table(
        {
            "function": ["oop"] * size,
            "scale": [f"S{number}" for number in range(size)],
            "werktijdfactor": [("0.5", "0.8", "1")[number % 3] for number in range(size)],
            "birth_date": [f"19{60 + number % 40}-01-01" for number in range(size)],
        }
    )
    options: dict[str, Any] = {"year": 2026, "errors": "collect"}
    expected = rows_way(table, **options)
    found = columns_way(table, monkeypatch, **options)
    assert found.equals(expected)
    assert found.column("error").null_count == size


def test_tables_of_two_batches_concatenate() -> None:
    # One table has only a teacher (no 3100.00, no error), the other a directeur and a bad
    # row: their schemas follow the rules' units, not the rows, so they concatenate.
    options: dict[str, Any] = {"year": 2020, "errors": "collect"}
    one = RULEBOOK.evaluate_many(
        pa.table({"function": ["leraar"], "werktijdfactor": ["0.5"]}), **options
    ).to_arrow()
    other = RULEBOOK.evaluate_many(
        pa.table({"function": ["directeur", "leraar"], "werktijdfactor": ["1", "2"]}), **options
    ).to_arrow()
    assert one.schema == other.schema
    both = pa.concat_tables([one, other])
    # 600 x 0.5 = 300.00; the directeur 3100.00; the bad row (werktijdfactor 2) has no value
    assert both.column("individueel_budget").to_pylist() == [D("300.00"), D("3100.00"), None]
    assert both.column("error").to_pylist()[:2] == [None, None]
    assert "werktijdfactor" in both.column("error").to_pylist()[2]
    assert both.schema.field("error").type == pa.string()
    assert both.schema.field("uren_per_jaar.reason").type == pa.string()


# --- found by an adversarial review -----------------------------------------------------------


def test_a_kept_column_named_like_a_result_column_is_refused() -> None:
    # A pandas reset_index() export has an "index" column; the result has one of its own.
    table = pa.table(
        {"index": [10, 11], "function": ["leraar", "leraar"], "werktijdfactor": ["1"] * 2}
    )
    with pytest.raises(owr.InvalidInputError, match="'index' has the name of a column"):
        RULEBOOK.evaluate_many(table, year=2020, keep=["index"])


def _proef(compute: Any) -> owr.Rulebook:
    from test_tracing import _rulebook

    return _rulebook(compute)


@pytest.mark.parametrize(
    ("arithmetic", "expected"),
    [
        # 1000 × 0.5 / 4 = 125.00 and 1000 × 0.25 / 4 = 62.50: a division, worked out in Decimal
        (lambda factor: Decimal(1000) * factor / 4, [D("125.00"), D("62.50")]),
        # 0.5 × 1E+15 - 0.000001 = 499999999999999.999999 -> 500000000000000.00 (half-up):
        # beyond 64-bit integers at one exponent, so worked out in Decimal
        (
            lambda factor: factor * D("1E+15") - D("0.000001"),
            [D("500000000000000.00"), D("250000000000000.00")],
        ),
    ],
)
def test_a_replay_the_integers_cannot_do_is_done_in_decimal(
    arithmetic: Any, expected: list[Decimal], monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_tracing import CITE

    rulebook = _proef(
        lambda ctx: owr.Computation(arithmetic(ctx.employee.werktijdfactor), [], CITE)
    )
    table = pa.table({"function": ["leraar"] * 3, "werktijdfactor": ["0.5", "0.25", "0.5"]})
    found = rulebook.evaluate_many(table, year=2030).to_arrow()
    assert found.column("proef").to_pylist() == [expected[0], expected[1], expected[0]]
    rows = rulebook.evaluate_many(table, year=2030)
    rows._by_column = False
    assert found.equals(rows.to_arrow())


def test_a_werktijdfactor_with_many_decimals_is_worked_out_alone() -> None:
    # 600 × 0.1234567890123456789 = 74.07407340740740734 -> 74.07; the others in integers:
    # 600 × 0.5 = 300.00, 600 × 0.25 = 150.00 (2020: 500 + 100)
    table = pa.table(
        {
            "function": ["leraar"] * 4,
            "werktijdfactor": ["0.5", "0.1234567890123456789", "0.25", "0.5"],
        }
    )
    found = RULEBOOK.evaluate_many(table, year=2020, rules="individueel_budget").to_arrow()
    assert found.column("individueel_budget").to_pylist() == [
        D("300.00"),
        D("74.07"),
        D("150.00"),
        D("300.00"),
    ]
    assert found.equals(rows_way(table, year=2020, rules="individueel_budget"))


def test_to_polars_is_the_arrow_table_for_rows_and_columns_alike() -> None:
    polars = pytest.importorskip("polars")
    table = {"function": ["directeur"], "werktijdfactor": ["1"]}
    rules = ["individueel_budget", "bestedingsvormen_directiebudget"]
    from_rows = RULEBOOK.evaluate_many(table, year=2020, rules=rules).to_polars()
    from_arrow = RULEBOOK.evaluate_many(pa.table(table), year=2020, rules=rules).to_polars()
    assert from_rows.schema == from_arrow.schema
    assert from_rows.equals(from_arrow)
    assert from_rows.schema["individueel_budget"] == polars.Decimal(38, 2)
    assert from_rows.schema["bestedingsvormen_directiebudget"] == polars.String


# --- found by the review of the text-column path ----------------------------------------------


def test_a_lone_surrogate_is_a_typed_error_both_ways() -> None:
    # Text read with errors="surrogateescape" holds lone surrogates, which UTF-8 cannot hold.
    bad_function = {"function": ["leraar", "\udcff"], "werktijdfactor": ["0.5", "1"]}
    options: dict[str, Any] = {"year": 2020, "rules": "individueel_budget"}
    expected = rows_way(bad_function, errors="collect", **options)
    found = RULEBOOK.evaluate_many(bad_function, errors="collect", **options).to_arrow()
    assert found.equals(expected)
    assert "is not one of" in found.column("error").to_pylist()[1]
    bad_name = {"name": ["\udcff"], "function": ["leraar"], "werktijdfactor": ["1"]}
    for by_column in (True, False):
        batch = RULEBOOK.evaluate_many(bad_name, **options)
        batch._by_column = by_column
        with pytest.raises(owr.InvalidInputError, match="name: holds a text that is not valid"):
            batch.to_arrow()


def test_a_mapping_of_pyarrow_arrays_is_read_as_its_cells_are() -> None:
    # list(pyarrow array) gives pyarrow scalars, which the model refuses; Arrow would type
    # them as text, so the columnar path must not take such a mapping.
    table = {"function": pa.array(["leraar", "oop"]), "werktijdfactor": pa.array(["0.5", "1"])}
    options: dict[str, Any] = {"year": 2020, "rules": "individueel_budget", "errors": "collect"}
    batch = RULEBOOK.evaluate_many(table, **options)
    assert batch._text_table() is None
    errors = batch.to_arrow().column("error").to_pylist()
    assert all("StringScalar" in error for error in errors)


def test_a_copied_column_of_whole_numbers_is_read_by_column(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = {"id": [101, 102], "function": ["leraar", "oop"], "werktijdfactor": ["0.5", "1"]}
    options: dict[str, Any] = {"year": 2020, "rules": "individueel_budget"}
    batch = RULEBOOK.evaluate_many(table, **options)
    assert batch._text_table() is not None
    found = batch.to_arrow()
    assert found.equals(rows_way(table, **options))
    assert found.schema.field("id").type == pa.int64()
    # (500 + 100) x 0.5 = 300.00 and (500 + 100) x 1 = 600.00 (art. 9.3 lid 2, +100 in 2020)
    assert found.column("individueel_budget").to_pylist() == [D("300.00"), D("600.00")]


@pytest.mark.parametrize(("field", "reads"), [("scale", "function"), ("trede", "scale")])
def test_structure_field_refuses_a_field_whose_check_reads_others(field: str, reads: str) -> None:
    from onderwijsregels.convert import structure_field

    with pytest.raises(TypeError, match=rf"Employee\.{field} reads .{reads}. of its object"):
        structure_field(owr.Employee, field, "L10" if field == "scale" else 2)
    with pytest.raises(TypeError, match=r"Employee\.nothing is not a field"):
        structure_field(owr.Employee, "nothing", 1)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables(), year=st.sampled_from(YEARS), rules=st.sampled_from(_RULES))
def test_dictionary_labels_hold_the_cells_of_the_plain_table(
    table: Any, year: int, rules: Any
) -> None:
    # to_arrow(dictionary=True), read by column or row by row: the same cells as the plain
    # table, the label columns dictionary-encoded (each distinct text once), the rest as typed.
    options: dict[str, Any] = {"year": year, "rules": rules, "errors": "collect"}

    def made(dictionary: bool, by_column: bool = True) -> Any:
        batch = RULEBOOK.evaluate_many(table, **options)
        batch._by_column = by_column
        return batch.to_arrow(dictionary=dictionary)

    expected, refused = rows_way_or_error(table, **options)
    if refused is not None:  # a rule the edition lacks: refused the same way
        for by_column in (True, False):
            with pytest.raises(owr.InvalidInputError) as caught:
                made(True, by_column)
            assert str(caught.value) == refused
        return
    plain = made(False)
    assert plain.to_pylist() == expected.to_pylist()
    by_columns, row_way = made(True), made(True, by_column=False)
    for found in (by_columns, row_way):
        assert found.column_names == plain.column_names
        assert found.to_pylist() == plain.to_pylist()
        for name, field in zip(plain.column_names, found.schema, strict=True):
            label = name == "error" or name.rsplit(".", 1)[-1] in RULE_COLUMNS[1:]
            if label:
                assert field.type == pa.dictionary(pa.int32(), pa.string()), name
                assert len(found[name].combine_chunks().dictionary) == len(
                    set(found[name].drop_null().to_pylist())
                ), name  # each text once: pandas and polars need distinct categories
            else:
                assert field.type == plain.schema.field(name).type, name
    assert pa.concat_tables([by_columns, row_way]).num_rows == 2 * plain.num_rows
    assert by_columns.equals(row_way)  # the same dictionaries, in the same order


def test_a_dictionary_lists_its_texts_in_the_order_the_rows_show_them() -> None:
    # Three teachers whose groups (by scale and trede) are found in another order than their
    # rows: the rule's reason column lists its texts as the rows read one by one do, so the
    # two tables are equal as Arrow tables, not only cell for cell (from a review).
    table = pa.table(
        {
            "function": ["leraar"] * 3,
            "werktijdfactor": ["0.5117", "0.9826", "0.4400"],
            "scale": ["L12", "L10", "L12"],
            "trede": ["1", "11", "5"],
            "birth_date": ["1962-12-05", "1989-10-28", "1982-02-19"],
        }
    )
    options: dict[str, Any] = {
        "year": 2026,
        "rules": "duurzame_inzetbaarheid_startende_leraar_uren",
    }
    by_columns = RULEBOOK.evaluate_many(table, **options)
    rows = RULEBOOK.evaluate_many(table, **options)
    rows._by_column = False
    found, expected = by_columns.to_arrow(dictionary=True), rows.to_arrow(dictionary=True)
    assert found.equals(expected)
    reasons = found.column("duurzame_inzetbaarheid_startende_leraar_uren.reason").combine_chunks()
    assert (
        reasons.to_pylist()
        == expected.column("duurzame_inzetbaarheid_startende_leraar_uren.reason").to_pylist()
    )
