"""DPMPTSP teaches substance over window dressing, on every seed 1-30 (issue 10), in the
full game and in its short form (issue 13)."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence

import pytest

from game.engine import BOTS, Choose, Game, play_bot
from game.scenario.format_model import PlanStep
from tests.engine.lessons import (
    FORMS,
    adopted,
    bot_games,
    last_turns,
    play,
    scenario,
    scores,
    steps,
)

NAME = "dpmptsp"
BASE: list[dict[str, object]] = [
    {"turn": 1, "adopt": ["service_standard", "status_tracker"]},
    {"turn": 2, "adopt": ["complaint_channel"]},
]
HONEST_WBK: list[dict[str, object]] = [
    {
        "turn": 1,
        "adopt": ["integrity_zone", "status_tracker"],
        "choose": {"grease_money": "probe_and_rotate"},
    },
    {"turn": 2, "adopt": ["output_skp", "complaint_channel"]},
    {"turn": 3, "adopt": ["balanced_scorecard", "service_standard"]},
]


def with_step(
    plan: list[dict[str, object]],
    turn: int,
    *,
    adopt: Sequence[str] = (),
    choose: Mapping[str, str] | None = None,
) -> list[dict[str, object]]:
    """The plan with more adoptions and answers on one turn (a new step if it had none)."""
    by_turn = {step.turn: step for step in steps(plan)}
    old = by_turn.get(turn, PlanStep(turn=turn))
    by_turn[turn] = old.model_copy(
        update={"adopt": (*old.adopt, *adopt), "choose": {**old.choose, **(choose or {})}}
    )
    return [by_turn[t].model_dump() for t in sorted(by_turn)]


@pytest.mark.parametrize("form", FORMS)
def test_a_real_integrity_zone_beats_a_paper_one(form: str) -> None:
    real = scores(NAME, with_step(BASE, 3, adopt=["integrity_zone"]), form=form)
    paper = scores(NAME, with_step(BASE, 3, adopt=["paper_zi"]), form=form)
    assert statistics.mean(real) >= statistics.mean(paper) + 4
    assert sum(r > p for r, p in zip(real, paper, strict=True)) >= 28
    for seed in (1, 10, 20):
        r = play(NAME, with_step(BASE, 3, adopt=["integrity_zone"]), seed, form)
        p = play(NAME, with_step(BASE, 3, adopt=["paper_zi"]), seed, form)
        assert r.value("ikm") > p.value("ikm") - 0.5 and r.value("integrity") > p.value("integrity")


@pytest.mark.parametrize("form", FORMS)
def test_wbk_is_reachable_by_honest_play(form: str) -> None:
    reached = 0
    for seed in range(1, 31):
        game = play(NAME, HONEST_WBK, seed, form)
        assert game.outcome is not None
        reached += "wbk" in game.outcome.goals
    assert reached >= 15, reached


@pytest.mark.parametrize("form", FORMS)
def test_checking_high_risk_buildings_beats_deemed_approval(form: str) -> None:
    for base in ([], BASE):
        triage = with_step(base, 1, choose={"deemed_approval": "triage_high_risk"})
        deem = with_step(base, 1, choose={"deemed_approval": "let_it_approve"})
        checked = scores(NAME, triage, form=form)
        deemed = scores(NAME, deem, form=form)
        assert all(c > d for c, d in zip(checked, deemed, strict=True)), base


@pytest.mark.parametrize("form", FORMS)
def test_greedy_play_does_not_dress_windows(form: str) -> None:
    window_dressing = {
        ("ombudsman_review", "cosmetic_prep"),
        ("grease_money", "warn_quietly"),
        ("investor_viral", "fast_track_only"),
        ("deemed_approval", "let_it_approve"),
    }
    for game in bot_games(NAME, "greedy", range(1, 7), form):
        assert "paper_zi" not in adopted(game)
        answers = {
            (d.action.event, d.action.choice)
            for d in game.decisions
            if isinstance(d.action, Choose)
        }
        assert not answers & window_dressing, answers & window_dressing
        grades = game.scenario.scoring.grades
        assert game.outcome is not None and game.outcome.grade is not None
        if grades[game.outcome.grade].requires is not None:
            assert game.value("morale") >= 45


@pytest.mark.parametrize("form", FORMS)
def test_digital_with_training_and_assistance_beats_digital_alone(form: str) -> None:
    alone = scores(NAME, [{"turn": 1, "adopt": ["oss_integration"]}], form=form)
    ready = scores(
        NAME,
        [
            {"turn": 1, "adopt": ["oss_integration", "technical_training"]},
            {"turn": 2, "adopt": ["business_clinic"]},
        ],
        form=form,
    )
    assert statistics.mean(ready) >= statistics.mean(alone) + 3
    assert sum(r > a for r, a in zip(ready, alone, strict=True)) >= 27


@pytest.mark.parametrize("form", FORMS)
def test_risky_cards_adopted_in_the_last_quarters_do_not_pay(form: str) -> None:
    plain = scores(NAME, BASE, form=form)
    for late in (["full_wfa"], ["permit_quota_bonus"], ["image_campaign"], ["paper_zi"]):
        for turn in last_turns(NAME, form):
            gamed = scores(NAME, with_step(BASE, turn, adopt=late), form=form)
            assert all(g < p for g, p in zip(gamed, plain, strict=True)), (late, turn)


BIG_SHOCKS = {"oss_outage", "budget_cut", "sting_operation", "investor_viral", "unsafe_building"}


@pytest.mark.parametrize("form", FORMS)
def test_the_class_seed_is_fair(form: str) -> None:
    loaded = scenario(NAME, form)
    seed = loaded.scenario.seed
    for game in (
        play_bot(Game(loaded.compiled, seed), BOTS["passive"], seed),
        play(NAME, BASE, seed, form),
        play(NAME, HONEST_WBK, seed, form),
    ):
        per_quarter: dict[int, list[str]] = {}
        for turn, event in game.fired_log:
            if event in BIG_SHOCKS:
                per_quarter.setdefault(turn, []).append(event)
        assert all(len(e) <= 1 for e in per_quarter.values()), per_quarter
        assert game.outcome is not None and game.outcome.ending is None
