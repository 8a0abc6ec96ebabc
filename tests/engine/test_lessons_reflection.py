"""What the debrief praises and asks (issue 20, points 4, 5, 10 and 11), in the shipped
scenarios: the BerAKHLAK profile rewards what the player kept doing and tags no virtue a
trainer would not accept; the "Netflix culture" page does not certify the anti-pattern; the
debrief asks only about events that happened; every scenario declares its metrics' roles."""

from __future__ import annotations

import pytest

from game.engine import debrief_questions as debrief
from game.engine.principles import aspect_metrics, culture_verdict, principle_uses
from game.engine.values import value_counts
from tests.engine.lessons import FORMS, SEEDS, Plan, fired, honest, play_loose, scenario

SHIPPED = ("dukcapil", "dpmptsp", "basarnas")

# (scenario, event, choice): virtues a trainer would not accept (issue 20, point 4)
RETAGGED = [
    ("dukcapil", "viral_complaint", "blame_officer"),
    ("dukcapil", "wfa_audit", "defend_policy"),
    ("dpmptsp", "wfa_audit", "defend_policy"),
    ("basarnas", "wfa_audit", "defend_policy"),
    ("dukcapil", "innovation_contest", "showcase_only"),
    ("dpmptsp", "budget_cut", "developer_funding"),
    ("dpmptsp", "investor_viral", "fast_track_only"),
    ("basarnas", "engine_failure", "carry_on"),
    ("basarnas", "fuel_cut", "fewer_patrols"),
    ("tutorial", "viral_video", "deny"),
]


@pytest.mark.parametrize(("name", "event", "choice"), RETAGGED)
def test_no_virtue_a_trainer_would_not_accept(name: str, event: str, choice: str) -> None:
    s = scenario(name).scenario
    ch = next(c for e in s.events if e.id == event for c in e.choices if c.id == choice)
    assert not ch.values, (choice, ch.values)
    if choice != "fewer_patrols":  # a forced saving under a fuel cut is no virtue, nor a breach
        assert ch.breaches, choice


CHURN: dict[str, Plan] = {
    "dukcapil": [
        {"turn": 1, "adopt": ["simplify_sop", "complaint_channel"]},
        {"turn": 2, "cancel": ["complaint_channel"], "adopt": ["service_dashboard"]},
        {"turn": 3, "cancel": ["service_dashboard"], "adopt": ["public_forum"]},
        {"turn": 4, "cancel": ["public_forum"], "adopt": ["integrity_zone"]},
        {"turn": 5, "cancel": ["integrity_zone"], "adopt": ["complaint_channel"]},
        {"turn": 6, "cancel": ["complaint_channel"], "adopt": ["counter_training"]},
        {"turn": 7, "cancel": ["counter_training"], "adopt": ["service_dashboard"]},
    ],
    "dpmptsp": [
        {"turn": 1, "adopt": ["service_standard", "complaint_channel"]},
        {"turn": 2, "cancel": ["complaint_channel"], "adopt": ["permit_dashboard"]},
        {"turn": 3, "cancel": ["permit_dashboard"], "adopt": ["open_forum"]},
        {"turn": 4, "cancel": ["open_forum"], "adopt": ["integrity_zone"]},
        {"turn": 5, "cancel": ["integrity_zone"], "adopt": ["complaint_channel"]},
        {"turn": 6, "cancel": ["complaint_channel"], "adopt": ["agency_sla"]},
        {"turn": 7, "cancel": ["agency_sla"], "adopt": ["permit_dashboard"]},
    ],
    "basarnas": [
        {"turn": 1, "adopt": ["clear_sop", "open_updates"]},
        {"turn": 2, "cancel": ["open_updates"], "adopt": ["fuel_ledger"]},
        {"turn": 3, "cancel": ["fuel_ledger"], "adopt": ["sea_safety"]},
        {"turn": 4, "cancel": ["sea_safety"], "adopt": ["navy_police_mou"]},
        {"turn": 5, "cancel": ["navy_police_mou"], "adopt": ["open_updates"]},
        {"turn": 6, "cancel": ["open_updates"], "adopt": ["family_desk"]},
        {"turn": 7, "cancel": ["family_desk"], "adopt": ["fuel_ledger"]},
    ],
}
HARD_LINER: dict[str, Plan] = {
    "dukcapil": [
        {
            "turn": 1,
            "adopt": ["keeper_test", "anti_broker"],
            "choose": {"viral_complaint": "blame_officer", "brokers_at_gate": "crackdown"},
        },
        {"turn": 2, "adopt": ["volume_bonus", "output_skp"]},
    ],
    "dpmptsp": [
        {
            "turn": 1,
            "adopt": ["keeper_test", "permit_quota_bonus"],
            "choose": {"grease_money": "probe_and_rotate", "sting_operation": "hand_over"},
        },
        {"turn": 2, "adopt": ["output_skp", "geotag_inspection"]},
    ],
    "basarnas": [
        {"turn": 1, "adopt": ["keeper_test", "response_bonus"]},
        {"turn": 2, "adopt": ["output_skp", "fuel_ledger"]},
    ],
}


