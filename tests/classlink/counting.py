"""The real class client, counting the link's polls: shared by the live-link tests."""

from __future__ import annotations

import threading

from game.classlink.client import ClassClient, ClassInfo


class Counting(ClassClient):
    """The real client, counting the link's polls (GET /classes/{code})."""

    polls = 0
    lock = threading.Lock()

    def info(self) -> ClassInfo:
        with Counting.lock:
            Counting.polls += 1
        return super().info()
