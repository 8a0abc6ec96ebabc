"""Where things go on the turn screen, worked out from the window size alone."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import theme

TOP = 80
MARGIN = 20
GAP = 12


@dataclass(frozen=True)
class TurnLayout:
    """The rectangles of the turn screen."""

    top: pygame.Rect
    metrics: pygame.Rect
    tabs: pygame.Rect
    cards: pygame.Rect
    in_force: pygame.Rect
    end_turn: pygame.Rect
    menu: pygame.Rect
    scale: float

    def px(self, v: float) -> int:
        """A 1280×720 length scaled."""
        return round(v * self.scale)

    def tiles(self, n: int) -> list[pygame.Rect]:
        """Metric tiles, two columns, rows filling the panel's height."""
        inner = self.metrics.inflate(-self.px(20), -self.px(20))
        inner.top += self.px(28)
        inner.height -= self.px(28)
        rows = max(1, (n + 1) // 2)
        gap = self.px(8)
        h = min(self.px(92), (inner.height - gap * (rows - 1)) // rows)
        w = (inner.width - gap) // 2
        return [
            pygame.Rect(inner.left + (i % 2) * (w + gap), inner.top + (i // 2) * (h + gap), w, h)
            for i in range(n)
        ]

    def tab_rects(self, n: int, selected: int) -> list[pygame.Rect]:
        """Category tabs: icons only, the selected one wide enough for its name."""
        small = self.px(58)
        gap = self.px(6)
        wide = max(small, self.tabs.width - (n - 1) * (small + gap))
        out = []
        x = self.tabs.left
        for i in range(n):
            w = wide if i == selected else small
            out.append(pygame.Rect(x, self.tabs.top, w, self.tabs.height))
            x += w + gap
        return out

    def card_rects(self, n: int) -> list[pygame.Rect]:
        """Policy cards of one category side by side (two rows when there are many)."""
        if n == 0:
            return []
        per_row = n if n <= 3 else (n + 1) // 2
        rows = (n + per_row - 1) // per_row
        gap = self.px(GAP)
        w = (self.cards.width - gap * (per_row - 1)) // per_row
        h = (self.cards.height - gap * (rows - 1)) // rows
        return [
            pygame.Rect(
                self.cards.left + (i % per_row) * (w + gap),
                self.cards.top + (i // per_row) * (h + gap),
                w,
                h,
            )
            for i in range(n)
        ]


def turn_layout(size: tuple[int, int]) -> TurnLayout:
    """The turn screen's layout for a window size."""
    w, h = size
    s = theme.scale_for(size)

    def px(v: float) -> int:
        return round(v * s)

    m, g = px(MARGIN), px(GAP)
    top = pygame.Rect(0, 0, w, px(TOP))
    left_w = max(px(500), round(w * 0.39))
    metrics = pygame.Rect(m, top.bottom + g, left_w, h - top.bottom - g - m)
    rx = metrics.right + px(20)
    rw = w - rx - m
    tabs = pygame.Rect(rx, metrics.top, rw, px(56))
    in_force = pygame.Rect(rx, h - m - px(96), rw, px(96))
    cards = pygame.Rect(rx, tabs.bottom + g, rw, in_force.top - g - tabs.bottom - g)
    end_turn = pygame.Rect(w - m - px(270), px(14), px(270), px(52))
    menu = pygame.Rect(end_turn.left - g - px(130), px(14), px(130), px(52))
    return TurnLayout(top, metrics, tabs, cards, in_force, end_turn, menu, s)
