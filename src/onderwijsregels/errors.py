"""The exceptions the public API raises.

Every error is an :class:`OnderwijsregelsError`, so a caller can catch one
class. Each subclass also derives from the built-in exception a Python user
would expect (``ValueError`` for bad input, ``LookupError`` for something that
is not there), so existing ``except ValueError`` code keeps working.

>>> try:
...     raise InvalidInputError("werktijdfactor", "must be greater than 0")
... except ValueError as error:
...     print(error)
werktijdfactor: must be greater than 0
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

__all__ = [
    "InvalidInputError",
    "NoEditionError",
    "NotEncodedError",
    "OnderwijsregelsError",
    "PluginError",
    "RuleNotApplicableError",
    "UnknownEditionError",
    "UnknownRuleError",
    "UnknownSourceError",
]


class OnderwijsregelsError(Exception):
    """Base class of every error raised by onderwijsregels."""


class InvalidInputError(OnderwijsregelsError, ValueError):
    """Input that does not fit the domain model.

    ``problems`` holds one ``(field, reason)`` pair per bad field; the message
    has one line per pair. ``field`` is a dotted path such as
    ``employees[2].werktijdfactor`` when the input was nested.
    """

    def __init__(self, field: str, reason: str, *, more: Sequence[tuple[str, str]] = ()) -> None:
        self.problems: tuple[tuple[str, str], ...] = ((field, reason), *more)
        super().__init__("\n".join(f"{name}: {why}" for name, why in self.problems))

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


class NoEditionError(OnderwijsregelsError, LookupError):
    """No edition of a rule family governs the requested day.

    Raised for days before the family's first edition; never answered with a
    silent default. ``covered_from`` is the first day any edition governs
    (``None`` when the family has no editions installed at all).
    """

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


class NotEncodedError(OnderwijsregelsError, LookupError):
    """A value the rules need is not in our sources, so it is not encoded.

    The message says which fact is missing and what is known; the library
    never computes a guess in its place. ``parameter`` is the id of the
    edition parameter that holds the gap (``None`` when the gap is not one
    parameter's), so a plugin author or a caller can supply the value.

    >>> print(NotEncodedError("Directie budget in 2025", "not in our sources",
    ...                       parameter="individueel_budget_directie"))
    Directie budget in 2025 is not encoded yet (parameter 'individueel_budget_directie'): not in our sources
    """

    def __init__(self, fact: str, why: str, *, parameter: str | None = None) -> None:
        self.fact = fact
        self.why = why
        self.parameter = parameter
        named = f" (parameter {parameter!r})" if parameter else ""
        super().__init__(f"{fact} is not encoded yet{named}: {why}")


class RuleNotApplicableError(OnderwijsregelsError, LookupError):
    """A rule exists for this kind of subject but does not apply to this one."""

    def __init__(self, rule_id: str, reason: str) -> None:
        self.rule_id = rule_id
        self.reason = reason
        super().__init__(f"rule {rule_id!r} does not apply: {reason}")


class UnknownRuleError(OnderwijsregelsError, LookupError):
    """A rule id that no evaluated edition defines."""

    def __init__(self, rule_id: str, known: Sequence[str]) -> None:
        self.rule_id = rule_id
        self.known = tuple(known)
        super().__init__(
            f"no rule {rule_id!r} in this evaluation; known rules: {', '.join(self.known) or 'none'}"
        )


class UnknownEditionError(OnderwijsregelsError, LookupError):
    """A family or edition id that no installed plugin provides."""

    def __init__(self, what: str, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(f"unknown {what} {name!r}; installed: {', '.join(self.known) or 'none'}")


class UnknownSourceError(OnderwijsregelsError, LookupError):
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


class PluginError(OnderwijsregelsError):
    """A plugin that could not be loaded or that broke a rule of the host.

    ``plugin`` is the plugin's name (its entry-point name, or the object's name
    when passed to :func:`onderwijsregels.load` directly) and ``distribution``
    the installed distribution that provides it, with its version.
    """

    def __init__(self, plugin: str, distribution: str | None, problem: str) -> None:
        self.plugin = plugin
        self.distribution = distribution
        self.problem = problem
        source = f" (distribution {distribution})" if distribution else ""
        super().__init__(f"plugin {plugin!r}{source}: {problem}")
