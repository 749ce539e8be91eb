"""The pytest plugin of onderwijsregels (entry point ``pytest11``): active once it is installed.

It gives a plugin's test suite:

- the fixture ``onderwijsregels_conformance``: call it with a distribution's name, and the test
  fails listing every problem :func:`~onderwijsregels.testing.conformance.check_editions` finds;
- the fixture ``onderwijsregels_snapshot``: :func:`~onderwijsregels.testing.snapshots.record_snapshot`
  and :func:`~onderwijsregels.testing.snapshots.compare_snapshots` at hand;
- YAML case files, collected as tests: every file named ``cases_*.yaml`` (or ``.yml``), and every
  ``*.yaml`` in a directory named ``cases``, in the paths pytest collects (see
  :mod:`onderwijsregels.testing.cases` for the format). Set the ini option
  ``onderwijsregels_cases = false`` to collect none.

Imports of the library happen in the hooks and fixtures, so merely having the plugin installed
costs a test run nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from onderwijsregels.testing.cases import Case

__all__ = ["CaseItem", "CasesFile"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "onderwijsregels_cases",
        "collect onderwijsregels YAML case files (cases_*.yaml, cases/*.yaml)",
        type="bool",
        default=True,
    )


def _is_case_file(file_path: Path) -> bool:
    if file_path.suffix not in (".yaml", ".yml"):
        return False
    return file_path.name.startswith("cases_") or file_path.parent.name == "cases"


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> CasesFile | None:
    if _is_case_file(file_path) and parent.config.getini("onderwijsregels_cases"):
        found: CasesFile = CasesFile.from_parent(parent, path=file_path)
        return found
    return None


class CasesFile(pytest.File):
    """A YAML case file: one test per case."""

    def collect(self) -> Iterator[CaseItem]:
        from onderwijsregels.testing.cases import CaseFileError, read_cases

        try:
            cases = read_cases(self.path)
        except CaseFileError as error:
            raise self.CollectError(str(error)) from None
        for case in cases:
            yield CaseItem.from_parent(self, name=case.name, case=case)


class CaseFailure(AssertionError):
    """The mismatches of one case."""


class CaseItem(pytest.Item):
    """One case of a YAML case file."""

    def __init__(self, *, case: Case, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        from onderwijsregels.testing.cases import run_case

        problems = run_case(self.case)
        if problems:
            raise CaseFailure("\n".join(problems))

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str:
        if isinstance(excinfo.value, CaseFailure):
            count = str(excinfo.value).count("\n") + 1
            return f"case {self.case.name!r}: {count} mismatch(es)\n{excinfo.value}"
        return str(super().repr_failure(excinfo, style))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.case.line - 1, f"case: {self.case.name}"


@pytest.fixture
def onderwijsregels_conformance() -> Callable[..., None]:
    """Check a distribution's editions; fails listing every problem.

    ``onderwijsregels_conformance("my-dist")`` or with ``examples=50`` for more hypothesis
    examples per property.
    """
    from onderwijsregels.testing.conformance import DEFAULT_EXAMPLES, check_editions

    def check(distribution: str, *, examples: int = DEFAULT_EXAMPLES) -> None:
        problems = check_editions(distribution, examples=examples)
        if problems:
            pytest.fail(
                f"{len(problems)} conformance problem(s) in {distribution}:\n"
                + "\n".join(f"- {problem}" for problem in problems),
                pytrace=False,
            )

    return check


@pytest.fixture
def onderwijsregels_snapshot() -> Any:
    """The snapshot module: ``record_snapshot`` and ``compare_snapshots``."""
    from onderwijsregels.testing import snapshots

    return snapshots
