"""A whole class over real HTTP: 40 headless participants join, play and submit at once."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import httpx

from game.classlink.client import ClassClient
from game.classlink.participant import Participation, take_part
from game.results.store import open_store
from tests.classroom.server import Server
from tests.files import ROOT


def _one(server: Server, n: int) -> Participation:
    with ClassClient(server.url, server.code, language="en", timeout=30) as client:
        return take_part(client, f"Peserta {n:02d}", bot="random" if n % 2 else "greedy")


def test_forty_participants_are_verified_and_ranked(bots_server: Server) -> None:
    with ThreadPoolExecutor(40) as pool:
        runs = list(pool.map(lambda n: _one(bots_server, n), range(40)))
    assert [r.result_reply.status for r in runs] == [201] * 40
    assert all(reply.status == 201 for r in runs for reply in r.replies)
    store = open_store(bots_server.db)
    stored = store.results([bots_server.code])
    assert len(stored) == 40
    assert {s.record.key() for s in stored} == {r.record.key() for r in runs}
    board = store.leaderboard(None, bots_server.code, limit=100)
    assert len(board) == 40
    assert [row.score for row in board] == sorted((r.record.score for r in runs), reverse=True)
    # the same leaderboard through the facilitator's command line
    out = subprocess.run(
        [
            *(sys.executable, "-m", "game", "results", "leaderboard"),
            *("--cohort", bots_server.code, "--db", bots_server.db, "--limit", "100"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert all(f"Peserta {n:02d}" in out.stdout for n in range(40))
    snap = httpx.get(f"{bots_server.url}/api/v1/classes/{bots_server.code}/snapshot").json()
    assert snap["counts"]["done"] >= 40
    assert snap["choices"] and snap["choices"][0]["quarter"] == 1


def test_a_result_sent_twice_is_stored_once(bots_server: Server) -> None:
    with ClassClient(bots_server.url, bots_server.code, language="id") as client:
        run = take_part(client, "Dua Kali", bot="passive")
        again = client.send_result(run.seat, run.record.to_json())
        progress_again = client.send_progress(run.seat, 1, [])
    assert run.result_reply.status == 201
    assert (again.status, again.code) == (409, "class.api.already")
    assert again.message == "Sudah tersimpan sebelumnya."
    assert progress_again.status == 409


def test_simulate_join_plays_through_the_command_line(bots_server: Server) -> None:
    out = subprocess.run(
        [
            *(sys.executable, "-m", "game", "simulate", "--join", bots_server.url),
            *("--code", bots_server.code, "--player", "Lewat CLI", "--bot", "greedy", "--json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert answer["status"] == 201 and answer["player"] == "Lewat CLI"
    stored = open_store(bots_server.db).results([bots_server.code])
    mine = [s.record for s in stored if s.record.player == "Lewat CLI"]
    assert len(mine) == 1 and mine[0].origin is not None and mine[0].origin.bot == "greedy"
    assert mine[0].score == answer["score"]


def test_class_packages_import_without_pygame() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('pygame', 'pygame_gui'):\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import importlib, pkgutil, game.classroom, game.classlink\n"
        "for c in (game.classroom, game.classlink):\n"
        "    for info in pkgutil.walk_packages(c.__path__, c.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "import game.cli.classroom\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
