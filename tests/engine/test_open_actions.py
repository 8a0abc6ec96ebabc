"""The bots' one-pass checks (``open_policies``, ``open_choices``) say exactly what the
per-action checks say, in every state a game can reach: a bot that asks them plays the same
game as one that asks ``adopt_blocker`` / ``why_not_choose`` of every action."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Action, Adopt, Cancel, Choose, Game
from game.scenario import LoadedScenario, load_scenario
from tests.files import EXAMPLE, SCENARIOS

PATHS = [EXAMPLE, *sorted(SCENARIOS.glob("*.toml"))]


@cache
def _loaded(path: Path) -> LoadedScenario:
    return load_scenario(path)


def _same_as_the_single_checks(game: Game) -> None:
    c = game.compiled
    slow = [p for p in c.policies if game.adopt_blocker(p.index) is None]
    assert game.open_policies() == slow
    for event_id in game.pending_events():
        ev = c.events[c.event_index[event_id]]
        slow_choices = [ch for ch in ev.choices if game.why_not_choose(event_id, ch.id) is None]
        assert game.open_choices(ev.index) == slow_choices
    for ev in c.events:  # an event not pending has no open choice
        if ev.id not in game.pending_events():
            assert game.open_choices(ev.index) == []


def _one_move(game: Game, rng: random.Random) -> None:
    """Any action the rules allow (an adoption, a cancellation, an answer), or the turn's end."""
    c = game.compiled
    moves: list[Action] = [Adopt(p.id) for p in c.policies if game.can_adopt(p.id)]
    moves += [Cancel(pid) for pid in game.active_policies() if game.can_cancel(pid)]
    for event_id in game.pending_events():
        ev = c.events[c.event_index[event_id]]
        moves += [Choose(event_id, ch.id) for ch in ev.choices]
    if moves and rng.random() < 0.8:
        move = rng.choice(moves)
        if not isinstance(move, Choose) or game.can_choose(move.event, move.choice):
            game.act(move)
    else:
        game.end_turn()


@settings(max_examples=60, deadline=None)
@given(
    path=st.sampled_from(PATHS),
    seed=st.integers(0, 10_000),
    moves=st.integers(0, 10_000),
)
def test_open_checks_agree_with_the_single_checks(path: Path, seed: int, moves: int) -> None:
    game = Game(_loaded(path).compiled, seed)
    rng = random.Random(moves)
    while not game.over:
        _same_as_the_single_checks(game)
        _one_move(game, rng)
    _same_as_the_single_checks(game)  # over: nothing is open
    assert game.open_policies() == []


@pytest.mark.parametrize("by_steps", [False, True], ids=["generated", "by_steps"])
def test_open_checks_agree_on_many_games_of_every_scenario(by_steps: bool) -> None:
    """Many seeds of every scenario, so the rarer refusals (a choice's condition, a budget
    just short) are met too; with the generated adoption checks and with the readable loop."""
    for path in PATHS:
        for seed in range(40):
            game = Game(_loaded(path).compiled, seed, by_steps=by_steps)
            rng = random.Random(seed)
            while not game.over:
                _same_as_the_single_checks(game)
                _one_move(game, rng)


def _state_of(game: Game) -> tuple[object, ...]:
    return (
        repr(game.values),
        game.decisions,
        game.ledger.entries,
        game.pending_events(),
        game.actions_left,
        game.fired_log,
    )


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_adopt_one_and_answer_one_act_as_act_does(path: Path) -> None:
    """A game that answers and adopts through ``answer_one`` / ``adopt_one`` (the random bot's
    way) plays exactly as one that says the same actions through ``act``, and each says
    False when nothing is open."""
    c = _loaded(path).compiled
    for seed in range(12):
        picked, acted = Game(c, seed), Game(c, seed)
        rng = random.Random(seed)
        while not picked.over:
            for event_id in picked.pending_events():
                open_now = picked.open_choices(c.event_index[event_id])
                answered = picked.answer_one(event_id, rng.choice)
                assert answered == bool(open_now)
                if answered:
                    acted.act(picked.decisions[-1].action)
            while rng.random() < 0.7:
                open_now_p = picked.open_policies()
                adopted = picked.adopt_one(rng.choice)
                assert adopted == bool(open_now_p)
                if not adopted:
                    break
                acted.act(picked.decisions[-1].action)
            assert _state_of(picked) == _state_of(acted)
            picked.end_turn()
            acted.end_turn()
        assert _state_of(picked) == _state_of(acted)
        assert picked.outcome == acted.outcome


def test_an_option_not_offered_is_refused_and_changes_nothing(example: LoadedScenario) -> None:
    game = Game(example.compiled, 3)
    for event_id in game.pending_events():
        game.act(Choose(event_id, game.default_choice(event_id)))
    assert game.open_policies()
    before = _state_of(game)
    closed = [p for p in game.compiled.policies if p not in game.open_policies()]
    assert closed
    with pytest.raises(ValueError):
        game.adopt_one(lambda xs: closed[0])
    assert _state_of(game) == before
