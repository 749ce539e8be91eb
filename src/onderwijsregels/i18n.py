"""Messages for people in Dutch or English: the gettext catalogue and translatable texts.

The library writes its texts in English (``en``, the language of the code, the JSON and the
docs); the message catalogue ``locale/nl/LC_MESSAGES/onderwijsregels.po`` holds the Dutch
(``nl``), compiled to the ``.mo`` file that ships with the package and is read with the
standard library's :mod:`gettext`. A :class:`Message` is a text that remembers its template
and values, so the presentation can write it in either language while JSON and the Python API
keep the English text.

>>> note = Message("Carried over unchanged from {base} into {edition}.", base="a", edition="b")
>>> str(note)
'Carried over unchanged from a into b.'
>>> translate(note, "nl")
'Ongewijzigd overgenomen uit a in b.'
>>> gettext("yes", "nl"), yes_no(False, "en")
('ja', 'no')
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import gettext as _gettext

__all__ = [
    "DEFAULT_LANGUAGE",
    "DOMAIN",
    "LANGUAGES",
    "N_",
    "Language",
    "Message",
    "gettext",
    "translate",
    "yes_no",
]

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
"""The languages of the text output: Dutch and English."""
DEFAULT_LANGUAGE: Language = "nl"
"""The language of the command line's text output unless ``--lang`` says otherwise."""
DOMAIN = "onderwijsregels"
"""The gettext domain: ``locale/<lang>/LC_MESSAGES/onderwijsregels.mo``."""
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def N_(text: str) -> str:
    """Mark ``text`` for the catalogue without translating it now (a constant, say): the
    gettext convention for "translate later"."""
    return text


@functools.cache
def _catalogue(lang: str) -> _gettext.NullTranslations:
    import gettext as _gettext  # on first use: loading the rules translates nothing

    if lang == "en":
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def gettext(text: str, lang: str) -> str:
    """``text`` (an English msgid) in ``lang``; itself when the catalogue lacks it."""
    return _catalogue(lang).gettext(text)


class Message(str):
    """A text for people made from a template and values: English as a ``str``, any
    language through :func:`translate`.

    Values that are Messages are translated with it; other values are written as given.
    """

    template: str
    values: dict[str, str]

    def __new__(cls, template: str, /, **values: str) -> Message:
        made = super().__new__(cls, template.format(**values))
        made.template = template
        made.values = values
        return made

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.template, self.values))

    def translated(self, lang: str) -> str:
        """The text in ``lang``."""
        values = {key: translate(value, lang) for key, value in self.values.items()}
        return gettext(self.template, lang).format(**values)


def _rebuild(template: str, values: dict[str, str]) -> Message:
    return Message(template, **values)


def translate(text: str, lang: str) -> str:
    """A :class:`Message` in ``lang``; any other text as it is (a plugin's own note, say)."""
    return text.translated(lang) if isinstance(text, Message) else text


def yes_no(value: bool, lang: str) -> str:
    """A boolean for people: ``ja``/``nee`` in Dutch, ``yes``/``no`` in English."""
    return gettext("yes", lang) if value else gettext("no", lang)
