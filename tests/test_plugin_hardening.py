"""Broken or conflicting third-party plugins (issue 9, section 2).

1. ``load(broken="collect")`` loads the healthy plugins and lists the broken ones in
   ``Rulebook.broken``; ``Rulebook.check_healthy()`` raises them as one PluginError saying how to
   load without them.
2. A clash with a built-in edition (the core distribution ``onderwijsregels``) blames the other
   plugin, whatever the names sort like, and names both distributions with their versions.
3. An edition overlapping an edition of the same family from another distribution is a
   PluginError unless it declares ``supersedes``; results under a superseding edition say so.
4. A rule returning the wrong type, a float, or a value that does not fit its unit is a
   PluginError naming the edition and rule (and, through the rulebook, plugin and distribution).
5. ``SystemExit`` (any BaseException but KeyboardInterrupt) from a plugin's import or hook is a
   PluginError naming the entry point and distribution; it never ends the process.

Installed entry points are replaced by fakes (:func:`installed`), so a broken plugin "from a
distribution" is tested without installing one; the built-in modules are installed as fakes of
the core distribution ``onderwijsregels 9.9``.
"""

from __future__ import annotations

import importlib
import types
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import onderwijsregels_cao_po_2019_2020 as cao_po_2019_2020
import onderwijsregels_cao_po_2021 as cao_po_2021
import onderwijsregels_cao_po_2025_2027 as cao_po_2025_2027
import pytest

import onderwijsregels as owr
from onderwijsregels.rulebook import PLUGINS_ENV, BrokenPlugin

registry = importlib.import_module("onderwijsregels.rulebook")

CITE = owr.Citation(
    source="Test source (tests/test_plugin_hardening.py)",
    article=None,
    lid=None,
    read_at=owr.Source("test-plugin-hardening", "Test source", "tests", owr.Grade.D),
    quote="made up for a test of broken plugins",
    confidence=owr.Confidence.INTERPRETATION,
)

JUF = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("1"), name="Juf Jansen")
JUF_LABEL = "Juf Jansen (leraar, werktijdfactor 1)"


@owr.rule(
    "vaste_testwaarde",
    title="A constant",
    subject=owr.Employee,
    unit=owr.Unit.JA_NEE,
    citations=(CITE,),
    reads=(),
)
def vaste_testwaarde(ctx: owr.RuleContext) -> owr.Computation:
    """Always yes."""
    return owr.Computation(True, [owr.Step("Always yes", CITE)], CITE)


def edition(
    edition_id: str = "testfamilie-2030",
    family: str = "testfamilie",
    start: date = date(2030, 1, 1),
    end: date | None = None,
    rules: Sequence[owr.Rule] = (vaste_testwaarde,),
    **fields: object,
) -> owr.Edition:
    return owr.Edition(
        id=edition_id,
        family=family,
        title=f"Test edition {edition_id}",
        valid_from=start,
        valid_to=end,
        citation=CITE,
        rules=rules,
        **fields,  # type: ignore[arg-type]
    )


def module(name: str, *editions: object) -> types.ModuleType:
    """A plugin module (as an entry point loads one) whose hook returns ``editions``."""
    return returning(name, editions)


def returning(name: str, value: object) -> types.ModuleType:
    """A plugin module whose hook returns ``value`` as is."""
    plugin = types.ModuleType(name)

    def onderwijsregels_editions() -> object:
        return value

    plugin.onderwijsregels_editions = owr.hookimpl(onderwijsregels_editions)  # type: ignore[attr-defined]
    return plugin


def raising(name: str, error: BaseException) -> types.ModuleType:
    """A plugin module whose hook raises ``error``."""
    plugin = types.ModuleType(name)

    def onderwijsregels_editions() -> Sequence[owr.Edition]:
        raise error

    plugin.onderwijsregels_editions = owr.hookimpl(onderwijsregels_editions)  # type: ignore[attr-defined]
    return plugin


class EditionsPlugin:
    """A plugin object passed to load() directly."""

    def __init__(self, *editions: owr.Edition) -> None:
        self.editions = editions

    @owr.hookimpl
    def onderwijsregels_editions(self) -> Sequence[owr.Edition]:
        return self.editions


# --- Fake installed entry points -------------------------------------------------------------


@attrs.frozen
class Dist:
    name: str
    version: str


ACME = Dist("acme-cao", "1.0")
HEALTHY = Dist("gezond-dist", "2.0")
CORE = Dist("onderwijsregels", "9.9")


@attrs.frozen
class EntryPoint:
    """Quacks like importlib.metadata.EntryPoint; loading raises ``plugin`` if it is an exception
    (any BaseException, SystemExit included)."""

    name: str
    plugin: object
    dist: Dist | None = ACME

    def load(self) -> object:
        if isinstance(self.plugin, BaseException):
            raise self.plugin
        return self.plugin


