"""The end of a game: step 4 of "What a turn does, in order" in docs/format-reference.md
(the score, the goals met and the grade, on the final state)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from game.engine.state import DIGITS, finite
from game.scenario.compiled import Compiled
from game.scenario.expressions import Expression


class FinalState(Protocol):
    """What scoring reads (a :class:`~game.engine.game.Game` is one)."""

    @property
    def compiled(self) -> Compiled: ...

    @property
    def turns_played(self) -> int: ...

    @property
    def ending(self) -> str | None: ...

    def evaluate(self, expression: str | float | Expression) -> float: ...


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
    c, value = game.compiled, game.evaluate
    base = round(finite(value(c.score)), DIGITS)
    goals = tuple(g.id for g in c.goals if value(g.condition))
    bonus = sum(finite(value(g.bonus)) for g in c.goals if g.id in goals)
    total = round(base + bonus, DIGITS)
    grade = next(
        (
            i
            for lo, i in c.grades
            if total >= lo and (i not in c.grade_requires or value(c.grade_requires[i]))
        ),
        None,
    )
    return Outcome(total, base, goals, grade, game.ending, game.turns_played)
