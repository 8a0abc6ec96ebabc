"""The requests and answers of the class API (pydantic; FastAPI documents them at /docs)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MAX_BODY = 256 * 1024
NAME_MAX = 80


class TimerOut(BaseModel):
    """The quarter timer: the facilitator starts it (or opens a quarter), adds a minute,
    stops it; a pause freezes it. A game ends the timed quarter once per ``round`` when it
    has ``expired`` and ``on_expiry`` is "end_quarter"."""

    seconds: float = Field(description="A quarter's time, in seconds")
    running: bool = Field(description="Started and not stopped (frozen while the class is paused)")
    left: float | None = Field(description="Seconds left (null when not running)")
    round: int = Field(description="How many times it was started (each start a new round)")
    on_expiry: Literal["nothing", "end_quarter"] = Field(
        description="When the time is up: nothing, or players end the quarter as it stands"
    )
    expired: bool = Field(description="Running and out of time")


class ClassOut(BaseModel):
    """A class: its scenario (id, version, SHA-256 of the file), seed, language and state."""

    code: str
    title: str
    scenario_id: str
    scenario_version: str
    scenario_sha256: str
    seed: int
    language: str
    state: Literal["open", "paused", "closed"]
    lockstep: bool
    open_quarter: int | None = Field(
        description="Highest quarter participants may finish (lockstep only; else null)"
    )
    turns: int = Field(description="Turns the class plays (the short form's when it plays short)")
    full_turns: int = Field(description="Turns of the scenario's full game")
    quarters: int | None = Field(
        None, description="The short form's turns when the class plays short; else null"
    )
    predict_first: int | None = Field(
        None,
        description="Predictions asked: null the scenario's setting, 0 never, N the first N "
        "adoptions of a game (1000000: every adoption)",
    )
    seconds_left: float | None = Field(
        description="Seconds left on the quarter's timer (null: not running, or no timer)"
    )
    timer: TimerOut | None = Field(None, description="The quarter timer (null: no timer)")


class JoinIn(BaseModel):
    """Join a class: a name (a person or a team), optional NIP, a team's members."""

    model_config = ConfigDict(extra="forbid")

    player: str = Field(min_length=1, max_length=NAME_MAX)
    player_id: str | None = Field(None, max_length=40)
    members: list[str] = Field(default_factory=list, max_length=12)


class SeatOut(BaseModel):
    """A seat: keep the token; it authorises this seat's progress and result."""

    code: str
    seat: int
    token: str
    player: str
    player_id: str | None
    members: list[str]
    turn_done: int


class ProgressIn(BaseModel):
    """The decisions so far after ``turn`` quarters completed (as in a result file)."""

    model_config = ConfigDict(extra="forbid")

    turn: int = Field(ge=0, le=1000)
    decisions: list[dict[str, Any]] = Field(max_length=5000)


class Answer(BaseModel):
    """A stored (201), already stored (409) or refused (422/4xx) answer, in the asked language."""

    code: str
    message: str
    message_id: str | None = None
    message_en: str | None = None


class ControlIn(BaseModel):
    """A facilitator's action."""

    model_config = ConfigDict(extra="forbid")

    action: Literal[
        "open",
        "pause",
        "next",
        "close",
        "remove",
        "timer_start",
        "timer_add",
        "timer_stop",
        "expiry_nothing",
        "expiry_end_quarter",
    ]
    seat: int | None = None
