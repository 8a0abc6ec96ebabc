"""Reading a class's server-sent events (``GET /api/v1/classes/{code}/live``), the stream the
projector pages hear: the game listens to it so that a facilitator's change (pause, resume,
a quarter opened, close, the timer) reaches the window as soon as the server commits it,
instead of at the next poll. Blocking and synchronous: one background thread reads it and
sleeps in the socket between events, so a quiet class costs nothing. No pygame here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx

# The server sends a keep-alive every 15 s (game.classroom.live.KEEPALIVE_S): a longer
# silence than this is a dead line (a laptop that left the wifi), and the reader reconnects.
READ_S = 40.0
CONNECT_S = 5.0


class Refused(Exception):
    """The server answered the stream with an error status (the response, read)."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(response.status_code)
        self.response = response


def events(http: httpx.Client, path: str, lang: str) -> Iterator[dict[str, Any] | None]:
    """Each ``snapshot`` event's data as a dict (an unreadable one is skipped), None for a
    keep-alive comment; returns when the server closes the stream."""
    timeout = httpx.Timeout(CONNECT_S, read=READ_S)
    headers = {"Accept": "text/event-stream", "Cache-Control": "no-cache"}
    with http.stream(
        "GET", path, params={"lang": lang}, headers=headers, timeout=timeout
    ) as response:
        if response.status_code >= 400:
            response.read()
            raise Refused(response)
        yield from parse(response.iter_lines())


def parse(lines: Iterator[str]) -> Iterator[dict[str, Any] | None]:
    """The SSE framing: ``event:`` and ``data:`` lines up to a blank line make one event;
    a line starting with ``:`` is a comment (the server's keep-alive)."""
    kind, data = "message", list[str]()
    for line in lines:
        if not line:
            if kind == "snapshot" and data:
                found = _json("\n".join(data))
                if found is not None:
                    yield found
            kind, data = "message", []
        elif line.startswith(":"):
            yield None
        else:
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if name == "event":
                kind = value
            elif name == "data":
                data.append(value)


def _json(text: str) -> dict[str, Any] | None:
    try:
        found = json.loads(text)
    except ValueError:
        return None
    return found if isinstance(found, dict) else None
