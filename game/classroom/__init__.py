"""Class mode: the live class server (FastAPI on uvicorn), its pages, and the HTTP client
the game and ``agen simulate --join`` share. Stores through and verifies through
:mod:`game.results`; nothing here imports pygame.

The client (:mod:`game.classroom.client`) needs only httpx; the server modules import
FastAPI, and are imported only by ``agen class serve`` and the tests.
"""

from game.classroom.client import (
    ClassClient,
    ClassError,
    ClassInfo,
    ClassRefused,
    ClassUnreachable,
    Reply,
    Seat,
)

__all__ = [
    "ClassClient",
    "ClassError",
    "ClassInfo",
    "ClassRefused",
    "ClassUnreachable",
    "Reply",
    "Seat",
]
