"""The end of a game: score on the final state, goals met, grade."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from game.engine.resolve import DIGITS, finite
from game.scenario.compiled import Compiled


class FinalState(Protocol):
    """What scoring reads (a :class:`~game.engine.game.Game` is one)."""

    c: Compiled
    v: list[float]
    h: list[int]
    chosen: set[int]
    history: list[list[float]]
    ending: str | None


@dataclass(frozen=True)
class Outcome:
    """The end of a game: score, goals met, grade and how it ended."""

    score: float
    base: float
    goals: tuple[str, ...]
    grade: int | None
    ending: str | None
    turns_played: int


def score(game: FinalState) -> Outcome:
    """Score, goals met and grade on the game's current state."""
    c, v, h, ch = game.c, game.v, game.h, game.chosen
    base = round(finite(c.score.fn(v, h, ch)), DIGITS)
    goals = tuple(g.id for g in c.goals if g.condition.fn(v, h, ch))
    bonus = sum(finite(g.bonus.fn(v, h, ch)) for g in c.goals if g.id in goals)
    total = round(base + bonus, DIGITS)
    grade = next(
        (
            i
            for lo, i in c.grades
            if total >= lo and (i not in c.grade_requires or c.grade_requires[i].fn(v, h, ch))
        ),
        None,
    )
    turns_played = len(game.history) - 1
    return Outcome(total, base, goals, grade, game.ending, turns_played)
