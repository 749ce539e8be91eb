"""CAO PO 2024-2025 (1 October 2024 to 31 October 2025), derived from CAO PO 2023-2024.

Chapters 8A (duurzame inzetbaarheid) and 9 (professionalisering) were merged
into one chapter, *Professionalisering en Duurzame Inzetbaarheid* (PDI):
"Elke werknemer in het primair onderwijs heeft jaarlijks recht op een
PDI-budget van 123 PDI-uren en € 525,- naar rato van de werktijdfactor". The
123 hours are the old 83 hours of professionalisation and 40 hours of
duurzame inzetbaarheid merged, used as the employee decides. So from
1 October 2024:

- ``individueel_budget`` gives teachers and OOP € 525 × werktijdfactor
  (confidence *secondary*: a reputable secondary source quotes the CAO);
- ``pdi_uren`` (new) gives 123 hours × werktijdfactor and replaces
  ``uren_per_jaar``, ``uren_per_werkweek`` and
  ``duurzame_inzetbaarheid_basisbudget_uren`` (removed);
- what the source does not give raises
  :class:`~onderwijsregels.NotEncodedError` naming the parameter: the
  directie amount, the starters' and 57+ hours, the saving and lapse terms.

Scales A10 and D11 were removed; (adjunct-)directors must be regraded before
1 July 2025, and until then the old scale is accepted with a note.

>>> sorted(EDITION.removed_scales), EDITION.regrading_until.isoformat()
(['A10', 'D11'], '2025-07-01')
>>> EDITION.parameter("individueel_budget_op_oop").at(date(2025, 1, 1)).value
Decimal('525')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from onderwijsregels_cao_po_2023_2024 import EDITION as CAO_PO_2023_2024

from onderwijsregels import (
    Citation,
    Computation,
    Edition,
    Employee,
    Interpretation,
    Parameter,
    RuleContext,
    Unit,
    hookimpl,
    rule,
)
from onderwijsregels.amounts import dated, pro_rata

__all__ = [
    "DIRECTIE_BUDGET_UNKNOWN",
    "EDITION",
    "INDEXATION_UNKNOWN",
    "MERGED_CHAPTER_UNKNOWN",
    "onderwijsregels_editions",
    "pdi_uren",
]

_FROM = date(2024, 10, 1)
"""The merged chapter applies from the edition's start; no source dates it otherwise."""

LOOPTIJD = Citation(
    source="CAO PO 2024-2025",
    article=None,
    lid=None,
    read_at="poraad-cao-primair-onderwijs",
    quote=(
        "Deze cao loopt van 1 oktober 2024 tot en met 31 oktober 2025 en omvat een generieke "
        "salarisverhoging van 4,9% per 1 oktober 2024"
    ),
    note="Onderhandelaarsakkoord of 30 September 2024.",
)

SCHALEN = Citation(
    source="CAO PO 2024-2025",
    article=None,
    lid=None,
    read_at="avs-boek-cao-po-2024-2025",
    quote="De schalen A10 en D11 zijn geschrapt uit het loongebouw.",
    note=(
        "All (adjunct-)directors need a new function description and grading before 1 July 2025 "
        "(same source)."
    ),
)

INDEXATION_UNKNOWN = (
    "The AVS says 'De professionaliseringsmiddelen worden de komende vijf jaar geïndexeerd met "
    "4,9 procent'; whether that is once or every year is not in our sources. € 525 is the "
    "figure the source gives (€ 500 × 1.049 would be € 524.50)."
)

PDI_BUDGET = Citation(
    source="CAO PO 2024-2025",
    article=None,
    lid=None,
    read_at="raphrm-pdi-budget",
    quote=(
        "Elke werknemer in het primair onderwijs heeft jaarlijks recht op een PDI-budget van "
        "123 PDI-uren en € 525,- naar rato van de werktijdfactor."
    ),
    note=(
        "The chapter 'Professionalisering en Duurzame Inzetbaarheid' (PDI) merged chapters 8A "
        "and 9; its article numbers are not in our sources. " + INDEXATION_UNKNOWN
    ),
)

PDI_MERGE = Citation(
    source="CAO PO 2024-2025",
    article=None,
    lid=None,
    read_at="raphrm-pdi-budget",
    quote=(
        "het oude recht op 83 uur Professionalisering (P) en 40 uur Duurzame Inzetbaarheid (DI) "
        "is samengevoegd."
    ),
    note=(
        "The same source: 'De werknemer beslist nu zelf hoe hij deze inzet.' and 'Sommige scholing "
        "is voor werknemers verplicht, zoals studiedagen. Dit valt onder de overige taken en dus "
        "niet onder de PDI-uren.'"
    ),
)

MERGED_CHAPTER_UNKNOWN = (
    "CAO PO 2024-2025 merged chapters 8A (duurzame inzetbaarheid) and 9 (professionalisering) "
    "into one PDI chapter; our sources give the PDI budget of teachers and OOP (€ 525 and 123 "
    "hours a year, pro rata) but not this value under the merged chapter, so it is not "
    "guessed; an edition plugin that has the CAO text can supply it under this parameter id"
)

