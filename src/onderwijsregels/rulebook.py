"""The Rulebook: every installed edition, loaded through the plugin manager.

:func:`load` finds plugins through the entry-point group ``onderwijsregels``
(the built-in editions included, exactly like a third party's), registers
them with :mod:`pluggy`, checks every hook implementation against the specs,
and asks each plugin for its editions. The plugin manager lives only inside
:func:`load`; the resulting :class:`Rulebook` is immutable.

Set ``ONDERWIJSREGELS_PLUGINS`` to a comma-separated list of entry-point names
to load only those plugins.

Editions written as data (:mod:`onderwijsregels.data_editions`) come from the
files passed as ``load(edition_files=[...])`` and from plugins that ship files
through the hook ``onderwijsregels_edition_files``; each derives from an
edition loaded before it, by id.

A registered plugin that implements no hook provides nothing: it is listed in
:attr:`Rulebook.warnings` (``load(strict=True)`` makes it a broken plugin).

A broken plugin (one that cannot be imported, whose hook fails, or whose
editions break a rule of the host or clash with another plugin's) is a
:class:`~onderwijsregels.errors.PluginError` naming the plugin and its
distribution. ``load(broken="collect")`` loads the healthy plugins instead and
lists the broken ones in :attr:`Rulebook.broken`;
:meth:`Rulebook.check_healthy` raises them as one error.
"""

from __future__ import annotations

import inspect
import os
import types
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

import attrs
import pluggy

from onderwijsregels import hookspecs, installed
from onderwijsregels.citations import Citation
from onderwijsregels.contracts import violations
from onderwijsregels.convert import items_argument, names_argument, shown
from onderwijsregels.editions import Edition, edition_on
from onderwijsregels.errors import (
    EditionDefinitionError,
    InputError,
    InvalidInputError,
    NoEditionError,
    PluginError,
    UnknownEditionError,
    UnknownRuleError,
)
from onderwijsregels.i18n import Message
from onderwijsregels.model import Employee, School, not_a_subject
from onderwijsregels.periods import Period, SchoolYear, period_from
from onderwijsregels.receipt import EditionSource
from onderwijsregels.sources import register

if TYPE_CHECKING:
    from onderwijsregels.batch import Batch
    from onderwijsregels.data_editions import EditionFile, EditionFileProblems
    from onderwijsregels.diff import EditionDiff
    from onderwijsregels.evaluate import Evaluation
    from onderwijsregels.installed import InstalledEntryPoint
    from onderwijsregels.plan import Plan, RecordError

__all__ = [
    "PLUGINS_ENV",
    "BrokenMode",
    "BrokenPlugin",
    "PluginInfo",
    "PluginWarning",
    "Rulebook",
    "load",
]

PLUGINS_ENV = "ONDERWIJSREGELS_PLUGINS"
"""Environment variable: comma-separated entry-point names to load (all when unset)."""

CORE_DISTRIBUTION = hookspecs.PROJECT_NAME
"""The distribution of the built-in editions: in a clash with another plugin, the other is named."""

_Dist = tuple[str | None, str | None]
"""A plugin's distribution and version (``(None, None)`` for a plugin passed in directly)."""


def _label(dist: _Dist) -> str | None:
    """``distribution version``, as :class:`~onderwijsregels.errors.PluginError` names it."""
    return f"{dist[0]} {dist[1]}" if dist[0] else None


def _source(dist: _Dist) -> str:
    label = _label(dist)
    return f"distribution {label}" if label else "passed to load() directly"


class _FromDistribution:
    """Something a plugin provides, shown with its distribution and version."""

    __slots__ = ()
    distribution: str | None
    version: str | None

    @property
    def source(self) -> str:
        """``distribution version``, or a note that it was passed in directly."""
        if self.distribution is None:
            return "passed to load() directly"
        return f"{self.distribution} {self.version}"


@attrs.frozen
class PluginInfo(_FromDistribution):
    """A loaded plugin: its name, the distribution providing it, and its editions."""

    name: str
    distribution: str | None
    version: str | None
    editions: tuple[str, ...]


@attrs.frozen
class BrokenPlugin(_FromDistribution):
    """A plugin that could not be loaded: its name, distribution and version, and why.

    ``error`` is the :class:`~onderwijsregels.errors.PluginError` that
    ``load()`` would have raised for it (its ``__cause__`` is the plugin's own
    exception, if any). Found in :attr:`Rulebook.broken` after
    ``load(broken="collect")``.
    """

    name: str
    distribution: str | None
    version: str | None
    error: PluginError


