"""The rekentool in a real headless chromium, used as a person would: type, choose, submit, read.

Drives Debian's chromium (``/usr/bin/chromium`` with ``/usr/bin/chromedriver``) through selenium
against a real ``onderwijsregels serve`` process, and saves screenshots to
``artifacts/screenshots/``. Without chromium the tests are skipped, unless
``ONDERWIJSREGELS_REQUIRE_BROWSER=1`` is set: then a missing browser fails them.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1200,1600",
)


def _browser_missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (Path(path).is_file() and os.access(path, os.X_OK)) and not shutil.which(path):
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    return None


def require_browser() -> None:
    """Skip when chromium is missing, or fail when ONDERWIJSREGELS_REQUIRE_BROWSER=1."""
    missing = _browser_missing()
    if missing:
        if os.environ.get("ONDERWIJSREGELS_REQUIRE_BROWSER") == "1":
            pytest.fail(f"ONDERWIJSREGELS_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)


def test_a_missing_browser_skips_unless_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.delenv("ONDERWIJSREGELS_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="/nonexistent/chromium is not installed"):
        require_browser()
    monkeypatch.setenv("ONDERWIJSREGELS_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="ONDERWIJSREGELS_REQUIRE_BROWSER=1 but"):
        require_browser()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    require_browser()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def shoot(browser: WebDriver, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert browser.save_screenshot(str(path))
    assert path.stat().st_size > 0
    return path


def wait_for(browser: WebDriver, css: str) -> WebElement:
    """The element at ``css`` once the page that has it has loaded (a click does not wait)."""
    found = WebDriverWait(browser, 30).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css))
    )
    assert isinstance(found, WebElement)
    return found


def gone(old: WebElement) -> Callable[[WebDriver], bool]:
    """A wait condition: the page that had ``old`` is gone. Selenium's ``staleness_of`` takes
    only a stale-element error as gone; in the middle of a navigation chromium may answer
    "node does not belong to the document" instead, which is gone too."""

    def check(_: WebDriver) -> bool:
        try:
            old.is_enabled()
        except WebDriverException:  # stale, or no longer in the document
            return True
        return False

    return check


def submit(browser: WebDriver, element: WebElement, then: str) -> WebElement:
    """Submit with ``element`` (a click or Enter) and wait for the new page's ``then``."""
    old = browser.find_element(By.TAG_NAME, "html")
    if element.tag_name == "button":
        element.click()
    else:
        element.send_keys(Keys.ENTER)
    WebDriverWait(browser, 30).until(gone(old))
    return wait_for(browser, then)


def type_into(browser: WebDriver, field: str, text: str) -> None:
    element = browser.find_element(By.ID, field)
    element.clear()
    element.send_keys(text)


def test_a_teacher_budget_by_hand(browser: WebDriver, server: str) -> None:
    browser.get(f"{server}/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"
    Select(browser.find_element(By.ID, "function")).select_by_visible_text("Leraar")
    type_into(browser, "werktijdfactor", "0,6")
    type_into(browser, "scale", "L11")
    type_into(browser, "year", "2020")
    shoot(browser, "rekentool-ingevuld")
    button = browser.find_element(By.CSS_SELECTOR, "button[type=submit]")
    value = submit(browser, button, 'td.waarde[data-regel="individueel_budget"]')
    assert value.text == "€ 360,00"  # (500 + 100) x 0.6, CAO PO 2019-2020 art. 9.3 lid 2
    row = browser.find_element(By.ID, "regel-individueel_budget")
    assert "CAO PO 2019-2020, art. 9.3 lid 2" in row.find_element(By.CLASS_NAME, "artikel").text
    assert row.find_element(By.CLASS_NAME, "label").text == "Secundaire bron"

    explanation = browser.find_element(By.CSS_SELECTOR, "#berekening pre")
    assert not explanation.is_displayed()  # closed until asked for
    summary = browser.find_element(By.CSS_SELECTOR, "#berekening summary")
    assert summary.text == "Toon berekening"
    summary.click()
    assert explanation.is_displayed()
    assert "€ 600,00 × werktijdfactor 0.6 = € 360,00" in explanation.text
    shoot(browser, "rekentool-berekening")


def test_bad_input_by_keyboard_shows_the_message(browser: WebDriver, server: str) -> None:
    browser.get(f"{server}/")
    type_into(browser, "werktijdfactor", "veel")
    type_into(browser, "year", "2020")
    # submit with the keyboard: Enter in a field
    message = submit(browser, browser.find_element(By.ID, "year"), "#werktijdfactor-fout")
    assert message.text == "'veel' is not a decimal number"
    field = browser.find_element(By.ID, "werktijdfactor")
    assert field.get_attribute("aria-invalid") == "true"
    assert browser.find_elements(By.ID, "uitkomsten") == []
    shoot(browser, "rekentool-fout")


def test_the_schoolleidersregister_tab(browser: WebDriver, server: str) -> None:
    browser.get(f"{server}/")
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.LINK_TEXT, "Schoolleidersregister").click()
    WebDriverWait(browser, 30).until(gone(old))
    assert wait_for(browser, "h1").text == "Schoolleidersregister PO"
    Select(browser.find_element(By.ID, "function")).select_by_visible_text("Directeur")
    type_into(browser, "werktijdfactor", "1")
    browser.execute_script(  # a date field takes its value in the browser's own format
        "arguments[0].value = arguments[1]; arguments[2].value = arguments[3];",
        browser.find_element(By.ID, "decision_date"),
        "2022-09-01",
        browser.find_element(By.ID, "on"),
        "2025-01-01",
    )
    Select(browser.find_element(By.ID, "predicate")).select_by_visible_text("niveau 2")
    Select(browser.find_element(By.ID, "route")).select_by_visible_text("schoolleidersopleiding")
    type_into(browser, "points", "85")
    status = submit(
        browser, browser.find_element(By.CSS_SELECTOR, "button[type=submit]"), "#status"
    )
    # first registration 2022-09-01 + 5 years = 2027-09-01 (tests/test_register_board.py)
    assert status.text == "geregistreerd"
    assert browser.find_element(By.ID, "volgende-datum").text == "2027-09-01"
    shoot(browser, "schoolleidersregister")
