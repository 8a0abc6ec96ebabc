"""Class mode inside the game: what the screens ask about the live class and the few things
they tell it (a turn ended, the result was written), plus the small status banner.

Lockstep rule: ``open_quarter`` is the highest quarter the class may play. A player may end
any quarter up to it; a player whose game stands at a later quarter waits (the wait screen)
until the facilitator opens it, and the game moves on by itself. A paused class blocks ending
a turn. When the server cannot be reached the player may choose to play on without waiting.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING, Any, Literal

import pygame

from game import classlink
from game.classlink.outbox import Outbox, OutboxItem
from game.ui import theme, widgets
from game.ui.turn_words import turn_label

if TYPE_CHECKING:
    from game.classlink.link import ClassLink
    from game.session import JoinedClass
    from game.ui.screens.base import Host, Screen

CLASS_EVENT = pygame.event.custom_type()  # the class link has news (posted from its thread)
CLIENT_FACTORY: Any = None  # how the game talks to a class server (None: the HTTP client;
# tests put a fake here). The network modules (httpx) load on first use, not at start-up.
Block = Literal["paused", "lockstep"]
TICK_MS = 1000


def notify() -> None:
    try:
        pygame.event.post(pygame.event.Event(CLASS_EVENT))
    except pygame.error:
        pass  # the window is gone (quitting): nothing to wake


def link(app: Host) -> ClassLink:
    """The app's class link (made on first use; its thread runs only while there is work)."""
    existing: ClassLink | None = getattr(app, "class_link", None)
    if existing is None:
        outbox = Outbox(app.data_dir / "classes" / "outbox.json")
        made = classlink.ClassLink(  # loads httpx: on first use, not at start-up
            outbox, notify, lambda: app.lang, lambda *a, **kw: client_factory()(*a, **kw)
        )
        app.class_link = existing = made
        _tick(False, force=True)  # a new app: no second ticks from an earlier one
    return existing


def client_factory() -> Any:
    """What makes a client for a class server: the HTTP client, unless a test set another."""
    if CLIENT_FACTORY is not None:
        return CLIENT_FACTORY
    return classlink.ClassClient  # httpx: on first use, not at start-up


def resume_sending(app: Host) -> None:
    """At start-up: send what an earlier run could not."""
    path = app.data_dir / "classes" / "outbox.json"
    if path.is_file() and len(link(app).outbox):
        link(app).start()


def joined(app: Host) -> JoinedClass | None:
    """The class of the game being played, if any."""
    session = app.session
    return session.joined if session is not None else None


def attach(app: Host) -> None:
    """Point the link at the current game's class (starts watching it)."""
    current = joined(app)
    if current is not None or getattr(app, "class_link", None) is not None:
        link(app).attach(current)
        _tick(counting(app))


class OutboxSink:
    """The window's class sink (``game.session.ClassSink``): what the session sends the class
    goes to the outbox, and the link's thread delivers it (loaded on first use)."""

    def __init__(self, app: Host) -> None:
        self.app = app

    def progress(self, joined: JoinedClass, turn: int, decisions: list[dict[str, Any]]) -> None:
        """Queue the decisions up to the end of ``turn``."""
        body = {"turn": turn, "decisions": decisions}
        self._queue(OutboxItem(joined.base_url, joined.code, joined.token, "progress", turn, body))

    def result(self, joined: JoinedClass, turn: int, result: dict[str, Any]) -> None:
        """Queue the result file as written."""
        self._queue(OutboxItem(joined.base_url, joined.code, joined.token, "result", turn, result))

    def _queue(self, item: OutboxItem) -> None:
        """OSError when the outbox file cannot be written (the item is kept in memory)."""
        link(self.app).queue(item)


def on_event(app: Host) -> int | None:
    """The link has news (or the timer's second went by): refusals become messages; being
    online again ends "play on"; the once-a-second tick runs only while a timer counts.
    When the facilitator's timer ran out and they chose so, the player's quarter is ended as
    it stands: the quarter ended (the app shows its report), else None."""
    current = link(app)
    if current.state.online:
        current.play_on = False
    for reason in current.take_refusals():
        app.toast(app.t("class.refused_item", reason=reason))
    ended = _on_expiry(app)
    _tick(counting(app))
    return ended


_rounds: dict[str, tuple[int, int]] = {}  # class code -> (timer round seen running, ended)


def _on_expiry(app: Host) -> int | None:
    """End the current quarter once per timer round that this game saw running and then run
    out, when the facilitator chose "end_quarter" (never for a timer that was out already
    when the game heard of it, nor for a quarter the class does not let it end)."""
    info, current = link(app).state.info, joined(app)
    left = seconds_left(app)
    if info is None or current is None or left is None or info.state != "open":
        return None
    seen, done = _rounds.get(current.code, (0, 0))
    if left > 0:
        _rounds[current.code] = (info.timer_round, done)
        return None
    if info.on_expiry != "end_quarter" or seen != info.timer_round or done == seen:
        return None
    _rounds[current.code] = (seen, seen)
    if blocked(app) is not None:
        return None
    unit = turn_label(app.session.game.scenario, app.lang).lower() if app.session else ""
    turn = app.end_quarter()
    if turn is not None:
        app.toast(app.t("class.timer_ended", unit=unit))
    return turn


_ticking = False  # the pygame timer posting CLASS_EVENT every second is set (one per process)


def _tick(on: bool, force: bool = False) -> None:
    """Redraw once a second while the quarter timer counts down, and never otherwise."""
    global _ticking
    if on != _ticking or force:
        pygame.time.set_timer(CLASS_EVENT, TICK_MS if on else 0)
        _ticking = on


