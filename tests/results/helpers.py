"""Shared helpers of the results tests (importable, unlike conftest)."""

from __future__ import annotations

from collections.abc import Callable

from typer.testing import CliRunner

from game import cli
from game.engine import BOTS, Game, play_bot
from game.results.record import ResultRecord
from game.scenario import LoadedScenario
from tests.files import EXAMPLE

SCENARIO = EXAMPLE  # the canonical example (id dukcapil-sukamaju)
FIXTURES = EXAMPLE.parent  # the scenario library of the results tests: its folder (tests/fixtures)
COHORT_BOTS = {"A": ("random",), "B": ("random", "greedy"), "C": ("passive", "random")}
PER_COHORT = 40

MakeRecord = Callable[..., ResultRecord]


def play(loaded: LoadedScenario, bot: str, seed: int) -> Game:
    """A finished bot game."""
    return play_bot(Game(loaded.compiled, seed), BOTS[bot], seed)


_RUNNER = CliRunner()
cli.register_commands()


def run(*args: str) -> tuple[int, str, str]:
    """``agen ARGS`` in this process: exit code, stdout, stderr (a traceback is a bug: raised)."""
    result = _RUNNER.invoke(cli.app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback is a bug: show where
    return result.exit_code, result.stdout, result.stderr
