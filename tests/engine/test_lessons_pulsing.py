"""Switching a card on and off does not dodge its consequences (issue 20, point 3): a
campaign's backlash and a bonus scheme's rework and habits outlive a cancellation
(``outlives_cancel``), so pulsing never beats the recommended plan or doing nothing, on seeds
1-30, with pulses of different lengths and periods, in the full game and the short form."""

from __future__ import annotations

import pytest

from tests.engine.lessons import FORMS, Plan, honest, loose_scores, paired, scenario

SHIPPED = ("dukcapil", "dpmptsp", "basarnas")
BONUS = {"dukcapil": "volume_bonus", "dpmptsp": "permit_quota_bonus", "basarnas": "response_bonus"}
# (first quarter, quarters on, period): on for one quarter every two or three, on for two
# every four, a late pulse, a pulse in each of the last two quarters
PATTERNS = ((1, 1, 2), (1, 1, 3), (2, 1, 2), (1, 2, 4), (3, 1, 3), (5, 1, 2), (7, 1, 1))


def pulsed(card: str, start: int, on: int, period: int, turns: int) -> Plan:
    """Adopt the card at ``start`` and every ``period`` quarters, cancel it ``on`` later."""
    by_turn: dict[int, dict[str, list[str]]] = {}
    for t in range(start, turns + 1, period):
        by_turn.setdefault(t, {"adopt": [], "cancel": []})["adopt"].append(card)
        if t + on <= turns:
            by_turn.setdefault(t + on, {"adopt": [], "cancel": []})["cancel"].append(card)
    return [{"turn": t, **steps} for t, steps in sorted(by_turn.items())]


def alongside(base: Plan, extra: Plan) -> Plan:
    """Two plans played together (the extra's steps added to the base's quarters)."""
    merged: dict[int, dict[str, list[str]]] = {}
    for step in [*base, *extra]:
        into = merged.setdefault(int(step["turn"]), {"adopt": [], "cancel": []})
        into["adopt"] += list(step.get("adopt", []))
        into["cancel"] += list(step.get("cancel", []))
    return [{"turn": t, **steps} for t, steps in sorted(merged.items())]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", SHIPPED)
def test_pulsing_never_beats_doing_nothing_or_the_honest_plan(name: str, form: str) -> None:
    turns = scenario(name, form).scenario.turns
    nothing = loose_scores(name, [], form)
    fair = loose_scores(name, honest(name, form), form)
    for card in ("image_campaign", BONUS[name]):
        for start, on, period in PATTERNS:
            if start > turns:
                continue
            pulse = pulsed(card, start, on, period, turns)
            alone = loose_scores(name, pulse, form)
            median, _, wins = paired(alone, nothing)
            assert median <= 0 and wins <= len(nothing) / 2, (card, start, on, period, median)
            with_fair = loose_scores(name, alongside(honest(name, form), pulse), form)
            median, _, wins = paired(with_fair, fair)
            assert median <= 0 and wins <= len(fair) / 2, (card, start, on, period, median)