@attrs.frozen
class PluginWarning(_FromDistribution):
    """A plugin that loaded but may not do what its author meant: its name and why.

    Today: a plugin registered under the entry-point group that implements no
    hook, so it provides nothing (often a hook function without the
    ``@onderwijsregels.hookimpl`` marker). Found in :attr:`Rulebook.warnings`;
    ``load(strict=True)`` makes it a broken plugin instead.
    """

    name: str
    distribution: str | None
    version: str | None
    message: str


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
    broken: tuple[BrokenPlugin, ...] = ()
    """The plugins that could not be loaded (only with ``load(broken="collect")``)."""
    warnings: tuple[PluginWarning, ...] = ()
    """Plugins that loaded but implement no hook (see :class:`PluginWarning`)."""
    _plans: dict[tuple[object, ...], Plan] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )
    """Plans already resolved (the rulebook never changes, so they stay valid)."""
    _cell_checks: dict[object, tuple[dict[Any, Any], ...]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )
    """Per table shape, the cells of tables already checked (see ``Batch``): a cell's check
    depends on its column alone, never on a period or an edition, so every batch of the same
    shape on this rulebook shares them."""

    def _checks_for(self, shape: object) -> tuple[dict[Any, Any], ...]:
        """The shared check caches of tables of ``shape`` (made on first use)."""
        found = self._cell_checks.get(shape)
        if found is None:
            if len(self._cell_checks) >= 64:  # a bound: shapes are few, but come from input
                self._cell_checks.clear()
            found = self._cell_checks.setdefault(shape, ({}, {}, {}, {}))
        return found

    def check_healthy(self) -> None:
        """Raise one PluginError naming every broken plugin; return when there is none.

        A rulebook loaded with ``load(broken="collect")`` holds the editions of
        the healthy plugins and lists the others in :attr:`broken`. This raises
        them as one :class:`~onderwijsregels.errors.PluginError`: each plugin
        with its distribution and its problem, and how to load without them
        (set ``ONDERWIJSREGELS_PLUGINS`` to the plugins that did load).
        """
        if not self.broken:
            return
        raise PluginError.combined([item.error for item in self.broken], self._without_broken())

    def _without_broken(self) -> str:
        """What to do about the broken plugins: which plugins to select, what to uninstall."""
        healthy = [plugin.name for plugin in self.plugins if plugin.distribution is not None]
        them = "it" if len(self.broken) == 1 else "them"
        if healthy:
            advice = (
                f"To load the other plugins without {them}, set {PLUGINS_ENV}="
                f"{','.join(healthy)} (the plugins that did load)"
            )
        else:
            advice = f"No other installed plugin loaded; fix {them}"
        distributions = [
            item.distribution
            for item in self.broken
            if item.distribution and item.distribution != CORE_DISTRIBUTION
        ]
        if distributions:
            advice += f", or uninstall {', '.join(dict.fromkeys(distributions))}"
        if any(item.distribution is None for item in self.broken):
            advice += "; leave a plugin passed to load() directly out of plugins="
        return advice + "."

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

    def scenario(
        self,
        name: str,
        *,
        values: Mapping[str, object],
        from_: date,
        citation: Citation | str | Mapping[str, Citation | str],
    ) -> Rulebook:
        """This rulebook with ``values`` applying from ``from_``: a what-if scenario.

        :func:`onderwijsregels.scenarios.scenario` with this rulebook; every outcome that uses a
        supplied value says so, and is an interpretation at most.

        >>> import onderwijsregels as owr
        >>> from decimal import Decimal
        >>> rb = owr.load()
        >>> what_if = rb.scenario("oop-600", values={"individueel_budget_op_oop": Decimal("600")},
        ...                       from_=date(2027, 1, 1), citation="A made-up what-if figure")
        >>> juf = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("0.6"))
        >>> what_if.evaluate(juf, year=2027)["individueel_budget"].value
        Decimal('360.00')
        """
        from onderwijsregels.scenarios import scenario  # the one rulebook -> scenarios import

        return scenario(self, name, values=values, from_=from_, citation=citation)

    def provider(self, edition_id: str) -> PluginInfo:
        """The plugin that provides an edition (an edition file passed to load() has none)."""
        for plugin in self.plugins:
            if edition_id in plugin.editions:
                return plugin
        raise UnknownEditionError(
            "edition", edition_id, [e for p in self.plugins for e in p.editions]
        )

    def edition_source(self, edition_id: str) -> EditionSource:
        """Where an edition came from, for receipts: its plugin's distribution and version, and
        for an edition written as data its file and the file's SHA-256.

        >>> import onderwijsregels as owr
        >>> source = owr.load().edition_source("cao-po-2021")
        >>> source.distribution, source.file
        ('onderwijsregels', None)
        """
        edition = self.get(edition_id)
        plugin = next((item for item in self.plugins if edition_id in item.editions), None)
        return EditionSource(
            edition.id,
            edition.family,
            plugin.distribution if plugin else None,
            plugin.version if plugin else None,
            edition.source_file,
            edition.source_sha256,
        )

    def export_edition(
        self, edition_id: str, *, id: str | None = None, derives_from: str | None = None
    ) -> str:
        """An installed edition written as an edition file (YAML), to load with ``edition_files``.

        The file derives from ``derives_from`` (by id); by default from the edition's own
        base when the edition adds no rule of its own (so the file stands in for it), and
        otherwise from the edition itself, which then needs a new ``id``. ``id`` is the id
        written (default: the edition's own; load such a file without the plugin that
        provides the edition). Every parameter is written with all its dated values and
        citations, so loading the file gives the same results.

        >>> import onderwijsregels as owr
        >>> text = owr.load().export_edition("cao-po-2025-2027")
        >>> "derives_from: cao-po-2024-2025" in text
        True
        """
        from onderwijsregels.data_editions import dump_edition, edition_data, expressible

        edition = self.get(edition_id)
        if derives_from is None:
            base, why = self._data_base(edition)
        else:
            base, why = self.get(derives_from), None
            problem = expressible(edition, base)
            if problem is not None:
                raise InvalidInputError(
                    "derives_from",
                    f"{problem}; export it deriving from {edition.id!r} itself, with a new id",
                )
        new_id = edition.id if id is None else id
        if new_id == base.id:
            raise InvalidInputError(
                "id",
                f"{why or f'the file derives from {base.id!r}'}; so a data file of it derives "
                f"from {base.id!r} itself, reusing its rules, and needs an id of its own: give "
                "one (id=, or --id)",
            )
        try:
            data = edition_data(edition, base, id=new_id)
        except EditionDefinitionError as error:
            raise InvalidInputError("derives_from", str(error)) from None
        header = [
            f"{data['title']}: edition {new_id!r}, written as data by onderwijsregels "
            f"{host_version()} from the installed edition {edition.id!r}.",
            f"Its rules are those of {base.id!r}; its values and citations are below.",
            "Load it with onderwijsregels.load(edition_files=[...]) or --edition-file FILE.",
        ]
        if any(new_id == known.id for known in self.editions(edition.family)):
            header.append(
                f"Its id is that of the installed edition {new_id!r}: load it where that edition "
                "is not installed (ONDERWIJSREGELS_PLUGINS), or export it with an id (--id) and "
                "dates of its own."
            )
        return dump_edition(data, header=header)

    def _data_base(self, edition: Edition) -> tuple[Edition, str | None]:
        """The edition a data file of ``edition`` derives from by default, and why not its base."""
        if edition.derives_from is None:
            return edition, f"{edition.id!r} derives from no edition"
        parent = self._find(edition.derives_from)
        if parent is None:
            return edition, f"the base of {edition.id!r}, {edition.derives_from!r}, is not loaded"
        from onderwijsregels.data_editions import expressible

        problem = expressible(edition, parent)
        if problem is not None:
            return edition, problem
        return parent, None

    def _find(self, edition_id: str) -> Edition | None:
        for editions in self._by_family.values():
            for edition in editions:
                if edition.id == edition_id:
                    return edition
        return None

    def diff(self, before: str, after: str) -> EditionDiff:
        """Every rule added, removed or changed from edition ``before`` to ``after`` (by id)."""
        from onderwijsregels.diff import diff_editions  # on first use: loading does not need it

        first, second = self.get(before), self.get(after)
        if first.family != second.family:
            raise InvalidInputError(
                "after",
                f"{after!r} is an edition of {second.family!r}, {before!r} of {first.family!r}; "
                "compare editions of one family",
            )
        return diff_editions(first, second)

    def rule_ids(self) -> tuple[str, ...]:
        """Every rule id some installed edition defines, for any kind of subject, sorted.

        >>> "individueel_budget" in load().rule_ids()
        True
        """
        return tuple(
            sorted(
                {
                    rule.id
                    for family in self.families()
                    for edition in self.editions(family)
                    for rule in edition.rules
                }
            )
        )

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
        rules: Sequence[str] | str | None = None,
    ) -> Evaluation:
        """Evaluate every rule for ``subject`` in one period.

        Give exactly one of ``year`` (a calendar year), ``on`` (a day) or
        ``school_year`` (``"2021-2022"``). Each family's edition is the one in
        force on the period's first day. ``families`` restricts the families
        (default: every family with rules for this kind of subject); a family
        with no edition on that day raises NoEditionError. ``rules`` restricts
        the work to those rule ids (see :meth:`plan`). Uses the cached
        :meth:`plan` for this kind of subject and period.
        """
        if not isinstance(subject, Employee | School):
            raise not_a_subject(subject)
        plan = self.plan(
            type(subject),
            year=year,
            on=on,
            school_year=school_year,
            families=families,
            rules=rules,
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
        rules: Sequence[str] | str | None = None,
    ) -> Plan:
        """The editions and rules for ``kind`` of subject in one period, resolved once and kept.

        The period and ``families`` are given as for :meth:`evaluate`. ``rules``
        (one id or several) limits the plan to those rules; without
        ``families`` it then uses only the families that define them. Rules
        of the other kind of subject are left out (so one ``rules`` serves a
        board of employees and schools); when none is left the plan evaluates
        nothing. A rule id that no edition of those families defines for any
        kind is an :class:`~onderwijsregels.errors.UnknownRuleError`; one that the edition
        in force on the reference day lacks (a rule removed by a later
        edition, or not yet added) is an
        :class:`~onderwijsregels.errors.InvalidInputError` on ``rules`` that
        names that edition. The plan is cached on the rulebook (which never
        changes), so evaluating many subjects resolves editions once and its
        memo serves later calls (see :class:`~onderwijsregels.plan.Plan`).
        Run it with :meth:`Plan.run`.
        """
        if kind not in (Employee, School):
            raise InvalidInputError("kind", f"must be Employee or School, got {kind!r}")
        if on is not None:
            _check_day(on)
        period = period_from(year=year, on=on, school_year=school_year)
        families = names_argument(families, "families")
        if families is not None and not tuple(families):
            raise InvalidInputError("families", "give at least one family, or leave it out")
        wanted = names_argument(rules, "rules")
        if wanted is not None and not wanted:
            raise InvalidInputError("rules", "give at least one rule id, or leave it out")
        given = tuple(families) if families is not None else None
        selection = None if wanted is None else frozenset(wanted)
        key = (kind, period, given, selection)
        found = self._plans.get(key)  # first, so a call for a known plan does no other work
        if found is None:
            chosen = given if given is not None else self.families_for(kind)
            if selection is not None:
                chosen, selection = self._families_with(kind, chosen, selection, given is None)
            if selection is not None and not selection:
                from onderwijsregels.plan import Plan

                # Only rules for the other kind of subject were asked for: nothing to evaluate.
                found = Plan(kind, period, (), selection)
            else:
                found = self._make_plan(kind, period, chosen, selection)
            self._plans[key] = found
        return found

    def _families_with(
        self,
        kind: type[Employee] | type[School],
        chosen: tuple[str, ...],
        wanted: frozenset[str],
        narrow: bool,
    ) -> tuple[tuple[str, ...], frozenset[str]]:
        """The families of ``chosen`` that define a wanted rule for ``kind`` (all of ``chosen``
        unless ``narrow``), and the wanted rules that are rules for ``kind``. A rule id that
        no family of ``chosen`` defines for any kind of subject raises UnknownRuleError."""
        defines: dict[str, set[str]] = {}
        known: set[str] = set()
        families = chosen if not narrow else tuple(self.families())
        for family in families:
            for edition in self.editions(family):
                for rule in edition.rules:
                    known.add(rule.id)
                    if family in chosen and issubclass(kind, rule.subject):
                        defines.setdefault(rule.id, set()).add(family)
        for rule_id in sorted(wanted):
            if rule_id not in known:  # named with the rules for this kind of subject
                raise UnknownRuleError(rule_id, sorted(defines) or sorted(known))
        mine = frozenset(rule for rule in wanted if rule in defines)
        if not narrow:
            return chosen, mine
        return tuple(family for family in chosen if any(family in defines[r] for r in mine)), mine

    def run(
        self,
        subjects: Iterable[Employee | School],
        *,
        year: int | None = None,
        on: date | None = None,
        school_year: str | SchoolYear | None = None,
        families: Sequence[str] | str | None = None,
        rules: Sequence[str] | str | None = None,
    ) -> Iterator[Evaluation | RecordError]:
        """Evaluate many subjects in one period: per subject an Evaluation or a RecordError.

        Employees and schools may be mixed; each kind gets its plan. A kind with
        no edition on the day gives a RecordError for each of its subjects; an error
        of the call itself (a rule the editions in force lack, a period) is raised.

        >>> import onderwijsregels as owr
        >>> from decimal import Decimal
        >>> rb = owr.load()
        >>> bad = owr.Employee(function=owr.Function.DIRECTEUR, werktijdfactor=Decimal("1"), scale="D11")
        >>> good = owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal("1"))
        >>> [type(r).__name__ for r in rb.run([bad, good], on=date(2025, 8, 1), families="cao-po")]
        ['RecordError', 'Evaluation']
        """
        from onderwijsregels.plan import RecordError

        families = names_argument(families, "families")
        for index, subject in enumerate(subjects):
            if not isinstance(subject, Employee | School):
                error = not_a_subject(subject)
                yield RecordError(index, subject, error)
                continue
            try:
                plan = self.plan(
                    type(subject),
                    year=year,
                    on=on,
                    school_year=school_year,
                    families=families,
                    rules=rules,
                )
            except NoEditionError as error:  # this kind of subject has no rules on the day
                yield RecordError(index, subject, error)
                continue
            # any other error of the plan is about the call (a rule, the period): raised
            try:
                yield plan.evaluate(subject)
            except InputError as error:
                yield RecordError(index, subject, error)
            except PluginError as error:
                raise self._named(error) from error

    @overload
    def evaluate_many(
        self,
        subjects: Iterable[Employee | School] | object,
        *,
        year: int | None = ...,
        on: date | None = ...,
        school_year: str | SchoolYear | None = ...,
        families: Sequence[str] | str | None = ...,
        rules: Sequence[str] | str | None = ...,
        errors: Literal["raise"] = ...,
        keep: Sequence[str] = ...,
        decimal_comma: bool = ...,
    ) -> Batch[Evaluation]: ...
    @overload
    def evaluate_many(
        self,
        subjects: Iterable[Employee | School] | object,
        *,
        year: int | None = ...,
        on: date | None = ...,
        school_year: str | SchoolYear | None = ...,
        families: Sequence[str] | str | None = ...,
        rules: Sequence[str] | str | None = ...,
        errors: Literal["collect"],
        keep: Sequence[str] = ...,
        decimal_comma: bool = ...,
    ) -> Batch[Evaluation | RecordError]: ...

    def evaluate_many(
        self,
        subjects: Iterable[Employee | School] | object,
        *,
        year: int | None = None,
        on: date | None = None,
        school_year: str | SchoolYear | None = None,
        families: Sequence[str] | str | None = None,
        rules: Sequence[str] | str | None = None,
        errors: Literal["raise", "collect"] = "raise",
        keep: Sequence[str] = (),
        decimal_comma: bool = False,
    ) -> Batch[Any]:
        """Evaluate many subjects in one period: a :class:`~onderwijsregels.batch.Batch`.

        ``subjects`` is any iterable of Employee or School objects (streamed:
        an iterator is never held in memory), or a table: a mapping of column
        name to cells, a list of records (one dict per row), an iterator of records
        (``csv.DictReader``: streamed, its columns the first record's keys), or a pandas,
        polars or pyarrow table (columns as in
        :mod:`onderwijsregels.columns`; ``keep`` names extra columns to copy
        to the output). The period, ``families`` and ``rules`` are as for
        :meth:`evaluate`. Iterate the batch for one Evaluation per subject in
        input order, or ask it for rows, records or a frame. A subject that
        cannot be evaluated raises an InvalidInputError naming its row and
        field; with ``errors="collect"`` it gives a RecordError instead.
        ``decimal_comma=True`` reads a werktijdfactor written with a decimal comma
        (``0,6``), as in a CSV file with semicolons between the cells (as Excel saves
        CSV in Dutch); without it such a cell is refused, never guessed.

        >>> import onderwijsregels as owr
        >>> from decimal import Decimal
        >>> rb = owr.load()
        >>> staff = [owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal(f)) for f in ("1", "0.5")]
        >>> [ev["individueel_budget"].value for ev in rb.evaluate_many(staff, year=2020)]
        [Decimal('600.00'), Decimal('300.00')]
        """
        from onderwijsregels.batch import Batch  # a convenience for onderwijsregels.batch

        return Batch(
            self,
            subjects,
            year=year,
            on=on,
            school_year=school_year,
            families=families,
            rules=rules,
            errors=errors,
            keep=keep,
            decimal_comma=decimal_comma,
        )

    def evaluate_row(
        self,
        table: object,
        row: int,
        *,
        year: int | None = None,
        on: date | None = None,
        school_year: str | SchoolYear | None = None,
        families: Sequence[str] | str | None = None,
        rules: Sequence[str] | str | None = None,
        keep: Sequence[str] = (),
    ) -> Evaluation:
        """The Evaluation of one row of a table, read as :meth:`evaluate_many` reads it.

        ``row`` is the row's position (0 for the first, as the ``index`` column of a batch's
        table and its errors count); ``table`` and the other arguments are as for
        :meth:`evaluate_many`. This is how to explain one row of a batch's output: the
        rulebook's plan keeps what the batch learnt, so the value is a lookup or a replay,
        and the steps are worked out for this one row when asked for (``explain()``). A bad
        cell raises an InvalidInputError naming ``row N`` and the column.

        >>> import onderwijsregels as owr
        >>> rb = owr.load()
        >>> export = {"function": ["leraar", "oop"], "werktijdfactor": ["0.6", "1"]}
        >>> rb.evaluate_row(export, 1, year=2020, rules="individueel_budget")["individueel_budget"].value
        Decimal('600.00')
        """
        from onderwijsregels.batch import one_row
        from onderwijsregels.evaluate import Evaluation

        batch = self.evaluate_many(
            one_row(table, row),
            year=year,
            on=on,
            school_year=school_year,
            families=families,
            rules=rules,
            keep=keep,
        )
        try:
            (evaluation,) = batch
        except InvalidInputError as error:
            raise InvalidInputError.many(
                [
                    (f"row {row}{where.removeprefix('row 0')}", why)
                    if where == "row 0" or where.startswith("row 0.")
                    else (where, why)
                    for where, why in error.problems
                ]
            ) from None
        assert isinstance(evaluation, Evaluation)
        return evaluation

    def _make_plan(
        self,
        kind: type[Employee] | type[School],
        period: Period,
        chosen: tuple[str, ...],
        selection: frozenset[str] | None = None,
    ) -> Plan:
        # Evaluating is imported when the first plan is made: loading the rules does not need it.
        from onderwijsregels.evaluate import EditionUse
        from onderwijsregels.plan import Plan

        day = period.reference_day
        if not chosen:
            raise NoEditionError(f"(any family with rules for {kind.__name__})", day, None)
        uses = []
        for family in chosen:
            editions = self.editions(family)
            edition = edition_on(editions, family, day)
            later = tuple(other for other in editions if day < other.starts <= period.end)
            uses.append(
                EditionUse(
                    family,
                    edition,
                    day,
                    edition.is_nawerking(day),
                    later_in_period=later,
                    subject_notes=_data_notes(edition),
                    source=self.edition_source(edition.id),
                )
            )
        plan = Plan(kind, period, tuple(uses), selection)
        if selection is not None:
            missing = sorted(selection - set(plan.rule_ids))
            if missing:
                names = ", ".join(use.edition.id for use in uses)
                raise InvalidInputError(
                    "rules",
                    "; ".join(
                        f"{rule_id!r} is not a rule of the edition in force on "
                        f"{day.isoformat()} ({names}); {self._where_defined(rule_id, chosen)}"
                        for rule_id in missing
                    ),
                )
        return plan

    def _where_defined(self, rule_id: str, families: Sequence[str]) -> str:
        """Which editions of ``families`` define ``rule_id`` (runs of editions in order) and
        the edition after each run, which dropped it: where to look for what became of it."""
        runs: list[str] = []
        for family in families:
            editions = self.editions(family)
            at = 0
            while at < len(editions):
                if rule_id not in editions[at].rule_ids:
                    at += 1
                    continue
                first = at
                while at + 1 < len(editions) and rule_id in editions[at + 1].rule_ids:
                    at += 1
                last = editions[at].id
                run = last if first == at else f"{editions[first].id} to {last}"
                if at + 1 < len(editions):
                    after = editions[at + 1].id
                    run += (
                        f" ({after} dropped it: `onderwijsregels diff {last} {after}` shows "
                        "what changed)"
                    )
                runs.append(run)
                at += 1
        if not runs:
            return "a later or earlier edition defines it"
        return f"it is a rule of {' and of '.join(runs)}"

    def _named(self, error: PluginError) -> PluginError:
        """``error`` with the plugin that provides its edition filled in, when it lacks one."""
        if error.plugin is not None or error.edition is None:
            return error
        for plugin in self.plugins:
            if error.edition in plugin.editions:
                source = f"{plugin.distribution} {plugin.version}" if plugin.distribution else None
                return error.naming(plugin.name, source)
        return error


