"""What the player did, read back from the decisions and the history: when each policy was
in force, and the value of a metric at a given point. Used by the reflection layer."""

from __future__ import annotations

from game.engine.actions import Adopt, Cancel
from game.engine.game import Game


def last_resolved(game: Game) -> int:
    """The last resolved turn (0 before the first)."""
    return game.turns_played


def spells(game: Game, policy: str) -> list[tuple[int, int]]:
    """The runs of resolved turns in which a policy was in force, as (first, last).

    Adopted in turn t, it acts in the resolution of t; cancelled in turn t, its last
    resolution was t − 1."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for d in game.decisions:
        a = d.action
        if isinstance(a, Adopt) and a.policy == policy and start is None:
            start = d.turn
        elif isinstance(a, Cancel) and a.policy == policy and start is not None:
            if d.turn - 1 >= start:
                out.append((start, d.turn - 1))
            start = None
    end = last_resolved(game)
    if start is not None and start <= end:
        out.append((start, end))
    return out


def turns_in_force(game: Game, policy: str) -> set[int]:
    """Every resolved turn in which the policy was in force."""
    return {t for first, last in spells(game, policy) for t in range(first, last + 1)}


def first_adopted(game: Game, policy: str) -> int | None:
    """The turn the policy was first adopted, if ever."""
    return next(
        (
            d.turn
            for d in game.decisions
            if isinstance(d.action, Adopt) and d.action.policy == policy
        ),
        None,
    )


def value_after(game: Game, name: str, turn: int) -> float:
    """A metric's value after the resolution of ``turn`` (0: at the start), clamped to what
    has been played."""
    return game.value_at(max(0, min(turn, last_resolved(game))), name)
