"""Rules declare what they read, and the declaration is enforced (issue 13, section 1).

A rule reads subject fields only through ``ctx.employee``/``ctx.school`` (limited to ``reads=``)
and dated values only through ``ctx.param``/``ctx.param_known`` (limited to ``parameters=``).
A read outside the declaration raises PluginError, so an outcome is a pure function of the
declared fields, the declared parameters and the period, and ``diff``/``derive`` can trust the
declarations.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import onderwijsregels as owr
from onderwijsregels.rules import SUBJECT_FIELDS
from onderwijsregels.testing import strategies

DAYS = st.dates(date(2013, 2, 1), date(2031, 12, 31))


def test_every_shipped_rule_declares_what_it_reads(rulebook_all: owr.Rulebook) -> None:
    for family in rulebook_all.families():
        editions = rulebook_all.editions(family)
        defined = {parameter.id for edition in editions for parameter in edition.parameters}
        for edition in editions:
            for rule in edition.rules:
                assert rule.reads is not None, (edition.id, rule.id)
                assert set(rule.reads) <= SUBJECT_FIELDS[rule.subject]
                # A rule shared by editions may declare a value only a later edition defines
                # (the renewed register's five-year period); none may declare a phantom.
                assert set(rule.parameters) <= defined, (edition.id, rule.id)


@given(employee=strategies.employees(with_registers=True), day=DAYS)
def test_no_shipped_rule_reads_outside_its_declaration(
    rulebook_all: owr.Rulebook, employee: owr.Employee, day: date
) -> None:
    # A read outside a declaration raises PluginError; no input may provoke one.
    try:
        rulebook_all.evaluate(employee, on=day)
    except owr.PluginError:
        raise
    except owr.InputError:
        pass  # a removed scale or a day before a family's first edition


@given(school=strategies.schools(), day=st.dates(date(2019, 8, 1), date(2031, 12, 31)))
def test_no_shipped_school_rule_reads_outside_its_declaration(
    rulebook_all: owr.Rulebook, school: owr.School, day: date
) -> None:
    rulebook_all.evaluate(school, on=day)


@given(
    employee=strategies.employees(with_registers=True),
    day=DAYS,
    name=st.none() | st.text(min_size=1, max_size=8).filter(str.strip),
)
def test_outcomes_depend_only_on_declared_fields(
    rulebook_all: owr.Rulebook, employee: owr.Employee, day: date, name: str | None
) -> None:
    # No shipped rule declares "name", so changing it changes no outcome.
    other = attrs.evolve(employee, name=name)
    try:
        first = rulebook_all.evaluate(employee, on=day)
    except owr.InputError:
        return
    second = rulebook_all.evaluate(other, on=day)
    assert [(o.rule_id, o.value) for o in first.outcomes] == [
        (o.rule_id, o.value) for o in second.outcomes
    ]


CITE = owr.Citation(
    "Test",
    None,
    None,
    owr.Source("test-declared-reads", "Test", "tests", owr.Grade.D),
    "made up for a test",
)


def _edition(rule: owr.Rule) -> owr.Edition:
    return owr.Edition(
        id="lees-2030",
        family="lees",
        title="Lees 2030",
        valid_from=date(2030, 1, 1),
        valid_to=None,
        citation=CITE,
        rules=(rule,),
        parameters=(
            owr.Parameter.single(
                "bedrag", "Bedrag", "EUR", Decimal("10"), CITE, start=date(2030, 1, 1)
            ),
        ),
    )


def _evaluate(rule: owr.Rule) -> owr.Evaluation:
    edition = _edition(rule)

    class Plugin:
        __name__ = "lees-plugin"

        @owr.hookimpl
        def onderwijsregels_editions(self) -> Sequence[owr.Edition]:
            return (edition,)

    rulebook = owr.load([Plugin()], entry_points=False)
    employee = owr.Employee(
        function=owr.Function.LERAAR, werktijdfactor=Decimal("0.5"), scale="L10", trede=2
    )
    return rulebook.evaluate(employee, year=2030)


def test_reading_an_undeclared_field_is_refused() -> None:
    @owr.rule(
        "leest_trede",
        title="Reads a field it does not declare",
        subject=owr.Employee,
        unit=owr.Unit.JAREN,
        citations=(CITE,),
        reads=("werktijdfactor",),
    )
    def leest_trede(ctx: owr.RuleContext) -> owr.Computation:
        return owr.Computation(ctx.employee.trede or 0, [], CITE)

    with pytest.raises(owr.PluginError) as caught:
        _evaluate(leest_trede)
    error = caught.value
    assert error.plugin == "lees-plugin"
    assert error.edition == "lees-2030"
    assert "'leest_trede' reads the subject's 'trede' without declaring it" in error.problem


def test_a_method_counts_as_reading_its_field() -> None:
    @owr.rule(
        "leest_leeftijd",
        title="Reads the age",
        subject=owr.Employee,
        unit=owr.Unit.JAREN,
        citations=(CITE,),
        reads=("function",),
    )
    def leest_leeftijd(ctx: owr.RuleContext) -> owr.Computation:
        return owr.Computation(ctx.employee.age_on(ctx.day) or 0, [], CITE)

    with pytest.raises(owr.PluginError, match="'birth_date' without declaring it"):
        _evaluate(leest_leeftijd)


def test_reading_an_undeclared_parameter_is_refused() -> None:
    @owr.rule(
        "leest_bedrag",
        title="Reads a parameter it does not declare",
        subject=owr.Employee,
        unit=owr.Unit.EUR_PER_KALENDERJAAR,
        citations=(CITE,),
        reads=(),
    )
    def leest_bedrag(ctx: owr.RuleContext) -> owr.Computation:
        return owr.Computation(ctx.param("bedrag").decimal, [], CITE)

    with pytest.raises(owr.PluginError, match="reads parameter 'bedrag' without declaring it"):
        _evaluate(leest_bedrag)


def test_parameters_cannot_be_read_through_the_edition() -> None:
    @owr.rule(
        "via_editie",
        title="Reaches through the edition",
        subject=owr.Employee,
        unit=owr.Unit.EUR_PER_KALENDERJAAR,
        citations=(CITE,),
        parameters=("bedrag",),
        reads=(),
    )
    def via_editie(ctx: owr.RuleContext) -> owr.Computation:
        return owr.Computation(ctx.edition.parameter("bedrag"), [], CITE)

    with pytest.raises(owr.PluginError, match=r"through ctx\.edition; use ctx\.param"):
        _evaluate(via_editie)


def test_a_declared_rule_computes() -> None:
    @owr.rule(
        "netjes",
        title="Declares what it reads",
        subject=owr.Employee,
        unit=owr.Unit.EUR_PER_KALENDERJAAR,
        citations=(CITE,),
        parameters=("bedrag",),
        reads=("werktijdfactor",),
    )
    def netjes(ctx: owr.RuleContext) -> owr.Computation:
        amount = ctx.param("bedrag").decimal * ctx.employee.werktijdfactor
        return owr.Computation(amount, [], CITE)

    assert _evaluate(netjes)["netjes"].value == Decimal("5.00")  # 10 × 0.5


def test_declaring_a_field_the_subject_lacks_is_a_definition_error() -> None:
    with pytest.raises(owr.EditionDefinitionError, match="pupils"):
        owr.rule(
            "fout",
            title="x",
            subject=owr.Employee,
            unit=owr.Unit.JAREN,
            citations=(CITE,),
            reads=("pupils",),
        )(lambda ctx: owr.Computation(0, [], CITE))


def test_changing_a_read_parameter_marks_a_shipped_rule_changed(
    rulebook_all: owr.Rulebook,
) -> None:
    # schoolleidersregister_registratieplicht reads registratie_uiterlijk (1 January 2018). A
    # successor that moved that deadline must not report the rule as carried over unchanged.
    base = rulebook_all.get("schoolleidersregister-2013")
    moved = base.derive(
        id="schoolleidersregister-test",
        title="Test",
        valid_from=date(2031, 1, 1),
        valid_to=None,
        citation=base.citation,
        parameters=(
            base.parameter("registratie_uiterlijk").changed(
                date(2031, 1, 1), date(2032, 1, 1), base.citation
            ),
        ),
    )
    assert "schoolleidersregister_registratieplicht" not in moved.carried_over
    difference = owr.diff.diff_editions(base, moved)
    change = {item.rule_id: item for item in difference.rules}[
        "schoolleidersregister_registratieplicht"
    ]
    fields = {item.field: (item.before, item.after) for item in change.changes}
    assert fields["value (registratie_uiterlijk)"] == ("2018-01-01", "2032-01-01")
    assert "schoolleidersregister_registratieplicht" not in difference.unchanged
