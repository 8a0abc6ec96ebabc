"""A policy as a card on the turn screen, laid out from the room the card has.

Nothing on a card is cut: the title and every line wrap; what does not fit whole is left to
the policy dialog (one key or click away), which the card says: the description is shown
only when it fits entire, and moves beyond the room are counted ("+2 lainnya").
"""

from __future__ import annotations

import pygame

from game.engine import Game
from game.i18n import tr
from game.scenario import localize
from game.scenario.format_model import Policy
from game.ui import facts, theme, widgets
from game.ui.widgets import Ink

SIZE = 16  # every line a player reads on a card
TITLE = 18


def policy_card(
    ink: Ink, rect: pygame.Rect, game: Game, policy: Policy, number: int, lang: str, lit: bool
) -> None:
    """A policy as a card: cost, upkeep, delay, what it tends to move, and why it is unavailable."""
    s = game.scenario
    color = theme.category_color(policy.category)
    _frame(ink, rect, color, lit, game.active(policy.id))
    pad = ink.px(14)
    x, w = rect.left + pad, rect.width - 2 * pad
    y = _title(ink, rect, localize(policy.name, lang, s.default_language), number, color)
    status, status_color = _status(game, policy, number, lang)
    status_h = ink.wrapped_height(status, w, SIZE, 600)
    bottom = rect.bottom - pad - status_h
    rows = _stats(game, policy, lang)
    stats_h = sum(_stat_height(ink, k, v, w) for k, v in rows)
    moves = facts.moves(policy.effects, s)
    moves_h = ink.line_height(SIZE, 700) + sum(_move_height(ink, game, m, lang, w) for m in moves)
    if any(m.direction == "±" for m in moves):
        moves_h += ink.wrapped_height(tr("card.either_way", lang), w, SIZE)
    if policy.description is not None:
        text = localize(policy.description, lang, s.default_language)
        desc_h = ink.wrapped_height(text, w, SIZE)
        if y + desc_h + ink.px(8) + stats_h + ink.px(6) + moves_h <= bottom:
            y += ink.wrapped(text, pygame.Rect(x, y, w, desc_h), SIZE, theme.MUTED) + ink.px(8)
    for key, val in rows:
        y = stat_row(ink, key, val, x, y, w)
    _moves(ink, game, moves, pygame.Rect(x, y + ink.px(6), w, bottom - y - ink.px(6)), lang)
    ink.wrapped(status, pygame.Rect(x, bottom, w, status_h), SIZE, status_color, 600)


def _frame(ink: Ink, rect: pygame.Rect, color: theme.Color, lit: bool, active: bool) -> None:
    bg = theme.PANEL_HI if lit else theme.PANEL
    border = color if lit or active else theme.LINE
    widgets.panel(ink.surface, rect, bg, ink.px(12), border, ink.px(3 if active else 2))
    pygame.draw.rect(
        ink.surface,
        color,
        (rect.left, rect.top, rect.width, ink.px(8)),
        border_top_left_radius=ink.px(12),
        border_top_right_radius=ink.px(12),
    )


def _title(ink: Ink, rect: pygame.Rect, name: str, number: int, color: theme.Color) -> int:
    """The number badge and the whole name beside it; return the y below both."""
    pad = ink.px(14)
    badge = pygame.Rect(rect.left + pad, rect.top + ink.px(18), ink.px(30), ink.px(30))
    pygame.draw.rect(ink.surface, color, badge, border_radius=ink.px(8))
    ink.text(str(number), badge.center, 18, theme.BG, 800, anchor="center")
    left = badge.right + ink.px(10)
    width = rect.right - pad - left
    height = ink.wrapped_height(name, width, TITLE, 700)
    ink.wrapped(name, pygame.Rect(left, badge.top - ink.px(2), width, height), TITLE, weight=700)
    return max(badge.bottom, badge.top - ink.px(2) + height) + ink.px(8)


