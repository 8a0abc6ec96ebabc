"""A plan's default answers are worked out one after another, after the earlier ones are
paid, exactly as the game does when a turn ends with events unanswered (issue 10, point 12)."""

from __future__ import annotations

from pathlib import Path

from game.engine import Game, play_plan
from game.scenario import load_scenario
from game.scenario.format_model import PlanStep

TWO_EVENTS = """
format = 1
id = "two-events"
version = "1"
languages = ["en"]
turns = 2
turn_label = "Quarter"
actions_per_turn = 1
seed = 1
title = "Two events"
briefing = "Two events land in one quarter."
budget = "budget"

[metrics.budget]
label = "Budget"
start = 50
min = 0
max = 100

[metrics.trust]
label = "Trust"
start = 50
min = 0
max = 100

[[policies]]
id = "cheap"
category = "people"
name = "A cheap policy"
cost = 5

[[events]]
id = "first"
title = "First"
text = "First"
at = 1

[[events.choices]]
id = "pay"
label = "Pay 40"
cost = 40

[[events.choices]]
id = "skip"
label = "Skip"

[[events]]
id = "second"
title = "Second"
text = "Second"
at = 1

[[events.choices]]
id = "pay_too"
label = "Pay 30"
cost = 30

[[events.choices]]
id = "cheap_answer"
label = "Pay 5"
cost = 5

[[events.choices]]
id = "nothing"
label = "Nothing"

[scoring]
formula = "trust"
"""


def test_second_default_is_worked_out_after_the_first_is_paid(tmp_path: Path) -> None:
    path = tmp_path / "two.toml"
    path.write_text(TWO_EVENTS, encoding="utf-8")
    loaded = load_scenario(path)
    # the game: ending the turn answers both with their defaults, one after the other
    game = Game(loaded.compiled, 1)
    assert game.pending_events() == ["first", "second"]
    game.end_turn()
    by_game = [(d.action.event, d.action.choice) for d in game.decisions]  # type: ignore[union-attr]
    assert by_game == [("first", "pay"), ("second", "cheap_answer")]
    # a plan with no answers takes the same defaults, and its adoption still fits the budget
    planned = play_plan(loaded.compiled, (PlanStep(turn=1, adopt=("cheap",)),), 1)
    answers = [
        (d.action.event, d.action.choice)  # type: ignore[union-attr]
        for d in planned.decisions
        if hasattr(d.action, "event")
    ]
    assert answers == by_game
    assert planned.active("cheap")
    assert planned.value("budget") == 0
