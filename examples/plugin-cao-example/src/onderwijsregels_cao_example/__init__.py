"""An example third-party plugin: a FICTIONAL CAO PO edition for 2099. NOT LAW.

This package shows how to add an edition to onderwijsregels from outside the
core. It registers the entry point ``cao-po-voorbeeld-2099`` in the group
``onderwijsregels`` (see its ``pyproject.toml``) and implements one hook,
:func:`onderwijsregels_editions`. The edition derives from the built-in
CAO PO 2021, overrides one dated value with a made-up amount and adds one
made-up rule; every rule that does not read the changed value is carried over
and results say so (``individueel_budget``, which reads it, is not: its result
is marked as resting on this edition's value).

Every figure here is fictional example data. The edition starts in 2099 so it
never governs a real year, it is marked provisional, and every citation it
adds has confidence *interpretation* with a note saying it is not law.

>>> EDITION.id, EDITION.family, EDITION.starts.isoformat(), EDITION.derives_from
('cao-po-voorbeeld-2099', 'cao-po', '2099-01-01', 'cao-po-2021')
>>> EDITION.parameter("individueel_budget_op_oop").at(EDITION.starts).value
Decimal('999')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from onderwijsregels_cao_po_2021 import EDITION as CAO_PO_2021

from onderwijsregels import Edition, Parameter, hookimpl
from onderwijsregels_cao_example import sources
from onderwijsregels_cao_example.rules import RULES

__all__ = ["EDITION", "onderwijsregels_editions"]

_FROM = date(2099, 1, 1)
_TO = date(2099, 12, 31)

PARAMETERS = (
    # Same id as the built-in parameter, so it replaces it; the rule that reads it
    # (individueel_budget) picks up this value and is no longer "carried over".
    Parameter.single(
        "individueel_budget_op_oop",
        "Individual budget of teachers and OOP at full time (FICTIONAL EXAMPLE, NOT LAW)",
        "EUR per jaar",
        Decimal("999"),
        sources.FICTIONAL_BUDGET,
        start=_FROM,
    ),
    Parameter.single(
        "voorbeeld_leesbudget_voltijd",
        "Reading budget at full time (FICTIONAL EXAMPLE, NOT LAW)",
        "EUR per jaar",
        Decimal("50"),
        sources.FICTIONAL,
        start=_FROM,
    ),
)

EDITION = CAO_PO_2021.derive(
    id="cao-po-voorbeeld-2099",
    title="FICTIEF VOORBEELD CAO PO 2099 (example plugin, not law)",
    valid_from=_FROM,
    valid_to=_TO,
    citation=sources.FICTIONAL_LOOPTIJD,
    rules=RULES,
    parameters=PARAMETERS,
    provisional=True,
    interpretation=sources.FICTIONAL_EDITION,
    notes=(
        "FICTIONAL EXAMPLE DATA, NOT LAW: an example third-party plugin. It overrides the "
        "teachers' and OOP budget with a made-up € 999 and adds a made-up reading budget.",
    ),
)
"""The fictional edition: CAO PO 2021 with one made-up value and one made-up rule."""


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide the fictional example edition.

    >>> [edition.id for edition in onderwijsregels_editions()]
    ['cao-po-voorbeeld-2099']
    """
    return (EDITION,)
