"""A class's lifecycle without a database: what open, pause, next and close make of a class
at a moment, the timer kept while paused and renewed for each lockstep quarter."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.classroom.api_text import ApiText
from game.classroom.lifecycle import ACTIONS, changed_columns, first_deadline, next_state
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
        first_deadline(minutes, lockstep, TURNS, T0),
        None,
        "",
    )
    return replace(made, **changes)  # type: ignore[arg-type]


def test_a_new_class_has_one_quarter_in_lockstep_and_the_whole_game_otherwise() -> None:
    assert first_deadline(10, True, TURNS, T0) == T0 + 600
    assert first_deadline(10, False, TURNS, T0) == T0 + 2400
    assert first_deadline(None, True, TURNS, T0) is None


def test_a_pause_keeps_the_seconds_left_and_opening_again_resumes_them() -> None:
    paused = next_state(room(), "pause", T0 + 100, TURNS)
    assert (paused.state, paused.deadline, paused.remaining) == ("paused", None, 500)
    assert paused.seconds_left(T0 + 9999) == 500  # the clock stopped
    opened = next_state(paused, "open", T0 + 1000, TURNS)
    assert (opened.state, opened.deadline, opened.remaining) == ("open", T0 + 1500, None)


def test_the_next_quarter_gets_a_full_quarter_running_or_kept() -> None:
    running = next_state(room(), "next", T0 + 300, TURNS)
    assert (running.open_quarter, running.deadline) == (2, T0 + 900)
    paused = next_state(room(state="paused", deadline=None, remaining=5.0), "next", T0, TURNS)
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
    before = room()
    assert changed_columns(before, next_state(before, "close", T0, TURNS)) == {
        "state": "closed",
        "deadline": None,
    }
    assert changed_columns(before, before) == {"state": "open"}


STEPS = st.lists(st.tuples(st.sampled_from([*ACTIONS, "bogus"]), st.floats(0, 5000)), max_size=25)


@given(st.booleans(), st.sampled_from([None, 0.5, 10.0]), STEPS)
def test_any_sequence_keeps_the_rules(
    lockstep: bool, minutes: float | None, steps: list[tuple[str, float]]
) -> None:
    """Whatever the facilitator does: the quarter only moves forward and never past the last;
    closed is final; a paused class has no deadline; only "next" renews the time left."""
    current, now = room(lockstep, minutes), T0
    for action, wait in steps:
        now += wait
        try:
            after = next_state(current, action, now, TURNS)
        except Invalid:
            assert current.state == "closed" or action in ("next", "bogus")
            continue
        assert current.state != "closed"
        assert current.open_quarter <= after.open_quarter <= TURNS
        assert after.state in ("open", "paused", "closed")
        if after.state == "paused":
            assert after.deadline is None
        if after.state == "closed":
            assert after.seconds_left(now) is None
        elif action != "next":
            assert after.seconds_left(now) == pytest.approx(current.seconds_left(now))
        current = after
