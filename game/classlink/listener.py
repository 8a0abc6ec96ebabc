"""The thread that listens to one class's live events for the game's link (see
:mod:`.listen` for the stream): it hands every event to the link and, when the line drops,
waits and connects again. It sleeps in the socket between events (no polling, no busy loop).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from game.classlink.client import ClassError

Heard = Callable[[dict[str, Any] | None, bool], None]  # (event or None: keep-alive, first)


class Listener:
    """One class's stream, read by a daemon thread until :meth:`stop`."""

    def __init__(
        self,
        make_client: Callable[..., Any],
        key: tuple[str, str, str],
        heard: Heard,
        lost: Callable[[], None],
        retry: float,
    ) -> None:
        self.key = key  # (base_url, code, language)
        self.make_client = make_client
        self.heard = heard
        self.lost = lost
        self.retry = retry
        self.connected = False  # an event arrived on the current connection
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="agen-class-live", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """End listening: the thread leaves at its next event or keep-alive (it is a daemon,
        so it never holds the program up)."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        """Whether :meth:`stop` was called."""
        return self._stop.is_set()

    def _run(self) -> None:
        base_url, code, lang = self.key
        while not self._stop.is_set():
            try:
                client = self.make_client(base_url, code, language=lang)
            except Exception:  # a bug must not end listening for good
                self._stop.wait(self.retry)
                continue
            try:
                self._read(client)
            except (ClassError, OSError):
                pass  # dropped or refused: the link polls meanwhile; try again later
            except Exception:
                pass
            finally:
                close = getattr(client, "close", None)
                if callable(close):
                    close()
                if self.connected:
                    self.connected = False
                    self.lost()
            self._stop.wait(self.retry)

    def _read(self, client: Any) -> None:
        for event in client.live():
            if self._stop.is_set():
                return
            first = not self.connected and event is not None
            if event is not None:
                self.connected = True
            self.heard(event, first)
