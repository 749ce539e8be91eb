"""The exceptions the public API raises: one hierarchy, two kinds.

Every error is an :class:`OnderwijsregelsError`, so a caller can catch one
class. Below it are two bases:

- :class:`InputError`: the question cannot be answered as asked (bad input, a
  day no edition covers, a value the sources do not give). The caller can act
  on it. Exit code 2 on the command line, HTTP 4xx in a service.
- :class:`DefinitionError`: an edition or plugin is defective (a broken rule, a
  bad edition definition, an unknown source id). The caller cannot fix it.
  Exit code 1, HTTP 500.

Each class carries its ``exit_code`` and ``http_status``, so the command line
and a service map errors in one place. Each also derives from the built-in
exception a Python user would expect (``ValueError`` for bad input,
``LookupError`` for something that is not there), so existing ``except
ValueError`` code keeps working.

>>> try:
...     raise InvalidInputError("werktijdfactor", "must be greater than 0")
... except ValueError as error:
...     print(error, error.exit_code, error.http_status)
werktijdfactor: must be greater than 0 2 422
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import ClassVar

from onderwijsregels.money import format_eur

__all__ = [
    "DefinitionError",
    "EditionDefinitionError",
    "InputError",
    "InvalidInputError",
    "MissingExtraError",
    "NoEditionError",
    "NotEncodedError",
    "OnderwijsregelsError",
    "OverspendingError",
    "PluginError",
    "RuleNotApplicableError",
    "UnknownEditionError",
    "UnknownParameterError",
    "UnknownRuleError",
    "UnknownSourceError",
]


class OnderwijsregelsError(Exception):
    """Base class of every error raised by onderwijsregels."""

    exit_code: ClassVar[int] = 1
    """The command line's exit status for this error."""
    http_status: ClassVar[int] = 500
    """The HTTP status a service answers with for this error."""

    def lines(self, where: str = "") -> list[str]:
        """The message as lines for people; ``where`` (e.g. a file name) prefixes input errors."""
        return [str(self)]


class InputError(OnderwijsregelsError):
    """The question cannot be answered as asked: the caller can act on it (exit 2, HTTP 4xx)."""

    exit_code: ClassVar[int] = 2
    http_status: ClassVar[int] = 400

    def lines(self, where: str = "") -> list[str]:
        return [f"{where}{self}"]


class DefinitionError(OnderwijsregelsError):
    """An edition or plugin is defective: the caller cannot fix it (exit 1, HTTP 500)."""

    exit_code: ClassVar[int] = 1
    http_status: ClassVar[int] = 500


class EditionDefinitionError(DefinitionError, ValueError):
    """An edition, parameter, rule, citation or source that is defined wrongly.

    Raised while a plugin builds its editions (usually at import, so loading
    turns it into a :class:`PluginError` naming the plugin).
    """


class InvalidInputError(InputError, ValueError):
    """Input that does not fit the domain model.

    ``problems`` holds one ``(field, reason)`` pair per bad field; the message
    has one line per pair. ``field`` is a dotted path such as
    ``employees[2].werktijdfactor`` when the input was nested.
    """

    http_status: ClassVar[int] = 422

    def __init__(self, field: str, reason: str, *, more: Sequence[tuple[str, str]] = ()) -> None:
        self.problems: tuple[tuple[str, str], ...] = ((field, reason), *more)
        super().__init__("\n".join(self.lines()))

    def lines(self, where: str = "") -> list[str]:
        """One line per problem, ``field: reason`` (the reason alone for a problem of no one
        field), after ``where``."""
        return [f"{where}{name}: {why}" if name else f"{where}{why}" for name, why in self.problems]

    @property
    def field(self) -> str:
        """The first (often the only) field that was wrong."""
        return self.problems[0][0]

    @property
    def reason(self) -> str:
        """Why the first field was wrong."""
        return self.problems[0][1]

    @classmethod
    def many(cls, problems: Sequence[tuple[str, str]]) -> InvalidInputError:
        """Build one error from several ``(field, reason)`` pairs (at least one)."""
        (field, reason), *rest = problems
        return cls(field, reason, more=rest)

    def within(self, prefix: str) -> InvalidInputError:
        """The same problems, with every field path placed under ``prefix``."""
        return InvalidInputError.many(
            [(f"{prefix}.{name}" if name else prefix, why) for name, why in self.problems]
        )


