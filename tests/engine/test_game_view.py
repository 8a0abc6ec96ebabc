"""The named read-only view of a game: definitions, values, history, costs, checks, queries."""

from __future__ import annotations

import pytest

from game.engine import Adopt, Choose, Game
from game.scenario import LoadedScenario
from game.scenario.expressions import ExpressionError


def test_definitions_by_id(example: LoadedScenario) -> None:
    game = Game(example.compiled)
    assert game.scenario is example.scenario
    assert game.policy("hybrid_work").cost == 25
    assert game.event("viral_complaint").id == "viral_complaint"
    with pytest.raises(KeyError):
        game.policy("nope")


def test_values_and_history_follow_the_turns(example: LoadedScenario) -> None:
    game = Game(example.compiled, seed=3)
    start = game.values
    assert list(start) == [*example.scenario.metrics, *example.scenario.derived]
    assert start["budget"] == 600
    assert game.turns_played == 0
    game.act(Adopt("output_skp"))
    assert game.values["budget"] == 600 - 15
    while game.pending_events():
        event_id = game.pending_events()[0]
        game.act(Choose(event_id, game.default_choice(event_id)))
    game.end_turn()
    assert game.turns_played == 1
    assert game.history_of("budget")[0] == 600
    assert game.value_at(1, "budget") == game.history_of("budget")[1]
    assert game.value_at(game.turns_played, "capacity") == game.value("capacity")


def test_cost_and_reason(example: LoadedScenario) -> None:
    game = Game(example.compiled)
    assert game.cost_of("online_services") == 300
    assert game.upkeep_of("online_services") == 30
    verdict = game.can_adopt("hybrid_work")
    assert not verdict and not verdict.allowed
    assert verdict.reason is not None and verdict.reason.reason in ("requires", "not_available")
    assert game.can_adopt("output_skp")
    game.act(Adopt("output_skp"))
    again = game.can_adopt("output_skp")
    assert again.reason is not None and again.reason.reason == "already_active"
    assert game.can_cancel("output_skp")
    assert not game.can_cancel("full_wfa")


def test_evaluate_reads_the_state(example: LoadedScenario) -> None:
    game = Game(example.compiled)
    assert game.evaluate("budget - 100") == 500
    assert game.evaluate("active('output_skp')") == 0
    game.act(Adopt("output_skp"))
    assert game.evaluate("active('output_skp')") == 1
    assert game.evaluate(example.compiled.policies[0].cost) == 15
    with pytest.raises(ExpressionError):
        game.evaluate("no_such_metric + 1")
