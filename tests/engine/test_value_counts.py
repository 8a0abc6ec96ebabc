"""The BerAKHLAK profile counts what the player kept doing, not clicks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Adopt, Cancel, Choose, Game
from game.engine.values import value_counts
from game.scenario import load_scenario
from tests.files import EXAMPLE

LOADED = load_scenario(EXAMPLE)
TURNS = LOADED.scenario.turns


def _toggle(toggles: list[int], policy: str = "output_skp") -> Game:
    game = Game(LOADED.compiled, seed=3)
    for turn in range(1, TURNS + 1):
        for _ in range(toggles.count(turn)):
            ok = game.can_cancel(policy) if game.active(policy) else game.can_adopt(policy)
            if ok:
                game.act(Cancel(policy) if game.active(policy) else Adopt(policy))
        for event in game.pending_events():
            game.act(Choose(event, "deny"))  # tagged with no value
        game.end_turn()
    return game


def test_a_policy_counts_once_per_turn_in_force_and_a_choice_once() -> None:
    game = _toggle([3])  # output_skp (akuntabel, kompeten) in force for turns 3..8
    counts = value_counts(game)
    assert counts["akuntabel"] == counts["kompeten"] == TURNS - 2
    assert sum(counts.values()) == 2 * (TURNS - 2)
    for seed in range(1, 100):  # a seed where the viral complaint fires
        game = Game(LOADED.compiled, seed)
        while not game.over:
            for event in game.pending_events():
                game.act(Choose(event, "apologise"))  # berorientasi_pelayanan, akuntabel
            game.end_turn()
        if game.fired_log:
            break
    assert len(game.fired_log) == 1
    assert value_counts(game)["berorientasi_pelayanan"] == 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, TURNS), min_size=1, max_size=12))
def test_churn_never_earns_more_than_holding(toggles: list[int]) -> None:
    churn = _toggle(toggles)
    firsts = [d.turn for d in churn.decisions if isinstance(d.action, Adopt)]
    if not firsts:
        assert value_counts(churn)["akuntabel"] == 0
        return
    held = _toggle([firsts[0]])  # adopted at the same first turn and kept
    assert value_counts(churn)["akuntabel"] <= value_counts(held)["akuntabel"]
    assert value_counts(churn, breaches=True) == value_counts(held, breaches=True)
