"""The class chooses the form: a short-form class (``--quarters``) and its prediction setting
(``--predict``), seats handed back to a participant who backed out while joining, and a
headless participant that leaves no temporary folder behind."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from game.classlink.client import ClassClient
from game.classlink.participant import fetch_scenario, take_part
from game.classroom.class_store import ClassStore
from game.classroom.refusal import Conflict, NotAllowed, Refusal
from game.classroom.server_app import http_status
from game.engine import BOTS, Game, play_bot
from game.results.record import Origin, record_from_game
from game.results.store import open_store
from game.scenario import load_scenario
from tests.classroom.server import Server, start_server
from tests.files import ROOT

DUKCAPIL = ROOT / "scenarios" / "dukcapil.toml"


@pytest.fixture(scope="module")
def short_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A class of dukcapil's short form (4 of 8 quarters), predictions at the first 2."""
    db = str(tmp_path_factory.mktemp("class") / "results.sqlite")
    server = start_server(
        db,
        "PKA-PENDEK",
        "--allow-bots",
        "--quarters",
        "4",
        "--predict",
        "first:2",
        "--lang",
        "en",
        scenario=DUKCAPIL,
    )
    yield server
    server.stop()


def test_a_short_form_class_is_played_short_and_never_ranked_with_full_games(
    short_server: Server, tmp_path: Path
) -> None:
    info = httpx.get(f"{short_server.url}/api/v1/classes/{short_server.code}").json()
    assert (info["quarters"], info["turns"], info["full_turns"]) == (4, 4, 8)
    assert info["predict_first"] == 2
    assert "Short form: 4 of 8" in short_server.output
    assert "Versi pendek: 4 dari 8" in short_server.output
    with ClassClient(short_server.url, short_server.code, language="en") as client:
        assert (client.info().quarters, client.info().predict_first) == (4, 2)
        run = take_part(client, "Ayu Pendek", bot="greedy")
        assert run.result_reply.status == 201
        assert run.record.quarters == 4 and run.record.turns_played <= 4
        # a full game of the same scenario and seed is refused: another form
        seat = client.join("Budi Penuh")
        loaded = fetch_scenario(client, client.info(), tmp_path)
        game = play_bot(Game(loaded.compiled, info["seed"]), BOTS["random"], 5)
        full = record_from_game(
            game,
            loaded,
            player="Budi Penuh",
            player_id=None,
            cohort=short_server.code,
            language="en",
            origin=Origin(tool="simulate", bot="random"),
        )
        refused = client.send_result(seat, full.to_json())
        assert refused.status == 422 and refused.code == "class.api.other_form"
    store = open_store(short_server.db)
    assert [r.player for r in store.leaderboard(None, short_server.code, short=True)] == [
        "Ayu Pendek"
    ]
    assert store.leaderboard(None, short_server.code) == []  # never among full games
    snap = httpx.get(f"{short_server.url}/api/v1/classes/{short_server.code}/snapshot").json()
    assert [r["player"] for r in snap["board"]] == ["Ayu Pendek"]
    assert snap["turns"] == 4 and snap["quarters"] == 4
    page = httpx.get(f"{short_server.url}/class/{short_server.code}?lang=en").text
    assert "Short form: 4 of 8 quarters" in page
    page = httpx.get(f"{short_server.url}/class/{short_server.code}?lang=id").text
    assert "Versi pendek: 4 dari 8 triwulan" in page
    debrief = httpx.get(
        f"{short_server.url}/class/{short_server.code}/debrief?lang=en", timeout=300
    ).text
    assert "Short form: 4 of 8 quarters" in debrief
    assert "Predictions: the first 2 adoptions of a game" in debrief


