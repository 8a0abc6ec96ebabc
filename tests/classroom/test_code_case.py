"""A class code is case-insensitive everywhere: the API, the pages, joining, sending a result."""

from __future__ import annotations

import httpx

from game.classlink.client import ClassClient
from game.classlink.participant import take_part
from tests.classroom.server import Server


def test_any_case_reaches_the_class(bots_server: Server) -> None:
    lower = bots_server.code.lower()
    assert lower != bots_server.code
    answer = httpx.get(f"{bots_server.url}/api/v1/classes/{lower}")
    assert answer.status_code == 200 and answer.json()["code"] == bots_server.code
    page = httpx.get(f"{bots_server.url}/class/{lower}")
    assert page.status_code == 200 and bots_server.code in page.text
    with ClassClient(bots_server.url, lower, language="en") as client:
        done = take_part(client, "Huruf Kecil", bot="greedy")
    assert done.record is not None and done.record.cohort == bots_server.code
    assert all(reply.status in (200, 201) for reply in done.replies)
    seats = httpx.get(f"{bots_server.url}/api/v1/classes/{lower}/snapshot").json()["seats"]
    assert "Huruf Kecil" in [s["player"] for s in seats]
    assert httpx.get(f"{bots_server.url}/api/v1/classes/NO-SUCH").status_code == 404
