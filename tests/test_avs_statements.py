"""Rules for statements of the AVS FAQ page that had none: hand-worked cases.

Each rule encodes a statement of the AVS FAQ page 'Veelgestelde vragen professionalisering PO'
(source ``avs-faq-professionalisering-po``) and cites it with a short Dutch quote; see
docs/coverage.md for where each statement stands on the page.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import onderwijsregels as owr
from onderwijsregels import Confidence, Employee, Function, Rulebook
from onderwijsregels.evaluate import Evaluation
from onderwijsregels.registration import Register, Registration, Route

AVS = "avs-faq-professionalisering-po"
DIRECTIE = (Function.DIRECTEUR, Function.ADJUNCT_DIRECTEUR)
NOT_DIRECTIE = (Function.LERAAR, Function.OOP)

SCHOLINGSGELDEN = "scholingsgelden_personeels_en_arbeidsmarktbudget"
JAARGESPREK = "besteding_scholingsbudget_in_jaargesprek"
PORTFOLIO = "lerarenregister_portfolio_vrijwillig"
CONTROLEREN = "scholing_in_register_controleren"
REGISTRATIEBESLUIT = "registratiebesluit_aanvragen"
ALLES_AANTOONBAAR = "herregistratie_alles_aantoonbaar_telt"
ROUTES = "basisregistratie_routes"


@pytest.fixture(scope="module")
def rb() -> Rulebook:
    return owr.load()


def evaluate(
    rb: Rulebook,
    function: Function,
    on: date,
    family: str,
    registration: Registration | None = None,
) -> Evaluation:
    employee = Employee(function=function, werktijdfactor=Decimal("0.6"), registration=registration)
    return rb.evaluate(employee, on=on, families=[family])


def reason(ev: Evaluation, rule_id: str) -> str:
    """The reason a rule does not apply; fails if it does apply."""
    assert rule_id not in ev, f"{rule_id} should not apply"
    (found,) = [item for item in ev.not_applicable if item.rule_id == rule_id]
    return found.reason


def quotes(outcome: owr.Outcome) -> list[str | None]:
    return [citation.quote for citation in outcome.citations]


# --- general training money (CAO PO 2019-2020 and later) ------------------------------------


@pytest.mark.parametrize("function", list(Function))
def test_general_training_money_is_for_every_employee(rb: Rulebook, function: Function) -> None:
    # "voor alle personeelsleden professionaliseringsgelden beschikbaar, dus ook voor
    # directieleden": yes for all four functions, at any werktijdfactor.
    outcome = evaluate(rb, function, date(2020, 1, 1), "cao-po")[SCHOLINGSGELDEN]
    assert outcome.value is True
    assert outcome.edition.id == "cao-po-2019-2020"
    assert outcome.citation.read_at.id == AVS
    assert outcome.citation.quote is not None
    assert outcome.citation.quote.startswith(
        "Daarnaast zijn voor alle personeelsleden professionaliseringsgelden beschikbaar, dus "
        "ook voor directieleden."
    )
    assert "budget voor personeels- en arbeidsmarktbeleid" in outcome.citation.quote
    assert (outcome.citation.article, outcome.citation.lid) == (None, None)
    # Grade A source, no article claimed: confirmed.
    assert outcome.confidence is Confidence.CONFIRMED
    assert "personeels- en arbeidsmarktbeleid" in outcome.steps[0].text
    assert any("No amount is encoded" in note for note in outcome.notes)


def test_for_the_directie_it_comes_on_top_of_the_individual_budget(rb: Rulebook) -> None:
    directeur = evaluate(rb, Function.DIRECTEUR, date(2020, 1, 1), "cao-po")[SCHOLINGSGELDEN]
    leraar = evaluate(rb, Function.LERAAR, date(2020, 1, 1), "cao-po")[SCHOLINGSGELDEN]
    assert len(directeur.steps) == 2
    assert len(leraar.steps) == 1
    second = directeur.steps[1].citation
    assert second is not None
    assert second.read_at.id == AVS
    assert second.quote == (
        "Een directielid heeft, naast de bestaande scholingsbudgetten, recht op een individueel "
        "professionaliseringsbudget van 3.000 euro per jaar."
    )


def test_from_2023_a_note_says_the_funding_was_simplified(rb: Rulebook) -> None:
    before = evaluate(rb, Function.LERAAR, date(2022, 12, 31), "cao-po")[SCHOLINGSGELDEN]
    after = evaluate(rb, Function.LERAAR, date(2023, 1, 1), "cao-po")[SCHOLINGSGELDEN]
    assert not any("simplified" in note for note in before.notes)
    assert any("simplified" in note for note in after.notes)


def test_later_editions_inherit_the_general_training_money(rb: Rulebook) -> None:
    outcome = evaluate(rb, Function.OOP, date(2021, 6, 1), "cao-po")[SCHOLINGSGELDEN]
    assert outcome.edition.id == "cao-po-2021"
    assert outcome.value is True
    # Carried over without a new source: labelled as a reading.
    assert outcome.confidence is Confidence.INTERPRETATION


# --- the yearly review of the directie budget --------------------------------------------------


@pytest.mark.parametrize("function", DIRECTIE)
def test_spending_is_discussed_in_the_yearly_review(rb: Rulebook, function: Function) -> None:
    outcome = evaluate(rb, function, date(2020, 1, 1), "cao-po")[JAARGESPREK]
    assert outcome.value is True
    assert outcome.citation.read_at.id == AVS
    assert outcome.citation.quote == (
        "In het jaarlijkse functionerings- en/of beoordelingsgesprek worden de besteding van het "
        "scholingsbudget en de opgedane kennis en vaardigheden besproken."
    )
    assert outcome.confidence is Confidence.CONFIRMED


@pytest.mark.parametrize("function", NOT_DIRECTIE)
def test_the_yearly_review_rule_is_for_the_directie(rb: Rulebook, function: Function) -> None:
    ev = evaluate(rb, function, date(2020, 1, 1), "cao-po")
    assert "directielid's budget" in reason(ev, JAARGESPREK)
    with pytest.raises(owr.RuleNotApplicableError):
        ev[JAARGESPREK]


# --- Lerarenregister: the portfolio ------------------------------------------------------------


def test_the_portfolio_is_voluntary_and_the_teachers_own(rb: Rulebook) -> None:
    outcome = evaluate(rb, Function.LERAAR, date(2019, 1, 1), "lerarenregister")[PORTFOLIO]
    assert outcome.value is True
    assert outcome.edition.id == "lerarenregister-2017"
    assert outcome.citation.read_at.id == AVS
    assert outcome.citation.quote == (
        "De portfoliomodule van het wettelijk register biedt een alternatieve wijze om aan de "
        "slag te kunnen met bekwaamheidsonderhoud."
    )
    assert (
        "Alleen de leraar is eigenaar van zijn portfolio. Hij mag geheel zelf bepalen welke "
        "vormen van professionele ontwikkeling hij passend acht voor zijn bekwaamheidsonderhoud."
    ) in quotes(outcome)
    assert len(outcome.steps) == 2
    assert outcome.notes == ()
    assert outcome.confidence is Confidence.CONFIRMED


def test_from_1_august_2022_the_abolition_is_a_step(rb: Rulebook) -> None:
    day_before = evaluate(rb, Function.LERAAR, date(2022, 7, 31), "lerarenregister")[PORTFOLIO]
    outcome = evaluate(rb, Function.LERAAR, date(2022, 8, 1), "lerarenregister")[PORTFOLIO]
    assert len(day_before.steps) == 2
    assert outcome.value is True  # still not a duty
    assert len(outcome.steps) == 3
    assert "abolished" in outcome.steps[-1].text
    assert any("not in our sources" in note for note in outcome.notes)
    # The abolition rests on a secondary source.
    assert outcome.confidence is Confidence.SECONDARY


@pytest.mark.parametrize("function", [Function.OOP, *DIRECTIE])
def test_the_portfolio_concerns_teachers(rb: Rulebook, function: Function) -> None:
    ev = evaluate(rb, function, date(2019, 1, 1), "lerarenregister")
    assert reason(ev, PORTFOLIO) == "the portfolio of the Lerarenregister concerns teachers"


# --- Schoolleidersregister PO: both regimes ------------------------------------------------


@pytest.mark.parametrize(
    ("on", "edition"),
    [
        (date(2020, 1, 1), "schoolleidersregister-2013"),
        (date(2023, 1, 1), "schoolleidersregister-2022"),
    ],
)
@pytest.mark.parametrize("function", DIRECTIE)
def test_check_that_training_is_in_the_register(
    rb: Rulebook, function: Function, on: date, edition: str
) -> None:
    outcome = evaluate(rb, function, on, "schoolleidersregister")[CONTROLEREN]
    assert outcome.value is True
    assert outcome.edition.id == edition
    assert outcome.citation.read_at.id == AVS
    assert outcome.citation.quote == (
        "Controleer voordat u scholing gaat volgen eerst of deze in het register is opgenomen "
        "als u het wilt gebruiken voor (her)registratie"
    )


@pytest.mark.parametrize("on", [date(2020, 1, 1), date(2023, 1, 1)])
@pytest.mark.parametrize("function", DIRECTIE)
def test_a_registratiebesluit_can_be_asked_by_letter(
    rb: Rulebook, function: Function, on: date
) -> None:
    outcome = evaluate(rb, function, on, "schoolleidersregister")[REGISTRATIEBESLUIT]
    assert outcome.value is True
    assert outcome.citation.read_at.id == AVS
    assert outcome.citation.quote == (
        "Een schoolleider die zich niet via een van de vier mogelijkheden kan registreren, kan "
        "de commissie registratie in een brief om een registratiebesluit vragen."
    )
    # The page speaks of four possibilities but lists five routes: the note says so.
    assert "five" in (outcome.citation.note or "")
    # Step 2: a refusal opens objection, cited from the same page.
    objection = outcome.steps[1].citation
    assert objection is not None
    assert objection.read_at.id == AVS
    assert objection.quote == (
        "Als de commissie besluit niet te registreren, kan bij de commissie bezwaar worden gemaakt."
    )


@pytest.mark.parametrize("rule_id", [CONTROLEREN, REGISTRATIEBESLUIT])
@pytest.mark.parametrize("function", NOT_DIRECTIE)
def test_register_rules_concern_the_directie(
    rb: Rulebook, function: Function, rule_id: str
) -> None:
    for on in (date(2020, 1, 1), date(2023, 1, 1)):
        ev = evaluate(rb, function, on, "schoolleidersregister")
        assert "directors and adjunct-directors" in reason(ev, rule_id)


# --- Schoolleidersregister PO: the register renewed in August 2022 ---------------------------


@pytest.mark.parametrize("function", DIRECTIE)
def test_everything_demonstrable_counts_for_re_registration(
    rb: Rulebook, function: Function
) -> None:
    outcome = evaluate(rb, function, date(2023, 1, 1), "schoolleidersregister")[ALLES_AANTOONBAAR]
    assert outcome.value is True
    assert outcome.edition.id == "schoolleidersregister-2022"
    assert outcome.citation.read_at.id == AVS
    assert outcome.citation.quote == (
        "Alles wat aantoonbaar heeft bijgedragen aan uw ontwikkeling kunt u meenemen voor uw "
        "herregistratie."
    )
    assert outcome.confidence is Confidence.CONFIRMED


def test_only_the_renewed_register_has_the_new_rules(rb: Rulebook) -> None:
    # 23 August 2022 is the old register's last day; the page describes the renewed one.
    old = evaluate(rb, Function.DIRECTEUR, date(2022, 8, 23), "schoolleidersregister")
    new = evaluate(rb, Function.DIRECTEUR, date(2022, 8, 24), "schoolleidersregister")
    for rule_id in (ALLES_AANTOONBAAR, ROUTES):
        assert rule_id not in old.rule_ids
        assert rule_id in new


def test_the_routes_to_the_basic_registration(rb: Rulebook) -> None:
    outcome = evaluate(rb, Function.ADJUNCT_DIRECTEUR, date(2023, 1, 1), "schoolleidersregister")[
        ROUTES
    ]
    # The five ways the page lists (lines 74-78), as the values a Registration records.
    assert outcome.value == (
        "schoolleidersopleiding",
        "master",
        "toetsend-assessment",
        "evc",
        "idw",
    )
    assert outcome.citation.read_at.id == AVS
    assert outcome.citation.quote == (
        "Met een basisregistratie toont u aan dat u beschikt over de basiskwalificaties uit de "
        "beroepsstandaard. Dat kan op een van de volgende manieren:"
    )
    assert "U moet hier wel een bewijsstuk (diploma of certificaat) aan toevoegen." in quotes(
        outcome
    )
    assert len(outcome.steps) == 2  # no registration recorded
    assert any("vier mogelijkheden" in note for note in outcome.notes)


def test_the_recorded_route_is_a_step(rb: Rulebook) -> None:
    registration = Registration(
        register=Register.SCHOOLLEIDERSREGISTER_PO, decision_date=date(2022, 9, 1), route=Route.EVC
    )
    outcome = evaluate(
        rb, Function.DIRECTEUR, date(2023, 1, 1), "schoolleidersregister", registration
    )[ROUTES]
    assert len(outcome.steps) == 3
    assert outcome.steps[-1].text == "This registration was obtained by route evc"


@pytest.mark.parametrize("rule_id", [ALLES_AANTOONBAAR, ROUTES])
@pytest.mark.parametrize("function", NOT_DIRECTIE)
def test_renewed_register_rules_concern_the_directie(
    rb: Rulebook, function: Function, rule_id: str
) -> None:
    ev = evaluate(rb, function, date(2023, 1, 1), "schoolleidersregister")
    assert reason(ev, rule_id) == (
        "the Schoolleidersregister PO concerns directors and adjunct-directors"
    )
