"""A game being played, for any front end: the session (the engine game, who plays it, its
autosave and result) and the player's actions as use-cases (:class:`Session`'s ``act``,
``end_quarter``, ``finish``); the front end supplies where the game is kept and where a live
class hears of it (:mod:`game.session.ports`). No pygame, no HTTP here.

The session's own names (``Session``, ``Player``, ``ResumeText``) load on first use (a module
``__getattr__``): they bring the engine and the scenario models, which the window's title
screen does not need for its first frame; the ports are light and load at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.session.ports import ClassSink, FileKeeper, JoinedClass, Keeper, Notice, SessionText

if TYPE_CHECKING:
    from game.session.session import Player, ResumeText, Session

__all__ = [
    "ClassSink",
    "FileKeeper",
    "JoinedClass",
    "Keeper",
    "Notice",
    "Player",
    "ResumeText",
    "Session",
    "SessionText",
]


def __getattr__(name: str) -> Any:
    """Load the session module (and the engine) on first use of one of its names."""
    if name in ("Player", "ResumeText", "Session"):
        from game.session import session

        value = getattr(session, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'game.session' has no attribute {name!r}")
