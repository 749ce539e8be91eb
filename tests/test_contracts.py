"""Family contracts (issue 13, section 6): what the ledger and the register overview read is
checked when the plugins load, so a renamed rule fails there, not halfway through a statement."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import TypedDict, Unpack

import pytest

import onderwijsregels as owr
from onderwijsregels import contracts

CITE = owr.Citation(
    "Test", None, None, owr.Source("test-contracts", "Test", "tests", owr.Grade.D), "made up"
)


class RuleOptions(TypedDict, total=False):
    """The keyword arguments of ``owr.rule`` that ``constant`` passes on."""

    interpretation: owr.Interpretation | None
    parameters: tuple[str, ...]
    values: Iterable[str] | None


def constant(rule_id: str, unit: owr.Unit, value: object, **extra: Unpack[RuleOptions]) -> owr.Rule:
    def compute(ctx: owr.RuleContext) -> owr.Computation:
        return owr.Computation(value, [], CITE)  # type: ignore[arg-type]

    return owr.rule(
        rule_id,
        title=rule_id,
        subject=owr.Employee,
        unit=unit,
        citations=(CITE,),
        reads=(),
        **extra,
    )(compute)


def plugin(family: str, *rules: owr.Rule) -> object:
    edition = owr.Edition(
        id=f"{family}-2090",
        family=family,
        title="Test",
        valid_from=date(2090, 1, 1),
        valid_to=None,
        citation=CITE,
        rules=rules,
    )

    class Plugin:
        __name__ = "contract-test"

        @owr.hookimpl
        def onderwijsregels_editions(self) -> Sequence[owr.Edition]:
            return (edition,)

    return Plugin()


LEDGER_RULES = (
    constant("individueel_budget", owr.Unit.EUR_PER_KALENDERJAAR, Decimal("1")),
    constant("maximale_spaartermijn", owr.Unit.JAREN, 3),
    constant("vervaltermijn_directiebudget", owr.Unit.JAREN, 4),
)


def test_every_shipped_edition_keeps_the_contracts(rulebook_all: owr.Rulebook) -> None:
    for contract in contracts.CONTRACTS:
        for edition in rulebook_all.editions(contract.family):
            assert contract.check(edition.rules) == [], edition.id


def test_a_cao_edition_that_keeps_the_contract_loads() -> None:
    rulebook = owr.load([plugin("cao-po", *LEDGER_RULES)], entry_points=False)
    assert rulebook.get("cao-po-2090").rule_ids == tuple(rule.id for rule in LEDGER_RULES)


def test_a_renamed_rule_fails_at_load_time() -> None:
    renamed = (constant("persoonlijk_budget", owr.Unit.EUR_PER_KALENDERJAAR, 1), *LEDGER_RULES[1:])
    with pytest.raises(owr.PluginError) as caught:
        owr.load([plugin("cao-po", *renamed)], entry_points=False)
    error = caught.value
    assert (error.plugin, error.edition) == ("contract-test", "cao-po-2090")
    assert "lacks rule 'individueel_budget', which the budget ledger reads" in error.problem


def test_a_changed_unit_fails_at_load_time() -> None:
    changed = (constant("individueel_budget", owr.Unit.EUR_PER_SCHOOLJAAR, 1), *LEDGER_RULES[1:])
    with pytest.raises(owr.PluginError, match="has unit 'EUR per schooljaar'"):
        owr.load([plugin("cao-po", *changed)], entry_points=False)


def test_another_family_has_no_such_contract() -> None:
    rulebook = owr.load([plugin("mijn-familie", LEDGER_RULES[0])], entry_points=False)
    assert rulebook.families() == ("mijn-familie",)


REGISTER_RULES = (
    constant("schoolleidersregister_registratieplicht", owr.Unit.JA_NEE, True),
    constant("schoolleidersregister_titel", owr.Unit.TEKST, "RDO"),
    constant("schoolleidersregister_herregistratiedatum", owr.Unit.DATUM, date(2095, 1, 1)),
)


def test_status_values_must_be_declared_and_known() -> None:
    undeclared = constant("schoolleidersregister_status", owr.Unit.TEKST, "geregistreerd")
    with pytest.raises(owr.PluginError, match="does not declare its values"):
        owr.load([plugin("schoolleidersregister", *REGISTER_RULES, undeclared)], entry_points=False)
    unknown = constant(
        "schoolleidersregister_status",
        owr.Unit.TEKST,
        "actief",
        values=("geregistreerd", "actief"),
    )
    with pytest.raises(owr.PluginError, match="may give actief, which the board's register"):
        owr.load([plugin("schoolleidersregister", *REGISTER_RULES, unknown)], entry_points=False)


def test_a_value_outside_the_declared_values_fails_when_evaluated() -> None:
    liar = constant("status_test", owr.Unit.TEKST, "misschien", values=("ja", "nee"))
    rulebook = owr.load([plugin("eigen-familie", liar)], entry_points=False)
    employee = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("1"))
    with pytest.raises(owr.PluginError, match="gave 'misschien', which is not one of its declared"):
        rulebook.evaluate(employee, year=2090)
