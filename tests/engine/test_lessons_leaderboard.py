"""Score and grade tell one story in the shipped scenarios (issue 20, point 2): over many
ways of playing, ordering games by score and ordering them by grade never disagree, so the
top of a class leaderboard is never a gamed score with a failing grade."""

from __future__ import annotations

import pytest

from game.engine import Game
from tests.engine.lessons import FORMS, POOLS, bot_games, honest, play_loose, two_a_quarter

SHIPPED = ("dukcapil", "dpmptsp", "basarnas")


def games(name: str, form: str) -> list[Game]:
    """Doing nothing, random play, the recommended plan and overloads, on seeds 1-10."""
    seeds = range(1, 11)
    found = [*bot_games(name, "passive", seeds, form), *bot_games(name, "random", seeds, form)]
    plans = [
        honest(name, form),
        *(two_a_quarter(pool[:k]) for pool in POOLS[name] for k in (8, 12)),
    ]
    found += [play_loose(name, plan, seed, form) for plan in plans for seed in seeds]
    return found


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", SHIPPED)
def test_ordering_by_score_is_ordering_by_grade(name: str, form: str) -> None:
    ranked = []
    for game in games(name, form):
        assert game.outcome is not None and game.outcome.grade is not None
        ranked.append((game.outcome.score, game.outcome.grade))
    ranked.sort(key=lambda r: r[0], reverse=True)
    grades = [g for _, g in ranked]  # grades are listed best first: the index only grows
    assert grades == sorted(grades), ranked[:5]
