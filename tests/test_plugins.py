"""The plugin mechanism: :func:`onderwijsregels.load` and the hooks of ``hookspecs``.

Built-in editions come through the entry-point group ``onderwijsregels`` like a
third party's; plugin objects can be passed in directly; ``only=`` and
``ONDERWIJSREGELS_PLUGINS`` restrict loading; and every way a plugin can break
the host is a :class:`~onderwijsregels.PluginError` naming the plugin (and its
distribution, when it has one) at load time.

Some tests replace the registry's view of installed entry points with fakes
(:func:`fake_entry_points`), so a broken plugin "from a distribution" can be
tested without installing one.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import types
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from importlib import metadata

import attrs
import pluggy as owr_pluggy
import pytest
from onderwijsregels_cao_po_2021 import EDITION as CAO_PO_2021

import onderwijsregels as owr
from onderwijsregels import hookspecs
from onderwijsregels.rulebook import PLUGINS_ENV

registry = importlib.import_module("onderwijsregels.rulebook")

GROUP = "onderwijsregels"
BUILT_IN = (
    "bekostiging-professionalisering-2021",
    "cao-po-2019-2020",
    "cao-po-2021",
    "prestatiebox-2019-2020",
)
"""Entry points the core distribution is known to provide (it may provide more later)."""

CITE = owr.Citation(
    source="Test source (tests/test_plugins.py)",
    article=None,
    lid=None,
    read_at=owr.Source("test-plugins", "Test source", "tests/test_plugins.py", owr.Grade.D),
    quote="made up for a test of the plugin mechanism",
    confidence=owr.Confidence.INTERPRETATION,
)


@owr.rule(
    "vaste_testwaarde",
    title="A constant, to show a test plugin's rule is evaluated",
    subject=owr.Employee,
    unit=owr.Unit.JA_NEE,
    citations=(CITE,),
)
def vaste_testwaarde(ctx: owr.RuleContext) -> owr.Computation:
    """Always yes."""
    return owr.Computation(True, [owr.Step("Always yes", CITE)], CITE)


def make_edition(
    edition_id: str = "testfamilie-2030", family: str = "testfamilie", start: int = 2030
) -> owr.Edition:
    """A small edition of a made-up family."""
    return owr.Edition(
        id=edition_id,
        family=family,
        title=f"Test edition {edition_id}",
        valid_from=date(start, 1, 1),
        valid_to=None,
        citation=CITE,
        rules=(vaste_testwaarde,),
    )


class EditionsPlugin:
    """A test plugin object: provides the editions it is given."""

    def __init__(self, *editions: object) -> None:
        self.editions = editions

    @owr.hookimpl
    def onderwijsregels_editions(self) -> Sequence[object]:
        return self.editions


def plugin_returning(name: str, value: object) -> object:
    """A plugin object of class ``name`` whose hook returns ``value`` as is."""

    def onderwijsregels_editions(self: object) -> object:
        return value

    cls = type(name, (), {"onderwijsregels_editions": owr.hookimpl(onderwijsregels_editions)})
    return cls()


def module_plugin(name: str, *editions: owr.Edition) -> types.ModuleType:
    """A plugin module (as an entry point would load) providing ``editions``."""
    module = types.ModuleType(name)

    @owr.hookimpl
    def onderwijsregels_editions() -> Sequence[owr.Edition]:
        return editions

    module.onderwijsregels_editions = onderwijsregels_editions  # type: ignore[attr-defined]
    return module


def loaded(*plugins: object, only: Sequence[str] | None = None) -> owr.Rulebook:
    """Load the test plugins, with no entry points unless ``only`` names some."""
    return owr.load(plugins, entry_points=only is not None, only=only)


# --- Fake installed entry points -------------------------------------------------------------


@attrs.frozen
class FakeDistribution:
    name: str
    version: str


@attrs.frozen
class FakeEntryPoint:
    """Quacks like :class:`importlib.metadata.EntryPoint` as far as the registry needs."""

    name: str
    plugin: object
    dist: FakeDistribution | None = FakeDistribution("fake-dist", "1.2.3")

    def load(self) -> object:
        if isinstance(self.plugin, Exception):
            raise self.plugin
        return self.plugin


@pytest.fixture
def fake_entry_points(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Make ``load()`` see exactly the given entry points as installed."""
    monkeypatch.delenv(PLUGINS_ENV, raising=False)

    def install(*entry_points: FakeEntryPoint) -> None:
        def entry_points_of(*, group: str) -> tuple[FakeEntryPoint, ...]:
            assert group == GROUP
            return entry_points

        monkeypatch.setattr(
            registry, "installed", types.SimpleNamespace(entry_points=entry_points_of)
        )

    return install


