"""Class mode against the real class server (``agen class serve`` as a uvicorn process on
127.0.0.1, a free port): join through the real screens, lockstep, and the network-drop path —
server stopped mid-game, the game plays on, server restarted, everything arrives once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pygame
import pytest

from game.classlink import link as class_link
from game.results.store import open_store
from game.ui import class_play, theme
from game.ui.app import App
from game.ui.screens.class_briefing import ClassBriefingScreen
from game.ui.screens.class_join import ClassJoinScreen
from game.ui.screens.class_wait import ClassWaitScreen
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.player import PlayerScreen
from game.ui.screens.turn import TurnScreen
from tests.classlink.counting import Counting
from tests.classroom.server import Server, free_port, start_server
from tests.ui.class_fakes import settle
from tests.ui.driving import SIZE, key, make_options
from tests.ui.players import fill, play_to


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(class_link, "POLL_UNHEARD", 0.2)
    monkeypatch.setattr(class_link, "RETRY", 0.2)


@pytest.fixture
def capp(tmp_path: Path) -> Iterator[App]:
    app = App(make_options(tmp_path), headless_size=SIZE)
    yield app
    if app.class_link is not None:
        app.class_link.stop()


def snapshot(server: Server) -> dict[str, Any]:
    reply = httpx.get(f"{server.url}/api/v1/classes/{server.code}/snapshot", timeout=10)
    data: dict[str, Any] = reply.json()
    return data


def stored(server: Server, player: str) -> int:
    store = open_store(server.db)
    try:
        return sum(1 for r in store.results([server.code]) if r.record.player == player)
    finally:
        store.close()


def join(app: App, server: Server, name: str) -> None:
    key(app, pygame.K_n)
    assert isinstance(app.screen, PlayerScreen)
    key(app, pygame.K_F2)
    fill(app, server.url.removeprefix("http://"), server.code, name)
    key(app, pygame.K_RETURN)
    settle(app, lambda: not isinstance(app.screen, ClassJoinScreen))
    assert isinstance(app.screen, ClassBriefingScreen), getattr(app.screen, "error", None)
    key(app, pygame.K_RETURN)


def test_the_network_drops_mid_game_and_everything_arrives_once(tmp_path: Path, capp: App) -> None:
    db, port = str(tmp_path / "class.sqlite"), free_port()
    server = start_server(db, "PKA-PUTUS", port=port)
    try:
        join(capp, server, "Sri Lestari")
        session = capp.session
        assert session is not None and session.joined is not None
        turns = session.game.scenario.turns
        play_to(capp, lambda: session.game.turn == 2 and isinstance(capp.screen, TurnScreen))
        settle(capp, lambda: snapshot(server)["seats"][0]["turn_done"] == 1)
        server.stop()
        play_to(capp, lambda: isinstance(capp.screen, DebriefScreen))  # the game plays on
        settle(capp, lambda: class_play.status(capp) is not None)
        assert class_play.status(capp) == (capp.t("class.offline"), theme.ACCENT)
        assert session.result_path is not None and session.result_path.is_file()
        assert len(capp.class_link.outbox) == turns  # progress 2..T and the result
        server = start_server(db, "PKA-PUTUS", port=port)
        settle(capp, lambda: len(capp.class_link.outbox) == 0, 60)
        seat = snapshot(server)["seats"][0]
        assert seat["turn_done"] == turns and seat["done"]
        assert stored(server, "Sri Lestari") == 1
        assert class_play.status(capp) is None
    finally:
        server.stop()


def test_lockstep_waits_for_each_quarter_the_facilitator_opens(tmp_path: Path, capp: App) -> None:
    server = start_server(str(tmp_path / "class.sqlite"), "PKA-SEREMPAK", "--lockstep")
    try:
        join(capp, server, "Agus Wibowo")
        session = capp.session
        assert session is not None
        turns = session.game.scenario.turns
        for quarter in range(2, turns + 1):
            play_to(capp, lambda: isinstance(capp.screen, ClassWaitScreen))
            assert session.game.turn == quarter
            key(capp, pygame.K_RETURN)  # nothing gets past the wait
            assert isinstance(capp.screen, ClassWaitScreen)
            assert server.control("next").status_code == 200
            settle(capp, lambda: not isinstance(capp.screen, ClassWaitScreen))
        play_to(capp, lambda: isinstance(capp.screen, DebriefScreen))
        settle(capp, lambda: len(capp.class_link.outbox) == 0)
        assert stored(server, "Agus Wibowo") == 1
        assert not [t for t in capp.toasts if not t.good], "nothing was refused"
    finally:
        server.stop()


def test_the_joining_game_plays_the_form_the_class_chose(tmp_path: Path, capp: App) -> None:
    dukcapil = Path(__file__).resolve().parents[2] / "scenarios" / "dukcapil.toml"
    db = str(tmp_path / "short.sqlite")
    server = start_server(db, "PKA-45", "--quarters", "4", "--predict", "off", scenario=dukcapil)
    try:
        join(capp, server, "Citra Layar")
        session = capp.session
        assert session is not None
        assert (session.quarters, session.predict_first) == (4, 0)
        assert session.game.scenario.turns == 4
        play_to(capp, lambda: isinstance(capp.screen, DebriefScreen))
        settle(capp, lambda: len(capp.class_link.outbox) == 0)
    finally:
        server.stop()
    store = open_store(db)
    try:
        assert [i.record.quarters for i in store.results([server.code])] == [4]
    finally:
        store.close()


def end_enabled(app: App) -> bool:
    screen = app.screen
    assert isinstance(screen, TurnScreen)
    return next(b for b in screen.buttons() if b.key == "end").enabled


def test_pause_and_resume_reach_the_window_by_the_stream(
    tmp_path: Path, capp: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """End quarter is disabled by a pause and enabled again by the resume while the game asks
    the server nothing: the news comes on the class's live stream, not the next poll."""
    monkeypatch.setattr(class_play, "CLIENT_FACTORY", Counting)
    server = start_server(str(tmp_path / "class.sqlite"), "PKA-DENGAR")
    try:
        join(capp, server, "Rina Jendela")
        play_to(capp, lambda: isinstance(capp.screen, TurnScreen))
        settle(capp, lambda: capp.class_link.listening)
        time.sleep(0.5)  # the fresh answer asked for on connecting has come
        assert end_enabled(capp)
        took = []
        for action, enabled in (("pause", False), ("open", True), ("pause", False)):
            polls = Counting.polls
            began = time.monotonic()
            assert server.control(action).status_code == 200
            settle(capp, lambda e=enabled: end_enabled(capp) is e)  # type: ignore[misc]
            took.append(time.monotonic() - began)
            assert Counting.polls == polls, f"{action}: seen by polling, not by the stream"
        print(f"\ncontrol -> window: worst {max(took) * 1000:.0f} ms (bound 2000 ms)")
    finally:
        server.stop()


