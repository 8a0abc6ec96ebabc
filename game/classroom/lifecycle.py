"""A class's lifecycle as a pure function: what the facilitator's actions (open, pause, open
the next quarter, close) make of a class at a moment, the timer included. No database and
no clock here, so every rule is tested on its own, without a server.

The timer: a running class has a ``deadline`` (epoch seconds); a paused one keeps the
seconds ``remaining`` instead, so a pause stops the clock. In lockstep, each newly opened
quarter gets a full quarter's time; otherwise the whole game's time runs from the start.
"""

from __future__ import annotations

from dataclasses import replace

from game.classroom.api_text import ApiText
from game.classroom.refusal import Invalid
from game.classroom.rooms import Room

ACTIONS = ("open", "pause", "next", "close")


def first_deadline(
    minutes_per_quarter: float | None, lockstep: bool, turns: int, now: float
) -> float | None:
    """When the timer of a new class runs out: one quarter's time in lockstep, the whole
    game's otherwise; None without a timer."""
    if not minutes_per_quarter:
        return None
    return now + minutes_per_quarter * 60 * (1 if lockstep else turns)


def next_state(room: Room, action: str, now: float, turns: int) -> Room:
    """The class after the facilitator's ``action`` at ``now`` (``turns``: how many the class
    plays). Raises Invalid when the action does not apply: the class is closed, "next"
    without lockstep or after the last quarter, or an unknown action."""
    if room.state == "closed":
        raise Invalid(ApiText.CLOSED)
    left = room.seconds_left(now)
    if action == "open":
        return replace(
            room, state="open", remaining=None, deadline=None if left is None else now + left
        )
    if action == "pause":
        return replace(room, state="paused", deadline=None, remaining=left)
    if action == "next":
        return _next_quarter(room, now, turns)
    if action == "close":
        return replace(room, state="closed", deadline=None, remaining=None)
    raise Invalid(ApiText.BAD_ACTION, action=action)


def _next_quarter(room: Room, now: float, turns: int) -> Room:
    """Open the next quarter of a lockstep class; its timer starts afresh (running or kept
    for when the class is opened again)."""
    if not room.lockstep:
        raise Invalid(ApiText.NOT_LOCKSTEP)
    if room.open_quarter >= turns:
        raise Invalid(ApiText.LAST_QUARTER, turns=turns)
    moved = replace(room, open_quarter=room.open_quarter + 1)
    if not room.minutes_per_quarter:
        return moved
    per = room.minutes_per_quarter * 60
    if room.state == "open":
        return replace(moved, deadline=now + per, remaining=None)
    return replace(moved, deadline=None, remaining=per)


def changed_columns(old: Room, new: Room) -> dict[str, object]:
    """The stored columns an action changed (the state always, so a change is written)."""
    names = ("open_quarter", "deadline", "remaining")
    return {"state": new.state} | {
        n: getattr(new, n) for n in names if getattr(new, n) != getattr(old, n)
    }
