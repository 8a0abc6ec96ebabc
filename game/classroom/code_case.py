"""Class codes are case-insensitive everywhere: ``/class/pka-ii-2026`` is class PKA-II-2026.

One ASGI middleware before every route: the code in a class path (``/api/v1/classes/CODE``,
``/class/CODE``, ``/p/CODE``) is replaced by the class's own spelling, so every route, page
and query below sees one spelling only. Codes never change once made, so the spellings are
kept in memory and the store is read again only for a code not seen yet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, unquote

PATHS = re.compile(r"^(/api/v1/classes/|/class/|/p/)([^/]+)(.*)$", re.DOTALL)


class CodeCase:
    """ASGI middleware: a class path's code in the class's own spelling."""

    def __init__(self, app: Any, codes: Callable[[], list[str]]) -> None:
        self.app = app
        self.codes = codes
        self.spelling: dict[str, str] = {}

    def _own(self, typed: str) -> str | None:
        key = typed.casefold()
        if key not in self.spelling:
            self.spelling = {c.casefold(): c for c in self.codes()}
        return self.spelling.get(key)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] in ("http", "websocket"):
            found = PATHS.match(scope.get("path", ""))
            if found is not None:
                typed = unquote(found.group(2))
                own = self._own(typed)
                if own is not None and own != typed:
                    path = found.group(1) + own + found.group(3)
                    if found.group(1) == "/p/" and scope.get("method") == "GET":
                        # the play pages move to the class's spelling: the seat cookie's path
                        # is the code as the class spells it, and a browser compares it exactly
                        await _see_other(send, quote(path), scope.get("query_string", b""))
                        return
                    scope = {**scope, "path": path, "raw_path": quote(path).encode("ascii")}
        await self.app(scope, receive, send)


async def _see_other(send: Any, path: str, query: bytes) -> None:
    """A 303 to ``path`` (with the request's query string)."""
    location = path + ("?" + query.decode("latin-1") if query else "")
    headers = [(b"location", location.encode("latin-1")), (b"content-length", b"0")]
    await send({"type": "http.response.start", "status": 303, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
