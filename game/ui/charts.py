"""Charts drawn with pygame: a line chart of a metric over the turns, a radar of values."""

from __future__ import annotations

import math

import pygame

from game.ui import theme
from game.ui.theme import Color
from game.ui.widgets import Ink


def line_chart(ink: Ink, rect: pygame.Rect, values: list[float], color: Color,
               low_text: str, high_text: str, last_text: str) -> None:
    """A metric over the turns (turn 0 = start) with faint gridlines and the final value."""
    surface = ink.surface
    pygame.draw.rect(surface, theme.mix(theme.PANEL, theme.BG, 0.4), rect, border_radius=ink.px(6))
    plot = rect.inflate(-ink.px(16), -ink.px(16))
    plot.width -= ink.px(56)
    for i in range(3):
        y = plot.top + plot.height * i // 2
        pygame.draw.line(surface, theme.LINE, (plot.left, y), (plot.right, y), 1)
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    n = max(1, len(values) - 1)
    pts = [(plot.left + plot.width * i / n, plot.bottom - plot.height * (v - lo) / (hi - lo)) for i, v in enumerate(values)]
    if len(pts) > 1:
        pygame.draw.lines(surface, color, False, pts, max(2, ink.px(3)))
    for p in pts:
        pygame.draw.circle(surface, color, (round(p[0]), round(p[1])), ink.px(3))
    ink.text(high_text, (plot.left + ink.px(2), plot.top - ink.px(2)), 12, theme.FAINT)
    ink.text(low_text, (plot.left + ink.px(2), plot.bottom + ink.px(2)), 12, theme.FAINT, anchor="bottomleft")
    ink.text(last_text, (rect.right - ink.px(8), round(pts[-1][1])), 16, color, 800, anchor="midright")


def radar(ink: Ink, center: tuple[int, int], radius: int, labels: list[str], values: list[float], color: Color) -> None:
    """A radar (spider) chart, values 0..1, one axis per label."""
    surface = ink.surface
    n = len(labels)
    cx, cy = center

    def point(i: int, r: float) -> tuple[float, float]:
        a = -math.pi / 2 + 2 * math.pi * i / n
        return (cx + r * math.cos(a), cy + r * math.sin(a))

    for ring in (0.25, 0.5, 0.75, 1.0):
        pygame.draw.polygon(surface, theme.LINE, [point(i, radius * ring) for i in range(n)], 1)
    for i in range(n):
        pygame.draw.line(surface, theme.LINE, center, point(i, radius), 1)
    shape = [point(i, radius * max(0.02, min(1.0, v))) for i, v in enumerate(values)]
    fill = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    pygame.draw.polygon(fill, (*color, 90), shape)
    surface.blit(fill, (0, 0))
    pygame.draw.polygon(surface, color, shape, max(2, ink.px(3)))
    for p in shape:
        pygame.draw.circle(surface, color, (round(p[0]), round(p[1])), ink.px(4))
    for i, text in enumerate(labels):
        x, y = point(i, radius + ink.px(16))
        a = -math.pi / 2 + 2 * math.pi * i / n
        anchor = "midleft" if math.cos(a) > 0.3 else "midright" if math.cos(a) < -0.3 else ("midbottom" if math.sin(a) < 0 else "midtop")
        ink.text(text, (round(x), round(y)), 14, theme.TEXT, 600, anchor=anchor)
