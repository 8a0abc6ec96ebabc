"""The browser game never loses or doubles an action: a refresh, the back button, a second
tab on the same seat, a double submit, and the server killed and restarted mid-quarter.
Then a mixed class (a browser seat and an ``agen simulate --join`` bot) shows on the
projector, the control page, the class debrief and in ``agen results list``.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import httpx
import pytest
from sqlalchemy import func, select

from game.classroom.web.seat_tables import web_actions
from game.results.store import open_store
from tests.classroom.server import Server, start_server
from tests.classroom.web_driving import (
    LAPTOP,
    PHONE,
    css,
    gone,
    path,
    set_size,
    start_chromium,
    tap,
    wait_for,
)
from tests.files import ROOT

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

CODE = "PKA-WEB-R"


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    d = start_chromium(tmp_path_factory.mktemp("chromium"))
    yield d
    d.quit()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Server]]:
    """The class (a list: the test replaces the server it kills and restarts)."""
    db = str(tmp_path_factory.mktemp("webr") / "results.sqlite")
    running = [start_server(db, CODE, "--allow-bots", "--predict", "off")]
    yield running
    running[-1].stop()


def _steps(db: str) -> int:
    """Actions applied to browser seats, as the store holds them."""
    store = open_store(db)
    with store.engine.connect() as conn:
        n = conn.execute(
            select(func.count()).select_from(web_actions).where(web_actions.c.seq.is_not(None))
        ).scalar()
    store.close()
    return int(n or 0)


def _actions_left(d: WebDriver) -> str:
    return str(css(d, "#actions-left")[0].text)


def _quarter(d: WebDriver) -> str:
    return str(css(d, "#quarter-title")[0].text)


def _answer_events(d: WebDriver) -> None:
    while css(d, "button[data-choice]"):
        tap(d, "button[data-choice]:not([aria-disabled])")


def _end_quarter(d: WebDriver) -> None:
    tap(d, "#end-quarter")
    wait_for(lambda: "/report/" in path(d))
    tap(d, "#next")


def _form(d: WebDriver, selector: str) -> dict[str, str]:
    """The hidden fields of the form around the element ``selector``."""
    fields = d.execute_script(
        "const f = document.querySelector(arguments[0]).form;"
        "return Object.fromEntries(new FormData(f).entries());",
        selector,
    )
    return {str(k): str(v) for k, v in fields.items()}


def test_refresh_back_tabs_double_submit_and_restart_lose_and_double_nothing(
    driver: WebDriver, server: list[Server]
) -> None:
    d, s = driver, server[0]
    d.get(f"{s.url}/p/{CODE}?lang=en")
    css(d, "#name")[0].send_keys("Ayu Lestari")
    tap(d, "#join")
    tap(d, "#start")
    _answer_events(d)
    assert _actions_left(d) == "2"
    tap(d, "#p-hybrid_work form.act button")
    assert "Adopted" in css(d, "#flash")[0].text and _actions_left(d) == "1"
    steps = _steps(s.db)
    d.refresh()  # a refresh after the POST asks for the page again, nothing more
    assert _actions_left(d) == "1" and _steps(s.db) == steps
    d.back()  # the page before the tap, as the game is now
    wait_for(lambda: css(d, "#actions-left"))
    assert _actions_left(d) == "1" and css(d, "#p-hybrid_work.active")
    # a double submit of one form: two requests with its key at once, one action
    cookies = {c["name"]: c["value"] for c in d.get_cookies()}
    end = _form(d, "#end-quarter")
    with httpx.Client(base_url=s.url, cookies=cookies) as client, ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda _: client.post(f"/p/{CODE}/act", data=end), range(2)))
    assert all(a.status_code == 303 for a in answers)
    assert _steps(s.db) == steps + 1
    d.get(f"{s.url}/p/{CODE}/play")
    _answer_events(d)
    assert "2" in _quarter(d)
    # a second tab on the same seat: the first tab's page goes stale
    first = d.current_window_handle
    d.switch_to.new_window("tab")
    d.get(f"{s.url}/p/{CODE}/play")
    _answer_events(d)
    tap(d, "#end-quarter")
    second = d.current_window_handle
    d.switch_to.window(first)
    tap(d, "#end-quarter")  # the quarter was ended in the other tab: refused, not ended again
    assert "out of date" in css(d, "#flash.bad")[0].text
    assert "3" in _quarter(d)
    d.switch_to.window(second)
    d.close()
    d.switch_to.window(first)
    # the server is killed mid-quarter and started again: the game is where it was
    _answer_events(d)
    tap(d, "#p-simplify_sop form.act button")
    left = _actions_left(d)
    steps = _steps(s.db)
    port = int(s.url.rsplit(":", 1)[1])
    s.stop()
    server.append(start_server(s.db, CODE, "--allow-bots", "--predict", "off", port=port))
    old = css(d, "html")[0]
    d.refresh()
    wait_for(lambda: gone(old))
    assert _actions_left(d) == left and css(d, "#p-simplify_sop.active") and "3" in _quarter(d)
    assert _steps(s.db) == steps
    _end_quarter(d)
    _answer_events(d)
    tap(d, "#end-quarter")
    assert css(d, "#final-score")
    store = open_store(s.db)
    records = [r.record for r in store.results([CODE])]
    store.close()
    assert len(records) == 1
    adopted = [x["adopt"] for x in records[0].decisions if "adopt" in x]
    assert adopted == ["hybrid_work", "simplify_sop"]


def test_a_mixed_class_shows_on_the_projector_and_in_the_results(
    driver: WebDriver, server: list[Server]
) -> None:
    s = server[-1]
    bot = ["--code", CODE, "--player", "Bot Greedy", "--bot", "greedy"]
    subprocess.run(
        [sys.executable, "-m", "game", "simulate", "--join", s.url, *bot],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    d = driver
    set_size(d, *LAPTOP)  # the projector and the control page are laid out from 1024 px wide
    try:
        d.get(f"{s.url}/class/{CODE}?lang=en")
        wait_for(lambda: "Ayu Lestari" in css(d, "#board")[0].text)
        wait_for(lambda: "Bot Greedy" in css(d, "#board")[0].text)
        d.get(f"{s.url}/class/{CODE}/control?token={s.token}&lang=en")
        wait_for(lambda: len(css(d, "#seats tr")) == 2)
        assert "Ayu Lestari" in css(d, "#seats")[0].text
    finally:
        set_size(d, *PHONE)
    debrief = httpx.get(f"{s.url}/class/{CODE}/debrief?lang=en&token={s.token}", timeout=60)
    assert debrief.status_code == 200 and "Ayu Lestari" in debrief.text
    listed = subprocess.run(
        [sys.executable, "-m", "game", "results", "list", "--db", s.db, "--cohort", CODE],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Ayu Lestari" in listed and "browser" in listed
    assert "Bot Greedy" in listed and "simulate:greedy" in listed


def test_the_page_follows_the_facilitator_pausing_and_opening_the_class(
    driver: WebDriver, server: list[Server]
) -> None:
    d, s = driver, server[-1]
    d.get(f"{s.url}/p/{CODE}/play")  # the seat cookie is seen (and deleted) on its own path
    d.delete_all_cookies()
    d.get(f"{s.url}/p/{CODE}?lang=en")
    css(d, "#name")[0].send_keys("Dedi Kurniawan")
    tap(d, "#join")
    tap(d, "#start")
    wait_for(lambda: css(d, "#end-quarter"))
    assert s.control("pause").status_code == 200
    wait_for(lambda: css(d, "#wait"))  # by itself, no tap
    assert "paused" in css(d, "h1")[0].text
    assert s.control("open").status_code == 200
    wait_for(lambda: css(d, "#end-quarter"))
