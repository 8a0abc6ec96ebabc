"""Shared helpers of the results tests (importable, unlike conftest)."""

from __future__ import annotations

from collections.abc import Callable

from game.engine import BOTS, Game, play_bot
from game.results.record import ResultRecord
from game.scenario import LoadedScenario
from tests.variants import EXAMPLE

SCENARIO = EXAMPLE  # the canonical example (id dukcapil-sukamaju)
FIXTURES = EXAMPLE.parent  # the scenario library of the results tests: its folder
COHORT_BOTS = {"A": ("random",), "B": ("random", "greedy"), "C": ("passive", "random")}
PER_COHORT = 40

MakeRecord = Callable[..., ResultRecord]


def play(loaded: LoadedScenario, bot: str, seed: int) -> Game:
    """A finished bot game."""
    return play_bot(Game(loaded.compiled, seed), BOTS[bot], seed)
