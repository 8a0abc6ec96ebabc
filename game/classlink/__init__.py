"""Class mode's game side: the HTTP client of a class server (:mod:`.client`), the outbox
that keeps what could not be sent yet (:mod:`.outbox`), the window's background sender and
watcher (:mod:`.link`) and the command-line participant (:mod:`.participant`, ``agen
simulate --join``). Nothing here imports pygame or the server (:mod:`game.classroom`); the
two meet only over HTTP.

The client's and the link's names are offered here lazily (a module ``__getattr__``) so that
importing the package, or only its outbox, does not load httpx before the title screen's
first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.classlink.client import (
        ClassClient,
        ClassError,
        ClassInfo,
        ClassRefused,
        ClassUnreachable,
        Reply,
        Seat,
    )
    from game.classlink.link import ClassLink, LinkState

__all__ = [
    "ClassClient",
    "ClassError",
    "ClassInfo",
    "ClassLink",
    "ClassRefused",
    "ClassUnreachable",
    "LinkState",
    "Reply",
    "Seat",
]


def __getattr__(name: str) -> Any:
    """Load the HTTP client (and httpx) on first use of one of its names."""
    if name in ("ClassLink", "LinkState"):
        from game.classlink import link

        return getattr(link, name)
    if name in __all__:
        from game.classlink import client

        return getattr(client, name)
    raise AttributeError(f"module 'game.classlink' has no attribute {name!r}")
