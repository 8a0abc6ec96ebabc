"""The debrief's first page: the score card (score, grade, the passive player's score, the
ending, every goal), the key metrics over the turns, and the BerAKHLAK radar.

Every text here is whole: the card's parts take the height their text needs, and the goals
scroll when there are more than the card holds.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine import Game
from game.i18n import tr
from game.results.requirement_words import say_held_below
from game.scenario import VALUES, localize
from game.ui import facts, screen_charts, scroll, theme, widgets
from game.ui.widgets import Ink

GOAL = 16
CHART_LABEL = 16


@dataclass(frozen=True)
class CardLayout:
    """The score card's parts, top to bottom."""

    grade_y: int
    passive: pygame.Rect
    title: pygame.Rect | None  # the ending's title, if it has one
    ending: scroll.TextView | None
    goals: pygame.Rect  # the heading and the list under it


def passive_text(score: float, passive: float, lang: str) -> str:
    """The passive player's score and what the player's decisions made of it, said so that
    the direction cannot be misread ("… 4,1 poin lebih rendah")."""
    diff = round(score - passive, 1)
    key = (
        "debrief.passive_above"
        if diff > 0
        else "debrief.passive_below"
        if diff < 0
        else "debrief.passive_same"
    )
    return tr(
        key,
        lang,
        score=facts.number(passive, 1, lang),
        diff=facts.number(abs(diff), 1, lang),
    )


def verdict_text(game: Game, passive: float, lang: str) -> str:
    """Under the grade: why the score was held below a grade (when it was), then the passive
    player's score."""
    out = game.outcome
    assert out is not None
    text = passive_text(out.score, passive, lang)
    if out.held_below is None:
        return text
    return f"{say_held_below(out.held_below, game.scenario, lang)} {text}"


def card_layout(ink: Ink, game: Game, card: pygame.Rect, passive: float, lang: str) -> CardLayout:
    """Where each part of the score card goes, from the height its text needs."""
    s = game.scenario
    out = game.outcome
    assert out is not None
    x, width = card.left + ink.px(24), card.width - ink.px(48)
    y = card.top + ink.px(122)
    grade_y = y
    if out.grade is not None:
        y += ink.px(36)
    text = verdict_text(game, passive, lang)
    passive_rect = pygame.Rect(x, y, width, ink.wrapped_height(text, width, 16, 600))
    y = passive_rect.bottom + ink.px(12)
    title_rect, view = None, None
    if out.ending is not None:
        ending = next(e for e in s.endings if e.id == out.ending)
        if ending.title is not None:
            title = localize(ending.title, lang, s.default_language)
            title_rect = pygame.Rect(x, y, width, ink.wrapped_height(title, width, 17, 700))
            y = title_rect.bottom + ink.px(4)
        size, weight = (16, 400) if ending.title is not None else (17, 700)
        color = theme.BAD if ending.kind == "lose" else theme.GOOD
        color = theme.TEXT if ending.title is not None else color
        body = localize(ending.text, lang, s.default_language)
        lines = 4 * ink.line_height(size, weight)
        full = ink.wrapped_height(body, width, size, weight)
        area = pygame.Rect(x, y, width + ink.px(14), full if full <= lines else lines + ink.px(28))
        view = scroll.layout(ink, body, area, size, color, weight)
        y = area.bottom + ink.px(10)
    goals_rect = pygame.Rect(x, y, width + ink.px(14), card.bottom - ink.px(12) - y)
    return CardLayout(grade_y, passive_rect, title_rect, view, goals_rect)


def score_card(
    ink: Ink, game: Game, card: pygame.Rect, lay: CardLayout, passive: float, lang: str
) -> None:
    """The score, its grade, the passive player's score and the ending's title."""
    s = game.scenario
    out = game.outcome
    assert out is not None
    widgets.panel(ink.surface, card, theme.PANEL, ink.px(16))
    x = card.left + ink.px(24)
    ink.text(tr("debrief.score", lang), (x, card.top + ink.px(18)), 16, theme.ACCENT, 800)
    ink.text(facts.number(out.score, 1, lang), (x, card.top + ink.px(38)), 64, theme.TEXT, 800)
    if out.grade is not None:
        grade = localize(s.scoring.grades[out.grade].name, lang, s.default_language)
        ink.wrapped(
            grade, pygame.Rect(x, lay.grade_y, lay.passive.width, ink.px(34)), 24, theme.ACCENT, 800
        )
    diff = out.score - passive
    color = theme.GOOD if diff >= 0 else theme.BAD
    ink.wrapped(verdict_text(game, passive, lang), lay.passive, 16, color, 600)
    if lay.title is not None and out.ending is not None:
        ending = next(e for e in s.endings if e.id == out.ending)
        assert ending.title is not None
        kind = theme.BAD if ending.kind == "lose" else theme.GOOD
        ink.wrapped(localize(ending.title, lang, s.default_language), lay.title, 17, kind, 700)


def _goal_height(ink: Ink, text: str, width: int) -> int:
    return max(ink.wrapped_height(text, width - ink.px(44), GOAL, 600), ink.px(24)) + ink.px(6)


