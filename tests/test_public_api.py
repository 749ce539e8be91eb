"""The public API is a contract: these names, modules and commands must not disappear by accident.

When a name is added on purpose, add it here too; when one is removed on purpose, that is a
breaking change for the CHANGELOG.
"""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import onderwijsregels as owr
from onderwijsregels.cli import _parser

PUBLIC_NAMES = {
    "SCALES",
    "__version__",
    "Accrual",
    "AccrualYear",
    "Batch",
    "BoardLapse",
    "BrokenPlugin",
    "CalendarYear",
    "Citation",
    "Computation",
    "Confidence",
    "DatedValue",
    "DefinitionError",
    "Day",
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
    "MissingExtraError",
    "Ledger",
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
    "RuleContext",
    "RuleNotApplicableError",
    "Rulebook",
    "SavingsAgreement",
    "School",
    "SchoolYear",
    "Situation",
    "Source",
    "Spending",
    "SpendingKind",
    "Statement",
    "Step",
    "Tranche",
    "Unit",
    "UnknownEditionError",
    "UnknownParameterError",
    "UnknownRuleError",
    "UnknownSourceError",
    "accruals",
    "board_lapses",
    "hookimpl",
    "load",
    "register_overview",
    "round_money",
    "rule",
}
"""Every name `onderwijsregels.__all__` held when the engine was reshaped (issue 13), and the
receipts and version added since (issue 12)."""

COMMANDS = {"editions", "evaluate", "statement", "registers", "diff", "edition"}


def test_every_public_name_is_still_exported() -> None:
    missing = PUBLIC_NAMES - set(owr.__all__)
    assert not missing, f"public names removed: {sorted(missing)}"
    for name in PUBLIC_NAMES:
        assert getattr(owr, name) is not None


def test_all_is_sorted_and_resolvable() -> None:
    assert len(owr.__all__) == len(set(owr.__all__))
    for name in owr.__all__:
        assert hasattr(owr, name), name


def test_cli_commands_are_still_there() -> None:
    parser = _parser()
    choices = next(
        action.choices
        for action in parser._actions
        if getattr(action, "choices", None) and isinstance(action.choices, dict)
    )
    assert set(choices) >= COMMANDS


@pytest.mark.parametrize(
    "module",
    ["onderwijsregels.sources", "onderwijsregels.testing", "onderwijsregels.data_editions"],
)
def test_public_modules_import(module: str) -> None:
    importlib.import_module(module)


def test_importing_the_library_stays_light() -> None:
    # The engine must not pull in the test tooling or optional features.
    code = (
        "import sys, onderwijsregels; "
        "heavy = [m for m in ('hypothesis', 'pytest', 'fastapi', 'polars') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_reference_day_has_one_name() -> None:
    # `reference_day` on objects, as in JSON; `day` stays as an alias for older code.
    from datetime import date
    from decimal import Decimal

    rb = owr.load()
    ev = rb.evaluate(
        owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("1")), year=2020
    )
    outcome = ev["individueel_budget"]
    assert ev.reference_day == outcome.reference_day == ev.editions[0].reference_day
    assert ev.reference_day == date(2020, 1, 1)
    assert ev.to_dict()["reference_day"] == "2020-01-01"
    assert ev.to_dict()["outcomes"]["individueel_budget"]["reference_day"] == "2020-01-01"
    assert (ev.day, outcome.day) == (ev.reference_day, outcome.reference_day)
    assert rb.plan(owr.Employee, year=2020).reference_day == date(2020, 1, 1)


def test_loading_the_rules_does_not_import_ledgers_scenarios_or_the_batch() -> None:
    # `import onderwijsregels` + `load()` is on every command's path: the parts it does not
    # need load on first use (a fresh interpreter, so nothing is imported already).
    code = (
        "import sys, onderwijsregels as owr; owr.load(); "
        "print(sorted(m for m in ('onderwijsregels.batch', 'onderwijsregels.scenarios', "
        "'onderwijsregels.ledger', 'onderwijsregels.statement') if m in sys.modules)); "
        "print(owr.Batch.__module__, owr.scenario.__module__, owr.Ledger.__module__)"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert found == [
        "[]",
        "onderwijsregels.batch onderwijsregels.scenarios onderwijsregels.ledger",
    ]


def test_loading_the_rules_leaves_the_heavy_imports_for_later() -> None:
    # Loading the rules needs neither the converter (cattrs), the YAML reader, the receipts'
    # hashing and JSON, the edition diff, evaluating (plans, evaluations), the package
    # metadata (plugins are found by onderwijsregels.installed; __version__ reads it on first
    # use), importlib.resources (the source register is read directly), tomllib (the register
    # is written plainly enough to read without it), gettext, calendar nor the presentation:
    # they are imported on first use, and every public name still answers (a fresh
    # interpreter, so nothing is imported already).
    deferred = (
        "cattrs",
        "yaml",
        "hashlib",
        "json",
        "importlib.metadata",
        "email",
        "importlib.resources",
        "gettext",
        "csv",
        "calendar",
        "tomllib",
        "onderwijsregels.diff",
        "onderwijsregels.evaluate",
        "onderwijsregels.plan",
        "onderwijsregels.data_editions",
        "onderwijsregels.records",
        "onderwijsregels.present.text",
    )
    code = (
        "import sys, onderwijsregels as owr; owr.load(); "
        f"print(sorted(m for m in {deferred!r} if m in sys.modules)); "
        "from onderwijsregels import EditionDiff, __version__; "
        "print(EditionDiff.__module__, __version__ == owr.library_version(), "
        "'__version__' in dir(owr), 'EditionDiff' in dir(owr))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert found == ["[]", "onderwijsregels.diff True True True"]


def test_the_converter_is_made_with_every_hook_registered_before_it() -> None:
    # The converter is made on first use, with the hooks modules registered before then.
    code = (
        "import sys, onderwijsregels as owr; from decimal import Decimal; "
        "rb = owr.load(); "
        "juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal('0.6')); "
        "ev = rb.evaluate(juf, year=2020); "
        "print('cattrs' in sys.modules); "
        "data = ev.to_dict(); "
        "print('cattrs' in sys.modules, data['outcomes']['individueel_budget']['value']); "
        "print(owr.Employee.from_dict({'function': 'leraar', 'werktijdfactor': '0.6'}) == juf)"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert found == ["False", "True 360.00", "True"]


def test_submodules_the_package_used_to_import_are_still_its_attributes() -> None:
    # `import onderwijsregels` no longer imports these, but they answer as attributes (and in
    # dir()) as they did, each with the submodules it used to bring along.
    names = ("data_editions", "diff", "evaluate", "plan", "present", "records")
    code = (
        "import sys, onderwijsregels as owr; "
        f"names = {names!r}; "
        "print(all(name in dir(owr) for name in names)); "
        "print(' '.join(getattr(owr, name).__name__ for name in names)); "
        "print(owr.present.text.__name__, owr.present.csv.__name__, owr.present.words.__name__); "
        "from onderwijsregels import diff; print(diff is owr.diff)"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert found == [
        "True",
        " ".join(f"onderwijsregels.{name}" for name in names),
        "onderwijsregels.present.text onderwijsregels.present.csv onderwijsregels.present.words",
        "True",
    ]
