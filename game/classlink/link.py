"""The game's line to a live class: one background thread that sends the outbox and watches
the class (paused, closed, which quarter is open, the quarter timer), so the window never
waits on the network.

Watching is listening: a second thread (:mod:`.listener`) reads the class's server-sent
events, the stream the projector pages hear, so a facilitator's change reaches the game as
soon as the server commits it (well within 2 s), and a quiet class costs no request at all.
Listening beats polling fast: a class of 40 polling every second is 40 requests a second on
the facilitator's laptop and 40 laptops waking every second, and a change still waits up to a
second. While the stream is down (not connected yet, a dropped wifi) the link polls every
``POLL_UNHEARD`` seconds instead, and every ``RETRY`` seconds while a server does not answer.

The sending thread sleeps on an event between passes: it wakes when the game queues
something, when the stream brings news (an item the server said "later" to may go now), and
for the polls above; with nothing to do it sleeps until woken. When what the game shows would
change it calls ``notify`` (the app turns that into a pygame event), so the frame loop never
polls. No pygame here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from game.classlink.client import ClassClient, ClassInfo, ClassRefused, ClassUnreachable, Seat
from game.classlink.listener import Listener
from game.classlink.outbox import Outbox, OutboxItem, Outcome
from game.session import JoinedClass

POLL_UNHEARD = 1.0  # seconds between class checks while the live stream is not connected
POLL_HEARD = 60.0  # a check now and then even while listening (a stream that went quiet)
RETRY = 4.0  # seconds before trying an unreachable server (or its stream) again

ClientFactory = Callable[..., Any]


@dataclass(frozen=True)
class LinkState:
    """What the game knows about its class; replaced whole, so the UI reads it lock-free."""

    online: bool | None = None  # None: not asked yet
    info: ClassInfo | None = None
    pending: int = 0  # items for this class still in the outbox


class ClassLink:
    """The background sender and watcher of one game (one app)."""

    def __init__(
        self,
        outbox: Outbox,
        notify: Callable[[], None],
        language: Callable[[], str],
        make_client: ClientFactory = ClassClient,
    ) -> None:
        self.outbox = outbox
        self.notify = notify
        self.language = language
        self.make_client = make_client
        self.state = LinkState(pending=0)
        self.joined: JoinedClass | None = None
        self.waiting = False  # the player waits for the facilitator (set_waiting)
        self.play_on = False  # offline: the player chose not to wait for the facilitator
        self.refusals: list[str] = []  # reasons the server gave, for the UI to show once
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_info = float("-inf")
        self._lock = threading.Lock()
        self._clients: dict[tuple[str, str, str], Any] = {}  # used by the thread only
        self._listener: Listener | None = None  # the class's live stream (set by the thread)

    # -- the game's side ----------------------------------------------------------------

    def attach(self, joined: JoinedClass | None, info: ClassInfo | None = None) -> None:
        """The class the current game belongs to (None: a game outside any class), with what
        is already known of it."""
        if joined != self.joined:
            self.joined = joined
            self.state = LinkState(online=None if info is None else True, info=info)
            self.state = replace(self.state, pending=self._pending())
            self._last_info = float("-inf") if info is None else time.monotonic()
            self.play_on = False
        self.start()

    def queue(self, item: OutboxItem) -> None:
        """Put an item in the outbox (saved at once) and wake the sender."""
        try:
            self.outbox.add(item)
        finally:
            self.start()

    def set_waiting(self, waiting: bool) -> None:
        """The player waits for the facilitator (ask once at once) or plays again."""
        if waiting and not self.waiting:
            self._last_info = float("-inf")  # ask at once
            self.waiting = True
            self._wake.set()
        self.waiting = waiting

    def take_refusals(self) -> list[str]:
        """The reasons for refused items since the last call."""
        with self._lock:
            out, self.refusals = self.refusals, []
        return out

    def start(self) -> None:
        """Run the thread (if it is not running) and wake it."""
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="agen-class", daemon=True)
            self._thread.start()
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """End the thread (what is still queued stays in the outbox file)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()

    @property
    def listening(self) -> bool:
        """Whether the class's live stream is connected (news arrives without polling)."""
        listener = self._listener
        return listener is not None and listener.connected

    @property
    def running(self) -> bool:
        """Whether the thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    # -- the thread ---------------------------------------------------------------------

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self._wake.clear()
                try:
                    delay = self._pass()
                except Exception:  # a bug here must not end class mode for good
                    delay = RETRY
                if self._stop.is_set():
                    return
                self._wake.wait(delay)
        finally:
            self._close_clients()

    def _pass(self) -> float | None:
        """One round of sending and watching; return how long to sleep (None: until woken)."""
        joined = self.joined
        self._listen(joined)
        current = (joined.base_url, joined.code) if joined is not None else None
        online = self.state.online
        report = self.outbox.deliver(self._send, first=current)
        if report.refused:
            with self._lock:
                self.refusals += [r.message for r in report.refused]
        if current is not None and current in report.later:
            online = True
        if current is not None and report.delivered and current not in report.unreachable:
            online = True
        if current is not None and current in report.unreachable:
            online = False
        info = None
        now = time.monotonic()
        if joined is not None and now - self._last_info >= self._poll_every(online):
            self._last_info = now
            try:
                info = self._client(joined.base_url, joined.code).info()
                online = True
            except ClassUnreachable:
                online = False
            except ClassRefused:
                pass  # e.g. the class was removed: keep what we knew
        if self._update(joined, online, info) or report.refused:
            self.notify()
        if joined is None and not self.outbox.items():
            return None
        waits = [RETRY] if report.unreachable or report.later else []
        if joined is not None:
            waits.append(self._poll_every(online))
        return min(waits) if waits else None

    def _update(
        self, joined: JoinedClass | None, online: bool | None, info: ClassInfo | None
    ) -> bool:
        """Take what a pass learnt (``info``: a fresh answer, or None); whether the game's
        view changed. A same-saying answer keeps the old one, so the window is not redrawn."""
        with self._lock:
            if self.joined is not joined:
                return False
            before = self.state
            known = before.info
            if info is not None and (known is None or known.news(info)):
                known = info
            self.state = LinkState(online, known, self._pending())
            return self.state != before

    def _poll_every(self, online: bool | None) -> float:
        if online is False:
            return RETRY
        return POLL_HEARD if self.listening else POLL_UNHEARD

    # -- listening ------------------------------------------------------------------------

    def _listen(self, joined: JoinedClass | None) -> None:
        """Listen to the current class's stream (and only to it)."""
        key = None if joined is None else (joined.base_url, joined.code, self.language())
        old = self._listener
        if old is not None and (old.key != key or old.stopped):
            old.stop()
            self._listener = None
        if key is None or self._listener is not None:
            return
        if callable(getattr(self._client(key[0], key[1]), "live", None)):
            self._listener = Listener(
                self.make_client, key, lambda e, f: self._heard(key, e, f), self._lost, RETRY
            )

    def _heard(self, key: tuple[str, str, str], event: dict[str, Any] | None, first: bool) -> None:
        """An event on the stream (listener thread). The first one after connecting may be an
        old snapshot (the server keeps one per change), so it only makes the sender ask afresh;
        later ones carry the class's state as the change left it."""
        listener = self._listener
        if listener is None or listener.key != key or event is None:
            return
        if first:
            self._last_info = float("-inf")
            self._wake.set()
            return
        with self._lock:
            known = self.state.info
            if known is None or self.joined is None:
                return
            try:
                heard = known.heard(event, time.monotonic())
            except ValueError:
                return  # a snapshot that does not say it plainly: the next poll will
            if not known.news(heard) and self.state.online:
                return
            self.state = replace(self.state, online=True, info=heard)
        self.notify()
        self._wake.set()  # what the server said "later" to may go now

    def _lost(self) -> None:
        """The stream dropped: poll until it is back."""
        self._last_info = float("-inf")
        self._wake.set()

    def _pending(self) -> int:
        joined = self.joined
        return 0 if joined is None else self.outbox.pending_for(joined.base_url, joined.code)

    def _client(self, base_url: str, code: str) -> Any:
        key = (base_url, code, self.language())
        client = self._clients.get(key)
        if client is None:
            client = self.make_client(base_url, code, language=key[2])
            self._clients[key] = client
        return client

    def _close_clients(self) -> None:
        for client in self._clients.values():
            close = getattr(client, "close", None)
            if callable(close):
                close()
        self._clients = {}

    def _send(self, item: OutboxItem) -> tuple[Outcome, str]:
        client = self._client(item.base_url, item.code)
        seat = Seat(item.code, item.token, "", None, ())
        try:
            if item.kind == "progress":
                reply = client.send_progress(seat, item.turn, list(item.body.get("decisions", [])))
            else:
                reply = client.send_result(seat, item.body)
        except ClassUnreachable:
            return Outcome.UNREACHABLE, ""
        except ClassRefused as exc:  # "not now" (paused, quarter not open, busy) or "never"
            return (
                (Outcome.LATER, "")
                if exc.retry
                else (Outcome.REFUSED, exc.message(self.language()))
            )
        if reply.stored:
            return Outcome.DELIVERED, ""
        return Outcome.REFUSED, reply.message