@pytest.mark.parametrize("name", SHIPPED)
def test_the_profile_counts_what_the_player_kept_doing(name: str) -> None:
    """Churn never shows more values than the recommended plan, and a hard-liner never shows
    more Akuntabel or Loyal, on any seed."""
    for seed in SEEDS:
        fair = value_counts(play_loose(name, honest(name), seed))
        churn = value_counts(play_loose(name, CHURN[name], seed))
        hard = play_loose(name, HARD_LINER[name], seed)
        assert sum(churn.values()) < sum(fair.values()), seed
        shown = value_counts(hard)
        assert shown["akuntabel"] <= fair["akuntabel"], (seed, shown, fair)
        assert shown["loyal"] <= fair["loyal"], (seed, shown, fair)
        assert sum(value_counts(hard, breaches=True).values()) > 0


PURIST: dict[str, Plan] = {
    "dukcapil": [
        {"turn": 1, "adopt": ["full_wfa", "volume_bonus"]},
        {"turn": 2, "adopt": ["output_skp", "keeper_test"]},
    ],
    "dpmptsp": [
        {"turn": 1, "adopt": ["full_wfa", "permit_quota_bonus"]},
        {"turn": 2, "adopt": ["output_skp", "keeper_test"]},
    ],
    "basarnas": [
        {"turn": 1, "adopt": ["full_wfa", "response_bonus"]},
        {"turn": 2, "adopt": ["output_skp", "keeper_test"]},
    ],
}


@pytest.mark.parametrize("name", SHIPPED)
def test_the_netflix_page_does_not_certify_the_purist(name: str) -> None:
    """A quota bonus is not the output measure that makes freedom safe, and a keeper test is
    not the due process of sanctions: the purist's freedom and consequence go unguarded;
    when the purist is dismissed, the page's top sentence says so."""
    for seed in SEEDS:
        game = play_loose(name, PURIST[name], seed)
        uses = {u.principle: u for u in principle_uses(game)}
        for principle in ("freedom", "consequence"):
            assert uses[principle].practised and not uses[principle].guarded, principle
            assert uses[principle].guards, "the scenario declares the real safeguard"
        if game.outcome is not None and game.outcome.ending is not None:
            assert culture_verdict(game) is not None, seed


@pytest.mark.parametrize("name", [*SHIPPED, "tutorial"])
def test_every_scenario_declares_the_roles_of_its_metrics(name: str) -> None:
    s = scenario(name).scenario
    declared = {m.role: mid for mid, m in s.metrics.items() if m.role is not None}
    assert set(declared) == {"quality", "trust", "integrity", "staff"}
    assert aspect_metrics(s) == declared


# (scenario, debrief question, the event it asks about)
ABOUT_EVENTS = [
    ("dpmptsp", "sting", "sting_operation"),
    ("basarnas", "day_seven", "long_search"),
    ("dukcapil", "brokers", "brokers_at_gate"),
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("name", "question", "event"), ABOUT_EVENTS)
def test_the_debrief_asks_only_about_events_that_happened(
    name: str, question: str, event: str, form: str
) -> None:
    plans: list[Plan] = [[], honest(name, form), PURIST[name]]
    happened = 0
    for plan in plans:
        for seed in SEEDS:
            game = play_loose(name, plan, seed, form)
            asked = {qid for qid, _ in debrief.questions_asked(game, "id")}
            assert (question in asked) == fired(game, event), (plan, seed)
            happened += fired(game, event)
    assert happened > 0, "the event must come in some games for the test to mean anything"


def test_no_question_claims_a_clash_of_values_the_choices_do_not_carry() -> None:
    s = scenario("dpmptsp").scenario
    sting = next(e for e in s.events if e.id == "sting_operation")
    carried = {v for c in sting.choices for v in (*c.values, *c.breaches)}
    q = next(d for d in s.debrief if d.id == "sting")
    text = q.question["id"] if isinstance(q.question, dict) else q.question
    if "harmonis" not in carried:
        assert "Harmonis" not in text
