"""The quarter timer on a real server: not running until the facilitator starts it (never
from the server's start); Start, +1 minute, Stop and the choice of what happens at the end on
the control page; the projector, the control page and the API show the same seconds (±2 s)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from tests.classroom.browser import SIZES, set_size, start_browser, wait_for
from tests.classroom.clip_check import clipped, describe
from tests.classroom.server import Server, start_server

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver


@pytest.fixture(scope="module")
def timed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = str(tmp_path_factory.mktemp("class") / "results.sqlite")
    server = start_server(db, "PKA-WAKTU-1", "--lockstep", "--minutes-per-quarter", "5")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = start_browser(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


def _info(server: Server) -> dict[str, Any]:
    return dict(httpx.get(f"{server.url}/api/v1/classes/{server.code}").json())


def _seconds(text: str) -> int | None:
    found = re.search(r"(\d+):(\d\d)", text)
    return None if found is None else int(found.group(1)) * 60 + int(found.group(2))


def test_the_timer_waits_for_the_facilitator(timed: Server) -> None:
    info = _info(timed)
    assert info["seconds_left"] is None
    assert info["timer"] == {
        "seconds": 300.0,
        "running": False,
        "left": None,
        "round": 0,
        "on_expiry": "nothing",
        "expired": False,
    }


def test_control_page_runs_the_timer_and_every_screen_agrees(
    timed: Server, browser: WebDriver
) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    d.get(f"{timed.url}/class/{timed.code}/control?token={timed.token}&lang=id")
    set_size(d, 1024, 768)
    left = d.find_element(By.ID, "timer-left")
    wait_for(lambda: "tidak berjalan" in left.text)
    d.find_element(By.ID, "act-timer-start").click()
    wait_for(lambda: _seconds(left.text) is not None)
    api = _info(timed)["timer"]
    assert api["running"] and api["round"] == 1
    assert abs((_seconds(left.text) or 0) - api["left"]) <= 2
    d.find_element(By.ID, "act-timer-add").click()
    wait_for(lambda: (_seconds(left.text) or 0) > 330)
    assert abs((_seconds(left.text) or 0) - _info(timed)["timer"]["left"]) <= 2
    d.find_element(By.ID, "expiry-end_quarter").click()
    wait_for(lambda: _info(timed)["timer"]["on_expiry"] == "end_quarter")
    wait_for(lambda: "triwulan ditutup" in d.find_element(By.ID, "expiry-now").text)
    for width, height in SIZES:
        set_size(d, width, height)
        assert not clipped(d), describe(clipped(d))
    control_seconds = _seconds(left.text) or 0
    d.get(f"{timed.url}/class/{timed.code}?lang=id")
    timer = d.find_element(By.ID, "timer")
    wait_for(lambda: timer.is_displayed() and _seconds(timer.text) is not None)
    assert abs((_seconds(timer.text) or 0) - control_seconds) <= 2
    assert abs((_seconds(timer.text) or 0) - _info(timed)["timer"]["left"]) <= 2


def test_stop_then_opening_the_next_quarter_starts_a_full_quarter(timed: Server) -> None:
    assert timed.control("timer_stop").status_code == 200
    assert _info(timed)["timer"]["running"] is False
    assert timed.control("next").status_code == 200
    timer = _info(timed)["timer"]
    assert timer["running"] and 295 <= timer["left"] <= 300 and timer["round"] >= 2
    assert timed.control("pause").status_code == 200
    frozen = _info(timed)["timer"]["left"]
    assert _info(timed)["timer"]["left"] == frozen  # a pause freezes it
    assert timed.control("open").status_code == 200
