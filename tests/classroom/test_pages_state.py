"""Paused and closed are unmissable on the projector; after closing it shows the way to the
class debrief; the timer's icon is drawn (inline SVG), not a missing glyph; the class debrief
speaks to the class. A real server, headless Chromium at the three sizes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from game.classlink.client import ClassClient
from game.classlink.participant import take_part
from tests.classroom.browser import SIZES, set_size, start_browser, wait_for
from tests.classroom.clip_check import clipped, describe
from tests.classroom.server import Server, start_server

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver


@pytest.fixture(scope="module")
def timed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = str(tmp_path_factory.mktemp("class") / "results.sqlite")
    server = start_server(db, "PKA-JEDA-1", "--allow-bots", "--minutes-per-quarter", "5")
    for i in range(3):
        with ClassClient(server.url, server.code, language="id") as client:
            take_part(client, f"Peserta {i}", bot="greedy" if i else "random", bot_seed=i)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = start_browser(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


def _banner(d: WebDriver) -> tuple[bool, str, int, int]:
    from selenium.webdriver.common.by import By

    b = d.find_element(By.ID, "banner")
    return b.is_displayed(), b.text, b.size["width"], b.size["height"]


def test_paused_and_closed_show_across_the_projector(browser: WebDriver, timed: Server) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    d.get(f"{timed.url}/class/{timed.code}?lang=id")
    set_size(d, 1024, 768)
    wait_for(lambda: d.find_element(By.ID, "projector").get_attribute("data-version") != "0")
    assert not _banner(d)[0]
    timer = d.find_element(By.ID, "timer")
    assert timer.find_elements(By.CSS_SELECTOR, "svg") and "\u2630" not in timer.text
    assert "\u23f1" not in timer.text
    assert timed.control("pause").status_code == 200
    wait_for(lambda: _banner(d)[0])
    for width, height in SIZES:
        set_size(d, width, height)
        _shown, text, w, h = _banner(d)
        assert "DIJEDA" in text.upper() and w >= width - 1 and h >= 40, (text, w, h)
        assert not clipped(d), describe(clipped(d))
    assert timed.control("open").status_code == 200
    wait_for(lambda: not _banner(d)[0])
    assert timed.control("close").status_code == 200
    wait_for(lambda: "DITUTUP" in _banner(d)[1].upper())
    assert not d.find_element(By.ID, "join-open").is_displayed()
    closed = d.find_element(By.ID, "join-closed")
    assert closed.is_displayed() and f"/class/{timed.code}/debrief" in closed.text
    qr = closed.find_element(By.TAG_NAME, "img").get_attribute("src") or ""
    answer = httpx.get(qr)
    assert answer.status_code == 200 and answer.text.lstrip().startswith("<svg")
    for width, height in SIZES:
        set_size(d, width, height)
        assert not clipped(d), describe(clipped(d))


def test_class_debrief_speaks_to_the_class(browser: WebDriver, timed: Server) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    for lang, lead in (("id", "Rata-rata kelas:"), ("en", "Class average:")):
        d.get(f"{timed.url}/class/{timed.code}/debrief?lang={lang}")
        items = d.find_elements(By.CSS_SELECTOR, "ol.questions li")
        assert items and all(item.text.startswith(lead) for item in items)
        assert "3" in d.find_element(By.ID, "questions-note").text


def test_projector_screenshots(browser: WebDriver, timed: Server, tmp_path: Path) -> None:
    import os

    folder = Path(os.environ.get("AGEN_CLASS_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    d = browser
    d.get(f"{timed.url}/class/{timed.code}?lang=en")
    for width, height in SIZES:
        set_size(d, width, height)
        d.save_screenshot(str(folder / f"projector-closed-{width}x{height}-en.png"))
