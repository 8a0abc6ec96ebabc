"""Class mode in the game, driven through the real screens, against a class server in memory:
joining, every turn's progress and the result arriving once, a dropped network, lockstep,
a paused class, and what a join form must refuse."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.classlink import link as class_link
from game.classlink.client import ClassInfo
from game.ui import class_play, facts, theme
from game.ui.app import App
from game.ui.join_worker import JoinFailed, check_form
from game.ui.screens.class_briefing import ClassBriefingScreen
from game.ui.screens.class_join import ClassJoinScreen
from game.ui.screens.class_wait import ClassWaitScreen
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.event_dialog import EventDialog
from game.ui.screens.player import PlayerScreen
from game.ui.screens.turn import TurnScreen
from game.ui.screens.turn_report import TurnReportScreen
from tests.files import EXAMPLE
from tests.ui.class_fakes import FakeClass, settle
from tests.ui.driving import SIZE, key, make_options, pump
from tests.ui.players import fill, play_to

ADDRESS = "192.168.1.10:8765"
ORIGINAL_INFO = FakeClass.info


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> FakeClass:
    fake = FakeClass(EXAMPLE.read_bytes())
    monkeypatch.setattr(class_play, "CLIENT_FACTORY", fake.client)
    monkeypatch.setattr(class_link, "POLL_UNHEARD", 0.05)  # the fake has no live stream
    monkeypatch.setattr(class_link, "RETRY", 0.05)
    return fake


@pytest.fixture
def capp(tmp_path: Path, server: FakeClass) -> Iterator[App]:
    app = App(make_options(tmp_path), headless_size=SIZE)
    yield app
    if app.class_link is not None:
        app.class_link.stop()


def join(app: App, server: FakeClass, name: str = "Budi Santoso") -> None:
    """Title → player screen → join form → briefing → first turn."""
    key(app, pygame.K_n)
    assert isinstance(app.screen, PlayerScreen)
    key(app, pygame.K_F2)
    assert isinstance(app.screen, ClassJoinScreen)
    fill(app, ADDRESS, server.code, name, "198703122010011001")
    key(app, pygame.K_RETURN)
    settle(app, lambda: not isinstance(app.screen, ClassJoinScreen))
    assert isinstance(app.screen, ClassBriefingScreen), app.screen
    key(app, pygame.K_RETURN)


def test_a_joined_game_sends_each_turn_and_the_result_once(capp: App, server: FakeClass) -> None:
    join(capp, server)
    session = capp.session
    assert session is not None and session.joined is not None
    assert session.seed == server.seed and session.player.cohort == server.code
    assert session.path.parent == capp.data_dir / "classes" / server.code
    assert capp.settings.class_address == ADDRESS, "the address is remembered"
    play_to(capp, lambda: isinstance(capp.screen, DebriefScreen))
    turns = session.game.scenario.turns
    settle(capp, lambda: len(server.results) == 1 and len(server.progress) == turns)
    assert sorted(t for _, t in server.progress) == list(range(1, turns + 1))
    assert server.results[0][1]["scenario_sha256"] == session.loaded.sha256
    assert server.results[0][1]["seed"] == server.seed
    assert session.result_path is not None and session.result_path.is_file(), "written locally too"
    assert len(capp.class_link.outbox) == 0


def test_a_dropped_network_loses_nothing_and_doubles_nothing(capp: App, server: FakeClass) -> None:
    join(capp, server)
    session = capp.session
    assert session is not None
    play_to(capp, lambda: session.game.turn == 2 and isinstance(capp.screen, TurnScreen))
    settle(capp, lambda: len(server.progress) == 1)
    server.up = False
    play_to(capp, lambda: session.game.turn == 4 and isinstance(capp.screen, TurnScreen))
    settle(capp, lambda: class_play.status(capp) is not None)
    assert class_play.status(capp) == (capp.t("class.offline"), theme.ACCENT)
    play_to(capp, lambda: isinstance(capp.screen, DebriefScreen))  # the game keeps playing
    assert len(server.progress) == 1 and not server.results
    assert session.result_path is not None and session.result_path.is_file()
    queued = len(capp.class_link.outbox)
    assert queued == session.game.scenario.turns  # progress 2..T and the result
    server.up = True
    settle(capp, lambda: len(capp.class_link.outbox) == 0 and class_play.status(capp) is None)
    turns = session.game.scenario.turns
    assert sorted(t for _, t in server.progress) == list(range(1, turns + 1))
    assert len(server.results) == 1


def test_what_could_not_be_sent_goes_when_the_game_starts_again(
    tmp_path: Path, capp: App, server: FakeClass
) -> None:
    join(capp, server)
    server.up = False
    play_to(capp, lambda: capp.session is not None and capp.session.game.turn == 3)
    capp.class_link.stop()
    assert len(capp.class_link.outbox) == 2
    server.up = True
    again = App(make_options(tmp_path), headless_size=SIZE)  # a new start, before any game
    try:
        settle(again, lambda: len(server.progress) == 2)
        assert len(again.class_link.outbox) == 0
    finally:
        again.class_link.stop()


def test_lockstep_waits_for_the_facilitator_then_moves_on(capp: App, server: FakeClass) -> None:
    server.lockstep, server.open_quarter = True, 1
    join(capp, server)
    session = capp.session
    assert session is not None
    play_to(capp, lambda: isinstance(capp.screen, TurnScreen))
    end = capp.screen.buttons()[1]
    word = facts.turn_label(session.game.scenario, capp.lang)
    assert end.enabled and end.label == capp.t("class.end_then_wait", label=word, n=2)
    play_to(capp, lambda: isinstance(capp.screen, ClassWaitScreen))
    assert session.game.turn == 2
    for _ in range(5):  # nothing the player presses gets past the wait
        key(capp, pygame.K_RETURN)
        assert isinstance(capp.screen, ClassWaitScreen)
    server.open_quarter = 2
    settle(capp, lambda: not isinstance(capp.screen, ClassWaitScreen))
    assert isinstance(capp.screen, (TurnScreen, EventDialog)) and session.game.turn == 2
    settle(capp, lambda: len(server.progress) == 1)


def test_a_paused_class_holds_the_turn_with_a_clear_message(capp: App, server: FakeClass) -> None:
    join(capp, server)
    play_to(capp, lambda: isinstance(capp.screen, TurnScreen))
    server.state = "paused"
    settle(capp, lambda: class_play.blocked(capp) == "paused")
    screen = capp.screen
    assert isinstance(screen, TurnScreen)
    end = screen.buttons()[1]
    assert not end.enabled and end.label == capp.t("class.end_paused")
    turn = capp.session.game.turn if capp.session else 0
    key(capp, pygame.K_RETURN)
    assert capp.screen is screen and capp.session is not None and capp.session.game.turn == turn
    assert class_play.status(capp) == (capp.t("class.paused_banner"), theme.ACCENT)
    server.state = "open"
    settle(capp, lambda: class_play.blocked(capp) is None)
    key(capp, pygame.K_RETURN)
    assert capp.session.game.turn == turn + 1


HOSTILE = [
    ("", "PKA-UJI", "Budi", "", "class.err.address"),
    ("http://", "PKA-UJI", "Budi", "", "class.err.address"),
    ("ftp://10.0.0.1", "PKA-UJI", "Budi", "", "class.err.address"),
    ("10.0.0.1:99999", "PKA-UJI", "Budi", "", "class.err.address"),
    ("10.0.0.1 8765", "PKA-UJI", "Budi", "", "class.err.address"),
    ("user:pw@10.0.0.1", "PKA-UJI", "Budi", "", "class.err.address"),
    ("10.0.0.1/?x=<script>", "PKA-UJI", "Budi", "", "class.err.address"),
    ("10.0.0.1\x07", "PKA-UJI", "Budi", "", "class.err.address"),
    (ADDRESS, "", "Budi", "", "class.err.need_code"),
    (ADDRESS, "   ", "Budi", "", "class.err.need_code"),
    (ADDRESS, "PKA/../x", "Budi", "", "class.err.code"),
    (ADDRESS, "..", "Budi", "", "class.err.code"),
    (ADDRESS, "PKA-UJI", "", "", "class.err.need_name"),
    (ADDRESS, "PKA-UJI", "Budi\x1b[31m", "", "class.err.control"),
    (ADDRESS, "PKA-UJI", "Budi\u202e", "", "class.err.control"),
    (ADDRESS, "PKA-UJI", "Tim A", "Siti,\x1fBudi", "class.err.control"),
    (ADDRESS, "PKA-UJI", "Tim A", ",".join(["x"] * 13), "class.err.members"),
]


@pytest.mark.parametrize(("address", "code", "name", "members", "problem"), HOSTILE)
def test_the_join_form_names_what_is_wrong_in_both_languages(
    address: str, code: str, name: str, members: str, problem: str
) -> None:
    with pytest.raises(JoinFailed) as caught:
        check_form(address, code, name, "", members)
    assert caught.value.key == problem
    for lang in ("id", "en"):
        line = caught.value.message(lang)
        assert line and "{" not in line and "class." not in line and "\n" not in line


def test_an_address_as_the_projector_shows_it_is_understood() -> None:
    form = check_form(" http://192.168.1.10:8765/class/PKA-II-2026 ", "", " Siti  R ", "", "")
    assert (form.base_url, form.code, form.player.name) == (
        "http://192.168.1.10:8765",
        "PKA-II-2026",
        "Siti R",
    )
    team = check_form("[fe80::1]:8765", "K-1", "Tim Mawar", "199001", "Ani, Budi ,")
    assert team.base_url == "http://[fe80::1]:8765" and team.members == ("Ani", "Budi")
    assert team.player.player_id == "199001"


def test_hostile_typing_on_the_join_form_is_refused_on_the_screen(
    capp: App, server: FakeClass
) -> None:
    key(capp, pygame.K_n)
    key(capp, pygame.K_F2)
    screen = capp.screen
    assert isinstance(screen, ClassJoinScreen)
    for address, code, name, members, problem in (HOSTILE[4], HOSTILE[9], HOSTILE[13], HOSTILE[15]):
        fill(capp, address, code, name, "", members)  # typed (or pasted) as text input events
        typed = screen.values()
        assert typed["name"] == name and typed["members"] == members, typed
        key(capp, pygame.K_RETURN)
        assert screen.thread is None and capp.screen is screen and capp.session is None
        assert screen.error is not None and screen.error.key == problem
    fill(capp, ADDRESS, "PKA-WRONG", "Budi")
    key(capp, pygame.K_RETURN)
    settle(capp, lambda: screen.thread is None)
    assert screen.error is not None and screen.error.key == "class.err.refused"
    assert "no class" in screen.error.message("en").lower()
    assert not server.seats


def test_an_unreachable_server_or_a_closed_class_is_said_plainly(
    capp: App, server: FakeClass
) -> None:
    key(capp, pygame.K_n)
    key(capp, pygame.K_F2)
    screen = capp.screen
    assert isinstance(screen, ClassJoinScreen)
    server.up = False
    fill(capp, ADDRESS, server.code, "Budi")
    key(capp, pygame.K_RETURN)
    settle(capp, lambda: screen.thread is None)
    assert screen.error is not None and screen.error.key == "class.err.unreachable"
    assert "192.168.1.10:8765" in screen.error.message("id")
    server.up, server.state = True, "closed"
    key(capp, pygame.K_RETURN)
    settle(capp, lambda: screen.thread is None)
    assert screen.error is not None and screen.error.key == "class.err.closed"
    assert not server.seats, "no seat is taken in a closed class"


def test_a_class_game_continued_from_the_title_keeps_its_seat(
    tmp_path: Path, capp: App, server: FakeClass
) -> None:
    join(capp, server)
    play_to(capp, lambda: capp.session is not None and capp.session.game.turn == 2)
    capp.class_link.stop()
    again = App(make_options(tmp_path), headless_size=SIZE)
    try:
        key(again, pygame.K_c)
        session = again.session
        assert session is not None and session.joined is not None
        assert session.joined.token == "seat-1" and session.seed == server.seed
        play_to(again, lambda: session.game.turn == 3 and isinstance(again.screen, TurnScreen))
        settle(again, lambda: ("seat-1", 2) in server.progress)
        assert len(server.seats) == 1, "no second seat"
    finally:
        if again.class_link is not None:
            again.class_link.stop()


def test_a_hostile_server_cannot_name_a_file_outside_the_class_folder(
    capp: App, server: FakeClass, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        FakeClass, "info", lambda self: replace(ORIGINAL_INFO(self), scenario_sha256="../../evil")
    )
    key(capp, pygame.K_n)
    key(capp, pygame.K_F2)
    screen = capp.screen
    assert isinstance(screen, ClassJoinScreen)
    fill(capp, ADDRESS, server.code, "Budi")
    key(capp, pygame.K_RETURN)
    settle(capp, lambda: screen.thread is None)
    assert screen.error is not None and screen.error.key == "class.err.scenario"
    assert not (capp.data_dir / "classes" / "evil").exists() and capp.session is None


def shown_as(app: App, seconds: int) -> str:
    return app.t("class.timer_left", time=f"{seconds // 60}:{seconds % 60:02d}")


def test_the_quarter_timer_shows_the_servers_seconds_and_ticks_only_while_running(
    capp: App, server: FakeClass
) -> None:
    server.seconds_left = 125.0
    join(capp, server)
    play_to(capp, lambda: isinstance(capp.screen, TurnScreen))
    settle(capp, lambda: class_play.status(capp) is not None)
    shown = class_play.status(capp)
    assert shown is not None and shown[1] == theme.INFO
    assert shown[0] in [shown_as(capp, s) for s in (125, 124, 123)]  # ±2 s of the server's
    assert class_play._ticking  # a counting timer redraws the window once a second
    server.state = "paused"
    settle(capp, lambda: class_play.blocked(capp) == "paused")
    kept = class_play.time_text(capp)
    assert kept is not None and kept in (class_play.status(capp) or ("",))[0]
    assert not class_play._ticking  # a paused timer keeps its seconds: nothing to redraw
    server.state, server.seconds_left = "open", None  # the facilitator stopped the timer
    settle(capp, lambda: class_play.blocked(capp) is None)
    assert class_play.status(capp) is None and class_play.time_text(capp) is None
    assert not class_play._ticking


def test_without_a_running_timer_the_window_says_nothing_about_time(
    capp: App, server: FakeClass
) -> None:
    server.lockstep, server.open_quarter = True, 1
    join(capp, server)
    play_to(capp, lambda: isinstance(capp.screen, ClassWaitScreen))
    assert class_play.time_text(capp) is None
    server.seconds_left = 61.0
    settle(capp, lambda: class_play.time_text(capp) is not None)
    assert class_play.time_text(capp) in [shown_as(capp, s) for s in (61, 60, 59)]
    capp.render()  # the wait screen draws it (the banner is the screen's own there)
    server.seconds_left = 0.0
    settle(capp, lambda: class_play.time_text(capp) == capp.t("class.timer_up"))
    assert not class_play._ticking


def test_a_timer_that_runs_out_ends_the_quarter_when_the_facilitator_chose_so(
    capp: App, server: FakeClass, monkeypatch: pytest.MonkeyPatch
) -> None:
    ends = time.monotonic() + 3.0

    def timed(self: FakeClass) -> ClassInfo:
        left = max(0.0, ends - time.monotonic())
        return replace(
            ORIGINAL_INFO(self), seconds_left=left, timer_round=1, on_expiry="end_quarter"
        )

    monkeypatch.setattr(FakeClass, "info", timed)
    join(capp, server)
    play_to(capp, lambda: isinstance(capp.screen, TurnScreen))
    session = capp.session
    assert session is not None and session.game.turn == 1
    settle(capp, lambda: session.game.turn == 2, 20)  # nothing pressed: the timer ended it
    assert isinstance(capp.screen, TurnReportScreen)
    assert any(
        t.text
        == capp.t(
            "class.timer_ended", unit=facts.turn_label(session.game.scenario, capp.lang).lower()
        )
        for t in capp.toasts
    )
    settle(capp, lambda: 1 in [t for _, t in server.progress])
    time.sleep(1.5)  # the same round never ends a second quarter
    pump(capp)
    assert session.game.turn == 2
