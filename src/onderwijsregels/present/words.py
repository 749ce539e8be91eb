"""The words of the text output in a language: periods, units, values, confidence, notes.

English is the language of the code; :mod:`onderwijsregels.i18n` has the Dutch.

>>> from decimal import Decimal
>>> from onderwijsregels.periods import CalendarYear
>>> period_words(CalendarYear(2021), "nl"), unit_words(Unit.UUR_PER_WERKWEEK, "en")
('kalenderjaar 2021', 'hours per work week')
>>> value_words(True, Unit.JA_NEE, "en"), value_words(Decimal("466.2"), Unit.EUR_PER_KALENDERJAAR, "nl")
('yes', '€ 466,20')
"""

from __future__ import annotations

from onderwijsregels.citations import Interpretation
from onderwijsregels.convert import shown
from onderwijsregels.errors import InvalidInputError
from onderwijsregels.evaluate import format_value
from onderwijsregels.i18n import LANGUAGES, N_, Message, gettext, translate, yes_no
from onderwijsregels.parameters import Value
from onderwijsregels.periods import Period
from onderwijsregels.rules import Unit
from onderwijsregels.sources import Confidence

__all__ = [
    "checked_language",
    "confidence_words",
    "interpretation_words",
    "period_message",
    "period_words",
    "translate",
    "unit_words",
    "value_words",
]

_PERIODS = {
    "kalenderjaar": N_("calendar year {label}"),
    "schooljaar": N_("school year {label}"),
    "dag": N_("day {label}"),
}

_UNITS = {
    Unit.EUR_PER_KALENDERJAAR: N_("EUR per calendar year"),
    Unit.EUR_PER_SCHOOLJAAR: N_("EUR per school year"),
    Unit.EUR_PER_LEERLING: N_("EUR per pupil per school year"),
    Unit.UUR_PER_WERKWEEK: N_("hours per work week"),
    Unit.UUR_PER_KALENDERJAAR: N_("hours per calendar year"),
    Unit.JAREN: N_("years"),
    Unit.PUNTEN: N_("points"),
    Unit.JA_NEE: N_("yes/no"),
    Unit.DATUM: N_("date"),
    Unit.TEKST: N_("text"),
}

_CONFIDENCE = {
    Confidence.CONFIRMED: N_("confirmed"),
    Confidence.SECONDARY: N_("secondary"),
    Confidence.INTERPRETATION: N_("interpretation"),
}


def checked_language(lang: object) -> str:
    """``lang`` when it is a language of the text output; else an InvalidInputError.

    >>> checked_language("fr")
    Traceback (most recent call last):
    ...
    onderwijsregels.errors.InvalidInputError: lang: must be 'nl' or 'en', got 'fr'
    """
    if lang not in LANGUAGES:
        raise InvalidInputError("lang", f"must be 'nl' or 'en', got {shown(lang)}")
    assert isinstance(lang, str)
    return lang


def period_message(kind: str) -> str:
    """The English template of a period of ``kind`` (``kalenderjaar``, ...), with ``{label}``."""
    return _PERIODS[kind]


def period_words(period: Period, lang: str) -> str:
    """A period in words: ``calendar year 2021``, ``schooljaar 2021-2022``, ``day 2021-03-01``."""
    return translate(Message(_PERIODS[period.kind], label=period.label), lang)


def unit_words(unit: Unit, lang: str) -> str:
    """A unit in words (the JSON keeps the unit's id, e.g. ``EUR per kalenderjaar``)."""
    return gettext(_UNITS[unit], lang)


def value_words(value: Value, unit: Unit | None, lang: str) -> str:
    """A value for people: yes/no (ja/nee) for booleans, euros the Dutch way, the rest as
    :func:`~onderwijsregels.evaluate.format_value` writes it."""
    if isinstance(value, bool):
        return yes_no(value, lang)
    return format_value(value, unit)


def confidence_words(confidence: Confidence, lang: str) -> str:
    """A confidence level in words."""
    return gettext(_CONFIDENCE[confidence], lang)


def interpretation_words(item: Interpretation, lang: str) -> str:
    """An interpretation's line: ``Interpretation: summary (reasoning)`` (the summary and
    reasoning as their author wrote them)."""
    return translate(
        Message(
            "Interpretation: {summary} ({reasoning})",
            summary=item.summary,
            reasoning=item.reasoning,
        ),
        lang,
    )
