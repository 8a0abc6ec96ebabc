"""The class pages in a real headless Chromium (Debian's chromium + chromedriver, selenium).

The projector shows the class code, then a participant's move appears without a reload;
screenshots at 1920x1080 (and 1280x720) go to $AGEN_CLASS_SHOTS or the test's folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from game.classlink.client import ClassClient
from game.classlink.participant import take_part
from tests.classroom.browser import set_size as _size
from tests.classroom.browser import start_browser
from tests.classroom.browser import wait_for as _wait
from tests.classroom.server import Server

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = start_browser(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("AGEN_CLASS_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_projector_updates_live_without_reload(
    browser: WebDriver, bots_server: Server, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    server = bots_server
    shots = _shots(tmp_path)
    d.get(f"{server.url}/class/{server.code}?lang=id")
    _size(d, 1920, 1080)
    root = d.find_element(By.ID, "projector")
    assert server.code in d.find_element(By.CSS_SELECTOR, ".big-code").text
    _wait(lambda: root.get_attribute("data-version") != "0")
    d.execute_script("window.__sameDocument = 'yes'")
    with ClassClient(server.url, server.code, language="id") as client:
        seat = client.join("Ayu <b>Lestari</b>", members=("Budi", "Citra"))

        def chips() -> str:
            return str(d.find_element(By.ID, "chips").text)

        _wait(lambda: "Ayu <b>Lestari</b>" in chips())
        info = client.info()
        from game.classlink.participant import fetch_scenario
        from game.engine import BOTS, Game

        loaded = fetch_scenario(client, info, tmp_path / "scenario")
        game = Game(loaded.compiled, info.seed)
        import random

        BOTS["greedy"](game, random.Random(1))
        game.end_turn()
        reply = client.send_progress(seat, 1, [x.to_json() for x in game.decisions])
        assert reply.status == 201
    # the participant's move (quarter 1 done: now in quarter 2) shows without a reload
    _wait(lambda: "T2" in chips() or "Q2" in chips())
    _wait(lambda: "n=1" in d.find_element(By.ID, "quarters").text)
    assert d.execute_script("return window.__sameDocument") == "yes"
    assert not d.find_elements(By.CSS_SELECTOR, "#chips b")  # escaped
    for _ in range(11):
        with ClassClient(server.url, server.code, language="id") as client:
            take_part(client, f"Peserta {_:02d}", bot="greedy" if _ % 3 else "random")
    _wait(lambda: len(d.find_elements(By.CSS_SELECTOR, "#board tr")) >= 11)
    d.save_screenshot(str(shots / "projector-1920x1080-id.png"))
    d.get(f"{server.url}/class/{server.code}?lang=en")
    _size(d, 1280, 720)
    _wait(lambda: "leaderboard" in d.find_element(By.TAG_NAME, "body").text.lower())
    _wait(lambda: len(d.find_elements(By.CSS_SELECTOR, "#board tr")) >= 11)
    d.save_screenshot(str(shots / "projector-1280x720-en.png"))
    # the control page: nothing without the token; with it, closing the class
    d.get(f"{server.url}/class/{server.code}/control?token=wrong")
    assert "Akses ditolak" in d.find_element(By.TAG_NAME, "body").text
    _size(d, 1280, 720)
    d.get(f"{server.url}/class/{server.code}/control?token={server.token}&lang=en")
    _wait(lambda: len(d.find_elements(By.CSS_SELECTOR, "#seats tr")) >= 12)
    d.save_screenshot(str(shots / "control-1280x720-en.png"))
    d.execute_script("window.confirm = function () { return true; }")
    d.find_element(By.ID, "act-close").click()
    _wait(lambda: "closed" in d.find_element(By.ID, "state").text)
    assert httpx.get(f"{server.url}/api/v1/classes/{server.code}").json()["state"] == "closed"
    d.get(f"{server.url}/class/{server.code}/debrief?lang=id&token={server.token}")
    _size(d, 1280, 720)
    body = d.find_element(By.TAG_NAME, "body").text.lower()
    assert "debrief kelas" in body and "pertanyaan diskusi" in body
    assert "refleksi kelas" in body  # the class's predictions and principle groups
    assert d.find_element(By.ID, "download")
    height = d.execute_script("return document.body.scrollHeight")
    d.set_window_size(1280, min(int(height) + 200, 6000))
    d.save_screenshot(str(shots / "debrief-id.png"))
    xlsx = httpx.get(f"{server.url}/class/{server.code}/export.xlsx?token={server.token}")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert httpx.get(f"{server.url}/class/{server.code}/export.xlsx").status_code == 401