def _data_notes(edition: Edition) -> tuple[str, ...]:
    """The note every result under an edition written as data carries."""
    if edition.source_file is None:
        return ()
    return (
        Message(
            "Data edition: {title} ({id}) was read from the file {file}; its values and "
            "citations come from that file, its rules from {base}.",
            title=edition.title,
            id=edition.id,
            file=edition.source_file,
            base=str(edition.derives_from),
        ),
    )


def _check_day(day: object) -> date:
    if not isinstance(day, date) or isinstance(day, datetime):
        raise InvalidInputError("on", f"must be a datetime.date, got {day!r}")
    return day


def host_version() -> str:
    """The installed onderwijsregels version (``"unknown"`` when run from a bare source tree)."""
    from importlib import metadata  # on first use: it imports the email package

    try:
        return metadata.version(hookspecs.PROJECT_NAME)
    except metadata.PackageNotFoundError:
        return "unknown"


def _selection(only: Iterable[str] | None) -> frozenset[str] | None:
    if only is not None:
        return frozenset(only)
    text = os.environ.get(PLUGINS_ENV, "").strip()
    if not text:
        return None
    return frozenset(name.strip() for name in text.split(",") if name.strip())


def _distribution(entry_point: InstalledEntryPoint) -> tuple[str | None, str | None]:
    dist = entry_point.dist
    if dist is None:
        return None, None
    return dist.name, dist.version


