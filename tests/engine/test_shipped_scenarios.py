"""The scenarios that ship: load without warnings, keep their authors' promises, never break."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import BOTS, Game, play_bot, play_plan, replay
from game.scenario import load_scenario

SHIPPED = sorted((Path(__file__).parents[2] / "scenarios").glob("*.toml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_loads_without_warnings_and_expectations_hold(path: Path) -> None:
    loaded = load_scenario(path)
    assert [w.format() for w in loaded.warnings] == []
    assert loaded.scenario.expect, "every shipped scenario states what it teaches"
    for ex in loaded.scenario.expect:
        seed = ex.seed if ex.seed is not None else loaded.scenario.seed
        game = play_plan(loaded.compiled, ex.plan, seed)
        assert game.evaluate(ex.assert_), ex.id


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_random_games_stay_in_range_and_replay(path: Path) -> None:
    c = load_scenario(path).compiled
    for seed in range(150):
        game = play_bot(Game(c, seed), BOTS["random"], seed)
        for m, name in enumerate(c.metric_ids):
            assert all(c.minimum[m] <= x <= c.maximum[m] for x in game.history_of(name))
        if seed % 30 == 0:
            again = replay(c, seed, game.decisions)
            assert again.outcome == game.outcome and again.ledger.entries == game.ledger.entries


@pytest.mark.parametrize("path", [p for p in SHIPPED if p.stem != "tutorial"], ids=lambda p: p.stem)
def test_thoughtful_play_beats_doing_nothing(path: Path) -> None:
    c = load_scenario(path).compiled
    for seed in (1, 2, 3):
        passive = play_bot(Game(c, seed), BOTS["passive"], seed).outcome
        greedy = play_bot(Game(c, seed), BOTS["greedy"], seed).outcome
        assert passive is not None and greedy is not None
        assert greedy.score > passive.score + 10
