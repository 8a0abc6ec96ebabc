"""Long text that scrolls instead of being cut: wrapped and rendered once into a surface
(per text, width, size and colour), then shown through a window. The window moves with
the mouse wheel, PgUp/PgDn, Up/Down, Home/End or a click on the scrollbar; a fade and a
"more below" cue mark a cut edge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pygame

from game.ui import theme
from game.ui.text_layer import RECORD, face, wrap
from game.ui.theme import Color
from game.ui.widgets import Ink, arrow, text_surface

GUTTER = 18  # room at the right for the scrollbar (1280×720 pixels)
FADE = 34  # height of the fade at a cut edge
CUE_SIZE = 16
WHEEL_LINES = 3


@dataclass(frozen=True)
class Block:
    """A text wrapped and rendered once, on its background colour."""

    surface: pygame.Surface
    lines: tuple[str, ...]
    step: int
    line: int  # height of one line of glyphs (``step`` adds the spacing)

    @property
    def height(self) -> int:
        """Height of the whole text."""
        return self.surface.get_height()


@lru_cache(maxsize=64)
def render_block(
    text: str,
    width: int,
    size: int,
    weight: int,
    color: Color,
    bg: Color,
    scale: float,
    spacing: float,
) -> Block:
    """The text wrapped to ``width`` and drawn on ``bg`` (cached: built once, blitted each frame)."""
    f = face(size, weight, scale)
    RECORD.drawn(text, f.px)
    lines = tuple(wrap(text, f, width))
    step = round(f.get_linesize() * spacing)
    height = max(1, (len(lines) - 1) * step + f.get_linesize())
    surf = pygame.Surface((max(1, width), height))
    surf.fill(bg)
    for i, line in enumerate(lines):
        surf.blit(text_surface(line, size, weight, color, scale), (0, i * step))
    return Block(surf, lines, step, f.get_linesize())


@lru_cache(maxsize=32)
def _fade(width: int, height: int, bg: Color, down: bool) -> pygame.Surface:
    """A strip from transparent to ``bg`` (towards the cut edge)."""
    strip = pygame.Surface((max(1, width), max(1, height)), pygame.SRCALPHA)
    for y in range(height):
        t = (y + 1) / height if down else 1 - y / height
        pygame.draw.line(strip, (*bg, round(255 * t * t)), (0, y), (width, y))
    return strip


@dataclass(frozen=True)
class Pane:
    """A window of height ``view.height`` onto content ``height`` tall, inside ``area``
    (which also holds the scrollbar and the cue line)."""

    height: int
    step: int
    view: pygame.Rect
    area: pygame.Rect
    scale: float

    @property
    def limit(self) -> int:
        """The largest scroll offset (0: everything fits)."""
        return max(0, self.height - self.view.height)

    def clamp(self, offset: int) -> int:
        """An offset kept between the top and the end."""
        return max(0, min(self.limit, offset))

    def bar(self) -> pygame.Rect:
        """The scrollbar's track, right of the text."""
        w = max(4, round(8 * self.scale))
        return pygame.Rect(self.area.right - w, self.view.top, w, self.view.height)

    def thumb(self, offset: int) -> pygame.Rect:
        """The scrollbar's thumb at ``offset``."""
        track = self.bar()
        h = max(round(28 * self.scale), track.height * self.view.height // max(1, self.height))
        h = min(h, track.height)
        top = track.top + (track.height - h) * self.clamp(offset) // max(1, self.limit)
        return pygame.Rect(track.left, top, track.width, h)


@dataclass(frozen=True)
class TextView(Pane):
    """A pane showing one rendered text."""

    block: Block = field(kw_only=True)

    def line_rect(self, index: int, offset: int) -> pygame.Rect:
        """Where wrapped line ``index`` is drawn on screen at ``offset``."""
        top = self.view.top + index * self.block.step - self.clamp(offset)
        return pygame.Rect(self.view.left, top, self.view.width, self.block.line)


def pane(ink: Ink, height: int, step: int, area: pygame.Rect) -> Pane:
    """A pane for content ``height`` tall in ``area``: the whole area when it fits, else the
    area less the scrollbar's gutter and the cue line, in whole steps."""
    if height <= area.height:
        return Pane(
            height, step, pygame.Rect(area.left, area.top, area.width, height), area, ink.scale
        )
    cue_h = ink.line_height(CUE_SIZE, 700) + ink.px(6)
    rows = max(1, (area.height - cue_h) // max(1, step))
    view = pygame.Rect(area.left, area.top, area.width - ink.px(GUTTER), rows * step)
    return Pane(height, step, view, area, ink.scale)


def layout(
    ink: Ink,
    text: str,
    area: pygame.Rect,
    size: int,
    color: Color = theme.TEXT,
    weight: int = 400,
    spacing: float = 1.0,
    bg: Color = theme.PANEL,
) -> TextView:
    """Fit ``text`` into ``area``; when it does not fit, keep room for the scrollbar and a cue line."""
    block = render_block(text, max(1, area.width), size, weight, color, bg, ink.scale, spacing)
    if block.height > area.height:
        block = render_block(
            text, max(1, area.width - ink.px(GUTTER)), size, weight, color, bg, ink.scale, spacing
        )
    p = pane(ink, block.height, block.step, area)
    return TextView(p.height, p.step, p.view, p.area, p.scale, block=block)


def draw(ink: Ink, tv: TextView, offset: int, cue: str, bg: Color = theme.PANEL) -> None:
    """Draw the visible part of the text, then the pane's frame (fades, scrollbar, cue)."""
    offset = tv.clamp(offset)
    view = tv.view
    shown = min(view.height, tv.block.height - offset)
    ink.surface.blit(tv.block.surface, view.topleft, pygame.Rect(0, offset, view.width, shown))
    frame(ink, tv, offset, cue, bg)


def frame(ink: Ink, tv: Pane, offset: int, cue: str, bg: Color = theme.PANEL) -> None:
    """The fades at cut edges, the scrollbar and the "more below" cue (nothing if all fits)."""
    offset = tv.clamp(offset)
    view = tv.view
    if tv.limit == 0:
        return
    fade = min(ink.px(FADE), view.height // 3)
    if offset > 0:
        ink.surface.blit(_fade(view.width, fade, bg, False), view.topleft)
    if offset < tv.limit:
        ink.surface.blit(_fade(view.width, fade, bg, True), (view.left, view.bottom - fade))
    track = tv.bar()
    radius = track.width // 2
    pygame.draw.rect(ink.surface, theme.mix(bg, theme.LINE, 0.7), track, border_radius=radius)
    pygame.draw.rect(
        ink.surface,
        theme.ACCENT if offset < tv.limit else theme.MUTED,
        tv.thumb(offset),
        border_radius=radius,
    )
    y = view.bottom + ink.px(6)
    if offset < tv.limit:
        size = ink.px(CUE_SIZE)
        rect = ink.text(
            cue,
            (view.right - size - ink.px(4), y),
            CUE_SIZE,
            theme.ACCENT,
            700,
            anchor="topright",
            max_width=view.width - size * 2,
        )
        arrow(
            ink.surface,
            (view.right - size // 2, rect.centery),
            size - ink.px(4),
            False,
            theme.ACCENT,
        )


def handle(
    tv: Pane,
    offset: int,
    event: pygame.event.Event,
    mouse: tuple[int, int],
    keys: bool = True,
    arrows: bool = True,
) -> int | None:
    """The new offset if ``event`` scrolls the text (wheel over it, keys, a click on the bar), else None.

    ``keys`` False leaves every key to the screen; ``arrows`` False leaves it Up and Down."""
    if tv.limit == 0:
        return None
    page = max(tv.step, tv.view.height - tv.step)
    if event.type == pygame.MOUSEWHEEL and tv.area.collidepoint(mouse):
        return tv.clamp(offset - round(event.y * WHEEL_LINES * tv.step))
    if event.type == pygame.KEYDOWN and keys:
        moves = {
            pygame.K_DOWN: tv.step,
            pygame.K_UP: -tv.step,
            pygame.K_PAGEDOWN: page,
            pygame.K_PAGEUP: -page,
            pygame.K_HOME: -tv.height,
            pygame.K_END: tv.height,
        }
        if not arrows:
            moves = {k: v for k, v in moves.items() if k not in (pygame.K_UP, pygame.K_DOWN)}
        if event.key in moves:
            return tv.clamp(offset + moves[event.key])
    if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
        track = tv.bar().inflate(round(12 * tv.scale), 0)
        if track.collidepoint(event.pos):
            thumb = tv.thumb(offset)
            if event.pos[1] < thumb.top:
                return tv.clamp(offset - page)
            if event.pos[1] > thumb.bottom:
                return tv.clamp(offset + page)
            return offset
    return None
