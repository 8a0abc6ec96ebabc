"""A class's lifecycle without a database: what open, pause, next, close and the timer
actions make of a class at a moment; the timer runs only once the facilitator starts it or
opens a quarter, is kept while paused and renewed for each lockstep quarter."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.classroom.api_text import ApiText
from game.classroom.lifecycle import ACTIONS, TIMER_ACTIONS, changed_columns, next_state
from game.classroom.refusal import Invalid
from game.classroom.rooms import Room

T0 = 1_000_000.0
TURNS = 4


def room(lockstep: bool = True, minutes: float | None = 10.0, **changes: object) -> Room:
    made = Room(
        "KLS",
        "s",
        "1",
        "0" * 64,
        "s.toml",
        1,
        "id",
        lockstep,
        minutes,
        False,
        "open",
        1,
        None,
        None,
        "",
    )
    return replace(made, **changes)  # type: ignore[arg-type]


def started(minutes: float | None = 10.0, at: float = T0, **changes: object) -> Room:
    """A class whose facilitator started the quarter timer at ``at``."""
    return next_state(room(True, minutes, **changes), "timer_start", at, TURNS)


def test_a_new_class_has_no_running_timer_until_the_facilitator_starts_it() -> None:
    fresh = room()
    assert fresh.seconds_left(T0 + 99_999) is None and not fresh.timer.running
    on = started()
    assert on.seconds_left(T0) == 600 and on.seconds_left(T0 + 100) == 500
    assert on.timer_round == 1
    plus = next_state(on, "timer_add", T0 + 100, TURNS)
    assert plus.seconds_left(T0 + 100) == 560
    off = next_state(plus, "timer_stop", T0 + 200, TURNS)
    assert off.seconds_left(T0 + 200) is None
    chosen = next_state(off, "expiry_end_quarter", T0, TURNS)
    assert chosen.on_expiry == "end_quarter"
    assert next_state(chosen, "expiry_nothing", T0, TURNS).on_expiry == "nothing"


def test_a_class_without_a_timer_refuses_timer_actions() -> None:
    for action in TIMER_ACTIONS:
        with pytest.raises(Invalid) as caught:
            next_state(room(minutes=None), action, T0, TURNS)
        assert caught.value.code is ApiText.NO_TIMER


def test_a_pause_keeps_the_seconds_left_and_opening_again_resumes_them() -> None:
    paused = next_state(started(), "pause", T0 + 100, TURNS)
    assert (paused.state, paused.deadline, paused.remaining) == ("paused", None, 500)
    assert paused.seconds_left(T0 + 9999) == 500  # the clock stopped
    opened = next_state(paused, "open", T0 + 1000, TURNS)
    assert (opened.state, opened.deadline, opened.remaining) == ("open", T0 + 1500, None)


def test_the_next_quarter_gets_a_full_quarter_running_or_kept() -> None:
    running = next_state(room(), "next", T0 + 300, TURNS)  # opening a quarter starts it
    assert (running.open_quarter, running.deadline) == (2, T0 + 900)
    assert running.timer_round == 1
    paused = next_state(room(state="paused", remaining=5.0, timer_running=True), "next", T0, TURNS)
    assert (paused.open_quarter, paused.deadline, paused.remaining) == (2, None, 600)
    untimed = next_state(room(minutes=None), "next", T0, TURNS)
    assert (untimed.open_quarter, untimed.deadline, untimed.remaining) == (2, None, None)


@pytest.mark.parametrize(
    ("before", "action", "code"),
    [
        (room(state="closed"), "open", ApiText.CLOSED),
        (room(state="closed"), "no-such", ApiText.CLOSED),
        (room(lockstep=False), "next", ApiText.NOT_LOCKSTEP),
        (room(open_quarter=TURNS), "next", ApiText.LAST_QUARTER),
        (room(), "restart", ApiText.BAD_ACTION),
    ],
)
def test_what_does_not_apply_is_refused(before: Room, action: str, code: ApiText) -> None:
    with pytest.raises(Invalid) as caught:
        next_state(before, action, T0, TURNS)
    assert caught.value.code is code


def test_only_what_changed_is_written_and_always_the_state() -> None:
    before = started()
    assert changed_columns(before, next_state(before, "close", T0, TURNS)) == {
        "state": "closed",
        "deadline": None,
        "timer_running": 0,
    }
    assert changed_columns(before, before) == {"state": "open"}


STEPS = st.lists(
    st.tuples(st.sampled_from([*ACTIONS, *TIMER_ACTIONS, "bogus"]), st.floats(0, 5000)),
    max_size=25,
)


@given(st.booleans(), st.sampled_from([None, 0.5, 10.0]), STEPS)
def test_any_sequence_keeps_the_rules(
    lockstep: bool, minutes: float | None, steps: list[tuple[str, float]]
) -> None:
    """Whatever the facilitator does: the quarter only moves forward and never past the last;
    closed is final; a paused class has no deadline; only "next" and the timer actions change
    the time left."""
    current, now = room(lockstep, minutes), T0
    for action, wait in steps:
        now += wait
        try:
            after = next_state(current, action, now, TURNS)
        except Invalid:
            assert current.state == "closed" or action in ("next", "bogus", *TIMER_ACTIONS)
            continue
        assert current.state != "closed"
        assert current.open_quarter <= after.open_quarter <= TURNS
        assert after.state in ("open", "paused", "closed")
        if after.state == "paused":
            assert after.deadline is None
        if after.state == "closed":
            assert after.seconds_left(now) is None
        elif action not in ("next", "timer_start", "timer_add", "timer_stop"):
            assert after.seconds_left(now) == pytest.approx(current.seconds_left(now))
        current = after
