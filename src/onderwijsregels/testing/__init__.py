"""Test helpers for users of onderwijsregels: hypothesis strategies and the shipped plugins.

Write property tests for your own code (exports, payroll checks, plugins)
with the same generators the library's own test suite uses:

>>> from onderwijsregels.testing import strategies
>>> from hypothesis import given, settings
>>> @settings(max_examples=10)
... @given(strategies.schools())
... def check(school):
...     assert school.pupils >= 0
>>> check()
"""

from __future__ import annotations

import importlib
from typing import Any

from onderwijsregels.testing.plugins import shipped_plugins, shipped_rulebook

_STRATEGIES = (
    "calendar_years",
    "days",
    "employees",
    "functions",
    "ledgers",
    "malformed_employee_dicts",
    "registrations",
    "savings_agreements",
    "scales",
    "school_years",
    "schools",
    "situations",
    "spendings",
    "werktijdfactoren",
)

__all__ = [*_STRATEGIES, "shipped_plugins", "shipped_rulebook", "strategies"]


def __getattr__(name: str) -> Any:
    """The strategies load hypothesis only when used (it comes with ``onderwijsregels[testing]``)."""
    if name == "strategies" or name in _STRATEGIES:
        strategies = importlib.import_module("onderwijsregels.testing.strategies")
        return strategies if name == "strategies" else getattr(strategies, name)
    raise AttributeError(f"module 'onderwijsregels.testing' has no attribute {name!r}")
