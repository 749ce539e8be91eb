"""Receipts: what a result rests on, so that a decision can be reproduced and audited later.

A :class:`Receipt` names the library version, every edition used with the plugin
distribution and version that supplied it (and, for an edition written as data, its file and
the SHA-256 of that file), the reference day, and the SHA-256 of the canonical input: the
subjects as structured input, the period asked and the families evaluated, written as
:func:`canonical_json`. It holds no timestamp: the same input under the same installation
gives the same receipt, byte for byte.

>>> from datetime import date
>>> receipt = Receipt.of(
...     {"period": {"kind": "dag", "label": "2020-05-01"}, "subjects": []},
...     [EditionSource("cao-po-2019-2020", "cao-po", "onderwijsregels", "0.1.0")],
...     date(2020, 5, 1),
...     library_version="0.1.0",
... )
>>> receipt.input_sha256 == input_sha256({"subjects": [], "period": {"label": "2020-05-01", "kind": "dag"}})
True
>>> receipt.to_dict()["editions"][0]["distribution"]
'onderwijsregels'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from onderwijsregels.convert import unstructure
from onderwijsregels.model import Employee, School
from onderwijsregels.periods import Period
from onderwijsregels.version import library_version as installed_version

__all__ = [
    "EditionSource",
    "Receipt",
    "asked_input",
    "canonical_json",
    "input_sha256",
]


def _json_default(value: object) -> str:
    """Exact numbers as strings and days in ISO form: nothing in the canonical form is a float."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} has no canonical JSON form")


def canonical_json(value: object) -> str:
    """``value`` as canonical JSON: keys sorted, no whitespace, Decimal as a string, UTF-8 text.

    >>> from decimal import Decimal
    >>> canonical_json({"b": Decimal("0.60"), "a": [1, "ü"]})
    '{"a":[1,"ü"],"b":"0.60"}'
    """
    import json  # here: receipts are made on demand, not when the rules load

    return json.dumps(
        value,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
        default=_json_default,
    )


def input_sha256(value: object) -> str:
    """The SHA-256 (hex) of the UTF-8 bytes of ``canonical_json(value)``.

    >>> input_sha256({})
    '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
    """
    import hashlib

    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def _subject(subject: Employee | School) -> dict[str, Any]:
    kind = "employee" if isinstance(subject, Employee) else "school"
    return {"kind": kind, **unstructure(subject)}


def asked_input(
    subjects: Sequence[Employee | School],
    period: Period,
    families: Iterable[str],
    rules: Iterable[str] | None = None,
) -> dict[str, Any]:
    """What was asked, as the receipt hashes it: the subjects, the period, the families and
    (when only some were asked for) the rules.

    Each subject is its structured input (as ``Employee.to_dict()`` gives it) with its
    ``kind``; the period its kind, label, first and last day; the families in the order used;
    ``rules`` sorted, and left out when every rule was asked for.

    >>> from decimal import Decimal
    >>> from onderwijsregels.model import Function
    >>> from onderwijsregels.periods import CalendarYear
    >>> juf = Employee(function=Function.LERAAR, werktijdfactor=Decimal("0.6"))
    >>> asked = asked_input([juf], CalendarYear(2020), ["cao-po"])
    >>> asked["period"], asked["families"], asked["subjects"][0]["werktijdfactor"]
    ({'kind': 'kalenderjaar', 'label': '2020', 'start': '2020-01-01', 'end': '2020-12-31'}, ['cao-po'], '0.6')
    """
    return {
        "subjects": [_subject(subject) for subject in subjects],
        "period": {
            "kind": period.kind,
            "label": period.label,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        },
        "families": list(families),
        **({} if rules is None else {"rules": sorted(rules)}),
    }


@attrs.frozen
class EditionSource:
    """Where one edition came from: the plugin distribution and version, and any edition file.

    ``distribution`` and ``version`` are ``None`` for an edition that no installed
    distribution supplied (a plugin passed to ``load()`` directly, an edition file given with
    ``--edition-file``); ``file`` and ``file_sha256`` are set for an edition written as data:
    the file as it was named, and the SHA-256 (hex) of its bytes as read.
    """

    edition: str
    family: str
    distribution: str | None = None
    version: str | None = None
    file: str | None = None
    file_sha256: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with the keys ``edition``, ``family``, ``distribution``, ..."""
        return {
            "edition": self.edition,
            "family": self.family,
            "distribution": self.distribution,
            "version": self.version,
            "file": self.file,
            "file_sha256": self.file_sha256,
        }


@attrs.frozen
class Receipt:
    """What one result rests on: library version, editions and their sources, day, input hash.

    ``editions`` are in the order used (one per family for an evaluation); ``input_sha256``
    is :func:`input_sha256` of what was asked (see :func:`asked_input`).
    """

    library_version: str
    editions: tuple[EditionSource, ...]
    reference_day: date
    input_sha256: str

    @classmethod
    def of(
        cls,
        asked: Mapping[str, Any],
        editions: Iterable[EditionSource],
        reference_day: date,
        *,
        library_version: str | None = None,
    ) -> Receipt:
        """The receipt of a result computed from ``asked`` under ``editions`` on ``reference_day``.

        Each edition is named once, at its first place. ``library_version`` defaults to the
        installed version.
        """
        unique: dict[str, EditionSource] = {}
        for item in editions:
            unique.setdefault(item.edition, item)
        return cls(
            library_version=library_version or installed_version(),
            editions=tuple(unique.values()),
            reference_day=reference_day,
            input_sha256=input_sha256(asked),
        )

    @property
    def edition_ids(self) -> tuple[str, ...]:
        """The ids of the editions used."""
        return tuple(item.edition for item in self.editions)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``library_version``, ``editions``, ``edition_ids``, ..."""
        return {
            "library_version": self.library_version,
            "editions": [item.to_dict() for item in self.editions],
            "edition_ids": list(self.edition_ids),
            "reference_day": self.reference_day.isoformat(),
            "input_sha256": self.input_sha256,
        }
