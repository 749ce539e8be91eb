"""Edition selection, nawerking, before-first-edition, derivation, and what every result shows.

Rules under test (shared/sources/README.md and the foundation issue):
- the edition in force on a day is the newest one that started on or before it;
- past its end it still applies (nawerking) and the result says so;
- before the first edition: NoEditionError naming the family and the covered range;
- CAO PO 2019-2020's content applies from 1 January 2020, so 2019 is not covered.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

import pytest

import onderwijsregels as owr
from onderwijsregels import (
    Citation,
    Computation,
    Confidence,
    Edition,
    Employee,
    Function,
    Grade,
    NoEditionError,
    Parameter,
    Rulebook,
    RuleContext,
    Source,
    Step,
    Unit,
    UnknownEditionError,
)


def juf(factor: str = "0.6") -> Employee:
    return Employee(function=Function.LERAAR, werktijdfactor=Decimal(factor), scale="L11")


# --- selection at the boundaries ---------------------------------------------------------


def test_day_before_first_edition(rulebook: Rulebook) -> None:
    with pytest.raises(NoEditionError) as caught:
        rulebook.edition("cao-po", on=date(2019, 12, 31))
    error = caught.value
    assert error.family == "cao-po"
    assert error.covered_from == date(2020, 1, 1)
    assert "cao-po" in str(error)
    assert "2020-01-01" in str(error)  # the covered range starts here
    assert "2019-12-31" in str(error)


@pytest.mark.parametrize(
    ("day", "edition_id"),
    [
        (date(2020, 1, 1), "cao-po-2019-2020"),  # content applies from 1 January 2020
        (date(2020, 12, 31), "cao-po-2019-2020"),  # last day of the extended looptijd
        (date(2021, 1, 1), "cao-po-2021"),
        (date(2021, 12, 31), "cao-po-2021"),
    ],
)
def test_edition_on_boundaries(rulebook: Rulebook, day: date, edition_id: str) -> None:
    assert rulebook.edition("cao-po", on=day).id == edition_id


def test_looptijd_start_before_content_start_is_not_covered(rulebook: Rulebook) -> None:
    # The looptijd starts 1 March 2019, but the 2018-2019 texts held until 1 January 2020.
    with pytest.raises(NoEditionError):
        rulebook.edition("cao-po", on=date(2019, 3, 1))


def test_editions_oldest_first(rulebook: Rulebook) -> None:
    assert [e.id for e in rulebook.editions("cao-po")] == ["cao-po-2019-2020", "cao-po-2021"]
    assert [e.id for e in rulebook.editions("bekostiging-professionalisering")] == [
        "prestatiebox-2019-2020",
        "bekostiging-professionalisering-2021",
    ]


def test_unknown_family_and_edition(rulebook: Rulebook) -> None:
    with pytest.raises(UnknownEditionError, match="cao-vo"):
        rulebook.editions("cao-vo")
    with pytest.raises(UnknownEditionError, match="cao-po-1999"):
        rulebook.get("cao-po-1999")


def test_evaluate_2019_raises(rulebook: Rulebook) -> None:
    with pytest.raises(NoEditionError) as caught:
        rulebook.evaluate(juf(), year=2019)
    assert caught.value.family == "cao-po"
    assert caught.value.day == date(2019, 1, 1)


def test_rejects_datetime_as_day(rulebook: Rulebook) -> None:
    with pytest.raises(owr.InvalidInputError):
        rulebook.edition("cao-po", on=datetime(2021, 1, 1, 9, 0))


# --- nawerking ---------------------------------------------------------------------------


def test_nawerking_after_last_edition(rulebook: Rulebook) -> None:
    # Only 2019-2020 and 2021 are loaded (conftest), so on 1 June 2022 CAO PO 2021 still applies.
    day = date(2022, 6, 1)
    assert rulebook.edition("cao-po", on=day).id == "cao-po-2021"
    ev = rulebook.evaluate(juf(), on=day)
    outcome = ev["individueel_budget"]
    assert outcome.edition.id == "cao-po-2021"
    assert outcome.nawerking is True
    nawerking_notes = [note for note in outcome.notes if "Nawerking" in note]
    assert len(nawerking_notes) == 1
    assert "2021-12-31" in nawerking_notes[0]  # the day the edition ended
    assert ev.editions[0].nawerking is True
    assert ev.to_dict()["editions"][0]["nawerking"] is True
    assert "NAWERKING" in ev.explain()


def test_no_nawerking_within_looptijd(rulebook: Rulebook) -> None:
    outcome = rulebook.evaluate(juf(), on=date(2021, 6, 1))["individueel_budget"]
    assert outcome.nawerking is False
    assert not any("Nawerking" in note for note in outcome.notes)


@pytest.mark.parametrize(
    ("function", "factor", "expected"),
    [
        # 2022 has no € 100 top-up (art. 9.8 covers 2020 and 2021 only): € 500 pro rata.
        (Function.LERAAR, "1", "500.00"),  # 500 × 1
        (Function.LERAAR, "0.4167", "208.35"),  # 500 × 0.4167 = 208.35 exactly
        (Function.OOP, "0.8571", "428.55"),  # 500 × 0.8571 = 428.55 exactly
        # 500 × 0.12345 = 61.725: a tie at the third decimal; half-up gives 61.73
        # (banker's rounding would give 61.72).
        (Function.OOP, "0.12345", "61.73"),
        (Function.DIRECTEUR, "0.2", "3000.00"),  # € 3.000, not pro rata, no top-up
    ],
)
def test_budget_in_2022_under_nawerking(
    rulebook: Rulebook, function: Function, factor: str, expected: str
) -> None:
    employee = Employee(function=function, werktijdfactor=Decimal(factor))
    outcome = rulebook.evaluate(employee, year=2022)["individueel_budget"]
    assert outcome.value == Decimal(expected)
    assert outcome.nawerking is True
    assert "9.8" not in {c.article for c in outcome.citations}  # no top-up cited


# --- periods and notes -------------------------------------------------------------------


def test_school_year_evaluation_of_employee_notes_calendar_year(rulebook: Rulebook) -> None:
    ev = rulebook.evaluate(juf(), school_year="2021-2022")
    outcome = ev["individueel_budget"]
    # The school year's reference day is 1 August 2021: CAO PO 2021, calendar year 2021: 600 × 0.6.
    assert ev.day == date(2021, 8, 1)
    assert outcome.value == Decimal("360.00")
    notes = [note for note in outcome.notes if note.startswith("Counted per calendar year")]
    assert notes == [
        "Counted per calendar year: the value for 2021, the calendar year that holds the "
        "reference day 2021-08-01, the first day of school year 2021-2022."
    ]


def test_calendar_year_evaluation_has_no_period_note(rulebook: Rulebook) -> None:
    outcome = rulebook.evaluate(juf(), year=2021)["individueel_budget"]
    assert not any("Counted per" in note for note in outcome.notes)


def test_edition_starting_within_period_is_named(rulebook: Rulebook) -> None:
    # School year 2020-2021 starts 1 August 2020 (CAO PO 2019-2020); CAO PO 2021 starts within it.
    ev = rulebook.evaluate(juf(), school_year="2020-2021")
    assert ev["individueel_budget"].edition.id == "cao-po-2019-2020"
    assert any("cao-po-2021" in note for note in ev["individueel_budget"].notes)
    assert ev.to_dict()["editions"][0]["later_in_period"] == ["cao-po-2021"]


def test_to_dict_is_json_and_deterministic(rulebook: Rulebook) -> None:
    first = rulebook.evaluate(juf("0.8571"), school_year="2021-2022").to_dict()
    second = rulebook.evaluate(juf("0.8571"), school_year="2021-2022").to_dict()
    assert json.dumps(first) == json.dumps(second)
    decoded = json.loads(json.dumps(first))
    assert decoded["outcomes"]["individueel_budget"]["value"] == "514.26"  # 600 × 0.8571
    assert decoded["outcomes"]["individueel_budget"]["edition"] == "cao-po-2021"
    assert decoded["reference_day"] == "2021-08-01"
    assert decoded["subject"]["kind"] == "employee"


def test_explain_names_the_article_of_every_step(rulebook: Rulebook) -> None:
    for function in Function:
        employee = Employee(function=function, werktijdfactor=Decimal("0.5"))
        ev = rulebook.evaluate(employee, year=2020)
        text = ev.explain()
        for outcome in (ev[rule_id] for rule_id in ev):
            assert outcome.citation.reference in text
            for step in outcome.steps:
                assert step.text in text
                if step.citation is not None:
                    assert f"{step.text}   [{step.citation.reference}]" in text
    text = rulebook.evaluate(juf(), year=2020).explain()
    assert "art. 9.3 lid 2" in text
    assert "art. 9.8" in text
    assert "CAO PO 2019-2020 [cao-po-2019-2020]" in text


# --- derivation --------------------------------------------------------------------------


def test_cao_po_2021_carries_over_every_rule(rulebook: Rulebook) -> None:
    base = rulebook.get("cao-po-2019-2020")
    derived = rulebook.get("cao-po-2021")
    assert derived.derives_from == base.id
    assert derived.rule_ids == base.rule_ids
    assert derived.carried_over == frozenset(base.rule_ids)
    assert derived.parameters == base.parameters
    assert derived.interpretation is not None


FICTIONAL_SOURCE = Source(
    "test-editions", "Fictional test regulation", "tests/test_editions.py", Grade.A
)
FICTIONAL = Citation(
    source="Fictional test regulation",
    article="1",
    lid=None,
    read_at=FICTIONAL_SOURCE,
    quote="een bedrag maal een factor",
    confidence=Confidence.CONFIRMED,
    article_confirmed=True,
)


def _total(ctx: RuleContext) -> Computation:
    amount = ctx.param("bedrag").decimal
    factor = ctx.param("factor").decimal
    return Computation(amount * factor, [Step(f"{amount} × {factor}", FICTIONAL)], FICTIONAL)


TOTAL = owr.rule(
    "totaal",
    title="Totaal",
    subject=Employee,
    unit=Unit.EUR_PER_KALENDERJAAR,
    citations=(FICTIONAL,),
    parameters=("bedrag", "factor"),
    reads=(),
)(_total)

BASE = Edition(
    id="demo-2030",
    family="demo",
    title="Demo 2030",
    valid_from=date(2030, 1, 1),
    valid_to=date(2030, 12, 31),
    citation=FICTIONAL,
    rules=(TOTAL,),
    parameters=(
        Parameter.single(
            "bedrag", "Amount", "EUR", Decimal("100"), FICTIONAL, start=date(2030, 1, 1)
        ),
        Parameter.single("factor", "Factor", "-", Decimal("2"), FICTIONAL, start=date(2030, 1, 1)),
    ),
)
DERIVED = BASE.derive(
    id="demo-2031",
    title="Demo 2031",
    valid_from=date(2031, 1, 1),
    valid_to=None,
    citation=FICTIONAL,
    parameters=(
        Parameter.single(
            "bedrag", "Amount", "EUR", Decimal("150"), FICTIONAL, start=date(2031, 1, 1)
        ),
    ),
)


class DemoPlugin:
    @owr.hookimpl
    def onderwijsregels_editions(self) -> Sequence[Edition]:
        return (BASE, DERIVED)


def test_derive_overrides_only_one_parameter() -> None:
    assert DERIVED.parameter("bedrag").at(date(2031, 6, 1)).value == Decimal("150")
    assert DERIVED.parameter("factor") == BASE.parameter("factor")
    assert DERIVED.rule_ids == ("totaal",)
    # The rule reads "bedrag", which changed: it is not carried over unchanged (issue 13: before
    # reads were declared and enforced, this rule was wrongly reported as carried over).
    assert DERIVED.carried_over == frozenset()
    assert DERIVED.family == "demo"
    rb = owr.load([DemoPlugin()], entry_points=False)
    employee = juf()
    # demo-2030: 100 × 2 = 200; demo-2031: 150 × 2 = 300 (only the amount changed)
    assert rb.evaluate(employee, year=2030)["totaal"].value == Decimal("200.00")
    later = rb.evaluate(employee, year=2031)["totaal"]
    assert later.value == Decimal("300.00")
    assert later.edition.id == "demo-2031"
    assert not any(note.startswith("Carried over") for note in later.notes)
    change = rb.diff("demo-2030", "demo-2031")
    (totaal,) = change.rules
    assert (totaal.rule_id, totaal.kind) == ("totaal", "changed")
    fields = {item.field: (item.before, item.after) for item in totaal.changes}
    assert fields["value (bedrag)"] == ("100", "150")
    assert change.unchanged == ()


def test_derive_cannot_remove_unknown_rule() -> None:
    with pytest.raises(ValueError, match="nope"):
        BASE.derive(
            id="demo-2032",
            title="Demo 2032",
            valid_from=date(2032, 1, 1),
            valid_to=None,
            citation=FICTIONAL,
            remove=("nope",),
        )


def test_derive_replacing_a_rule_is_not_carried_over() -> None:
    replacement = owr.rule(
        "totaal", title="Totaal", subject=Employee, unit=Unit.EUR_PER_KALENDERJAAR, citations=()
    )(lambda ctx: Computation(Decimal("1"), [], FICTIONAL))
    edition = BASE.derive(
        id="demo-2033",
        title="Demo 2033",
        valid_from=date(2033, 1, 1),
        valid_to=None,
        citation=FICTIONAL,
        rules=(replacement,),
    )
    assert edition.carried_over == frozenset()
    assert edition.rule("totaal") is replacement
