"""Live updates: each server process polls the store's change feed and wakes its listeners.

A participant's POST may reach any process (``--workers N``); its change row reaches every
process's poller within one interval, and each open projector page gets a fresh snapshot
as a server-sent event. A change this very process committed wakes its poller at once
(no interval to wait). The poller only runs queries for classes someone is watching, and
builds each snapshot once per change and language for all its listeners.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

from starlette.concurrency import run_in_threadpool

from game.classroom.class_store import ClassStore
from game.classroom.snapshot import snapshot

POLL_S = 0.15
MIN_GAP_S = 0.1  # never poll (and so build snapshots) more often than this, woken or not
KEEPALIVE_S = 15.0


class Feed:
    """The change feed as seen by one process."""

    def __init__(self, classes: ClassStore, interval: float = POLL_S) -> None:
        self.classes = classes
        self.interval = interval
        self.versions: dict[str, int] = {}
        self.watchers: dict[str, int] = {}
        self._changed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._cache: dict[tuple[str, str], tuple[int, str]] = {}
        self._kick = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        classes.on_change.append(self._changed_here)

    def _changed_here(self, code: str) -> None:
        """A change committed by this process (any thread): poll now if someone watches."""
        loop = self._loop
        if loop is not None and self.watchers.get(code, 0) > 0:
            loop.call_soon_threadsafe(self._kick.set)

    def start(self) -> None:
        """Start polling (inside the running event loop)."""
        self._changed = asyncio.Event()
        self._kick = asyncio.Event()
        self._loop = asyncio.get_running_loop()
        self._task = self._loop.create_task(self._poll())

    async def stop(self) -> None:
        """Stop polling."""
        self._loop = None
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task

    async def _poll(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            began = loop.time()
            codes = [c for c, n in self.watchers.items() if n > 0]
            if codes:
                try:
                    latest = await run_in_threadpool(self.classes.latest_changes, codes)
                except Exception:  # a busy or restarting database: try again next time
                    latest = {}
                if any(self.versions.get(c, 0) != v for c, v in latest.items()):
                    self.versions.update(latest)
                    event, self._changed = self._changed, asyncio.Event()
                    event.set()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._kick.wait(), self.interval)
            self._kick.clear()
            # A burst of moves (60 participants at once) wakes the poller at every change:
            # one snapshot per gap carries them all, and leaves the processor to the moves.
            rest = MIN_GAP_S - (loop.time() - began)
            if rest > 0:
                await asyncio.sleep(rest)

    async def render(self, code: str, lang: str, version: int) -> str:
        """The snapshot as JSON text, built once per change for all listeners of a process."""
        cached = self._cache.get((code, lang))
        if cached is not None and cached[0] == version:
            return cached[1]
        data: dict[str, Any] = await run_in_threadpool(snapshot, self.classes, code, lang)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        self._cache[(code, lang)] = (max(version, int(data["version"])), text)
        return text

    async def events(self, code: str, lang: str) -> AsyncIterator[str]:
        """Server-sent events for one listener: a snapshot now and after every change."""
        self.watchers[code] = self.watchers.get(code, 0) + 1
        try:
            sent = -1
            version = await run_in_threadpool(self.classes.last_change, code)
            self.versions[code] = max(self.versions.get(code, 0), version)
            while True:
                version = self.versions.get(code, 0)
                if version != sent:
                    text = await self.render(code, lang, version)
                    sent = version
                    yield f"id: {version}\nevent: snapshot\ndata: {text}\n\n"
                    continue
                waiter = self._changed
                try:
                    await asyncio.wait_for(waiter.wait(), KEEPALIVE_S)
                except asyncio.TimeoutError:
                    yield ": keep-alive\n\n"
        finally:
            self.watchers[code] -= 1
