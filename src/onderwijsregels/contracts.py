"""Family contracts: the rule ids, units and status values the library's own features read.

The budget ledger, the accruals and the board's register overview read
outcomes of particular rules of particular families (``individueel_budget``
of ``cao-po``, ``schoolleidersregister_status`` of ``schoolleidersregister``,
...). A :class:`FamilyContract` states what a feature reads: which rules every
edition of the family must have (``required``), the unit of every rule it
reads, and the values a text rule may give. :func:`onderwijsregels.load`
checks every installed edition against the contracts when the plugins load,
so a renamed rule or a changed unit fails there, with the plugin named, not
halfway through a budget statement. Features refer to the rule ids and
values through the constants here, never by a string of their own.

>>> CAO_PO.family, CAO_PO.units[INDIVIDUEEL_BUDGET].value
('cao-po', 'EUR per kalenderjaar')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from onderwijsregels.convert import text_set
from onderwijsregels.rules import Rule, Unit

__all__ = [
    "CAO_PO",
    "CONTRACTS",
    "INDIVIDUEEL_BUDGET",
    "MAXIMALE_SPAARTERMIJN",
    "SCHOOLLEIDERSREGISTER",
    "SLR_HERREGISTRATIEDATUM",
    "SLR_REGISTRATIEPLICHT",
    "SLR_STATUS",
    "SLR_TITEL",
    "STATUS_GEREGISTREERD",
    "STATUS_NIET_GEREGISTREERD",
    "STATUS_NIET_VEREIST",
    "STATUS_ONDER_VOORWAARDEN",
    "STATUS_VERLOPEN",
    "VERVALTERMIJN_DIRECTIEBUDGET",
    "FamilyContract",
    "violations",
]

INDIVIDUEEL_BUDGET = "individueel_budget"
MAXIMALE_SPAARTERMIJN = "maximale_spaartermijn"
VERVALTERMIJN_DIRECTIEBUDGET = "vervaltermijn_directiebudget"

SLR_REGISTRATIEPLICHT = "schoolleidersregister_registratieplicht"
SLR_STATUS = "schoolleidersregister_status"
SLR_TITEL = "schoolleidersregister_titel"
SLR_HERREGISTRATIEDATUM = "schoolleidersregister_herregistratiedatum"

STATUS_GEREGISTREERD = "geregistreerd"
STATUS_ONDER_VOORWAARDEN = "onder voorwaarden"
STATUS_VERLOPEN = "herregistratie verlopen"
STATUS_NIET_GEREGISTREERD = "niet geregistreerd"
STATUS_NIET_VEREIST = "niet vereist"


def _units(items: Mapping[str, Unit]) -> Mapping[str, Unit]:
    return dict(items)


def _values(items: Mapping[str, Iterable[str]]) -> Mapping[str, frozenset[str]]:
    return {key: frozenset(value) for key, value in items.items()}


@attrs.frozen
class FamilyContract:
    """What a feature of the library reads from one family's rules.

    ``required`` rules must be in every edition of the family; ``units`` gives
    the unit of every rule the feature reads (where an edition has it);
    ``values`` the values a text rule may give (its ``Rule.values`` must be a
    subset).
    """

    family: str
    reader: str
    required: frozenset[str] = attrs.field(converter=text_set)
    units: Mapping[str, Unit] = attrs.field(converter=_units)
    values: Mapping[str, frozenset[str]] = attrs.field(factory=dict, converter=_values)

    def check(self, rules: Iterable[Rule]) -> list[str]:
        """What an edition with these rules breaks of the contract (empty when it keeps it)."""
        by_id = {rule.id: rule for rule in rules}
        found = [
            f"lacks rule {rule_id!r}, which {self.reader} reads"
            for rule_id in sorted(self.required - set(by_id))
        ]
        for rule_id, unit in sorted(self.units.items()):
            rule = by_id.get(rule_id)
            if rule is not None and rule.unit is not unit:
                found.append(
                    f"rule {rule_id!r} has unit {rule.unit.value!r}, but {self.reader} reads "
                    f"{unit.value!r}"
                )
        for rule_id, allowed in sorted(self.values.items()):
            rule = by_id.get(rule_id)
            if rule is None:
                continue
            if rule.values is None:
                found.append(f"rule {rule_id!r} does not declare its values (values=)")
            elif not rule.values <= allowed:
                extra = ", ".join(sorted(rule.values - allowed))
                found.append(
                    f"rule {rule_id!r} may give {extra}, which {self.reader} does not know"
                )
        return found


CAO_PO = FamilyContract(
    family="cao-po",
    reader="the budget ledger",
    required=(INDIVIDUEEL_BUDGET, MAXIMALE_SPAARTERMIJN, VERVALTERMIJN_DIRECTIEBUDGET),
    units={
        INDIVIDUEEL_BUDGET: Unit.EUR_PER_KALENDERJAAR,
        MAXIMALE_SPAARTERMIJN: Unit.JAREN,
        VERVALTERMIJN_DIRECTIEBUDGET: Unit.JAREN,
        "uren_per_jaar": Unit.UUR_PER_KALENDERJAAR,
        "pdi_uren": Unit.UUR_PER_KALENDERJAAR,
        "duurzame_inzetbaarheid_basisbudget_uren": Unit.UUR_PER_KALENDERJAAR,
        "duurzame_inzetbaarheid_startende_leraar_uren": Unit.UUR_PER_KALENDERJAAR,
        "duurzame_inzetbaarheid_oudere_werknemer_uren": Unit.UUR_PER_KALENDERJAAR,
        "duurzame_inzetbaarheid_spaartermijn": Unit.JAREN,
    },
)
"""What the ledger and the accruals read from the CAO PO."""

SCHOOLLEIDERSREGISTER = FamilyContract(
    family="schoolleidersregister",
    reader="the board's register overview",
    required=(SLR_REGISTRATIEPLICHT, SLR_STATUS, SLR_TITEL, SLR_HERREGISTRATIEDATUM),
    units={
        SLR_REGISTRATIEPLICHT: Unit.JA_NEE,
        SLR_STATUS: Unit.TEKST,
        SLR_TITEL: Unit.TEKST,
        SLR_HERREGISTRATIEDATUM: Unit.DATUM,
    },
    values={
        SLR_STATUS: (
            STATUS_GEREGISTREERD,
            STATUS_ONDER_VOORWAARDEN,
            STATUS_VERLOPEN,
            STATUS_NIET_GEREGISTREERD,
            STATUS_NIET_VEREIST,
        )
    },
)
"""What the board's register overview reads from the Schoolleidersregister PO."""

CONTRACTS: tuple[FamilyContract, ...] = (CAO_PO, SCHOOLLEIDERSREGISTER)
"""Every contract :func:`onderwijsregels.load` checks."""


def violations(family: str, rules: Iterable[Rule]) -> list[str]:
    """What an edition of ``family`` with these rules breaks of the contracts (empty if none)."""
    found: list[str] = []
    rules = tuple(rules)
    for contract in CONTRACTS:
        if contract.family == family:
            found.extend(contract.check(rules))
    return found