def _status(game: Game, policy: Policy, number: int, lang: str) -> tuple[str, theme.Color]:
    """The card's last line: how long it has run, why it cannot be adopted, or how to open it."""
    if game.active(policy.id):
        held = facts.turns(game.scenario, game.held(policy.id), lang)
        return tr("card.active", lang, turns=held), theme.GOOD
    refusal = game.why_not_adopt(policy.id)
    if refusal is not None:
        need = None if policy.available is None else (policy.available, policy.available_text)
        return facts.refusal_words(game, refusal, lang, need), theme.BAD
    return tr("card.pick", lang, n=number), theme.MUTED


def _stats(game: Game, policy: Policy, lang: str) -> list[tuple[str, str]]:
    s = game.scenario
    upkeep = game.upkeep_of(policy.id)
    delay = facts.first_delay(policy.effects)
    when = (
        tr("card.delay_n", lang, turns=facts.turns(s, delay, lang))
        if delay
        else tr("card.now", lang)
    )
    return [
        (tr("card.cost", lang), facts.number(game.cost_of(policy.id), 0, lang)),
        (tr("card.upkeep", lang), facts.number(upkeep, 0, lang) if upkeep else "—"),
        (tr("card.delay", lang), when),
    ]


def _stat_height(ink: Ink, label: str, value: str, width: int) -> int:
    step = ink.line_height(SIZE) + ink.px(1)
    one_line = ink.width(label, SIZE) + ink.px(8) + ink.width(value, SIZE, 700) <= width
    return step if one_line else 2 * step - ink.px(3)


def stat_row(ink: Ink, label: str, value: str, x: int, y: int, width: int) -> int:
    """A label with its value right-aligned on one line, or, when both do not fit, the value
    right-aligned on a line of its own under the label; return the y below it."""
    step = ink.line_height(SIZE) + ink.px(1)
    if _stat_height(ink, label, value, width) > step:
        ink.wrapped(label, pygame.Rect(x, y, width, step), SIZE, theme.MUTED)
        y += step - ink.px(3)
    else:
        ink.text(label, (x, y), SIZE, theme.MUTED)
    ink.text(value, (x + width, y), SIZE, theme.TEXT, 700, anchor="topright")
    return y + step


def _move_height(ink: Ink, game: Game, move: facts.Move, lang: str, width: int) -> int:
    label = facts.label(game.scenario, move.metric, lang)
    return ink.wrapped_height(label, width - ink.px(20), SIZE)


def _moves(ink: Ink, game: Game, moves: list[facts.Move], room: pygame.Rect, lang: str) -> None:
    """ "What it tends to move": each metric with its direction, as many as fit, then a count
    of the rest; a "±" (it depends) is explained under the list."""
    s = game.scenario
    x, y = room.left, room.top
    ink.text(tr("card.moves", lang), (x, y), SIZE, theme.FAINT, 700)
    y += ink.line_height(SIZE, 700)
    legend = any(m.direction == "±" for m in moves)
    legend_h = ink.wrapped_height(tr("card.either_way", lang), room.width, SIZE) if legend else 0
    step = ink.line_height(SIZE)
    for i, move in enumerate(moves):
        h = _move_height(ink, game, move, lang, room.width)
        rest = len(moves) - i - 1
        if y + h + (step if rest else 0) + legend_h > room.bottom:
            ink.text(tr("card.more", lang, n=len(moves) - i), (x, y), SIZE, theme.MUTED)
            y += step
            break
        _direction(ink, game, move, (x + ink.px(6), y + step // 2))
        label = facts.label(s, move.metric, lang)
        ink.wrapped(label, pygame.Rect(x + ink.px(20), y, room.width - ink.px(20), h), SIZE)
        y += h
    if legend:
        note = tr("card.either_way", lang)
        ink.wrapped(note, pygame.Rect(x, y, room.width, legend_h), SIZE, theme.MUTED)


def _direction(ink: Ink, game: Game, move: facts.Move, center: tuple[int, int]) -> None:
    """An arrow up or down, green when that is for the better, red when not; "±" when it depends."""
    if move.direction == "±":
        ink.text("±", center, 18, theme.ACCENT, 800, anchor="center")
        return
    up = move.direction == "+"
    good = facts.good_change(game.scenario, move.metric, 1.0 if up else -1.0)
    widgets.arrow(ink.surface, center, ink.px(10), up, theme.GOOD if good else theme.BAD)