def goals_pane(ink: Ink, game: Game, area: pygame.Rect, lang: str) -> scroll.Pane:
    """The goals under their heading, scrolled when they are more than the card holds."""
    s = game.scenario
    labels = [localize(g.label, lang, s.default_language) for g in s.scoring.goals]
    width = area.width - ink.px(scroll.GUTTER)
    height = sum(_goal_height(ink, text, width) for text in labels)
    list_area = pygame.Rect(area.left, area.top + ink.px(28), area.width, area.height - ink.px(28))
    return scroll.pane(ink, height, ink.line_height(GOAL, 600), list_area)


def goals(ink: Ink, game: Game, pane: scroll.Pane, offset: int, lang: str) -> None:
    """Every goal with a tick when it was met (the list scrolls; none is cut)."""
    s = game.scenario
    out = game.outcome
    assert out is not None
    area = pane.area
    ink.text(tr("debrief.goals", lang), (area.left, area.top - ink.px(28)), 16, theme.ACCENT, 800)
    offset = pane.clamp(offset)
    view = pane.view
    ink.surface.set_clip(view)
    y = view.top - offset
    width = area.width - ink.px(scroll.GUTTER)
    for goal in s.scoring.goals:
        text = localize(goal.label, lang, s.default_language)
        h = _goal_height(ink, text, width)
        if y + h >= view.top and y <= view.bottom:
            _goal(ink, text, goal.id in out.goals, pygame.Rect(area.left, y, width, h))
        y += h
    ink.surface.set_clip(None)
    scroll.frame(ink, pane, offset, tr("scroll.more", lang))


def _goal(ink: Ink, text: str, met: bool, rect: pygame.Rect) -> None:
    mark = pygame.Rect(rect.left, rect.top + ink.px(2), ink.px(20), ink.px(20))
    widgets.panel(ink.surface, mark, theme.GOOD if met else theme.LINE, ink.px(5))
    if met:
        tick = [
            (mark.left + ink.px(4), mark.centery),
            (mark.centerx - ink.px(1), mark.bottom - ink.px(5)),
            (mark.right - ink.px(4), mark.top + ink.px(4)),
        ]
        pygame.draw.lines(ink.surface, theme.BG, False, tick, ink.px(3))
    room = pygame.Rect(rect.left + ink.px(30), rect.top, rect.width - ink.px(44), rect.height)
    ink.wrapped(text, room, GOAL, theme.TEXT if met else theme.MUTED, 600)


def charts(ink: Ink, game: Game, box: pygame.Rect, names: list[str], lang: str) -> None:
    """The key metrics over the turns, each on its own meaningful range."""
    s = game.scenario
    widgets.panel(ink.surface, box, theme.PANEL, ink.px(16))
    head = (box.left + ink.px(20), box.top + ink.px(18))
    ink.text(tr("debrief.over_turns", lang), head, 16, theme.ACCENT, 800)
    inner = pygame.Rect(
        box.left + ink.px(16), box.top + ink.px(50), box.width - ink.px(32), box.height - ink.px(62)
    )
    rows = (len(names) + 1) // 2
    gap = ink.px(10)
    cw = (inner.width - gap) // 2
    ch = (inner.height - gap * (rows - 1)) // max(1, rows)
    for i, name in enumerate(names):
        r = pygame.Rect(
            inner.left + (i % 2) * (cw + gap), inner.top + (i // 2) * (ch + gap), cw, ch
        )
        series = facts.trend(game, name)
        label = facts.label(s, name, lang)
        label_h = ink.wrapped_height(label, r.width - ink.px(8), CHART_LABEL, 600)
        ink.wrapped(
            label,
            pygame.Rect(r.left + ink.px(4), r.top, r.width - ink.px(8), label_h),
            CHART_LABEL,
            theme.MUTED,
            600,
        )
        plot = pygame.Rect(
            r.left, r.top + label_h + ink.px(2), r.width, r.height - label_h - ink.px(2)
        )
        good = facts.good_change(s, name, series[-1] - series[0])
        screen_charts.line_chart(
            ink,
            plot,
            series,
            theme.GOOD if good else theme.BAD,
            facts.chart_range(s, name, series),
            facts.show(s, name, series[0], lang),
            facts.show(s, name, series[-1], lang),
        )


def values(
    ink: Ink, box: pygame.Rect, shown: list[float], breached: list[float], lang: str
) -> None:
    """The BerAKHLAK radar: values shown, and (in red) values gone against."""
    widgets.panel(ink.surface, box, theme.PANEL, ink.px(16))
    head = (box.left + ink.px(20), box.top + ink.px(18))
    ink.text(tr("debrief.values", lang), head, 16, theme.ACCENT, 800)
    labels = [tr(f"value.{v}", lang) for v in VALUES]
    note = tr("debrief.values_breached", lang)
    note_h = ink.wrapped_height(note, box.width - ink.px(40), 16, 600) if any(breached) else 0
    area = box.inflate(-ink.px(24), -ink.px(24))
    area.top, area.height = box.top + ink.px(52), box.height - ink.px(64) - note_h
    screen_charts.radar(ink, area, labels, shown, theme.ACCENT)
    if any(breached):
        screen_charts.radar(ink, area, labels, breached, theme.BAD, grid=False)
        room = pygame.Rect(
            box.left + ink.px(20), box.bottom - ink.px(14) - note_h, box.width - ink.px(40), note_h
        )
        ink.wrapped(note, room, 16, theme.BAD, 600)