Install = Callable[..., None]


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Install:
    """Make ``load()`` see exactly the given entry points as installed."""
    monkeypatch.delenv(PLUGINS_ENV, raising=False)

    def install(*entry_points: EntryPoint) -> None:
        def entry_points_of(*, group: str) -> tuple[EntryPoint, ...]:
            assert group == "onderwijsregels"
            return entry_points

        monkeypatch.setattr(
            registry, "installed", types.SimpleNamespace(entry_points=entry_points_of)
        )

    return install


@pytest.fixture(autouse=True)
def _no_selection_from_the_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PLUGINS_ENV, raising=False)


def healthy() -> EntryPoint:
    return EntryPoint("gezond", module("gezond", edition()), HEALTHY)


def contract_breaker() -> owr.Edition:
    # A cao-po edition without the rules the ledger reads (individueel_budget, ...).
    return edition("cao-po-2099", "cao-po", date(2099, 1, 1))


# --- 1. Collecting broken plugins ------------------------------------------------------------

BROKEN = [
    pytest.param(
        ImportError("No module named 'kapot'"),
        "could not be imported: No module named 'kapot'",
        id="import error",
    ),
    pytest.param(
        SystemExit(3),
        "could not be imported: it raised SystemExit(3), which would have ended the process",
        id="SystemExit at import",
    ),
    pytest.param(
        raising("kapot", RuntimeError("database unreachable")),
        "onderwijsregels_editions raised RuntimeError('database unreachable')",
        id="hook raising",
    ),
    pytest.param(
        raising("kapot", SystemExit(4)),
        "onderwijsregels_editions raised SystemExit(4), which would have ended the process",
        id="SystemExit in hook",
    ),
    pytest.param(
        returning("kapot", None),
        "onderwijsregels_editions must return a sequence of Edition, not NoneType",
        id="non-sequence",
    ),
    pytest.param(
        returning("kapot", (42,)), "returned 42, which is not an Edition", id="non-edition"
    ),
    pytest.param(
        module("kapot", contract_breaker()),
        "edition 'cao-po-2099': breaks the contract of its family: lacks rule "
        "'individueel_budget', which the budget ledger reads",
        id="family contract",
    ),
    pytest.param(
        types.SimpleNamespace(onderwijsregels_editionz=owr.hookimpl(lambda: ())),
        "implements an unknown hook: ",
        id="misspelt hook",
    ),
]


@pytest.mark.parametrize(("plugin", "problem"), BROKEN)
def test_collect_loads_the_healthy_plugins_and_lists_the_broken_one(
    installed: Install, plugin: object, problem: str
) -> None:
    installed(EntryPoint("kapot", plugin), healthy())
    rb = owr.load(broken="collect")
    assert [info.name for info in rb.plugins] == ["gezond"]
    assert rb.families() == ("testfamilie",)
    assert rb.evaluate(JUF, year=2030)["vaste_testwaarde"].value is True
    (broken,) = rb.broken
    assert (broken.name, broken.distribution, broken.version) == ("kapot", "acme-cao", "1.0")
    assert broken.source == "acme-cao 1.0"
    assert broken.error.plugin == "kapot"
    assert broken.error.distribution == "acme-cao 1.0"
    assert str(broken.error).startswith("plugin 'kapot' (distribution acme-cao 1.0)")
    assert problem in str(broken.error)


@pytest.mark.parametrize(("plugin", "problem"), BROKEN)
def test_by_default_the_broken_plugin_still_raises(
    installed: Install, plugin: object, problem: str
) -> None:
    installed(EntryPoint("kapot", plugin), healthy())
    with pytest.raises(owr.PluginError) as caught:
        owr.load()
    assert caught.value.plugin == "kapot"
    assert caught.value.distribution == "acme-cao 1.0"
    assert str(caught.value).startswith("plugin 'kapot' (distribution acme-cao 1.0)")
    assert problem in str(caught.value)


def test_check_healthy_names_the_broken_plugin_and_how_to_leave_it_out(
    installed: Install,
) -> None:
    installed(EntryPoint("kapot", ImportError("No module named 'kapot'")), healthy())
    rb = owr.load(broken="collect")
    with pytest.raises(owr.PluginError) as caught:
        rb.check_healthy()
    assert str(caught.value) == (
        "plugin 'kapot' (distribution acme-cao 1.0): could not be imported: No module named "
        "'kapot'\nTo load the other plugins without it, set ONDERWIJSREGELS_PLUGINS=gezond "
        "(the plugins that did load), or uninstall acme-cao."
    )
    assert caught.value.plugin == "kapot"
    assert caught.value.distribution == "acme-cao 1.0"


