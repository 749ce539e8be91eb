"""A step of a computation: what was done, in words, and what it rests on."""

from __future__ import annotations

import attrs

from onderwijsregels.citations import Citation, Interpretation

__all__ = ["Step"]


@attrs.frozen
class Step:
    """One step of a computation, in words, with the citation it rests on.

    ``interpretation`` is set when the step uses a value that is our reading
    rather than the text of a source; the outcome then lists it.
    """

    text: str
    citation: Citation | None = None
    interpretation: Interpretation | None = None