class _PluginManager(pluggy.PluginManager):
    """pluggy's plugin manager, passing over the classes, constants, editions and rules of a
    plugin module before pluggy's own lookup of each attribute (the slow part of registering).

    A value in a plain module's ``__dict__`` that is no routine (function, method, built-in,
    staticmethod, classmethod or other method descriptor) is not a hook implementation to any
    pluggy version: pluggy finds that same value (or a descriptor of the module type, no
    function either) and skips it. Everything else is pluggy's to decide.
    """

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        if type(plugin) is types.ModuleType:
            value = plugin.__dict__.get(name, _NOTHING)
            if value is not _NOTHING and not inspect.isroutine(value):
                return None
        return super().parse_hookimpl_opts(plugin, name)


_NOTHING = object()


BrokenMode = Literal["raise", "collect"]
"""What :func:`load` does with a broken plugin: raise its PluginError, or collect it."""


class _Loading:
    """The broken plugins one :func:`load` call found; raised at once unless collecting."""

    def __init__(self, mode: BrokenMode) -> None:
        self.collect = mode == "collect"
        self.broken: list[BrokenPlugin] = []
        self.sources: dict[str, _Dist] = {}

    def fail(
        self,
        name: str,
        dist: _Dist,
        problem: str,
        *,
        edition: str | None = None,
        cause: BaseException | None = None,
    ) -> None:
        """The plugin ``name`` is broken: raise its PluginError, or keep it when collecting."""
        error = PluginError(name, _label(dist), problem, edition=edition)
        if not self.collect:
            raise error from cause
        error.__cause__ = cause
        self.broken.append(BrokenPlugin(name, dist[0], dist[1], error))