def test_check_healthy_names_every_broken_plugin(installed: Install) -> None:
    installed(
        EntryPoint("kapot-a", ImportError("No module named 'a'")),
        EntryPoint("kapot-b", raising("b", SystemExit(1)), Dist("other-cao", "0.1")),
        healthy(),
        EntryPoint("ook-gezond", module("ook", edition("anderefamilie-2030", "anderefamilie"))),
    )
    rb = owr.load(broken="collect")
    assert [item.name for item in rb.broken] == ["kapot-a", "kapot-b"]
    assert [item.name for item in rb.plugins] == ["gezond", "ook-gezond"]
    with pytest.raises(owr.PluginError) as caught:
        rb.check_healthy()
    assert str(caught.value) == (
        "2 plugins could not be loaded:\n"
        "- plugin 'kapot-a' (distribution acme-cao 1.0): could not be imported: "
        "No module named 'a'\n"
        "- plugin 'kapot-b' (distribution other-cao 0.1): onderwijsregels_editions raised "
        "SystemExit(1), which would have ended the process\n"
        "To load the other plugins without them, set ONDERWIJSREGELS_PLUGINS=gezond,ook-gezond "
        "(the plugins that did load), or uninstall acme-cao, other-cao."
    )
    assert caught.value.plugin == "kapot-a, kapot-b"
    assert caught.value.distribution == "acme-cao 1.0, other-cao 0.1"


def test_the_advice_works(installed: Install, monkeypatch: pytest.MonkeyPatch) -> None:
    installed(EntryPoint("kapot", ImportError("No module named 'kapot'")), healthy())
    monkeypatch.setenv(PLUGINS_ENV, "gezond")
    rb = owr.load()  # the default, raising: nothing is broken any more
    assert rb.broken == ()
    assert [info.name for info in rb.plugins] == ["gezond"]


def test_check_healthy_on_a_healthy_rulebook_does_nothing(installed: Install) -> None:
    installed(healthy())
    for rb in (owr.load(), owr.load(broken="collect")):
        assert rb.broken == ()
        rb.check_healthy()  # returns: nothing to raise


def test_a_broken_plugin_passed_directly_is_collected_too(installed: Install) -> None:
    installed(healthy())

    class Kapot:
        @owr.hookimpl
        def onderwijsregels_editions(self) -> Sequence[owr.Edition]:
            raise ValueError("no editions today")

    rb = owr.load([Kapot()], broken="collect")
    assert rb.broken == (BrokenPlugin("Kapot", None, None, rb.broken[0].error),)
    assert rb.broken[0].source == "passed to load() directly"
    assert isinstance(rb.broken[0].error.__cause__, ValueError)
    with pytest.raises(owr.PluginError) as caught:
        rb.check_healthy()
    assert str(caught.value) == (
        "plugin 'Kapot': onderwijsregels_editions raised ValueError('no editions today')\n"
        "To load the other plugins without it, set ONDERWIJSREGELS_PLUGINS=gezond (the plugins "
        "that did load); leave a plugin passed to load() directly out of plugins=."
    )


def test_no_healthy_plugin_left(installed: Install) -> None:
    installed(EntryPoint("kapot", ImportError("No module named 'kapot'")))
    rb = owr.load(broken="collect")
    assert rb.plugins == ()
    assert rb.families() == ()
    with pytest.raises(owr.PluginError, match=r"No other installed plugin loaded; fix it, or "):
        rb.check_healthy()


def test_two_misspelt_hooks_are_both_collected(installed: Install) -> None:
    typo = types.SimpleNamespace(onderwijsregels_editionz=owr.hookimpl(lambda: ()))
    other = types.SimpleNamespace(onderwijsregels_edities=owr.hookimpl(lambda: ()))
    installed(EntryPoint("typo-a", typo), EntryPoint("typo-b", other), healthy())
    rb = owr.load(broken="collect")
    assert [item.name for item in rb.broken] == ["typo-a", "typo-b"]
    assert "onderwijsregels_edities" in str(rb.broken[1].error)
    assert [info.name for info in rb.plugins] == ["gezond"]


def test_a_plugin_that_cannot_be_registered_is_collected(installed: Install) -> None:
    class TooMany:
        @owr.hookimpl
        def onderwijsregels_editions(self, year: int) -> Sequence[owr.Edition]:
            return ()

    installed(EntryPoint("te-veel", TooMany()), healthy())
    rb = owr.load(broken="collect")
    (broken,) = rb.broken
    assert broken.name == "te-veel"
    assert str(broken.error).startswith(
        "plugin 'te-veel' (distribution acme-cao 1.0): could not be registered: "
    )


def test_collected_errors_keep_the_plugins_exception(installed: Install) -> None:
    error = RuntimeError("boom")
    installed(EntryPoint("kapot", raising("kapot", error)), healthy())
    assert owr.load(broken="collect").broken[0].error.__cause__ is error


