"""Helpers for the lesson tests: play a trainer's strategy (a plan) or a bot over many seeds.

A strategy is a list of plan steps as in ``[[expect]]``/``agen simulate --plan``; events the
plan does not answer take the game's default answer, worked out as the game does.

Every helper takes the *form* played: ``"full"`` (the whole game) or ``"short"`` (the
scenario's ``[short_form]``, compiled as ``agen play --quarters N`` and the class play it).
A short form teaches the same lessons as its full game, so most lesson tests run on both.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from game.engine import BOTS, Adopt, Game, play_bot, play_plan
from game.scenario import LoadedScenario, load_scenario
from game.scenario.format_model import PlanStep
from game.scenario.forms import played_as
from tests.files import SCENARIOS

SEEDS = range(1, 31)
FORMS = ("full", "short")


@cache
def scenario(name: str, form: str = "full") -> LoadedScenario:
    """A shipped scenario in one form, loaded once per test session."""
    loaded = load_scenario(SCENARIOS / f"{name}.toml")
    if form == "full":
        return loaded
    assert form == "short" and loaded.scenario.short_form is not None, (name, form)
    return played_as(loaded, loaded.scenario.short_form.turns)


def last_turns(name: str, form: str = "full") -> tuple[int, int]:
    """The last two turns of the form: where a risky card can no longer backfire."""
    turns = scenario(name, form).scenario.turns
    return turns - 1, turns


def steps(plan: Sequence[dict[str, Any]]) -> tuple[PlanStep, ...]:
    """Plan entries (dicts as in TOML) as plan steps."""
    return tuple(PlanStep.model_validate(step) for step in plan)


def play(name: str, plan: Sequence[dict[str, Any]], seed: int, form: str = "full") -> Game:
    """Play a plan on one seed to the end (steps after the form's last turn never come)."""
    return play_plan(scenario(name, form).compiled, steps(plan), seed)


def scores(
    name: str, plan: Sequence[dict[str, Any]], seeds: range = SEEDS, form: str = "full"
) -> list[float]:
    """The final score of a plan on each seed."""
    out = []
    for seed in seeds:
        game = play(name, plan, seed, form)
        assert game.outcome is not None
        out.append(game.outcome.score)
    return out


def bot_games(name: str, bot: str, seeds: range = SEEDS, form: str = "full") -> list[Game]:
    """Games a bot plays on each seed."""
    compiled = scenario(name, form).compiled
    return [play_bot(Game(compiled, seed), BOTS[bot], seed) for seed in seeds]


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
    return game.scenario
