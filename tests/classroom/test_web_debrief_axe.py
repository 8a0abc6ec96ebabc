"""axe-core on every play page a participant meets, in a real headless Chromium at a
phone's 390x844: the join page (both languages), the briefing after a real tap on "join",
the quarter (or the event in front of it), the prediction prompt, a turn report and the
debrief. No "serious" or "critical" violation on any of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from game.engine import Choose, Game
from game.scenario import load_scenario
from tests.classroom.axe import assert_accessible
from tests.classroom.browser import set_size, start_browser, wait_for
from tests.classroom.server import Server, start_server
from tests.classroom.web_seat import WebSeat
from tests.files import SCENARIOS

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

DUKCAPIL = SCENARIOS / "dukcapil.toml"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = str(tmp_path_factory.mktemp("class") / "results.sqlite")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AGEN_CLASS_RATE", "1000/1")  # a script taps faster than a thumb
        found = start_server(db, "PKA-AXE", scenario=DUKCAPIL)
    yield found
    found.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = start_browser(tmp_path_factory.mktemp("chromium"))
    set_size(driver, 390, 844)
    yield driver
    driver.quit()


def test_every_play_page_passes_axe(browser: WebDriver, server: Server) -> None:
    from selenium.webdriver.common.by import By

    base, code = server.url, server.code
    for lang in ("en", "id"):
        browser.get(f"{base}/p/{code}?lang={lang}")
        assert_accessible(browser, f"join ({lang})")
    browser.find_element(By.ID, "name").send_keys("Axe Peserta")
    browser.find_element(By.ID, "join").click()
    wait_for(lambda: browser.current_url.endswith("/briefing"))
    assert_accessible(browser, "briefing")
    loaded = load_scenario(DUKCAPIL)
    cookie = next(c for c in browser.get_cookies() if c.get("httpOnly"))
    seat = WebSeat.resume(base, code, "Axe Peserta", loaded, (cookie["name"], cookie["value"]))
    game: Game = seat.game
    assert game.pending_events(), "the scenario's first quarter opens with an event"
    for event in game.pending_events():
        browser.get(f"{base}/p/{code}/play")
        assert browser.find_elements(By.CSS_SELECTOR, "form")
        assert_accessible(browser, f"event {event}")
        choice = game.default_choice(event)
        assert seat.act("choose", event=event, choice=choice).status_code == 200
        game.act(Choose(event, choice))
    browser.get(f"{base}/p/{code}/play")
    assert_accessible(browser, "quarter")
    policy = next(p.id for p in game.scenario.policies if game.can_adopt(p.id))
    browser.get(f"{base}/p/{code}/predict/{policy}")
    assert "/predict/" in browser.current_url
    assert_accessible(browser, "prediction prompt")
    assert seat.act("end").status_code == 200
    game.end_turn()
    browser.get(f"{base}/p/{code}/report/1")
    assert "/report/1" in browser.current_url
    assert_accessible(browser, "turn report")
    seat.play("random", seed=5)
    browser.get(f"{base}/p/{code}/debrief")
    assert browser.current_url.endswith("/debrief")
    assert_accessible(browser, "debrief")
