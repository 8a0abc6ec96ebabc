"""Openness pays and window dressing costs (issue 20, points 6 and 7), on seeds 1-30, in the
full game and the short form, whatever else the player does (the recommended plan, nothing,
an overload, a cheap start).

Meeting the family on day seven beats closing the search quietly. Polishing the log,
dressing up for the Ombudsman and letting the system approve high-risk buildings each cost
at least 3 points against the honest answer (median and mean over the seeds where the event
fires), and the honest answer never drops a grade that the dishonest one keeps."""

from __future__ import annotations

import statistics

import pytest

from game.engine import Game
from tests.engine.lessons import (
    FORMS,
    SEEDS,
    Plan,
    answering,
    fired,
    honest,
    play_loose,
    two_a_quarter,
)

CHEAP: dict[str, list[str]] = {
    "dukcapil": ["complaint_channel", "staff_wellbeing", "village_outreach", "shift_hours",
                 "public_forum", "counter_training", "output_skp", "balanced_rewards"],
    "dpmptsp": ["open_forum", "complaint_channel", "staff_wellbeing", "extended_hours",
                "output_skp", "backoffice_hybrid", "agency_sla", "permit_dashboard"],
    "basarnas": ["duty_roster", "fisher_radio", "volunteer_training", "fatigue_care",
                 "family_desk", "joint_drills", "open_updates", "sea_safety"],
}  # fmt: skip


def bases(name: str, form: str) -> dict[str, Plan]:
    """What else the player does: the recommended plan, nothing, an overload, a cheap start."""
    return {
        "honest": honest(name, form),
        "nothing": [],
        "overload": two_a_quarter(CHEAP[name]),
        "cheap start": two_a_quarter(CHEAP[name][:2]),
    }


def compare_by_base(
    name: str, form: str, event: str, good: str, bad: str
) -> dict[str, list[tuple[Game, Game]]]:
    """Per base plan, pairs of games (good answer, bad answer) on the seeds where the event
    fired (it fires alike in both: a draw depends on the seed, the turn and the event)."""
    found: dict[str, list[tuple[Game, Game]]] = {}
    for label, base in bases(name, form).items():
        pairs = found.setdefault(label, [])
        for seed in SEEDS:
            g = play_loose(name, answering(base, event, good), seed, form)
            b = play_loose(name, answering(base, event, bad), seed, form)
            if fired(g, event):
                pairs.append((g, b))
    return found


def compare(name: str, form: str, event: str, good: str, bad: str) -> list[tuple[Game, Game]]:
    """All the pairs, whatever the base plan."""
    return [p for pairs in compare_by_base(name, form, event, good, bad).values() for p in pairs]


def gaps(pairs: list[tuple[Game, Game]]) -> list[float]:
    out = []
    for g, b in pairs:
        assert g.outcome is not None and b.outcome is not None
        out.append(g.outcome.score - b.outcome.score)
    return out


def grade_drops(pairs: list[tuple[Game, Game]]) -> int:
    """Seeds where the honest answer's grade is lower than the dishonest one's (grades are
    listed best first, so a larger index is a lower grade)."""
    drops = 0
    for g, b in pairs:
        assert g.outcome is not None and b.outcome is not None
        assert g.outcome.grade is not None and b.outcome.grade is not None
        drops += g.outcome.grade > b.outcome.grade
    return drops


@pytest.mark.parametrize("form", FORMS)
def test_meeting_the_family_beats_closing_quietly(form: str) -> None:
    pairs = compare("basarnas", form, "long_search", "brief_family", "close_quietly")
    assert len(pairs) >= 40
    found = gaps(pairs)
    assert statistics.median(found) > 1 and min(found) > 0
    assert grade_drops(pairs) == 0


WINDOW_DRESSING = [
    ("basarnas", "report_request", "report_true", "polish_log"),
    ("dpmptsp", "ombudsman_review", "report_gaps", "cosmetic_prep"),
    ("dukcapil", "ombudsman_review", "report_gaps", "cosmetic_prep"),
    ("dpmptsp", "deemed_approval", "check_with_own_staff", "let_it_approve"),
    ("dpmptsp", "deemed_approval", "triage_high_risk", "let_it_approve"),
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("name", "event", "good", "bad"), WINDOW_DRESSING)
def test_window_dressing_costs_at_least_three_points(
    name: str, event: str, good: str, bad: str, form: str
) -> None:
    by_base = compare_by_base(name, form, event, good, bad)
    pairs = [p for chunk in by_base.values() for p in chunk]
    assert len(pairs) >= 60, "the event comes in most games of this form"
    found = gaps(pairs)
    assert statistics.median(found) >= 3 and statistics.mean(found) >= 3, (
        statistics.median(found),
        statistics.mean(found),
    )
    # per base plan too: no way of playing makes the dressing cheap
    for label, chunk in by_base.items():
        assert statistics.median(gaps(chunk)) >= 3, label
    assert grade_drops(pairs) == 0
