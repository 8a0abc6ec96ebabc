"""Scenario definitions: the format's models, TOML loading, expressions, error locating."""

from game.scenario.compiled import Compiled
from game.scenario.format_model import CATEGORIES, VALUES, PlanStep, Scenario
from game.scenario.loader import LoadedScenario, load_plan, load_scenario
from game.scenario.text import localize

__all__ = [
    "CATEGORIES",
    "VALUES",
    "Compiled",
    "LoadedScenario",
    "PlanStep",
    "Scenario",
    "load_plan",
    "load_scenario",
    "localize",
]