def test_an_unknown_name_in_only_still_raises_when_collecting(installed: Install) -> None:
    installed(healthy())
    with pytest.raises(owr.PluginError, match="not installed"):
        owr.load(only=["gezond", "bestaat-niet"], broken="collect")


def test_broken_takes_raise_or_collect() -> None:
    with pytest.raises(owr.InvalidInputError, match="broken: must be 'raise' or 'collect'"):
        owr.load(entry_points=False, broken="ignore")  # type: ignore[arg-type]


def test_keyboard_interrupt_is_never_swallowed(installed: Install) -> None:
    installed(EntryPoint("kapot", KeyboardInterrupt()), healthy())
    with pytest.raises(KeyboardInterrupt):
        owr.load(broken="collect")
    installed(EntryPoint("kapot", raising("kapot", KeyboardInterrupt())), healthy())
    with pytest.raises(KeyboardInterrupt):
        owr.load(broken="collect")


# --- 2. A clash with a built-in edition blames the other plugin ------------------------------


@pytest.mark.parametrize("name", ["aaa-kopie", "zzz-kopie"])
def test_a_duplicate_of_a_built_in_edition_blames_the_newcomer(
    installed: Install, name: str
) -> None:
    # Whether the copy's name sorts before or after the built-in plugin, the copy is blamed.
    installed(
        EntryPoint("cao-po-2021", cao_po_2021, CORE),
        EntryPoint(name, module("kopie", cao_po_2021.EDITION)),
    )
    with pytest.raises(owr.PluginError) as caught:
        owr.load()
    assert caught.value.plugin == name
    assert caught.value.distribution == "acme-cao 1.0"
    assert str(caught.value) == (
        f"plugin {name!r} (distribution acme-cao 1.0): edition id 'cao-po-2021' is already "
        "provided by plugin 'cao-po-2021' (distribution onderwijsregels 9.9)"
    )
    rb = owr.load(broken="collect")
    assert [info.name for info in rb.plugins] == ["cao-po-2021"]
    assert [item.name for item in rb.broken] == [name]


def test_a_same_day_start_with_a_built_in_edition_blames_the_newcomer(installed: Install) -> None:
    twin = cao_po_2021.EDITION.derive(
        id="cao-po-2021-tweeling",
        title="Twin",
        valid_from=date(2021, 1, 1),
        valid_to=date(2021, 12, 31),
        citation=CITE,
    )
    installed(
        EntryPoint("aaa-tweeling", module("tweeling", twin)),
        EntryPoint("cao-po-2021", cao_po_2021, CORE),
    )
    with pytest.raises(owr.PluginError) as caught:
        owr.load()
    assert caught.value.plugin == "aaa-tweeling"
    assert str(caught.value) == (
        "plugin 'aaa-tweeling' (distribution acme-cao 1.0): editions 'cao-po-2021' (plugin "
        "'cao-po-2021' (distribution onderwijsregels 9.9)) and 'cao-po-2021-tweeling' of family "
        "'cao-po' both start on 2021-01-01"
    )


def test_a_duplicate_between_two_other_distributions_names_both_versions(
    installed: Install,
) -> None:
    installed(
        EntryPoint("plugin-a", module("a", edition())),
        EntryPoint("plugin-b", module("b", edition()), Dist("other-cao", "0.1")),
    )
    with pytest.raises(owr.PluginError) as caught:
        owr.load()
    # Neither is built in: the one registered later (plugin-b) is the newcomer.
    assert str(caught.value) == (
        "plugin 'plugin-b' (distribution other-cao 0.1): edition id 'testfamilie-2030' is "
        "already provided by plugin 'plugin-a' (distribution acme-cao 1.0)"
    )


# --- 3. Overlapping editions of another distribution ------------------------------------------


def acme_2026(**fields: Any) -> owr.Edition:
    """A third party's CAO PO from 2026, open-ended: it overlaps CAO PO 2025-2027."""
    return cao_po_2025_2027.EDITION.derive(
        id="cao-po-acme-2026",
        title="ACME CAO 2026",
        valid_from=date(2026, 1, 1),
        valid_to=None,
        citation=CITE,
        **fields,
    )


