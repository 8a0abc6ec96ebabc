"""The live stream's framing and what the game makes of an event: the class's state, and the
quarter timer counted down from when the game heard it (the server's seconds, whatever the
two machines' clocks say)."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from game.classlink.client import ClassInfo
from game.classlink.listen import parse

INFO = ClassInfo("K", "s", "1", "x", 1, "id", "open", True, 1, None, at=100.0)


def frames(*events: str) -> list[str]:
    return "\n".join(events).split("\n")


def test_snapshots_and_keepalives_are_read_and_other_events_skipped() -> None:
    snap = json.dumps({"state": "paused"})
    lines = frames(
        f"id: 3\nevent: snapshot\ndata: {snap}\n",
        ": keep-alive\n",
        "event: other\ndata: {}\n",
        "event: snapshot\ndata: not json\n",
        "event: snapshot\ndata: [1]\n",
        'event: snapshot\ndata: {"state":\ndata: "open"}\n',
    )
    assert list(parse(iter(lines))) == [{"state": "paused"}, None, {"state": "open"}]


@given(st.floats(0, 10_000), st.floats(0, 5_000))
def test_an_open_class_counts_down_and_a_paused_one_keeps_its_seconds(
    left: float, later: float
) -> None:
    running = replace(INFO, seconds_left=left)
    counted = running.left(100.0 + later)
    assert counted is not None and abs(counted - max(0.0, left - later)) < 1e-6
    assert replace(running, state="paused").left(100.0 + later) == left
    assert replace(running, state="closed").left(100.0) is None
    assert INFO.left(100.0 + later) is None  # no timer running: nothing about time


def test_the_same_state_heard_again_is_no_news_but_a_second_more_is() -> None:
    event = {"state": "open", "lockstep": True, "open_quarter": 1, "seconds_left": 200.0}
    first = INFO.heard(event, at=1000.0)
    assert first.left(1000.0) == 200.0
    assert not first.news(first.heard({**event, "seconds_left": 190.0}, at=1010.0))
    assert first.news(first.heard({**event, "seconds_left": 260.0}, at=1010.0))  # +1 minute
    assert first.news(first.heard({**event, "seconds_left": None}, at=1010.0))  # stopped
    assert first.news(first.heard({**event, "state": "paused"}, at=1000.0))
    assert first.news(first.heard({**event, "open_quarter": 2}, at=1000.0))


def test_an_event_that_does_not_say_it_plainly_is_refused() -> None:
    for bad in (
        {"state": "gone", "lockstep": True},
        {"state": "open", "lockstep": "yes"},
        {"state": "open", "lockstep": True, "seconds_left": "soon"},
        {"state": "open", "lockstep": True, "open_quarter": 1.5},
    ):
        try:
            INFO.heard(bad, at=0.0)
        except ValueError:
            continue
        raise AssertionError(bad)