def seconds_left(app: Host) -> float | None:
    """The server's quarter timer now, counted down from when the game heard it (None: no
    timer running, or no class)."""
    class_link, session = getattr(app, "class_link", None), app.session
    if joined(app) is None or class_link is None or class_link.state.online is False:
        return None
    if session is None or session.game.over:  # a finished game has no quarter left to time
        return None
    info = class_link.state.info
    return None if info is None else info.left(time.monotonic())


def counting(app: Host) -> bool:
    """Whether the timer is running down right now (the window then redraws every second)."""
    left = seconds_left(app)
    info = link(app).state.info if left is not None else None
    return info is not None and info.state == "open" and left is not None and left > 0


def time_text(app: Host) -> str | None:
    """The class timer in words with the server's seconds ("Timer kelas: 4:05 lagi"), or None
    when no timer runs: the window never guesses at time on its own."""
    left = seconds_left(app)
    if left is None:
        return None
    if left <= 0:
        return app.t("class.timer_up")
    whole = math.ceil(left)
    return app.t("class.timer_left", time=f"{whole // 60}:{whole % 60:02d}")


def blocked(app: Host) -> Block | None:
    """Why the player may not end the current turn or enter it now (None: they may)."""
    session, current = app.session, joined(app)
    class_link = getattr(app, "class_link", None)
    if session is None or current is None or class_link is None or session.game.over:
        return None
    state = class_link.state
    if state.info is None or state.info.state == "closed":
        return None
    if state.online is False and class_link.play_on:
        return None
    if state.info.state == "paused":
        return "paused"
    if state.info.lockstep and session.game.turn > (state.info.open_quarter or 0):
        return "lockstep"
    return None


def gate(app: Host) -> Screen | None:
    """The wait screen, when the current turn may not be played yet."""
    attach(app)
    if blocked(app) is None:
        return None
    return app.make("class_wait")


def end_turn_label(app: Host, label: str) -> tuple[str, bool]:
    """The end-turn button's words and whether it works (``label`` outside a class)."""
    reason = blocked(app)
    if reason == "paused":
        return app.t("class.end_paused"), False
    if reason == "lockstep":
        return app.t("class.end_not_open"), False
    if _next_closed(app) is not None:
        return app.t("class.end_then_wait"), True
    return label, True


def _next_closed(app: Host) -> int | None:
    """The quarter after this one, when the player will have to wait for it."""
    session, class_link = app.session, getattr(app, "class_link", None)
    if session is None or class_link is None or joined(app) is None or session.game.over:
        return None
    info, turn = class_link.state.info, session.game.turn
    if info is None or not info.lockstep or info.state != "open":
        return None
    if turn >= session.game.scenario.turns or (info.open_quarter or 0) > turn:
        return None
    return turn + 1


def status(app: Host) -> tuple[str, theme.Color] | None:
    """The banner's text and colour, or None; the class timer's seconds come first, then
    what the class says (paused, a quarter not open), so the seconds never break a line."""
    current, class_link = joined(app), getattr(app, "class_link", None)
    if current is None or class_link is None or app.session is None:
        return None
    state = class_link.state
    if state.online is False:
        return app.t("class.offline"), theme.ACCENT
    if state.info is not None and state.info.state == "closed":
        return app.t("class.closed_banner"), theme.MUTED
    said = _class_says(app)
    timer = time_text(app)
    if said is None:
        return None if timer is None else (timer, theme.INFO)
    text, color = said
    return (text if timer is None else f"{timer} · {text}"), color


def _class_says(app: Host) -> tuple[str, theme.Color] | None:
    """What the class's state says to the player now (paused, a quarter not open yet)."""
    assert app.session is not None
    info = link(app).state.info
    word = turn_label(app.session.game.scenario, app.lang)
    if info is not None and info.state == "paused":
        return app.t("class.paused_banner"), theme.ACCENT
    if blocked(app) == "lockstep":
        return app.t("class.this_not_open", label=word, n=app.session.game.turn), theme.INFO
    upcoming = _next_closed(app)
    if upcoming is not None and getattr(app.screen, "name", "") == "turn":
        return app.t("class.next_not_open", label=word, n=upcoming), theme.INFO
    return None


def draw_status(app: Host, surface: pygame.Surface) -> None:
    """A small banner while the class needs saying something: where the screen offers room
    (``status_spot``, right-aligned in it), else at the bottom left; a screen whose
    ``status_spot`` is None says it itself."""
    shown = status(app)
    spot_of = getattr(app.screen, "status_spot", lambda: pygame.Rect(0, 0, 0, 0))
    spot: pygame.Rect | None = spot_of()
    if shown is None or spot is None:
        return
    text, color = shown
    ink = widgets.Ink(surface)
    w, h = surface.get_size()
    if not spot.width:
        spot = pygame.Rect(ink.px(16), h - ink.px(52), w // 2, ink.px(36))
    inner = spot.width - ink.px(44)
    one_line = ink.width(text, 16, 700) <= inner
    height = ink.px(34) if one_line else ink.wrapped_height(text, inner, 16, 700) + ink.px(14)
    width = ink.width(text, 16, 700) + ink.px(44) if one_line else spot.width
    rect = pygame.Rect(0, 0, width, height)
    if spot.left > ink.px(16):
        rect.bottomright = spot.bottomright
    else:
        rect.bottomleft = spot.bottomleft
    widgets.panel(surface, rect, theme.PANEL_HI, radius=ink.px(17), border=color, width=ink.px(2))
    pygame.draw.circle(surface, color, (rect.left + ink.px(18), rect.top + ink.px(17)), ink.px(5))
    ink.wrapped(
        text,
        pygame.Rect(rect.left + ink.px(32), rect.top + ink.px(7), inner, rect.height),
        16,
        theme.TEXT,
        700,
        max_lines=3,
    )
