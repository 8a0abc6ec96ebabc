"""Lessons every shipped scenario keeps (issue 10): tags that praise only what embodies a
value, default answers the unit can afford, and a wide spread between doing nothing,
playing at random and playing thoughtfully."""

from __future__ import annotations

import random

import pytest

from game.engine import Adopt, Choose, Game
from tests.engine.lessons import FORMS, SEEDS, bot_games, scenario

SHIPPED = ("dukcapil", "dpmptsp", "basarnas")

# choices and policies the issue names: under SE MenPANRB 20/2021 they show neither loyalty
# to the nation and the public interest nor harmony that respects difference
NOT_LOYAL = {
    "wait_for_hq",
    "leave_to_bpbd",
    "blame_weather",
    "polish_log",
    "deny",
    "cosmetic_prep",
    "paper_zi",
}
NOT_HARMONIOUS = {"protect_staff", "rush_it", "comply", "ignore_hoax"}


@pytest.mark.parametrize("name", SHIPPED)
def test_tags_praise_only_what_embodies_a_value(name: str) -> None:
    s = scenario(name).scenario
    tagged = [(p.id, p.values, p.breaches) for p in s.policies] + [
        (c.id, c.values, c.breaches) for e in s.events for c in e.choices
    ]
    for ident, values, breaches in tagged:
        if ident in NOT_LOYAL:
            assert "loyal" not in values, ident
            assert breaches, f"{ident} should record the value it breaches"
        if ident in NOT_HARMONIOUS:
            assert "harmonis" not in values, ident
            assert breaches, f"{ident} should record the value it breaches"
        assert not set(values) & set(breaches), ident


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", SHIPPED)
def test_default_answers_are_ones_the_unit_can_afford(name: str, form: str) -> None:
    """Whatever a player spends on policies (here: at random), every event that fires has a
    default answer that is open and paid in full, the cuts it absorbs included: never a
    forced answer, never one that empties reserves that are not there."""
    compiled = scenario(name, form).compiled
    budget = compiled.scenario.budget
    assert budget is not None
    for seed in SEEDS:
        game = Game(compiled, seed)
        rng = random.Random(seed)
        while not game.over:
            for event_id in game.pending_events():
                choice = game.default_choice(event_id)
                assert game.why_not_choose(event_id, choice) is None, (seed, game.turn, event_id)
                spent = budget_effects(game, event_id, choice)
                assert game.value(budget) + spent >= 0, (seed, game.turn, event_id, choice)
                game.act(Choose(event_id, choice))
            for _ in range(rng.randint(0, game.actions_left)):
                options = [p.id for p in compiled.policies if game.adopt_blocker(p.index) is None]
                if options:
                    game.act(Adopt(rng.choice(options)))
            game.end_turn()


def budget_effects(game: Game, event_id: str, choice_id: str) -> float:
    """What a choice takes from the budget through its effects (a cut it "absorbs")."""
    s = game.scenario
    ev = game.event(event_id)
    choice = next(c for c in ev.choices if c.id == choice_id)
    return sum(
        e.delta
        for e in choice.effects
        if e.metric == s.budget and isinstance(e.delta, (int, float)) and e.delta < 0
    )


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", SHIPPED)
def test_every_game_gets_a_grade(name: str, form: str) -> None:
    """Penalties (lives not saved, risky cards left in force, very slow service) can take a
    score below zero: the lowest grade still names it."""
    games = bot_games(name, "random", form=form)
    assert min(g.outcome.score for g in games if g.outcome) < 60
    assert all(g.outcome is not None and g.outcome.grade is not None for g in games)
