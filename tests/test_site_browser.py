"""The published site and the HTML report in a real browser, as a resident would meet them.

Headless Chromium (Debian's ``chromium`` and ``chromium-driver``; ``.ci/run`` installs them when
they are missing) opens the pages of ``planstrategi site`` and of ``report --format html`` at a
phone's width (390 px) and a desktop's (1280 px) and checks what a person would notice: the page
does not scroll sideways, the browser logs no error, the filter links lead to exactly the plans
they name, and axe-core (from the axe-core-python package) finds no WCAG 2.1 A or AA violation.
Skipped, saying why, only where no Chromium is installed.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_core_python.base import AXE_SCRIPT
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from typer.testing import CliRunner

from planstrategi.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
AS_OF = "2026-12-02"
WIDTHS = (390, 1280)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="no chromium/chromedriver installed (apt-get install chromium chromium-driver; .ci/run does it as root)",
)


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--data", str(DATA), "--as-of", AS_OF], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes.decode("utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled register's site in ``site/`` and its report in ``report.html``."""
    folder = tmp_path_factory.mktemp("browser")
    _run("site", "--output", str(folder / "site"))
    _run("report", "--format", "html", "--output", str(folder / "report.html"))
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    driver.set_script_timeout(300)  # axe on the 60-row report under a loaded machine
    try:
        yield driver
    finally:
        driver.quit()


def _open(driver: webdriver.Chrome, path: Path, width: int) -> None:
    driver.set_window_size(width, 900)
    driver.get(path.as_uri())
    driver.get_log("browser")  # what an earlier page logged is not this page's


def _errors(driver: webdriver.Chrome) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def _overflow(driver: webdriver.Chrome) -> tuple[int, int]:
    scroll, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    return int(scroll), int(inner)


def _axe(driver: webdriver.Chrome) -> list[str]:
    driver.execute_script(AXE_SCRIPT)
    options = json.dumps({"runOnly": {"type": "tag", "values": WCAG}})
    results = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        f"axe.run(document, {options}).then(done, function (e) {{ done({{error: String(e)}}); }});"
    )
    assert "error" not in results, results
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×: {v['nodes'][0]['html'][:120]})" for v in results["violations"]
    ]


PAGES = {
    "index": "site/index.html",
    "plan": "site/plan/kommuneplanens-arealdel.html",
    "filter": "site/gruppe/landbruk.html",
    "revisions": "site/revisjon.html",
    "checklist": "site/krav.html",
    "report": "report.html",
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_the_page_fits_the_screen_logs_nothing_and_passes_axe(
    built: Path, browser: webdriver.Chrome, page: str, width: int
) -> None:
    _open(browser, built / PAGES[page], width)
    scroll, inner = _overflow(browser)
    assert scroll <= inner, f"{page} scrolls sideways at {width} px: {scroll} > {inner}"
    assert browser.find_element(By.TAG_NAME, "h1").text
    assert _errors(browser) == []
    assert _axe(browser) == []


@pytest.mark.parametrize("page", ["index", "report"])
def test_nothing_scrolls_sideways_on_the_narrowest_phone(built: Path, browser: webdriver.Chrome, page: str) -> None:
    _open(browser, built / PAGES[page], 320)
    scroll, inner = _overflow(browser)
    assert scroll <= inner, f"{page} at 320 px: {scroll} > {inner}"


def test_a_table_row_reads_as_labelled_lines_on_a_phone(built: Path, browser: webdriver.Chrome) -> None:
    """Under 40em each row is a block: the column headings are hidden and each cell shows its label."""
    _open(browser, built / PAGES["index"], 390)
    cell = browser.find_element(By.CSS_SELECTOR, "main table tbody td[data-label]")
    label = cell.get_attribute("data-label")
    shown = browser.execute_script("return getComputedStyle(arguments[0], '::before').content", cell)
    assert shown == f'"{label}: "'
    assert browser.execute_script("return getComputedStyle(arguments[0]).display", cell) == "block"


def _listed(driver: webdriver.Chrome) -> list[str]:
    """The plans a page lists, by id: the pages its row headings link to (plan/<id>.html)."""
    links = driver.find_elements(By.CSS_SELECTOR, 'main table th[scope="row"] a')
    assert len(links) == len(driver.find_elements(By.CSS_SELECTOR, 'main table th[scope="row"]'))
    return sorted(Path(urlparse(a.get_attribute("href") or "").path).stem for a in links)


def _expected(option: str, value: str) -> list[str]:
    """What ``planstrategi list`` (or ``due YEAR``) answers for the same filter: the oracle the filter
    pages must match."""
    if option == "due":
        return sorted(row["id"] for row in json.loads(_run("due", value, "--format", "json"))["rows"])
    return sorted(row["id"] for row in json.loads(_run("list", "--format", "json", option, value))["rows"])


def test_every_filter_link_leads_to_exactly_the_plans_it_names(built: Path, browser: webdriver.Chrome) -> None:
    site = built / "site"
    _open(browser, site / "index.html", 1280)
    assert len(_listed(browser)) == len(json.loads(_run("list", "--format", "json"))["rows"])
    filters = browser.find_element(By.CSS_SELECTOR, "main nav")
    links = [Path(urlparse(a.get_attribute("href") or "").path) for a in filters.find_elements(By.TAG_NAME, "a")]
    folders = {link.parent.name for link in links}
    assert {"gruppe", "type", "status"} <= folders and site / "til-revisjon.html" in links
    facts = json.loads(_run("list", "--format", "json"))["rows"]
    options = {"gruppe": ("--category", "category"), "type": ("--kind", "kind"), "status": ("--status", "status")}
    checked = 0
    for link in links:
        _open(browser, link, 1280)
        if link.parent.name in options:
            option, key = options[link.parent.name]
            value = next(r[key] for r in facts if link.stem == _file_part(r[key]))
            assert _listed(browser) == _expected(option, value), link
            checked += 1
        elif link.name == "til-revisjon.html":
            assert _listed(browser) == _expected("due", AS_OF[:4])
            checked += 1
        assert _errors(browser) == []
    assert checked == len(links) - 1  # all but the link back to every plan


def _file_part(value: str) -> str:
    return value.replace("æ", "ae").replace("ø", "o").replace("å", "a")


def test_the_skip_link_is_the_first_stop_and_shows_itself(built: Path, browser: webdriver.Chrome) -> None:
    from selenium.webdriver.common.keys import Keys

    _open(browser, built / PAGES["index"], 390)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip" and focused.get_attribute("href").endswith("#main")
    assert focused.rect["y"] >= 0 and focused.is_displayed()
