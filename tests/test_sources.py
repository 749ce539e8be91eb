"""The shipped source register, and confidence derived from it (issue 8, section 2).

A citation's confidence follows from the grade of the source it was read on (A: confirmed;
B, C: secondary; D: interpretation) and from whether its article number is confirmed (an
unconfirmed article caps it at secondary). A citation may claim less, never more.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import onderwijsregels as owr
from onderwijsregels import Citation, Confidence, Grade, Source, UnknownSourceError
from onderwijsregels.sources import register, source

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = re.compile(r"facts\.md|shared/sources|product owner", re.IGNORECASE)


def shipped_citations(rulebook: owr.Rulebook) -> Iterator[tuple[str, Citation]]:
    for family in rulebook.families():
        for edition in rulebook.editions(family):
            for citation in edition.citations:
                yield edition.id, citation


# --- the register --------------------------------------------------------------------------


def test_register_entries_are_complete() -> None:
    sources = register()
    assert len(sources) >= 40
    for source_id, item in sources.items():
        assert item.id == source_id
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", source_id)
        assert item.title.strip()
        assert item.publisher.strip()
        assert isinstance(item.grade, Grade)
        assert item.url or item.official_reference or item.note, source_id


def test_register_is_sorted_and_stable() -> None:
    assert list(register()) == sorted(register())
    assert register() is register()  # read once


def test_the_register_is_read_as_importlib_resources_reads_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from importlib import resources
    from importlib.machinery import SourceFileLoader

    from onderwijsregels import sources

    name = "source_register.toml"
    shipped = resources.files("onderwijsregels").joinpath(name).read_bytes()
    assert sources._shipped_bytes(name) == shipped
    read: list[str] = []
    files = resources.files

    def files_read(package: str) -> object:
        read.append(package)
        return files(package)

    monkeypatch.setattr(resources, "files", files_read)
    spec = owr.__spec__
    assert spec is not None
    assert spec.origin is not None
    # A package in a directory, imported as Python imports it (pytest imports it with its own
    # loader): the file is read directly.
    monkeypatch.setattr(spec, "loader", SourceFileLoader("onderwijsregels", spec.origin))
    assert sources._shipped_bytes(name) == shipped
    assert read == []

    # A package with any other loader is read through importlib.resources.
    class OtherLoader(SourceFileLoader):
        pass

    monkeypatch.setattr(spec, "loader", OtherLoader("onderwijsregels", spec.origin))
    assert sources._shipped_bytes(name) == shipped
    assert read == ["onderwijsregels"]


def test_the_shipped_register_is_read_as_tomllib_reads_it() -> None:
    # The register is read without tomllib when every line is written plainly (it is, and
    # must stay so: the quick reading is what loading the rules takes); both readings agree.
    import tomllib

    from onderwijsregels import sources

    text = sources._shipped_bytes("source_register.toml").decode("utf-8")
    plain = sources._plain_entries(text)
    assert plain is not None, "source_register.toml has a line the quick reading does not know"
    assert plain == tomllib.loads(text)["source"]
    assert sources._register_entries(text) == plain


PLAIN = '# a comment\n\n[[source]]\nid = "a-b"\ntitle = "T"\nread = 2025-02-03\n'


@pytest.mark.parametrize(
    "text",
    [
        PLAIN,
        PLAIN.replace('"T"', '"say \\"hi\\" \\\\ é\tok"'),  # \" and \\ and a tab
        PLAIN + '\n[[source]]\nid = "c"\n',
        PLAIN.rstrip("\n"),  # no newline at the end
        "   \t\n" + PLAIN,  # a line of white space
    ],
)
def test_a_plainly_written_register_is_read_without_tomllib(text: str) -> None:
    import tomllib

    from onderwijsregels import sources

    plain = sources._plain_entries(text)
    assert plain is not None
    assert plain == tomllib.loads(text)["source"]


@pytest.mark.parametrize(
    "text",
    [
        PLAIN.replace('"T"', '"a\\tb"'),  # another escape
        PLAIN.replace('"T"', '"a\\u00e9"'),
        PLAIN.replace('"T"', "'T'"),  # a literal string
        PLAIN.replace('"T"', '"""T"""'),
        PLAIN.replace('"T"', '"T" # why'),  # a comment after a value
        PLAIN.replace("title = ", "title  =  "),  # other spacing
        PLAIN.replace("title", "  title"),  # indented
        PLAIN.replace("title", '"title"'),  # a quoted key
        PLAIN.replace("title", "a.title"),  # a dotted key
        PLAIN.replace("2025-02-03", "2025-02-03T10:00:00"),
        PLAIN.replace("2025-02-03", "2025-2-3"),
        PLAIN.replace("2025-02-03", "42"),
        PLAIN.replace("\n", "\r\n"),
        PLAIN.replace("# a comment", "# a \x01 comment"),
        PLAIN.replace('"T"', '"a\x7fb"'),
        PLAIN.replace("[[source]]", "[[source]] # the first"),
        PLAIN.replace("[[source]]", "[source]"),
        "\ufeff" + PLAIN,
        "x = 1\n" + PLAIN,  # a key before the first table
        "\n",  # no source at all
    ],
)
def test_any_other_register_is_left_to_tomllib(text: str) -> None:
    from onderwijsregels import sources

    assert sources._plain_entries(text) is None


@pytest.mark.parametrize(
    "text",
    [
        PLAIN + 'id = "again"\n',  # a key given twice
        PLAIN.replace("2025-02-03", "2025-02-30"),  # a day that does not exist
        PLAIN.replace('"T"', '"T'),
        PLAIN.replace('"T"', '"a"b"'),
    ],
)
def test_a_register_tomllib_refuses_is_refused(text: str) -> None:
    import tomllib

    from onderwijsregels import sources

    assert sources._plain_entries(text) is None
    with pytest.raises(tomllib.TOMLDecodeError):
        sources._register_entries(text)


@given(st.text(alphabet=st.sampled_from('ab é\t\\"#=[]-_0129\n\r\x01'), max_size=40))
def test_the_quick_reading_never_disagrees_with_tomllib(value: str) -> None:
    import tomllib

    from onderwijsregels import sources

    for text in (PLAIN.replace("T", value), PLAIN + value):
        plain = sources._plain_entries(text)
        if plain is None:
            continue
        assert plain == tomllib.loads(text)["source"]


def test_known_sources_and_their_grades() -> None:
    # The AVS FAQ page and the PO-Raad are CAO parties (A); RAP HRM quotes the CAO (B); IJK is a
    # third party (C); the scraped copy of the register's page is weak (D).
    assert source("avs-faq-professionalisering-po").grade is Grade.A
    assert source("poraad-faq-rechten-professionalisering").grade is Grade.A
    assert source("raphrm-pdi-budget").grade is Grade.B
    assert source("ijk-cao-akkoord-po-2023-2024").grade is Grade.C
    assert source("stockingsonly-herregistreren").grade is Grade.D
    judgment = source("rechtbank-noord-holland-srpo-2025")
    assert judgment.official_reference == "ECLI:NL:RBNHO:2025:1087"
    regeling = source("staatscourant-bijzondere-bekostiging-2021")
    assert regeling.official_reference is not None
    assert "2021" in regeling.official_reference


def test_unknown_source_id_is_a_typed_error() -> None:
    with pytest.raises(UnknownSourceError) as caught:
        source("poraad-does-not-exist")
    error = caught.value
    assert error.source_id == "poraad-does-not-exist"
    assert isinstance(error, LookupError)
    assert "poraad-faq-rechten-professionalisering" in str(error)  # similar ids are suggested


def test_citation_with_an_unknown_source_id_is_refused() -> None:
    with pytest.raises(UnknownSourceError, match=r"https://example\.org"):
        Citation("X", None, None, "https://example.org", "quote")


def test_source_to_dict_and_label() -> None:
    item = source("staatscourant-bijzondere-bekostiging-2021")
    document = item.to_dict()
    assert document["id"] == item.id
    assert document["grade"] == "A"
    assert json.loads(json.dumps(document)) == document
    assert item.label.startswith(f'{item.publisher}, "{item.title}" (grade A)')


@pytest.mark.parametrize("bad", ["Not Kebab", "", "trailing-"])
def test_source_id_must_be_kebab_case(bad: str) -> None:
    with pytest.raises(ValueError, match="kebab"):
        Source(bad, "Title", "Publisher", Grade.A)


# --- confidence derived from the grade and the article -------------------------------------


@pytest.mark.parametrize(
    ("grade", "article", "confirmed", "expected"),
    [
        (Grade.A, None, False, Confidence.CONFIRMED),
        (Grade.A, "9.3", True, Confidence.CONFIRMED),
        (Grade.A, "9.6", False, Confidence.SECONDARY),  # an article only one source gives
        (Grade.B, None, False, Confidence.SECONDARY),
        (Grade.C, "9.5", True, Confidence.SECONDARY),
        (Grade.D, None, False, Confidence.INTERPRETATION),
        (Grade.D, "9", True, Confidence.INTERPRETATION),
    ],
)
def test_confidence_follows_grade_and_article(
    grade: Grade, article: str | None, confirmed: bool, expected: Confidence
) -> None:
    page = Source("test-page", "Test page", "Test", grade)
    citation = Citation("CAO", article, None, page, "q", article_confirmed=confirmed)
    assert citation.confidence is expected
    assert citation.confidence_reason.startswith(f"{expected.value}: ")
    assert f"graded {grade.value}" in citation.confidence_reason


def test_a_claim_above_the_source_is_refused() -> None:
    page = Source("test-page", "Test page", "Test", Grade.C)
    with pytest.raises(ValueError, match="claims confirmed") as caught:
        Citation("CAO", None, None, page, "q", Confidence.CONFIRMED)
    assert "test-page" in str(caught.value)
    assert "graded C" in str(caught.value)


def test_a_claim_above_an_unconfirmed_article_is_refused() -> None:
    with pytest.raises(ValueError, match=r"9\.6 is not confirmed"):
        Citation(
            "CAO PO 2019-2020",
            "9.6",
            "3",
            "avs-faq-professionalisering-po",
            "q",
            Confidence.CONFIRMED,
        )


def test_a_lower_claim_lowers_and_says_so() -> None:
    citation = Citation(
        "CAO", None, None, "avs-faq-professionalisering-po", "q", Confidence.INTERPRETATION
    )
    assert citation.allowed is Confidence.CONFIRMED
    assert citation.confidence is Confidence.INTERPRETATION
    assert "claims only interpretation" in citation.confidence_reason


@given(
    grade=st.sampled_from(Grade),
    article=st.sampled_from([None, "9.3"]),
    confirmed=st.booleans(),
    claim=st.sampled_from([None, *Confidence]),
)
def test_no_citation_can_claim_more_than_its_source_allows(
    grade: Grade, article: str | None, confirmed: bool, claim: Confidence | None
) -> None:
    page = Source("test-page", "Test page", "Test", grade)
    cap = grade.at_most
    if article is not None and not confirmed:
        cap = Confidence.weakest(cap, Confidence.SECONDARY)
    if claim is not None and claim.rank < cap.rank:
        with pytest.raises(ValueError, match="claims"):
            Citation("CAO", article, None, page, "q", claim, article_confirmed=confirmed)
        return
    citation = Citation("CAO", article, None, page, "q", claim, article_confirmed=confirmed)
    assert citation.confidence.rank >= cap.rank
    assert citation.confidence is Confidence.weakest(cap, claim or cap)


# --- every shipped citation -----------------------------------------------------------------


def test_every_shipped_citation_rests_on_a_registered_source(rulebook_all: owr.Rulebook) -> None:
    for edition_id, citation in shipped_citations(rulebook_all):
        assert register().get(citation.read_at.id) == citation.read_at, (edition_id, citation)


def test_no_shipped_citation_claims_more_than_its_source_allows(
    rulebook_all: owr.Rulebook,
) -> None:
    checked = 0
    for edition_id, citation in shipped_citations(rulebook_all):
        grade_cap = citation.read_at.grade.at_most
        assert citation.confidence.rank >= grade_cap.rank, (edition_id, citation.reference)
        if citation.article is not None and not citation.article_confirmed:
            assert citation.confidence is not Confidence.CONFIRMED, (edition_id, citation)
        if citation.claim is not None:
            assert citation.claim.rank >= citation.allowed.rank
        checked += 1
    assert checked > 60


@pytest.mark.parametrize(
    ("article", "confirmed"),
    [("9.3", True), ("8A.4", True), ("9.4", False), ("9.6", False), ("9.7", False), ("9.8", False)],
)
def test_chapter_9_article_numbers(
    rulebook_all: owr.Rulebook, article: str, confirmed: bool
) -> None:
    # Only 9.3 (lid 2 and 4) and 8A.4 are confirmed for 2019-2020; 9.4, 9.6 lid 3, 9.7 and 9.8
    # come from the AVS page alone.
    citations = [
        c
        for c in rulebook_all.get("cao-po-2019-2020").citations
        if c.article == article and c.source == "CAO PO 2019-2020"
    ]
    assert citations
    for citation in citations:
        assert citation.article_confirmed is confirmed
        expected = Confidence.CONFIRMED if confirmed else Confidence.SECONDARY
        assert citation.confidence is expected


def directeur(factor: str = "1") -> owr.Employee:
    return owr.Employee(function=owr.Function.DIRECTEUR, werktijdfactor=Decimal(factor))


def leraar(factor: str = "1") -> owr.Employee:
    return owr.Employee(function=owr.Function.LERAAR, werktijdfactor=Decimal(factor))


@pytest.mark.parametrize(
    ("who", "year", "rule_id", "expected", "why"),
    [
        # € 3000 not pro rata: art. 9.6 lid 3 on the AVS page alone
        (directeur("0.5"), 2020, "individueel_budget", Confidence.SECONDARY, "9.6"),
        (directeur(), 2022, "individueel_budget", Confidence.INTERPRETATION, "our reading"),
        (directeur(), 2020, "individueel_budget", Confidence.SECONDARY, "9.6"),
        (directeur(), 2020, "registratieplicht_schoolleidersregister", Confidence.SECONDARY, "9.7"),
        (
            leraar(),
            2020,
            "opgedragen_professionalisering_voor_rekening_werkgever",
            Confidence.SECONDARY,
            "9.4",
        ),
        (leraar(), 2020, "uren_per_werkweek", Confidence.CONFIRMED, "graded A"),
    ],
)
def test_avs_only_contents_are_not_confirmed(
    rulebook_all: owr.Rulebook,
    who: owr.Employee,
    year: int,
    rule_id: str,
    expected: Confidence,
    why: str,
) -> None:
    outcome = rulebook_all.evaluate(who, year=year, families=["cao-po"])[rule_id]
    assert outcome.confidence is expected
    assert any(why in reason for reason in outcome.confidence_reasons)


def test_2023_2024_teachers_saving_term_is_labelled_carried_over(
    rulebook_all: owr.Rulebook,
) -> None:
    # "gedurende maximaal drie jaar worden gespaard" (art. 9.3 lid 4, PO-Raad, grade A): 3 years.
    before = rulebook_all.evaluate(leraar(), year=2020)["maximale_spaartermijn"]
    assert (before.value, before.confidence) == (3, Confidence.CONFIRMED)
    # Under 2023-2024 the same value is taken over without a source for that edition.
    after = rulebook_all.evaluate(leraar(), on=date(2023, 6, 1))["maximale_spaartermijn"]
    assert after.value == 3
    assert after.confidence is Confidence.INTERPRETATION
    summaries = [item.summary for item in after.interpretations]
    assert any("chapter 9 is unchanged" in text for text in summaries)


def test_2023_2024_directie_saving_term_is_secondary_not_carried(
    rulebook_all: owr.Rulebook,
) -> None:
    # Four years for a school leader: IJK, a third party (C): secondary, and its own value.
    outcome = rulebook_all.evaluate(directeur(), on=date(2023, 6, 1))["maximale_spaartermijn"]
    assert outcome.value == 4
    assert outcome.confidence is Confidence.SECONDARY
    assert not outcome.interpretations


def test_basisvaardigheden_rests_partly_on_a_third_party(rulebook_all: owr.Rulebook) -> None:
    outcome = rulebook_all.evaluate(leraar(), on=date(2022, 6, 1))[
        "professionalisering_basisvaardigheden"
    ]
    assert outcome.confidence is Confidence.SECONDARY
    assert {c.read_at.grade for c in outcome.citations} == {Grade.A, Grade.C}


def test_2022_2023_looptijd_rests_on_a_third_party(rulebook_all: owr.Rulebook) -> None:
    citation = rulebook_all.get("cao-po-2022-2023").citation
    assert citation.read_at.grade is Grade.C
    assert citation.confidence is Confidence.SECONDARY
    assert citation.quote == "heeft een looptijd van 1 juni 2022 tot 1 mei 2023."


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2020, 6, 1), Confidence.INTERPRETATION), (date(2023, 6, 1), Confidence.CONFIRMED)],
)
def test_current_registerreglement_before_2022_is_a_reading(
    rulebook_all: owr.Rulebook, day: date, expected: Confidence
) -> None:
    outcome = rulebook_all.evaluate(leraar(), on=day, families=["schoolleidersregister"])[
        "schoolleidersregister_registratieplicht"
    ]
    assert outcome.value is False
    readings = [item.summary for item in outcome.interpretations]
    applied = any("Registerreglement as quoted in 2025" in text for text in readings)
    assert applied is (expected is Confidence.INTERPRETATION)


# --- what users see ---------------------------------------------------------------------------


def test_outcome_shows_its_source_and_why_its_confidence(rulebook_all: owr.Rulebook) -> None:
    ev = rulebook_all.evaluate(leraar("0.6"), year=2025, families=["cao-po"])
    document = ev.to_dict()["outcomes"]["individueel_budget"]
    assert document["citation"]["read_at"]["id"] == "raphrm-pdi-budget"
    assert document["citation"]["read_at"]["grade"] == "B"
    assert document["confidence"] == "secondary"
    assert any("graded B" in reason for reason in document["confidence_reasons"])
    text = ev.explain()
    assert 'RAP HRM, "Het PDI-budget in het primair onderwijs" (grade B)' in text
    assert "because CAO PO 2024-2025: secondary: the source is graded B" in text


def _outputs() -> Iterator[str]:
    example = ROOT / "examples" / "schoolbestuur.yaml"
    for year in ("2019", "2020", "2022", "2024", "2025", "2026"):
        for form in ("text", "json", "explain"):
            yield _run("evaluate", str(example), "--year", year, "--format", form)
    yield _run("evaluate", str(example), "--school-year", "2024-2025", "--format", "explain")
    yield _run("registers", str(example), "--on", "2025-01-01")
    yield _run("statement", str(ROOT / "examples" / "directeur-budget.yaml"), "--through", "2024")
    yield _run("diff", "cao-po-2023-2024", "cao-po-2024-2025")
    yield _run("editions")


def _run(*arguments: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "onderwijsregels", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 2), done.stderr
    return done.stdout + done.stderr


def test_no_output_points_to_our_working_notes() -> None:
    for output in _outputs():
        assert output.strip()
        found = FORBIDDEN.search(output)
        assert found is None, output[max(0, found.start() - 200) : found.end() + 50]


def test_no_shipped_text_points_to_our_working_notes() -> None:
    paths = [
        *ROOT.joinpath("src").rglob("*.py"),
        *ROOT.joinpath("src").rglob("*.toml"),
        *ROOT.joinpath("plugins").rglob("*.py"),
        *ROOT.joinpath("docs").rglob("*.md"),
        *ROOT.joinpath("examples").rglob("*.py"),
        *ROOT.joinpath("examples").rglob("*.yaml"),
        ROOT / "README.md",
    ]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert FORBIDDEN.search(text) is None, path


def test_source_grade_and_claim_accept_their_values_as_text() -> None:
    assert Source("test-page", "T", "P", "C").grade is Grade.C
    citation = Citation("X", None, None, "raphrm-pdi-budget", "q", "interpretation")
    assert citation.confidence is Confidence.INTERPRETATION


def test_a_bad_grade_is_a_definition_error() -> None:
    with pytest.raises(owr.EditionDefinitionError, match="grade must be one of 'A', 'B'"):
        Source("test-page", "T", "P", "E")


def test_a_bad_claim_is_a_definition_error() -> None:
    with pytest.raises(owr.EditionDefinitionError, match="confidence must be one of"):
        Citation("X", None, None, "raphrm-pdi-budget", "q", "certain")


def test_a_plugin_cannot_reuse_a_register_id_for_another_source() -> None:
    impostor = Source("poraad-faq-rechten-professionalisering", "Mine", "me", Grade.A)
    citation = Citation("X", None, None, impostor, "q")

    class Impostor:
        __name__ = "impostor"

        @owr.hookimpl
        def onderwijsregels_editions(self) -> tuple[owr.Edition, ...]:
            return (
                owr.Edition(
                    id="impostor-2030",
                    family="impostor",
                    title="Impostor",
                    valid_from=date(2030, 1, 1),
                    valid_to=None,
                    citation=citation,
                    rules=(),
                ),
            )

    with pytest.raises(
        owr.PluginError, match="reuses an id of the shipped source register"
    ) as caught:
        owr.load([Impostor()], entry_points=False)
    assert caught.value.plugin == "impostor"
    assert caught.value.edition == "impostor-2030"
