"""``Rulebook.diff``: every rule added, removed or changed between two editions, both sides cited.

The expected differences follow from facts.md, not from program output:
- 2022-2023 -> 2023-2024: a school leader saves "maximaal vier jaar ... in plaats van drie jaar"
  (3 -> 4); the lapse rule that goes with it is UNCONFIRMED, read as 4 -> 5 years (an
  interpretation); art. 9.5 adds guidance for starting school leaders (a new rule);
- 2021 -> 2022: the € 100 top-up of art. 9.8 covered 2020 and 2021 only (100 -> none);
- 2023-2024 -> 2024-2025: the merged chapter's amounts and hours are UNCONFIRMED (not encoded),
  and scales A10 and D11 were removed.
"""

from __future__ import annotations

import json
from datetime import date
from typing import cast

import pytest

import onderwijsregels as owr
from onderwijsregels import Rulebook, UnknownEditionError, UnknownRuleError
from onderwijsregels.diff import EditionDiff, FieldChange, RuleChange
from onderwijsregels.testing.plugins import shipped_plugins

BUILT_IN = shipped_plugins()
"""Every edition shipped with onderwijsregels (pyproject.toml); third-party plugins are left out."""

CAO_PO = (
    "cao-po-2019-2020",
    "cao-po-2021",
    "cao-po-2022",
    "cao-po-2022-2023",
    "cao-po-2023-2024",
    "cao-po-2024-2025",
    "cao-po-2025-2027",
)


@pytest.fixture(scope="module")
def rb() -> Rulebook:
    return owr.load(only=BUILT_IN)


@pytest.fixture(scope="module")
def saving(rb: Rulebook) -> EditionDiff:
    return rb.diff("cao-po-2022-2023", "cao-po-2023-2024")


def fields(change: RuleChange) -> dict[str, FieldChange]:
    return {item.field: item for item in change.changes}


# --- 2022-2023 -> 2023-2024 --------------------------------------------------------------------


def test_sides(saving: EditionDiff) -> None:
    assert (saving.before.id, saving.after.id) == ("cao-po-2022-2023", "cao-po-2023-2024")


def test_guidance_rule_added(saving: EditionDiff) -> None:
    assert [item.rule_id for item in saving.added] == ["begeleiding_startende_schoolleider"]
    added = saving.added[0]
    assert added.kind == "added"
    assert added.citations_before == ()
    assert [c.article for c in added.citations_after] == ["9.5"]
    assert "Startende schoolleiders" in cast(str, added.citations_after[0].quote)


def test_nothing_removed(saving: EditionDiff) -> None:
    assert saving.removed == ()


def test_saving_term_changed_three_to_four(saving: EditionDiff) -> None:
    change = saving.changed_rule("maximale_spaartermijn")
    assert change.kind == "changed"
    value = fields(change)["value (spaartermijn_directie)"]
    assert (value.before, value.after) == ("3", "4")
    # The staff term did not change (3 years): no value change reported for it.
    assert "value (spaartermijn_op_oop)" not in fields(change)
    assert any("maximaal drie jaar" in cast(str, c.quote) for c in change.citations_before)
    assert not any("in plaats van drie jaar" in cast(str, c.quote) for c in change.citations_before)
    assert any("in plaats van drie jaar" in cast(str, c.quote) for c in change.citations_after)
    assert change.citations_before  # both sides cited
    assert change.citations_after


def test_lapse_term_changed_with_interpretation_and_confidence(saving: EditionDiff) -> None:
    change = saving.changed_rule("vervaltermijn_directiebudget")
    found = fields(change)
    value = found["value (vervaltermijn_directie)"]
    assert (value.before, value.after) == ("4", "5")
    interpretation = found["interpretation"]
    assert interpretation.before == "none"
    assert "five years" in interpretation.after
    confidence = found["confidence"]
    assert (confidence.before, confidence.after) == ("confirmed", "interpretation")
    # binnen vier jaar
    assert any("vier jaar" in cast(str, c.quote) for c in change.citations_before)
    assert any(c.confidence is owr.Confidence.INTERPRETATION for c in change.citations_after)


