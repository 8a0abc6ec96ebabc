"""A class and a seat as the class server holds them (read from their rows in the store);
plain data, so the lifecycle (:mod:`.lifecycle`) and the checks work without a database.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, replace
from typing import Any

from game.classroom.timer import Timer


def token_hash(token: str) -> str:
    """How a token is kept: its SHA-256, never the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Room:
    """One class as stored."""

    code: str
    scenario_id: str
    scenario_version: str
    scenario_sha256: str
    scenario_name: str
    seed: int
    language: str
    lockstep: bool
    minutes_per_quarter: float | None
    allow_bots: bool
    state: str  # "open", "paused" or "closed"
    open_quarter: int
    deadline: float | None
    remaining: float | None
    join_url: str
    quarters: int | None = None  # the short form's turns; None: the full game
    predict_first: int | None = None  # None: the scenario's; 0: never; N: the first N adoptions
    timer_running: bool = False  # the facilitator started the quarter timer (see timer.py)
    timer_round: int = 0
    on_expiry: str = "nothing"

    @property
    def timer(self) -> Timer:
        """The quarter timer (pure rules: :mod:`.timer`)."""
        seconds = None if not self.minutes_per_quarter else self.minutes_per_quarter * 60
        return Timer(
            seconds,
            self.timer_running,
            self.deadline,
            self.remaining,
            self.timer_round,
            self.on_expiry,
        )

    def with_timer(self, t: Timer) -> Room:
        """This class with the timer ``t``."""
        return replace(
            self,
            timer_running=t.running,
            deadline=t.deadline,
            remaining=t.remaining,
            timer_round=t.round,
            on_expiry=t.on_expiry,
        )

    def seconds_left(self, now: float | None = None) -> float | None:
        """Seconds left on the running quarter timer (kept while paused); None when it is not
        running or the class has none."""
        return self.timer.left(time.time() if now is None else now)


@dataclass(frozen=True)
class SeatRow:
    """One seat as stored."""

    id: int
    class_code: str
    player: str
    player_id: str | None
    members: tuple[str, ...]
    removed: bool
    turn_done: int
    decisions: list[dict[str, Any]]
    result_key: str | None
    score: float | None


def seat_of(row: Any) -> SeatRow:
    """The seat of a ``class_seats`` row."""
    return SeatRow(
        row.id,
        row.class_code,
        row.player,
        row.player_id,
        tuple(json.loads(row.members)),
        bool(row.removed),
        row.turn_done,
        json.loads(row.decisions),
        row.result_key,
        row.score,
    )


def room_of(row: Any) -> Room:
    """The class of a ``class_rooms`` row (or of a row whose columns :class:`Prefixed`
    renames)."""
    return Room(
        row.code,
        row.scenario_id,
        row.scenario_version,
        row.scenario_sha256,
        row.scenario_name,
        int(row.seed),
        row.language,
        bool(row.lockstep),
        row.minutes_per_quarter,
        bool(row.allow_bots),
        row.state,
        int(row.open_quarter),
        row.deadline,
        row.remaining,
        row.join_url,
        None if row.quarters is None else int(row.quarters),
        None if row.predict_first is None else int(row.predict_first),
        bool(row.timer_running),
        int(row.timer_round or 0),
        row.on_expiry or "nothing",
    )


class Prefixed:
    """A row's ``room_*`` columns under their own names (a seat and its class read at once)."""

    def __init__(self, row: Any, prefix: str) -> None:
        self._row = row
        self._prefix = prefix

    def __getattr__(self, name: str) -> Any:
        return getattr(self._row, self._prefix + name)
