"""docs/coverage.md accounts for every statement of the AVS FAQ page, and stays honest.

The page has one Markdown table, a row per statement of the AVS FAQ page 'Veelgestelde vragen
professionalisering PO' (source ``avs-faq-professionalisering-po``). These tests parse it and
check it against the shipped rules: statuses, rule ids, numbering, and that no rule resting on
the AVS page is left off.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import attrs
import pytest

import onderwijsregels as owr
from onderwijsregels.testing.plugins import shipped_plugins

PAGE = Path(__file__).resolve().parent.parent / "docs" / "coverage.md"
AVS = "avs-faq-professionalisering-po"
HEADER = ("#", "Line", "Statement", "Status", "Rules", "Why")
ENCODED = "encoded"
STATUSES = frozenset({ENCODED, "context, not a rule", "out of scope"})
NO_RULES = "—"
RULE_ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
"""A rule id as a backticked token: lower snake_case with at least one underscore."""
EDITION_ID = re.compile(r"[a-z]+(?:-[a-z0-9]+)*-\d{4}(?:-\d{4})?")
"""An edition id as a backticked token, e.g. ``cao-po-2019-2020``."""
BACKTICKED = re.compile(r"`([^`]+)`")
MIN_ROWS = 45
MAX_STATEMENT_WORDS = 20


@attrs.frozen
class Row:
    number: str
    line: str
    statement: str
    status: str
    rules: str
    why: str

    @property
    def rule_ids(self) -> list[str]:
        return BACKTICKED.findall(self.rules)


def split_row(text: str) -> list[str]:
    """The cells of a Markdown table row (no escaped pipes are used on the page)."""
    assert text.startswith("|"), f"not a table row: {text!r}"
    assert text.endswith("|"), f"not a table row: {text!r}"
    return [cell.strip() for cell in text[1:-1].split("|")]


def parse(text: str) -> list[Row]:
    """The table's rows; a malformed row fails rather than being skipped."""
    lines = text.splitlines()
    tables = [index for index, line in enumerate(lines) if line.startswith("| # |")]
    assert len(tables) == 1, f"expected exactly one coverage table, found {len(tables)}"
    start = tables[0]
    assert tuple(split_row(lines[start])) == HEADER
    assert set(split_row(lines[start + 1])) == {"---"}, "the header's separator row is missing"
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = split_row(line)
        assert len(cells) == len(HEADER), f"row has {len(cells)} cells, not 6: {line!r}"
        rows.append(Row(*cells))
    return rows


@pytest.fixture(scope="module")
def text() -> str:
    return PAGE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rows(text: str) -> list[Row]:
    return parse(text)


@pytest.fixture(scope="module")
def rulebook() -> owr.Rulebook:
    return owr.load(only=shipped_plugins())


@pytest.fixture(scope="module")
def rule_ids(rulebook: owr.Rulebook) -> set[str]:
    return {
        rule_id
        for family in rulebook.families()
        for edition in rulebook.editions(family)
        for rule_id in edition.rule_ids
    }


def resting_on_the_avs_page(rulebook: owr.Rulebook) -> dict[str, set[str]]:
    """Edition id -> ids of its rules with a citation read on the AVS page."""
    found: dict[str, set[str]] = {}
    for family in rulebook.families():
        for edition in rulebook.editions(family):
            found[edition.id] = {
                rule.id
                for rule in edition.rules
                if any(citation.read_at.id == AVS for citation in rule.citations)
            }
    return found


def test_the_parser_rejects_a_malformed_row() -> None:
    header = (
        "| # | Line | Statement | Status | Rules | Why |\n| --- | --- | --- | --- | --- | --- |\n"
    )
    with pytest.raises(AssertionError, match="not 6"):
        parse(header + '| 1 | 3 | "x" | encoded | `individueel_budget` |\n')
    with pytest.raises(AssertionError, match="exactly one"):
        parse(header + header)
    (row,) = parse(header + '| 1 | 3 | "x" | encoded | `a_b`, `c_d` | y |\n')
    assert row.rule_ids == ["a_b", "c_d"]


def test_there_are_enough_rows(rows: list[Row]) -> None:
    # The AVS page has about seventy separate claims; far fewer means rows were lost.
    assert len(rows) >= MIN_ROWS


