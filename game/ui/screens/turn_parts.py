"""Drawing the parts of the turn screen: metric tiles, policy cards, causes, in-force chips."""

from __future__ import annotations

import pygame

from game.engine import Game
from game.engine.explain import cause_label
from game.i18n import tr
from game.scenario import localize
from game.ui import facts, theme, widgets
from game.ui.widgets import Ink


def metric_tile(ink: Ink, rect: pygame.Rect, game: Game, name: str, lang: str, lit: bool) -> None:
    """One metric: label, value, change since last turn, trend line, grade band."""
    s = game.scenario
    widgets.panel(
        ink.surface,
        rect,
        theme.PANEL_HI if lit else theme.PANEL,
        ink.px(10),
        theme.ACCENT if lit else None,
        ink.px(2),
    )
    pad = ink.px(10)
    value = game.value(name)
    grade = facts.band(s, name, value, lang)
    chip_w = 0
    if grade:
        chip_w = max(ink.px(30), ink.width(grade, 16, 800) + ink.px(14))
        chip = pygame.Rect(rect.right - pad - chip_w, rect.top + pad, chip_w, ink.px(24))
        color = theme.BAND_COLORS.get(grade, theme.INFO)
        widgets.panel(ink.surface, chip, color, ink.px(6))
        ink.text(grade, chip.center, 16, theme.BG, 800, anchor="center")
        chip_w += ink.px(6)
    label = facts.label(s, name, lang)
    room = rect.width - 2 * pad - chip_w
    # the whole label is in the "why did this move?" panel the tile opens on hover
    ink.text(
        label,
        (rect.left + pad, rect.top + pad - ink.px(3)),
        16,
        theme.MUTED,
        600,
        max_width=room,
        tip=True,
    )
    big = ink.text(
        facts.show(s, name, value, lang),
        (rect.left + pad, rect.bottom - pad + ink.px(3)),
        26,
        theme.TEXT,
        800,
        anchor="bottomleft",
    )
    spark = pygame.Rect(
        rect.right - pad - ink.px(52), rect.bottom - pad - ink.px(24), ink.px(52), ink.px(22)
    )
    if facts.last_turn(game) > 0:
        _tile_change(ink, game, name, lang, big, spark.left - big.right - ink.px(24))
    widgets.sparkline(ink.surface, spark, facts.trend(game, name), theme.INFO)


def _tile_change(ink: Ink, game: Game, name: str, lang: str, big: pygame.Rect, room: int) -> None:
    """The change since the last turn beside the value: an arrow coloured for better or
    worse and the signed amount ("±0" when it did not move)."""
    s = game.scenario
    delta = facts.change(game, name)
    shown = facts.show(s, name, delta, lang, sign=True)
    if abs(delta) < 0.5 * 10 ** -facts.decimals(s, name):
        color, shown = theme.MUTED, "±0"
    else:
        color = theme.GOOD if facts.good_change(s, name, delta) else theme.BAD
        at = (big.right + ink.px(12), big.centery + ink.px(3))
        widgets.arrow(ink.surface, at, ink.px(10), delta > 0, color)
    at = (big.right + ink.px(20), big.centery + ink.px(3))
    ink.text(shown, at, 16, color, 700, anchor="midleft", max_width=room)