def _raised(error: BaseException) -> str:
    """What a plugin raised, for a message: its text, or the exception for SystemExit and kin."""
    if isinstance(error, Exception):
        return str(error) or repr(error)
    return f"it raised {error!r}, which would have ended the process"


def load(
    plugins: Iterable[object] = (),
    *,
    entry_points: bool = True,
    only: Iterable[str] | None = None,
    broken: BrokenMode = "raise",
    edition_files: Iterable[PathLike[str] | str] = (),
    strict: bool = False,
) -> Rulebook:
    """Load every installed edition into a :class:`Rulebook`.

    ``plugins`` are extra plugin objects (modules or instances with hook
    implementations), registered after the entry points; handy in tests.
    ``entry_points=False`` skips installed plugins. ``only`` (or the
    ``ONDERWIJSREGELS_PLUGINS`` variable) names the entry points to load.

    A broken plugin raises a :class:`~onderwijsregels.errors.PluginError`
    naming it and its distribution (``broken="raise"``, the default). With
    ``broken="collect"`` the rulebook holds the editions of the healthy
    plugins and lists the broken ones in :attr:`Rulebook.broken`; call
    :meth:`Rulebook.check_healthy` to raise them. A name in ``only`` that is
    not installed is not a broken plugin: it raises either way.

    ``edition_files`` are edition files (YAML or JSON) to load too, each an
    edition written as data that derives from an edition loaded from a plugin
    or an earlier file (see :mod:`onderwijsregels.data_editions`). A file that
    cannot be read, does not fit, derives from an edition that is not loaded,
    or overlaps another edition of its family is an
    :class:`~onderwijsregels.errors.InvalidInputError` naming the file, the
    place in it and the line, whatever ``broken`` says.

    A plugin that implements no hook is listed in :attr:`Rulebook.warnings`;
    with ``strict=True`` it is a broken plugin.
    """
    if broken not in ("raise", "collect"):
        raise InvalidInputError("broken", f"must be 'raise' or 'collect', got {broken!r}")
    if not isinstance(strict, bool):
        raise InvalidInputError("strict", f"must be True or False, got {shown(strict)}")
    files = _paths(edition_files)
    plugins = items_argument(plugins, "plugins", "plugin objects (modules or instances)")
    only = names_argument(only, "only")
    loading = _Loading(broken)
    sources = loading.sources
    manager = _PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)

    def register(plugin: object, name: str, dist: _Dist) -> None:
        try:
            manager.register(plugin, name=name)
        except KeyboardInterrupt:
            raise
        except BaseException as error:
            loading.fail(name, dist, f"could not be registered: {_raised(error)}", cause=error)
            return
        sources[name] = dist

    selected = _selection(only)
    if entry_points:
        found = sorted(installed.entry_points(group=hookspecs.PROJECT_NAME), key=lambda ep: ep.name)
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
            except KeyboardInterrupt:
                raise
            except BaseException as error:  # SystemExit too: a plugin must not end the process
                loading.fail(
                    entry_point.name, dist, f"could not be imported: {_raised(error)}", cause=error
                )
                continue
            register(plugin, entry_point.name, dist)
    for plugin in plugins:
        name = str(getattr(plugin, "__name__", None) or type(plugin).__name__)
        register(plugin, name, (None, None))
    while True:
        try:
            manager.check_pending()
        except pluggy.PluginValidationError as error:
            name = manager.get_name(error.plugin) or repr(error.plugin)
            dist = sources.pop(name, (None, None))
            loading.fail(name, dist, f"implements an unknown hook: {error}", cause=error)
            manager.unregister(error.plugin)  # collecting: check the others
            continue
        break
    return _collect(manager, loading, files, strict=strict)


