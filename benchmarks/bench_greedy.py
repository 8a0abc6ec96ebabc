"""``greedy_game_ms``: one whole greedy-bot game, on the largest shipped scenario and on a
generated 300-policy, 40-turn scenario (see big_scenario.py), median of a few seeds."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from benchmarks.big_scenario import big_scenario
from benchmarks.common import largest_scenario, median_time
from game.engine import BOTS, Game, play_bot
from game.scenario import LoadedScenario, load_scenario


def _game_ms(loaded: LoadedScenario, repeats: int) -> float:
    seeds = iter(range(1, repeats + 1))

    def one() -> None:
        seed = next(seeds)
        play_bot(Game(loaded.compiled, seed), BOTS["greedy"], seed)

    return round(median_time(one, repeats) * 1000, 1)


def measure() -> dict[str, Any]:
    """``greedy_game_ms``: ``{"largest_shipped": ms, "generated_300x40": ms}``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "besar.toml"
        path.write_text(big_scenario(300, 40), encoding="utf-8")
        generated = load_scenario(path)
    return {
        "greedy_game_ms": {
            "largest_shipped": _game_ms(largest_scenario(), 5),
            "generated_300x40": _game_ms(generated, 3),
        }
    }
