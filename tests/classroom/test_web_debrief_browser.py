"""The browser debrief in a real headless Chromium, on phones 360 to 430 px wide and on a
1366x768 laptop, in both languages: nothing scrolls sideways, no text of the page is cut, no text
under 16 px, every link and button at least 44 px tall, axe-core finds nothing serious,
and a tap on the Aksi button downloads the Word draft. Screenshots of the whole page go to
$AGEN_CLASS_SHOTS when it is set (else the test's folder)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from game.scenario import load_scenario
from tests.classroom.axe import assert_accessible
from tests.classroom.browser import set_size, start_browser, wait_for
from tests.classroom.clip_check import clipped, describe, small_texts
from tests.classroom.server import Server, start_server
from tests.classroom.web_seat import WebSeat
from tests.files import SCENARIOS

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

DUKCAPIL = SCENARIOS / "dukcapil.toml"
SIZES = ((360, 640), (390, 844), (430, 932), (1366, 768))

_TAPS = """
return Array.from(document.querySelectorAll('main a, main button, main summary'))
  .filter(e => e.offsetParent !== null)
  .map(e => [e.textContent.trim().slice(0, 40), e.getBoundingClientRect().height])
  .filter(([, h]) => h < 44);
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = str(tmp_path_factory.mktemp("class") / "results.sqlite")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AGEN_CLASS_RATE", "1000/1")  # a script taps faster than a thumb
        found = start_server(db, "PKA-SHOTS", scenario=DUKCAPIL)
    yield found
    found.stop()


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(
    tmp_path_factory: pytest.TempPathFactory, server: Server, downloads: Path
) -> Iterator[WebDriver]:
    seat = WebSeat.join(server.url, server.code, "Rina Ponsel", load_scenario(DUKCAPIL))
    seat.play("greedy", seed=2)
    driver = start_browser(tmp_path_factory.mktemp("chromium"))
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    driver.get(f"{server.url}/p/{server.code}")
    name, value = seat.cookie
    path = f"/p/{server.code}"
    driver.add_cookie(
        {"name": name, "value": value, "path": path, "httpOnly": True, "sameSite": "Strict"}
    )
    yield driver
    driver.quit()


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("AGEN_CLASS_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _frame(selector: str) -> bool:
    """Whether a finding is in the play pages' frame (the bar, the skip link), which the
    browser game's own tests check, not in the debrief."""
    return any(part in selector for part in ("header.top", "a.skip"))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_debrief_fits_a_phone_and_a_laptop(
    browser: WebDriver, server: Server, tmp_path: Path, lang: str, width: int, height: int
) -> None:
    set_size(browser, width, height)
    browser.get(f"{server.url}/p/{server.code}/debrief?lang={lang}")
    assert browser.execute_script("return document.documentElement.lang") == lang
    assert browser.find_element("css selector", "h1").text
    scroll = browser.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll[0] <= scroll[1], f"scrolls sideways: {scroll}"
    cut = [f for f in clipped(browser) if not _frame(f["selector"])]
    assert not cut, describe(cut)
    small = [f for f in small_texts(browser, 16) if not _frame(f["selector"])]
    assert not small, describe(small)
    assert browser.execute_script(_TAPS) == []
    charts = browser.find_elements("css selector", "main .db-plot[role=img]")
    assert charts and all(c.get_attribute("aria-label") for c in charts)
    assert_accessible(browser, f"debrief {lang} {width}x{height}")
    full = int(browser.execute_script("return document.documentElement.scrollHeight"))
    set_size(browser, width, min(full, 9000))
    browser.save_screenshot(str(_shots(tmp_path) / f"play-debrief-{lang}-{width}x{height}.png"))
    set_size(browser, width, height)


def test_a_tap_on_the_aksi_button_downloads_the_word_draft(
    browser: WebDriver, server: Server, downloads: Path
) -> None:
    set_size(browser, 390, 844)
    browser.get(f"{server.url}/p/{server.code}/debrief?lang=id")
    button = browser.find_element("css selector", "main a.db-button[download]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()

    def arrived() -> list[Path]:
        return [p for p in downloads.glob("*.docx") if p.stat().st_size > 0]

    wait_for(arrived, timeout=30)
    time.sleep(0.2)
    (found,) = arrived()
    assert found.name.startswith(f"aksi-perubahan-{server.code}-Rina-Ponsel")
    assert found.read_bytes()[:2] == b"PK"  # a Word document is a zip
