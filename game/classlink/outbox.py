"""What the game could not send to the class server yet: a queue kept in one JSON file.

The game adds each turn's progress and the final result file to the outbox before it tries
to send anything, so a dropped network, a stopped server or a closed laptop loses nothing:
whatever is still in the file is sent, oldest first, when the server answers again. An item
leaves the outbox only when the server has answered for it: "stored" and "already stored"
both mean delivered (the server keeps each item once, so sending it again after a lost
answer is harmless), "refused" means it will never be stored and is dropped with its reason.

The file is rewritten atomically after every change. No network code and no pygame here:
``deliver`` takes the function that sends one item, so the queue is tested on its own.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Literal

from game.atomic import write_text_atomic

OUTBOX_FORMAT = 1
Kind = Literal["progress", "result"]


class Outcome(Enum):
    """What became of one attempt to send an item."""

    DELIVERED = "delivered"  # 201 stored or 409 already stored
    REFUSED = "refused"  # the server will never store it (422 and the like)
    UNREACHABLE = "unreachable"  # no answer: keep it and try again later
    LATER = "later"  # the server answered "not now" (paused, quarter not open): keep it


@dataclass(frozen=True)
class OutboxItem:
    """One message for one seat of one class."""

    base_url: str
    code: str
    token: str
    kind: Kind
    turn: int
    body: dict[str, Any] = field(hash=False, compare=False)

    @property
    def key(self) -> tuple[str, str, str, str, int]:
        """What makes it the same item: the seat, the kind and the turn."""
        return (self.base_url, self.code, self.token, self.kind, self.turn)

    @property
    def server(self) -> tuple[str, str]:
        """The class it goes to."""
        return (self.base_url, self.code)

    @staticmethod
    def from_json(data: Any) -> OutboxItem | None:
        """An item read back from the file, or None when the entry is damaged."""
        try:
            kind = data["kind"]
            if kind not in ("progress", "result") or not isinstance(data["body"], dict):
                return None
            turn = data["turn"]
            if not isinstance(turn, int) or isinstance(turn, bool):
                return None
            return OutboxItem(
                str(data["base_url"]),
                str(data["code"]),
                str(data["token"]),
                kind,
                turn,
                data["body"],
            )
        except (KeyError, TypeError):
            return None


@dataclass(frozen=True)
class Refusal:
    """An item the server refused, with its reason (in the player's language)."""

    item: OutboxItem
    message: str


@dataclass
class Delivery:
    """What one ``deliver`` pass did."""

    delivered: int = 0
    refused: list[Refusal] = field(default_factory=list)
    unreachable: set[tuple[str, str]] = field(default_factory=set)
    later: set[tuple[str, str]] = field(default_factory=set)  # answered "not now"


class Outbox:
    """The persistent queue. Safe to use from the game's thread and the network thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._items: list[OutboxItem] = self._read()

    def _read(self) -> list[OutboxItem]:
        try:
            data: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            return []
        items = [OutboxItem.from_json(entry) for entry in data["items"]]
        return _unique(i for i in items if i is not None)

    def _write(self) -> None:
        data = {"format": OUTBOX_FORMAT, "items": [asdict(i) for i in self._items]}
        write_text_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1))

    def items(self) -> list[OutboxItem]:
        """What waits to be sent, oldest first."""
        with self._lock:
            return list(self._items)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def pending_for(self, base_url: str, code: str) -> int:
        """How many items wait for one class."""
        with self._lock:
            return sum(1 for i in self._items if i.server == (base_url, code))

    def add(self, item: OutboxItem) -> bool:
        """Queue an item (saved before this returns); an item already queued is not doubled.

        Raises OSError when the file cannot be written (the item then stays queued in memory).
        """
        with self._lock:
            if any(i.key == item.key for i in self._items):
                return False
            self._items.append(item)
            self._write()
            return True

    def _remove(self, item: OutboxItem) -> None:
        with self._lock:
            self._items = [i for i in self._items if i.key != item.key]
            try:
                self._write()
            except OSError:
                pass  # sent again next time; the server answers "already stored"

    def deliver(
        self,
        send: Callable[[OutboxItem], tuple[Outcome, str]],
        first: tuple[str, str] | None = None,
    ) -> Delivery:
        """Send every queued item once, oldest first (``first``'s class before the others).

        A class whose server does not answer (or answers "not now") is skipped for the rest of
        the pass, so its items keep their order and another class's items are not held up.
        """
        report = Delivery()
        queue = self.items()
        if first is not None:
            queue.sort(key=lambda i: i.server != first)
        for item in queue:
            if item.server in report.unreachable or item.server in report.later:
                continue
            outcome, message = send(item)
            if outcome is Outcome.UNREACHABLE:
                report.unreachable.add(item.server)
                continue
            if outcome is Outcome.LATER:
                report.later.add(item.server)
                continue
            self._remove(item)
            if outcome is Outcome.DELIVERED:
                report.delivered += 1
            else:
                report.refused.append(Refusal(item, message))
        return report


def _unique(items: Iterable[OutboxItem]) -> list[OutboxItem]:
    seen: set[tuple[str, str, str, str, int]] = set()
    out = []
    for item in items:
        if item.key not in seen:
            seen.add(item.key)
            out.append(item)
    return out
