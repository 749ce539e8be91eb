"""The board view of the registers: who is missing, onder voorwaarden, expired or due soon.

Reads the outcomes of the ``schoolleidersregister`` family by their rule ids
(``schoolleidersregister_registratieplicht``, ``schoolleidersregister_status``,
``schoolleidersregister_titel``, ``schoolleidersregister_herregistratiedatum``),
so any edition that provides those rules works here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from onderwijsregels.contracts import (
    SLR_HERREGISTRATIEDATUM,
    SLR_REGISTRATIEPLICHT,
    SLR_STATUS,
    SLR_TITEL,
    STATUS_GEREGISTREERD,
    STATUS_NIET_GEREGISTREERD,
    STATUS_NIET_VEREIST,
    STATUS_ONDER_VOORWAARDEN,
    STATUS_VERLOPEN,
)
from onderwijsregels.convert import check_day, converter, items_argument, shown, unstructure
from onderwijsregels.errors import InvalidInputError
from onderwijsregels.i18n import N_, gettext
from onderwijsregels.model import Employee
from onderwijsregels.periods import add_months
from onderwijsregels.receipt import Receipt
from onderwijsregels.rulebook import Rulebook

__all__ = ["RegisterRow", "register_overview", "rows_to_csv", "rows_to_text"]

FAMILY = "schoolleidersregister"
DUE_WITHIN_MONTHS = 6

MISSING = N_("missing registration")
TO_REGISTER_BY_2018 = N_("to register by 2018-01-01")
DEADLINE_2018 = date(2018, 1, 1)
"""Every school leader had to be registered by this day (schoolleidersregisterpo.nl)."""
ONDER_VOORWAARDEN = STATUS_ONDER_VOORWAARDEN
EXPIRED = STATUS_VERLOPEN
DUE_SOON = N_("due within 6 months")
"""The category of a registration due within :data:`DUE_WITHIN_MONTHS` months."""
IN_ORDER = N_("in order")
NOT_REQUIRED = N_("not required")


@attrs.frozen
class RegisterRow:
    """One employee's register position on a day, with the category the board acts on.

    ``receipt`` is the receipt of the evaluation the row was read from.
    """

    where: str
    label: str
    required: bool
    status: str
    title: str | None
    due: date | None
    category: str
    basis: str
    receipt: Receipt | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the converter's unstructure hook, as every output uses)."""
        return unstructure(self)

    def _json(self) -> dict[str, Any]:
        return {
            "record": self.where,
            "employee": self.label,
            "required": self.required,
            "status": self.status,
            "title": self.title,
            "due": self.due.isoformat() if self.due else None,
            "category": self.category,
            "basis": self.basis,
            "receipt": self.receipt.to_dict() if self.receipt else None,
        }


def register_overview(
    rulebook: Rulebook, employees: Iterable[tuple[str, Employee]], on: date
) -> tuple[RegisterRow, ...]:
    """The register position of each ``(where, employee)`` on ``on``."""
    check_day(on, "on")
    rows = []
    for item in items_argument(employees, "employees", "(where, Employee) pairs"):
        if not isinstance(item, tuple) or len(item) != 2 or not isinstance(item[1], Employee):
            raise InvalidInputError(
                "employees",
                f"give (where, Employee) pairs, e.g. ('employees[0]', employee); got {shown(item)}",
            )
        where, employee = item
        evaluation = rulebook.evaluate(employee, on=on, families=[FAMILY])
        required = evaluation[SLR_REGISTRATIEPLICHT].value is True
        status_outcome = evaluation.get(SLR_STATUS)
        status = str(status_outcome.value) if status_outcome else "unknown"
        title = evaluation.get(SLR_TITEL)
        due_outcome = evaluation.get(SLR_HERREGISTRATIEDATUM)
        due = due_outcome.value if due_outcome and isinstance(due_outcome.value, date) else None
        if status == STATUS_NIET_GEREGISTREERD and required:
            category = MISSING if on >= DEADLINE_2018 else TO_REGISTER_BY_2018
        elif status == ONDER_VOORWAARDEN:
            category = ONDER_VOORWAARDEN
        elif status == EXPIRED:
            category = EXPIRED
        elif (
            due is not None
            and due <= add_months(on, DUE_WITHIN_MONTHS)
            and status == STATUS_GEREGISTREERD
        ):
            category = DUE_SOON
        elif not required and status in (STATUS_NIET_VEREIST, STATUS_NIET_GEREGISTREERD):
            category = NOT_REQUIRED
        else:
            category = IN_ORDER
        basis = status_outcome.citation.reference if status_outcome else ""
        rows.append(
            RegisterRow(
                where,
                employee.label,
                required,
                status,
                str(title.value) if title else None,
                due,
                category,
                basis,
                evaluation.receipt,
            )
        )
    return tuple(rows)


def rows_to_text(rows: Iterable[RegisterRow], on: date, lang: str = "en") -> str:
    """The board view as a table, the categories that need action first, in ``lang``.

    The categories are written in ``lang``; the register's own statuses (``geregistreerd``,
    ``onder voorwaarden``, ...) as the register names them.
    """
    # The presentation is imported here: ``import onderwijsregels`` imports this module.
    from onderwijsregels.present.text import table
    from onderwijsregels.present.words import checked_language

    lang = checked_language(lang)

    def _(text: str) -> str:
        return gettext(text, lang)

    order = [
        MISSING,
        EXPIRED,
        ONDER_VOORWAARDEN,
        DUE_SOON,
        TO_REGISTER_BY_2018,
        IN_ORDER,
        NOT_REQUIRED,
    ]
    ordered = sorted(rows, key=lambda row: order.index(row.category))  # stable: file order
    return (
        _("Registers on {day}").format(day=on.isoformat())
        + "\n"
        + table(
            [_("category"), _("record"), _("employee"), _("status"), _("title"), _("due")],
            [
                [
                    _(row.category),
                    row.where,
                    row.label,
                    row.status,
                    row.title or "",
                    row.due.isoformat() if row.due else "",
                ]
                for row in ordered
            ],
        )
    )


def rows_to_csv(rows: Iterable[RegisterRow]) -> str:
    """The board view as CSV (booleans ``true``/``false``, as in JSON)."""
    from onderwijsregels.present.csv import rows_to_csv as csv_text

    return csv_text(
        ["record", "employee", "required", "status", "title", "due", "category", "basis"],
        (
            [
                row.where,
                row.label,
                "true" if row.required else "false",
                row.status,
                row.title or "",
                row.due.isoformat() if row.due else "",
                row.category,
                row.basis,
            ]
            for row in rows
        ),
    )


converter.register_unstructure_hook(RegisterRow, RegisterRow._json)