def test_an_overlap_with_a_built_in_edition_is_refused(installed: Install) -> None:
    # CAO PO 2025-2027 covers 2025-11-01 to 2027-02-28; ACME from 2026-01-01 (open). Common days:
    # from max(2025-11-01, 2026-01-01) = 2026-01-01 to min(2027-02-28, open) = 2027-02-28, where
    # ACME (started later) would govern.
    installed(
        EntryPoint("aaa-acme", module("acme", acme_2026())),
        EntryPoint("cao-po-2025-2027", cao_po_2025_2027, CORE),
    )
    with pytest.raises(owr.PluginError) as caught:
        owr.load()
    error = caught.value
    assert (error.plugin, error.distribution, error.edition) == (
        "aaa-acme",
        "acme-cao 1.0",
        "cao-po-acme-2026",
    )
    assert str(error) == (
        "plugin 'aaa-acme' (distribution acme-cao 1.0), edition 'cao-po-acme-2026': its days "
        "(2026-01-01 to open) overlap edition 'cao-po-2025-2027' (2025-11-01 to 2027-02-28) of "
        "family 'cao-po' from plugin 'cao-po-2025-2027' (distribution onderwijsregels 9.9) on "
        "2026-01-01 to 2027-02-28, where 'cao-po-acme-2026' would silently govern (the newest "
        "edition that started governs). If it replaces 'cao-po-2025-2027' on those days, "
        "declare that it supersedes it (supersedes={'cao-po-2025-2027'}, on Edition or in "
        "derive()); otherwise start it after 2027-02-28"
    )


def test_an_open_ended_edition_may_not_extend_coverage_backwards(installed: Install) -> None:
    # ACME from 2010-01-01 (open) would govern 2010-2019, before CAO PO 2019-2020 (content from
    # 2020-01-01 to 2020-12-31); their common days are 2020-01-01 to 2020-12-31.
    early = cao_po_2019_2020.EDITION.derive(
        id="cao-po-acme-2010",
        title="ACME CAO 2010",
        valid_from=date(2010, 1, 1),
        valid_to=None,
        citation=CITE,
    )
    installed(
        EntryPoint("cao-po-2019-2020", cao_po_2019_2020, CORE),
        EntryPoint("acme", module("acme", early)),
    )
    with pytest.raises(owr.PluginError) as caught:
        owr.load()
    assert caught.value.plugin == "acme"
    assert str(caught.value).endswith(
        "its days (2010-01-01 to open) overlap edition 'cao-po-2019-2020' (2020-01-01 to "
        "2020-12-31) of family 'cao-po' from plugin 'cao-po-2019-2020' (distribution "
        "onderwijsregels 9.9) on 2020-01-01 to 2020-12-31, where 'cao-po-2019-2020' would "
        "silently govern (the newest edition that started governs). End it before 2020-01-01 "
        "(valid_to); or, if it replaces 'cao-po-2019-2020', start it after 2020-01-01 and "
        "declare that it supersedes it (supersedes={'cao-po-2019-2020'})"
    )
    rb = owr.load(broken="collect")
    with pytest.raises(owr.NoEditionError):  # no silent answer for 2015
        rb.edition("cao-po", on=date(2015, 6, 1))


def test_a_declared_supersede_is_accepted_and_every_result_says_so(installed: Install) -> None:
    installed(
        EntryPoint("cao-po-2025-2027", cao_po_2025_2027, CORE),
        EntryPoint("acme", module("acme", acme_2026(supersedes={"cao-po-2025-2027"}))),
    )
    rb = owr.load()
    assert rb.edition("cao-po", on=date(2026, 3, 1)).id == "cao-po-acme-2026"
    ev = rb.evaluate(JUF, year=2026, families="cao-po")
    note = (
        "Supersedes: ACME CAO 2026 (cao-po-acme-2026) declares that it supersedes "
        "cao-po-2025-2027; on the days they overlap, it governs in their place."
    )
    assert len(ev) > 0
    for outcome in ev.values():
        assert note in outcome.notes, outcome.rule_id
    before = rb.evaluate(JUF, on=date(2025, 12, 1), families="cao-po")
    assert all(note not in outcome.notes for outcome in before.values())


def test_a_superseding_edition_must_start_after_what_it_supersedes(installed: Install) -> None:
    early = cao_po_2025_2027.EDITION.derive(
        id="cao-po-acme-2025",
        title="ACME CAO 2025",
        valid_from=date(2025, 6, 1),
        valid_to=None,
        citation=CITE,
        supersedes={"cao-po-2025-2027"},
    )
    installed(
        EntryPoint("cao-po-2025-2027", cao_po_2025_2027, CORE),
        EntryPoint("acme", module("acme", early)),
    )
    with pytest.raises(owr.PluginError) as caught:
        owr.load()
    assert caught.value.plugin == "acme"
    assert str(caught.value) == (
        "plugin 'acme' (distribution acme-cao 1.0), edition 'cao-po-acme-2025': edition "
        "'cao-po-acme-2025' supersedes 'cao-po-2025-2027' but starts before it (2025-06-01, "
        "2025-11-01), so 'cao-po-2025-2027' would still govern from 2025-11-01: an edition "
        "governs from its start until a later one starts. A superseding edition must start "
        "after the edition it supersedes"
    )


