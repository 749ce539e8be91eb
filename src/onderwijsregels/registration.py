"""Registrations in a professional register (Schoolleidersregister PO, Lerarenregister).

A :class:`Registration` records what the register decided: the last
(re)registration date (*registratiebesluit*), the title and predicate, the
route to the basic registration, the points earned since, a postponement
(*uitstel*) granted by the Commissie Registratie, or a refusal. The rules that
read it live in the register plugins (``schoolleidersregister``,
``lerarenregister``).

Titles: before the register was renewed in August 2022, RDO (Registerdirecteur
onderwijs), RADO (Registeradjunct-directeur onderwijs) and *aspirant*; since,
one title RDO with a predicate: *in opleiding*, *niveau 1*, *niveau 2* or
*master*.

>>> from datetime import date
>>> r = Registration(register=Register.SCHOOLLEIDERSREGISTER_PO, decision_date=date(2022, 9, 1),
...                  predicate=Predicate.NIVEAU_2, points=40)
>>> r.predicate.value
'niveau 2'
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

import attrs

from onderwijsregels.convert import check_day, enum_member, shown
from onderwijsregels.errors import InvalidInputError

__all__ = ["CHECKED_TOGETHER", "OldTitle", "Predicate", "Register", "Registration", "Route"]


class Register(enum.Enum):
    """The register a registration is in."""

    SCHOOLLEIDERSREGISTER_PO = "schoolleidersregister-po"
    LERARENREGISTER = "lerarenregister"


class OldTitle(enum.Enum):
    """Titles of the Schoolleidersregister PO before August 2022."""

    RDO = "RDO"
    RADO = "RADO"
    ASPIRANT = "aspirant"


class Predicate(enum.Enum):
    """The predicate after the title RDO since August 2022."""

    IN_OPLEIDING = "in opleiding"
    NIVEAU_1 = "niveau 1"
    NIVEAU_2 = "niveau 2"
    MASTER = "master"


class Route(enum.Enum):
    """How the basic registration was obtained (evidence: a diploma or certificate)."""

    SCHOOLLEIDERSOPLEIDING = "schoolleidersopleiding"
    """An accredited school-leader education."""
    MASTER = "master"
    """A relevant master."""
    TOETSEND_ASSESSMENT = "toetsend-assessment"
    """An accredited assessment."""
    EVC = "evc"
    """Recognition of prior learning (erkenning van verworven competenties)."""
    IDW = "idw"
    """Individual diploma evaluation (individuele diplomawaardering)."""


def _to_register(value: object) -> Register:
    return enum_member(Register, "register", value)


def _to_title(value: object) -> OldTitle | None:
    return None if value is None else enum_member(OldTitle, "title", value)


def _to_predicate(value: object) -> Predicate | None:
    return None if value is None else enum_member(Predicate, "predicate", value)


def _to_route(value: object) -> Route | None:
    return None if value is None else enum_member(Route, "route", value)


def _day(field: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check_day(value, field)

    return check


def _points(field: str) -> Any:
    def check(_: object, __: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InvalidInputError(field, f"must be a whole number from 0, got {shown(value)}")

    return check


CHECKED_TOGETHER: tuple[str, ...] = ("register", "decision_date", "refused_on", "postponed_until")
"""The fields of a :class:`Registration` whose checks read one another: a register is needed
once any field is given, a decision date or a refusal date, and a postponement after the
decision date. Each other field is checked on its own, and these checks read only whether it
is given. A batch checks each distinct combination of these fields once (and each distinct
cell of the others once); a property test holds that this accepts exactly the registrations
the class accepts (``tests/test_columnar.py``)."""


@attrs.frozen
class Registration:
    """What a register decided about one person.

    ``decision_date`` is the date of the last (re)registration decision.
    ``points`` are the points earned since then (Schoolleidersregister PO
    since August 2022); ``points_at_decision`` the points with which the last
    re-registration was granted (``None`` for a first registration).
    ``postponed_until`` is the date of a postponement granted by the Commissie
    Registratie; ``refused_on`` the date of a refusal to register (after a
    decision date it is a refused re-registration: the registration stands
    until its date, and the objection route is open). Enum fields accept their
    members or their values (``"niveau 2"``). Every date lies from 1900-01-01 to 2999-12-31
    (:data:`~onderwijsregels.limits.FIRST_DAY` to :data:`~onderwijsregels.limits.LAST_DAY`),
    so the rules' date arithmetic cannot leave the calendar.
    """

    register: Register = attrs.field(converter=_to_register)
    decision_date: date | None = attrs.field(default=None, validator=_day("decision_date"))
    title: OldTitle | None = attrs.field(default=None, converter=_to_title)
    predicate: Predicate | None = attrs.field(default=None, converter=_to_predicate)
    route: Route | None = attrs.field(default=None, converter=_to_route)
    points: int | None = attrs.field(default=None, validator=_points("points"))
    points_at_decision: int | None = attrs.field(
        default=None, validator=_points("points_at_decision")
    )
    postponed_until: date | None = attrs.field(default=None, validator=_day("postponed_until"))
    refused_on: date | None = attrs.field(default=None, validator=_day("refused_on"))

    def __attrs_post_init__(self) -> None:
        if self.decision_date is None and self.refused_on is None:
            raise InvalidInputError(
                "decision_date", "give the date of the (re)registration decision, or refused_on"
            )
        if (
            self.postponed_until is not None
            and self.decision_date is not None
            and self.postponed_until <= self.decision_date
        ):
            raise InvalidInputError("postponed_until", "must lie after the decision date")
