"""A class server in memory, behind the real client's interface: for the fast UI tests (the
real server, over HTTP, is in test_class_live.py)."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Literal

from game.classlink.client import ClassInfo, ClassRefused, ClassUnreachable, Reply, Seat
from game.ui.app import App
from tests.ui.driving import pump


@dataclass
class FakeClass:
    """One class on one server; ``up`` False makes every request fail as a dropped network."""

    scenario: bytes
    code: str = "PKA-UJI"
    seed: int = 4242
    lockstep: bool = False
    open_quarter: int | None = None
    state: Literal["open", "paused", "closed"] = "open"
    up: bool = True
    seconds_left: float | None = None
    seats: dict[str, str] = field(default_factory=dict)
    progress: list[tuple[str, int]] = field(default_factory=list)  # every progress stored
    results: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    received: int = 0  # requests that reached the server
    lock: threading.Lock = field(default_factory=threading.Lock)

    def client(
        self, base_url: str, code: str, *, language: str = "id", timeout: float = 5.0
    ) -> FakeClient:
        return FakeClient(self, base_url, code)

    def info(self) -> ClassInfo:
        return ClassInfo(
            self.code,
            "fixture",
            "1",
            hashlib.sha256(self.scenario).hexdigest(),
            self.seed,
            "id",
            self.state,
            self.lockstep,
            self.open_quarter if self.lockstep else None,
            self.seconds_left,
        )


@dataclass
class FakeClient:
    server: FakeClass
    base_url: str
    code: str

    def _reach(self) -> FakeClass:
        if not self.server.up:
            raise ClassUnreachable(self.base_url)
        if self.code.casefold() != self.server.code.casefold():  # codes: any case
            raise ClassRefused(404, "class.api.no_class", "Tidak ada kelas", "There is no class")
        with self.server.lock:
            self.server.received += 1
        return self.server

    def _open_for(self, turn: int) -> None:
        s = self.server
        if s.state == "paused":
            raise ClassRefused(423, "class.api.paused", "Kelas dijeda", "The class is paused")
        if s.lockstep and turn > (s.open_quarter or 0):
            raise ClassRefused(423, "class.api.wait_quarter", "Tunggu", "Wait")

    def info(self) -> ClassInfo:
        return self._reach().info()

    def scenario(self) -> bytes:
        return self._reach().scenario

    def join(
        self, player: str, player_id: str | None = None, members: tuple[str, ...] = ()
    ) -> Seat:
        s = self._reach()
        token = f"seat-{len(s.seats) + 1}"
        s.seats[token] = player
        return Seat(self.code, token, player, player_id, members)

    def send_progress(self, seat: Seat, turn: int, decisions: list[dict[str, Any]]) -> Reply:
        s = self._reach()
        self._open_for(turn)
        with s.lock:
            if (seat.token, turn) in s.progress:
                return Reply(409, "class.api.already", "already stored")
            s.progress.append((seat.token, turn))
        return Reply(201, "class.api.stored", "stored")

    def send_result(self, seat: Seat, result: dict[str, Any]) -> Reply:
        s = self._reach()
        self._open_for(int(result["turns_played"]))
        with s.lock:
            if any(t == seat.token for t, _ in s.results):
                return Reply(409, "class.api.already", "already stored")
            s.results.append((seat.token, result))
        return Reply(201, "class.api.stored", "stored")

    def close(self) -> None:
        pass


def settle(app: App, done: Any, seconds: float = 20.0) -> None:
    """Pump the app (as its loop would) until ``done()`` holds; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting on {app.screen}")
        pump(app)
        time.sleep(0.02)
    pump(app)
