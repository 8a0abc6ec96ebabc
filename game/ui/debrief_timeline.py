"""The debrief's second page: every decision, turn by turn, and the sources of the policies
adopted, as one list that scrolls (nothing on it is cut or shrunk below 16 px)."""

from __future__ import annotations

from typing import cast

import pygame

from game.engine import Adopt, Game
from game.i18n import tr
from game.scenario import localize
from game.ui import facts, scroll, theme, widgets
from game.ui.theme import Color
from game.ui.widgets import Ink

SIZE = 16
Entry = tuple[str, Color]
Item = tuple[int, int, str, object]  # top, height, kind, what


def area(ink: Ink) -> pygame.Rect:
    """Where the list scrolls: under the title, above the buttons."""
    w, h = ink.surface.get_size()
    return pygame.Rect(ink.px(32), ink.px(76), w - ink.px(64), h - ink.px(76) - ink.px(92))


def sources(game: Game, lang: str) -> list[str]:
    """One line per policy adopted (in order of first adoption) that names its sources."""
    s = game.scenario
    adopted: list[str] = []
    for d in game.decisions:
        if isinstance(d.action, Adopt) and d.action.policy not in adopted:
            adopted.append(d.action.policy)
    lines = []
    for pid in adopted:
        p = game.policy(pid)
        if p.sources:
            lines.append(f"{localize(p.name, lang, s.default_language)}: {'; '.join(p.sources)}")
    return lines


def items(ink: Ink, game: Game, entries: dict[int, list[Entry]], lang: str) -> list[Item]:
    """The rows in content coordinates: a row per turn, the sources' heading, each source."""
    width = area(ink).width - ink.px(scroll.GUTTER)
    label_w = ink.px(150)
    text_w = width - ink.px(40) - label_w - ink.px(20)
    out: list[Item] = []
    y = ink.px(12)
    for turn, row in entries.items():
        texts = row or [(tr("debrief.no_decision", lang), theme.FAINT)]
        h = sum(ink.wrapped_height(t, text_w, SIZE) + ink.px(4) for t, _ in texts)
        h = max(h, ink.line_height(SIZE, 700)) + ink.px(10)
        out.append((y, h, "turn", (turn, texts)))
        y += h
    y += ink.px(14)
    out.append((y, ink.px(30), "head", tr("debrief.sources", lang)))
    y += ink.px(30)
    for line in sources(game, lang) or [tr("debrief.no_sources", lang)]:
        h = ink.wrapped_height(line, width - ink.px(40), SIZE) + ink.px(6)
        out.append((y, h, "source", line))
        y += h
    return out


def pane(ink: Ink, game: Game, entries: dict[int, list[Entry]], lang: str) -> scroll.Pane:
    """The scrolled window onto the list."""
    found = items(ink, game, entries, lang)
    height = max((top + h for top, h, _, _ in found), default=0) + ink.px(12)
    return scroll.pane(ink, height, ink.line_height(SIZE), area(ink))


def draw(ink: Ink, game: Game, entries: dict[int, list[Entry]], offset: int, lang: str) -> None:
    """The page: its title, then the list in a panel."""
    ink.text(tr("debrief.timeline", lang), (ink.px(32), ink.px(24)), 30, theme.TEXT, 800)
    box = area(ink)
    widgets.panel(ink.surface, box, theme.PANEL, ink.px(16))
    p = pane(ink, game, entries, lang)
    offset = p.clamp(offset)
    ink.surface.set_clip(p.view)
    width = p.view.width
    label = facts.turn_label(game.scenario, lang)
    for top, h, kind, what in items(ink, game, entries, lang):
        y = p.view.top + top - offset
        if y + h < p.view.top or y > p.view.bottom:
            continue
        x = box.left + ink.px(20)
        if kind == "turn":
            turn, texts = cast(tuple[int, list[Entry]], what)
            _turn(ink, f"{label} {turn}", texts, pygame.Rect(x, y, width - ink.px(40), h))
        elif kind == "head":
            ink.text(str(what), (x, y + ink.px(4)), SIZE, theme.ACCENT, 800)
        else:
            ink.wrapped(str(what), pygame.Rect(x, y, width - ink.px(40), h), SIZE, theme.TEXT)
    ink.surface.set_clip(None)
    scroll.frame(ink, p, offset, tr("scroll.more", lang))


def _turn(ink: Ink, label: str, texts: list[Entry], rect: pygame.Rect) -> None:
    """A turn: its name at the left, its decisions (each with its colour) at the right."""
    pygame.draw.line(ink.surface, theme.LINE, rect.topleft, rect.topright, 1)
    ink.text(label, (rect.left, rect.top + ink.px(6)), SIZE, theme.ACCENT, 700)
    x = rect.left + ink.px(150)
    text_w = rect.right - x - ink.px(10)
    y = rect.top + ink.px(6)
    step = ink.line_height(SIZE)
    for text, color in texts:
        h = ink.wrapped_height(text, text_w - ink.px(10), SIZE)
        pygame.draw.rect(ink.surface, color, (x, y + ink.px(3), ink.px(4), step - ink.px(6)))
        ink.wrapped(text, pygame.Rect(x + ink.px(10), y, text_w - ink.px(10), h), SIZE, theme.TEXT)
        y += h + ink.px(4)