DIRECTIE_BUDGET_UNKNOWN = (
    "CAO PO 2024-2025 merged chapters 8A (duurzame inzetbaarheid) and 9 (professionalisering) "
    "into one PDI chapter; our source gives 'elke werknemer' € 525 and 123 PDI hours a year, "
    "pro rata, but before the merger the directie had a budget of its own (art. 9.6 lid 3 of "
    "CAO PO 2019-2020: € 3000 a year, not pro rata), and whether the merged chapter keeps, "
    "changes or drops it is not in our sources, so neither amount is guessed; an edition "
    "plugin that has the CAO text can supply it under this parameter id"
)
"""Why the directie's budget in euros is not encoded from 1 October 2024 (the PDI hours are:
the source gives them to every employee, and the directie had no hours of its own)."""

_NOT_GIVEN = (
    "di_startende_leraar_uren",
    "di_oudere_werknemer_uren",
    "di_maximale_opname_oudere_werknemer",
    "spaartermijn_op_oop",
    "spaartermijn_directie",
    "vervaltermijn_directie",
    "di_spaartermijn",
    "di_spaartermijn_oudere_werknemer",
)
"""Values the merged chapter may have changed and our sources do not give."""

PDI_UREN = Parameter.single(
    "pdi_uren_voltijd",
    "PDI hours per year at full time",
    "uur per jaar",
    Decimal("123"),
    PDI_BUDGET,
    start=_FROM,
)


@rule(
    "pdi_uren",
    title="PDI-uren per jaar (professionalisering en duurzame inzetbaarheid)",
    subject=Employee,
    unit=Unit.UUR_PER_KALENDERJAAR,
    citations=(PDI_BUDGET, PDI_MERGE),
    parameters=("pdi_uren_voltijd",),
    reads=("function", "werktijdfactor"),
    traced=("werktijdfactor",),  # only multiplied by and shown: traced once
)
def pdi_uren(ctx: RuleContext) -> Computation:
    """PDI hours a year: 123 at full time, pro rata werktijdfactor, for every employee.

    "Elke werknemer in het primair onderwijs heeft jaarlijks recht op een PDI-budget
    van 123 PDI-uren en € 525,- naar rato van de werktijdfactor"; "het oude recht op
    83 uur Professionalisering (P) en 40 uur Duurzame Inzetbaarheid (DI) is
    samengevoegd."
    """
    employee = ctx.employee
    hours = ctx.param("pdi_uren_voltijd", ctx.calendar_year.start)
    notes = [
        "The PDI hours replace the 83 hours of professionalisation and the 40 hours of "
        "duurzame inzetbaarheid (merged into 123 by CAO PO 2024-2025); the employee decides how "
        "to use them. Mandatory training (studiedagen) is not paid from them."
    ]
    if employee.function.is_directie:
        notes.append(
            "The source gives the PDI hours to 'elke werknemer', so the directie is included; "
            "the directie's budget in euros under the merged chapter is not in our sources."
        )
    yearly = dated(hours, "PDI hours a year at full time", unit="")
    return pro_rata(yearly, employee.werktijdfactor).computation(notes=notes)


CARRIED_OVER = Interpretation(
    summary="rules the merged PDI chapter is not known to have changed carry over",
    reasoning=(
        "the text of the merged chapter was not available; the sources describe the PDI budget "
        "(€ 525 and 123 hours) and the merge only, so the registration duty, assigned "
        "professionalisation, the POP, the spending forms of the directie budget, the age and "
        "trede thresholds are taken to be unchanged until a source says otherwise"
    ),
)

MERGE_READING = (
    "Removed in the merge: uren_per_werkweek (2 hours a week), uren_per_jaar (83 hours a year) "
    "and duurzame_inzetbaarheid_basisbudget_uren (40 hours a year) give way to pdi_uren (123 "
    "hours a year); the source names the 83 and 40 hours as merged, and the weekly rule is "
    "where the 83 hours came from (our reading)."
)

EDITION = CAO_PO_2023_2024.derive(
    id="cao-po-2024-2025",
    title="CAO PO 2024-2025",
    valid_from=_FROM,
    valid_to=date(2025, 10, 31),
    citation=LOOPTIJD,
    rules=(pdi_uren,),
    remove=("uren_per_werkweek", "uren_per_jaar", "duurzame_inzetbaarheid_basisbudget_uren"),
    parameters=(
        CAO_PO_2023_2024.parameter("individueel_budget_op_oop").changed(
            _FROM, Decimal("525"), PDI_BUDGET
        ),
        PDI_UREN,
        CAO_PO_2023_2024.parameter("individueel_budget_directie").changed(
            _FROM, None, None, missing=DIRECTIE_BUDGET_UNKNOWN
        ),
        *(
            CAO_PO_2023_2024.parameter(name).changed(
                _FROM, None, None, missing=MERGED_CHAPTER_UNKNOWN
            )
            for name in _NOT_GIVEN
        ),
    ),
    interpretation=CARRIED_OVER,
    removed_scales=("A10", "D11"),
    removed_scales_citation=SCHALEN,
    regrading_until=date(2025, 7, 1),
    notes=(
        "Chapters 8A and 9 merged into one PDI chapter: € 525 and 123 PDI hours a year for every "
        "employee, pro rata werktijdfactor.",
        MERGE_READING,
        "Not encoded (not in our sources): the directie amount, starters' and 57+ hours, the "
        "saving and lapse terms, and the merged chapter's article numbers.",
        INDEXATION_UNKNOWN,
        "Scales A10 and D11 were removed from the salary structure; (adjunct-)directors must be "
        "regraded before 1 July 2025.",
    ),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide CAO PO 2024-2025."""
    return (EDITION,)
