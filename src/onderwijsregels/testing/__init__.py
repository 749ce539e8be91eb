"""Test helpers for users of onderwijsregels: hypothesis strategies for the domain model.

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

from onderwijsregels.testing import strategies
from onderwijsregels.testing.strategies import (
    calendar_years,
    days,
    employees,
    functions,
    malformed_employee_dicts,
    scales,
    school_years,
    schools,
    werktijdfactoren,
)

__all__ = [
    "calendar_years",
    "days",
    "employees",
    "functions",
    "malformed_employee_dicts",
    "scales",
    "school_years",
    "schools",
    "strategies",
    "werktijdfactoren",
]
