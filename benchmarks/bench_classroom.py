"""Class mode over real HTTP: ``agen class serve`` (2 workers, SQLite in a temporary folder)
on the largest shipped scenario, with headless participants as threads of this process.

class_results_per_s: 300 seats each POST one random-bot result file at once (8 client
threads, one kept-alive connection each); results verified by replay and stored, per second
of wall time. The load generator shares the machine's two cores with the server, so it
sends prepared bytes with the standard library's ``http.client`` (a participant's laptop
pays for its own client, not the server): what is measured is the server's work.

class_update_ms: 60 participants play at once (a short pause before each quarter); for every
progress and result POST, the time from just before the POST to the server-sent event on a
projector stream that shows it: {"median": ..., "p95": ...}.

class_control_to_player_ms: 20 games' class links (the game's own threads, real HTTP: each
listens to the class's live stream) attached to seats of one lockstep class on 2 workers; the
facilitator pauses, resumes and opens the next quarter, 4 rounds, then closes the class (13
actions); for each action and game, the time from just before the control POST to the game's
link holding the new state (its ``notify``): {"median": ..., "p95": ...}. Goal: p95 <= 2000.

class_participants_ok: 200 participants started at once (``take_part``, random bot), how
many finish with their result stored (checked in the store).
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from benchmarks.common import ROOT, largest_scenario, stop_process
from game.classlink.client import ClassClient, Seat
from game.classlink.participant import fetch_scenario, take_part
from game.engine import BOTS, Game, play_bot
from game.results.record import Origin, record_from_game
from game.results.store import open_store

RESULTS = 300
PLAYERS_LIVE = 60
PLAYERS_AT_ONCE = 200


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Server:
    def __init__(self, scenario: Path, db: str, code: str, workers: int = 2, *extra: str) -> None:
        self.code, self.db = code, db
        port = self.port = _port()
        self.url = f"http://127.0.0.1:{port}"
        cmd = [sys.executable, "-m", "game", "class", "serve", str(scenario), "--code", code]
        cmd += ["--host", "127.0.0.1", "--port", str(port), "--db", db, "--allow-bots"]
        cmd += ["--workers", str(workers), *extra]
        self.process = subprocess.Popen(
            cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        assert self.process.stdout is not None
        self.token = ""
        for line in self.process.stdout:
            found = re.search(r"token=([\w-]+)", line)
            if found:
                self.token = found.group(1)
                break
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/api/v1/classes/{code}", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the class server did not start")

    def stop(self) -> None:
        stop_process(self.process)


def results_per_s(scenario: Path, folder: Path) -> float:
    server = _Server(scenario, str(folder / "rate.sqlite"), "BENCH-RATE")
    try:
        with ClassClient(server.url, server.code) as client:
            info = client.info()
            loaded = fetch_scenario(client, info)
            seats = [client.join(f"Peserta {i:03d}") for i in range(RESULTS)]
        origin = Origin(tool="simulate", bot="random")
        bodies = []
        for i, seat in enumerate(seats):
            game = play_bot(Game(loaded.compiled, info.seed), BOTS["random"], i)
            record = record_from_game(
                game,
                loaded,
                player=seat.player,
                player_id=None,
                cohort=info.code,
                language="id",
                origin=origin,
            )
            data = json.dumps(record.to_json(), ensure_ascii=False).encode("utf-8")
            bodies.append((seat, data))
        clients = threading.local()
        path = f"/api/v1/classes/{server.code}/results"

        def send(item: tuple[Seat, bytes]) -> int:
            if not hasattr(clients, "c"):
                clients.c = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
            headers = {
                "Authorization": f"Bearer {item[0].token}",
                "Content-Type": "application/json",
            }
            connection: http.client.HTTPConnection = clients.c
            connection.request("POST", path, body=item[1], headers=headers)
            response = connection.getresponse()
            response.read()
            return response.status

        start = time.perf_counter()
        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(send, bodies))
        elapsed = time.perf_counter() - start
        stored = open_store(server.db).count()
        if statuses.count(201) != RESULTS or stored != RESULTS:
            raise RuntimeError(f"only {statuses.count(201)} of {RESULTS} stored")
        return RESULTS / elapsed
    finally:
        server.stop()


def update_ms(scenario: Path, folder: Path) -> dict[str, float]:
    server = _Server(scenario, str(folder / "live.sqlite"), "BENCH-LIVE")
    sent: dict[tuple[str, int], float] = {}
    seen: dict[tuple[str, int], float] = {}
    lock = threading.Lock()
    stop = threading.Event()
    ready = threading.Event()

    def listen() -> None:
        try:
            stream()
        except httpx.HTTPError:  # the server stopped at the end of the measurement
            ready.set()

    def stream() -> None:
        url = f"{server.url}/api/v1/classes/{server.code}/live"
        with httpx.stream("GET", url, timeout=httpx.Timeout(10.0, read=60.0)) as response:
            for line in response.iter_lines():
                if stop.is_set():
                    return
                if not line.startswith("data: "):
                    continue
                now = time.perf_counter()
                ready.set()
                for s in json.loads(line[6:])["seats"]:
                    step = s["turn_done"] + (1 if s["done"] else 0)
                    with lock:
                        for k in range(1, step + 1):
                            seen.setdefault((s["player"], k), now)

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    ready.wait(30)

    def play(n: int) -> None:
        rng = random.Random(n)
        name = f"Live {n:02d}"
        with ClassClient(server.url, server.code, timeout=30) as client:
            info = client.info()
            loaded = fetch_scenario(client, info)
            seat = client.join(name)
            game = play_bot(Game(loaded.compiled, info.seed), BOTS["random"], n)
            record = record_from_game(
                game,
                loaded,
                player=name,
                player_id=None,
                cohort=info.code,
                language="id",
                origin=Origin(tool="simulate", bot="random"),
            )
            decisions = list(record.decisions)
            for q in range(1, record.turns_played + 1):
                time.sleep(rng.uniform(0.2, 1.0))
                with lock:
                    sent[(name, q)] = time.perf_counter()
                client.send_progress(seat, q, [d for d in decisions if d["turn"] <= q])
            time.sleep(rng.uniform(0.2, 1.0))
            with lock:
                sent[(name, record.turns_played + 1)] = time.perf_counter()
            client.send_result(seat, record.to_json())

    try:
        with ThreadPoolExecutor(PLAYERS_LIVE) as pool:
            list(pool.map(play, range(PLAYERS_LIVE)))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not set(sent) <= set(seen):
            time.sleep(0.1)
    finally:
        stop.set()
        server.stop()
    lags = sorted((seen[k] - t) * 1000 for k, t in sent.items() if k in seen)
    if len(lags) < len(sent):
        raise RuntimeError(f"{len(sent) - len(lags)} updates never reached the projector")
    p95 = lags[min(len(lags) - 1, int(0.95 * len(lags)))]
    return {"median": round(statistics.median(lags), 1), "p95": round(p95, 1)}


CONTROL_GAMES = 20
CONTROL_ROUNDS = 4


def _control_actions() -> list[tuple[str, str]]:
    """(action, the state a game then holds: "state:open_quarter")."""
    out = []
    for q in range(1, CONTROL_ROUNDS + 1):
        out += [("pause", f"paused:{q}"), ("open", f"open:{q}"), ("next", f"open:{q + 1}")]
    return [*out, ("close", f"closed:{CONTROL_ROUNDS + 1}")]


def control_to_player_ms(scenario: Path, folder: Path) -> dict[str, float]:
    from game.classlink.link import ClassLink
    from game.classlink.outbox import Outbox
    from game.session import JoinedClass

    server = _Server(scenario, str(folder / "control.sqlite"), "BENCH-CTRL", 2, "--lockstep")
    seen: dict[tuple[int, str], float] = {}
    links: list[ClassLink] = []
    lock = threading.Lock()

    def watcher(i: int) -> Any:
        def notify() -> None:
            info = links[i].state.info
            if info is not None:
                with lock:
                    seen.setdefault((i, f"{info.state}:{info.open_quarter}"), time.perf_counter())

        return notify

    lags: list[float] = []
    try:
        for i in range(CONTROL_GAMES):
            with ClassClient(server.url, server.code) as client:
                seat = client.join(f"Jendela {i:02d}")
            link = ClassLink(Outbox(folder / f"outbox-{i}.json"), watcher(i), lambda: "id")
            links.append(link)
            link.attach(JoinedClass(server.url, server.code, seat.token))
        _wait(lambda: all(k.listening and k.state.info is not None for k in links), 30)
        time.sleep(1.0)  # the fresh answers asked for on connecting have come
        for action, state in _control_actions():
            began = time.perf_counter()
            httpx.post(
                f"{server.url}/api/v1/classes/{server.code}/control",
                json={"action": action},
                headers={"Authorization": f"Bearer {server.token}"},
                timeout=10,
            ).raise_for_status()
            _wait(lambda s=state: all((i, s) in seen for i in range(CONTROL_GAMES)), 10)
            with lock:
                lags += [
                    (seen.get((i, state), float("inf")) - began) * 1000
                    for i in range(CONTROL_GAMES)
                ]
    finally:
        for link in links:
            link.stop()
        server.stop()
    lags.sort()
    if lags[-1] == float("inf"):
        raise RuntimeError("a game never saw the facilitator's change")
    p95 = lags[min(len(lags) - 1, int(0.95 * len(lags)))]
    return {"median": round(statistics.median(lags), 1), "p95": round(p95, 1)}


def _wait(done: Any, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not done():
        time.sleep(0.01)


def participants_ok(scenario: Path, folder: Path) -> int:
    server = _Server(scenario, str(folder / "crowd.sqlite"), "BENCH-200")
    barrier = threading.Barrier(PLAYERS_AT_ONCE)

    def one(n: int) -> bool:
        barrier.wait()
        try:
            with ClassClient(server.url, server.code, timeout=60) as client:
                run = take_part(client, f"Ramai {n:03d}", bot="random", patience_s=120)
            return run.result_reply.status == 201
        except Exception as exc:  # counted as not ok
            print(f"benchmarks: participant {n}: {exc}", file=sys.stderr)
            return False

    try:
        with ThreadPoolExecutor(PLAYERS_AT_ONCE) as pool:
            oks = list(pool.map(one, range(PLAYERS_AT_ONCE)))
        stored = open_store(server.db).count()
    finally:
        server.stop()
    return min(sum(oks), stored)


def measure() -> dict[str, Any]:
    """{"class_results_per_s", "class_update_ms", "class_control_to_player_ms",
    "class_participants_ok"}."""
    scenario = Path(largest_scenario().path)
    os.environ.setdefault("AGEN_CLASS_LOG", "error")
    with tempfile.TemporaryDirectory(prefix="agen-bench-class-") as tmp:
        folder = Path(tmp)
        return {
            "class_results_per_s": round(results_per_s(scenario, folder), 1),
            "class_update_ms": update_ms(scenario, folder),
            "class_control_to_player_ms": control_to_player_ms(scenario, folder),
            "class_participants_ok": participants_ok(scenario, folder),
        }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
