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

from onderwijsregels.accrual import Accrual, AccrualYear, accruals
from onderwijsregels.batch import Batch
from onderwijsregels.citations import Citation, Confidence, Interpretation
from onderwijsregels.diff import EditionDiff
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
from onderwijsregels.evaluate import (
    EditionUse,
    Evaluation,
    NotApplicableResult,
    NotEncodedResult,
    Outcome,
)
from onderwijsregels.hookspecs import hookimpl
from onderwijsregels.ledger import (
    Ledger,
    SavingsAgreement,
    Situation,
    Spending,
    SpendingKind,
    Tranche,
)
from onderwijsregels.model import SCALES, Employee, Function, School
from onderwijsregels.money import round_money
from onderwijsregels.parameters import DatedValue, Parameter
from onderwijsregels.periods import CalendarYear, Day, SchoolYear
from onderwijsregels.plan import Plan, RecordError
from onderwijsregels.receipt import EditionSource, Receipt
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
from onderwijsregels.scenarios import (
    Comparison,
    RuleComparison,
    RuleTotal,
    ScenarioValue,
    SubjectComparison,
    compare,
    scenario,
)
from onderwijsregels.sources import Grade, Source
from onderwijsregels.statement import BoardLapse, Statement, board_lapses
from onderwijsregels.version import library_version

__version__ = library_version()
"""The installed version (``0+unknown`` for a source tree that is not installed)."""

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