def test_changed_and_unchanged_rules(saving: EditionDiff) -> None:
    assert {item.rule_id for item in saving.changed} == {
        "maximale_spaartermijn",
        "vervaltermijn_directiebudget",
    }
    assert "individueel_budget" in saving.unchanged
    assert "professionalisering_basisvaardigheden" in saving.unchanged
    assert "begeleiding_startende_schoolleider" not in saving.unchanged
    every = set(saving.unchanged) | {item.rule_id for item in saving.rules}
    assert every == set(saving.before.rule_ids) | set(saving.after.rule_ids)


def test_unknown_rule_in_a_diff(saving: EditionDiff) -> None:
    with pytest.raises(UnknownRuleError):
        saving.changed_rule("individueel_budget")  # it did not change


def test_edition_changes(saving: EditionDiff) -> None:
    found = {item.field: item for item in saving.edition_changes}
    assert (found["looptijd"].before, found["looptijd"].after) == (
        "2022-06-01 to 2023-04-30",
        "2023-05-01 to 2024-09-30",
    )
    assert "provisional" not in found
    assert "removed scales" not in found


def test_to_dict_is_json_and_complete(saving: EditionDiff) -> None:
    document = saving.to_dict()
    assert json.loads(json.dumps(document)) == document
    assert (document["before"], document["after"]) == ("cao-po-2022-2023", "cao-po-2023-2024")
    assert [item["rule"] for item in document["added"]] == ["begeleiding_startende_schoolleider"]
    assert document["removed"] == []
    changed = {item["rule"]: item for item in document["changed"]}
    assert {"field": "value (spaartermijn_directie)", "before": "3", "after": "4"} in changed[
        "maximale_spaartermijn"
    ]["changes"]
    lapse = changed["vervaltermijn_directiebudget"]
    assert lapse["citations_before"]
    assert lapse["citations_after"]
    assert {"source", "article", "quote", "read_at", "confidence"} <= set(
        lapse["citations_after"][0]
    )


def test_to_text_shows_both_sides(saving: EditionDiff) -> None:
    text = saving.to_text()
    assert text.splitlines()[0] == "cao-po-2022-2023 -> cao-po-2023-2024"
    assert "+ begeleiding_startende_schoolleider" in text
    assert "~ maximale_spaartermijn" in text
    assert "value (spaartermijn_directie): 3 -> 4" in text
    assert "value (vervaltermijn_directie): 4 -> 5" in text
    assert "confidence: confirmed -> interpretation" in text
    lines = text.splitlines()
    assert any(line.strip().startswith("before: ") for line in lines)
    assert any(line.strip().startswith("after: CAO PO 2023-2024, art. 9.5") for line in lines)
    assert "Removed rules: none" in text


def test_reverse_diff(rb: Rulebook) -> None:
    back = rb.diff("cao-po-2023-2024", "cao-po-2022-2023")
    assert [item.rule_id for item in back.removed] == ["begeleiding_startende_schoolleider"]
    assert back.added == ()
    value = fields(back.changed_rule("maximale_spaartermijn"))["value (spaartermijn_directie)"]
    assert (value.before, value.after) == ("4", "3")


# --- 2021 -> 2022: the top-up ends -------------------------------------------------------------


def test_top_up_ends(rb: Rulebook) -> None:
    d = rb.diff("cao-po-2021", "cao-po-2022")
    assert d.added == ()
    assert d.removed == ()
    assert [item.rule_id for item in d.changed] == ["individueel_budget"]
    found = fields(d.changed_rule("individueel_budget"))
    for parameter in ("verhoging_op_oop", "verhoging_directie"):
        change = found[f"value ({parameter})"]
        assert (change.before, change.after) == ("100", "none")
    assert "value (individueel_budget_op_oop)" not in found  # 500 both sides
    assert "value (individueel_budget_directie)" not in found  # 3000 both sides


# --- 2023-2024 -> 2024-2025: not encoded, scales removed ----------------------------------------


@pytest.fixture(scope="module")
def merge(rb: Rulebook) -> EditionDiff:
    return rb.diff("cao-po-2023-2024", "cao-po-2024-2025")


def test_removed_scales_in_edition_changes(merge: EditionDiff) -> None:
    found = {item.field: item for item in merge.edition_changes}
    assert (found["removed scales"].before, found["removed scales"].after) == ("none", "A10, D11")


