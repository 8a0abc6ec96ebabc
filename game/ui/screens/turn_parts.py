"""Drawing the parts of the turn screen: metric tiles, policy cards, causes, in-force chips."""

from __future__ import annotations

import pygame

from game.engine import Game
from game.engine.explain import cause_label
from game.i18n import say, tr
from game.scenario import localize
from game.scenario.format_model import Policy
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
    size = next((size for size in (15, 14, 13) if ink.width(label, size, 600) <= room), 13)
    ink.text(
        label,
        (rect.left + pad, rect.top + pad - ink.px(2) + ink.px(15 - size)),
        size,
        theme.MUTED,
        600,
        max_width=room,
    )
    big = ink.text(
        facts.show(s, name, value, lang),
        (rect.left + pad, rect.bottom - pad + ink.px(3)),
        26,
        theme.TEXT,
        800,
        anchor="bottomleft",
    )
    delta = facts.change(game, name)
    spark = pygame.Rect(
        rect.right - pad - ink.px(52), rect.bottom - pad - ink.px(24), ink.px(52), ink.px(22)
    )
    if facts.last_turn(game) > 0:
        shown = facts.show(s, name, delta, lang, sign=True)
        if abs(delta) < 0.5 * 10 ** -facts.decimals(s, name):
            color = theme.MUTED
            shown = "±0"
        else:
            color = theme.GOOD if facts.good_change(s, name, delta) else theme.BAD
            widgets.arrow(
                ink.surface,
                (big.right + ink.px(12), big.centery + ink.px(3)),
                ink.px(10),
                delta > 0,
                color,
            )
        ink.text(
            shown,
            (big.right + ink.px(20), big.centery + ink.px(3)),
            16,
            color,
            700,
            anchor="midleft",
            max_width=spark.left - big.right - ink.px(24),
        )
    widgets.sparkline(ink.surface, spark, facts.trend(game, name), theme.INFO)


