"""Helpers for the lesson tests: play a trainer's strategy (a plan) or a bot over many seeds.

A strategy is a list of plan steps as in ``[[expect]]``/``agen simulate --plan``; events the
plan does not answer take the game's default answer, worked out as the game does.

Every helper takes the *form* played: ``"full"`` (the whole game) or ``"short"`` (the
scenario's ``[short_form]``, compiled as ``agen play --quarters N`` and the class play it).
A short form teaches the same lessons as its full game, so most lesson tests run on both.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from functools import cache
from typing import Any

from game.engine import BOTS, Adopt, Cancel, Choose, Game, play_bot, play_plan
from game.scenario import LoadedScenario, load_scenario
from game.scenario.format_model import PlanStep
from game.scenario.forms import played_as
from tests.files import SCENARIOS

SEEDS = range(1, 31)
FORMS = ("full", "short")


@cache
def scenario(name: str, form: str = "full") -> LoadedScenario:
    """A shipped scenario in one form, loaded once per test session."""
    loaded = load_scenario(SCENARIOS / f"{name}.toml")
    if form == "full":
        return loaded
    assert form == "short" and loaded.scenario.short_form is not None, (name, form)
    return played_as(loaded, loaded.scenario.short_form.turns)


def last_turns(name: str, form: str = "full") -> tuple[int, int]:
    """The last two turns of the form: where a risky card can no longer backfire."""
    turns = scenario(name, form).scenario.turns
    return turns - 1, turns


def steps(plan: Sequence[dict[str, Any]]) -> tuple[PlanStep, ...]:
    """Plan entries (dicts as in TOML) as plan steps."""
    return tuple(PlanStep.model_validate(step) for step in plan)


def play(name: str, plan: Sequence[dict[str, Any]], seed: int, form: str = "full") -> Game:
    """Play a plan on one seed to the end (steps after the form's last turn never come)."""
    return play_plan(scenario(name, form).compiled, steps(plan), seed)


def scores(
    name: str, plan: Sequence[dict[str, Any]], seeds: range = SEEDS, form: str = "full"
) -> list[float]:
    """The final score of a plan on each seed."""
    out = []
    for seed in seeds:
        game = play(name, plan, seed, form)
        assert game.outcome is not None
        out.append(game.outcome.score)
    return out


def bot_games(name: str, bot: str, seeds: range = SEEDS, form: str = "full") -> list[Game]:
    """Games a bot plays on each seed."""
    compiled = scenario(name, form).compiled
    return [play_bot(Game(compiled, seed), BOTS[bot], seed) for seed in seeds]


def adopted(game: Game) -> dict[str, int]:
    """Policy id -> the turn it was (last) adopted."""
    return {d.action.policy: d.turn for d in game.decisions if isinstance(d.action, Adopt)}


def grade_name(game: Game) -> str:
    """The Indonesian name of the game's grade ('' when none)."""
    assert game.outcome is not None
    s = scenario_of(game)
    if game.outcome.grade is None:
        return ""
    name = s.scoring.grades[game.outcome.grade].name
    return name if isinstance(name, str) else name["id"]


def scenario_of(game: Game) -> Any:
    return game.scenario


# ---------------------------------------------------------------- round two (issue 20)

Plan = list[dict[str, Any]]

# The plan each facilitator note recommends, per form: priorities the unit can pay for.
HONEST: dict[str, dict[str, Plan]] = {
    "dukcapil": {
        "full": [
            {"turn": 1, "adopt": ["simplify_sop", "staff_wellbeing"]},
            {"turn": 2, "adopt": ["complaint_channel", "integrity_zone"]},
            {"turn": 3, "adopt": ["service_dashboard", "public_forum"]},
        ],
    },
    "dpmptsp": {
        "full": [
            {"turn": 1, "adopt": ["service_standard", "status_tracker"]},
            {"turn": 2, "adopt": ["open_forum", "technical_training"]},
            {"turn": 3, "adopt": ["integrity_zone", "output_skp"]},
        ],
        "short": [
            {"turn": 1, "adopt": ["service_standard", "status_tracker"]},
            {"turn": 2, "adopt": ["complaint_channel", "integrity_zone"]},
            {"turn": 3, "adopt": ["open_forum", "technical_training"]},
        ],
    },
    "basarnas": {
        "full": [
            {"turn": 1, "adopt": ["clear_sop", "fisher_radio"]},
            {"turn": 2, "adopt": ["navy_police_mou", "boat_maintenance"]},
            {"turn": 3, "adopt": ["volunteer_training"]},
        ],
        # a year is too short for partnerships to pay: standby shifts and trained operators first
        "short": [
            {"turn": 1, "adopt": ["duty_roster", "operator_training"]},
            {"turn": 2, "adopt": ["volunteer_training", "output_skp"]},
            {"turn": 3, "adopt": ["navy_police_mou"]},
        ],
    },
}


def honest(name: str, form: str = "full") -> Plan:
    """The recommended plan of a scenario in a form (the full game's when the form has none)."""
    plans = HONEST[name]
    return plans.get(form, plans["full"])


def play_loose(name: str, plan: Sequence[dict[str, Any]], seed: int, form: str = "full") -> Game:
    """Play a plan as a participant clicks it: a step the game refuses (no cash, excluded,
    not open yet) is skipped rather than an error; answers given stand from their turn on."""
    game = Game(scenario(name, form).compiled, seed)
    by_turn = {step.turn: step for step in steps(plan)}
    standing: dict[str, str] = {}
    while not game.over:
        step = by_turn.get(game.turn)
        standing.update(step.choose if step else {})
        for event_id in game.pending_events():
            choice = standing.get(event_id)
            if choice is None or game.why_not_choose(event_id, choice) is not None:
                choice = game.default_choice(event_id)
            game.act(Choose(event_id, choice))
        actions: list[Adopt | Cancel] = (
            [*(Cancel(p) for p in step.cancel), *(Adopt(p) for p in step.adopt)] if step else []
        )
        for action in actions:
            refused = (
                game.why_not_cancel(action.policy)
                if isinstance(action, Cancel)
                else game.why_not_adopt(action.policy)
            )
            if refused is None and game.actions_left > 0:
                game.act(action)
        game.end_turn()
    return game


def loose_scores(
    name: str, plan: Sequence[dict[str, Any]], form: str = "full", seeds: range = SEEDS
) -> list[float]:
    """The final score of a loosely played plan on each seed."""
    return [final(play_loose(name, plan, seed, form)) for seed in seeds]


def final(game: Game) -> float:
    """A finished game's score."""
    assert game.outcome is not None
    return game.outcome.score


def two_a_quarter(policies: Sequence[str], start: int = 1) -> Plan:
    """Adopt the policies two a quarter from ``start``, then nothing."""
    return [
        {"turn": start + i // 2, "adopt": list(policies[i : i + 2])}
        for i in range(0, len(policies), 2)
    ]


def answering(plan: Sequence[dict[str, Any]], event: str, choice: str) -> Plan:
    """The plan with a standing answer to one event from the first quarter."""
    first: dict[str, Any] = dict(plan[0]) if plan and plan[0]["turn"] == 1 else {"turn": 1}
    first["choose"] = {**first.get("choose", {}), event: choice}
    rest = list(plan[1:]) if plan and plan[0]["turn"] == 1 else list(plan)
    return [first, *rest]


def fired(game: Game, event: str) -> bool:
    """Whether the event fired in the game."""
    return any(e == event for _, e in game.fired_log)


def paired(better: Sequence[float], worse: Sequence[float]) -> tuple[float, float, int]:
    """Median and mean of the paired gaps (better - worse), and on how many seeds better won."""
    gaps = [b - w for b, w in zip(better, worse, strict=True)]
    return statistics.median(gaps), statistics.mean(gaps), sum(g > 0 for g in gaps)


# Orders a participant might take good-looking cards in: the recommended ones first, then
# more; and the greedy bot's favourites. Each is played with 8, 10 and 12 programmes, two a
# quarter, then nothing ("eight programmes in the first year"); cheap cards first, where
# the cash would refuse the dear ones.
POOLS: dict[str, tuple[list[str], ...]] = {
    "dukcapil": (
        ["simplify_sop", "staff_wellbeing", "complaint_channel", "integrity_zone",
         "service_dashboard", "public_forum", "counter_training", "village_outreach",
         "shift_hours", "output_skp", "join_mpp", "independent_survey"],
        ["complaint_channel", "online_services", "integrity_zone", "citizen_assist",
         "service_dashboard", "village_outreach", "simplify_sop", "public_forum",
         "staff_wellbeing", "self_service_kiosk", "counter_training", "hybrid_backoffice"],
    ),
    "dpmptsp": (
        ["service_standard", "status_tracker", "complaint_channel", "integrity_zone",
         "open_forum", "technical_training", "output_skp", "independent_survey",
         "backoffice_hybrid", "staff_wellbeing", "agency_sla", "permit_dashboard"],
        ["open_forum", "integrity_zone", "status_tracker", "output_skp", "technical_training",
         "service_standard", "agency_sla", "staff_wellbeing", "oss_integration",
         "business_clinic", "permit_dashboard", "complaint_channel"],
        ["open_forum", "complaint_channel", "staff_wellbeing", "extended_hours", "output_skp",
         "backoffice_hybrid", "agency_sla", "permit_dashboard", "technical_training",
         "balanced_scorecard", "independent_survey", "status_tracker"],
    ),
    "basarnas": (
        ["clear_sop", "fisher_radio", "navy_police_mou", "boat_maintenance",
         "volunteer_training", "duty_roster", "fatigue_care", "family_desk", "output_skp",
         "operator_training", "sea_safety", "open_updates"],
        ["duty_roster", "operator_training", "volunteer_training", "output_skp",
         "integrated_dispatch", "fisher_radio", "navy_police_mou", "boat_maintenance",
         "family_desk", "fatigue_care", "joint_drills", "clear_sop"],
    ),
}  # fmt: skip
