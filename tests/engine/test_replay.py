"""Replay, fairness of chance, and a random bot that never breaks the engine."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import BOTS, Game, play_bot, play_plan, replay
from game.engine.chance import draw
from game.i18n import catalog, say
from game.scenario import LoadedScenario


def test_draw_is_stable_and_uniform() -> None:
    assert draw(2026, 3, "viral_complaint") == draw(2026, 3, "viral_complaint")
    assert draw(2026, 3, "viral_complaint") != draw(2026, 4, "viral_complaint")
    values = [draw(1, t, f"e{i}") for t in range(1, 9) for i in range(250)]
    assert all(0 <= v < 1 for v in values)
    assert 0.45 < sum(values) / len(values) < 0.55
    # a fixed value guards against an accidental change of the hash (it would break replays)
    assert draw(2026, 2, "viral_complaint") == 0.27799573326234767


def test_same_state_same_draw_whatever_else(example: LoadedScenario) -> None:
    a = Game(example.compiled, 11)
    b = Game(example.compiled, 11)
    assert a.pending_events() == b.pending_events()
    for seed in range(40):
        g1 = play_bot(Game(example.compiled, seed), BOTS["passive"], seed)
        g2 = play_bot(Game(example.compiled, seed), BOTS["passive"], seed + 1000)
        assert g1.fired_log == g2.fired_log


def test_replay_gives_the_same_ledger_and_score(example: LoadedScenario) -> None:
    for seed in range(30):
        game = play_bot(Game(example.compiled, seed), BOTS["random"], seed)
        again = replay(example.compiled, seed, game.decisions)
        assert again.outcome == game.outcome
        assert again.ledger.entries == game.ledger.entries
        assert all(again.history_of(n) == game.history_of(n) for n in game.values)


def test_plan_of_the_expectation(example: LoadedScenario) -> None:
    ex = example.scenario.expect[0]
    game = play_plan(example.compiled, ex.plan, example.scenario.seed)
    assert game.active("online_services") and game.active("citizen_assist")
    assert game.evaluate(ex.assert_)


def test_random_bot_thousand_games_stay_in_range(example: LoadedScenario) -> None:
    c = example.compiled
    for seed in range(1000):
        game = play_bot(Game(c, seed), BOTS["random"], seed)
        assert game.over and game.outcome is not None
        for m, name in enumerate(c.metric_ids):
            assert all(c.minimum[m] <= x <= c.maximum[m] for x in game.history_of(name))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**31), st.lists(st.tuples(st.integers(0, 4), st.booleans()), max_size=30))
def test_any_sequence_of_actions_keeps_the_engine_sound(
    example: LoadedScenario, seed: int, moves: list[tuple[int, bool]]
) -> None:
    from game.engine import Adopt, Cancel, Choose
    from game.errors import ActionRefused

    c = example.compiled
    game = Game(c, seed)
    rng = random.Random(seed)
    for pick, adopt in moves:
        if game.over:
            break
        for event in game.pending_events():
            game.act(Choose(event, game.default_choice(event)))
        pid = c.policies[pick].id
        try:
            game.act(Adopt(pid) if adopt else Cancel(pid))
        except ActionRefused as refusal:
            for lang in ("id", "en"):  # words from the catalog, every field filled in
                assert refusal.said.code in catalog(lang)
                assert "{" not in say(refusal.said, lang)
        if rng.random() < 0.4:
            game.end_turn()
    while not game.over:
        game.end_turn()
    for m, name in enumerate(c.metric_ids):
        assert all(c.minimum[m] <= x <= c.maximum[m] for x in game.history_of(name))
    assert replay(c, seed, game.decisions).outcome == game.outcome


def test_plan_answers_events_before_adopting(tmp_path: object) -> None:
    from pathlib import Path

    from game.scenario import load_scenario
    from game.scenario.format_model import PlanStep
    from tests.engine.timing_scenario import BASE

    assert isinstance(tmp_path, Path)
    path = tmp_path / "t.toml"
    path.write_text(BASE, encoding="utf-8")
    loaded = load_scenario(path)
    # 'shock' fires at turn 2; the plan adopts at turn 2 without answering it
    game = play_plan(loaded.compiled, [PlanStep(turn=2, adopt=("counter",))], None)
    assert game.active("counter")
    assert any(d.turn == 2 and getattr(d.action, "choice", None) == "pay" for d in game.decisions)
