"""Lockstep quarters, pause, the timer, and a server restart in the middle of a class."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from game.classlink.client import ClassClient, ClassRefused, ClassUnreachable
from game.classlink.participant import Participation, fetch_scenario, take_part
from game.engine import BOTS, Game, play_bot
from game.results.store import open_store
from tests.classroom.server import Server, free_port, start_server


def _until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached")
        time.sleep(0.05)


@pytest.fixture(scope="module")
def lockstep_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = str(tmp_path_factory.mktemp("lockstep") / "results.sqlite")
    server = start_server(
        db, "PKA-SEREMPAK", "--lockstep", "--minutes-per-quarter", "5", "--allow-bots"
    )
    yield server
    server.stop()


def _seat_turns(server: Server) -> dict[str, int]:
    snap = httpx.get(f"{server.url}/api/v1/classes/{server.code}/snapshot").json()
    return {s["player"]: s["turn_done"] for s in snap["seats"]}


def test_participants_wait_for_the_next_quarter(lockstep_server: Server, tmp_path: Path) -> None:
    server = lockstep_server
    info = ClassClient(server.url, server.code).info()
    assert info.lockstep and info.open_quarter == 1 and info.state == "open"
    assert info.seconds_left is None  # the timer waits for the facilitator (issue 21)
    assert info.may_finish(1) and not info.may_finish(2)
    done: list[Participation] = []

    def play() -> None:
        with ClassClient(server.url, server.code, language="en") as client:
            done.append(take_part(client, "Dewi Serempak", bot="random", pause_s=0.1))

    thread = threading.Thread(target=play)
    thread.start()
    _until(lambda: _seat_turns(server).get("Dewi Serempak") == 1)
    # quarter 2 is not open: a direct attempt is told to wait (423, retry later)
    with ClassClient(server.url, server.code, language="id") as client:
        other = client.join("Eko Langsung")
        loaded = fetch_scenario(client, client.info(), tmp_path)
        game = play_bot(Game(loaded.compiled, info.seed), BOTS["passive"], 1)
        decisions = [d.to_json() for d in game.decisions]
        assert (
            client.send_progress(other, 1, [d for d in decisions if d["turn"] <= 1]).status == 201
        )
        with pytest.raises(ClassRefused) as caught:
            client.send_progress(other, 2, [d for d in decisions if d["turn"] <= 2])
        assert caught.value.status == 423 and caught.value.retry
        assert caught.value.code == "class.api.wait_quarter"
        assert "belum membuka triwulan 2" in caught.value.reply_message
    assert _seat_turns(server)["Dewi Serempak"] == 1
    # pause: nothing moves; open again
    assert server.control("pause").json()["state"] == "paused"
    paused = ClassClient(server.url, server.code).info()
    assert paused.state == "paused" and not paused.may_finish(1)
    assert server.control("next").json()["open_quarter"] == 2
    _until(lambda: server.control("open").status_code == 200)
    _until(lambda: _seat_turns(server)["Dewi Serempak"] == 2)
    assert server.control("next").status_code == 200
    assert server.control("next").json()["open_quarter"] == 4
    last = server.control("next")
    assert last.status_code == 422 and last.json()["code"] == "class.api.last_quarter"
    thread.join(timeout=60)
    assert done and done[0].result_reply.status == 201
    assert done[0].waited_s > 0


def test_a_server_restart_loses_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "results.sqlite")
    port = free_port()
    server = start_server(db, "PKA-PUTUS", "--allow-bots", port=port)
    client = ClassClient(server.url, server.code, language="en", timeout=2)
    try:
        seat = client.join("Fajar Putus")
        info = client.info()
        loaded = fetch_scenario(client, info, tmp_path)
        game = play_bot(Game(loaded.compiled, info.seed), BOTS["random"], 4)
        decisions = [d.to_json() for d in game.decisions]
        assert client.send_progress(seat, 1, [d for d in decisions if d["turn"] <= 1]).status == 201
        server.stop()
        with pytest.raises(ClassUnreachable) as caught:
            client.send_progress(seat, 2, [d for d in decisions if d["turn"] <= 2])
        assert "does not answer" in caught.value.message("en")
        server = start_server(db, "PKA-PUTUS", "--allow-bots", port=port)
        # the same seat token works after the restart: the seat lives in the store
        for turn in (2, 3, 4):
            so_far = [d for d in decisions if d["turn"] <= turn]
            assert client.send_progress(seat, turn, so_far).status == 201
        assert _seat_turns(server)["Fajar Putus"] == 4
    finally:
        client.close()
        server.stop()
    assert open_store(db).count() == 0


def test_simulated_participant_waits_out_a_restart(tmp_path: Path) -> None:
    db = str(tmp_path / "results.sqlite")
    port = free_port()
    server = start_server(db, "PKA-ULANG", "--allow-bots", "--lockstep", port=port)
    result: list[Participation] = []

    def play() -> None:
        with ClassClient(server.url, "PKA-ULANG", timeout=2) as client:
            result.append(take_part(client, "Gita Sabar", bot="greedy", pause_s=0.1, patience_s=60))

    thread = threading.Thread(target=play)
    thread.start()
    try:
        _until(lambda: _seat_turns(server).get("Gita Sabar") == 1)
        server.stop()
        server = start_server(db, "PKA-ULANG", "--allow-bots", "--lockstep", port=port)
        for _ in range(3):
            assert server.control("next").status_code == 200
        thread.join(timeout=60)
    finally:
        server.stop()
    assert result and result[0].result_reply.status == 201
    stored = open_store(db).results(["PKA-ULANG"])
    assert [s.record.key() for s in stored] == [result[0].record.key()]
