"""Setting priorities beats overload (issue 20, point 1): starting more programmes than the
office can pay for, or absorb, never beats the recommended plan, on seeds 1-30, in the full
game and the short form. Upkeep the cash cannot pay is owed (arrears), stalls programmes,
hurts morale and goes on record; more than six programmes at once wear staff down."""

from __future__ import annotations

import itertools
import statistics

import pytest

from game.engine import Game
from tests.engine.lessons import (
    FORMS,
    POOLS,
    SEEDS,
    final,
    honest,
    loose_scores,
    paired,
    play_loose,
    two_a_quarter,
)

SHIPPED = ("dukcapil", "dpmptsp", "basarnas")


def overloaded(game: Game) -> bool:
    """More than the office can carry: eight programmes at once, or two quarters in arrears."""
    return max(game.history_of("programmes")) >= 8 or game.value("arrears_record") >= 2


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", SHIPPED)
def test_overload_never_beats_setting_priorities(name: str, form: str) -> None:
    fair = loose_scores(name, honest(name, form), form)
    judged = 0
    for pool in POOLS[name]:
        for k in (8, 10, 12):
            games = [play_loose(name, two_a_quarter(pool[:k]), seed, form) for seed in SEEDS]
            if sum(overloaded(g) for g in games) < len(SEEDS) * 2 / 3:
                continue  # the cash refused enough cards that this is no overload
            judged += 1
            median, mean, wins = paired(fair, [final(g) for g in games])
            assert median > 0 and mean > 0, (pool[:k], median, mean)
            assert wins >= 20, (pool[:k], wins)
    assert judged >= 2, "the family must hold real overloads"


@pytest.mark.parametrize("name", SHIPPED)
def test_the_recommended_plan_runs_no_arrears(name: str) -> None:
    """The plan the note recommends stays within the unit's means on every seed: the lesson
    is priorities, not austerity."""
    for form in FORMS:
        for seed in SEEDS:
            game = play_loose(name, honest(name, form), seed, form)
            assert game.value("arrears_record") == 0, (form, seed)


@pytest.mark.parametrize("name", SHIPPED)
def test_arrears_carry_over_and_hurt_the_longer_they_last(name: str) -> None:
    """An overload's unpaid upkeep is owed from quarter to quarter (not written off), and
    the longer it is owed the lower morale sinks against the same plan kept affordable."""
    pool = POOLS[name][0]
    over = [play_loose(name, two_a_quarter(pool[:12]), seed) for seed in SEEDS]
    owed = [g for g in over if g.value("arrears_record") >= 2]
    assert len(owed) >= 20
    for game in owed[:5]:
        dues = game.history_of("owed")
        assert any(a > 0 and b > 0 for a, b in itertools.pairwise(dues))
    fair = [play_loose(name, honest(name), seed) for seed in SEEDS]
    assert statistics.median(g.value("morale") for g in over) < statistics.median(
        g.value("morale") for g in fair
    )
