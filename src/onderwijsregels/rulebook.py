"""The Rulebook: every installed edition, loaded through the plugin manager.

:func:`load` finds plugins through the entry-point group ``onderwijsregels``
(the built-in editions included, exactly like a third party's), registers
them with :mod:`pluggy`, checks every hook implementation against the specs,
and asks each plugin for its editions. The plugin manager lives only inside
:func:`load`; the resulting :class:`Rulebook` is immutable.

Set ``ONDERWIJSREGELS_PLUGINS`` to a comma-separated list of entry-point names
to load only those plugins.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from importlib import metadata
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as distribution_version
from typing import Any

import attrs
import pluggy

from onderwijsregels import hookspecs
from onderwijsregels.contracts import violations
from onderwijsregels.diff import EditionDiff, diff_editions
from onderwijsregels.editions import Edition, edition_on
from onderwijsregels.errors import (
    InputError,
    InvalidInputError,
    NoEditionError,
    PluginError,
    UnknownEditionError,
)
from onderwijsregels.evaluate import EditionUse, Evaluation
from onderwijsregels.model import Employee, School
from onderwijsregels.periods import Period, SchoolYear, period_from
from onderwijsregels.plan import Plan, RecordError
from onderwijsregels.sources import register

__all__ = ["PLUGINS_ENV", "PluginInfo", "Rulebook", "load"]

PLUGINS_ENV = "ONDERWIJSREGELS_PLUGINS"
"""Environment variable: comma-separated entry-point names to load (all when unset)."""


@attrs.frozen
class PluginInfo:
    """A loaded plugin: its name, the distribution providing it, and its editions."""

    name: str
    distribution: str | None
    version: str | None
    editions: tuple[str, ...]

    @property
    def source(self) -> str:
        """``distribution version``, or a note that it was passed in directly."""
        if self.distribution is None:
            return "passed to load() directly"
        return f"{self.distribution} {self.version}"


@attrs.frozen
class Rulebook:
    """Every installed edition, by family, ready to evaluate.

    >>> import onderwijsregels as owr
    >>> from datetime import date
    >>> rb = owr.load()
    >>> rb.edition("cao-po", on=date(2021, 3, 1)).id
    'cao-po-2021'
    >>> [edition.id for edition in rb.editions("cao-po")][:2]
    ['cao-po-2019-2020', 'cao-po-2021']
    """

    _by_family: Mapping[str, tuple[Edition, ...]] = attrs.field(alias="by_family")
    plugins: tuple[PluginInfo, ...] = ()
    _plans: dict[tuple[object, ...], Plan] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )
    """Plans already resolved (the rulebook never changes, so they stay valid)."""

    def families(self) -> tuple[str, ...]:
        """Every family with at least one installed edition, sorted."""
        return tuple(sorted(self._by_family))

    def editions(self, family: str) -> tuple[Edition, ...]:
        """The editions of ``family``, oldest first."""
        if not isinstance(family, str):
            raise InvalidInputError(
                "family", f"must be a family id such as 'cao-po', got {family!r}"
            )
        try:
            return self._by_family[family]
        except KeyError:
            raise UnknownEditionError("rule family", family, self.families()) from None

    def edition(self, family: str, on: date) -> Edition:
        """The edition of ``family`` in force on ``on`` (nawerking included)."""
        return edition_on(self.editions(family), family, _check_day(on))

    def get(self, edition_id: str) -> Edition:
        """The edition with this id, from any family."""
        if not isinstance(edition_id, str):
            raise InvalidInputError("edition", f"must be an edition id, got {edition_id!r}")
        for editions in self._by_family.values():
            for edition in editions:
                if edition.id == edition_id:
                    return edition
        known = [edition.id for editions in self._by_family.values() for edition in editions]
        raise UnknownEditionError("edition", edition_id, known)

    def derive(self, base: str, **changes: Any) -> Edition:
        """A successor of the installed edition ``base`` (by id): :meth:`Edition.derive` by name.

        For an edition written as data (or in a scenario) that derives from an
        installed one without importing its plugin.

        >>> import onderwijsregels as owr
        >>> from datetime import date
        >>> rb = owr.load()
        >>> later = rb.derive("cao-po-2025-2027", id="cao-po-2099-test", title="Test",
        ...                   valid_from=date(2099, 1, 1), valid_to=None,
        ...                   citation=rb.get("cao-po-2025-2027").citation)
        >>> later.derives_from, later.family
        ('cao-po-2025-2027', 'cao-po')
        """
        return self.get(base).derive(**changes)

    def provider(self, edition_id: str) -> PluginInfo:
        """The plugin that provides an edition."""
        for plugin in self.plugins:
            if edition_id in plugin.editions:
                return plugin
        raise UnknownEditionError(
            "edition", edition_id, [e for p in self.plugins for e in p.editions]
        )

    def diff(self, before: str, after: str) -> EditionDiff:
        """Every rule added, removed or changed from edition ``before`` to ``after`` (by id)."""
        first, second = self.get(before), self.get(after)
        if first.family != second.family:
            raise InvalidInputError(
                "after",
                f"{after!r} is an edition of {second.family!r}, {before!r} of {first.family!r}; "
                "compare editions of one family",
            )
        return diff_editions(first, second)

    def families_for(self, kind: type[Employee] | type[School]) -> tuple[str, ...]:
        """The families with rules for this kind of subject."""
        return tuple(
            family
            for family in self.families()
            if any(
                issubclass(kind, rule.subject) for e in self.editions(family) for rule in e.rules
            )
        )

    def evaluate(
        self,
        subject: Employee | School,
        *,
        year: int | None = None,
        on: date | None = None,
        school_year: str | SchoolYear | None = None,
        families: Sequence[str] | str | None = None,
    ) -> Evaluation:
        """Evaluate every rule for ``subject`` in one period.

        Give exactly one of ``year`` (a calendar year), ``on`` (a day) or
        ``school_year`` (``"2021-2022"``). Each family's edition is the one in
        force on the period's first day. ``families`` restricts the families
        (default: every family with rules for this kind of subject); a family
        with no edition on that day raises NoEditionError. Uses the cached
        :meth:`plan` for this kind of subject and period.
        """
        if not isinstance(subject, Employee | School):
            raise InvalidInputError(
                "subject", f"must be an Employee or a School, got {type(subject).__name__}"
            )
        plan = self.plan(
            type(subject), year=year, on=on, school_year=school_year, families=families
        )
        try:
            return plan.evaluate(subject)
        except PluginError as error:
            raise self._named(error) from error

    def plan(
        self,
        kind: type[Employee] | type[School],
        *,
        year: int | None = None,
        on: date | None = None,
        school_year: str | SchoolYear | None = None,
        families: Sequence[str] | str | None = None,
    ) -> Plan:
        """The editions and rules for ``kind`` of subject in one period, resolved once and kept.

        The period and ``families`` are given as for :meth:`evaluate`. The plan
        is cached on the rulebook (which never changes), so evaluating many
        subjects resolves editions once. Run it with :meth:`Plan.run`.
        """
        if kind not in (Employee, School):
            raise InvalidInputError("kind", f"must be Employee or School, got {kind!r}")
        if on is not None:
            _check_day(on)
        period = period_from(year=year, on=on, school_year=school_year)
        if isinstance(families, str):
            families = (families,)
        if families is not None and not tuple(families):
            raise InvalidInputError("families", "give at least one family, or leave it out")
        chosen = tuple(families) if families is not None else self.families_for(kind)
        key = (kind, period, chosen)
        found = self._plans.get(key)
        if found is None:
            found = self._plans[key] = self._make_plan(kind, period, chosen)
        return found

    def run(
        self,
        subjects: Iterable[Employee | School],
        *,
        year: int | None = None,
        on: date | None = None,
        school_year: str | SchoolYear | None = None,
        families: Sequence[str] | str | None = None,
    ) -> Iterator[Evaluation | RecordError]:
        """Evaluate many subjects in one period: per subject an Evaluation or a RecordError.

        Employees and schools may be mixed; each kind gets its plan. A kind with
        no edition on the day gives a RecordError for each of its subjects.

        >>> import onderwijsregels as owr
        >>> from decimal import Decimal
        >>> rb = owr.load()
        >>> bad = owr.Employee(function=owr.Function.DIRECTEUR, werktijdfactor=Decimal("1"), scale="D11")
        >>> good = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("1"))
        >>> [type(r).__name__ for r in rb.run([bad, good], on=date(2025, 8, 1), families="cao-po")]
        ['RecordError', 'Evaluation']
        """
        for index, subject in enumerate(subjects):
            if not isinstance(subject, Employee | School):
                error = InvalidInputError(
                    "subject", f"must be an Employee or a School, got {type(subject).__name__}"
                )
                yield RecordError(index, subject, error)
                continue
            try:
                plan = self.plan(
                    type(subject), year=year, on=on, school_year=school_year, families=families
                )
                yield plan.evaluate(subject)
            except InputError as error:
                yield RecordError(index, subject, error)
            except PluginError as error:
                raise self._named(error) from error

    def _make_plan(
        self, kind: type[Employee] | type[School], period: Period, chosen: tuple[str, ...]
    ) -> Plan:
        day = period.reference_day
        if not chosen:
            raise NoEditionError(f"(any family with rules for {kind.__name__})", day, None)
        uses = []
        for family in chosen:
            editions = self.editions(family)
            edition = edition_on(editions, family, day)
            later = tuple(other for other in editions if day < other.starts <= period.end)
            uses.append(
                EditionUse(family, edition, day, edition.is_nawerking(day), later_in_period=later)
            )
        return Plan(kind, period, tuple(uses))

    def _named(self, error: PluginError) -> PluginError:
        """``error`` with the plugin that provides its edition filled in, when it lacks one."""
        if error.plugin is not None or error.edition is None:
            return error
        for plugin in self.plugins:
            if error.edition in plugin.editions:
                source = f"{plugin.distribution} {plugin.version}" if plugin.distribution else None
                return error.naming(plugin.name, source)
        return error


def _check_day(day: object) -> date:
    if not isinstance(day, date) or isinstance(day, datetime):
        raise InvalidInputError("on", f"must be a datetime.date, got {day!r}")
    return day


def host_version() -> str:
    """The installed onderwijsregels version (``"unknown"`` when run from a bare source tree)."""
    try:
        return distribution_version(hookspecs.PROJECT_NAME)
    except PackageNotFoundError:
        return "unknown"


def _selection(only: Iterable[str] | None) -> frozenset[str] | None:
    if only is not None:
        return frozenset(only)
    text = os.environ.get(PLUGINS_ENV, "").strip()
    if not text:
        return None
    return frozenset(name.strip() for name in text.split(",") if name.strip())


def _distribution(entry_point: metadata.EntryPoint) -> tuple[str | None, str | None]:
    dist = entry_point.dist
    if dist is None:
        return None, None
    return dist.name, dist.version


def load(
    plugins: Iterable[object] = (),
    *,
    entry_points: bool = True,
    only: Iterable[str] | None = None,
) -> Rulebook:
    """Load every installed edition into a :class:`Rulebook`.

    ``plugins`` are extra plugin objects (modules or instances with hook
    implementations), registered after the entry points; handy in tests.
    ``entry_points=False`` skips installed plugins. ``only`` (or the
    ``ONDERWIJSREGELS_PLUGINS`` variable) names the entry points to load.
    """
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    sources: dict[str, tuple[str | None, str | None]] = {}

    def register(plugin: object, name: str, dist: tuple[str | None, str | None]) -> None:
        label = f"{dist[0]} {dist[1]}" if dist[0] else None
        try:
            manager.register(plugin, name=name)
        except (pluggy.PluginValidationError, ValueError) as error:
            raise PluginError(name, label, f"could not be registered: {error}") from error
        sources[name] = dist

    selected = _selection(only)
    if entry_points:
        found = sorted(metadata.entry_points(group=hookspecs.PROJECT_NAME), key=lambda ep: ep.name)
        if selected is not None:
            unknown = selected - {ep.name for ep in found}
            if unknown:
                raise PluginError(
                    ", ".join(sorted(unknown)),
                    None,
                    f"named in {PLUGINS_ENV} or only= but not installed; installed: "
                    + ", ".join(ep.name for ep in found),
                )
        for entry_point in found:
            if selected is not None and entry_point.name not in selected:
                continue
            dist = _distribution(entry_point)
            try:
                plugin = entry_point.load()
            except Exception as error:
                label = f"{dist[0]} {dist[1]}" if dist[0] else None
                raise PluginError(
                    entry_point.name, label, f"could not be imported: {error}"
                ) from error
            register(plugin, entry_point.name, dist)
    for plugin in plugins:
        name = str(getattr(plugin, "__name__", None) or type(plugin).__name__)
        register(plugin, name, (None, None))
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as error:
        name = manager.get_name(error.plugin) or repr(error.plugin)
        dist = sources.get(name, (None, None))
        label = f"{dist[0]} {dist[1]}" if dist[0] else None
        raise PluginError(name, label, f"implements an unknown hook: {error}") from error
    return _collect(manager, sources)


def _borrowed_source_id(edition: Edition) -> str | None:
    """A message when a citation's own Source reuses an id of the shipped register."""
    shipped = register()
    for citation in edition.citations:
        found = shipped.get(citation.read_at.id)
        if found is not None and found != citation.read_at:
            return (
                f"a citation's source {citation.read_at.id!r} reuses an id of the shipped source "
                "register with other details; cite the register's source by its id, or give "
                "your own source another id"
            )
    return None


