"""Browser seats on a class server of several worker processes: every request may reach
another process, and each seat's game is rebuilt from the store, so whole games played at
once through the play forms end with one stored result each, equal to a replay of the
seat's own actions. SQLite always; PostgreSQL when AGEN_TEST_PG_URL is set (as .ci/run).
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from game.engine import Adopt, Game, replay
from game.engine.actions import Decision
from game.results.store import open_store
from game.scenario import load_scenario
from tests.classroom.server import Server, start_server
from tests.files import TUTORIAL

SEATS = 6
FORM = re.compile(r'<form method="post" action="[^"]+" class="act[^"]*">(.*?)</form>', re.S)
FIELD = re.compile(r'name="(\w+)" value="([^"]*)"')


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("webw") / "results.sqlite")
    else:
        db = os.environ.get("AGEN_TEST_PG_URL", "")
        if not db:
            pytest.skip("PostgreSQL browser-seat test skipped: AGEN_TEST_PG_URL is not set")
    code = f"PKA-WEB-W{secrets.token_hex(2).upper()}"
    os.environ["AGEN_CLASS_RATE"] = "1000/1"  # six seats from one test machine
    try:
        running = start_server(db, code, "--workers", "2", "--predict", "off")
    finally:
        del os.environ["AGEN_CLASS_RATE"]
    yield running
    running.stop()


def _forms(page: str) -> list[dict[str, str]]:
    return [dict(FIELD.findall(body)) for body in FORM.findall(page)]


def _play(url: str, code: str, name: str) -> list[str]:
    """A whole game through the play forms: answer each event with its first open choice,
    adopt the first open policy each quarter, end the quarter. Returns what was adopted."""
    adopted: list[str] = []
    with httpx.Client(
        base_url=url, follow_redirects=True, timeout=60, cookies={"agen_lang": "en"}
    ) as client:
        client.post(f"/p/{code}/join", data={"name": name})
        for _ in range(40):
            page = client.get(f"/p/{code}/play")
            if "/report/" in str(page.url):
                return adopted
            forms = _forms(page.text)
            choose = [f for f in forms if f.get("kind") == "choose"]
            if choose:
                client.post(f"/p/{code}/act", data=choose[0])
                continue
            adopt = [f for f in forms if f.get("kind") == "adopt"]
            if adopt and "Adopted" in client.post(f"/p/{code}/act", data=adopt[0]).text:
                adopted.append(adopt[0]["policy"])
            end = next(f for f in _forms(client.get(f"/p/{code}/play").text) if f["kind"] == "end")
            client.post(f"/p/{code}/act", data=end)
    raise AssertionError(f"{name}: the game did not end")


def test_whole_games_on_two_workers_store_one_result_each(server: Server) -> None:
    names = [f"Peserta {i:02d}" for i in range(SEATS)]
    with ThreadPoolExecutor(SEATS) as pool:
        played = dict(zip(names, pool.map(lambda n: _play(server.url, server.code, n), names)))
    store = open_store(server.db)
    records = {r.record.player: r.record for r in store.results([server.code])}
    store.close()
    assert sorted(records) == names
    compiled = load_scenario(TUTORIAL).compiled
    for name, record in records.items():
        decisions = [Decision.from_json(d) for d in record.decisions]
        assert [d.action.policy for d in decisions if isinstance(d.action, Adopt)] == played[name]
        game: Game = replay(compiled, record.seed, decisions)
        assert game.outcome is not None and game.outcome.score == record.score
        assert record.origin is not None and record.origin.label() == "browser"
