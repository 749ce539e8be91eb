"""The installed version of onderwijsregels, read once from the package metadata.

>>> import onderwijsregels
>>> onderwijsregels.__version__ == library_version()
True
"""

from __future__ import annotations

import functools

__all__ = ["UNKNOWN_VERSION", "library_version"]

DISTRIBUTION = "onderwijsregels"
"""The distribution whose version is the library's (and which ships the built-in editions)."""

UNKNOWN_VERSION = "0+unknown"
"""The version of a source tree that is not installed: a valid PEP 440 version that sorts
before every release, so it is never mistaken for one."""


def distribution_version(name: str) -> str:
    """The installed version of the distribution ``name`` (:func:`importlib.metadata.version`).

    :mod:`importlib.metadata` is imported here, on first use: it imports the :mod:`email`
    package, which loading the rules does not need.
    """
    from importlib import metadata

    return metadata.version(name)


@functools.cache
def library_version() -> str:
    """The installed version (e.g. ``0.1.0.dev0``), or :data:`UNKNOWN_VERSION` when not installed.

    Read once per process (every receipt names it; the metadata does not change while running).

    >>> library_version() != ""
    True
    """
    from importlib.metadata import PackageNotFoundError

    try:
        return distribution_version(DISTRIBUTION)
    except PackageNotFoundError:
        return UNKNOWN_VERSION