def _paths(value: object) -> tuple[Path, ...]:
    """The ``edition_files`` argument as paths: a list of paths or texts, nothing else."""
    items = items_argument(value, "edition_files", "paths of edition files")
    for index, item in enumerate(items):
        if not isinstance(item, str | PathLike) or not str(item):
            raise InvalidInputError(
                f"edition_files[{index}]", f"must be a path or a text, got {shown(item)}"
            )
    return tuple(Path(item) for item in items)  # type: ignore[arg-type]


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


def _is_core(dist: _Dist) -> bool:
    name = dist[0]
    return name is not None and name.lower().replace("_", "-") == CORE_DISTRIBUTION


def _origin(name: str, sources: Mapping[str, _Dist]) -> str:
    """Who answers for a plugin's editions: its distribution, or the plugin passed in directly."""
    dist = sources.get(name, (None, None))[0]
    return f"distribution {dist}" if dist else f"plugin {name}"


_HOOKS = ("onderwijsregels_editions", "onderwijsregels_edition_files")
"""The hooks a plugin may implement (it implements at least one)."""

_FILE_OWNER = "<edition file> "
"""How an edition file passed to load() is named as the owner of its edition."""


def _no_hook(plugin: object) -> str:
    """The warning for a plugin that implements no hook, with a hint when one is unmarked."""
    unmarked = [
        name
        for name in _HOOKS
        if callable(inspect.getattr_static(plugin, name, None))
        or callable(getattr(plugin, name, None))
    ]
    text = (
        "implements no hook of onderwijsregels (onderwijsregels_editions or "
        "onderwijsregels_edition_files), so it provides no edition"
    )
    if unmarked:
        text += (
            f"; its {', '.join(unmarked)} is not marked with @onderwijsregels.hookimpl, so it "
            "is not called"
        )
    return text


class _HookArguments(dict[str, object]):
    """The hooks' arguments, each worked out when a plugin first names it (``host_version``
    reads the package metadata, which no shipped plugin asks for)."""

    def __missing__(self, name: str) -> object:
        if name != "host_version":
            raise KeyError(name)
        value = self[name] = host_version()
        return value


def _collect(
    manager: pluggy.PluginManager,
    loading: _Loading,
    files: Sequence[Path] = (),
    *,
    strict: bool = False,
) -> Rulebook:
    sources = loading.sources
    arguments = _HookArguments()
    warnings: list[PluginWarning] = []
    for name, dist in list(sources.items()):
        plugin = manager.get_plugin(name)
        if plugin is None or manager.get_hookcallers(plugin):
            continue
        problem = _no_hook(plugin)
        if strict:
            loading.fail(name, dist, problem)
        else:
            warnings.append(PluginWarning(name, dist[0], dist[1], problem))
    provided: dict[str, tuple[Edition, ...]] = {}
    for impl in manager.hook.onderwijsregels_editions.get_hookimpls():
        editions = _editions_of(impl, arguments, loading)
        if editions is not None:
            provided[impl.plugin_name] = editions
    shipped: dict[str, tuple[EditionFile, ...]] = {}
    for impl in manager.hook.onderwijsregels_edition_files.get_hookimpls():
        found = _files_of(impl, arguments, loading)
        if found is not None:
            shipped[impl.plugin_name] = found
    broken = {item.name for item in loading.broken}
    healthy = [name for name in sources if name not in broken]  # in the order registered
    # The built-in editions first, so in a clash with another plugin the other is the newcomer.
    healthy.sort(key=lambda item: not _is_core(sources.get(item, (None, None))))
    by_id: dict[str, tuple[Edition, str]] = {}
    owned: dict[str, list[str]] = {}
    for name in healthy:
        if name not in provided:
            continue
        dist = sources.get(name, (None, None))
        clash = _clash(name, provided[name], by_id, sources)
        if clash is not None:
            problem, edition_id = clash
            loading.fail(name, dist, problem, edition=edition_id)
            continue
        by_id.update((edition.id, (edition, name)) for edition in provided[name])
        owned[name] = [edition.id for edition in provided[name]]
    pending = [
        (name, file)
        for name in healthy
        if name in owned or name not in provided
        for file in shipped.get(name, ())
    ]
    pending += [(f"{_FILE_OWNER}{file}", _read_user_file(file)) for file in files]
    _add_data_editions(pending, by_id, owned, loading)
    families: dict[str, list[Edition]] = {}
    for edition, _ in by_id.values():
        families.setdefault(edition.family, []).append(edition)
    ordered = {
        family: tuple(sorted(editions, key=lambda edition: edition.starts))
        for family, editions in sorted(families.items())
    }
    broken = {item.name for item in loading.broken}
    infos = [
        PluginInfo(name, *sources.get(name, (None, None)), tuple(owned.get(name, ())))
        for name in healthy
        if name not in broken
    ]
    return Rulebook(
        by_family=ordered,
        plugins=tuple(sorted(infos, key=lambda info: info.name)),
        broken=tuple(sorted(loading.broken, key=lambda item: item.name)),
        warnings=tuple(sorted(warnings, key=lambda item: item.name)),
    )


