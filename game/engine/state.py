"""The state of a game that its expressions read and a turn changes.

An expression reads the current state and nothing else (docs/format-reference.md,
"Expressions"): the values of the metrics and derived values, how long each policy has been
held in force, and the answers given to events. Code outside ``game/engine/`` reads it through
:class:`~game.engine.game.Game`'s named view, never these vectors.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.scenario.compiled import CompiledEffect

DIGITS = 9  # metric and derived values are rounded to this many decimals after each turn


def finite(x: float) -> float:
    """A value kept finite: not-a-number counts as 0, an infinity as ±1e300."""
    x = float(x)
    if math.isfinite(x):
        return x
    if math.isnan(x):
        return 0.0
    return 1e300 if x > 0 else -1e300


@dataclass(slots=True)
class Scheduled:
    """An event choice's effect waiting for, or in, its acting turns."""

    effect: CompiledEffect
    chosen_turn: int
    source: str  # "event_id/choice_id"


@dataclass
class Lingering:
    """A cancelled policy's effect still acting: what it set in motion while in force
    (``outlives_cancel``); its k-th acting turn counts from the adoption, up to ``last``."""

    effect: CompiledEffect
    adopted: int  # the turn the cancelled policy was adopted
    last: int  # its last acting turn, counted as k (1 = the first)
    source: str  # the policy id


@dataclass
class State:
    """The vectors the compiled expressions read, by slot, and what a turn changes."""

    values: list[float]  # metric, derived, turn, turns, arrears, arrears_turns, by slot
    held: list[int]  # turns each policy has been in force, this one included (0: not in force)
    answers: set[int]  # answers given to events (event index * CHOICE_KEY + choice index)
    adopted_at: list[int]  # the turn each policy was adopted (0: not in force)
    scheduled: list[Scheduled]  # event choices' effects still to act
    turn: int  # the turn being played (1 = the first)
    lingering: list[Lingering] = field(default_factory=list)  # effects outliving a cancel

    def copy(self) -> State:
        """An independent copy (for look-ahead)."""
        return State(
            list(self.values),
            list(self.held),
            set(self.answers),
            list(self.adopted_at),
            list(self.scheduled),
            self.turn,
            list(self.lingering),
        )
