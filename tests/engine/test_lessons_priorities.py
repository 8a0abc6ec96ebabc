"""Setting priorities beats overload (issue 20, point 1): starting more programmes than the
office can pay for, or absorb, never beats the recommended plan, on seeds 1-30, in the full
game and the short form. Upkeep the cash cannot pay is owed (arrears), stalls programmes,
hurts morale and goes on record; more than six programmes at once wear staff down."""

from __future__ import annotations

import itertools
import statistics

import pytest

from game.engine import Game
from tests.engine.lessons import (
    FORMS,
    SEEDS,
    final,
    honest,
    loose_scores,
    paired,
    play_loose,
    two_a_quarter,
)

SHIPPED = ("dukcapil", "dpmptsp", "basarnas")

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


def overloaded(game: Game) -> bool:
    """More than the office can carry: eight programmes at once, or two quarters in arrears."""
    return max(game.history_of("programmes")) >= 8 or game.value("arrears_record") >= 2


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", SHIPPED)
def test_overload_never_beats_setting_priorities(name: str, form: str) -> None:
    fair = loose_scores(name, honest(name, form), form)
    judged = 0
    for pool in POOLS[name]:
        for k in (8, 10, 12):
            games = [play_loose(name, two_a_quarter(pool[:k]), seed, form) for seed in SEEDS]
            if sum(overloaded(g) for g in games) < len(SEEDS) * 2 / 3:
                continue  # the cash refused enough cards that this is no overload
            judged += 1
            median, mean, wins = paired(fair, [final(g) for g in games])
            assert median > 0 and mean > 0, (pool[:k], median, mean)
            assert wins >= 20, (pool[:k], wins)
    assert judged >= 2, "the family must hold real overloads"


@pytest.mark.parametrize("name", SHIPPED)
def test_the_recommended_plan_runs_no_arrears(name: str) -> None:
    """The plan the note recommends stays within the unit's means on every seed: the lesson
    is priorities, not austerity."""
    for form in FORMS:
        for seed in SEEDS:
            game = play_loose(name, honest(name, form), seed, form)
            assert game.value("arrears_record") == 0, (form, seed)


@pytest.mark.parametrize("name", SHIPPED)
def test_arrears_carry_over_and_hurt_the_longer_they_last(name: str) -> None:
    """An overload's unpaid upkeep is owed from quarter to quarter (not written off), and
    the longer it is owed the lower morale sinks against the same plan kept affordable."""
    pool = POOLS[name][0]
    over = [play_loose(name, two_a_quarter(pool[:12]), seed) for seed in SEEDS]
    owed = [g for g in over if g.value("arrears_record") >= 2]
    assert len(owed) >= 20
    for game in owed[:5]:
        dues = game.history_of("owed")
        assert any(a > 0 and b > 0 for a, b in itertools.pairwise(dues))
    fair = [play_loose(name, honest(name), seed) for seed in SEEDS]
    assert statistics.median(g.value("morale") for g in over) < statistics.median(
        g.value("morale") for g in fair
    )
