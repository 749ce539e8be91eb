"""onderwijsregels: the CAO PO and neighbouring regulations as executable, cited rules.

>>> import onderwijsregels as owr
>>> from decimal import Decimal
>>> rb = owr.load()
>>> juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.6"), scale="L11")
>>> ev = rb.evaluate(juf, year=2020)
>>> ev["individueel_budget"].value
Decimal('360.00')
>>> ev["individueel_budget"].citation.reference
'CAO PO 2019-2020, art. 9.3 lid 2'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from onderwijsregels.citations import Citation, Confidence, Interpretation
from onderwijsregels.editions import Edition
from onderwijsregels.errors import (
    DefinitionError,
    EditionDefinitionError,
    InputError,
    InvalidInputError,
    MissingExtraError,
    NoEditionError,
    NotEncodedError,
    OnderwijsregelsError,
    OverspendingError,
    PluginError,
    RuleNotApplicableError,
    UnknownEditionError,
    UnknownParameterError,
    UnknownRuleError,
    UnknownSourceError,
)
from onderwijsregels.hookspecs import hookimpl
from onderwijsregels.model import SCALES, Employee, Function, School
from onderwijsregels.money import round_money
from onderwijsregels.parameters import DatedValue, Parameter
from onderwijsregels.periods import CalendarYear, Day, SchoolYear
from onderwijsregels.receipt import EditionSource, Receipt

# Eager: the function has the name of its module, which a lazy import would leave in its place.
from onderwijsregels.register_overview import RegisterRow, register_overview
from onderwijsregels.registration import OldTitle, Predicate, Register, Registration, Route
from onderwijsregels.rulebook import BrokenPlugin, PluginInfo, PluginWarning, Rulebook, load
from onderwijsregels.rules import (
    Computation,
    NotApplicable,
    Rule,
    RuleContext,
    Step,
    Unit,
    rule,
)
from onderwijsregels.sources import Grade, Source
from onderwijsregels.version import library_version

if TYPE_CHECKING:  # for type checkers; at run time these load on first use
    from onderwijsregels.accrual import Accrual, AccrualYear, accruals
    from onderwijsregels.batch import Batch
    from onderwijsregels.diff import EditionDiff
    from onderwijsregels.evaluate import (
        EditionUse,
        Evaluation,
        NotApplicableResult,
        NotEncodedResult,
        Outcome,
    )
    from onderwijsregels.ledger import (
        Ledger,
        SavingsAgreement,
        Situation,
        Spending,
        SpendingKind,
        Tranche,
    )
    from onderwijsregels.plan import Plan, RecordError
    from onderwijsregels.scenarios import (
        Comparison,
        RuleComparison,
        RuleTotal,
        ScenarioValue,
        SubjectComparison,
        compare,
        scenario,
    )
    from onderwijsregels.statement import BoardLapse, Statement, board_lapses

_LAZY = {
    "Accrual": "onderwijsregels.accrual",
    "AccrualYear": "onderwijsregels.accrual",
    "accruals": "onderwijsregels.accrual",
    "Batch": "onderwijsregels.batch",
    "EditionDiff": "onderwijsregels.diff",
    "EditionUse": "onderwijsregels.evaluate",
    "Evaluation": "onderwijsregels.evaluate",
    "NotApplicableResult": "onderwijsregels.evaluate",
    "NotEncodedResult": "onderwijsregels.evaluate",
    "Outcome": "onderwijsregels.evaluate",
    "Ledger": "onderwijsregels.ledger",
    "SavingsAgreement": "onderwijsregels.ledger",
    "Situation": "onderwijsregels.ledger",
    "Spending": "onderwijsregels.ledger",
    "SpendingKind": "onderwijsregels.ledger",
    "Tranche": "onderwijsregels.ledger",
    "Plan": "onderwijsregels.plan",
    "RecordError": "onderwijsregels.plan",
    "Comparison": "onderwijsregels.scenarios",
    "RuleComparison": "onderwijsregels.scenarios",
    "RuleTotal": "onderwijsregels.scenarios",
    "ScenarioValue": "onderwijsregels.scenarios",
    "SubjectComparison": "onderwijsregels.scenarios",
    "compare": "onderwijsregels.scenarios",
    "scenario": "onderwijsregels.scenarios",
    "BoardLapse": "onderwijsregels.statement",
    "Statement": "onderwijsregels.statement",
    "board_lapses": "onderwijsregels.statement",
}
"""Public names of the parts of the library that loading the rules does not need (ledgers,
statements, scenarios, the batch, edition diffs, evaluating): imported on first use, so
``import onderwijsregels`` and ``load()`` stay quick."""

_SUBMODULES = {
    "data_editions": (),
    "diff": (),
    "evaluate": (),
    "plan": (),
    "present": ("csv", "text", "words"),
    "records": (),
}
"""Submodules that ``import onderwijsregels`` used to import, so ``onderwijsregels.diff`` (or
``onderwijsregels.present.text``) worked without importing them, and that loading the rules
does not need: imported on first use, with the submodules of their own it imported."""

if TYPE_CHECKING:
    __version__ = library_version()
    """The installed version (``0+unknown`` for a source tree that is not installed): read
    from the package metadata on first use (see :func:`library_version`)."""

__all__ = [
    "SCALES",
    "Accrual",
    "AccrualYear",
    "Batch",
    "BoardLapse",
    "BrokenPlugin",
    "CalendarYear",
    "Citation",
    "Comparison",
    "Computation",
    "Confidence",
    "DatedValue",
    "Day",
    "DefinitionError",
    "Edition",
    "EditionDefinitionError",
    "EditionDiff",
    "EditionSource",
    "EditionUse",
    "Employee",
    "Evaluation",
    "Function",
    "Grade",
    "InputError",
    "Interpretation",
    "InvalidInputError",
    "Ledger",
    "MissingExtraError",
    "NoEditionError",
    "NotApplicable",
    "NotApplicableResult",
    "NotEncodedError",
    "NotEncodedResult",
    "OldTitle",
    "OnderwijsregelsError",
    "Outcome",
    "OverspendingError",
    "Parameter",
    "Plan",
    "PluginError",
    "PluginInfo",
    "PluginWarning",
    "Predicate",
    "Receipt",
    "RecordError",
    "Register",
    "RegisterRow",
    "Registration",
    "Route",
    "Rule",
    "RuleComparison",
    "RuleContext",
    "RuleNotApplicableError",
    "RuleTotal",
    "Rulebook",
    "SavingsAgreement",
    "ScenarioValue",
    "School",
    "SchoolYear",
    "Situation",
    "Source",
    "Spending",
    "SpendingKind",
    "Statement",
    "Step",
    "SubjectComparison",
    "Tranche",
    "Unit",
    "UnknownEditionError",
    "UnknownParameterError",
    "UnknownRuleError",
    "UnknownSourceError",
    "__version__",
    "accruals",
    "board_lapses",
    "compare",
    "hookimpl",
    "load",
    "register_overview",
    "round_money",
    "rule",
    "scenario",
]


def __getattr__(name: str) -> object:
    """Import a public name of a part loaded on first use (see ``_LAZY``) or a submodule the
    package used to import (see ``_SUBMODULES``), or read ``__version__`` (the package
    metadata is read only when it is asked for)."""
    if name == "__version__":
        version = library_version()
        globals()[name] = version
        return version
    import importlib

    if name in _SUBMODULES:
        submodule = importlib.import_module(f"{__name__}.{name}")
        for inner in _SUBMODULES[name]:
            importlib.import_module(f"{__name__}.{name}.{inner}")
        return submodule
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'onderwijsregels' has no attribute {name!r}")

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | set(_SUBMODULES) | {"__version__"})