class NoEditionError(InputError, LookupError):
    """No edition of a rule family governs the requested day.

    Raised for days before the family's first edition; never answered with a
    silent default. ``covered_from`` is the first day any edition governs
    (``None`` when the family has no editions installed at all).
    """

    http_status: ClassVar[int] = 404

    def __init__(self, family: str, day: date, covered_from: date | None) -> None:
        self.family = family
        self.day = day
        self.covered_from = covered_from
        if covered_from is None:
            message = f"no edition of rule family {family!r} is installed"
        else:
            message = (
                f"no edition of rule family {family!r} governs {day.isoformat()}: "
                f"the installed editions cover {covered_from.isoformat()} onwards"
            )
        super().__init__(message)


class NotEncodedError(InputError, LookupError):
    """A value the rules need is not in our sources, so it is not encoded.

    The message says which fact is missing and what is known; the library
    never computes a guess in its place. ``parameter`` is the id of the
    edition parameter that holds the gap (``None`` when the gap is not one
    parameter's), so a plugin author or a caller can supply the value.

    >>> print(NotEncodedError("Directie budget in 2025", "not in our sources",
    ...                       parameter="individueel_budget_directie"))
    Directie budget in 2025 is not encoded yet (parameter 'individueel_budget_directie'): not in our sources
    """

    http_status: ClassVar[int] = 404

    def __init__(self, fact: str, why: str, *, parameter: str | None = None) -> None:
        self.fact = fact
        self.why = why
        self.parameter = parameter
        named = f" (parameter {parameter!r})" if parameter else ""
        super().__init__(f"{fact} is not encoded yet{named}: {why}")


class RuleNotApplicableError(InputError, LookupError):
    """A rule exists for this kind of subject but does not apply to this one."""

    http_status: ClassVar[int] = 404

    def __init__(self, rule_id: str, reason: str) -> None:
        self.rule_id = rule_id
        self.reason = reason
        super().__init__(f"rule {rule_id!r} does not apply: {reason}")


class UnknownRuleError(InputError, KeyError):
    """A rule id that no evaluated edition defines.

    Also a ``KeyError``, as a missing key of a mapping should be (an
    :class:`~onderwijsregels.evaluate.Evaluation` is a ``Mapping``).
    """

    http_status: ClassVar[int] = 404

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""

    def __init__(self, rule_id: str, known: Sequence[str]) -> None:
        self.rule_id = rule_id
        self.known = tuple(known)
        import difflib  # here: importing the library does not need it

        close = difflib.get_close_matches(str(rule_id), self.known, n=1, cutoff=0.8)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        super().__init__(
            f"no rule {rule_id!r} in this evaluation{hint}; known rules: "
            f"{', '.join(self.known) or 'none'}"
        )


class UnknownParameterError(InputError, LookupError):
    """A parameter id that an edition does not define."""

    http_status: ClassVar[int] = 404

    def __init__(self, edition: str, parameter: str, known: Sequence[str]) -> None:
        self.edition = edition
        self.parameter = parameter
        self.known = tuple(known)
        super().__init__(
            f"edition {edition!r} has no parameter {parameter!r}; its parameters: "
            f"{', '.join(self.known) or 'none'}"
        )


