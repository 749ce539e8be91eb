"""CAO PO 2023-2024 (1 May 2023 to 30 September 2024), derived from CAO PO 2022-2023.

Changes: a school leader may save the budget for up to four years instead of
three, and art. 9.5 gives starting school leaders a right to targeted
guidance. The lapse rule that goes with four-year saving is not in our
sources: the value we use (five years) is a labelled interpretation.

>>> EDITION.parameter("spaartermijn_directie").at(date(2023, 5, 1)).value
4
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onderwijsregels_cao_po_2022_2023 import EDITION as CAO_PO_2022_2023

from onderwijsregels import (
    Citation,
    Computation,
    Confidence,
    Edition,
    Employee,
    Interpretation,
    NotApplicable,
    RuleContext,
    Step,
    Unit,
    hookimpl,
    rule,
)

__all__ = ["EDITION", "begeleiding_startende_schoolleider", "onderwijsregels_editions"]

_FROM = date(2023, 5, 1)
_IJK = "https://www.ijk.nl/kennis/cao-akkoord-in-het-po-wat-hr-en-psa-hierover-moeten-weten"

LOOPTIJD = Citation(
    source="CAO PO 2023-2024",
    article=None,
    lid=None,
    read_at="nvop-twee-nieuwe-caos-po-vo-2023",
    quote="De cao’s 2023-2024 lopen van 1 mei 2023 tot en met 30 september 2024;",
    note="IJK (C) gives the same looptijd. Pay +10% from 1 July 2023 (AVS).",
)

SPAREN_VIER_JAAR = Citation(
    source="CAO PO 2023-2024",
    article=None,
    lid=None,
    read_at="ijk-cao-akkoord-po-2023-2024",
    quote=(
        "Een schoolleider mag zijn professionaliseringsbudget voortaan maximaal vier jaar sparen "
        "in plaats van drie jaar."
    ),
    confidence=Confidence.SECONDARY,
    note="A third-party source (C); the article number is not confirmed.",
)

VERVAL_LEZING = Interpretation(
    summary="with four years' saving, unspent directie budget lapses after five years",
    reasoning=(
        "no source states the lapse rule after the change. Before it, "
        "the budget could be saved three years and lapsed if not spent within four: the year of "
        "accrual plus the saving years. Keeping that relation, four years' saving gives five; "
        "a lapse after four years would leave no time to spend the fourth saved year"
    ),
)

BEGELEIDING = Citation(
    source="CAO PO 2023-2024",
    article="9.5",
    lid=None,
    read_at="avs-nieuws-onderhandelaarsakkoord-2023-2024",
    quote="Startende schoolleiders hebben recht op goede begeleiding en ondersteuning.",
    note=(
        "The article number comes from a mirror of the AVS news item (goc-consultants.nl): "
        "'Artikel 9.5 cao-po wordt hiertoe gewijzigd.' IJK (C) mentions extra coaching as an example."
    ),
)


@rule(
    "begeleiding_startende_schoolleider",
    title="Recht op begeleiding voor startende schoolleiders",
    subject=Employee,
    unit=Unit.JA_NEE,
    citations=(BEGELEIDING,),
    reads=("function",),
)
def begeleiding_startende_schoolleider(ctx: RuleContext) -> Computation | NotApplicable:
    """A starting school leader has a right to targeted guidance and support (art. 9.5).

    "Startende schoolleiders hebben recht op goede begeleiding en ondersteuning."
    """
    if not ctx.employee.function.is_directie:
        return NotApplicable(
            "art. 9.5's guidance for starting school leaders concerns the directie"
        )
    return Computation(
        True,
        [
            Step(
                "A starting school leader has a right to targeted guidance and support, e.g. "
                "extra coaching",
                BEGELEIDING,
            )
        ],
        BEGELEIDING,
        notes=[
            "Applies while the school leader is starting; the library does not know when "
            "the employee started, so it states the right."
        ],
    )


NO_OTHER_CHANGE = Interpretation(
    summary="apart from four-year saving for school leaders and art. 9.5, chapter 9 is unchanged",
    reasoning=(
        "the sources name these two professionalisation changes and no change for teachers and "
        "OOP; chapter 8A still existed in this edition (AVS FAQ of "
        "24 July 2024 cites 8A.3, 8A.6, 8A.7 and 8A.11)"
    ),
)

EDITION = CAO_PO_2022_2023.derive(
    id="cao-po-2023-2024",
    title="CAO PO 2023-2024",
    valid_from=_FROM,
    valid_to=date(2024, 9, 30),
    citation=LOOPTIJD,
    rules=(begeleiding_startende_schoolleider,),
    parameters=(
        CAO_PO_2022_2023.parameter("spaartermijn_directie").changed(_FROM, 4, SPAREN_VIER_JAAR),
        CAO_PO_2022_2023.parameter("vervaltermijn_directie").changed(
            _FROM,
            5,
            Citation(
                source="CAO PO 2023-2024",
                article=None,
                lid=None,
                read_at="ijk-cao-akkoord-po-2023-2024",
                quote=SPAREN_VIER_JAAR.quote,
                confidence=Confidence.INTERPRETATION,
                note="The lapse term is our reading; see the interpretation.",
            ),
            interpretation=VERVAL_LEZING,
        ),
    ),
    interpretation=NO_OTHER_CHANGE,
    notes=(
        "A school leader may save the budget for up to four years instead of three.",
        "Art. 9.5 adds guidance for starting school leaders.",
    ),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide CAO PO 2023-2024."""
    return (EDITION,)
