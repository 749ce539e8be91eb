"""A board at a glance: one row per employee (and per school) with the main values.

``onderwijsregels evaluate board.yaml --year 2020 --summary`` prints this instead
of a full table per person: name, function, werktijdfactor and every amount of
money and every number of hours the rules gave, one column per rule. A value
resting on our interpretation (not on the text of a source alone) is marked
``*``; a rule that does not apply to someone shows ``-``; a value the sources
do not give shows ``?``. The full output (without ``--summary``) lists the
article of each value. Headings and the legend follow ``lang`` (``nl`` or ``en``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from onderwijsregels.citations import Confidence
from onderwijsregels.evaluate import Evaluation
from onderwijsregels.i18n import gettext
from onderwijsregels.model import Employee, School
from onderwijsregels.present.text import reference_day_words, table
from onderwijsregels.present.words import checked_language, value_words
from onderwijsregels.rules import Unit

__all__ = ["MAIN_UNITS", "board_summary"]

MAIN_UNITS = frozenset(
    {
        Unit.EUR_PER_KALENDERJAAR,
        Unit.EUR_PER_SCHOOLJAAR,
        Unit.EUR_PER_LEERLING,
        Unit.UUR_PER_KALENDERJAAR,
        Unit.UUR_PER_WERKWEEK,
    }
)
"""The units of the main values a summary shows: money and hours."""


def _main_rules(results: Sequence[Evaluation]) -> dict[str, str]:
    """The rules with a money or hours value for at least one subject, in evaluation order,
    with their titles."""
    found: dict[str, str] = {}
    for evaluation in results:
        for outcome in evaluation.outcomes:
            if outcome.unit in MAIN_UNITS and outcome.rule_id not in found:
                found[outcome.rule_id] = outcome.title
    return found


def _cell(evaluation: Evaluation, rule_id: str, lang: str) -> str:
    outcome = evaluation.get(rule_id)
    if outcome is not None:
        star = "*" if outcome.confidence is Confidence.INTERPRETATION else ""
        return value_words(outcome.value, outcome.unit, lang) + star
    if any(item.rule_id == rule_id for item in evaluation.not_encoded):
        return "?"
    return "-"


def _employee_cells(where: str, subject: Employee | School) -> list[str]:
    assert isinstance(subject, Employee)
    return [subject.name or where, subject.function.value, str(subject.werktijdfactor)]


def _school_cells(where: str, subject: Employee | School) -> list[str]:
    assert isinstance(subject, School)
    return [subject.name or where, str(subject.pupils)]


def _block(
    results: Sequence[tuple[str, Evaluation]],
    headers: list[str],
    cells: Callable[[str, Employee | School], list[str]],
    lang: str,
) -> str:
    """One table: the subjects' own cells, then one column per main rule (headed by title)."""
    rules = _main_rules([evaluation for _, evaluation in results])
    rows = [
        [*cells(where, ev.subject), *(_cell(ev, rule, lang) for rule in rules)]
        for where, ev in results
    ]
    return table([*headers, *rules.values()], rows)


def board_summary(results: Sequence[tuple[str, Evaluation]], lang: str = "en") -> str:
    """Employees and schools as two tables of their main values, with a legend.

    ``results`` are ``(where, evaluation)`` pairs as ``evaluate`` reads them from a file;
    ``lang`` is ``"nl"`` or ``"en"``. Columns are headed by the rules' titles.
    """
    lang = checked_language(lang)

    def _(text: str) -> str:
        return gettext(text, lang)

    blocks: list[str] = []
    employees = [(w, e) for w, e in results if isinstance(e.subject, Employee)]
    schools = [(w, e) for w, e in results if isinstance(e.subject, School)]
    if employees:
        headers = [_("employee"), _("function"), _("werktijdfactor")]
        blocks.append(_block(employees, headers, _employee_cells, lang))
    if schools:
        blocks.append(_block(schools, [_("school"), _("pupils")], _school_cells, lang))
    if results:
        first = results[0][1]
        blocks.append(
            reference_day_words(first, lang)
            + ". "
            + _(
                "* rests on our interpretation; - does not apply; ? not given by our sources. "
                "Leave out --summary for the article, confidence and notes of every value."
            )
        )
    return "\n\n".join(blocks)