def test_editions_of_one_distribution_may_overlap(installed: Install) -> None:
    # Two plugins of acme-cao, both open-ended (as the built-ins chain with nawerking).
    installed(
        EntryPoint("acme-a", module("a", edition())),
        EntryPoint("acme-b", module("b", edition("testfamilie-2031", start=date(2031, 1, 1)))),
    )
    rb = owr.load()
    assert [e.id for e in rb.editions("testfamilie")] == ["testfamilie-2030", "testfamilie-2031"]


def test_editions_of_two_distributions_may_not(installed: Install) -> None:
    installed(
        EntryPoint("acme-a", module("a", edition())),
        EntryPoint(
            "other-b",
            module("b", edition("testfamilie-2031", start=date(2031, 1, 1))),
            Dist("other-cao", "0.1"),
        ),
    )
    with pytest.raises(owr.PluginError, match="overlap edition 'testfamilie-2030'") as caught:
        owr.load()
    assert caught.value.plugin == "other-b"
    assert caught.value.distribution == "other-cao 0.1"


def test_the_accepted_edition_may_be_the_one_that_supersedes(installed: Install) -> None:
    # acme-a registers first and declares it supersedes other-b's earlier edition.
    installed(
        EntryPoint(
            "acme-a",
            module(
                "a",
                edition(
                    "testfamilie-2031", start=date(2031, 1, 1), supersedes={"testfamilie-2030"}
                ),
            ),
        ),
        EntryPoint("other-b", module("b", edition()), Dist("other-cao", "0.1")),
    )
    rb = owr.load()
    assert [e.id for e in rb.editions("testfamilie")] == ["testfamilie-2030", "testfamilie-2031"]


def test_editions_that_do_not_overlap_need_no_declaration(installed: Install) -> None:
    # ACME 2028 starts the day after CAO PO 2025-2027 ends (2027-02-28): no common day.
    later = cao_po_2025_2027.EDITION.derive(
        id="cao-po-acme-2027",
        title="ACME CAO 2027",
        valid_from=date(2027, 3, 1),
        valid_to=None,
        citation=CITE,
    )
    installed(
        EntryPoint("cao-po-2025-2027", cao_po_2025_2027, CORE),
        EntryPoint("acme", module("acme", later)),
    )
    assert owr.load().edition("cao-po", on=date(2027, 3, 1)).id == "cao-po-acme-2027"


def test_the_example_plugin_loads_without_declaring_anything() -> None:
    example = pytest.importorskip(
        "onderwijsregels_cao_example",
        reason="the example distribution is not installed: pip install -e "
        "examples/plugin-cao-example",
    )
    # 2099-01-01 to 2099-12-31 against 2025-11-01 to 2027-02-28: no common day.
    assert example.EDITION.supersedes == frozenset()
    assert example.EDITION.overlap(cao_po_2025_2027.EDITION) is None
    rb = owr.load(broken="collect")
    assert rb.broken == ()
    assert rb.provider("cao-po-voorbeeld-2099").distribution == "onderwijsregels-cao-example"


def test_overlap_days() -> None:
    a = edition("testfamilie-a", start=date(2030, 1, 1), end=date(2030, 12, 31))
    b = edition("testfamilie-b", start=date(2030, 7, 1))
    c = edition("testfamilie-c", start=date(2031, 1, 1))
    d = edition("testfamilie-d", start=date(2029, 1, 1), applies_from=date(2030, 12, 31))
    assert a.overlap(b) == b.overlap(a) == (date(2030, 7, 1), date(2030, 12, 31))
    assert a.overlap(c) is None  # c starts the day after a ends
    assert b.overlap(c) == (date(2031, 1, 1), None)  # both open
    assert a.overlap(d) == (date(2030, 12, 31), date(2030, 12, 31))  # d's content from applies_from


def test_supersedes_through_derive_starts_afresh_in_a_successor() -> None:
    base = cao_po_2025_2027.EDITION
    assert base.supersedes == frozenset()
    acme = acme_2026(supersedes="cao-po-2025-2027")  # one id as a plain string is one id
    assert acme.supersedes == frozenset({"cao-po-2025-2027"})
    successor = acme.derive(
        id="cao-po-acme-2030",
        title="ACME CAO 2030",
        valid_from=date(2030, 1, 1),
        valid_to=None,
        citation=CITE,
    )
    assert successor.supersedes == frozenset()


@pytest.mark.parametrize(
    ("supersedes", "problem"),
    [
        ({"CAO PO"}, "supersedes 'CAO PO', which is not an edition id"),
        ({"testfamilie-2030"}, "edition 'testfamilie-2030' cannot supersede itself"),
    ],
)
def test_supersedes_names_other_editions(supersedes: set[str], problem: str) -> None:
    with pytest.raises(owr.EditionDefinitionError, match=problem):
        edition(supersedes=supersedes)


