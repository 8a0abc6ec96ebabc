"""What stands before every request: a body-size limit (the per-seat rate limit is kept in
the store, shared by every server process: ``ClassStore.count_request``)."""

from __future__ import annotations

import json
from typing import Any

from game.classroom.api_text import ApiText
from game.classroom.refusal import TooLarge, pick_language

Scope = dict[str, Any]


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes is refused (TooLarge, answered
    with ``status``, which the app's table gives) and never parsed."""

    def __init__(self, app: Any, limit: int, status: int) -> None:
        self.app = app
        self.limit = limit
        self.status = status

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, send, headers)
            return
        body, more = bytearray(), True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.limit:
                await self._refuse(scope, send, headers)
                return
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if sent:
                message: dict[str, Any] = await receive()
                return message
            sent = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, send: Any, headers: dict[bytes, bytes]) -> None:
        lang = pick_language(headers.get(b"accept-language", b"").decode("latin-1"), "id")
        refusal = TooLarge(ApiText.TOO_LARGE, limit=self.limit // 1024)
        data = json.dumps(refusal.body(lang), ensure_ascii=False).encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": self.status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(data)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": data})
