"""The browser game over real HTTP: ``agen class serve`` (2 workers, SQLite in a temporary
folder, 127.0.0.1 only) on the largest shipped scenario, with simulated browser seats as
threads of this process. A seat is what a phone's browser does: it joins with the form,
keeps its seat cookie, and for each action POSTs the form and then loads the page the
answer redirects to. Its moves come from the random bot, played on a copy of the game here
(same scenario and seed), so every action it sends is one the server accepts.

web_action_ms: 40 seats act at once (each 6 actions: adopt, cancel, answer, end of quarter,
as its game allows); for every action, the time from just before the POST until the page it
leads to has arrived. "p50"/"p95": each seat taps as a person does (0.5 to 1.5 s between
its own actions, all 40 starting together); "burst_p50"/"burst_p95": every seat sends its
next action the moment the last one answers (no person taps that fast: the worst case).

web_first_load_kb: the join page and everything it loads (stylesheets, scripts, images and
the fonts the stylesheets name), as sent over the wire with ``Accept-Encoding: gzip``, in KB.

web_players_ok: 200 seats join and play whole games at once; how many results are stored
(checked in the store), within a time bound.

The load generator shares the two cores with the server, so it sends with the standard
library's ``http.client`` (no client library's overhead measured as the server's).
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from benchmarks.common import ROOT, largest_scenario, stop_process
from game.engine import BOTS, Adopt, Cancel, Choose, Game
from game.engine.bots import bot_random
from game.results.store import open_store
from game.scenario import LoadedScenario

ACTING_SEATS = 40
ACTIONS_EACH = 6
PLAYING_SEATS = 200
PLAY_DEADLINE_S = 420.0  # the whole-game run stops counting after this long
ASSET = re.compile(r"""(?:href|src)=["'](/static/[^"'#?]+)""")
CSS_URL = re.compile(r"""url\(["']?([^"')]+)["']?\)""")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class WebServer:
    """``agen class serve`` on 127.0.0.1 with a free port, until :meth:`stop`."""

    def __init__(self, scenario: Path, db: str, code: str, workers: int = 2) -> None:
        self.code, self.db, self.port = code, db, _port()
        cmd = [sys.executable, "-m", "game", "class", "serve", str(scenario), "--code", code]
        cmd += ["--host", "127.0.0.1", "--port", str(self.port), "--db", db]
        cmd += ["--workers", str(workers)]
        env = {**os.environ, "AGEN_CLASS_RATE": "1000/1"}  # one machine plays every seat
        self.process = subprocess.Popen(
            cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
        )
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if "token=" in line:
                break
        threading.Thread(target=self.process.stdout.read, daemon=True).start()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if _get(self.port, f"/api/v1/classes/{code}")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the class server did not start")

    def stop(self) -> None:
        stop_process(self.process)


def _get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        c.request("GET", path, headers=headers or {})
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


@dataclass
class BrowserSeat:
    """One browser: its connection, its seat cookie, and its copy of the game."""

    port: int
    code: str
    name: str
    game: Game
    rng: random.Random
    cookies: dict[str, str] = field(default_factory=dict)
    conn: http.client.HTTPConnection | None = None

    def _request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, str]:
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Accept-Encoding": "identity"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        r = self.conn.getresponse()
        r.read()
        for value in r.headers.get_all("Set-Cookie") or []:
            pair = value.split(";", 1)[0]
            k, _, v = pair.partition("=")
            self.cookies[k.strip()] = v.strip()
        return r.status, r.headers.get("Location") or ""

    def submit(self, path: str, fields: dict[str, str]) -> int:
        """POST a form and load the page its answer leads to, as a browser does."""
        status, location = self._request("POST", path, urlencode(fields).encode())
        if status in (302, 303) and location:
            target = urlsplit(urljoin(f"http://127.0.0.1:{self.port}{path}", location))
            status, _ = self._request(
                "GET", target.path + (f"?{target.query}" if target.query else "")
            )
        return status

    def join(self) -> None:
        fields = {"name": self.name, "nip": "", "members": "", "key": secrets.token_hex(8)}
        if self.submit(f"/p/{self.code}/join", fields) != 200 or not self.cookies:
            raise RuntimeError(f"{self.name} could not join")

    def act(self, kind: str, **what: str) -> int:
        fields = {"kind": kind, "key": secrets.token_hex(8), "turn": str(self.game.turn), **what}
        return self.submit(f"/p/{self.code}/act", fields)

    def moves(self) -> list[dict[str, str]]:
        """This quarter's actions, as the random bot takes them on the copy of the game."""
        before = len(self.game.decisions)
        BOTS["random"](self.game, self.rng)
        out = []
        for d in self.game.decisions[before:]:
            a = d.action
            if isinstance(a, Adopt):
                out.append({"kind": "adopt", "policy": a.policy})
            elif isinstance(a, Cancel):
                out.append({"kind": "cancel", "policy": a.policy})
            elif isinstance(a, Choose):
                out.append({"kind": "choose", "event": a.event, "choice": a.choice})
        return out

    def quarter(self, timed: list[float] | None = None, think: float = 0.0) -> None:
        """Play one quarter: its moves, then its end (``think``: up to this many seconds
        between taps, at least half of it)."""
        for move in [*self.moves(), {"kind": "end"}]:
            if think:
                time.sleep(self.rng.uniform(think / 2, think))
            start = time.perf_counter()
            status = self.act(move.pop("kind"), **move)
            if timed is not None:
                timed.append(time.perf_counter() - start)
            if status != 200:
                raise RuntimeError(f"{self.name}: an action was answered {status}")
        self.game.end_turn()


