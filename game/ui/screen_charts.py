"""Charts drawn with pygame: a line chart of a metric over the turns, a radar of values."""

from __future__ import annotations

import math

import pygame

from game.ui import theme
from game.ui.theme import Color
from game.ui.widgets import Ink

LABEL = 16  # every number and label on a chart


def line_chart(
    ink: Ink,
    rect: pygame.Rect,
    values: list[float],
    color: Color,
    span: tuple[float, float],
    first_text: str,
    last_text: str,
) -> None:
    """A metric over the turns (turn 0 = start) between ``span``'s low and high, with faint
    gridlines, the starting value at the left of the line and the final value at its right."""
    surface = ink.surface
    pygame.draw.rect(surface, theme.mix(theme.PANEL, theme.BG, 0.4), rect, border_radius=ink.px(6))
    first_w = ink.width(first_text, LABEL, 600) + ink.px(10)
    last_w = ink.width(last_text, LABEL, 800) + ink.px(10)
    plot = rect.inflate(-ink.px(12), -ink.px(24))
    plot.left += first_w
    plot.width -= first_w + last_w
    for i in range(3):
        y = plot.top + plot.height * i // 2
        pygame.draw.line(surface, theme.LINE, (plot.left, y), (plot.right, y), 1)
    lo, hi = span
    n = max(1, len(values) - 1)
    pts = [
        (plot.left + plot.width * i / n, plot.bottom - plot.height * (v - lo) / (hi - lo))
        for i, v in enumerate(values)
    ]
    if len(pts) > 1:
        pygame.draw.lines(surface, color, False, pts, max(2, ink.px(3)))
    for p in pts:
        pygame.draw.circle(surface, color, (round(p[0]), round(p[1])), ink.px(3))
    first_y, last_y = round(pts[0][1]), round(pts[-1][1])
    ink.text(
        first_text, (plot.left - ink.px(6), first_y), LABEL, theme.MUTED, 600, anchor="midright"
    )
    ink.text(last_text, (plot.right + ink.px(6), last_y), LABEL, color, 800, anchor="midleft")


def radar_radius(ink: Ink, box: pygame.Rect, labels: list[str], size: int = LABEL) -> int:
    """The largest radius (up to 130 at 1280×720) that keeps every label inside ``box``."""
    n = len(labels)
    best = float(ink.px(130))
    for i, text in enumerate(labels):
        a = -math.pi / 2 + 2 * math.pi * i / n
        w = ink.width(text, size, 600)
        hgt = ink.line_height(size)
        c, si = math.cos(a), math.sin(a)
        if abs(c) > 0.3:
            best = min(best, (box.width / 2 - w) / abs(c) - ink.px(16))
        elif w / 2 > box.width / 2:
            best = min(best, float(ink.px(40)))
        if abs(si) > 1e-6:
            best = min(best, (box.height / 2 - hgt) / abs(si) - ink.px(16))
    return max(ink.px(40), round(best))


def radar(
    ink: Ink,
    box: pygame.Rect,
    labels: list[str],
    values: list[float],
    color: Color,
    grid: bool = True,
) -> None:
    """A radar (spider) chart, values 0..1, one axis per label, as large as fits ``box``
    with its labels; ``grid=False`` draws only the shape, over a radar already drawn."""
    surface = ink.surface
    n = len(labels)
    cx, cy = box.center
    center = box.center
    radius = radar_radius(ink, box, labels)

    def point(i: int, r: float) -> tuple[float, float]:
        a = -math.pi / 2 + 2 * math.pi * i / n
        return (cx + r * math.cos(a), cy + r * math.sin(a))

    if grid:
        for ring in (0.25, 0.5, 0.75, 1.0):
            pygame.draw.polygon(surface, theme.LINE, [point(i, radius * ring) for i in range(n)], 1)
        for i in range(n):
            pygame.draw.line(surface, theme.LINE, center, point(i, radius), 1)
    shape = [point(i, radius * max(0.02, min(1.0, v))) for i, v in enumerate(values)]
    box_of = pygame.Rect(cx - radius, cy - radius, 2 * radius + 1, 2 * radius + 1)
    fill = pygame.Surface(box_of.size, pygame.SRCALPHA)  # the shape's square, not the window
    pygame.draw.polygon(fill, (*color, 90), [(x - box_of.left, y - box_of.top) for x, y in shape])
    surface.blit(fill, box_of.topleft)
    pygame.draw.polygon(surface, color, shape, max(2, ink.px(3)))
    for p in shape:
        pygame.draw.circle(surface, color, (round(p[0]), round(p[1])), ink.px(4))
    for i, text in enumerate(labels if grid else []):
        x, y = point(i, radius + ink.px(16))
        a = -math.pi / 2 + 2 * math.pi * i / n
        anchor = (
            "midleft"
            if math.cos(a) > 0.3
            else "midright"
            if math.cos(a) < -0.3
            else ("midbottom" if math.sin(a) < 0 else "midtop")
        )
        ink.text(text, (round(x), round(y)), LABEL, theme.TEXT, 600, anchor=anchor)
