"""Scenario definitions: the format's models, TOML loading, expressions, error locating.

The names below load on first use (a module ``__getattr__``): importing a light module of
this package, such as ``game.scenario.vocabulary``, does not load pydantic and the models,
which the title screen's first frame does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.scenario.compiled import Compiled
    from game.scenario.format_model import PlanStep, Scenario
    from game.scenario.loader import LoadedScenario, load_plan, load_scenario
    from game.scenario.text import localize
    from game.scenario.vocabulary import CATEGORIES, VALUES

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


def __getattr__(name: str) -> Any:
    """Load the module holding ``name`` on first use (see the module docstring); plain
    imports, so the import graph and the layer test see them."""
    from types import ModuleType

    module: ModuleType
    if name in ("CATEGORIES", "VALUES"):
        from game.scenario import vocabulary

        module = vocabulary
    elif name == "Compiled":
        from game.scenario import compiled

        module = compiled
    elif name in ("PlanStep", "Scenario"):
        from game.scenario import format_model

        module = format_model
    elif name in ("LoadedScenario", "load_plan", "load_scenario"):
        from game.scenario import loader

        module = loader
    elif name == "localize":
        from game.scenario import text

        module = text
    else:
        raise AttributeError(f"module 'game.scenario' has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value
