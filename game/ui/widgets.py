"""Drawing primitives shared by the screens: text (wrapped, cached), buttons, panels, icons.

Everything here only draws; hit-testing uses the same rectangles the screens lay out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.safe_text import screen_text
from game.ui import theme
from game.ui.text_layer import RECORD, Face, face, fit, printable, wrap
from game.ui.theme import Color


def text_surface(text: str, size: int, weight: int, color: Color, scale: float) -> pygame.Surface:
    """A rendered line of text (cached: most frames redraw the same strings)."""
    return face(size, weight, scale).render(text, color)


class Ink:
    """Text drawing at one scale (the window's)."""

    def __init__(self, surface: pygame.Surface) -> None:
        self.surface = surface
        self.scale = theme.scale_for(surface.get_size())

    def px(self, value: float) -> int:
        """A length given for 1280×720, scaled to the window."""
        return round(value * self.scale)

    def font(self, size: int, weight: int = 400) -> Face:
        """The font at a 1280×720 size."""
        return face(size, weight, self.scale)

    def line_height(self, size: int, weight: int = 400) -> int:
        """Height of one line of text."""
        return self.font(size, weight).get_linesize()

    def width(self, text: str, size: int, weight: int = 400) -> int:
        """Rendered width of a text."""
        return self.font(size, weight).size(text)[0]

    def text(
        self,
        text: str,
        pos: tuple[int, int],
        size: int,
        color: Color = theme.TEXT,
        weight: int = 400,
        anchor: str = "topleft",
        max_width: int | None = None,
        tip: bool = False,
    ) -> pygame.Rect:
        """Draw one line; shorten it with an ellipsis only if it cannot fit ``max_width``.

        A shortened line is recorded as a cut unless ``tip`` says the whole text is shown
        when the pointer rests on it."""
        full = printable(text)
        f = self.font(size, weight)
        shown = full if max_width is None else fit(full, f, max_width)
        surf = text_surface(shown, size, weight, color, self.scale)
        rect = surf.get_rect(**{anchor: pos})
        self.surface.blit(surf, rect)
        RECORD.drawn(full, f.px)
        if shown != full and not tip:
            RECORD.cut(full, f.px, pygame.Rect(rect.left, rect.top, max_width or 0, rect.h), shown)
        return rect

    def wrapped(
        self,
        text: str,
        rect: pygame.Rect,
        size: int,
        color: Color = theme.TEXT,
        weight: int = 400,
        max_lines: int | None = None,
        spacing: float = 1.0,
    ) -> int:
        """Draw text wrapped to ``rect``'s width from its top; return the height used."""
        f = self.font(size, weight)
        lines = wrap(screen_text(text, keep_newlines=True), f, rect.width)
        step = round(f.get_linesize() * spacing)
        room = max(1, rect.height // step) if rect.height > 0 else len(lines)
        limit = min(room, max_lines) if max_lines else room
        if len(lines) > limit:
            lines = [*lines[: limit - 1], fit(f"{lines[limit - 1]} …", f, rect.width)]
            RECORD.cut(text, f.px, rect, " ".join(lines))
        RECORD.drawn(text, f.px)
        y = rect.top
        for line in lines:
            self.surface.blit(text_surface(line, size, weight, color, self.scale), (rect.left, y))
            y += step
        return y - rect.top

    def wrapped_height(self, text: str, width: int, size: int, weight: int = 400) -> int:
        """Height ``wrapped`` would use for the whole text."""
        f = self.font(size, weight)
        return len(wrap(screen_text(text, keep_newlines=True), f, width)) * f.get_linesize()


def panel(
    surface: pygame.Surface,
    rect: pygame.Rect,
    color: Color = theme.PANEL,
    radius: int = 12,
    border: Color | None = None,
    width: int = 2,
) -> None:
    """A rounded panel, optionally outlined."""
    pygame.draw.rect(surface, color, rect, border_radius=radius)
    if border is not None:
        pygame.draw.rect(surface, border, rect, width, border_radius=radius)


def shade(surface: pygame.Surface) -> None:
    """Dim everything drawn so far (under an overlay)."""
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill(theme.SHADE)
    surface.blit(veil, (0, 0))


@dataclass
class Button:
    """A clickable labelled rectangle; ``key`` names what it does."""

    key: str
    label: str
    rect: pygame.Rect
    enabled: bool = True
    primary: bool = False
    hint: str = ""

    def hit(self, pos: tuple[int, int]) -> bool:
        """Whether a click at ``pos`` presses it."""
        return self.enabled and self.rect.collidepoint(pos)

    def draw(self, ink: Ink, hover: bool, size: int = 22) -> None:
        """Draw it; hovered buttons light up."""
        if not self.enabled:
            bg, fg, border = theme.PANEL, theme.FAINT, theme.LINE
        elif self.primary:
            bg = theme.mix(theme.ACCENT, theme.TEXT, 0.25) if hover else theme.ACCENT
            fg, border = theme.ACCENT_DARK, bg
        else:
            bg = theme.PANEL_HI if hover else theme.PANEL
            fg, border = theme.TEXT, theme.ACCENT if hover else theme.LINE
        panel(ink.surface, self.rect, bg, radius=ink.px(10), border=border)
        label = self.label
        if self.hint:
            hint_w = ink.width(self.hint, max(16, size - 6), 600) + ink.px(12)
            ink.text(
                self.hint,
                (self.rect.right - ink.px(12), self.rect.centery),
                max(16, size - 6),
                theme.mix(fg, bg, 0.35),
                600,
                anchor="midright",
            )
            room = self.rect.width - hint_w - ink.px(24)
            ink.text(
                label,
                (self.rect.left + ink.px(14), self.rect.centery),
                size,
                fg,
                700,
                anchor="midleft",
                max_width=room,
            )
        else:
            ink.text(
                label,
                self.rect.center,
                size,
                fg,
                700,
                anchor="center",
                max_width=self.rect.width - ink.px(16),
            )


def button_width(ink: Ink, label: str, hint: str = "", size: int = 22) -> int:
    """The width a button needs to show its whole label (and its key hint)."""
    width = ink.width(label, size, 700) + ink.px(28)
    if hint:
        width += ink.width(hint, max(16, size - 6), 600) + ink.px(22)
    return width


def button_row(
    ink: Ink, labels: list[tuple[str, str]], row: pygame.Rect, size: int = 22
) -> list[pygame.Rect]:
    """Rectangles for a row of buttons in ``row``: each as wide as its label needs, the
    room left shared out evenly, never wider than the row (labels that cannot all fit
    share the row in proportion to their need)."""
    gap = ink.px(12)
    need = [max(ink.px(150), button_width(ink, label, "", size)) for _, label in labels]
    room = row.width - gap * (len(labels) - 1)
    spare = room - sum(need)
    widths = (
        [n + spare // len(need) for n in need]
        if spare >= 0
        else [room * n // sum(need) for n in need]
    )
    out, x = [], row.left
    for w in widths:
        out.append(pygame.Rect(x, row.top, w, row.height))
        x += w + gap
    return out


def hovered(buttons: list[Button], pos: tuple[int, int]) -> str | None:
    """The key of the enabled button under ``pos``."""
    return next((b.key for b in buttons if b.hit(pos)), None)


def arrow(
    surface: pygame.Surface, center: tuple[int, int], size: int, up: bool, color: Color
) -> None:
    """A filled triangle pointing up or down."""
    x, y = center
    h = size // 2
    pts = (
        [(x, y - h), (x - h, y + h), (x + h, y + h)]
        if up
        else [(x, y + h), (x - h, y - h), (x + h, y - h)]
    )
    pygame.draw.polygon(surface, color, pts)


def sparkline(
    surface: pygame.Surface, rect: pygame.Rect, values: list[float], color: Color
) -> None:
    """A small trend line of a metric over the turns so far."""
    if len(values) < 2:
        pygame.draw.line(surface, theme.LINE, rect.midleft, rect.midright, 2)
        return
    lo, hi = min(values), max(values)
    span = hi - lo or 1.0
    n = len(values) - 1
    pts = [
        (rect.left + rect.width * i / n, rect.bottom - rect.height * (v - lo) / span)
        for i, v in enumerate(values)
    ]
    pygame.draw.lines(surface, color, False, pts, 2)
    pygame.draw.circle(surface, color, (round(pts[-1][0]), round(pts[-1][1])), 3)


def category_icon(
    surface: pygame.Surface,
    category: str,
    center: tuple[int, int],
    r: int,
    color: Color = theme.TEXT,
) -> None:
    """A simple drawn icon for a policy category, inside a circle of radius ``r``."""
    x, y = center
    base = theme.category_color(category)
    pygame.draw.circle(surface, base, center, r)
    s = max(2, r // 2)
    w = max(2, r // 6)
    dark = theme.BG
    if category == "flexible_work":  # a house
        pygame.draw.polygon(surface, dark, [(x - s, y), (x, y - s), (x + s, y)])
        pygame.draw.rect(surface, dark, (x - s * 2 // 3, y, s * 4 // 3, s * 3 // 4))
    elif category == "output_targets":  # a target
        pygame.draw.circle(surface, dark, center, s, w)
        pygame.draw.circle(surface, dark, center, max(1, s // 3))
    elif category == "digital_services":  # a screen
        pygame.draw.rect(surface, dark, (x - s, y - s * 2 // 3, 2 * s, s * 4 // 3), w)
        pygame.draw.line(surface, dark, (x - s // 2, y + s), (x + s // 2, y + s), w)
    elif category == "partnerships":  # two linked rings
        pygame.draw.circle(surface, dark, (x - s // 2, y), s * 2 // 3, w)
        pygame.draw.circle(surface, dark, (x + s // 2, y), s * 2 // 3, w)
    elif category == "integrity":  # a shield
        pygame.draw.polygon(
            surface, dark, [(x - s, y - s), (x + s, y - s), (x + s, y), (x, y + s), (x - s, y)]
        )
    elif category == "people":  # a person
        pygame.draw.circle(surface, dark, (x, y - s // 2), max(2, s // 2))
        pygame.draw.ellipse(surface, dark, (x - s, y + s // 6, 2 * s, s))
    elif category == "service_process":  # a gear-ish cog
        for k in range(6):
            a = k * math.pi / 3
            pygame.draw.line(
                surface, dark, (x, y), (x + s * math.cos(a), y + s * math.sin(a)), w + 1
            )
        pygame.draw.circle(surface, base, center, max(1, s // 2))
        pygame.draw.circle(surface, dark, center, max(1, s // 2), w)
    elif category == "communication":  # a speech bubble
        pygame.draw.ellipse(surface, dark, (x - s, y - s * 2 // 3, 2 * s, s * 4 // 3))
        pygame.draw.polygon(
            surface, dark, [(x - s // 2, y + s // 3), (x - s, y + s), (x, y + s // 2)]
        )
    else:
        pygame.draw.circle(surface, dark, center, s // 2)
