"""The rekentool pages, rendered on the server: values with their articles, labels, errors."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from starlette.testclient import TestClient

TEACHER = {"function": "leraar", "werktijdfactor": "0,6", "scale": "L11", "year": "2020"}
IVO = {
    "function": "directeur",
    "werktijdfactor": "1",
    "decision_date": "2022-09-01",
    "predicate": "niveau 2",
    "route": "schoolleidersopleiding",
    "points": "85",
    "on": "2025-01-01",
}


class Form(HTMLParser):
    """The fields of a page (input and select) and the ids its labels point at."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, dict[str, str | None]] = {}
        self.labelled: set[str] = set()
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang")
        if tag in ("input", "select") and found.get("type") != "hidden":
            self.fields[str(found.get("id"))] = found
        if tag == "label" and found.get("for"):
            self.labelled.add(str(found["for"]))


def parse(text: str) -> Form:
    form = Form()
    form.feed(text)
    return form


def cell(text: str, rule: str) -> str:
    """The value shown for ``rule`` in the outcomes table."""
    found = re.search(rf'<td class="waarde" data-regel="{rule}">([^<]*)</td>', text)
    assert found, f"no value for {rule}"
    return found.group(1)


@pytest.mark.parametrize("path", ["/", "/schoolleidersregister"])
def test_every_field_has_a_label_and_the_page_is_dutch(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 200
    page = parse(answer.text)
    assert page.lang == "nl"
    assert page.fields, "the page has a form"
    assert set(page.fields) <= page.labelled
    assert "<script" not in answer.text  # works without JavaScript


def test_the_form_shows_the_budget_with_its_article(client: TestClient) -> None:
    answer = client.get("/", params=TEACHER)
    assert answer.status_code == 200
    # (500 + 100) x 0.6 = 360.00, written the Dutch way; the comma in 0,6 is read as 0.6
    assert cell(answer.text, "individueel_budget") == "€ 360,00"
    row = answer.text[answer.text.index('id="regel-individueel_budget"') :]
    row = row[: row.index("</tr>")]
    assert "CAO PO 2019-2020, art. 9.3 lid 2" in row
    assert "Secundaire bron" in row  # art. 9.8 (the 2020 top-up) is not confirmed: secondary
    assert cell(answer.text, "uren_per_werkweek") == "1,2 uur per werkweek"  # 2 hours x 0.6
    assert "<summary>Toon berekening</summary>" in answer.text
    assert "€ 600,00 × werktijdfactor 0.6 = € 360,00" in answer.text  # the explanation's step
    assert 'value="0,6"' in answer.text  # the form keeps what was typed


def test_interpretations_are_labelled(client: TestClient) -> None:
    answer = client.get("/", params=TEACHER)
    row = answer.text[answer.text.index('id="regel-uren_per_jaar"') :]
    row = row[: row.index("</tr>")]
    assert "Interpretatie" in row


def test_bad_input_shows_the_library_message_next_to_the_field(client: TestClient) -> None:
    answer = client.get("/", params={**TEACHER, "werktijdfactor": "veel", "year": "20x0"})
    assert answer.status_code == 422
    assert 'id="werktijdfactor"' in answer.text
    field = parse(answer.text).fields["werktijdfactor"]
    assert field["aria-invalid"] == "true"
    assert "werktijdfactor-fout" in str(field["aria-describedby"])
    assert (
        '<p class="fout" id="werktijdfactor-fout">&#39;veel&#39; is not a decimal number</p>'
        in answer.text
    )
    assert "is not a year written as four digits" in answer.text
    assert "Traceback" not in answer.text
    assert 'id="uitkomsten"' not in answer.text


def test_a_day_goes_before_the_prefilled_year(client: TestClient) -> None:
    # The form starts with this year filled in; a person who types a day means that day.
    answer = client.get("/", params={**TEACHER, "year": "2026", "on": "2020-05-01"})
    assert answer.status_code == 200
    assert "2020-05-01" in answer.text
    assert "€ 360,00" in answer.text  # (500 + 100) × 0.6 under CAO PO 2019-2020


def test_an_empty_werktijdfactor_or_period_is_asked_for_in_dutch(client: TestClient) -> None:
    answer = client.get("/", params={**TEACHER, "werktijdfactor": "", "year": ""})
    assert answer.status_code == 422
    assert "vul de werktijdfactor in, bijvoorbeeld 0,6" in answer.text
    assert "vul een kalenderjaar of een dag in" in answer.text


def test_the_register_page_shows_status_and_next_date(client: TestClient) -> None:
    answer = client.get("/schoolleidersregister", params=IVO)
    assert answer.status_code == 200
    # first registration 2022-09-01 + 5 years = 2027-09-01 (tests/test_register_board.py)
    assert '<dd id="status">geregistreerd</dd>' in answer.text
    assert '<dd id="volgende-datum">2027-09-01</dd>' in answer.text
    row = answer.text[answer.text.index('id="regel-schoolleidersregister_herregistratiedatum"') :]
    assert "Registerreglement Schoolleidersregister PO, art. 7 lid 1" in row[: row.index("</tr>")]
    assert cell(answer.text, "schoolleidersregister_punten_nodig") == "15 punten"  # 100 - 85
    assert "<dt>Categorie voor het bestuur</dt><dd>in orde</dd>" in answer.text  # Dutch


def test_the_register_page_names_each_bad_field(client: TestClient) -> None:
    answer = client.get(
        "/schoolleidersregister", params={**IVO, "decision_date": "2022-13-01", "on": ""}
    )
    assert answer.status_code == 422
    assert 'id="decision_date-fout"' in answer.text
    assert 'id="on-fout"' in answer.text


def test_the_scale_list_says_which_scales_were_removed(client: TestClient) -> None:
    # CAO PO 2024-2025 removed A10 and D11, with regrading before 2025-07-01.
    page = client.get("/").text
    assert '<option value="D11">geschrapt door CAO PO 2024-2025; herindelen vóór 2025-07-01' in page
    assert '<option value="L11"></option>' in page


def test_a_year_no_edition_covers_is_a_problem_of_the_year_field(client: TestClient) -> None:
    # The CAO PO editions start with the content of 2020 (CAO PO 2019-2020, from 2020-01-01).
    answer = client.get("/", params={**TEACHER, "year": "2019"})
    assert answer.status_code == 422
    assert "governs 2019-01-01" in answer.text
    assert 'id="year"' in answer.text