def causes_popover(
    ink: Ink, anchor: pygame.Rect, bounds: pygame.Rect, game: Game, name: str, lang: str
) -> None:
    """ "Why did this move?": the largest causes of a metric's change in the last turn."""
    s = game.scenario
    turn = facts.last_turn(game)
    width = ink.px(460)
    rows: list[tuple[str, float]] = []
    if turn > 0 and name in s.metrics:
        rows = [(cause_label(game.compiled, c, lang), c.delta) for c in game.causes(turn, name)[:5]]
    inner_w = width - ink.px(32)
    heights = [
        max(ink.line_height(16), ink.wrapped_height(text, inner_w - ink.px(90), 16))
        for text, _ in rows
    ]
    height = ink.px(60) + ink.wrapped_height(facts.label(s, name, lang), inner_w, 18, 700)
    height += sum(heights) + ink.px(6) * len(rows) + (ink.px(30) if not rows else 0)
    rect = pygame.Rect(anchor.right + ink.px(12), anchor.top, width, height)
    rect.clamp_ip(bounds)
    widgets.panel(ink.surface, rect, theme.PANEL_HI, ink.px(12), theme.ACCENT, ink.px(2))
    x = rect.left + ink.px(16)
    ink.text(tr("why.title", lang), (x, rect.top + ink.px(12)), 16, theme.ACCENT, 700)
    title = facts.label(s, name, lang)
    title_h = ink.wrapped_height(title, inner_w, 18, 700)
    ink.wrapped(title, pygame.Rect(x, rect.top + ink.px(32), inner_w, title_h), 18, weight=700)
    y = rect.top + ink.px(40) + title_h
    if not rows:
        key = (
            "why.derived"
            if name in s.derived and turn > 0
            else "why.none"
            if turn > 0
            else "why.first_turn"
        )
        ink.wrapped(tr(key, lang), pygame.Rect(x, y, inner_w, ink.px(60)), 16, theme.MUTED)
        return
    for (text, delta), h in zip(rows, heights, strict=True):
        color = theme.GOOD if facts.good_change(s, name, delta) else theme.BAD
        ink.text(
            facts.show(s, name, delta, lang, sign=True),
            (x + ink.px(78), y),
            16,
            color,
            800,
            anchor="topright",
        )
        ink.wrapped(text, pygame.Rect(x + ink.px(90), y, inner_w - ink.px(90), h), 16, theme.TEXT)
        y += h + ink.px(6)


def in_force(ink: Ink, rect: pygame.Rect, game: Game, lang: str, keys: bool = True) -> None:
    """The policies in force and how long they have been; the keys line at the right unless
    ``keys`` is False (a class banner stands there)."""
    s = game.scenario
    widgets.panel(ink.surface, rect, theme.PANEL, ink.px(12))
    x, y = rect.left + ink.px(14), rect.top + ink.px(8)
    head = ink.text(tr("turn.in_force", lang), (x, y), 16, theme.MUTED, 700)
    keys_room = rect.right - ink.px(14) - head.right - ink.px(24)
    if keys and ink.width(tr("turn.keys", lang), 16) <= keys_room:
        ink.text(
            tr("turn.keys", lang),
            (rect.right - ink.px(14), y + ink.px(1)),
            16,
            theme.FAINT,
            anchor="topright",
        )
    y += ink.px(26)
    active = game.active_policies()
    if not active:
        ink.text(tr("turn.none_in_force", lang), (x, y + ink.px(6)), 16, theme.FAINT)
        return
    cx, cy = x, y
    chip_h = ink.px(28)
    for pid in active:
        p = game.policy(pid)
        text = (
            f"{localize(p.name, lang, s.default_language)} · {facts.turns(s, game.held(pid), lang)}"
        )
        tw = min(ink.width(text, 16, 600), rect.width - ink.px(60))
        chip = pygame.Rect(cx, cy, tw + ink.px(34), chip_h)
        if chip.right > rect.right - ink.px(14):
            cx, cy = x, cy + chip_h + ink.px(6)
            chip.topleft = (cx, cy)
        if chip.bottom > rect.bottom - ink.px(4):
            ink.text("…", (cx, cy), 16, theme.MUTED)
            break
        widgets.panel(ink.surface, chip, theme.PANEL_HI, ink.px(14))
        pygame.draw.circle(
            ink.surface,
            theme.category_color(p.category),
            (chip.left + ink.px(14), chip.centery),
            ink.px(6),
        )
        ink.text(
            text,
            (chip.left + ink.px(26), chip.centery),
            16,
            theme.TEXT,
            600,
            anchor="midleft",
            max_width=tw,
        )
        cx = chip.right + ink.px(8)
