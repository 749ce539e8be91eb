"""CSV for spreadsheets: one writer for every CSV the project produces.

>>> print(rows_to_csv(["rule", "value"], [["individueel_budget", "360.00"]]))
rule,value
individueel_budget,360.00

**Formula injection.** A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and some treat a leading tab or carriage return the same way) as a formula, so a ledger or an
employee named ``=HYPERLINK(...)`` could run code in the reader's spreadsheet. Following the
OWASP advice on CSV injection, every cell (header included) that starts with one of these
characters gets a single quote ``'`` in front, which spreadsheets show as text:

>>> print(rows_to_csv(["ledger", "amount"], [["=1+2", "3100.00"], ["@SUM(A1)", "-5"]]))
ledger,amount
'=1+2,3100.00
'@SUM(A1),'-5

Numbers are treated the same: a negative number would get the quote too. The amounts the
project writes are never negative (spendings are more than € 0, balances and lapses at least
€ 0), so no figure is changed in practice; a cell that does start with ``-`` is text to a
spreadsheet after the quote, which is the safe side.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

__all__ = ["FORMULA_STARTS", "rows_to_csv", "safe_cell"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula (OWASP)."""


def safe_cell(value: object) -> str:
    """The text of a cell, with ``'`` in front when it would start a formula.

    >>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell("Juf Ans"), safe_cell(True)
    ('\\'=HYPERLINK("http://x")', 'Juf Ans', 'True')
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def rows_to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """``header`` and ``rows`` as CSV text (``\\n`` line ends, no trailing newline).

    Every cell goes through :func:`safe_cell`, so no cell starts a spreadsheet formula, and a
    cell holding a line break (``\\n`` or ``\\r``) is quoted, so it cannot start a row.
    """
    buffer = io.StringIO()
    # "\r\n" as the writer's line end makes it quote a cell holding either character; each row's
    # own line end is then cut off and the rows joined with "\n".
    writer = csv.writer(buffer, lineterminator="\r\n")
    lines = []
    for row in (header, *rows):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([safe_cell(cell) for cell in row])
        lines.append(buffer.getvalue()[: -len("\r\n")])
    return "\n".join(lines)