# --- 4. A rule returning the wrong type -------------------------------------------------------


def rule_returning(
    value: object, unit: owr.Unit = owr.Unit.EUR_PER_KALENDERJAAR, *, raw: bool = False
) -> owr.Rule:
    """A rule giving ``value`` in a Computation (or, ``raw``, returning ``value`` itself)."""

    @owr.rule(
        "kapotte_regel",
        title="A broken rule",
        subject=owr.Employee,
        unit=unit,
        citations=(CITE,),
        reads=(),
    )
    def kapotte_regel(ctx: owr.RuleContext) -> owr.Computation:
        """Broken on purpose."""
        if raw:
            return value  # type: ignore[return-value]
        return owr.Computation(value, [owr.Step("A step", CITE)], CITE)  # type: ignore[arg-type]

    return kapotte_regel


def evaluate_rule(rule: owr.Rule) -> owr.Evaluation:
    rb = owr.load([EditionsPlugin(edition(rules=(rule,)))], entry_points=False)
    return rb.evaluate(JUF, year=2030)


PREFIX = "plugin 'EditionsPlugin', edition 'testfamilie-2030': rule 'kapotte_regel' "
FOR = f" for {JUF_LABEL}"


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        pytest.param(
            rule_returning(3.14),
            "gave the float 3.14: rules compute exactly with Decimal (Decimal('0.1') + "
            "Decimal('0.2')), never with floats",
            id="float",
        ),
        pytest.param(
            rule_returning(0.1 + 0.2),
            "gave the float 0.30000000000000004: rules compute exactly with Decimal "
            "(Decimal('0.1') + Decimal('0.2')), never with floats",
            id="float sum",
        ),
        pytest.param(
            rule_returning("€ 3,14"),
            "gave '€ 3,14' (str), but its unit 'EUR per kalenderjaar' needs a Decimal or an int "
            "(never a float or a bool)",
            id="str for money",
        ),
        pytest.param(
            rule_returning(True, owr.Unit.UUR_PER_KALENDERJAAR),
            "gave True (bool), but its unit 'uur per kalenderjaar' needs a Decimal or an int "
            "(never a float or a bool)",
            id="bool for hours",
        ),
        pytest.param(
            rule_returning(Decimal("NaN")),
            "gave Decimal('NaN') (Decimal), but its unit 'EUR per kalenderjaar' needs a Decimal "
            "or an int (never a float or a bool)",
            id="NaN",
        ),
        pytest.param(
            rule_returning(None),
            "gave an object of type NoneType (NoneType), but its unit 'EUR per kalenderjaar' "
            "needs a Decimal or an int (never a float or a bool)",
            id="None as value",
        ),
        pytest.param(
            rule_returning(1, owr.Unit.JA_NEE),
            "gave 1 (int), but its unit 'ja/nee' needs a bool",
            id="int for ja/nee",
        ),
        pytest.param(
            rule_returning(Decimal("2"), owr.Unit.JAREN),
            "gave Decimal('2') (Decimal), but its unit 'jaren' needs an int",
            id="Decimal for jaren",
        ),
        pytest.param(
            rule_returning(datetime(2030, 1, 1, 12, 0), owr.Unit.DATUM),
            "gave datetime.datetime(2030, 1, 1, 12, 0) (datetime), but its unit 'datum' needs "
            "a datetime.date",
            id="datetime for datum",
        ),
        pytest.param(
            rule_returning(("a", 1), owr.Unit.TEKST),
            "gave ('a', 1) (tuple), but its unit 'tekst' needs a str or a tuple of str",
            id="tuple with a number",
        ),
        pytest.param(
            rule_returning(None, raw=True),
            "returned an object of type NoneType (NoneType); a rule returns a Computation or "
            "NotApplicable",
            id="None",
        ),
        pytest.param(
            rule_returning(3.14, raw=True),
            "returned 3.14 (float); a rule returns a Computation or NotApplicable",
            id="float returned",
        ),
        pytest.param(
            rule_returning(object(), raw=True),
            "returned an object of type object (object); a rule returns a Computation or "
            "NotApplicable",
            id="object",
        ),
        pytest.param(
            rule_returning(JUF, raw=True),
            "returned an object of type Employee (Employee); a rule returns a Computation or "
            "NotApplicable",
            id="the subject itself",
        ),
        pytest.param(
            rule_returning(
                owr.Computation(Decimal("1"), ["a step as text"], CITE),  # type: ignore[list-item]
                raw=True,
            ),
            "gave a Computation with the step 'a step as text', which is not a Step",
            id="str step",
        ),
        pytest.param(
            rule_returning(owr.Computation(Decimal("1"), [], "art. 9.3"), raw=True),  # type: ignore[arg-type]
            "gave a Computation whose citation is 'art. 9.3', not a Citation",
            id="str citation",
        ),
        pytest.param(
            rule_returning(owr.NotApplicable(42), raw=True),  # type: ignore[arg-type]
            "gave NotApplicable without a text reason",
            id="NotApplicable without a reason",
        ),
    ],
)
def test_a_wrong_result_names_edition_rule_and_subject(rule: owr.Rule, problem: str) -> None:
    with pytest.raises(owr.PluginError) as caught:
        evaluate_rule(rule)
    error = caught.value
    assert str(error) == PREFIX + problem + FOR
    assert (error.plugin, error.edition) == ("EditionsPlugin", "testfamilie-2030")
    assert "Employee(" not in str(error)  # the label, never the subject's repr


