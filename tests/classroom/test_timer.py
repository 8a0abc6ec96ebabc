"""The quarter timer's rules, without a server or a clock (hypothesis for the arithmetic)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.classroom import timer
from game.classroom.timer import Timer

FIVE = Timer(seconds=300.0)


def test_a_new_class_has_no_running_timer() -> None:
    assert FIVE.left(1000.0) is None and not FIVE.expired(10_000.0)


def test_start_gives_a_full_quarter_and_counts_while_open() -> None:
    t = timer.start(FIVE, 1000.0, counting=True)
    assert t.round == 1 and t.left(1000.0) == 300.0 and t.left(1100.0) == 200.0
    assert t.expired(1300.0) and not t.expired(1299.0)
    again = timer.start(t, 1290.0, counting=True)
    assert again.round == 2 and again.left(1290.0) == 300.0


def test_pause_freezes_and_resume_continues() -> None:
    t = timer.start(FIVE, 1000.0, counting=True)
    frozen = timer.freeze(t, 1100.0)
    assert frozen.left(5000.0) == 200.0
    assert timer.resume(frozen, 5000.0).left(5050.0) == 150.0


def test_start_while_paused_waits_for_the_class_to_open() -> None:
    t = timer.start(FIVE, 1000.0, counting=False)
    assert t.left(9000.0) == 300.0
    assert timer.resume(t, 9000.0).left(9100.0) == 200.0


def test_add_a_minute_and_stop() -> None:
    t = timer.start(FIVE, 1000.0, counting=True)
    assert timer.add_minute(t, 1100.0).left(1100.0) == 260.0
    late = timer.add_minute(t, 2000.0)  # added after it ran out: a minute from now
    assert late.left(2000.0) == 60.0
    assert timer.add_minute(timer.freeze(t, 1100.0), 1200.0).left(0.0) == 260.0
    stopped = timer.stop(t)
    assert stopped.left(1100.0) is None and timer.add_minute(stopped, 1100.0) == stopped


def test_no_timer_means_nothing_starts() -> None:
    none = Timer(seconds=None)
    assert timer.start(none, 0.0, counting=True).left(0.0) is None


def test_expiry_choice() -> None:
    assert timer.choose_expiry(FIVE, "end_quarter").on_expiry == "end_quarter"
    with pytest.raises(ValueError):
        timer.choose_expiry(FIVE, "explode")


@given(
    st.floats(1, 3600),
    st.lists(st.tuples(st.sampled_from(["pause", "open", "add"]), st.floats(0, 100)), max_size=12),
)
def test_time_left_is_the_quarter_plus_minutes_minus_open_time(
    seconds: float, steps: list[tuple[str, float]]
) -> None:
    now, counting, open_time, added = 0.0, True, 0.0, 0.0
    t = timer.start(Timer(seconds=seconds), now, counting=True)
    for action, wait in steps:
        now += wait
        if counting:
            open_time += wait
        if action == "pause" and counting:
            t, counting = timer.freeze(t, now), False
        elif action == "open" and not counting:
            t, counting = timer.resume(t, now), True
        elif action == "add" and (t.left(now) or 0) > 0:
            t, added = timer.add_minute(t, now), added + timer.ADD_S
    left = t.left(now)
    assert left is not None
    expected = seconds + added - open_time
    if expected > 0:  # it never ran out (a minute is only added before it does)
        assert left == pytest.approx(expected, abs=1e-6)
    else:
        assert left == 0