class UnknownEditionError(InputError, LookupError):
    """A family or edition id that no installed plugin provides."""

    http_status: ClassVar[int] = 404

    def __init__(self, what: str, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(f"unknown {what} {name!r}; installed: {', '.join(self.known) or 'none'}")


class UnknownSourceError(DefinitionError, LookupError):
    """A source id that the shipped source register does not hold."""

    def __init__(self, source_id: str, known: Sequence[str]) -> None:
        self.source_id = source_id
        self.known = tuple(known)
        close = [item for item in self.known if item.split("-")[0] == source_id.split("-")[0]]
        hint = f"; similar: {', '.join(close[:8])}" if close else ""
        super().__init__(
            f"unknown source id {source_id!r}; give an id from the source register{hint}, "
            "or pass a Source object"
        )


class PluginError(DefinitionError):
    """A plugin that could not be loaded or that broke a rule of the host.

    ``plugin`` is the plugin's name (its entry-point name, or the object's name
    when passed to :func:`onderwijsregels.load` directly; ``None`` where not yet
    known), ``distribution`` the installed distribution that provides it, with
    its version, and ``edition`` the edition concerned, if any.

    >>> print(PluginError("cao-po-2099", "acme-cao 1.0", "rule 'x' raised", edition="cao-po-2099"))
    plugin 'cao-po-2099' (distribution acme-cao 1.0), edition 'cao-po-2099': rule 'x' raised
    """

    def __init__(
        self,
        plugin: str | None,
        distribution: str | None,
        problem: str,
        *,
        edition: str | None = None,
    ) -> None:
        self.plugin = plugin
        self.distribution = distribution
        self.problem = problem
        self.edition = edition
        parts = []
        if plugin is not None:
            parts.append(f"plugin {plugin!r}")
            if distribution:
                parts[-1] += f" (distribution {distribution})"
        if edition is not None:
            parts.append(f"edition {edition!r}")
        super().__init__(f"{', '.join(parts) or 'a plugin'}: {problem}")

    def naming(self, plugin: str | None, distribution: str | None) -> PluginError:
        """The same error with the plugin that provides its edition filled in."""
        return PluginError(plugin, distribution, self.problem, edition=self.edition)

    @classmethod
    def combined(cls, errors: Sequence[PluginError], advice: str) -> PluginError:
        """One error for one or more broken plugins, followed by ``advice`` (what to do).

        With one error, that error with the advice added; with several, ``plugin`` and
        ``distribution`` list them all (comma-separated) and the message has a line per
        plugin.

        >>> one = PluginError("a", "acme 1.0", "could not be imported: boom")
        >>> two = PluginError("b", None, "onderwijsregels_editions raised ValueError()")
        >>> print(PluginError.combined([one, two], "Set X=c to load c alone."))
        2 plugins could not be loaded:
        - plugin 'a' (distribution acme 1.0): could not be imported: boom
        - plugin 'b': onderwijsregels_editions raised ValueError()
        Set X=c to load c alone.
        >>> PluginError.combined([one, two], "").plugin
        'a, b'
        """
        if not errors:
            raise ValueError("combined() needs at least one PluginError")
        if len(errors) == 1:
            (only,) = errors
            problem = f"{only.problem}\n{advice}" if advice else only.problem
            return cls(only.plugin, only.distribution, problem, edition=only.edition)
        lines = [f"{len(errors)} plugins could not be loaded:", *(f"- {item}" for item in errors)]
        if advice:
            lines.append(advice)
        distributions = dict.fromkeys(item.distribution for item in errors if item.distribution)
        found = cls(
            ", ".join(item.plugin or "(unnamed)" for item in errors),
            ", ".join(distributions) or None,
            "\n".join(lines[1:]),
        )
        Exception.__init__(found, "\n".join(lines))
        return found


class OverspendingError(InputError, ValueError):
    """A spending larger than the money available on its day; the ledger is unchanged.

    ``spending`` is the refused spending (a :class:`~onderwijsregels.ledger.Spending`),
    ``available`` the money available on its day and ``tranches`` what each
    tranche held.
    """

    http_status: ClassVar[int] = 422

    def __init__(self, spending: object, available: Decimal, tranches: Sequence[str]) -> None:
        self.spending = spending
        self.available = available
        self.tranches = tuple(tranches)
        listed = "; ".join(self.tranches) or "none"
        amount = getattr(spending, "amount", None)
        day = getattr(spending, "day", None)
        what = getattr(spending, "description", None) or getattr(
            getattr(spending, "kind", None), "value", ""
        )
        shown = format_eur(amount) if isinstance(amount, Decimal) else repr(amount)
        on = day.isoformat() if isinstance(day, date) else repr(day)
        super().__init__(
            f"spending of {shown} on {on} ({what}) exceeds the {format_eur(available)} "
            f"available that day; tranches: {listed}"
        )


class MissingExtraError(InputError, ImportError):
    """An optional feature whose library is not installed; ``extra`` names what installs it.

    For example a pandas frame of a batch without pandas: ``pip install
    'onderwijsregels[batch]'``. The caller can act on it (install the extra), so it is an
    input error (exit 2, HTTP 400).
    """

    def __init__(self, module: str, extra: str, feature: str) -> None:
        self.module = module
        self.extra = extra
        super().__init__(
            f"{feature} needs {module}, which is not installed; install it with "
            f"pip install 'onderwijsregels[{extra}]'"
        )
