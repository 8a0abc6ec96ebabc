"""The end of a game: step 4 of "What a turn does, in order" in docs/format-reference.md
(the score, the goals met and the grade, on the final state)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from game.engine.numbers import number
from game.engine.state import DIGITS, finite
from game.errors import Codes, Localized, Message
from game.scenario.compiled import Compiled
from game.scenario.expressions import Expression

BELOW = 0.1  # a score held below a grade's threshold sits this far under it (one shown decimal)


class ScoreCode(Codes):
    """What the end of a game says about its score beyond the number."""

    HELD_BELOW = "score.held_below"


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
    earned: float | None = None  # the score before a grade's unmet requirement held it down
    held_below: Message | None = None  # why it was held down (ScoreCode.HELD_BELOW), or None


Parts = tuple[float, tuple[str, ...], float]  # the base score, the goals met, their bonus


def score(game: FinalState, parts: Parts | None = None) -> Outcome:
    """Score, goals met and grade on the game's current state.

    One number carries the verdict: when the score reaches a grade whose requirement is not
    met, the score is held just below that grade's threshold (and ``held_below`` says why),
    so ordering games by score and by grade never disagree. ``parts``: the base, goals and
    bonus as the scenario's generated code found them (``score_parts``: the same values)."""
    c, value = game.compiled, game.evaluate
    base, goals, bonus = parts if parts is not None else score_parts(game)
    total = round(base + bonus, DIGITS)
    grade, floor, unmet = None, None, None
    for lo, i in c.grades:  # highest threshold first
        if total < lo:
            continue
        if i in c.grade_requires and not value(c.grade_requires[i]):
            unmet = (lo, i)  # the lowest grade reached but refused so far
            continue
        grade, floor = i, lo
        break
    if unmet is None:
        return Outcome(total, base, goals, grade, game.ending, game.turns_played, total)
    held = round(unmet[0] - BELOW, DIGITS)
    held = held if floor is None else max(floor, held)
    why = _held_below(c, unmet[1], total, held)
    return Outcome(held, base, goals, grade, game.ending, game.turns_played, total, why)


def score_parts(game: FinalState) -> Parts:
    """The base score (finite, rounded), the goals met in file order, their bonus."""
    c, value = game.compiled, game.evaluate
    base = round(finite(value(c.score)), DIGITS)
    goals = tuple(g.id for g in c.goals if value(g.condition))
    bonus = sum(finite(value(g.bonus)) for g in c.goals if g.id in goals)
    return base, goals, bonus


def _held_below(c: Compiled, grade: int, earned: float, held: float) -> Message:
    """The message saying which grade's requirement held the score down, and to what."""
    g = c.scenario.scoring.grades[grade]
    return Message.of(
        ScoreCode.HELD_BELOW,
        grade=Localized.of(g.name),
        condition=str(g.requires),
        earned=_shown(earned),
        score=_shown(held),
    )


def _shown(value: float) -> Localized:
    """A score with one decimal, in each language's style (96,6 / 96.6)."""
    return Localized(tuple((lang, number(value, 1, lang)) for lang in ("id", "en")))
