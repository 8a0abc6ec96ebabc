"""Remembered rollouts change no game: ``Game.future_key`` holds everything the rest of a game
depends on, and greedy bots play the same decisions, to the same score, with rollouts
remembered as without (while playing far fewer turns when they share states)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from game.engine import Adopt, Game
from game.engine.bots import favouring, greedy, play_bot, rollout_score, rollouts_remembered
from game.engine.state import State
from game.scenario import LoadedScenario, load_scenario
from tests.files import EXAMPLE, SCENARIOS

PATHS = [EXAMPLE, *sorted(SCENARIOS.glob("*.toml"))]

# What the key holds, and what it leaves out because the rest of the game never reads it.
IN_KEY = {
    "_compiled",
    "seed",
    "_state",
    "_pending",
    "_fired_at",
    "actions_left",
    "over",
    "ending",
    "_history",  # by its length only: the turns played, which the score reports
}
PAST_ONLY = {"ledger", "decisions", "fired_log", "outcome"}  # outcome: set once over
HOW_ONLY = {"quiet", "_rules"}  # how a game runs (ledger kept, code run), never what it reaches
STATE_FIELDS = {"values", "held", "answers", "adopted_at", "scheduled", "turn", "lingering"}


@cache
def _loaded(path: Path) -> LoadedScenario:
    return load_scenario(path)


def test_the_key_covers_every_field_of_a_game() -> None:
    """A field added to Game or State must be put in the key or said to record the past."""
    game = Game(_loaded(EXAMPLE).compiled, 1)
    assert set(vars(game)) == IN_KEY | PAST_ONLY | HOW_ONLY
    assert {f.name for f in dataclasses.fields(State)} == STATE_FIELDS


def test_a_copy_has_the_key_and_a_move_changes_it() -> None:
    game = Game(_loaded(SCENARIOS / "dukcapil.toml").compiled, 3)
    assert game.clone().future_key() == game.future_key()
    before = game.future_key()
    game.act(Adopt(game.open_policies()[0].id))
    assert game.future_key() != before
    moved = game.future_key()
    game.end_turn()
    assert game.future_key() != moved
    assert Game(game.compiled, 4).future_key() != Game(game.compiled, 3).future_key()


def _played(path: Path, seed: int, favour: str | None) -> tuple[object, ...]:
    bot = greedy if favour is None else favouring(favour)
    game = play_bot(Game(_loaded(path).compiled, seed), bot, seed)
    assert game.outcome is not None
    return (tuple(game.decisions), game.ledger.entries, game.outcome)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_greedy_bots_play_the_same_with_rollouts_remembered(path: Path) -> None:
    categories = sorted({p.category for p in _loaded(path).scenario.policies})[:2]
    plays = [(seed, favour) for seed in (1, 2) for favour in (None, *categories)]
    alone = [_played(path, seed, favour) for seed, favour in plays]
    with rollouts_remembered():  # one memory for all: they share states on each seed
        remembered = [_played(path, seed, favour) for seed, favour in plays]
    assert remembered == alone


@pytest.fixture
def turns_ended(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts Game.end_turn calls."""
    count = [0]
    original = Game.end_turn

    def counted(self: Game) -> None:
        count[0] += 1
        original(self)

    monkeypatch.setattr(Game, "end_turn", counted)
    yield count


def test_a_rollout_is_played_once_inside_the_block(turns_ended: list[int]) -> None:
    game = Game(_loaded(SCENARIOS / "dukcapil.toml").compiled, 5)
    with rollouts_remembered():
        first = rollout_score(game)
        played = turns_ended[0]
        assert played > 0 and rollout_score(game.clone()) == first
        assert turns_ended[0] == played  # remembered, not played again
    assert rollout_score(game) == first and turns_ended[0] == 2 * played  # forgotten outside