@pytest.mark.parametrize(
    ("value", "unit"),
    [
        (Decimal("0.3"), owr.Unit.EUR_PER_KALENDERJAAR),
        (3, owr.Unit.EUR_PER_SCHOOLJAAR),
        (Decimal("1.5"), owr.Unit.UUR_PER_WERKWEEK),
        (5, owr.Unit.JAREN),
        (12, owr.Unit.PUNTEN),
        (False, owr.Unit.JA_NEE),
        (date(2030, 1, 1), owr.Unit.DATUM),
        ("geregistreerd", owr.Unit.TEKST),
        (("studieverlof", "studiekosten"), owr.Unit.TEKST),
    ],
)
def test_values_that_fit_their_unit_are_accepted(value: object, unit: owr.Unit) -> None:
    assert evaluate_rule(rule_returning(value, unit))["kapotte_regel"].exact == value


def test_a_wrong_result_from_an_installed_plugin_names_its_distribution(
    installed: Install,
) -> None:
    installed(EntryPoint("acme", module("acme", edition(rules=(rule_returning(0.1 + 0.2),)))))
    rb = owr.load()
    with pytest.raises(owr.PluginError) as caught:
        rb.evaluate(JUF, year=2030)
    assert (caught.value.plugin, caught.value.distribution) == ("acme", "acme-cao 1.0")
    assert str(caught.value).startswith(
        "plugin 'acme' (distribution acme-cao 1.0), edition 'testfamilie-2030': rule "
        "'kapotte_regel' gave the float 0.30000000000000004"
    )
    # A run stops too: no result of a broken rule set is trustworthy.
    with pytest.raises(owr.PluginError, match=r"0\.30000000000000004"):
        list(rb.run([JUF], year=2030))


# --- 5. SystemExit and other BaseExceptions ---------------------------------------------------


class Ontsnapping(BaseException):
    """A BaseException that is not an Exception (as some frameworks raise)."""


@pytest.mark.parametrize(
    ("plugin", "problem"),
    [
        pytest.param(
            SystemExit(0),
            "could not be imported: it raised SystemExit(0), which would have ended the process",
            id="SystemExit(0) at import",
        ),
        pytest.param(
            Ontsnapping("weg"),
            "could not be imported: it raised Ontsnapping('weg'), which would have ended the "
            "process",
            id="BaseException at import",
        ),
        pytest.param(
            raising("kapot", SystemExit("bye")),
            "onderwijsregels_editions raised SystemExit('bye'), which would have ended the process",
            id="sys.exit in hook",
        ),
        pytest.param(
            raising("kapot", GeneratorExit()),
            "onderwijsregels_editions raised GeneratorExit(), which would have ended the process",
            id="GeneratorExit in hook",
        ),
    ],
)
def test_a_plugin_cannot_end_the_process(installed: Install, plugin: object, problem: str) -> None:
    installed(EntryPoint("kapot", plugin), healthy())
    with pytest.raises(owr.PluginError) as caught:
        owr.load()
    assert str(caught.value) == f"plugin 'kapot' (distribution acme-cao 1.0): {problem}"
    assert isinstance(caught.value.__cause__, BaseException)
    assert not isinstance(caught.value.__cause__, Exception)


def test_a_rule_cannot_end_the_process() -> None:
    @owr.rule(
        "afsluitende_regel",
        title="Exits",
        subject=owr.Employee,
        unit=owr.Unit.JA_NEE,
        citations=(CITE,),
        reads=(),
    )
    def afsluitende_regel(ctx: owr.RuleContext) -> owr.Computation:
        """Exits on purpose."""
        raise SystemExit(2)

    with pytest.raises(owr.PluginError) as caught:
        evaluate_rule(afsluitende_regel)
    assert str(caught.value) == (
        "plugin 'EditionsPlugin', edition 'testfamilie-2030': rule 'afsluitende_regel' raised "
        f"SystemExit(2), which would have ended the process for {JUF_LABEL}"
    )
