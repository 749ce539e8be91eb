"""School funding for professionalisation, family ``bekostiging-professionalisering``.

Sources (facts.md section 9 and 6):
- Prestatiebox 2019-2020: "Het bedrag voor schooljaar 2019-2020 is per leerling 196,47 Euro."
  (DUO; art. 41 Regeling bekostiging personeel 2019-2020). 2020-2021: no amount found.
- Regeling bijzondere bekostiging professionalisering (19 March 2021, Stcrt. 2021, 15566), school
  years 2021-2022 and 2022-2023: "Het bedrag voor schooljaar 2021-2022 is per leerling € 94,20."
  (DUO; art. 40 Regeling bekostiging personeel 2021-2022). 2022-2023: amount not found.
- After 2022-2023 (part 3, section 3): the PBSS was not merged into the lumpsum; it lapsed on
  1 August 2023 and was extended by five months, continued in 2024, half went to the
  onderwijsregio's from 2025; no exact amounts ("ca. € 100 per leerling" is approximate).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

import pytest

from onderwijsregels import NoEditionError, NotEncodedError, Rulebook, School, Unit

SCHOOL = School(pupils=212, name="De Regenboog")


def test_2021_2022_per_pupil(rulebook: Rulebook) -> None:
    ev = rulebook.evaluate(SCHOOL, school_year="2021-2022")
    outcome = ev["bekostiging_professionalisering"]
    # 212 × 94.20 = 200 × 94.20 + 12 × 94.20 = 18,840.00 + 1,130.40 = 19,970.40
    assert outcome.value == Decimal("19970.40")
    assert outcome.display == "€ 19.970,40"
    assert outcome.unit is Unit.EUR_PER_SCHOOLJAAR
    assert outcome.edition.id == "bekostiging-professionalisering-2021"
    assert outcome.citation.article == "40"
    assert "94,20" in cast(str, outcome.citation.quote)
    assert ev["bedrag_per_leerling"].value == Decimal("94.20")


@pytest.mark.parametrize(
    ("pupils", "expected"),
    [
        (0, "0.00"),  # 0 × 94.20
        (1, "94.20"),  # 1 × 94.20
        (95, "8949.00"),  # 95 × 94.20 = 9420 − 5 × 94.20 = 9420 − 471 = 8949
    ],
)
def test_2021_2022_other_counts(rulebook: Rulebook, pupils: int, expected: str) -> None:
    ev = rulebook.evaluate(School(pupils=pupils), school_year="2021-2022")
    assert ev["bekostiging_professionalisering"].value == Decimal(expected)


def test_prestatiebox_2019_2020(rulebook: Rulebook) -> None:
    ev = rulebook.evaluate(SCHOOL, school_year="2019-2020")
    outcome = ev["bekostiging_professionalisering"]
    # 212 × 196.47 = 200 × 196.47 + 12 × 196.47 = 39,294.00 + 2,357.64 = 41,651.64
    assert outcome.value == Decimal("41651.64")
    assert outcome.edition.id == "prestatiebox-2019-2020"
    assert outcome.citation.article == "41"
    assert ev["bedrag_per_leerling"].value == Decimal("196.47")


def test_2022_2023_not_encoded(rulebook: Rulebook) -> None:
    ev = rulebook.evaluate(SCHOOL, school_year="2022-2023")
    with pytest.raises(NotEncodedError) as caught:
        ev["bekostiging_professionalisering"]
    message = str(caught.value)
    assert "2022-2023" in message
    assert "not in our sources" in message
    assert "bekostiging_professionalisering" in {item.rule_id for item in ev.not_encoded}
    assert "bekostiging_professionalisering" not in ev


def test_2020_2021_not_encoded(rulebook: Rulebook) -> None:
    ev = rulebook.evaluate(SCHOOL, school_year="2020-2021")
    with pytest.raises(NotEncodedError) as caught:
        ev["bekostiging_professionalisering"]
    assert "2020-2021" in str(caught.value)


def test_2023_2024_without_the_later_editions_says_what_is_covered(rulebook: Rulebook) -> None:
    # Only the 2021 regeling loaded: it covers school years up to 2022-2023, nothing later.
    ev = rulebook.evaluate(SCHOOL, school_year="2023-2024")
    with pytest.raises(NotEncodedError) as caught:
        ev["bekostiging_professionalisering"]
    assert "2021-08-01 to 2022-07-31; 2022-08-01 to 2023-07-31" in str(caught.value)
    assert caught.value.parameter == "bedrag_per_leerling"


def test_2023_2024_with_every_edition_gives_the_extension(rulebook_all: Rulebook) -> None:
    ev = rulebook_all.evaluate(SCHOOL, school_year="2023-2024")
    assert ev.editions[0].edition.id == "bekostiging-professionalisering-2023"
    with pytest.raises(NotEncodedError) as caught:
        ev["bekostiging_professionalisering"]
    message = str(caught.value)
    assert "lapsed on 1 August 2023" in message
    assert "ca. €42 per leerling (5/12 * ca. €100 per leerling)" in message


def test_before_first_edition(rulebook: Rulebook) -> None:
    with pytest.raises(NoEditionError) as caught:
        rulebook.evaluate(SCHOOL, school_year="2018-2019")
    assert caught.value.family == "bekostiging-professionalisering"
    assert caught.value.covered_from is not None
    assert caught.value.covered_from.isoformat() == "2019-08-01"


def test_school_gets_no_employee_rules(rulebook: Rulebook) -> None:
    ev = rulebook.evaluate(SCHOOL, school_year="2021-2022")
    assert "individueel_budget" not in ev.rule_ids
    assert [use.family for use in ev.editions] == ["bekostiging-professionalisering"]


def test_school_evaluated_on_a_day_uses_that_school_year(rulebook: Rulebook) -> None:
    ev = rulebook.evaluate(SCHOOL, on=date(2022, 3, 1))
    # 1 March 2022 lies in school year 2021-2022: 212 × 94.20 = 19,970.40
    assert ev["bekostiging_professionalisering"].value == Decimal("19970.40")
    assert any(
        "Counted per school year: the value for 2021-2022" in note
        for note in ev["bekostiging_professionalisering"].notes
    )
