"""The BerAKHLAK profile shows the values a player's choices breach beside those they
express (issue 10, point 8)."""

from __future__ import annotations

from game.engine.values import value_counts, value_profile
from game.scenario import VALUES
from tests.engine.lessons import play

WAIT = {"ferry_capsize": "wait_for_hq", "eruption": "leave_to_bpbd"}
RESPOND = {"ferry_capsize": "own_teams", "eruption": "all_hands"}


def test_waiting_records_breaches_and_responding_does_not() -> None:
    waited = play("basarnas", [{"turn": 1, "choose": WAIT}], 5)
    responded = play("basarnas", [{"turn": 1, "choose": RESPOND}], 5)
    breached = value_counts(waited, breaches=True)
    assert breached["berorientasi_pelayanan"] >= 2 and breached["loyal"] >= 1
    assert value_counts(waited)["loyal"] <= value_counts(responded)["loyal"]
    assert value_counts(responded, breaches=True)["berorientasi_pelayanan"] == 0
    assert value_counts(responded)["berorientasi_pelayanan"] >= 2


def test_both_shapes_share_one_scale() -> None:
    waited = play("basarnas", [{"turn": 1, "choose": WAIT}], 5)
    shown = value_profile(waited)
    breached = value_profile(waited, breaches=True)
    assert len(shown) == len(breached) == len(VALUES)
    assert max(*shown, *breached) == 1.0
    assert all(0 <= x <= 1 for x in (*shown, *breached))
