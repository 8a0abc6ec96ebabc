"""Engine figures: whole random-bot games per second on one core, and one turn's resolution."""

from __future__ import annotations

from typing import Any

from benchmarks.common import largest_scenario, median_time
from game.engine import BOTS, Game, play_bot

GAMES = 500


def measure() -> dict[str, Any]:
    """``playthroughs_per_s`` and ``turn_us`` on the largest shipped scenario."""
    loaded = largest_scenario()
    c = loaded.compiled
    bot = BOTS["random"]

    def games() -> None:
        for seed in range(GAMES):
            play_bot(Game(c, seed), bot, seed)

    per_game = median_time(games) / GAMES
    # one turn: resolve from a mid-game state reached by the random bot
    states = []
    for seed in range(200):
        g = Game(c, seed)
        bot(g, __import__("random").Random(seed))
        states.append(g)

    def turns() -> None:
        for g in states:
            g.clone().end_turn()

    def clones() -> None:
        for g in states:
            g.clone()

    turn_s = (median_time(turns) - median_time(clones)) / len(states)
    return {
        "scenario": loaded.scenario.id,
        "playthroughs_per_s": round(1 / per_game, 1),
        "turn_us": round(turn_s * 1e6, 1),
    }