def policy_card(
    ink: Ink, rect: pygame.Rect, game: Game, policy: Policy, number: int, lang: str, lit: bool
) -> None:
    """A policy as a card: cost, upkeep, delay, what it tends to move, and why it is unavailable."""
    s = game.scenario
    color = theme.category_color(policy.category)
    active = game.active(policy.id)
    refusal = None if active else game.why_not_adopt(policy.id)
    bg = theme.PANEL_HI if lit else theme.PANEL
    widgets.panel(
        ink.surface,
        rect,
        bg,
        ink.px(12),
        color if lit or active else theme.LINE,
        ink.px(3 if active else 2),
    )
    pygame.draw.rect(
        ink.surface,
        color,
        (rect.left, rect.top, rect.width, ink.px(8)),
        border_top_left_radius=ink.px(12),
        border_top_right_radius=ink.px(12),
    )
    pad = ink.px(14)
    x, w = rect.left + pad, rect.width - 2 * pad
    badge = pygame.Rect(x, rect.top + ink.px(18), ink.px(30), ink.px(30))
    pygame.draw.rect(ink.surface, color, badge, border_radius=ink.px(8))
    ink.text(str(number), badge.center, 18, theme.BG, 800, anchor="center")
    name_rect = pygame.Rect(
        badge.right + ink.px(10),
        badge.top - ink.px(2),
        rect.right - pad - badge.right - ink.px(10),
        ink.px(76),
    )
    ink.wrapped(
        localize(policy.name, lang, s.default_language), name_rect, 18, theme.TEXT, 700, max_lines=3
    )
    name_h = ink.wrapped_height(
        localize(policy.name, lang, s.default_language), name_rect.width, 18, 700
    )
    y = max(badge.bottom, name_rect.top + min(name_h, name_rect.height)) + ink.px(6)
    if policy.description is not None and rect.height > ink.px(300):
        y += ink.wrapped(
            localize(policy.description, lang, s.default_language),
            pygame.Rect(x, y, w, ink.px(58)),
            14,
            theme.MUTED,
            max_lines=3,
        ) + ink.px(6)
    cost = game.cost_of(policy.id)
    upkeep = game.upkeep_of(policy.id)
    delay = facts.first_delay(policy.effects)
    stats = [
        (tr("card.cost", lang), facts.number(cost, 0, lang)),
        (tr("card.upkeep", lang), facts.number(upkeep, 0, lang) if upkeep else "—"),
        (
            tr("card.delay", lang),
            tr("card.delay_n", lang, turns=facts.turns(s, delay, lang))
            if delay
            else tr("card.now", lang),
        ),
    ]
    for key, val in stats:
        y = stat_row(ink, key, val, x, y, w)
    y += ink.px(6)
    ink.text(tr("card.moves", lang), (x, y), 14, theme.FAINT, 700, max_width=w)
    y += ink.line_height(14)
    status_h = ink.px(50)
    room_bottom = rect.bottom - pad - status_h
    mv = facts.moves(policy.effects, s)
    step = ink.line_height(15)
    for i, move in enumerate(mv):
        if y + step > room_bottom:
            ink.text(tr("card.more", lang, n=len(mv) - i), (x, y), 14, theme.FAINT)
            break
        if move.direction == "±":
            ink.text("±", (x + ink.px(6), y + step // 2), 16, theme.ACCENT, 800, anchor="center")
        else:
            up = move.direction == "+"
            good = facts.good_change(s, move.metric, 1.0 if up else -1.0)
            widgets.arrow(
                ink.surface,
                (x + ink.px(6), y + step // 2),
                ink.px(10),
                up,
                theme.GOOD if good else theme.BAD,
            )
        ink.text(
            facts.label(s, move.metric, lang),
            (x + ink.px(18), y),
            15,
            theme.TEXT,
            max_width=w - ink.px(18),
        )
        y += step
    status = pygame.Rect(x, rect.bottom - pad - status_h, w, status_h)
    if active:
        held = game.held(policy.id)
        ink.wrapped(
            tr("card.active", lang, turns=facts.turns(s, held, lang)),
            status,
            15,
            theme.GOOD,
            700,
            max_lines=2,
        )
    elif refusal is not None:
        ink.wrapped(say(refusal.said, lang), status, 15, theme.BAD, 600, max_lines=2)
    else:
        ink.wrapped(tr("card.pick", lang, n=number), status, 15, theme.FAINT, 600, max_lines=2)


def stat_row(ink: Ink, label: str, value: str, x: int, y: int, width: int, size: int = 15) -> int:
    """A label with its value right-aligned on one line, or, when both do not fit, the value
    right-aligned on a line of its own under the label; return the y below it."""
    step = ink.line_height(size) + ink.px(1)
    gap = ink.px(8)
    value_w = ink.width(value, size, 700)
    if ink.width(label, size) + gap + value_w > width:
        ink.text(label, (x, y), size, theme.MUTED, max_width=width)
        y += step - ink.px(3)
    else:
        ink.text(label, (x, y), size, theme.MUTED)
    ink.text(value, (x + width, y), size, theme.TEXT, 700, anchor="topright", max_width=width)
    return y + step


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
    height = ink.px(84) + sum(heights) + ink.px(6) * len(rows) + (ink.px(30) if not rows else 0)
    rect = pygame.Rect(anchor.right + ink.px(12), anchor.top, width, height)
    rect.clamp_ip(bounds)
    widgets.panel(ink.surface, rect, theme.PANEL_HI, ink.px(12), theme.ACCENT, ink.px(2))
    x = rect.left + ink.px(16)
    ink.text(tr("why.title", lang), (x, rect.top + ink.px(12)), 14, theme.ACCENT, 700)
    ink.text(
        facts.label(s, name, lang),
        (x, rect.top + ink.px(32)),
        18,
        theme.TEXT,
        700,
        max_width=inner_w,
    )
    y = rect.top + ink.px(64)
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


def in_force(ink: Ink, rect: pygame.Rect, game: Game, lang: str) -> None:
    """The policies in force and how long they have been."""
    s = game.scenario
    widgets.panel(ink.surface, rect, theme.PANEL, ink.px(12))
    x, y = rect.left + ink.px(14), rect.top + ink.px(8)
    head = ink.text(tr("turn.in_force", lang), (x, y), 15, theme.MUTED, 700)
    keys_room = rect.right - ink.px(14) - head.right - ink.px(24)
    if ink.width(tr("turn.keys", lang), 14) <= keys_room:
        ink.text(
            tr("turn.keys", lang),
            (rect.right - ink.px(14), y + ink.px(1)),
            14,
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
        tw = min(ink.width(text, 15, 600), rect.width - ink.px(60))
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
            15,
            theme.TEXT,
            600,
            anchor="midleft",
            max_width=tw,
        )
        cx = chip.right + ink.px(8)
