"""A scenario's briefing as scrollable text, and the back / start buttons under it.

The scenario choice, the class briefing and the briefing dialog all show the briefing the
same way; the first two end with the same pair of buttons.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.scenario import Scenario, localize
from game.ui import scroll, theme
from game.ui.widgets import Button, Ink


def briefing_view(ink: Ink, s: Scenario, lang: str, area: pygame.Rect) -> scroll.TextView:
    """The briefing laid out in ``area`` (19 px text, a little spacing)."""
    text = localize(s.briefing, lang, s.default_language)
    return scroll.layout(ink, text, area, 19, theme.TEXT, spacing=1.05)


def below(ink: Ink, inner: pygame.Rect, top: int) -> pygame.Rect:
    """From ``top`` to the bottom of a panel's inside, widened for the scroll bar."""
    return pygame.Rect(inner.left, top, inner.width + ink.px(12), inner.bottom - top + ink.px(12))


def back_and_start(
    size: tuple[int, int],
    px: Callable[[float], int],
    back: str,
    start: str,
    enabled: bool = True,
) -> list[Button]:
    """ "Back" at the bottom left (Esc), "start" at the bottom right (Enter)."""
    w, h = size
    y = h - px(84)
    return [
        Button("back", back, pygame.Rect(px(48), y, px(200), px(56)), hint="Esc"),
        Button(
            "start",
            start,
            pygame.Rect(w - px(48) - px(340), y, px(340), px(56)),
            enabled=enabled,
            primary=True,
            hint="Enter",
        ),
    ]
