"""The facilitator's timer ends a browser seat's quarter when it runs out and the facilitator
chose so ("end_quarter"), on a real server: the seat's next request (the state the page polls,
or a page) ends it with the decisions it had made, exactly once per timer round however many
requests arrive at once; with "nothing" nothing is ended."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from game.scenario import load_scenario
from tests.classroom.server import Server, start_server
from tests.classroom.web_seat import WebSeat
from tests.files import TUTORIAL

TICK = 0.02  # minutes per quarter: 1.2 s


@pytest.fixture(scope="module")
def timed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = str(tmp_path_factory.mktemp("class") / "results.sqlite")
    server = start_server(db, "PKA-HABIS-1", "--lockstep", "--minutes-per-quarter", str(TICK))
    yield server
    server.stop()


def _info(server: Server) -> dict[str, Any]:
    return dict(httpx.get(f"{server.url}/api/v1/classes/{server.code}", timeout=10).json())


def _log(server: Server, player: str) -> list[tuple[str, str]]:
    """The seat's applied steps (kind, key), in order."""
    with sqlite3.connect(server.db) as conn:
        rows = conn.execute(
            "SELECT a.kind, a.key FROM class_web_actions a JOIN class_seats s"
            " ON s.id = a.seat_id WHERE s.player = ? AND a.seq IS NOT NULL ORDER BY a.seq",
            (player,),
        ).fetchall()
    return [(str(kind), str(key)) for kind, key in rows]


def _run_out(server: Server) -> None:
    assert server.control("timer_start").status_code == 200
    deadline = time.monotonic() + 20
    while (_info(server)["timer"]["left"] or 0) > 0:
        assert time.monotonic() < deadline, "the timer did not run out"
        time.sleep(0.1)
    time.sleep(0.1)  # "left" is shown rounded to 0.1 s: its last 0.05 s already read 0


def _state(seat: WebSeat) -> dict[str, Any]:
    answer = seat.client.get(f"/p/{seat.code}/state")
    assert answer.status_code == 200
    return dict(answer.json())


def test_expiry_ends_the_quarter_once_then_nothing(timed: Server) -> None:
    loaded = load_scenario(TUTORIAL)
    polled = WebSeat.join(timed.url, timed.code, "Ani", loaded)
    paged = WebSeat.join(timed.url, timed.code, "Budi", loaded)
    policy = next(p.id for p in loaded.scenario.policies if polled.game.can_adopt(p.id))
    assert polled.act("adopt", policy=policy).status_code == 200
    assert timed.control("expiry_end_quarter").status_code == 200
    assert _state(polled)["quarter"] == 1  # no timer running: nothing ended
    _run_out(timed)
    round_ = _info(timed)["timer"]["round"]

    with ThreadPoolExecutor(4) as pool:  # the page's poll, several at once
        answers = list(pool.map(lambda _: _state(polled), range(4)))
    assert [a["quarter"] for a in answers] == [2] * 4
    assert not any(a["ready"] for a in answers)  # lockstep: it waits for quarter 2
    assert [k for k, _ in _log(timed, "Ani")] == ["adopt", "end"]  # adopted, ended once
    assert _log(timed, "Ani")[1][1] == f"timer:{round_}"

    page = paged.client.get(f"/p/{timed.code}/play")  # a page: the turn report, as a tap
    assert page.status_code == 200 and page.url.path == f"/p/{timed.code}/report/1"
    assert [k for k, _ in _log(timed, "Budi")] == ["end"]
    assert paged.client.get(f"/p/{timed.code}/play").url.path.endswith("/play")  # the wait
    assert [k for k, _ in _log(timed, "Budi")] == ["end"]  # once per round

    with sqlite3.connect(timed.db) as conn:  # the class's own view: progress stored
        done = dict(conn.execute("SELECT player, turn_done FROM class_seats").fetchall())
        stored = dict(conn.execute("SELECT player, decisions FROM class_seats").fetchall())
    assert done == {"Ani": 1, "Budi": 1}
    assert policy in stored["Ani"] and policy not in stored["Budi"]

    assert timed.control("next").status_code == 200  # quarter 2, a new round...
    assert timed.control("expiry_nothing").status_code == 200  # ...that ends nothing
    _run_out(timed)
    assert _state(polled)["quarter"] == 2 and _state(polled)["ready"]
    assert paged.client.get(f"/p/{timed.code}/play").url.path.endswith("/play")
    assert [k for k, _ in _log(timed, "Ani")] == ["adopt", "end"]
    assert [k for k, _ in _log(timed, "Budi")] == ["end"]