def _seat(server: WebServer, loaded: LoadedScenario, seed: int, n: int, prefix: str) -> BrowserSeat:
    return BrowserSeat(
        server.port, server.code, f"{prefix} {n:03d}", Game(loaded.compiled, seed), bot_random(n)
    )


def _class_seed(server: WebServer) -> int:
    status, body = _get(server.port, f"/api/v1/classes/{server.code}")
    if status != 200:
        raise RuntimeError("no class information")
    return int(json.loads(body)["seed"])


def _acting(server: WebServer, seats: list[BrowserSeat], think: float) -> list[float]:
    """Every seat's actions, all seats starting together; the time of each action."""
    times: list[float] = []
    lock, go = threading.Lock(), threading.Barrier(len(seats))

    def play(seat: BrowserSeat) -> None:
        mine: list[float] = []
        go.wait()
        while len(mine) < ACTIONS_EACH and not seat.game.over:
            seat.quarter(mine, think)
        with lock:
            times.extend(mine)

    with ThreadPoolExecutor(len(seats)) as pool:
        list(pool.map(play, seats))
    return times


def _ms(times: list[float]) -> tuple[float, float]:
    return round(1000 * statistics.median(times), 1), round(
        1000 * statistics.quantiles(times, n=20)[18], 1
    )


def action_ms(loaded: LoadedScenario, folder: Path) -> dict[str, float]:
    server = WebServer(Path(loaded.path), str(folder / "act.sqlite"), "BENCH-ACT")
    try:
        seed = _class_seed(server)
        out: dict[str, float] = {}
        for prefix, think, who in (("", 1.5, "Peserta"), ("burst_", 0.0, "Kilat")):
            seats = [_seat(server, loaded, seed, n, who) for n in range(ACTING_SEATS)]
            with ThreadPoolExecutor(ACTING_SEATS) as pool:
                list(pool.map(BrowserSeat.join, seats))
            p50, p95 = _ms(_acting(server, seats, think))
            out[f"{prefix}p50"], out[f"{prefix}p95"] = p50, p95
        return out
    finally:
        server.stop()


def first_load_kb(loaded: LoadedScenario, folder: Path) -> float:
    server = WebServer(Path(loaded.path), str(folder / "load.sqlite"), "BENCH-LOAD")
    try:
        wants = {"Accept-Encoding": "gzip"}
        total, seen = 0, set()
        c = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        todo = [f"/p/{server.code}"]
        while todo:
            path = todo.pop(0)
            if path in seen:
                continue
            seen.add(path)
            c.request("GET", path, headers=wants)
            r = c.getresponse()
            body = r.read()  # as sent: http.client does not decompress
            if r.status != 200:
                raise RuntimeError(f"{path} answered {r.status}")
            total += len(body)
            text = _decoded(body, r.getheader("Content-Encoding"))
            todo += ASSET.findall(text)
            if path.endswith(".css"):
                todo += [urljoin(path, u) for u in CSS_URL.findall(text)]
        c.close()
        return round(total / 1024, 1)
    finally:
        server.stop()


def _decoded(body: bytes, encoding: str | None) -> str:
    raw = gzip.decompress(body) if encoding == "gzip" else body
    return raw.decode("utf-8", "replace")


def players_ok(loaded: LoadedScenario, folder: Path) -> int:
    server = WebServer(Path(loaded.path), str(folder / "play.sqlite"), "BENCH-PLAY")
    try:
        seed = _class_seed(server)
        seats = [_seat(server, loaded, seed, n, "Pemain") for n in range(PLAYING_SEATS)]
        deadline = time.monotonic() + PLAY_DEADLINE_S

        def play(seat: BrowserSeat) -> bool:
            try:
                seat.join()
                while not seat.game.over and time.monotonic() < deadline:
                    seat.quarter()
                return seat.game.over
            except (OSError, RuntimeError, http.client.HTTPException):
                return False

        with ThreadPoolExecutor(PLAYING_SEATS) as pool:
            list(pool.map(play, seats))
        return int(open_store(server.db).count())
    finally:
        server.stop()


def measure() -> dict[str, Any]:
    loaded = largest_scenario()
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="agen-bench-web-") as tmp:
        folder = Path(tmp)
        for key, run in (
            ("web_first_load_kb", first_load_kb),
            ("web_action_ms", action_ms),
            ("web_players_ok", players_ok),
        ):
            try:
                out[key] = run(loaded, folder)
            except Exception as exc:  # a figure that cannot be measured is null, with why
                print(f"benchmarks: web: {key}: {type(exc).__name__}: {exc}", file=sys.stderr)
                out[key] = None
    return out
