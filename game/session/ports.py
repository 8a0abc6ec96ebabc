"""What a session needs from the front end that plays it: where it keeps itself as it goes
(:class:`Keeper`; the window's is :class:`FileKeeper`, the autosave file) and where it sends
what a live class should know (:class:`ClassSink`; the window's is its outbox, the browser
game's its class store). Both are protocols so the session stays free of files, threads,
HTTP and pygame; a front end without a class passes no sink.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from game.atomic import write_text_atomic
from game.errors import Codes, Message


class SessionText(Codes):
    """What the player is told after an action (the front end words it)."""

    SAVE_FAILED = "save_failed"
    RESULT_SAVED = "result.saved"
    RESULT_FAILED = "result.failed"


@dataclass(frozen=True)
class Notice:
    """One thing to tell the player after an action; ``good`` news is shown as such."""

    message: Message
    good: bool = False


@dataclass(frozen=True)
class JoinedClass:
    """The live class a game belongs to: where its server is and this player's seat there."""

    base_url: str
    code: str
    token: str
    members: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """As kept in the autosave."""
        return {
            "base_url": self.base_url,
            "code": self.code,
            "token": self.token,
            "members": list(self.members),
        }

    @staticmethod
    def from_json(data: Any) -> JoinedClass | None:
        """Read back from the autosave; None when absent."""
        if not isinstance(data, dict):
            return None
        members = data.get("members") or []
        return JoinedClass(
            str(data["base_url"]),
            str(data["code"]),
            str(data["token"]),
            tuple(str(m) for m in members) if isinstance(members, list) else (),
        )


class Keeper(Protocol):
    """Where a game in progress is kept so that it can be continued (OSError on failure)."""

    def save(self, data: dict[str, Any]) -> None:
        """Keep the game as it stands now (the session's ``to_json()``)."""
        ...

    def drop(self) -> None:
        """Forget the kept game: its result has been written."""
        ...


class ClassSink(Protocol):
    """Where a game of a live class sends its progress and its result (OSError when it cannot
    even queue them; sending later is the sink's own business)."""

    def progress(self, joined: JoinedClass, turn: int, decisions: list[dict[str, Any]]) -> None:
        """The decisions up to the end of ``turn``."""
        ...

    def result(self, joined: JoinedClass, turn: int, result: dict[str, Any]) -> None:
        """The finished game's result file (``turn``: after every progress item)."""
        ...


@dataclass(frozen=True)
class FileKeeper:
    """The window's keeper: one JSON file, written atomically."""

    path: Path

    def save(self, data: dict[str, Any]) -> None:
        """Write the autosave file."""
        write_text_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1))

    def drop(self) -> None:
        """Delete the autosave file."""
        self.path.unlink(missing_ok=True)
