"""The class outbox: whatever the network does, every item reaches the server once, in order."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.classlink.outbox import Outbox, OutboxItem, Outcome

SEATS = [
    ("http://a:1", "KLS-A", "tok-1"),
    ("http://a:1", "KLS-A", "tok-2"),
    ("http://b:2", "KLS-B", "tok-3"),
]


def item(seat: int, kind: str, turn: int, bad: bool = False) -> OutboxItem:
    base, code, token = SEATS[seat]
    body: dict[str, Any] = {"turn": turn, "decisions": [{"turn": 1, "adopt": "x"}]}
    if bad:
        body["bad"] = True
    return OutboxItem(base, code, token, kind, turn, body)  # type: ignore[arg-type]


class Crash(Exception):
    """The game process dies in the middle of a send."""


@dataclass
class FakeServer:
    """Stores each item once (409 after that); a script says how each attempt goes wrong."""

    script: list[str] = field(default_factory=list)
    stored: list[tuple[Any, ...]] = field(default_factory=list)
    acked: set[tuple[Any, ...]] = field(default_factory=set)
    acked_again: int = 0  # answers the game had already heard for that item

    def _ack(self, it: OutboxItem) -> None:
        if it.key in self.acked:
            self.acked_again += 1
        self.acked.add(it.key)

    def send(self, it: OutboxItem) -> tuple[Outcome, str]:
        mode = self.script.pop(0) if self.script else "ok"
        if mode == "down":  # nothing arrives
            return Outcome.UNREACHABLE, ""
        if mode == "later":  # the class is paused: "not now"
            return Outcome.LATER, ""
        if it.body.get("bad"):
            self._ack(it)
            return Outcome.REFUSED, "ditolak"
        if it.key not in self.stored:
            self.stored.append(it.key)
        if mode == "lost":  # stored, but the answer never comes back
            return Outcome.UNREACHABLE, ""
        if mode == "crash":  # stored, then the game dies before it hears the answer
            raise Crash
        self._ack(it)
        return Outcome.DELIVERED, ""


def test_an_item_waits_in_the_file_until_the_server_answers(tmp_path: Path) -> None:
    path = tmp_path / "outbox.json"
    box = Outbox(path)
    assert box.add(item(0, "progress", 1))
    assert not box.add(item(0, "progress", 1)), "the same item is not queued twice"
    assert box.add(item(0, "result", 9))
    server = FakeServer(script=["down"])
    report = box.deliver(server.send)
    assert report.unreachable == {("http://a:1", "KLS-A")} and report.delivered == 0
    assert [i.kind for i in Outbox(path).items()] == ["progress", "result"]
    report = box.deliver(server.send)
    assert report.delivered == 2 and len(Outbox(path)) == 0
    assert server.stored == [item(0, "progress", 1).key, item(0, "result", 9).key]


def test_a_refused_item_is_dropped_with_its_reason(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.json")
    box.add(item(0, "result", 5, bad=True))
    report = FakeServer().send
    done = box.deliver(report)
    assert [r.message for r in done.refused] == ["ditolak"] and len(box) == 0


def test_one_dead_class_does_not_hold_up_another(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.json")
    box.add(item(2, "progress", 1))  # class B (its server is gone)
    box.add(item(0, "progress", 1))  # class A
    calls: list[str] = []

    def send(it: OutboxItem) -> tuple[Outcome, str]:
        calls.append(it.code)
        return (Outcome.UNREACHABLE, "") if it.code == "KLS-B" else (Outcome.DELIVERED, "")

    report = box.deliver(send, first=("http://a:1", "KLS-A"))
    assert calls == ["KLS-A", "KLS-B"], "the current class goes first"
    assert report.delivered == 1 and [i.code for i in box.items()] == ["KLS-B"]


@pytest.mark.parametrize(
    "text", ["", "{", "[]", '{"items": 3}', '{"items": [{"kind": "result"}, 7, null]}']
)
def test_a_damaged_file_reads_as_what_can_be_saved(tmp_path: Path, text: str) -> None:
    path = tmp_path / "outbox.json"
    path.write_text(text, encoding="utf-8")
    box = Outbox(path)
    assert box.items() == []
    box.add(item(1, "progress", 2))
    assert json.loads(path.read_text(encoding="utf-8"))["items"][0]["token"] == "tok-2"


ADD = st.tuples(
    st.just("add"),
    st.integers(0, 2),
    st.sampled_from(["progress", "result"]),
    st.integers(1, 4),
    st.sampled_from([False, False, False, True]),  # now and then a result the server refuses
)
FLUSH = st.tuples(
    st.just("flush"),
    st.lists(st.sampled_from(["ok", "down", "lost", "crash", "later"]), max_size=6),
)
STEP = st.one_of(ADD, FLUSH, st.tuples(st.just("reload")))


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(STEP, max_size=25))
def test_any_interleaving_of_failures_delivers_every_item_exactly_once(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[Any, ...]]
) -> None:
    path = tmp_path_factory.mktemp("outbox") / "outbox.json"
    box = Outbox(path)
    server = FakeServer()
    added: list[OutboxItem] = []
    asked_again = 0  # the game queued an item the server had already answered for
    for step in steps:
        if step[0] == "add":
            _, seat, kind, turn, bad = step
            new = item(seat, kind, turn, bad=bad and kind == "result")
            if any(a.key == new.key for a in added):
                new = next(a for a in added if a.key == new.key)  # the same item, sent again
            asked_again += box.add(new) and new.key in server.acked
            added.append(new)
        elif step[0] == "flush":
            server.script = list(step[1])
            try:
                box.deliver(server.send)
            except Crash:
                box = Outbox(path)  # the game starts again from its file
        else:
            box = Outbox(path)
    server.script = []
    box = Outbox(path)
    report = box.deliver(server.send)
    assert not report.unreachable and len(box) == 0 and len(Outbox(path)) == 0
    good = [a.key for a in added if not a.body.get("bad")]
    first_seen = list(dict.fromkeys(good))
    assert sorted(server.stored) == sorted(first_seen), "every item stored, none twice"
    assert len(server.stored) == len(set(server.stored))
    for base, code, _ in SEATS:  # within one class, the server first sees them in queue order
        mine = [k for k in server.stored if k[:2] == (base, code)]
        assert mine == [k for k in first_seen if k[:2] == (base, code)]
    assert server.acked_again == asked_again, "nothing answered is sent again unless re-queued"
    refused = {a.key for a in added if a.body.get("bad")}
    assert refused <= server.acked and not refused & set(server.stored)
