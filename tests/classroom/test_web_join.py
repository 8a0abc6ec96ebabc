"""Joining the browser game over HTTP (a real class server, no browser): the same rules as
the window's join form, the seat cookie, and actions answered once per form key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from tests.classroom.server import Server, start_server

CODE = "PKA-WEB-J"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = str(tmp_path_factory.mktemp("webj") / "results.sqlite")
    running = start_server(db, CODE, "--lang", "en", "--predict", "off")
    yield running
    running.stop()


def _join(client: httpx.Client, name: str, **more: str) -> httpx.Response:
    return client.post(f"/p/{CODE}/join", data={"name": name, "nip": "", "members": "", **more})


def _error(page: httpx.Response) -> str:
    found = re.search(r'id="join-error">([^<]*)<', page.text)
    return found.group(1) if found else ""


def test_the_class_code_is_found_in_any_case(server: Server) -> None:
    page = httpx.get(f"{server.url}/p/pka-web-j", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == f"/p/{CODE}"
    missing = httpx.get(f"{server.url}/p/NOPE-1?lang=en")
    assert missing.status_code == 404 and "no class NOPE-1" in missing.text


def test_joining_sets_a_strict_httponly_seat_cookie_holding_only_the_token(server: Server) -> None:
    with httpx.Client(base_url=server.url) as client:
        answer = _join(client, "Ayu Lestari", nip="1990", members="Budi, Citra")
        assert answer.status_code == 303 and answer.headers["location"] == f"/p/{CODE}/briefing"
        cookie = answer.headers["set-cookie"]
        assert cookie.startswith("agen_seat=") and "HttpOnly" in cookie
        assert "SameSite=strict" in cookie and f"Path=/p/{CODE}" in cookie
        token = cookie.split(";")[0].split("=", 1)[1]
        assert re.fullmatch(r"[\w-]{20,}", token)  # the token, nothing else
        seat = httpx.get(
            f"{server.url}/api/v1/classes/{CODE}/snapshot", params={"lang": "en"}
        ).json()["seats"][0]
        assert seat["player"] == "Ayu Lestari" and seat["members"] == ["Budi", "Citra"]
        # the join page of a browser with a seat leads to the game
        again = client.get(f"/p/{CODE}", follow_redirects=False)
        assert again.headers["location"] == f"/p/{CODE}/play"


def test_the_window_join_rules_hold_with_a_clear_line(server: Server) -> None:
    with httpx.Client(base_url=server.url, cookies={"agen_lang": "en"}) as client:
        _join(client, "Rudi Hartono")  # and plays: the name is his from now on
        client.post(f"/p/{CODE}/act", data={"key": "r", "turn": "1", "kind": "end"})
    with httpx.Client(base_url=server.url, cookies={"agen_lang": "en"}) as client:
        taken = _join(client, "rudi  HARTONO")
        assert taken.status_code == 409 and "already taken" in _error(taken)
        control = _join(client, "Ru\u202edi")
        assert control.status_code == 422 and "control characters" in _error(control)
        empty = _join(client, "   ")
        assert empty.status_code == 422 and "Enter your name" in _error(empty)
        many = _join(client, "Tim Besar", members=",".join(f"A{i}" for i in range(13)))
        assert many.status_code == 422 and "at most 12" in _error(many)
        assert 'value="Tim Besar"' in many.text  # what was typed stays in the form
        assert "agen_seat" not in client.cookies


def test_an_action_is_applied_once_per_form_key_and_a_stale_page_is_refused(
    server: Server,
) -> None:
    with httpx.Client(base_url=server.url, cookies={"agen_lang": "en"}) as client:
        _join(client, "Sari Dewi")
        form = {"key": "k-1", "turn": "1", "kind": "adopt", "policy": "hybrid_work"}
        first = client.post(f"/p/{CODE}/act", data=form)
        second = client.post(f"/p/{CODE}/act", data=form)
        assert first.headers["location"] == second.headers["location"] == f"/p/{CODE}/play?k=k-1"
        page = client.get(f"/p/{CODE}/play?k=k-1").text
        assert "Adopted: " in page and 'id="actions-left">1<' in page
        end = {"key": "k-2", "turn": "1", "kind": "end"}
        assert client.post(f"/p/{CODE}/act", data=end).headers["location"].endswith("/report/1")
        stale = {"key": "k-3", "turn": "1", "kind": "end"}  # a page of quarter 1, seen again
        client.post(f"/p/{CODE}/act", data=stale)
        page = client.get(f"/p/{CODE}/play?k=k-3").text
        assert "out of date" in page and "Quarter 2 of 4" in page
        again = {"key": "k-4", "turn": "2", "kind": "adopt", "policy": "hybrid_work"}
        client.post(f"/p/{CODE}/act", data=again)
        assert "already in force" in client.get(f"/p/{CODE}/play?k=k-4").text
    progress = httpx.get(f"{server.url}/api/v1/classes/{CODE}/snapshot").json()["seats"]
    assert [s["turn_done"] for s in progress if s["player"] == "Sari Dewi"] == [1]


def test_a_closed_class_says_so_and_takes_no_action(server: Server) -> None:
    with httpx.Client(base_url=server.url, cookies={"agen_lang": "en"}) as client:
        _join(client, "Lina Marlina")
        assert server.control("close").status_code == 200
        assert 'id="closed"' in client.get(f"/p/{CODE}/play").text  # readable, and says so
        form = {"key": "c-1", "turn": "1", "kind": "adopt", "policy": "hybrid_work"}
        client.post(f"/p/{CODE}/act", data=form)
        refused = client.get(f"/p/{CODE}/play?k=c-1").text
        assert "closed" in refused.lower() and 'id="actions-left">2<' in refused
    with httpx.Client(base_url=server.url, cookies={"agen_lang": "en"}) as client:
        join = client.get(f"/p/{CODE}")
        assert "is closed" in join.text and 'id="join"' not in join.text
