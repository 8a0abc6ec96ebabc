"""The tutorial is a real, gentle decision (issue 13): two roads to a shorter queue, neither
always best, so ``agen balance``/``agen lint`` find no dominant policy."""

from __future__ import annotations

import statistics

import pytest

from game.authoring.balance import build_report, run_balance
from game.errors import PlanError
from tests.engine.lessons import bot_games, play, scenario, scores

NAME = "tutorial"
DIGITAL: list[dict[str, object]] = [
    {"turn": 1, "adopt": ["online_queue"]},
    {"turn": 2, "adopt": ["help_desk"]},
]
COUNTER: list[dict[str, object]] = [{"turn": 1, "adopt": ["simplify_sop", "hybrid_work"]}]


def test_no_policy_is_dominant() -> None:
    """Before 1.0.2 the online queue and its help desk were in every top game (DOMINANT):
    adopting them was always best, so there was nothing to decide."""
    loaded = scenario(NAME)
    report = build_report(loaded, *run_balance(loaded, 1000, jobs=1), jobs=1)
    assert report["dominant"] == [], report["dominant"]
    top = {p["id"]: p["top10_share"] for p in report["policies"]}
    assert top["online_queue"] >= 0.2 and top["simplify_sop"] >= 0.2, top  # both roads win


def test_two_roads_both_beat_doing_nothing_by_as_much() -> None:
    passive = [g.outcome.score for g in bot_games(NAME, "passive") if g.outcome]
    digital, counter = scores(NAME, DIGITAL), scores(NAME, COUNTER)
    for road in (digital, counter):
        assert min(r - p for r, p in zip(road, passive, strict=True)) >= 10
    assert abs(statistics.mean(digital) - statistics.mean(counter)) <= 1
    # the tutorial's own lesson stands: online without the help desk is the weaker digital road
    alone = scores(NAME, DIGITAL[:1])
    assert all(d > a for d, a in zip(digital, alone, strict=True))


def test_the_budget_pays_for_one_big_reform_not_two() -> None:
    with pytest.raises(PlanError, match="budget"):
        play(NAME, [{"turn": 1, "adopt": ["online_queue", "simplify_sop"]}], 1)
