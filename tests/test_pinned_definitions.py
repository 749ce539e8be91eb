"""Every validation of Edition, Parameter, DatedValue and Rule: the error and its exact message.

Issue 9, section 4: these checks raised EditionDefinitionError, but no test read the message, so
a mutant that weakened the condition or garbled the text survived. Each case below builds the
smallest definition that breaks one check, and asserts the type, the message, and that the same
definition with the fault removed is accepted (so the check is not merely always on).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

import onderwijsregels as owr
from onderwijsregels import Computation, Employee, Step, Unit
from onderwijsregels.errors import EditionDefinitionError
from onderwijsregels.parameters import DatedValue, KnownValue, Parameter

D = Decimal
SOURCE = owr.Source("test-definitions", "Fictional test regulation", "tests", owr.Grade.A)
CITE = owr.Citation(
    source="Fictional test regulation",
    article="1",
    lid=None,
    read_at=SOURCE,
    quote="een bedrag",
    confidence=owr.Confidence.CONFIRMED,
    article_confirmed=True,
)
START = date(2040, 1, 1)


def _value(ctx: owr.RuleContext) -> Computation:
    return Computation(D("1"), [Step("one", CITE)], CITE)


def a_rule(rule_id: str = "een_regel", **changes: Any) -> owr.Rule:
    fields: dict[str, Any] = {
        "title": "Een regel",
        "subject": Employee,
        "unit": Unit.EUR_PER_KALENDERJAAR,
        "citations": (CITE,),
        **changes,
    }
    return owr.rule(rule_id, **fields)(_value)


def edition(**changes: Any) -> owr.Edition:
    fields: dict[str, Any] = {
        "id": "demo-2040",
        "family": "demo",
        "title": "Demo 2040",
        "valid_from": START,
        "valid_to": date(2040, 12, 31),
        "citation": CITE,
        "rules": (a_rule(),),
        **changes,
    }
    return owr.Edition(**fields)


def refused(make: Any) -> str:
    with pytest.raises(EditionDefinitionError) as caught:
        make()
    assert isinstance(caught.value, ValueError)  # still a ValueError for older callers
    return str(caught.value)


# --- DatedValue ----------------------------------------------------------------------------


def test_a_dated_value_may_not_end_before_it_starts() -> None:
    message = refused(lambda: DatedValue(date(2040, 1, 2), date(2040, 1, 1), D("1"), CITE))
    assert message == "dated value ends (2040-01-01) before it starts (2040-01-02)"
    # Ending on the day it starts is one day, and fine.
    assert DatedValue(START, START, D("1"), CITE).covers(START)


def test_a_gap_must_say_why_it_is_missing() -> None:
    for missing in (None, ""):
        message = refused(
            lambda missing=missing: DatedValue(START, None, None, None, missing=missing)
        )
        assert message == "a dated value without a value must say why it is missing"
    gap = DatedValue(START, None, None, None, missing="not in our sources")
    assert gap.value is None


def test_a_value_needs_a_citation() -> None:
    assert refused(lambda: DatedValue(START, None, D("1"), None)) == (
        "every dated value needs a citation"
    )


def test_a_value_is_never_a_float() -> None:
    assert refused(lambda: DatedValue(START, None, 0.5, CITE)) == (  # type: ignore[arg-type]
        "dated values are never floats; use Decimal"
    )
    assert DatedValue(START, None, D("0.5"), CITE).value == D("0.5")


# --- Parameter -----------------------------------------------------------------------------


def values(*spans: tuple[date, date | None]) -> tuple[DatedValue, ...]:
    return tuple(DatedValue(start, end, D("1"), CITE) for start, end in spans)


def test_dated_values_may_not_overlap() -> None:
    # The first ends on 30 June, the second starts on 30 June: one day in both.
    message = refused(
        lambda: Parameter(
            "bedrag",
            "Amount",
            "EUR",
            values((START, date(2040, 6, 30)), (date(2040, 6, 30), None)),
        )
    )
    assert message == "parameter 'bedrag': dated values overlap at 2040-06-30"
    # Given in any order, they are sorted before the check: an open first value overlaps too.
    message = refused(
        lambda: Parameter(
            "bedrag", "Amount", "EUR", values((date(2041, 1, 1), None), (START, None))
        )
    )
    assert message == "parameter 'bedrag': dated values overlap at 2041-01-01"
    # Adjacent is fine: 30 June, then 1 July.
    adjacent = Parameter(
        "bedrag", "Amount", "EUR", values((START, date(2040, 6, 30)), (date(2040, 7, 1), None))
    )
    assert [item.start for item in adjacent.values] == [START, date(2040, 7, 1)]


def test_changed_ends_the_earlier_value_the_day_before() -> None:
    base = Parameter.single("jaren", "Years", "jaren", 3, CITE, start=START)
    later = base.changed(date(2041, 3, 1), 4, CITE)
    assert [(item.start, item.end, item.value) for item in later.values] == [
        (START, date(2041, 2, 28), 3),
        (date(2041, 3, 1), None, 4),
    ]
    # A change on the first day replaces the value outright.
    assert [item.value for item in base.changed(START, 5, CITE).values] == [5]


@pytest.mark.parametrize(
    ("value", "attribute", "message"),
    [
        (True, "decimal", "expected a number, the parameter holds True"),
        ("3", "decimal", "expected a number, the parameter holds '3'"),
        (D("3"), "whole", "expected a whole number, the parameter holds Decimal('3')"),
        (True, "whole", "expected a whole number, the parameter holds True"),
        (3, "day", "expected a date, the parameter holds 3"),
        ("a", "texts", "expected a tuple of texts, the parameter holds 'a'"),
    ],
)
def test_a_known_value_of_the_wrong_kind(value: Any, attribute: str, message: str) -> None:
    known = KnownValue(value, CITE, START, None)
    assert refused(lambda: getattr(known, attribute)) == message


# --- Edition -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "Demo-2040"),
        ("id", "demo_2040"),
        ("id", "demo--2040"),
        ("family", "Demo"),
        ("family", "-demo"),
    ],
)
def test_ids_and_families_are_lower_kebab_case(field: str, value: str) -> None:
    message = refused(lambda: edition(**{field: value}))
    assert message == f"edition {field} {value!r} is not lower kebab-case"


def test_an_edition_may_not_end_before_it_starts() -> None:
    message = refused(lambda: edition(valid_to=date(2039, 12, 31)))
    assert message == "edition 'demo-2040' ends before it starts"
    assert edition(valid_to=START).valid_to == START  # one day is fine


def test_an_edition_may_not_apply_only_after_it_ended() -> None:
    message = refused(lambda: edition(applies_from=date(2041, 1, 1)))
    assert message == "edition 'demo-2040' applies only after it ended"
    # Applying from its last day, or with an open end, is fine.
    assert edition(applies_from=date(2040, 12, 31)).starts == date(2040, 12, 31)
    assert edition(valid_to=None, applies_from=date(2045, 1, 1)).starts == date(2045, 1, 1)


def test_rule_and_parameter_ids_appear_once() -> None:
    twice = (a_rule(), a_rule())
    assert refused(lambda: edition(rules=twice)) == (
        "rule id 'een_regel' appears twice in one edition"
    )
    parameter = Parameter.single("bedrag", "Amount", "EUR", D("1"), CITE, start=START)
    assert refused(lambda: edition(parameters=(parameter, parameter))) == (
        "parameter id 'bedrag' appears twice in one edition"
    )


def test_removed_scales_need_a_citation() -> None:
    message = refused(lambda: edition(removed_scales=("D11",)))
    assert message == "edition 'demo-2040' removes scales without a citation"
    cited = edition(removed_scales=("D11",), removed_scales_citation=CITE)
    assert cited.removed_scales == frozenset({"D11"})


def test_carried_over_rules_must_exist() -> None:
    message = refused(lambda: edition(carried_over=("bestaat_niet", "een_regel")))
    assert message == "edition 'demo-2040' carries over unknown rules ['bestaat_niet']"


def test_derive_refuses_unknown_and_managed_fields() -> None:
    base = edition()
    for field in ("bestaat_niet", "carried_over"):
        message = refused(
            lambda field=field: base.derive(
                id="demo-2041",
                title="Demo 2041",
                valid_from=date(2041, 1, 1),
                valid_to=None,
                citation=CITE,
                **{field: ()},
            )
        )
        assert message.startswith(
            f"derive() got unknown or managed fields [{field!r}]; it accepts "
        )
        assert "applies_from" in message
        assert "provisional" in message


def test_derive_refuses_to_remove_an_unknown_rule() -> None:
    message = refused(
        lambda: edition().derive(
            id="demo-2041",
            title="Demo 2041",
            valid_from=date(2041, 1, 1),
            valid_to=None,
            citation=CITE,
            remove=("een_regel", "nope"),
        )
    )
    assert message == "cannot remove unknown rules ['nope'] from 'demo-2040'"


def test_a_derived_edition_is_checked_like_any_other() -> None:
    # derive() builds through attrs.evolve, so the successor's own checks run as well.
    message = refused(
        lambda: edition().derive(
            id="demo-2041",
            title="Demo 2041",
            valid_from=date(2041, 1, 1),
            valid_to=date(2040, 12, 31),
            citation=CITE,
        )
    )
    assert message == "edition 'demo-2041' ends before it starts"


def test_unknown_rule_and_parameter_lookups() -> None:
    base = edition()
    with pytest.raises(owr.UnknownRuleError) as rule_error:
        base.rule("bestaat_niet")
    assert (rule_error.value.rule_id, rule_error.value.known) == ("bestaat_niet", ("een_regel",))
    with pytest.raises(owr.UnknownParameterError) as parameter_error:
        base.parameter("bestaat_niet")
    assert (parameter_error.value.edition, parameter_error.value.known) == ("demo-2040", ())


# --- Rule ----------------------------------------------------------------------------------


@pytest.mark.parametrize("rule_id", ["EenRegel", "een-regel", "een__regel", "_een", "1regel"])
def test_rule_ids_are_lower_snake_case(rule_id: str) -> None:
    assert refused(lambda: a_rule(rule_id)) == f"rule id {rule_id!r} is not lower snake_case"


def test_a_rule_may_read_only_fields_its_subject_has() -> None:
    message = refused(lambda: a_rule(reads=("werktijdfactor", "pupils", "leeftijd")))
    assert message.startswith(
        "rule 'een_regel' declares reads=['leeftijd', 'pupils'], which Employee does not have; "
        "its fields: "
    )
    assert "werktijdfactor" in message
    assert a_rule(reads=("werktijdfactor",)).reads == ("werktijdfactor",)
