"""A facilitator's change reaches the game's class link by the class's live stream (the
server-sent events the projector pages hear), not by the link's next poll: a real server
(uvicorn on 127.0.0.1), the real HTTP client and the link's real threads.

The 2 s bound of the issue is measured and printed, not asserted (a loaded machine must not
fail a test on time): the waits below are generous. What is asserted is the mechanism: the
news arrives while the link asks the server nothing (its info() is not called).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from game.classlink import link as link_module
from game.classlink.client import ClassClient, ClassInfo
from game.classlink.link import ClassLink
from game.classlink.outbox import Outbox
from game.session import JoinedClass
from tests.classlink.counting import Counting
from tests.classroom.server import Server, free_port, start_server

WAIT_S = 20.0  # generous: the bound is 2 s, measured below and printed


def wait_for(done: Callable[[], bool], seconds: float = WAIT_S) -> float:
    """Seconds until ``done()`` held (AssertionError after ``seconds``)."""
    began = time.monotonic()
    while not done():
        assert time.monotonic() - began < seconds, "still waiting"
        time.sleep(0.005)
    return time.monotonic() - began


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    found = start_server(str(tmp_path / "live.sqlite"), "PKA-DENGAR", "--lockstep")
    yield found
    found.stop()


def attached(server: Server, folder: Path, name: str) -> ClassLink:
    with ClassClient(server.url, server.code) as client:
        seat = client.join(name)
    link = ClassLink(Outbox(folder / f"{name}.json"), lambda: None, lambda: "id", Counting)
    link.attach(JoinedClass(server.url, server.code, seat.token))
    wait_for(lambda: link.listening and link.state.info is not None)
    time.sleep(0.5)  # the fresh answer asked for on connecting has come
    return link


def all_in(links: list[ClassLink], expected: str) -> bool:
    return all(state_of(k) == expected for k in links)


def state_of(link: ClassLink) -> str | None:
    info = link.state.info
    return None if info is None else f"{info.state}:{info.open_quarter}"


def test_every_control_action_reaches_the_link_by_the_stream(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    links = [attached(server, tmp_path, f"Jendela {i}") for i in range(3)]
    try:
        took = []
        for action, expected in (
            ("pause", "paused:1"),
            ("open", "open:1"),
            ("next", "open:2"),
            ("close", "closed:2"),
        ):
            polls = Counting.polls
            assert server.control(action).status_code == 200
            took.append(wait_for(partial(all_in, links, expected)))
            assert Counting.polls == polls, f"{action}: seen by polling, not by the stream"
        with capsys.disabled():
            print(f"\ncontrol -> link: worst {max(took) * 1000:.0f} ms (bound 2000 ms)")
    finally:
        for link in links:
            link.stop()


def test_end_quarter_is_allowed_again_as_soon_as_the_class_resumes(
    server: Server, tmp_path: Path
) -> None:
    link = attached(server, tmp_path, "Sri")
    try:
        assert server.control("pause").status_code == 200
        wait_for(lambda: link.state.info is not None and not link.state.info.may_finish(1))
        polls = Counting.polls
        assert server.control("open").status_code == 200
        wait_for(lambda: link.state.info is not None and link.state.info.may_finish(1))
        assert Counting.polls == polls
    finally:
        link.stop()


def test_a_dropped_stream_is_polled_over_and_heard_again_after_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(link_module, "RETRY", 0.3)
    db, port = str(tmp_path / "drop.sqlite"), free_port()
    server = start_server(db, "PKA-PUTUS", "--lockstep", port=port)
    link = attached(server, tmp_path, "Agus")
    try:
        server.stop()
        wait_for(lambda: link.state.online is False and not link.listening)
        server = start_server(db, "PKA-PUTUS", "--lockstep", port=port)
        wait_for(lambda: link.state.online is True and link.listening)
        time.sleep(0.5)
        polls = Counting.polls
        assert server.control("pause").status_code == 200
        wait_for(lambda: state_of(link) == "paused:1")
        assert Counting.polls == polls
    finally:
        link.stop()
        server.stop()


def test_a_link_that_cannot_listen_polls_every_second(tmp_path: Path) -> None:
    """A client without a stream (an old server, a test double): the link polls fast."""

    class Plain:
        def __init__(self, *_a: Any, **_kw: Any) -> None:
            pass

        def info(self) -> ClassInfo:
            return ClassInfo("K", "s", "1", "x", 1, "id", "open", False, None, None)

    link = ClassLink(Outbox(tmp_path / "o.json"), lambda: None, lambda: "id", Plain)
    link.attach(JoinedClass("http://127.0.0.1:9", "K", "t"))
    try:
        wait_for(lambda: link.state.online is True)
        assert not link.listening
        assert link._poll_every(True) == link_module.POLL_UNHEARD <= 1.0
    finally:
        link.stop()
