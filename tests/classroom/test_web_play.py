"""The game in the browser, played by tapping in a real headless Chromium at 390x844.

A participant opens /p/code (typed in small letters), joins, reads the briefing and plays
the whole game in lockstep: the facilitator opens each quarter from the control page (a
second tab), the wait screen moves on by itself. Adopting, cancelling, predicting and
answering events are taps on the page. The stored result equals ``agen simulate --plan``
with the same decisions and seed. Every page keeps the phone rules (no horizontal scroll,
text of 16 px or more, targets of 44 px or more).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from game.results.store import open_store
from tests.classroom.axe import assert_accessible
from tests.classroom.clip_check import clipped, describe
from tests.classroom.server import Server, start_server
from tests.classroom.web_driving import (
    LAPTOP,
    PHONE,
    css,
    gone,
    layout_problems,
    path,
    plan_text,
    set_size,
    shoot,
    start_chromium,
    tap,
    wait_for,
)
from tests.files import ROOT, SCENARIOS

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

DUKCAPIL = SCENARIOS / "dukcapil.toml"
ADOPT = (
    "article.policy:not(.active) a.button[href*='/predict/'],"
    " article.policy:not(.active) form.act button:not([aria-disabled])"
)
CANCEL = "article.policy.active form.act button:not([aria-disabled])"


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    d = start_chromium(tmp_path_factory.mktemp("chromium"))
    yield d
    d.quit()


@pytest.fixture(scope="module")
def full_class(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = str(tmp_path_factory.mktemp("web8") / "results.sqlite")
    server = start_server(db, "PKA-WEB-8", "--lockstep", scenario=DUKCAPIL)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def short_class(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = str(tmp_path_factory.mktemp("web4") / "results.sqlite")
    server = start_server(
        db, "PKA-WEB-4", "--lockstep", "--quarters", "4", "--lang", "en", scenario=DUKCAPIL
    )
    yield server
    server.stop()


def _rules(d: WebDriver, where: str) -> None:
    """The phone rules at 390x844 and on a 1366x768 laptop."""
    for size in (LAPTOP, PHONE):
        set_size(d, *size)
        problems = layout_problems(d)
        assert problems == [], f"{where} at {size}: {problems}"
        cut = clipped(d)
        assert cut == [], f"{where} at {size}: {describe(cut)}"
    assert_accessible(d, where)


def _join(d: WebDriver, server: Server, name: str) -> None:
    d.get(f"{server.url}/p/{server.code.lower()}")
    wait_for(lambda: path(d).startswith(f"p/{server.code}"))  # the code's own case
    _rules(d, "join")
    shoot(d, "01-join")
    css(d, "#name")[0].send_keys(name)
    css(d, "#nip")[0].send_keys("199001012015011001")
    tap(d, "#join")
    wait_for(lambda: path(d).endswith("/briefing"))
    _rules(d, "briefing")
    shoot(d, "02-briefing")
    tap(d, "#start")


def _open_next(d: WebDriver, control: str, play: str) -> None:
    """The facilitator taps "open the next quarter" on the control page (other tab)."""
    d.switch_to.window(control)
    d.refresh()
    tap(d, "#act-next", leaves=False)
    wait_for(lambda: css(d, "#msg")[0].text)  # the server's answer
    d.switch_to.window(play)


def _answer_event(d: WebDriver, turn: int, shots: bool) -> None:
    if shots:
        _rules(d, "event")
        shoot(d, "04-event")
    choices = css(d, "button[data-choice]:not([aria-disabled])")
    pick = choices[turn % len(choices)]
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", pick)
    old = css(d, "html")[0]
    pick.click()
    wait_for(lambda: gone(old))


def _predict(d: WebDriver, shots: bool) -> None:
    wait_for(lambda: "/predict/" in path(d))
    if shots:
        _rules(d, "predict")
        shoot(d, "05-predict")
    for i, fieldset in enumerate(css(d, "fieldset")):
        from selenium.webdriver.common.by import By

        radios = fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]")
        radios[i % len(radios)].find_element(By.XPATH, "..").click()
    tap(d, "#predict-adopt")


def _one_quarter(d: WebDriver, turn: int, shots: bool) -> None:
    """Answer the events, cancel (in quarter 3), adopt one policy, end the quarter."""
    while css(d, "button[data-choice]"):
        _answer_event(d, turn, shots and turn == 1)
    if shots and turn == 1:
        _rules(d, "quarter")
        shoot(d, "03-quarter")
    if turn == 3 and css(d, CANCEL):
        tap(d, CANCEL)
        assert css(d, "#flash.good")
    if css(d, ADOPT):
        predicting = "/predict/" in (css(d, ADOPT)[0].get_attribute("href") or "")
        tap(d, ADOPT)
        if predicting:
            _predict(d, shots and turn == 1)
        assert css(d, "#flash.good"), d.page_source[:2000]
    if turn == 2:  # an indicator tapped: what moved it and why
        tap(d, ".metric summary", leaves=False)
        assert css(d, ".metric[open] .why")
        if shots:
            shoot(d, "06-quarter-why")
    tap(d, "#end-quarter")
    wait_for(lambda: "/report/" in path(d))
    _rules(d, "report")
    if shots and turn == 2:
        shoot(d, "07-report")


def _debrief(d: WebDriver, server: Server) -> None:
    """From the last report to the debrief; the Aksi draft downloads with the seat's cookie."""
    tap(d, "#next")
    wait_for(lambda: "/debrief" in path(d))
    link = wait_for(lambda: css(d, "a[href*='aksi.docx']"))[0].get_attribute("href")
    cookies = {c["name"]: c["value"] for c in d.get_cookies()}
    draft = httpx.get(str(link), cookies=cookies, timeout=60)
    assert draft.status_code == 200 and draft.content[:2] == b"PK"  # a .docx (zip)


