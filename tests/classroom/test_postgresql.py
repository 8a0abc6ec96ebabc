"""Several server processes on one PostgreSQL store: a POST to one reaches a projector
served by another (AGEN_TEST_PG_URL, as .ci/run sets it; skipped visibly without it)."""

from __future__ import annotations

import json
import os
import queue
import secrets
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from game.classlink.client import ClassClient
from game.classlink.participant import take_part
from game.errors import ResultError
from game.results.store import open_store
from tests.classroom.server import Server, start_server


@pytest.fixture(scope="module")
def pg_url() -> str:
    url = os.environ.get("AGEN_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL class tests skipped: AGEN_TEST_PG_URL is not set")
    try:
        open_store(url).close()
    except ResultError as exc:
        pytest.skip(f"PostgreSQL class tests skipped: server unreachable ({exc})")
    return url


def _listen(url: str, events: queue.Queue[dict[str, Any]], stop: threading.Event) -> None:
    try:
        with httpx.stream("GET", url, timeout=httpx.Timeout(5.0, read=30.0)) as response:
            for line in response.iter_lines():
                if line.startswith("data: "):
                    events.put(json.loads(line[6:]))
                if stop.is_set():
                    return
    except httpx.HTTPError:  # the servers stop at the end of the test
        return


def _wait_for(
    events: queue.Queue[dict[str, Any]], player: str, turn_done: int, done: bool = False
) -> dict[str, Any]:
    while True:
        snap = events.get(timeout=20)
        if any(
            s["player"] == player and s["turn_done"] >= turn_done and s["done"] >= done
            for s in snap["seats"]
        ):
            return snap


@pytest.fixture()
def two_servers(pg_url: str) -> Iterator[tuple[Server, Server]]:
    code = f"PG-{secrets.token_hex(3)}"
    first = start_server(pg_url, code, "--allow-bots", "--workers", "2")
    second = start_server(pg_url, code, "--allow-bots", "--alongside")
    yield first, second
    first.stop()
    second.stop()


def test_a_post_to_one_process_reaches_the_projector_of_another(
    two_servers: tuple[Server, Server],
) -> None:
    first, second = two_servers
    events: queue.Queue[dict[str, Any]] = queue.Queue()
    stop = threading.Event()
    listener = threading.Thread(
        target=_listen,
        args=(f"{second.url}/api/v1/classes/{second.code}/live?lang=en", events, stop),
        daemon=True,
    )
    listener.start()
    assert events.get(timeout=20)["code"] == second.code  # the first snapshot
    with ClassClient(first.url, first.code, language="en") as client:
        seat = client.join("Hadi Postgres")
        _wait_for(events, "Hadi Postgres", 0)
        run = take_part(client, "Intan Postgres", bot="greedy")
    assert run.result_reply.status == 201 and seat.player == "Hadi Postgres"
    snap = _wait_for(events, "Intan Postgres", 4, done=True)
    assert [r["player"] for r in snap["board"]] == ["Intan Postgres"]
    stop.set()
    # both processes (the two workers of the first server too) see the same class
    for server in (first, second):
        info = httpx.get(f"{server.url}/api/v1/classes/{server.code}").json()
        assert info["state"] == "open"
    store = open_store(first.db)
    assert [s.record.player for s in store.results([first.code])] == ["Intan Postgres"]


def test_the_rate_limit_is_shared_by_every_process(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGEN_CLASS_RATE", "3/3600")  # 3 requests per seat per hour
    code = f"PG-RATE-{secrets.token_hex(3)}"
    first = start_server(pg_url, code, "--workers", "2")
    second = start_server(pg_url, code, "--alongside")
    try:
        seat = httpx.post(
            f"{first.url}/api/v1/classes/{code}/seats", json={"player": "Joko Cepat"}, timeout=10
        ).json()
        statuses = []
        for server in (first, second, first, second, first):
            reply = httpx.post(
                f"{server.url}/api/v1/classes/{code}/seats",
                json={"player": "Joko Cepat"},
                headers={"Authorization": f"Bearer {seat['token']}"},
                timeout=10,
            )
            statuses.append(reply.status_code)
        assert statuses == [201, 201, 201, 429, 429]
    finally:
        first.stop()
        second.stop()
