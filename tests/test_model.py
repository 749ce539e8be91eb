"""The domain model: Function, Employee and School, read from and written to dicts."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pytest

import onderwijsregels as owr
from onderwijsregels import Employee, Function, InvalidInputError, School

LERAAR = {"function": "leraar", "werktijdfactor": "0.6", "scale": "L11"}


def fields(error: InvalidInputError) -> list[str]:
    return [field for field, _ in error.problems]


def test_directie_is_director_and_adjunct_only() -> None:
    # "directielid in de A- of D-schaal": directeur and adjunct-directeur, nobody else.
    assert {f for f in Function if f.is_directie} == {
        Function.DIRECTEUR,
        Function.ADJUNCT_DIRECTEUR,
    }


def test_function_values_are_the_public_contract() -> None:
    assert [f.value for f in Function] == ["leraar", "oop", "directeur", "adjunct-directeur"]


def test_employee_from_dict_reads_decimal_exactly() -> None:
    juf = Employee.from_dict(LERAAR)
    assert juf == Employee(function=Function.LERAAR, werktijdfactor=Decimal("0.6"), scale="L11")
    assert isinstance(juf.werktijdfactor, Decimal)
    assert juf.werktijdfactor == Decimal("0.6")


def test_employee_to_dict_is_json_ready() -> None:
    juf = Employee(
        function=Function.LERAAR, werktijdfactor=Decimal("0.8571"), scale="L10", name="Anna"
    )
    data = juf.to_dict()
    # Decimal as its exact string, the enum as its value: json.dumps needs no custom encoder.
    assert json.loads(json.dumps(data)) == data
    assert (data["function"], data["werktijdfactor"], data["scale"], data["name"]) == (
        "leraar",
        "0.8571",
        "L10",
        "Anna",
    )
    assert Employee.from_dict(data) == juf


def test_school_round_trip() -> None:
    school = School(pupils=212, name="De Regenboog", brin="12AB")
    assert school.to_dict() == {"pupils": 212, "name": "De Regenboog", "brin": "12AB"}
    assert School.from_dict(school.to_dict()) == school


def test_werktijdfactor_one_and_int_accepted() -> None:
    # 1 is the normbetrekking (full time), the upper bound itself.
    assert Employee.from_dict({"function": "oop", "werktijdfactor": 1}).werktijdfactor == 1
    assert Employee.from_dict({"function": "oop", "werktijdfactor": "1"}).werktijdfactor == 1


@pytest.mark.parametrize(
    "value",
    [0.6, 0, "0", 1.0001, "1.0001", Decimal("1.0001"), True, False, -1, "-0.5", "NaN", "abc", None],
)
def test_bad_werktijdfactor_names_the_field(value: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        Employee.from_dict({"function": "leraar", "werktijdfactor": value})
    assert fields(caught.value) == ["werktijdfactor"]


def test_float_werktijdfactor_says_why() -> None:
    with pytest.raises(InvalidInputError, match="float"):
        Employee.from_dict({"function": "leraar", "werktijdfactor": 0.5})


def test_constructor_rejects_float_too() -> None:
    with pytest.raises(InvalidInputError) as caught:
        Employee(function=Function.LERAAR, werktijdfactor=0.5)
    assert caught.value.field == "werktijdfactor"


@pytest.mark.parametrize(
    ("function", "scale"),
    [
        ("leraar", "D12"),
        ("leraar", "L9"),
        ("oop", "L10"),
        ("oop", "D12"),  # OOP scales are not listed by our sources, but a D-scale is not one
        ("oop", ""),
        ("directeur", "A10"),
        ("adjunct-directeur", "D11"),
        ("directeur", ""),
    ],
)
def test_scale_must_fit_function(function: str, scale: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        Employee.from_dict({"function": function, "werktijdfactor": "1", "scale": scale})
    assert fields(caught.value) == ["scale"]
    assert function in caught.value.reason


@pytest.mark.parametrize(
    ("function", "scale"),
    [
        ("leraar", "L10"),
        ("leraar", "L12"),
        ("oop", "1"),
        ("oop", "12"),
        ("directeur", "D15"),
        ("adjunct-directeur", "A13"),
    ],
)
def test_scales_of_each_function_accepted(function: str, scale: str) -> None:
    assert (
        Employee.from_dict({"function": function, "werktijdfactor": "1", "scale": scale}).scale
        == scale
    )


@pytest.mark.parametrize("function", ["directie", "Leraar", "teacher", None, 3])
def test_unknown_function(function: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        Employee.from_dict({"function": function, "werktijdfactor": "1"})
    assert fields(caught.value) == ["function"]


def test_unknown_key_is_named() -> None:
    with pytest.raises(InvalidInputError) as caught:
        Employee.from_dict({**LERAAR, "salaris": 4000})
    assert "salaris" in str(caught.value)
    assert any("salaris" in reason for _, reason in caught.value.problems)


def test_missing_key_is_named() -> None:
    with pytest.raises(InvalidInputError) as caught:
        Employee.from_dict({"function": "leraar"})
    assert caught.value.problems == (("werktijdfactor", "is required but missing"),)


@pytest.mark.parametrize("data", [None, [], "leraar", 42, [("function", "leraar")]])
def test_non_mapping_rejected(data: Any) -> None:
    with pytest.raises(InvalidInputError) as caught:
        Employee.from_dict(data)
    assert caught.value.field == "record"
    with pytest.raises(InvalidInputError):
        School.from_dict(data)


def test_path_prefixes_field() -> None:
    with pytest.raises(InvalidInputError) as caught:
        Employee.from_dict({"function": "leraar", "werktijdfactor": "2"}, path="employees[3]")
    assert caught.value.field == "employees[3].werktijdfactor"


@pytest.mark.parametrize("name", ["", "   ", 7])
def test_name_must_be_nonempty_text(name: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        Employee.from_dict({**LERAAR, "name": name})
    assert fields(caught.value) == ["name"]


@pytest.mark.parametrize("pupils", [-1, True, False, "212", 212.0, None])
def test_bad_pupils_names_the_field(pupils: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        School.from_dict({"pupils": pupils})
    assert fields(caught.value) == ["pupils"]


def test_negative_pupils_in_constructor() -> None:
    with pytest.raises(InvalidInputError, match="negative"):
        School(pupils=-3)


def test_school_zero_pupils_accepted() -> None:
    assert School.from_dict({"pupils": 0}).pupils == 0


def test_school_unknown_key() -> None:
    with pytest.raises(InvalidInputError, match="leerlingen"):
        School.from_dict({"pupils": 10, "leerlingen": 10})


def test_invalid_input_is_a_value_error_and_library_error() -> None:
    with pytest.raises(ValueError, match="werktijdfactor"):
        Employee.from_dict({"function": "leraar", "werktijdfactor": "0"})
    assert issubclass(InvalidInputError, owr.OnderwijsregelsError)


def test_model_is_frozen() -> None:
    juf = Employee.from_dict(LERAAR)
    with pytest.raises(AttributeError):
        juf.werktijdfactor = Decimal("1")  # type: ignore[misc]


@pytest.mark.parametrize(
    "data",
    [
        {1: "a", "function": "leraar", "werktijdfactor": "1"},
        {None: 1, "function": "leraar", "werktijdfactor": "1"},
        {1: "a", "pupils": 3},
    ],
)
def test_non_string_keys_rejected_cleanly(data: Mapping[Any, Any]) -> None:
    # YAML reads "1: a" as an int key: refused as an unknown field, never a TypeError.
    kind = School if "pupils" in data else Employee
    with pytest.raises(InvalidInputError) as caught:
        kind.from_dict(data)
    assert caught.value.field == "record"
    assert "unknown field" in caught.value.reason
