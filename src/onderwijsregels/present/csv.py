"""CSV for spreadsheets: one writer for every CSV the project produces.

>>> print(rows_to_csv(["rule", "value"], [["individueel_budget", "360.00"]]))
rule,value
individueel_budget,360.00
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

__all__ = ["rows_to_csv"]


def rows_to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """``header`` and ``rows`` as CSV text (``\\n`` line ends, no trailing newline)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().rstrip("\n")
