"""Every limit the library puts on its input, in one place, each with the reason for its figure.

The readers check these at the edge, so a hostile or broken file is refused with an
:class:`~onderwijsregels.errors.InvalidInputError` naming the file or field and the limit,
never a traceback, a hang or a machine out of memory. ``docs/limits.md`` ("Limits and safety")
explains them; ``tests/test_hostile_input.py`` checks that every figure on that page is the
constant here.

Only :data:`MAX_BYTES` can be changed per call (``max_bytes=`` of the readers, ``--max-bytes`` on
the command line); the others keep the library's arithmetic and error messages safe, and no real
file comes near them.

This module imports nothing of the library, so every layer may use it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

__all__ = [
    "BYTES_PER_VALUE",
    "FIRST_DAY",
    "FIRST_YEAR",
    "LAST_DAY",
    "LAST_YEAR",
    "MAX_AMOUNT",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_PUPILS",
    "MAX_REQUEST_SUBJECTS",
    "MAX_ROW_BYTES",
    "MAX_VALUES",
    "MEMO_ENTRIES",
    "SHOWN_CHARACTERS",
]

MAX_BYTES = 10_000_000
"""The largest file the readers read by default, in bytes (10 MB).

A school board's file of 2 000 employees is about 0.5 MB; ledgers of 2 000 employees over ten
years about 3 MB. The reader reads at most one byte more than the limit, so a device that never
ends (``/dev/zero``) is refused at once. Give ``max_bytes=`` (or ``--max-bytes``) for a larger
file."""

MAX_DEPTH = 20
"""The deepest nesting of lists and mappings in a file.

The deepest valid file nests five levels (the file's mapping > ``ledgers`` > a ledger >
``spendings`` > a spending); twenty leaves room for any layout while staying far below Python's
recursion limit, which a file nested a thousand levels deep would otherwise hit."""

BYTES_PER_VALUE = 10
"""The size limit divided by this is the most values a file may hold (see :data:`MAX_VALUES`)."""

MAX_VALUES = MAX_BYTES // BYTES_PER_VALUE
"""The most values (texts, numbers, dates, lists and mappings; a mapping's keys count) a file of
the default size limit may hold, counting each YAML alias (``*name``) as the values it stands
for: 1 000 000.

A file written out plainly holds about one value per ten bytes, so this is what the size limit
allows anyway; with ``max_bytes=`` the limit is ``max_bytes // 10``. A board of 2 000 employees is
about 30 000 values, ledgers of 2 000 employees over ten years about 450 000. The limit bounds
the work of reading and is the limit on alias expansion: a "billion laughs" file of a few hundred
bytes, whose nested aliases stand for a billion values, is refused as soon as its aliases pass
this figure, before anything is built. Data passed to ``parse_records`` or ``parse_ledgers``
directly is held to the same figure."""

MAX_DIGITS = 40
"""The most digits a number in a file may have, written out without an exponent.

Far more than any real figure needs (a werktijdfactor written as 0.416674999999999999999999999999
has 30), while the rules, which compute exactly in a context of 200 digits and refuse any
rounding, stay far inside their precision even when they multiply several inputs. It also keeps
every number well below Python's limit of 4 300 digits for whole numbers, past which reading one
would fail outright."""

MAX_PUPILS = 100_000
"""The most pupils (*leerlingen*) one school may have.

A sanity limit, not a legal figure: a Dutch primary school has a few hundred pupils, and no
school comes near a hundred thousand. A larger number is a typing error (or an attack on the
arithmetic), not a school."""

MAX_AMOUNT = Decimal("1000000000")
"""The largest amount of one spending in a ledger: € 1 000 000 000.

A sanity limit, not a legal figure: a year's individual budget is a few thousand euros. It keeps
every sum of a ledger far inside the 28 digits the decimal arithmetic keeps exact."""

FIRST_YEAR = 1900
"""The first calendar year the library accepts (in years, school years and dates)."""

LAST_YEAR = 2999
"""The last calendar year the library accepts.

The rules add years and months to dates (a registration's term, a spending's lapse); keeping
every date before 3000 keeps that arithmetic inside Python's calendar (which ends in 9999)."""

FIRST_DAY = date(FIRST_YEAR, 1, 1)
"""The first day the library accepts in input (a birth date, a registration, a spending, --on)."""

LAST_DAY = date(LAST_YEAR, 12, 31)
"""The last day the library accepts in input."""

SHOWN_CHARACTERS = 80
"""The most characters an error message shows of a bad value.

Values are shown with :mod:`reprlib`-style truncation (a few items of a list, two levels deep,
the start and end of a long text), which never builds the full representation, so a huge or
deeply shared value cannot blow up a message."""

MEMO_ENTRIES = 50_000
"""The most results each cache of a plan or a batch keeps before it starts afresh.

A plan remembers each rule's outcome per combination of the subject fields the rule declares it
reads (and the evaluation per combination of all of them), so evaluating the 100th teacher at
0.6 FTE costs a lookup. Fifty thousand entries keep a run over a million varied people within a
few hundred MB; past it a cache is cleared and fills again, which costs time, never correctness."""

MAX_ROW_BYTES = 65_536
"""The longest field of a CSV row the batch reader accepts, in bytes (64 KB).

CSV exports are streamed row by row, so :data:`MAX_BYTES` (a whole file) does not apply to them;
no field of an HR export (a name, a scale, a date) comes near this."""

MAX_REQUEST_SUBJECTS = 1_000
"""The most employees and schools (or ledgers) one request to the web service may hold.

The body's size limit bounds the bytes, not the work: twenty thousand identical teachers fit in a
megabyte and would ask for a gigabyte of answer. A school board has far fewer; a larger run
belongs to the batch (``onderwijsregels evaluate EXPORT.csv``), which streams."""