@pytest.fixture(autouse=True)
def _no_selection_from_the_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests decide the selection; a variable set in the shell must not leak in."""
    monkeypatch.delenv(PLUGINS_ENV, raising=False)


# --- Built-in editions come through entry points ---------------------------------------------


def test_built_in_editions_come_through_entry_points() -> None:
    rb = owr.load()
    version = metadata.version("onderwijsregels")
    core = {
        ep.name
        for ep in metadata.entry_points(group=GROUP)
        if ep.dist is not None and ep.dist.name == "onderwijsregels"
    }
    assert set(BUILT_IN) <= core
    by_name = {plugin.name: plugin for plugin in rb.plugins}
    for name in core:
        info = by_name[name]
        assert info.distribution == "onderwijsregels"
        assert info.version == version
        assert info.source == f"onderwijsregels {version}"
        assert info.editions, f"{name} provides no edition"
    assert rb.provider("cao-po-2021").name == "cao-po-2021"
    assert rb.provider("cao-po-2019-2020").distribution == "onderwijsregels"
    assert [p.name for p in rb.plugins] == sorted(p.name for p in rb.plugins)


def test_every_installed_entry_point_is_loaded() -> None:
    rb = owr.load()
    installed = {ep.name for ep in metadata.entry_points(group=GROUP)}
    assert {plugin.name for plugin in rb.plugins} == installed


def test_provider_of_an_unknown_edition() -> None:
    with pytest.raises(owr.UnknownEditionError, match="cao-po-2021"):
        owr.load(only=["cao-po-2021"]).provider("cao-po-1999")


def test_hookimpl_keeps_the_function_and_marks_it() -> None:
    def onderwijsregels_editions() -> Sequence[owr.Edition]:
        return ()

    assert owr.hookimpl(onderwijsregels_editions) is onderwijsregels_editions
    assert hasattr(onderwijsregels_editions, f"{hookspecs.PROJECT_NAME}_impl")
    assert hookspecs.PROJECT_NAME == GROUP
    assert hookspecs.onderwijsregels_editions.__doc__


# --- Plugins passed to load() directly -------------------------------------------------------


def test_a_plugin_object_passed_directly() -> None:
    rb = loaded(EditionsPlugin(make_edition()))
    assert rb.families() == ("testfamilie",)
    info = rb.provider("testfamilie-2030")
    assert info == owr.PluginInfo("EditionsPlugin", None, None, ("testfamilie-2030",))
    assert info.source == "passed to load() directly"
    juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("1"))
    ev = rb.evaluate(juf, year=2030)
    assert ev["vaste_testwaarde"].value is True
    assert ev["vaste_testwaarde"].edition.id == "testfamilie-2030"


def test_a_plugin_module_passed_directly() -> None:
    module = module_plugin(
        "my_test_plugin", make_edition(), make_edition("testfamilie-2031", start=2031)
    )
    rb = loaded(module)
    assert [p.name for p in rb.plugins] == ["my_test_plugin"]
    assert [e.id for e in rb.editions("testfamilie")] == ["testfamilie-2030", "testfamilie-2031"]
    assert rb.edition("testfamilie", on=date(2031, 5, 1)).id == "testfamilie-2031"


def test_a_plugin_with_no_editions() -> None:
    rb = loaded(EditionsPlugin())
    assert rb.families() == ()
    assert rb.plugins == (owr.PluginInfo("EditionsPlugin", None, None, ()),)


def test_direct_plugins_join_the_entry_points() -> None:
    rb = owr.load([EditionsPlugin(make_edition())], only=["cao-po-2021"])
    assert rb.families() == ("cao-po", "testfamilie")
    assert [p.name for p in rb.plugins] == ["EditionsPlugin", "cao-po-2021"]


def test_entry_points_false_ignores_installed_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PLUGINS_ENV, "no-such-plugin")  # not consulted without entry points
    assert owr.load(entry_points=False).families() == ()


# --- only= and ONDERWIJSREGELS_PLUGINS ---------------------------------------------------------


def test_only_restricts_loading() -> None:
    rb = owr.load(only=["cao-po-2021"])
    assert [p.name for p in rb.plugins] == ["cao-po-2021"]
    assert rb.families() == ("cao-po",)
    assert [e.id for e in rb.editions("cao-po")] == ["cao-po-2021"]


def test_the_environment_variable_restricts_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PLUGINS_ENV, " cao-po-2019-2020 , prestatiebox-2019-2020,, ")
    rb = owr.load()
    assert [p.name for p in rb.plugins] == ["cao-po-2019-2020", "prestatiebox-2019-2020"]


def test_an_empty_environment_variable_loads_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PLUGINS_ENV, "  ")
    assert set(BUILT_IN) <= {p.name for p in owr.load().plugins}


def test_only_wins_over_the_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PLUGINS_ENV, "cao-po-2019-2020")
    assert [p.name for p in owr.load(only=["cao-po-2021"]).plugins] == ["cao-po-2021"]


def test_an_unknown_name_in_only_lists_the_installed_plugins() -> None:
    with pytest.raises(owr.PluginError) as caught:
        owr.load(only=["cao-po-2021", "cao-po-2098"])
    error = caught.value
    assert error.plugin == "cao-po-2098"
    assert "not installed" in str(error)
    for name in BUILT_IN:
        assert name in str(error)


def test_an_unknown_name_in_the_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PLUGINS_ENV, "cao-po-2021,geen-plugin")
    with pytest.raises(owr.PluginError, match=PLUGINS_ENV) as caught:
        owr.load()
    assert caught.value.plugin == "geen-plugin"
    assert "installed: " in str(caught.value)
    assert "cao-po-2021" in str(caught.value).split("installed: ")[1]


# --- Broken plugins are PluginErrors naming the plugin ---------------------------------------


def test_duplicate_edition_ids_name_both_plugins() -> None:
    with pytest.raises(owr.PluginError) as caught:
        owr.load([module_plugin("kopieer_plugin", CAO_PO_2021)], only=["cao-po-2021"])
    error = caught.value
    assert error.plugin == "kopieer_plugin"
    assert "'cao-po-2021' is already provided by plugin 'cao-po-2021'" in str(error)


def test_duplicate_edition_ids_between_two_direct_plugins() -> None:
    with pytest.raises(owr.PluginError) as caught:
        loaded(module_plugin("eerste", make_edition()), module_plugin("tweede", make_edition()))
    message = str(caught.value)
    assert "eerste" in message
    assert "tweede" in message
    assert "testfamilie-2030" in message


def test_duplicate_edition_ids_within_one_plugin() -> None:
    with pytest.raises(owr.PluginError, match="testfamilie-2030") as caught:
        loaded(EditionsPlugin(make_edition(), make_edition()))
    assert caught.value.plugin == "EditionsPlugin"


def test_a_hook_that_raises_names_the_plugin() -> None:
    class Kapot:
        @owr.hookimpl
        def onderwijsregels_editions(self) -> Sequence[owr.Edition]:
            raise RuntimeError("database unreachable")

    with pytest.raises(owr.PluginError, match="database unreachable") as caught:
        loaded(Kapot())
    assert caught.value.plugin == "Kapot"
    assert str(caught.value).startswith("plugin 'Kapot'")
    assert isinstance(caught.value.__cause__, RuntimeError)


def test_a_misspelt_hook_fails_at_load_time() -> None:
    class Typo:
        @owr.hookimpl
        def onderwijsregels_editionz(self) -> Sequence[owr.Edition]:
            return (make_edition(),)

    with pytest.raises(owr.PluginError, match="unknown hook") as caught:
        loaded(Typo())
    assert caught.value.plugin == "Typo"
    assert "onderwijsregels_editionz" in str(caught.value)


def test_a_hook_with_arguments_the_spec_does_not_have() -> None:
    class TooMany:
        @owr.hookimpl
        def onderwijsregels_editions(self, year: int) -> Sequence[owr.Edition]:
            return ()

    with pytest.raises(owr.PluginError, match="could not be registered") as caught:
        loaded(TooMany())
    assert caught.value.plugin == "TooMany"


def test_an_implementation_without_the_hooks_arguments_still_works() -> None:
    # The hook has grown an argument (host_version); an implementation written before it, taking
    # none, is called with none: hooks grow by adding arguments.
    rulebook = loaded(EditionsPlugin(make_edition()))
    assert [edition.id for edition in rulebook.editions("testfamilie")] == ["testfamilie-2030"]


def test_an_implementation_naming_an_argument_receives_it() -> None:
    seen: list[str] = []

    class VersionAware:
        @owr.hookimpl
        def onderwijsregels_editions(self, host_version: str) -> Sequence[owr.Edition]:
            seen.append(host_version)
            return (make_edition(),) if host_version else ()

    rulebook = loaded(VersionAware())
    assert seen == [registry.host_version()]
    assert seen[0] == importlib.metadata.version("onderwijsregels")
    assert [edition.id for edition in rulebook.editions("testfamilie")] == ["testfamilie-2030"]


def test_two_plugins_with_one_name() -> None:
    with pytest.raises(owr.PluginError, match="could not be registered") as caught:
        loaded(EditionsPlugin(), EditionsPlugin())
    assert caught.value.plugin == "EditionsPlugin"


@pytest.mark.parametrize(
    "returned",
    [
        pytest.param(None, id="None"),
        pytest.param("cao-po-2021", id="a string"),
        pytest.param(CAO_PO_2021, id="an edition, not a sequence"),
        pytest.param(["cao-po-2021"], id="a list of ids"),
        pytest.param((CAO_PO_2021, 42), id="an edition and a number"),
        pytest.param({"cao-po-2021": CAO_PO_2021}, id="a dict"),
    ],
)
def test_a_hook_returning_something_else_than_editions(returned: object) -> None:
    with pytest.raises(owr.PluginError) as caught:
        loaded(plugin_returning("Verkeerd", returned))
    assert caught.value.plugin == "Verkeerd"
    assert "Edition" in str(caught.value)


def test_two_editions_of_one_family_starting_the_same_day() -> None:
    twin = CAO_PO_2021.derive(
        id="cao-po-2021-tweeling",
        title="A second edition starting on the same day",
        valid_from=CAO_PO_2021.valid_from,
        valid_to=None,
        citation=CITE,
    )
    with pytest.raises(owr.PluginError, match="2021-01-01") as caught:
        owr.load([module_plugin("tweeling_plugin", twin)], only=["cao-po-2021"])
    assert caught.value.plugin == "tweeling_plugin"
    assert "'cao-po-2021'" in str(caught.value)
    assert "'cao-po-2021-tweeling'" in str(caught.value)


def test_same_day_within_one_plugin() -> None:
    with pytest.raises(owr.PluginError, match="both start") as caught:
        loaded(EditionsPlugin(make_edition("testfamilie-a"), make_edition("testfamilie-b")))
    assert caught.value.plugin == "EditionsPlugin"


def test_editions_of_different_families_may_start_the_same_day() -> None:
    rb = loaded(EditionsPlugin(make_edition(), make_edition("anderefamilie-2030", "anderefamilie")))
    assert rb.families() == ("anderefamilie", "testfamilie")


# --- Errors from a plugin installed by a distribution name the distribution -------------------


def test_fake_entry_points_are_loaded_with_their_distribution(
    fake_entry_points: Callable[..., None],
) -> None:
    fake_entry_points(FakeEntryPoint("nep-plugin", module_plugin("nep", make_edition())))
    rb = owr.load()
    assert rb.plugins == (
        owr.PluginInfo("nep-plugin", "fake-dist", "1.2.3", ("testfamilie-2030",)),
    )
    assert rb.provider("testfamilie-2030").source == "fake-dist 1.2.3"


def test_an_entry_point_that_cannot_be_imported(fake_entry_points: Callable[..., None]) -> None:
    fake_entry_points(FakeEntryPoint("nep-plugin", ImportError("No module named 'nep'")))
    with pytest.raises(owr.PluginError, match="could not be imported") as caught:
        owr.load()
    assert caught.value.plugin == "nep-plugin"
    assert caught.value.distribution == "fake-dist 1.2.3"
    assert "(distribution fake-dist 1.2.3)" in str(caught.value)


@pytest.mark.parametrize(
    ("plugin", "problem"),
    [
        pytest.param(plugin_returning("Verkeerd", [42]), "not an Edition", id="non-edition"),
        pytest.param(plugin_returning("Verkeerd", None), "sequence of Edition", id="None"),
        pytest.param(
            types.SimpleNamespace(
                onderwijsregels_editionz=owr.hookimpl(lambda: ()), __name__="typo"
            ),
            "unknown hook",
            id="misspelt hook",
        ),
    ],
)
def test_errors_from_an_entry_point_name_its_distribution(
    fake_entry_points: Callable[..., None], plugin: object, problem: str
) -> None:
    fake_entry_points(FakeEntryPoint("nep-plugin", plugin))
    with pytest.raises(owr.PluginError, match=problem) as caught:
        owr.load()
    assert caught.value.plugin == "nep-plugin"
    assert caught.value.distribution == "fake-dist 1.2.3"
    assert str(caught.value).startswith("plugin 'nep-plugin' (distribution fake-dist 1.2.3): ")


def test_a_raising_hook_from_an_entry_point_names_its_distribution(
    fake_entry_points: Callable[..., None],
) -> None:
    def broken() -> Sequence[owr.Edition]:
        raise RuntimeError("boom")

    module = types.ModuleType("kapot")
    module.onderwijsregels_editions = owr.hookimpl(broken)  # type: ignore[attr-defined]
    fake_entry_points(FakeEntryPoint("nep-plugin", module))
    with pytest.raises(owr.PluginError, match="boom") as caught:
        owr.load()
    assert caught.value.plugin == "nep-plugin"
    assert caught.value.distribution == "fake-dist 1.2.3"


def test_a_duplicate_id_between_distributions_names_both_plugins(
    fake_entry_points: Callable[..., None],
) -> None:
    fake_entry_points(
        FakeEntryPoint("plugin-a", module_plugin("a", make_edition())),
        FakeEntryPoint(
            "plugin-b", module_plugin("b", make_edition()), FakeDistribution("other-dist", "9")
        ),
    )
    with pytest.raises(owr.PluginError) as caught:
        owr.load()
    error = caught.value
    assert {error.plugin, "plugin-a", "plugin-b"} == {"plugin-a", "plugin-b"}
    assert "plugin-a" in str(error)
    assert "plugin-b" in str(error)
    assert error.distribution in {"fake-dist 1.2.3", "other-dist 9"}


def test_same_day_editions_from_an_entry_point_name_its_distribution(
    fake_entry_points: Callable[..., None],
) -> None:
    fake_entry_points(
        FakeEntryPoint(
            "plugin-a",
            module_plugin("a", make_edition("testfamilie-a"), make_edition("testfamilie-b")),
        )
    )
    with pytest.raises(owr.PluginError, match="both start") as caught:
        owr.load()
    assert caught.value.plugin == "plugin-a"
    assert caught.value.distribution == "fake-dist 1.2.3"


# --- The example third-party plugin ----------------------------------------------------------


def test_the_example_plugin_is_picked_up() -> None:
    pytest.importorskip(
        "onderwijsregels_cao_example",
        reason="the example distribution is not installed: "
        "pip install -e examples/plugin-cao-example (the CI script does)",
    )
    rb = owr.load()
    info = rb.provider("cao-po-voorbeeld-2099")
    assert info.name == "cao-po-voorbeeld-2099"
    assert info.distribution == "onderwijsregels-cao-example"
    assert info.version == metadata.version("onderwijsregels-cao-example")
    edition = rb.get("cao-po-voorbeeld-2099")
    assert edition.family == "cao-po"
    assert edition.starts == date(2099, 1, 1)
    # It starts in 2099, so it does not change which edition governs a real year.
    assert rb.edition("cao-po", on=date(2098, 12, 31)).id != "cao-po-voorbeeld-2099"
    assert [p.name for p in owr.load(only=["cao-po-voorbeeld-2099"]).plugins] == [
        "cao-po-voorbeeld-2099"
    ]


def _hooks_found(manager: object, plugin: object) -> list[tuple[str, object]]:
    """The hook implementations a manager finds on a plugin: the hook and the function."""
    assert isinstance(manager, owr_pluggy.PluginManager)
    manager.register(plugin, name="the-plugin")
    return sorted(
        (
            (hook.name, impl.function)
            for hook in manager.get_hookcallers(plugin) or ()
            for impl in hook.get_hookimpls()
        ),
        key=lambda item: item[0],
    )


class _Described:
    """A method descriptor (no function), marked as a hook: older pluggy takes it."""

    def __get__(self, instance: object, owner: object = None) -> object:
        return self

    def __call__(self) -> tuple[owr.Edition, ...]:
        return ()


def test_registering_a_plugin_module_finds_the_hooks_pluggy_finds() -> None:
    # load() passes over a plugin module's attributes that are no routine before pluggy looks
    # each up: the same hooks are found, for the built-in plugins and for a module holding a
    # marked function, staticmethod, classmethod, class, lambda and method descriptor.
    module = types.ModuleType("odd_plugin")
    module.__dict__.update(
        onderwijsregels_editions=owr.hookimpl(lambda: ()),
        onderwijsregels_edition_files=owr.hookimpl(staticmethod(lambda: ())),
        marked_class=owr.hookimpl(type("Marked", (), {})),
        marked_classmethod=owr.hookimpl(classmethod(lambda cls: ())),  # type: ignore[type-var]
        marked_descriptor=owr.hookimpl(_Described()),
        constant=3,
        edition=make_edition(),
        rule=vaste_testwaarde,
        unmarked=lambda: (),
        builtin=len,
    )
    plugins = [module] + [
        importlib.import_module(name)
        for name in ("onderwijsregels_cao_po_2021", "onderwijsregels_prestatiebox_2019_2020")
    ]
    found = []
    for plugin in plugins:
        ours = registry._PluginManager(hookspecs.PROJECT_NAME)
        theirs = owr_pluggy.PluginManager(hookspecs.PROJECT_NAME)
        found.append(_hooks_found(ours, plugin))
        assert found[-1] == _hooks_found(theirs, plugin)
    assert {name for name, _ in found[0]} >= set(registry._HOOKS)
    assert all(found)
