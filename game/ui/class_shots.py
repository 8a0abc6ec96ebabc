"""Class mode's screens for `agen shots`: the join form (with a refusal), the class briefing,
the lockstep wait, a paused class and the connection-lost banner. Nothing is sent: the class
link's state is set by hand and its thread is never started.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from game.classroom.client import ClassInfo
from game.ui import class_play
from game.ui.app import App
from game.ui.class_join import Joined, JoinFailed
from game.ui.class_link import LinkState
from game.ui.session import JoinedClass, Player, Session

Shot = Callable[..., None]
CODE = "PKA-II-2026"


def class_info(session: Session, open_quarter: int | None = 2, state: str = "open") -> ClassInfo:
    """A class playing the session's scenario."""
    return ClassInfo(
        CODE,
        session.loaded.scenario.id,
        session.loaded.scenario.version,
        session.loaded.sha256,
        session.seed,
        "id",
        state,  # type: ignore[arg-type]
        True,
        open_quarter,
        None,
    )


def join_shots(app: App, player: Player, shot: Shot) -> None:
    """The join form: filled in and refused because no server answers."""
    from game.ui.screens.class_join import ClassJoinScreen

    app.settings.class_address = "192.168.1.10:8765"
    screen = ClassJoinScreen(app, player)
    screen.entries["code"].set_text(CODE)
    screen.tick(0.01)
    shot("02b-class-join", lambda: screen)
    failed = ClassJoinScreen(app, player)
    failed.entries["code"].set_text(CODE)
    failed.error = JoinFailed("class.err.unreachable", "address", address="192.168.1.10:8765")
    failed.tick(0.01)
    shot("02c-class-join-unreachable", lambda: failed)


def play_shots(app: App, path: Path, session: Session, shot: Shot) -> None:
    """The class briefing, the lockstep wait, a paused class and a lost connection, over a
    class game at its second turn (``session`` stands at turn 2 or later)."""
    from game.ui.screens.class_briefing import ClassBriefingScreen
    from game.ui.screens.class_wait import ClassWaitScreen
    from game.ui.screens.turn import TurnScreen

    joined = JoinedClass("http://192.168.1.10:8765", CODE, "shots", ())
    player = replace(session.player, cohort=CODE)
    info = class_info(session, open_quarter=session.game.turn - 1)
    shot(
        "04a-class-briefing",
        lambda: ClassBriefingScreen(app, Joined(info, path, session.loaded, joined, player)),
    )
    session.joined = joined
    link = class_play.link(app)
    link.joined = joined
    link.state = LinkState(online=True, info=info)
    shot("08a-class-wait", lambda: ClassWaitScreen(app))
    link.state = LinkState(online=True, info=replace(info, state="paused"))
    shot("08b-class-paused", lambda: ClassWaitScreen(app))
    link.state = LinkState(online=False, info=replace(info, open_quarter=session.game.turn))
    shot("08c-class-offline", lambda: TurnScreen(app))
    link.state = LinkState(online=False, info=info)
    shot("08d-class-wait-offline", lambda: ClassWaitScreen(app))
    link.state = LinkState(online=True, info=replace(info, open_quarter=session.game.turn))
    shot("08e-class-turn-then-wait", lambda: TurnScreen(app))
    session.joined = None
    link.joined = None
    link.state = LinkState()
