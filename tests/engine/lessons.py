"""Helpers for the lesson tests: play a trainer's strategy (a plan) or a bot over many seeds.

A strategy is a list of plan steps as in ``[[expect]]``/``agen simulate --plan``; events the
plan does not answer take the game's default answer, worked out as the game does.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from game.engine import BOTS, Adopt, Game, play_bot, play_plan
from game.scenario import LoadedScenario, load_scenario
from game.scenario.format_model import PlanStep

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SEEDS = range(1, 31)


@cache
def scenario(name: str) -> LoadedScenario:
    """A shipped scenario, loaded once per test session."""
    return load_scenario(SCENARIOS / f"{name}.toml")


def steps(plan: Sequence[dict[str, Any]]) -> tuple[PlanStep, ...]:
    """Plan entries (dicts as in TOML) as plan steps."""
    return tuple(PlanStep.model_validate(step) for step in plan)


def play(name: str, plan: Sequence[dict[str, Any]], seed: int) -> Game:
    """Play a plan on one seed to the end."""
    return play_plan(scenario(name).compiled, steps(plan), seed)


def scores(name: str, plan: Sequence[dict[str, Any]], seeds: range = SEEDS) -> list[float]:
    """The final score of a plan on each seed."""
    out = []
    for seed in seeds:
        game = play(name, plan, seed)
        assert game.outcome is not None
        out.append(game.outcome.score)
    return out


def bot_games(name: str, bot: str, seeds: range = SEEDS) -> list[Game]:
    """Games a bot plays on each seed."""
    return [play_bot(Game(scenario(name).compiled, seed), BOTS[bot], seed) for seed in seeds]


def adopted(game: Game) -> dict[str, int]:
    """Policy id -> the turn it was (last) adopted."""
    return {d.action.policy: d.turn for d in game.decisions if isinstance(d.action, Adopt)}


def grade_name(game: Game) -> str:
    """The Indonesian name of the game's grade ('' when none)."""
    assert game.outcome is not None
    s = scenario_of(game)
    if game.outcome.grade is None:
        return ""
    name = s.scoring.grades[game.outcome.grade].name
    return name if isinstance(name, str) else name["id"]


def scenario_of(game: Game) -> Any:
    return game.c.scenario
