"""Which plugins a distribution ships: for tests and docs that must ignore third-party editions.

Needs no test tooling (no hypothesis).

>>> "cao-po-2019-2020" in shipped_plugins()
True
"""

from __future__ import annotations

from importlib import metadata

from onderwijsregels.hookspecs import PROJECT_NAME
from onderwijsregels.rulebook import Rulebook, load

__all__ = ["shipped_plugins", "shipped_rulebook"]


def shipped_plugins(distribution: str = PROJECT_NAME) -> tuple[str, ...]:
    """The entry-point names a distribution registers (by default the built-in editions)."""
    return tuple(
        sorted(
            entry_point.name
            for entry_point in metadata.entry_points(group=PROJECT_NAME)
            if entry_point.dist is not None and entry_point.dist.name == distribution
        )
    )


def shipped_rulebook(distribution: str = PROJECT_NAME) -> Rulebook:
    """A rulebook of exactly the editions ``distribution`` ships, whatever else is installed.

    >>> "cao-po" in shipped_rulebook().families()
    True
    """
    return load(only=shipped_plugins(distribution))
