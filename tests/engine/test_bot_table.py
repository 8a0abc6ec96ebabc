"""The one table of bots: a registered bot plays in simulate and takes its share of a balance
run; a bot's random source follows one rule."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from game.authoring.batch import allocate, plan_tasks
from game.cli import app as cli_app
from game.cli import register_commands
from game.engine import Adopt, Game
from game.engine.bots import BOTS, bot_random, play_bot, register
from game.scenario import LoadedScenario
from tests.files import EXAMPLE


def first_open(game: Game, rng: random.Random) -> None:
    """A test bot: adopts the first policy it may."""
    for p in game.scenario.policies:
        if game.can_adopt(p.id):
            game.act(Adopt(p.id))
            return


@pytest.fixture
def with_test_bot() -> Iterator[None]:
    register("first_open", "adopts the first open policy", lambda runs: 3, chunk=100)(first_open)
    yield
    del BOTS["first_open"]


def test_a_registered_bot_plays_in_simulate(with_test_bot: None) -> None:
    register_commands()
    result = CliRunner().invoke(cli_app, ["simulate", str(EXAMPLE), "--bot", "first_open"])
    assert result.exit_code == 0, result.output
    unknown = CliRunner().invoke(cli_app, ["simulate", str(EXAMPLE), "--bot", "nobody"])
    assert unknown.exit_code != 0 and "first_open" in unknown.output


def test_a_registered_bot_gets_its_share(with_test_bot: None) -> None:
    alloc = allocate(1000, ["people"])
    assert alloc.games["first_open"] == 3
    assert sum(alloc.games.values()) == 1000
    tasks = [t for t in plan_tasks(alloc, 1, 1) if t.bot == "first_open"]
    assert sum(t.count for t in tasks) == 3


def test_every_bot_plays_a_whole_game(example: LoadedScenario) -> None:
    for bot in BOTS.values():
        game = play_bot(Game(example.compiled, 4), bot, 4)
        assert game.over and game.outcome is not None


def test_one_seed_rule() -> None:
    assert bot_random(5).random() == bot_random(5).random()
    assert bot_random(5).random() != bot_random(6).random()
