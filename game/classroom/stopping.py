"""Stopping the class server quietly, whatever is connected.

uvicorn stops on Ctrl+C by waiting for open connections, then cancelling them; an open
projector or control page holds a server-sent event stream that never ends by itself, so
every one of them was cancelled and printed a CancelledError traceback (about 110 lines).
``QuietStop`` wraps the app: when the process is asked to stop (SIGINT or SIGTERM, seen by
chaining uvicorn's own signal handlers once the app starts), every open stream is told the
client has gone (``http.disconnect``), the stream's response is completed, and the
connection closes in the ordinary way before uvicorn's grace period ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Awaitable, Callable, MutableMapping
from types import FrameType
from typing import Any

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]


class QuietStop:
    """ASGI middleware: end every open response cleanly once the server is stopping."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.stopping = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    def _chain_signals(self) -> None:
        """Run ``stop`` before the handler uvicorn installed for SIGINT and SIGTERM."""
        self._loop = asyncio.get_running_loop()
        self.stopping = asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            before = signal.getsignal(sig)
            if not callable(before):
                continue

            def handler(
                number: int, frame: FrameType | None, before: Callable[..., Any] = before
            ) -> None:
                self.stop()
                before(number, frame)

            with contextlib.suppress(ValueError):  # not the main thread: uvicorn has none either
                signal.signal(sig, handler)

    def stop(self) -> None:
        """Tell every open stream to end (callable from a signal handler)."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self.stopping.set)

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, self._lifespan_receive(receive), send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = {"started": False, "complete": False}

        async def tracked_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["started"] = True
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                state["complete"] = True
            await send(message)

        if scope.get("method") != "GET":  # a request with a body: not a stream
            await self.app(scope, receive, send)
            return
        await self.app(scope, self._until_stop(receive), tracked_send)
        if state["started"] and not state["complete"] and self.stopping.is_set():
            with contextlib.suppress(Exception):
                await send({"type": "http.response.body", "body": b"", "more_body": False})

    def _lifespan_receive(self, receive: Receive) -> Receive:
        async def wrapped() -> Message:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self._chain_signals()
            return message

        return wrapped

    def _until_stop(self, receive: Receive) -> Receive:
        """``receive``, except that once stopping it answers ``http.disconnect``."""

        async def wrapped() -> Message:
            if self.stopping.is_set():
                return {"type": "http.disconnect"}
            got = asyncio.ensure_future(receive())
            stop = asyncio.ensure_future(self.stopping.wait())
            try:
                await asyncio.wait({got, stop}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                stop.cancel()
            if got.done():
                return got.result()
            got.cancel()
            return {"type": "http.disconnect"}

        return wrapped
