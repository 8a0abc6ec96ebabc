"""A class's lifecycle as a pure function: what the facilitator's actions (open, pause, open
the next quarter, close) make of a class at a moment, the timer included. No database and
no clock here, so every rule is tested on its own, without a server.

The timer (rules in :mod:`.timer`): it runs only once the facilitator starts it or opens a
quarter (lockstep "next"), never from the server's start; a pause freezes it; the
facilitator adds a minute, stops it, and chooses what happens when the time is up.
"""

from __future__ import annotations

from dataclasses import replace

from game.classroom import timer
from game.classroom.api_text import ApiText
from game.classroom.refusal import Invalid
from game.classroom.rooms import Room

ACTIONS = ("open", "pause", "next", "close")
TIMER_ACTIONS = ("timer_start", "timer_add", "timer_stop", "expiry_nothing", "expiry_end_quarter")


def next_state(room: Room, action: str, now: float, turns: int) -> Room:
    """The class after the facilitator's ``action`` at ``now`` (``turns``: how many the class
    plays). Raises Invalid when the action does not apply: the class is closed, "next"
    without lockstep or after the last quarter, a timer action without a timer, or an
    unknown action."""
    if room.state == "closed":
        raise Invalid(ApiText.CLOSED)
    t = room.timer
    if action == "open":
        return replace(room, state="open").with_timer(timer.resume(t, now))
    if action == "pause":
        return replace(room, state="paused").with_timer(timer.freeze(t, now))
    if action == "next":
        return _next_quarter(room, now, turns)
    if action == "close":
        return replace(room, state="closed").with_timer(timer.stop(t))
    if action in TIMER_ACTIONS:
        return room.with_timer(_timer_action(t, action, now, room.state == "open"))
    raise Invalid(ApiText.BAD_ACTION, action=action)


def _timer_action(t: timer.Timer, action: str, now: float, counting: bool) -> timer.Timer:
    """The facilitator's start, +1 minute, stop, or choice of what happens at the end."""
    if t.seconds is None:
        raise Invalid(ApiText.NO_TIMER)
    if action == "timer_start":
        return timer.start(t, now, counting)
    if action == "timer_add":
        return timer.add_minute(t, now)
    if action == "timer_stop":
        return timer.stop(t)
    return timer.choose_expiry(t, action.removeprefix("expiry_"))


def _next_quarter(room: Room, now: float, turns: int) -> Room:
    """Open the next quarter of a lockstep class; its timer starts afresh (counting at once
    when the class is open, else when it is opened again)."""
    if not room.lockstep:
        raise Invalid(ApiText.NOT_LOCKSTEP)
    if room.open_quarter >= turns:
        raise Invalid(ApiText.LAST_QUARTER, turns=turns)
    moved = replace(room, open_quarter=room.open_quarter + 1)
    return moved.with_timer(timer.start(room.timer, now, room.state == "open"))


def changed_columns(old: Room, new: Room) -> dict[str, object]:
    """The stored columns an action changed (the state always, so a change is written)."""
    names = ("open_quarter", "deadline", "remaining", "timer_round", "on_expiry")
    out: dict[str, object] = {"state": new.state}
    out |= {n: getattr(new, n) for n in names if getattr(new, n) != getattr(old, n)}
    if new.timer_running != old.timer_running:
        out["timer_running"] = int(new.timer_running)
    return out
