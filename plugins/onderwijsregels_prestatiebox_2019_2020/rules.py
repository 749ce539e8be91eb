"""Per-pupil funding rules, shared by every edition of ``bekostiging-professionalisering``.

The amount per pupil is the edition's dated parameter ``bedrag_per_leerling``
(per school year), so each regulation supplies only its own figures. Every
result names the regulation itself (the edition's citation) as its legal
basis, with that citation's note (e.g. the regeling's date) among its notes.
"""

from __future__ import annotations

from onderwijsregels import Computation, RuleContext, School, Step, Unit, rule
from onderwijsregels.citations import Citation
from onderwijsregels.money import format_eur

__all__ = ["RULES", "bedrag_per_leerling", "bekostiging_professionalisering"]

_COUNT_NOTE = (
    "Our sources do not give the pupil-count date of this funding; use the count the "
    "regulation applies (under the pre-2023 system, 1 October of the previous year)."
)


def _legal_basis(ctx: RuleContext) -> tuple[Step, list[str]]:
    regulation: Citation = ctx.edition.citation
    step = Step(f"Legal basis: {regulation.reference}", regulation)
    return step, [regulation.note] if regulation.note else []


@rule(
    "bedrag_per_leerling",
    title="Bedrag per leerling",
    subject=School,
    unit=Unit.EUR_PER_LEERLING,
    citations=(),
    parameters=("bedrag_per_leerling",),
    reads=(),
)
def bedrag_per_leerling(ctx: RuleContext) -> Computation:
    """The amount per pupil for the school year of the reference day."""
    year = ctx.school_year
    amount = ctx.param("bedrag_per_leerling", year.start)
    basis, notes = _legal_basis(ctx)
    return Computation(
        amount.decimal,
        [
            basis,
            Step(
                f"Amount per pupil for school year {year.label}: {format_eur(amount.decimal)}",
                amount.citation,
            ),
        ],
        amount.citation,
        notes=notes,
    )


@rule(
    "bekostiging_professionalisering",
    title="Bekostiging professionalisering voor de school",
    subject=School,
    unit=Unit.EUR_PER_SCHOOLJAAR,
    citations=(),
    parameters=("bedrag_per_leerling",),
    reads=("pupils",),
)
def bekostiging_professionalisering(ctx: RuleContext) -> Computation:
    """The school's funding for one school year: pupils × amount per pupil."""
    year = ctx.school_year
    amount = ctx.param("bedrag_per_leerling", year.start)
    per_pupil = amount.decimal
    pupils = ctx.school.pupils
    total = per_pupil * pupils
    basis, notes = _legal_basis(ctx)
    return Computation(
        total,
        [
            basis,
            Step(
                f"Amount per pupil for school year {year.label}: {format_eur(per_pupil)}",
                amount.citation,
            ),
            Step(f"{pupils} pupils × {format_eur(per_pupil)} = {format_eur(total)}"),
        ],
        amount.citation,
        notes=[_COUNT_NOTE, *notes],
    )


RULES = (bedrag_per_leerling, bekostiging_professionalisering)
