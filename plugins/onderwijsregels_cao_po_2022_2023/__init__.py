"""CAO PO 2022-2023 (1 June 2022 to 30 April 2023), derived from CAO PO 2022.

New: professionalisation aimed at pupils' basic skills, funded per pupil from
the Onderwijsakkoord; the team decides how the money is used. The sources give
no amount and no article, so the rule states the right without an amount.

>>> "professionalisering_basisvaardigheden" in EDITION.rule_ids
True
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onderwijsregels_cao_po_2022 import EDITION as CAO_PO_2022

from onderwijsregels import (
    Citation,
    Computation,
    Edition,
    Employee,
    Interpretation,
    RuleContext,
    Step,
    Unit,
    hookimpl,
    rule,
)

__all__ = ["EDITION", "onderwijsregels_editions", "professionalisering_basisvaardigheden"]

LOOPTIJD = Citation(
    source="CAO PO 2022-2023",
    article=None,
    lid=None,
    read_at="vosabb-cao-akkoord-po-2022-2023",
    quote="heeft een looptijd van 1 juni 2022 tot 1 mei 2023.",
    note=(
        "The start date rests on this third party (C) alone, so the looptijd is secondary. The "
        "PO-Raad (A) confirms the end: 'De cao voor primair onderwijs 2022-2023 is op 1 mei 2023 "
        "verlopen.' Signed on 15 July 2022 (PO-Raad). Later end dates given by some third "
        "parties (31 May 2023) were rejected."
    ),
)

BASISVAARDIGHEDEN = Citation(
    source="CAO PO 2022-2023",
    article=None,
    lid=None,
    read_at="nvop-cao-teksten-po-mbo-2022",
    quote=(
        "Professionalisering gericht op het aanleren van basisvaardigheden van leerlingen "
        "(vanwege de afspraak en de middelen hierover in het onderwijsakkoord)."
    ),
    note="The article number is not confirmed. No amount per pupil is in our sources.",
)

TEAM_EN_LEERLINGEN = Citation(
    source="CAO PO 2022-2023",
    article=None,
    lid=None,
    read_at="concent-onderhandelaarsakkoord-cao-po-2022-2023",
    quote="Op teamniveau kan bepaald worden op welke wijze deze gelden worden ingezet",
    note=(
        "The same third party (C): 'Dit budget is vastgesteld op basis van het aantal "
        "leerlingen.' Only this source gives how the money is set and who decides, so these "
        "mechanics are secondary."
    ),
)


@rule(
    "professionalisering_basisvaardigheden",
    title="Professionalisering gericht op basisvaardigheden (Onderwijsakkoord-middelen)",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(BASISVAARDIGHEDEN, TEAM_EN_LEERLINGEN),
    reads=(),
)
def professionalisering_basisvaardigheden(ctx: RuleContext) -> Computation:
    """The team may spend Onderwijsakkoord money on basic-skills professionalisation.

    "Professionalisering gericht op het aanleren van basisvaardigheden van leerlingen
    (vanwege de afspraak en de middelen hierover in het onderwijsakkoord)."
    """
    return Computation(
        True,
        [
            Step(
                "Professionalisation aimed at pupils' basic skills, from Onderwijsakkoord money",
                BASISVAARDIGHEDEN,
            ),
            Step(
                "The money is set per pupil and the team decides how it is used",
                TEAM_EN_LEERLINGEN,
            ),
        ],
        BASISVAARDIGHEDEN,
        notes=["No amount is encoded: our sources give no amount per pupil for this money."],
    )


NO_OTHER_CHANGE = Interpretation(
    summary="apart from the basic-skills professionalisation, chapter 9 is carried over unchanged",
    reasoning=(
        "the sources name the basic-skills professionalisation as the new chapter-9 topic and no "
        "other change; the individual budgets are 'probably "
        "unchanged, but no edition-specific source'"
    ),
)

EDITION = CAO_PO_2022.derive(
    id="cao-po-2022-2023",
    title="CAO PO 2022-2023",
    valid_from=date(2022, 6, 1),
    valid_to=date(2023, 4, 30),
    citation=LOOPTIJD,
    rules=(professionalisering_basisvaardigheden,),
    interpretation=NO_OTHER_CHANGE,
    notes=(
        "Adds professionalisation aimed at pupils' basic skills (Onderwijsakkoord money).",
        "Art. 9.5 (guidance of starters) existed in this edition; it was amended in 2023-2024.",
    ),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide CAO PO 2022-2023."""
    return (EDITION,)
