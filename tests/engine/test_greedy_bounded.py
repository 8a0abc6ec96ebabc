"""The greedy bot's cost per decision is bounded whatever the scenario's size; on scenarios
within its bounds (every shipped one) it plays exactly as an unbounded look-ahead would."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.big_scenario import big_scenario
from game.engine import Game
from game.engine.bots import MAX_HORIZON, MAX_OPTIONS, bot_random, greedy
from game.scenario import load_scenario

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.toml"))


def test_one_greedy_turn_on_a_huge_scenario_resolves_a_bounded_number_of_turns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "besar.toml"
    path.write_text(big_scenario(600, 60), encoding="utf-8")
    loaded = load_scenario(path)
    game = Game(loaded.compiled, 1)
    for _ in range(3):
        game.end_turn()  # into the middle of the game: a full look-ahead would be long
    calls = 0
    original = Game.end_turn

    def counted(self: Game) -> None:
        nonlocal calls
        calls += 1
        original(self)

    monkeypatch.setattr(Game, "end_turn", counted)
    greedy(game, random.Random(1))
    actions = loaded.compiled.scenario.actions_per_turn
    # per action: the current line and at most MAX_OPTIONS options, each MAX_HORIZON turns
    assert 0 < calls <= (actions + 1) * (MAX_OPTIONS + 1) * MAX_HORIZON


def _decisions(path: Path, seed: int, **bounds: int) -> list[dict[str, object]]:
    game = Game(load_scenario(path).compiled, seed)
    rng = bot_random(seed)
    while not game.over:
        greedy(game, rng, **bounds)  # type: ignore[arg-type]
        game.end_turn()
    return [d.to_json() for d in game.decisions]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_within_its_bounds_greedy_plays_as_an_unbounded_look_ahead(path: Path) -> None:
    for seed in (1, 2):
        assert _decisions(path, seed) == _decisions(path, seed, max_options=10_000, horizon=10_000)
