"""The facilitator's timer ending a browser seat's quarter, as the window's does
(``game/ui/class_play.py``): when the timer of round R has run out and the facilitator chose
"end_quarter", a seat whose game still stands in the quarter being timed ends it with the
decisions it had made.

Done on the server, on the seat's next request (a page, or the state the page polls), through
the same path as a tapped "end quarter" (:func:`~game.classroom.web.seat_play.take`) under
the idempotency key ``timer:R``: the action log's unique (seat, key) applies it at most once
per round, whatever the number of requests and server processes. A class that blocks the
quarter (paused, closed, lockstep quarter not open) is never ended.
"""

from __future__ import annotations

import time

from game.classroom.class_store import ClassStore
from game.classroom.rooms import Room, SeatRow
from game.classroom.web.seat_play import SeatGame, Step, logged, seat_game, take


def _key(room: Room) -> str:
    return f"timer:{room.timer_round}"


def due(classes: ClassStore, room: Room, seat: SeatRow, now: float | None = None) -> bool:
    """Whether the class's timer ran out with "end_quarter" and this seat has not had its
    round's end yet (cheap: no game rebuilt)."""
    t = room.timer
    if room.state != "open" or t.on_expiry != "end_quarter" or seat.result_key is not None:
        return False
    if not t.expired(time.time() if now is None else now):
        return False
    if room.lockstep and seat.turn_done + 1 != room.open_quarter:
        return False
    return logged(classes, seat.id, _key(room)) is None


def timed_quarter(sg: SeatGame) -> int | None:
    """The quarter the timer was timing, when the seat's game still stands in it: in a
    lockstep class the quarter that is open, else the seat's own current quarter."""
    room, game = sg.room, sg.game
    if game.over or room.state != "open":
        return None
    if room.lockstep and game.turn != room.open_quarter:
        return None
    return game.turn


def end_on_expiry(
    classes: ClassStore, code: str, token: str | None, sg: SeatGame, lang: str | None = None
) -> tuple[int, SeatGame] | None:
    """End the seat's timed quarter when its timer round says so: (the quarter ended, the
    game after it), or None when nothing was (or had to be) ended by this request."""
    room = sg.room
    if not due(classes, room, sg.seat):
        return None
    turn = timed_quarter(sg)
    if turn is None:
        return None
    outcome, after = take(classes, code, token, (_key(room), Step("end"), turn), lang)
    return (turn, after) if outcome.applied else None


def end_if_due(
    classes: ClassStore, code: str, token: str | None, room: Room, seat: SeatRow
) -> int | None:
    """The state poll's check: the seat's game rebuilt only when its round's end is due;
    the quarter ended, or None."""
    if due(classes, room, seat):
        ended = end_on_expiry(classes, code, token, seat_game(classes, code, token))
        if ended is not None:
            return ended[0]
    if _ended_this_round(classes, room, seat):
        # another request ended it a moment ago, before this one looked or while it tried
        # (its rebuilt game already past the timed quarter): the seat row may not show it
        # yet, the action log does (the game rebuilt from it)
        return seat_game(classes, code, token).game.turns_played
    return None


def _ended_this_round(classes: ClassStore, room: Room, seat: SeatRow) -> bool:
    """Whether the timer of this round has already ended one of this seat's quarters."""
    t = room.timer
    if room.state != "open" or t.on_expiry != "end_quarter" or not t.expired(time.time()):
        return False
    return logged(classes, seat.id, _key(room)) is not None
