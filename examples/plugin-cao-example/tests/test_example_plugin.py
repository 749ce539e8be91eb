"""The example plugin, installed: found through its entry point, and evaluated in 2099.

Needs ``pip install -e examples/plugin-cao-example`` (the CI script does it).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import onderwijsregels as owr
from onderwijsregels.rulebook import PLUGINS_ENV

pytest.importorskip(
    "onderwijsregels_cao_example",
    reason="the example plugin is not installed: pip install -e examples/plugin-cao-example",
)

EDITION_ID = "cao-po-voorbeeld-2099"
ENTRY_POINT = "cao-po-voorbeeld-2099"


@pytest.fixture(scope="module")
def rulebook() -> owr.Rulebook:
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(PLUGINS_ENV, raising=False)  # every installed plugin, whatever the shell says
        return owr.load()


@pytest.fixture(scope="module")
def evaluation(rulebook: owr.Rulebook) -> owr.Evaluation:
    juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.6"), scale="L11")
    return rulebook.evaluate(juf, year=2099, families=["cao-po"])


def test_load_lists_the_edition(rulebook: owr.Rulebook) -> None:
    ids = [edition.id for edition in rulebook.editions("cao-po")]
    assert EDITION_ID in ids  # the last, unless another installed plugin adds a later one
    assert rulebook.get(EDITION_ID).derives_from == "cao-po-2021"
    assert rulebook.edition("cao-po", on=date(2099, 1, 1)).id == EDITION_ID


def test_provider_names_the_distribution_and_a_version(rulebook: owr.Rulebook) -> None:
    info = rulebook.provider(EDITION_ID)
    assert info.name == ENTRY_POINT
    assert info.distribution == "onderwijsregels-cao-example"
    assert info.version
    assert info.source == f"onderwijsregels-cao-example {info.version}"
    assert info.editions == (EDITION_ID,)


def test_only_loads_just_the_example() -> None:
    # The example imports the built-in CAO PO 2021 module, but only registers its own edition.
    alone = owr.load(only=[ENTRY_POINT])
    assert [plugin.name for plugin in alone.plugins] == [ENTRY_POINT]
    assert [edition.id for edition in alone.editions("cao-po")] == [EDITION_ID]


def test_overridden_amount_in_2099(evaluation: owr.Evaluation) -> None:
    # By hand: a leraar at werktijdfactor 0.6 in calendar year 2099. The example sets the
    # full-time budget to the fictional € 999; art. 9.8's € 100 top-up covers only 2020
    # and 2021, so no top-up. 999 × 0.6 = 599.4, rounded to cents: € 599.40.
    outcome = evaluation["individueel_budget"]
    assert outcome.value == Decimal("599.40")
    assert outcome.edition.id == EDITION_ID
    assert outcome.citation.confidence is owr.Confidence.INTERPRETATION
    assert "NOT LAW" in (outcome.citation.note or "")
    assert outcome.confidence is owr.Confidence.INTERPRETATION


def test_its_own_rule(evaluation: owr.Evaluation) -> None:
    # By hand: the fictional reading budget of € 50 at full time × 0.6 = € 30.00.
    outcome = evaluation["voorbeeld_leesbudget"]
    assert outcome.value == Decimal("30.00")
    assert not any(note.startswith("Carried over") for note in outcome.notes)
    assert any("NOT LAW" in note for note in outcome.notes)


def test_carried_over_rules_say_so(evaluation: owr.Evaluation) -> None:
    # 2 clock hours a week at full time (CAO PO 2019-2020 art. 9.3 lid 2) × 0.6 = 1.2, unchanged.
    outcome = evaluation["uren_per_werkweek"]
    assert outcome.value == Decimal("1.2")
    assert any(note.startswith("Carried over") and "cao-po-2021" in note for note in outcome.notes)
    assert any(
        item.summary == "fictional example edition, not law" for item in outcome.interpretations
    )


def test_every_result_is_marked_provisional(evaluation: owr.Evaluation) -> None:
    for rule_id in ("individueel_budget", "uren_per_werkweek", "voorbeeld_leesbudget"):
        assert any(note.startswith("Provisional") for note in evaluation[rule_id].notes)


def test_real_years_are_untouched(rulebook: owr.Rulebook) -> None:
    juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.6"))
    ev = rulebook.evaluate(juf, year=2021, families=["cao-po"])
    assert ev["individueel_budget"].value == Decimal("360.00")  # (500 + 100) × 0.6
    assert ev["individueel_budget"].edition.id == "cao-po-2021"
    # the day before the example edition, the newest built-in edition still governs (nawerking)
    assert rulebook.edition("cao-po", on=date(2098, 12, 31)).id != "cao-po-voorbeeld-2099"