@pytest.mark.parametrize(
    ("rule_id", "parameter", "before"),
    [
        ("individueel_budget", "individueel_budget_directie", "3000"),
        ("duurzame_inzetbaarheid_startende_leraar_uren", "di_startende_leraar_uren", "40"),
        ("duurzame_inzetbaarheid_oudere_werknemer_uren", "di_oudere_werknemer_uren", "130"),
        (
            "duurzame_inzetbaarheid_maximale_opname_uren",
            "di_maximale_opname_oudere_werknemer",
            "340",
        ),
        ("maximale_spaartermijn", "spaartermijn_op_oop", "3"),
        ("maximale_spaartermijn", "spaartermijn_directie", "4"),
        ("vervaltermijn_directiebudget", "vervaltermijn_directie", "5"),
        ("duurzame_inzetbaarheid_spaartermijn", "di_spaartermijn", "3"),
    ],
)
def test_values_the_merge_leaves_unknown_become_not_encoded(
    merge: EditionDiff, rule_id: str, parameter: str, before: str
) -> None:
    change = fields(merge.changed_rule(rule_id))[f"value ({parameter})"]
    assert change.before == before
    assert change.after.startswith("not encoded")
    assert "merged" in change.after
    assert "PDI" in change.after


def test_merge_changes_the_staff_budget_to_525(merge: EditionDiff) -> None:
    change = fields(merge.changed_rule("individueel_budget"))["value (individueel_budget_op_oop)"]
    assert (change.before, change.after) == ("500", "525")


def test_merge_replaces_the_hours_rules(merge: EditionDiff) -> None:
    assert [item.rule_id for item in merge.added] == ["pdi_uren"]
    assert sorted(item.rule_id for item in merge.removed) == [
        "duurzame_inzetbaarheid_basisbudget_uren",
        "uren_per_jaar",
        "uren_per_werkweek",
    ]


def test_provisional_shows_in_the_diff(rb: Rulebook) -> None:
    d = rb.diff("cao-po-2024-2025", "cao-po-2025-2027")
    found = {item.field: item for item in d.edition_changes}
    assert (found["provisional"].before, found["provisional"].after) == ("False", "True")


# --- identity and unknown ids ------------------------------------------------------------------


@pytest.mark.parametrize("edition_id", CAO_PO)
def test_edition_against_itself_has_no_changes(rb: Rulebook, edition_id: str) -> None:
    d = rb.diff(edition_id, edition_id)
    assert d.rules == ()
    assert d.edition_changes == ()
    assert d.unchanged == rb.get(edition_id).rule_ids
    assert "Added rules: none" in d.to_text()
    assert "Changed rules: none" in d.to_text()
    assert "(no change)" in d.to_text()


@pytest.mark.parametrize(
    ("before", "after"),
    [("cao-po-2030", "cao-po-2023-2024"), ("cao-po-2022-2023", "cao-po-2030")],
)
def test_unknown_edition(rb: Rulebook, before: str, after: str) -> None:
    with pytest.raises(UnknownEditionError) as caught:
        rb.diff(before, after)
    assert caught.value.name == "cao-po-2030"
    assert "cao-po-2030" in str(caught.value)
    assert "cao-po-2023-2024" in caught.value.known
    assert isinstance(caught.value, LookupError)


def test_a_value_changed_part_way_through_an_edition_shows_in_the_diff(rb: Rulebook) -> None:
    # The successor changes the directie's saving term from 2099-07-01, after its first day: a
    # first-day comparison would call maximale_spaartermijn unchanged.
    base = rb.get("cao-po-2021")
    term = base.parameter("spaartermijn_directie")
    later = base.derive(
        id="cao-po-test-2099",
        title="Test",
        valid_from=date(2099, 1, 1),
        valid_to=None,
        citation=base.citation,
        parameters=(term.changed(date(2099, 7, 1), 4, term.values[0].citation),),
    )
    difference = owr.diff.diff_editions(base, later)
    assert "maximale_spaartermijn" not in difference.unchanged
    change = fields(difference.changed_rule("maximale_spaartermijn"))
    assert change["later value (spaartermijn_directie)"].after == "4 from 2099-07-01"
    assert "maximale_spaartermijn" not in later.carried_over
