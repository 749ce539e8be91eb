"""CAO PO 2019-2020 (with its extension to 31 December 2020): chapter 9, professionalisation.

Looptijd 1 March 2019 to 31 December 2020; its content applies from
1 January 2020, so calendar year 2019 is not covered. Installed as the entry
point ``cao-po-2019-2020`` of the group ``onderwijsregels``.

>>> EDITION.id, EDITION.starts.isoformat()
('cao-po-2019-2020', '2020-01-01')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from onderwijsregels import DatedValue, Edition, Parameter, hookimpl
from onderwijsregels_cao_po_2019_2020 import duurzame_inzetbaarheid, scholingsgelden, sources
from onderwijsregels_cao_po_2019_2020.rules import RULES

__all__ = ["EDITION", "onderwijsregels_editions"]

_FROM = date(2020, 1, 1)
_TOP_UP_YEARS = (date(2020, 1, 1), date(2021, 12, 31))

PARAMETERS = (
    Parameter.single(
        "individueel_budget_op_oop",
        "Individual budget of teachers and OOP at full time",
        "EUR per jaar",
        Decimal("500"),
        sources.BUDGET_EN_UREN_OP_OOP,
        start=_FROM,
    ),
    Parameter(
        "verhoging_op_oop",
        "Top-up of the teachers' and OOP budget at full time",
        "EUR per jaar",
        (DatedValue(*_TOP_UP_YEARS, Decimal("100"), sources.VERHOGING_OP_OOP),),
    ),
    Parameter.single(
        "individueel_budget_directie",
        "Individual budget of a directielid",
        "EUR per jaar",
        Decimal("3000"),
        sources.BEDRAG_DIRECTIE,
        start=_FROM,
    ),
    Parameter(
        "verhoging_directie",
        "Top-up of the directie budget",
        "EUR per jaar",
        (DatedValue(*_TOP_UP_YEARS, Decimal("100"), sources.VERHOGING_DIRECTIE),),
    ),
    Parameter.single(
        "uren_per_werkweek_op_oop",
        "Clock hours per work week at full time",
        "uur per werkweek",
        Decimal("2"),
        sources.BUDGET_EN_UREN_OP_OOP,
        start=_FROM,
    ),
    Parameter.single(
        "uren_per_jaar_voltijd",
        "Hours per year at full time (derived)",
        "uur per jaar",
        Decimal("83"),
        sources.UREN_PER_JAAR,
        start=_FROM,
    ),
    Parameter.single(
        "spaartermijn_op_oop",
        "Maximum saving period, teachers and OOP",
        "jaren",
        3,
        sources.SPAREN_OP_OOP,
        start=_FROM,
    ),
    Parameter.single(
        "spaartermijn_directie",
        "Maximum saving period, directie",
        "jaren",
        3,
        sources.SPAREN_DIRECTIE,
        start=_FROM,
    ),
    Parameter.single(
        "vervaltermijn_directie",
        "Years within which the directie budget must be spent",
        "jaren",
        4,
        sources.SPAREN_DIRECTIE,
        start=_FROM,
    ),
    Parameter.single(
        "bestedingsvormen_directie",
        "Spending forms of the directie budget",
        "tekst",
        ("studieverlof", "studiekostenvergoeding", "andere professionaliseringsactiviteiten"),
        sources.BESTEDING_DIRECTIE,
        start=_FROM,
    ),
    # Chapter 8A, duurzame inzetbaarheid.
    Parameter.single(
        "di_basisbudget_uren",
        "Duurzame inzetbaarheid basic budget at full time",
        "uur per jaar",
        Decimal("40"),
        sources.DI_BASIS,
        start=_FROM,
    ),
    Parameter.single(
        "di_spaartermijn",
        "Duurzame inzetbaarheid maximum saving period",
        "jaren",
        3,
        sources.DI_SPAREN,
        start=_FROM,
    ),
    Parameter.single(
        "di_startende_leraar_uren",
        "Starting teachers' extra hours at full time",
        "uur per jaar",
        Decimal("40"),
        sources.DI_STARTERS,
        start=_FROM,
    ),
    Parameter.single(
        "di_startende_leraar_hoogste_trede",
        "Last trede that counts as starting",
        "trede",
        3,
        sources.DI_STARTERS,
        start=_FROM,
    ),
    Parameter.single(
        "di_oudere_werknemer_uren",
        "Extra hours from age 57 at full time",
        "uur per jaar",
        Decimal("130"),
        sources.DI_OUDEREN,
        start=_FROM,
    ),
    Parameter.single(
        "di_leeftijd_oudere_werknemer",
        "Age from which the older employees' budget applies",
        "jaar",
        57,
        sources.DI_OUDEREN,
        start=_FROM,
    ),
    Parameter.single(
        "di_spaartermijn_oudere_werknemer",
        "Maximum saving period of (40 + 130) hours from age 57",
        "jaren",
        5,
        sources.DI_OUDEREN,
        start=_FROM,
    ),
    Parameter.single(
        "di_maximale_opname_oudere_werknemer",
        "Maximum hours taken per year from age 57",
        "uur per jaar",
        Decimal("340"),
        sources.DI_OUDEREN,
        start=_FROM,
    ),
)

EDITION = Edition(
    id="cao-po-2019-2020",
    family="cao-po",
    title="CAO PO 2019-2020",
    valid_from=date(2019, 3, 1),
    valid_to=date(2020, 12, 31),
    applies_from=_FROM,
    citation=sources.LOOPTIJD,
    rules=(*RULES, *duurzame_inzetbaarheid.RULES, *scholingsgelden.RULES),
    parameters=PARAMETERS,
    notes=(
        "Chapter 9 (professionalisering) was rewritten in this edition.",
        "The content applies from 1 January 2020; the 2018-2019 texts held until then.",
    ),
)
"""The edition, ready to register or to derive a successor from."""


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide CAO PO 2019-2020."""
    return (EDITION,)