def _collect(
    manager: pluggy.PluginManager, sources: Mapping[str, tuple[str | None, str | None]]
) -> Rulebook:
    by_id: dict[str, tuple[Edition, str]] = {}
    infos: list[PluginInfo] = []
    arguments = {"host_version": host_version()}
    for impl in manager.hook.onderwijsregels_editions.get_hookimpls():
        name = impl.plugin_name
        dist, version = sources.get(name, (None, None))
        label = f"{dist} {version}" if dist else None
        try:
            # The pluggy way: each implementation gets the hook's arguments it names, so hooks
            # can grow by adding arguments without breaking older plugins.
            provided = impl.function(*(arguments[argname] for argname in impl.argnames))
        except Exception as error:
            raise PluginError(name, label, f"onderwijsregels_editions raised {error!r}") from error
        if isinstance(provided, str | bytes) or not isinstance(provided, Sequence):
            raise PluginError(
                name, label, "onderwijsregels_editions must return a sequence of Edition"
            )
        for edition in provided:
            if not isinstance(edition, Edition):
                raise PluginError(name, label, f"returned {edition!r}, which is not an Edition")
            clash = _borrowed_source_id(edition)
            if clash is not None:
                raise PluginError(name, label, clash, edition=edition.id)
            broken = violations(edition.family, edition.rules)
            if broken:
                raise PluginError(
                    name,
                    label,
                    "breaks the contract of its family: " + "; ".join(broken),
                    edition=edition.id,
                )
            if edition.id in by_id:
                other = by_id[edition.id][1]
                raise PluginError(
                    name,
                    label,
                    f"edition id {edition.id!r} is already provided by plugin {other!r}",
                )
            by_id[edition.id] = (edition, name)
        infos.append(PluginInfo(name, dist, version, tuple(e.id for e in provided)))
    families: dict[str, list[Edition]] = {}
    for edition, _ in by_id.values():
        families.setdefault(edition.family, []).append(edition)
    ordered: dict[str, tuple[Edition, ...]] = {}
    for family, editions in sorted(families.items()):
        editions.sort(key=lambda edition: edition.starts)
        for earlier, later in itertools.pairwise(editions):
            if earlier.starts == later.starts:
                name = by_id[later.id][1]
                dist, version = sources.get(name, (None, None))
                raise PluginError(
                    name,
                    f"{dist} {version}" if dist else None,
                    f"editions {earlier.id!r} (plugin {by_id[earlier.id][1]!r}) and {later.id!r} "
                    f"of family {family!r} both start on {later.starts.isoformat()}",
                )
        ordered[family] = tuple(editions)
    return Rulebook(by_family=ordered, plugins=tuple(sorted(infos, key=lambda info: info.name)))
