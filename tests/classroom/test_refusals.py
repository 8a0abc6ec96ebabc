"""Tampering over HTTP: each is refused with a clear message, and the store is unchanged."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from game.classlink.client import ClassClient, ClassRefused, Seat
from game.classlink.participant import fetch_scenario
from game.classroom.class_store import ClassStore
from game.classroom.refusal import Refusal, TooFast
from game.classroom.server_app import http_status
from game.classroom.tables import rate as rate_table
from game.engine import BOTS, Game, play_bot
from game.results.record import Origin, ResultRecord, record_from_game
from game.results.store import open_store
from game.scenario import load_scenario
from tests.classroom.server import Server, start_server
from tests.files import ROOT


def _record(
    client: ClassClient,
    seat: Seat,
    folder: Path,
    *,
    seed: int | None = None,
    origin: Origin | None = None,
    player: str | None = None,
    cohort: str | None = None,
    bot_seed: int = 3,
) -> ResultRecord:
    info = client.info()
    loaded = fetch_scenario(client, info, folder)
    game = play_bot(
        Game(loaded.compiled, info.seed if seed is None else seed), BOTS["random"], bot_seed
    )
    return record_from_game(
        game,
        loaded,
        player=player or seat.player,
        player_id=None,
        cohort=cohort or info.code,
        language="id",
        origin=origin,
    )


def _state(server: Server) -> tuple[int, str]:
    store = open_store(server.db)
    snap = httpx.get(f"{server.url}/api/v1/classes/{server.code}/snapshot").json()
    seats = json.dumps([(s["player"], s["turn_done"], s["done"]) for s in snap["seats"]])
    return store.count(), seats


def _post(
    server: Server, path: str, token: str | None, body: Any, lang: str = "en"
) -> httpx.Response:
    headers = {"Accept-Language": lang}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.post(
        f"{server.url}/api/v1/classes/{server.code}/{path}", json=body, headers=headers, timeout=30
    )


def test_tampered_results_are_refused_and_change_nothing(
    strict_server: Server, tmp_path: Path
) -> None:
    server = strict_server
    with ClassClient(server.url, server.code, language="en") as client:
        ayu = client.join("Ayu Tampering")
        budi = client.join("Budi Tampering")
        honest = _record(client, ayu, tmp_path)
        before = _state(server)
        edited = honest.to_json() | {"score": honest.score + 5}
        cases: list[tuple[str, Seat, dict[str, Any], str]] = [
            ("edited score", ayu, edited, "class.api.not_verified"),
            ("another seat's token", budi, honest.to_json(), "class.api.other_player"),
            (
                "another class",
                ayu,
                _record(client, ayu, tmp_path, cohort="KELAS-LAIN").to_json(),
                "class.api.other_class",
            ),
            (
                "another seed",
                ayu,
                _record(client, ayu, tmp_path, seed=99).to_json(),
                "class.api.other_seed",
            ),
            (
                "a bot's result",
                ayu,
                _record(
                    client, ayu, tmp_path, origin=Origin(tool="simulate", bot="random")
                ).to_json(),
                "class.api.bot",
            ),
        ]
        for what, seat, body, code in cases:
            reply = client.send_result(seat, body)
            assert (reply.status, reply.code) == (422, code), what
            assert reply.message and "{" not in reply.message, what
        # another scenario (version and file)
        other = load_scenario(ROOT / "tests" / "fixtures" / "format_example.toml")
        game = play_bot(Game(other.compiled, 2026), BOTS["passive"], 1)
        foreign = record_from_game(
            game, other, player=ayu.player, player_id=None, cohort=server.code, language="id"
        )
        reply = client.send_result(ayu, foreign.to_json())
        assert (reply.status, reply.code) == (422, "class.api.other_scenario")
        # no token, a made-up token
        for token in (None, "made-up-token"):
            response = _post(server, "results", token, honest.to_json())
            assert response.status_code == 401
            assert response.json()["code"] in ("class.api.no_token", "class.api.bad_token")
        # a body over 256 KB is refused before it is read
        big = honest.to_json() | {"player": "x" * (300 * 1024)}
        response = _post(server, "results", ayu.token, big)
        assert response.status_code == 413 and "256 KB" in response.json()["message"]
        # a name with control characters, in the asked language
        for name in ("Ayu\x07", "Budi\u202eilloh", "Citra\nDewi"):
            response = _post(server, "seats", None, {"player": name}, lang="id")
            assert response.status_code == 422
            assert (
                response.json()["message"]
                == "Nama tidak boleh kosong atau memuat karakter kendali."
            )
        response = _post(server, "seats", None, {"player": "Ayu", "members": ["ok", "b\x00d"]})
        assert response.status_code == 422
        assert _state(server) == before
        # the honest result is stored once; its twin is "already stored"
        assert client.send_result(ayu, honest.to_json()).status == 201
        assert client.send_result(ayu, honest.to_json()).status == 409
        second = _record(client, ayu, tmp_path, bot_seed=77)
        if second.key() != honest.key():
            assert client.send_result(ayu, second.to_json()).code == "class.api.one_result"
    assert open_store(server.db).count() == before[0] + 1


def test_progress_is_replayed_and_only_moves_forward(strict_server: Server, tmp_path: Path) -> None:
    server = strict_server
    with ClassClient(server.url, server.code, language="id") as client:
        seat = client.join("Citra Progres")
        info = client.info()
        loaded = fetch_scenario(client, info, tmp_path)
        game = Game(loaded.compiled, info.seed)
        rng = random.Random(5)
        BOTS["greedy"](game, rng)
        game.end_turn()
        one = [d.to_json() for d in game.decisions]
        BOTS["greedy"](game, rng)
        game.end_turn()
        two = [d.to_json() for d in game.decisions]
        unknown = [*one, {"turn": 1, "adopt": "tidak-ada"}]
        assert client.send_progress(seat, 1, unknown).code == "class.api.not_replayable"
        assert client.send_progress(seat, 1, [*one, {"turn": 2, "adopt": "x"}]).code == (
            "class.api.future_decision"
        )
        assert client.send_progress(seat, 1, one).status == 201
        assert client.send_progress(seat, 1, one).status == 409
        assert client.send_progress(seat, 2, two).status == 201
        reply = client.send_progress(seat, 1, one)
        assert (reply.status, reply.code) == (422, "class.api.went_back")
        assert "Kemajuan untuk triwulan 1 ditolak" in reply.message
        with pytest.raises(ClassRefused) as caught:
            client.send_progress(Seat(server.code, "nope", "x", None, ()), 1, one)
        assert caught.value.status == 401 and not caught.value.retry


def test_control_needs_the_token(strict_server: Server) -> None:
    url = f"{strict_server.url}/api/v1/classes/{strict_server.code}/control"
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        response = httpx.post(url, json={"action": "close"}, headers=headers)
        assert response.status_code == 401
    assert httpx.get(f"{strict_server.url}/class/{strict_server.code}/control").status_code == 401
    assert (
        httpx.get(f"{strict_server.url}/api/v1/classes/{strict_server.code}").json()["state"]
        == "open"
    )


def test_rate_limit_is_counted_in_the_store_for_every_process(tmp_path: Path) -> None:
    db = str(tmp_path / "rate.sqlite")
    here = ClassStore(open_store(db), rate=(3, 3600.0))
    there = ClassStore(open_store(db), rate=(3, 3600.0))  # another server process's view
    loaded = load_scenario(ROOT / "scenarios" / "tutorial.toml")
    here.create(loaded, "RATE", seed=1, language="en")
    room = here.room("RATE")
    seat, _ = here.join(room, "Ayu", None, ())
    other, _ = here.join(room, "Budi", None, ())
    here.count_request(seat.id)
    there.count_request(seat.id)
    here.count_request(seat.id)
    for store in (there, here):
        with pytest.raises(Refusal) as caught:
            store.count_request(seat.id)
        assert isinstance(caught.value, TooFast) and http_status(caught.value) == 429
        assert caught.value.code == "class.api.too_fast"
    there.count_request(other.id)  # another seat has its own count
    with here.writing() as conn:  # the seat's window ends: it may send again
        conn.execute(update(rate_table).values(since=rate_table.c.since - 3600.0))
    there.count_request(seat.id)


def test_results_count_against_the_rate_limit_refused_or_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A result is read and replayed before its one write, which also counts it; a refused
    # result is counted too, and a full window refuses before any replay.
    monkeypatch.setenv("AGEN_CLASS_RATE", "3/3600")
    server = start_server(str(tmp_path / "rate.sqlite"), "RATE-HASIL", "--allow-bots")
    try:
        with ClassClient(server.url, server.code, language="en") as client:
            ayu = client.join("Ayu Hasil")
            budi = client.join("Budi Hasil")
            good = _record(client, ayu, tmp_path).to_json()
            other_class = _record(client, ayu, tmp_path, cohort="KELAS-LAIN").to_json()
            replies = [client.send_result(ayu, body) for body in (other_class, good, good)]
            assert [(r.status, r.code) for r in replies] == [
                (422, "class.api.other_class"),
                (201, "class.api.stored"),
                (409, "class.api.already"),
            ]
            with pytest.raises(ClassRefused) as caught:
                client.send_result(ayu, good)
            assert (caught.value.status, caught.value.code) == (429, "class.api.too_fast")
            # the full window is the seat's own: another seat still sends its result
            assert client.send_result(budi, _record(client, budi, tmp_path).to_json()).status == 201
        assert open_store(server.db).count() == 2
    finally:
        server.stop()


def test_a_refused_result_says_why_in_the_participants_language(
    strict_server: Server, tmp_path: Path
) -> None:
    server = strict_server
    with ClassClient(server.url, server.code, language="id") as client:
        dewi = client.join("Dewi Bahasa")
        honest = _record(client, dewi, tmp_path)
    edited = honest.to_json() | {"score": honest.score + 5}
    before = _state(server)
    reply = _post(server, "results", dewi.token, edited, lang="id")
    assert reply.status_code == 422
    said = reply.json()["message"]
    assert "skor tidak cocok dengan keputusannya" in said and "does not match" not in said
    reply = _post(server, "results", dewi.token, {"bukan": "hasil"}, lang="id")
    assert "bukan berkas hasil: tidak ada kolom 'format'" in reply.json()["message"]
    reply = _post(server, "results", dewi.token, {"bukan": "hasil"}, lang="en")
    assert "not a result file: no 'format' field" in reply.json()["message"]
    assert _state(server) == before
