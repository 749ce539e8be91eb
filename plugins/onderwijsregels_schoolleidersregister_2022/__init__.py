"""Schoolleidersregister PO, the register renewed in August 2022.

One title RDO with a predicate (in opleiding, niveau 1, niveau 2, master);
registration for five years from the decision (Registerreglement art. 7 lid 1);
re-registration with at least 100 points per five years, the points setting
the next date (60-79: 3 years ... 140 or more: 7 years). Registrations decided
before the renewal keep their four-yearly cycle.

>>> EDITION.derives_from
'schoolleidersregister-2013'
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onderwijsregels_schoolleidersregister_2013 import EDITION as OLD_REGISTER
from onderwijsregels_schoolleidersregister_2013 import sources
from onderwijsregels_schoolleidersregister_2013.rules import POINTS_READING, points_band

from onderwijsregels import (
    Computation,
    Edition,
    Employee,
    Interpretation,
    NotApplicable,
    Parameter,
    RuleContext,
    Step,
    Unit,
    hookimpl,
    rule,
)
from onderwijsregels.registration import Register

__all__ = ["EDITION", "onderwijsregels_editions", "schoolleidersregister_punten_nodig"]

_FROM = date(2022, 8, 24)

START_DAY = Interpretation(
    summary="the renewed register governs from 24 August 2022",
    reasoning=(
        "the sources date the new register to August 2022 without a day; 24 August 2022 is the "
        "date of the register's announcement 'Een nieuw register'"
    ),
)


@rule(
    "schoolleidersregister_punten_nodig",
    title="Punten nog nodig voor herregistratie (100 per vijf jaar)",
    subject=Employee,
    unit=Unit.PUNTEN,
    citations=(sources.POINTS,),
    parameters=("punten_norm",),
)
def schoolleidersregister_punten_nodig(ctx: RuleContext) -> Computation | NotApplicable:
    """Points still needed for the norm of 100 points per five years.

    "Iedere vijf jaar haalt u minimaal 100 punten. Het aantal punten bepaalt de nieuwe
    herregistratiedatum"
    """
    registration = ctx.employee.registration
    if registration is None or registration.register is not Register.SCHOOLLEIDERSREGISTER_PO:
        return NotApplicable("the employee has no registration in the Schoolleidersregister PO")
    if registration.decision_date is None or registration.decision_date < ctx.edition.starts:
        return NotApplicable(
            "registered before the register was renewed: re-registration there went by "
            "professionalisation themes, not points"
        )
    if registration.points is None:
        return NotApplicable("the points earned since the last (re)registration are not given")
    norm = ctx.param("punten_norm")
    earned = registration.points
    needed = max(0, norm.whole - earned)
    band = points_band(earned)
    steps = [
        norm.step(
            f"Norm: at least {norm.whole} points per five years; earned {earned}, "
            f"still needed {needed}"
        ),
        Step(
            f"With {earned} points a re-registration would set the next date {band} years "
            "after it (points table)"
            if band is not None
            else f"{earned} points are fewer than the table's lowest band (60)",
            sources.POINTS,
            POINTS_READING,
        ),
    ]
    return Computation(needed, steps, sources.POINTS)


EDITION = OLD_REGISTER.derive(
    id="schoolleidersregister-2022",
    title="Schoolleidersregister PO (from August 2022)",
    valid_from=_FROM,
    valid_to=None,
    citation=sources.NEW_REGISTER,
    rules=(schoolleidersregister_punten_nodig,),
    parameters=(
        Parameter.single(
            "registratieperiode_jaren",
            "Registration period",
            "jaren",
            5,
            sources.PERIOD_FIVE_YEARS,
            start=_FROM,
        ),
        Parameter.single(
            "punten_norm", "Points per five years", "punten", 100, sources.POINTS, start=_FROM
        ),
    ),
    interpretation=START_DAY,
    notes=(
        "One title RDO with a predicate; the RADO title disappears.",
        "Registration for five years; re-registration by points.",
    ),
)


@hookimpl
def onderwijsregels_editions() -> Sequence[Edition]:
    """Provide the renewed Schoolleidersregister PO."""
    return (EDITION,)
