"""A loaded scenario as played: in full, or in its short form (``[short_form]``).

Every tool that plays, checks or balances a short form goes through :func:`played_as`, so
the game in the window, ``agen simulate``, ``agen check`` and ``agen balance`` all play the
same short game (compiled by :func:`game.scenario.reflection_keys.with_turns`).
"""

from __future__ import annotations

from dataclasses import replace

from game.errors import Message
from game.scenario.loader import LoadedScenario
from game.scenario.reflection_keys import check_quarters, offered, with_turns


class NotOffered(ValueError):
    """The scenario offers no game of that many turns; ``offered`` lists those it does."""

    def __init__(self, quarters: int, offered: tuple[int, ...], why: Message) -> None:
        super().__init__(why)
        self.quarters = quarters
        self.offered = offered


def played_as(loaded: LoadedScenario, quarters: int | None) -> LoadedScenario:
    """``loaded`` played over ``quarters`` turns: itself for None or the full length, its
    short form for the short form's turns; NotOffered for any other length."""
    why_not = check_quarters(loaded.scenario, quarters)
    if why_not is not None:
        assert quarters is not None
        raise NotOffered(quarters, offered(loaded.scenario), why_not)
    compiled = with_turns(loaded.compiled, quarters)
    if compiled is loaded.compiled:
        return loaded
    return replace(loaded, scenario=compiled.scenario, compiled=compiled)
