"""The plugin surface: the hooks a rule-source plugin implements.

A plugin is any module or object with functions marked :data:`hookimpl`,
registered under the entry-point group ``onderwijsregels``::

    [project.entry-points.onderwijsregels]
    cao-po-2026 = "my_package.cao_po_2026"

The built-in editions register exactly this way. Hooks grow by adding hooks
and arguments; an implementation may accept any subset of a hook's arguments,
and a plugin implements the hooks it needs (at least one: a registered plugin
that implements none is reported, see :func:`onderwijsregels.load`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from os import PathLike
from typing import TYPE_CHECKING, Any, TypeVar

import pluggy

if TYPE_CHECKING:
    from onderwijsregels.editions import Edition

__all__ = [
    "PROJECT_NAME",
    "hookimpl",
    "hookspec",
    "onderwijsregels_edition_files",
    "onderwijsregels_editions",
]

PROJECT_NAME = "onderwijsregels"
"""The pluggy project name and the entry-point group."""

_F = TypeVar("_F", bound=Callable[..., Any])
_hookspec = pluggy.HookspecMarker(PROJECT_NAME)
_hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


def hookspec(function: _F) -> _F:
    """Mark a hook specification (typed, so mypy keeps the signature)."""
    return _hookspec(function)


def hookimpl(function: _F) -> _F:
    """Mark a hook implementation in a plugin (typed, so mypy keeps the signature)."""
    return _hookimpl(function)


@hookspec
def onderwijsregels_editions(host_version: str) -> Sequence[Edition]:  # type: ignore[empty-body]
    """Return the editions this plugin provides.

    Called once, when :func:`onderwijsregels.load` builds a Rulebook, for
    every registered plugin. Return a sequence (possibly empty) of
    :class:`~onderwijsregels.editions.Edition` objects. Edition ids must be
    unique across all plugins; a clash is a
    :class:`~onderwijsregels.errors.PluginError` naming both plugins.

    ``host_version`` is the installed onderwijsregels version (e.g.
    ``"0.1.0"``), for a plugin that supports several. An implementation may
    leave it out: it is called with the arguments it names, and no others.
    """


@hookspec
def onderwijsregels_edition_files(  # type: ignore[empty-body]
    host_version: str,
) -> Sequence[PathLike[str] | str]:
    """Return the data edition files this plugin ships (YAML or JSON), as absolute paths.

    Each file is one edition written as data (see :mod:`onderwijsregels.data_editions`):
    its dates, citation and dated values, reusing the rules of the edition it
    ``derives_from``. A plugin that ships only data needs no other Python than
    this hook, e.g. ``return [Path(__file__).parent / "cao-po-2099.yaml"]``.
    A file that cannot be read or does not fit is a
    :class:`~onderwijsregels.errors.PluginError` naming the plugin, the file, the
    place in it and the line.

    ``host_version`` is the installed onderwijsregels version; an implementation
    may leave it out, as for :func:`onderwijsregels_editions`.
    """