def test_rows_are_numbered_one_to_n(rows: list[Row]) -> None:
    assert [row.number for row in rows] == [str(n) for n in range(1, len(rows) + 1)]


def test_line_numbers_are_positive_and_in_page_order(rows: list[Row]) -> None:
    for row in rows:
        assert row.line.isdigit(), f"row {row.number}: line {row.line!r}"
        assert int(row.line) > 0, f"row {row.number}: line {row.line!r}"
    for previous, row in pairwise(rows):
        assert int(row.line) >= int(previous.line), (
            f"row {row.number}: line {row.line} comes before line {previous.line}"
        )


def test_every_status_is_one_of_the_three(rows: list[Row]) -> None:
    for row in rows:
        assert row.status in STATUSES, f"row {row.number}: unknown status {row.status!r}"


def test_every_status_is_used(rows: list[Row]) -> None:
    # The page distinguishes three kinds of statement; one missing means a wrong classification.
    assert {row.status for row in rows} == STATUSES


def test_statements_are_brief_quotes(rows: list[Row]) -> None:
    for row in rows:
        assert len(row.statement) > 2, f"row {row.number}: empty statement"
        unquoted = f"row {row.number}: the statement must be a quote in double quotes"
        assert row.statement.startswith('"'), unquoted
        assert row.statement.endswith('"'), unquoted
        words = [word for word in row.statement.split() if any(c.isalnum() for c in word)]
        assert len(words) <= MAX_STATEMENT_WORDS, f"row {row.number}: quote too long"


def test_encoded_rows_name_existing_rules(rows: list[Row], rule_ids: set[str]) -> None:
    for row in rows:
        if row.status != ENCODED:
            continue
        named = row.rule_ids
        assert named, f"row {row.number} is encoded but names no rule"
        assert row.rules == ", ".join(f"`{rule_id}`" for rule_id in named), (
            f"row {row.number}: Rules must be backticked rule ids separated by commas"
        )
        missing = [rule_id for rule_id in named if rule_id not in rule_ids]
        assert not missing, f"row {row.number} names rules no shipped edition has: {missing}"


def test_other_rows_name_no_rule_and_say_why(rows: list[Row]) -> None:
    for row in rows:
        if row.status == ENCODED:
            continue
        assert row.rules == NO_RULES, f"row {row.number} is {row.status!r} but names rules"
        assert len(row.why) > 10, f"row {row.number}: say why it is {row.status!r}"


def test_encoded_rows_say_why_too(rows: list[Row]) -> None:
    for row in rows:
        assert row.why, f"row {row.number}: Why is empty"


def test_every_rule_id_on_the_page_exists(text: str, rule_ids: set[str]) -> None:
    named = {token for token in BACKTICKED.findall(text) if RULE_ID.fullmatch(token)}
    assert named, "the page names no rule id at all"
    unknown = sorted(named - rule_ids)
    assert not unknown, f"docs/coverage.md names rule ids no shipped edition has: {unknown}"


def test_every_edition_id_on_the_page_exists(text: str, rulebook: owr.Rulebook) -> None:
    editions = {
        edition.id for family in rulebook.families() for edition in rulebook.editions(family)
    }
    named = {token for token in BACKTICKED.findall(text) if EDITION_ID.fullmatch(token)}
    assert named
    assert not sorted(named - editions), f"unknown edition ids: {sorted(named - editions)}"


def test_the_2019_2020_rules_resting_on_the_avs_page_are_known(rulebook: owr.Rulebook) -> None:
    # Guards the next test against passing vacuously (e.g. if citations stopped naming the page).
    avs_rules = resting_on_the_avs_page(rulebook)["cao-po-2019-2020"]
    assert {
        "individueel_budget",
        "jaarlijkse_afspraken_in_pop",
        "scholingsgelden_personeels_en_arbeidsmarktbudget",
    } <= avs_rules


def test_every_rule_resting_on_the_avs_page_encodes_a_row(
    rows: list[Row], rulebook: owr.Rulebook
) -> None:
    encoded = {rule_id for row in rows if row.status == ENCODED for rule_id in row.rule_ids}
    for edition_id, avs_rules in resting_on_the_avs_page(rulebook).items():
        missing = sorted(avs_rules - encoded)
        assert not missing, (
            f"{edition_id} has rules citing the AVS page that no encoded row of "
            f"docs/coverage.md names: {missing}"
        )