def play_by_tapping(d: WebDriver, server: Server, name: str, shots: bool = False) -> None:
    """Join and play the whole game by tapping; the control page opens each quarter."""
    d.switch_to.new_window("tab")
    d.get(f"{server.url}/class/{server.code}/control?token={server.token}")
    control = d.current_window_handle
    d.switch_to.window(d.window_handles[0])
    play = d.current_window_handle
    _join(d, server, name)
    turn = 1
    while True:
        wait_for(lambda: css(d, "#end-quarter, button[data-choice], #wait"))
        _one_quarter(d, turn, shots)
        if css(d, "#final-score"):
            if shots:
                shoot(d, "09-final-report")
            _debrief(d, server)
            break
        tap(d, "#next")
        wait_for(lambda: css(d, "#wait"))  # lockstep: the next quarter is not open yet
        if shots and turn == 1:
            _rules(d, "wait")
            shoot(d, "08-wait")
        _open_next(d, control, play)
        wait_for(lambda: css(d, "#end-quarter, button[data-choice]"))  # moved on by itself
        turn += 1
    d.switch_to.window(control)
    d.close()
    d.switch_to.window(play)


def _same_as_simulate(server: Server, name: str, tmp_path: Path) -> None:
    store = open_store(server.db)
    found = [r.record for r in store.results([server.code]) if r.record.player == name]
    store.close()
    assert len(found) == 1
    record = found[0]
    assert record.origin is not None and record.origin.label() == "browser"
    assert any("adopt" in d for d in record.decisions)
    assert any("cancel" in d for d in record.decisions)
    assert record.predictions
    plan = tmp_path / "plan.toml"
    plan.write_text(plan_text(list(record.decisions)), encoding="utf-8")
    args = [str(DUKCAPIL), "--plan", str(plan), "--seed", str(record.seed), "--json"]
    if record.quarters:
        args += ["--quarters", str(record.quarters)]
    out = subprocess.run(
        [sys.executable, "-m", "game", "simulate", *args, "--lang", record.language],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    simulated = json.loads(out.stdout)
    assert simulated["score"] == pytest.approx(record.score, abs=1e-9)
    assert simulated["grade"] == record.grade
    assert tuple(simulated["goals"]) == record.goals


def test_a_full_game_played_by_tapping_is_stored_as_simulate_plays_it(
    driver: WebDriver, full_class: Server, tmp_path: Path
) -> None:
    play_by_tapping(driver, full_class, "Siti Rahmawati", shots=True)
    assert "/debrief" in path(driver)  # after the last report (an ending may come early)
    _same_as_simulate(full_class, "Siti Rahmawati", tmp_path)


def test_a_short_form_game_played_by_tapping_is_stored_as_simulate_plays_it(
    driver: WebDriver, short_class: Server, tmp_path: Path
) -> None:
    driver.delete_all_cookies()
    play_by_tapping(driver, short_class, "Budi Santoso")
    assert "/debrief" in path(driver)
    _same_as_simulate(short_class, "Budi Santoso", tmp_path)
