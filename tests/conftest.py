"""Shared fixtures: the rulebook is loaded once per test session.

``owr.load()`` scans the entry points, so it is loaded once. ``rulebook`` loads
only the first four editions, which the foundation's hand-worked tests rest on
(from 2022 on it answers with CAO PO 2021 in nawerking); ``rulebook_all`` loads
every shipped edition and is what later tests and the all-edition properties
use. Neither includes a third-party plugin.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import onderwijsregels as owr

BUILT_IN = (
    "cao-po-2019-2020",
    "cao-po-2021",
    "prestatiebox-2019-2020",
    "bekostiging-professionalisering-2021",
)
"""The entry points (editions) the hand-worked tests rest on."""

settings.register_profile(
    "default",
    deadline=None,  # evaluations build many objects; timing is not what we test
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("ci", parent=settings.get_profile("default"), max_examples=300)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def rulebook() -> owr.Rulebook:
    """The built-in editions only, loaded once through their entry points."""
    return owr.load(only=BUILT_IN)


@pytest.fixture(scope="session")
def rulebook_all() -> owr.Rulebook:
    """Every edition shipped with onderwijsregels (no third-party plugin), loaded once."""
    from onderwijsregels.testing.plugins import shipped_plugins

    return owr.load(only=shipped_plugins())