def _read_user_file(path: Path) -> EditionFile:
    """An edition file passed to load(): read, or an InvalidInputError naming the file."""
    from onderwijsregels.data_editions import EditionFileProblems, read_edition_file

    try:
        return read_edition_file(path)
    except EditionFileProblems as problems:
        raise problems.file.input_error(problems) from None


def _add_data_editions(
    pending: list[tuple[str, EditionFile]],
    by_id: dict[str, tuple[Edition, str]],
    owned: dict[str, list[str]],
    loading: _Loading,
) -> None:
    """Build the editions written as data, each once the edition it derives from is loaded.

    A file a plugin ships that does not fit makes the plugin broken (its other editions are
    dropped too); a file passed to load() that does not fit raises an InvalidInputError.
    """
    if not pending:
        return
    from onderwijsregels.data_editions import EditionFileProblems  # only for edition files

    sources = loading.sources
    while pending:
        ready = [item for item in pending if item[1].derives_from in by_id]
        if not ready:
            break
        for owner, file in ready:
            pending.remove((owner, file))
            if owner in {item.name for item in loading.broken}:
                continue
            base = by_id[file.derives_from][0]
            try:
                edition = file.build(base)
            except EditionFileProblems as problems:
                _file_failed(owner, file, problems, by_id, owned, loading)
                continue
            problem = _edition_problem(edition, {})
            where: tuple[str, ...] = ("remove",) if "remove" in file.data else ()
            if problem is None:
                problem = _clash(owner, [edition], by_id, sources)
                where = ("id",) if problem and "already provided" in problem[0] else ("valid_from",)
            if problem is not None:
                reason = problem[0]
                if owner.startswith(_FILE_OWNER) and where == ("id",):
                    reason += (
                        "; give this edition an id of its own, or load without that plugin "
                        f"({PLUGINS_ENV} or only=)"
                    )
                failed = EditionFileProblems(file, [(where, reason, False)])
                _file_failed(owner, file, failed, by_id, owned, loading)
                continue
            by_id[edition.id] = (edition, owner)
            owned.setdefault(owner, []).append(edition.id)
    for owner, file in pending:
        if owner in {item.name for item in loading.broken}:
            continue
        known = sorted(by_id)
        waiting = {item.id for _, item in pending}
        also = (
            " (an edition file that waits for it in turn)" if file.derives_from in waiting else ""
        )
        missing = EditionFileProblems(
            file,
            [
                (
                    ("derives_from",),
                    f"names {file.derives_from!r}{also}, which is not loaded; loaded editions: "
                    f"{', '.join(known) or 'none'}",
                    False,
                )
            ],
        )
        _file_failed(owner, file, missing, by_id, owned, loading)


def _file_failed(
    owner: str,
    file: EditionFile,
    problems: EditionFileProblems,
    by_id: dict[str, tuple[Edition, str]],
    owned: dict[str, list[str]],
    loading: _Loading,
) -> None:
    """An edition file that does not fit: the caller's input, or its plugin's fault."""
    if owner.startswith(_FILE_OWNER):
        raise file.input_error(problems)
    dist = loading.sources.get(owner, (None, None))
    for edition_id in owned.pop(owner, []):
        by_id.pop(edition_id, None)
    loading.fail(owner, dist, f"edition file {file.plugin_problem(problems)}", edition=file.id)


def _files_of(
    impl: pluggy.HookImpl, arguments: Mapping[str, object], loading: _Loading
) -> tuple[EditionFile, ...] | None:
    """The edition files one plugin ships, read; ``None`` if the plugin is broken."""
    from onderwijsregels.data_editions import EditionFileProblems, read_edition_file

    name = impl.plugin_name
    dist = loading.sources.get(name, (None, None))
    hook = "onderwijsregels_edition_files"
    values = [arguments[argname] for argname in impl.argnames]
    try:
        provided: object = impl.function(*values)
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # SystemExit too: a plugin must not end the process
        why = "" if isinstance(error, Exception) else ", which would have ended the process"
        loading.fail(name, dist, f"{hook} raised {error!r}{why}", cause=error)
        return None
    if isinstance(provided, str | bytes | PathLike) or not isinstance(provided, Sequence):
        loading.fail(
            name,
            dist,
            f"{hook} must return a sequence of paths, not {type(provided).__name__}: it "
            f"returned {shown(provided)}",
        )
        return None
    found = []
    for item in provided:
        if not isinstance(item, str | PathLike) or not str(item):
            loading.fail(name, dist, f"{hook} returned {shown(item)}, which is not a path")
            return None
        path = Path(item)
        if not path.is_absolute():
            loading.fail(
                name,
                dist,
                f"{hook} returned the relative path {str(item)!r}, which would depend on the "
                "working directory; return an absolute path, e.g. "
                "Path(__file__).parent / 'edition.yaml'",
            )
            return None
        try:
            found.append(read_edition_file(path))
        except InvalidInputError as error:
            loading.fail(name, dist, f"edition file {error}", cause=error)
            return None
        except EditionFileProblems as problems:
            loading.fail(name, dist, f"edition file {problems.file.plugin_problem(problems)}")
            return None
    return tuple(found)


