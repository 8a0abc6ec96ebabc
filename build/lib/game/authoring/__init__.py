"""Tools for trainers who write scenarios: a starter file, the JSON Schema, [[expect]] checks,
lint beyond validity, and balance runs of bots over many seeds on all cores.

Nothing here imports pygame.
"""

from game.authoring.balance import build_report, run_balance
from game.authoring.expect import ExpectResult, play_steps, run_all
from game.authoring.json_schema import scenario_schema, schema_text
from game.authoring.lint import games_found, lint_problems, static_found, unadoptable
from game.authoring.template import NewScenarioError, scenario_text, write_new

__all__ = [
    "ExpectResult",
    "NewScenarioError",
    "build_report",
    "games_found",
    "lint_problems",
    "play_steps",
    "run_all",
    "run_balance",
    "scenario_schema",
    "scenario_text",
    "schema_text",
    "static_found",
    "unadoptable",
    "write_new",
]