def server_left(server: Server) -> float | None:
    reply = httpx.get(f"{server.url}/api/v1/classes/{server.code}", timeout=10).json()
    left = reply["seconds_left"]
    return None if left is None else float(left)


def test_the_window_shows_the_servers_quarter_timer(tmp_path: Path, capp: App) -> None:
    server = start_server(str(tmp_path / "timer.sqlite"), "PKA-WAKTU", "--minutes-per-quarter", "3")
    try:
        join(capp, server, "Dewi Waktu")
        play_to(capp, lambda: isinstance(capp.screen, TurnScreen))
        settle(capp, lambda: capp.class_link.listening)
        assert class_play.time_text(capp) is None and class_play.status(capp) is None
        for action in ("timer_start", "timer_add"):
            assert server.control(action).status_code == 200
            settle(capp, lambda: agrees(capp, server))
            capp.render()
        assert class_play._ticking  # the banner's seconds are redrawn once a second
        assert server.control("timer_stop").status_code == 200
        settle(capp, lambda: class_play.time_text(capp) is None)
        assert class_play.status(capp) is None and not class_play._ticking
    finally:
        server.stop()


def agrees(app: App, server: Server) -> bool:
    """The window's timer within 2 s of the server's."""
    shown, left = class_play.seconds_left(app), server_left(server)
    return shown is not None and left is not None and abs(shown - left) <= 2.0