def _editions_of(
    impl: pluggy.HookImpl, arguments: Mapping[str, object], loading: _Loading
) -> tuple[Edition, ...] | None:
    """The editions one plugin's hook provides, each checked on its own; ``None`` if broken."""
    name = impl.plugin_name
    dist = loading.sources.get(name, (None, None))
    # The pluggy way: each implementation gets the hook's arguments it names, so hooks can
    # grow by adding arguments without breaking older plugins.
    values = [arguments[argname] for argname in impl.argnames]
    try:
        provided: object = impl.function(*values)
        is_sequence = isinstance(provided, Sequence) and not isinstance(provided, str | bytes)
        editions: tuple[object, ...] = (
            tuple(provided) if is_sequence and isinstance(provided, Sequence) else ()
        )
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # SystemExit too: a plugin must not end the process
        why = "" if isinstance(error, Exception) else ", which would have ended the process"
        loading.fail(name, dist, f"onderwijsregels_editions raised {error!r}{why}", cause=error)
        return None
    if not is_sequence:
        single = isinstance(provided, Edition)
        what = f"the edition {provided.id!r}" if isinstance(provided, Edition) else shown(provided)
        loading.fail(
            name,
            dist,
            "onderwijsregels_editions must return a sequence of Edition, "
            f"not {type(provided).__name__}: it returned {what}"
            + ("; return a tuple of it, (EDITION,)" if single else ""),
        )
        return None
    seen: dict[str, Edition] = {}
    for edition in editions:
        try:
            problem = _edition_problem(edition, seen)
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # an edition too odd to check is a broken plugin too
            loading.fail(name, dist, f"checking its editions raised {error!r}", cause=error)
            return None
        if problem is not None:
            loading.fail(name, dist, problem[0], edition=problem[1])
            return None
        assert isinstance(edition, Edition)
        seen[edition.id] = edition
    return tuple(seen.values())


def _edition_problem(edition: object, seen: Mapping[str, Edition]) -> tuple[str, str | None] | None:
    """What is wrong with one edition of a plugin, and the edition to name; ``None`` if fine."""
    if not isinstance(edition, Edition):
        shown = repr(edition)
        shown = shown if len(shown) <= 80 else shown[:77] + "..."
        return f"returned {shown}, which is not an Edition", None
    clash = _borrowed_source_id(edition)
    if clash is not None:
        return clash, edition.id
    broken = violations(edition.family, edition.rules)
    if broken:
        return "breaks the contract of its family: " + "; ".join(broken), edition.id
    if edition.id in seen:
        return f"provides edition id {edition.id!r} twice", None
    for other in seen.values():
        if other.family == edition.family and other.starts == edition.starts:
            return (
                f"editions {other.id!r} and {edition.id!r} of family {edition.family!r} both "
                f"start on {edition.starts.isoformat()}",
                None,
            )
    return None


def _clash(
    name: str,
    editions: Sequence[Edition],
    accepted: Mapping[str, tuple[Edition, str]],
    sources: Mapping[str, _Dist],
) -> tuple[str, str | None] | None:
    """How the editions of plugin ``name`` clash with those already accepted; ``None`` if not.

    The plugin ``name`` is the newcomer: the problem is worded as its. Editions of one
    distribution may overlap (the built-in chain relies on nawerking); editions of two
    may not, unless one declares that it supersedes the other.
    """
    mine = _origin(name, sources)
    for edition in editions:
        if edition.id in accepted:
            owner = accepted[edition.id][1]
            return (
                f"edition id {edition.id!r} is already provided by {_describe(owner, sources)}",
                None,
            )
        for other, owner in accepted.values():
            if other.family != edition.family:
                continue
            where = _describe(owner, sources)
            if other.starts == edition.starts:
                return (
                    f"editions {other.id!r} ({where}) and {edition.id!r} of family "
                    f"{edition.family!r} both start on {edition.starts.isoformat()}",
                    None,
                )
            if _origin(owner, sources) == mine:
                continue
            problem = _overlap_problem(
                edition, other, where, as_data=edition.source_file is not None
            )
            if problem is not None:
                return problem, edition.id
    return None


def _describe(owner: str, sources: Mapping[str, _Dist]) -> str:
    """Who provides an edition, for a message: a plugin with its distribution, or a file."""
    if owner.startswith(_FILE_OWNER):
        return f"the edition file {owner.removeprefix(_FILE_OWNER)}"
    return f"plugin {owner!r} ({_source(sources.get(owner, (None, None)))})"


def _span(first: date, last: date | None) -> str:
    return f"{first.isoformat()} to {last.isoformat() if last else 'open'}"


def _declaring(other: Edition, as_data: bool, *, where: bool = True) -> str:
    """How to declare that an edition supersedes ``other``: in Python, or in an edition file."""
    if as_data:
        return f"supersedes: [{other.id}] in the edition file"
    return f"supersedes={{{other.id!r}}}" + (", on Edition or in derive()" if where else "")


def _overlap_problem(
    edition: Edition, other: Edition, where: str, *, as_data: bool = False
) -> str | None:
    """Why ``edition`` may not overlap ``other`` (of another distribution); ``None`` if it may."""
    days = edition.overlap(other)
    if days is None:
        return None
    if other.id in edition.supersedes or edition.id in other.supersedes:
        newer, older = (edition, other) if other.id in edition.supersedes else (other, edition)
        if newer.starts > older.starts:
            return None
        return (
            f"edition {newer.id!r} supersedes {older.id!r} "
            f"but starts before it ({newer.starts.isoformat()}, {older.starts.isoformat()}), so "
            f"{older.id!r} would still govern from {older.starts.isoformat()}: an edition "
            "governs from its start until a later one starts. A superseding edition must start "
            "after the edition it supersedes"
        )
    later = edition if edition.starts > other.starts else other
    text = (
        f"its days ({_span(edition.starts, edition.valid_to)}) overlap edition {other.id!r} "
        f"({_span(other.starts, other.valid_to)}) of family {edition.family!r} from {where} "
        f"on {_span(*days)}, where {later.id!r} would silently govern (the newest edition that "
        "started governs)"
    )
    if edition.starts > other.starts:
        advice = (
            f"if it replaces {other.id!r} on those days, declare that it supersedes it "
            f"({_declaring(other, as_data)})"
        )
        if other.valid_to is not None:
            advice += f"; otherwise start it after {other.valid_to.isoformat()}"
    else:
        advice = (
            f"end it before {other.starts.isoformat()} (valid_to); or, if it replaces "
            f"{other.id!r}, start it after {other.starts.isoformat()} and declare that it "
            f"supersedes it ({_declaring(other, as_data, where=False)})"
        )
    return f"{text}. {advice[0].upper()}{advice[1:]}"