def _serve(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "game", "class", "serve", *args, "--port", "1"]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_a_form_the_scenario_does_not_offer_is_refused_with_one_line(tmp_path: Path) -> None:
    done = _serve(str(DUKCAPIL), "--code", "X", "--quarters", "3", "--db", str(tmp_path / "a"))
    assert done.returncode == 2
    assert "--quarters 3: 'dukcapil' offers [4, 8] turns" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "a").exists()
    done = _serve(str(DUKCAPIL), "--code", "X", "--predict", "some", "--db", str(tmp_path / "b"))
    assert done.returncode == 2 and "--predict some: use all, off, first:N" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_same_class_code_cannot_change_its_form(tmp_path: Path) -> None:
    classes = ClassStore(open_store(str(tmp_path / "r.sqlite")))
    loaded = load_scenario(DUKCAPIL)
    classes.create(loaded, "FORM", seed=1, language="id", quarters=4)
    classes.create(loaded, "FORM", seed=1, language="id", quarters=4, predict_first=0)
    assert classes.room("FORM").predict_first == 0  # the setting may change on a restart
    with pytest.raises(Exception, match="choose another code"):
        classes.create(loaded, "FORM", seed=1, language="id")


def test_backing_out_while_joining_gives_the_untouched_seat_back(tmp_path: Path) -> None:
    classes = ClassStore(open_store(str(tmp_path / "seats.sqlite")))
    classes.create(
        load_scenario(ROOT / "scenarios" / "tutorial.toml"), "SEAT", seed=1, language="id"
    )
    room = classes.room("SEAT")
    first, lost = classes.join(room, "Ayu Lestari", "1987", ())
    again, token = classes.join(room, "ayu lestari", "1987", ("Budi",))
    assert again.id == first.id and token != lost
    assert [s.id for s in classes.seats("SEAT")] == [first.id]  # no second seat
    with pytest.raises(Refusal) as caught:
        classes.seat_by_token("SEAT", lost)  # the lost token no longer works
    assert isinstance(caught.value, NotAllowed) and http_status(caught.value) == 401
    with pytest.raises(Refusal) as caught:  # another NIP is another person
        classes.join(room, "Ayu Lestari", "1999", ())
    assert isinstance(caught.value, Conflict) and http_status(caught.value) == 409
    assert caught.value.code == "class.api.name_taken"
    seat = classes.seat_by_token("SEAT", token)
    classes.save_progress(seat, 1, [])
    with pytest.raises(Refusal) as caught:  # a seat that has played is never handed over
        classes.join(room, "Ayu Lestari", "1987", ())
    assert http_status(caught.value) == 409
    assert classes.seat_by_token("SEAT", token).turn_done == 1


def test_a_headless_participant_leaves_no_temporary_folder(
    bots_server: Server, tmp_path: Path
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    cmd = [sys.executable, "-m", "game", "simulate", "--join", bots_server.url]
    cmd += ["--code", bots_server.code, "--player", "Sementara", "--bot", "random"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "201" in done.stdout
    assert list(temp.iterdir()) == []


def test_the_report_of_a_live_class_finds_the_scenario_the_class_stored(tmp_path: Path) -> None:
    # the facilitator's own copy differs from the shipped file (same id and version) and is
    # gone after class: only the class's stored bytes can replay its results
    own = tmp_path / "own" / "tutorial.toml"
    own.parent.mkdir()
    text = (ROOT / "scenarios" / "tutorial.toml").read_text(encoding="utf-8")
    own.write_text(text + "\n# the facilitator's copy\n", encoding="utf-8")
    loaded = load_scenario(own)
    db = str(tmp_path / "class.sqlite")
    classes = ClassStore(open_store(db))
    classes.create(loaded, "LAPOR", seed=7, language="id", allow_bots=True)
    room = classes.room("LAPOR")
    for i, name in enumerate(("Ayu", "Budi", "Citra")):
        seat, _ = classes.join(room, name, None, ())
        game = play_bot(Game(loaded.compiled, 7), BOTS["random"], i)
        record = record_from_game(
            game,
            loaded,
            player=name,
            player_id=None,
            cohort="LAPOR",
            language="id",
            origin=Origin(tool="simulate", bot="random"),
        )
        assert classes.save_result(seat, record)
    classes.store.close()
    own.unlink()
    out = tmp_path / "report"
    cmd = [sys.executable, "-m", "game", "results", "report", "--cohort", "LAPOR"]
    cmd += ["--out", str(out), "--db", db]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (out / "index.html").is_file() and "Ayu" in (out / "index.html").read_text("utf-8")
