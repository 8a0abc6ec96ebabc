"""Class mode in `agen shots`: the join form (and a refusal), the class briefing, the lockstep
wait, a paused class, the connection-lost banner. Nothing is sent: the class's state is set
by hand, only while its shot draws (``InClass``), so every other shot stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, Literal

import pygame

from game.classlink.client import ClassInfo
from game.classlink.link import LinkState
from game.session import JoinedClass, Session
from game.ui import class_play
from game.ui.join_worker import Joined, JoinFailed
from game.ui.screens.base import Host, Screen, Shot
from game.ui.text_form import TextForm

CODE = "PKA-II-2026"
ADDRESS = "192.168.1.10:8765"
SEAT = JoinedClass(f"http://{ADDRESS}", CODE, "shots", ())


def class_info(
    session: Session,
    open_quarter: int | None,
    state: Literal["open", "paused", "closed"] = "open",
) -> ClassInfo:
    """A lockstep class playing the session's scenario."""
    s = session.loaded.scenario
    return ClassInfo(
        CODE,
        s.id,
        s.version,
        session.loaded.sha256,
        session.seed,
        "id",
        state,
        True,
        open_quarter,
        None,
    )


class InClass(Screen):
    """A screen drawn as part of a live class in a given state; the state is set only while
    it draws (and put back after), so nothing else sees it."""

    def __init__(self, app: Host, make: Callable[[], Screen], state: LinkState) -> None:
        super().__init__(app)
        self.make = make
        self.state = state
        self.inner: Screen | None = None

    def status_spot(self) -> Any:
        """Where the inner screen puts the class banner."""
        spot = getattr(self.inner, "status_spot", None)
        return spot() if callable(spot) else pygame.Rect(0, 0, 0, 0)

    def draw(self, surface: pygame.Surface) -> None:
        session, link = self.app.session, class_play.link(self.app)
        assert session is not None
        saved = (session.joined, link.joined, link.state)
        session.joined, link.joined, link.state = SEAT, SEAT, self.state
        try:
            self.inner = self.make()
            self.name = self.inner.name
            self.inner.draw(surface)
            class_play.draw_status(self.app, surface)
        finally:
            session.joined, link.joined, link.state = saved


def join_shots(app: Host) -> list[Shot]:
    """The join form filled in; the same refused because no server answers."""

    def filled(error: JoinFailed | None) -> Screen:
        app.settings.class_address = ADDRESS
        screen = app.make("class_join")
        form = getattr(screen, "form", None)
        assert isinstance(form, TextForm)
        form.entries["name"].set_text("Siti Rahmawati")
        form.entries["nip"].set_text("198703122010012004")
        form.entries["code"].set_text(CODE)
        screen.error = error  # type: ignore[attr-defined]
        screen.tick(0.01)
        return screen

    refused = JoinFailed("class.err.unreachable", "address", address=ADDRESS)
    return [
        Shot("02b-class-join", lambda: filled(None)),
        Shot("02c-class-join-unreachable", lambda: filled(refused)),
    ]


def wait_shots(app: Host) -> list[Shot]:
    """Mid-game: the lockstep wait, a paused class, a lost connection (on the turn screen
    and on the wait), and the turn whose next quarter is not open yet."""
    session = app.session
    assert session is not None
    turn = session.game.turn
    waiting = class_info(session, open_quarter=turn - 1)
    playing = class_info(session, open_quarter=turn)

    def shot(file: str, screen: str, online: bool, info: ClassInfo) -> Shot:
        state = LinkState(online=online, info=info)
        return Shot(file, lambda: InClass(app, lambda: app.make(screen), state))

    return [
        shot("08a-class-wait", "class_wait", True, waiting),
        shot("08b-class-paused", "class_wait", True, replace(waiting, state="paused")),
        shot("08c-class-offline", "turn", False, playing),
        shot("08d-class-wait-offline", "class_wait", False, waiting),
        shot("08e-class-turn-then-wait", "turn", True, playing),
    ]


def briefing_shots(app: Host) -> list[Shot]:
    """The class briefing just after joining (a lockstep class)."""
    session = app.session
    assert session is not None
    player = replace(session.player, cohort=CODE)
    joined = Joined(class_info(session, 1), session.path, session.loaded, SEAT, player)
    return [Shot("04a-class-briefing", lambda: app.make("class_briefing", joined))]
