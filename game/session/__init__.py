"""A game being played, for any front end: the session (the engine game, who plays it, its
autosave and result) and the player's actions as use-cases (:class:`Session`'s ``act``,
``end_quarter``, ``finish``); the front end supplies where the game is kept and where a live
class hears of it (:mod:`game.session.ports`). No pygame, no HTTP here.
"""

from game.session.ports import ClassSink, FileKeeper, JoinedClass, Keeper, Notice, SessionText
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
