"""The reflection's "Netflix culture for ASN?" page: each principle, when it was practised,
with which safeguard, and what the policies that practised it did; the BerAKHLAK profile
beside it. The rows scroll under fixed column headers; every sentence is whole."""

from __future__ import annotations

from typing import Any

import pygame

from game.engine import Game
from game.engine.principles import PrincipleUse, aspect_metrics, culture_verdict, principle_uses
from game.engine.values import value_counts
from game.i18n import english_plural, say, tr
from game.scenario import VALUES, localize
from game.ui import facts, screen_charts, scroll, theme, widgets
from game.ui.widgets import Ink

SIZE = 16
RADAR_W = 370


def use_text(game: Game, use: PrincipleUse, lang: str, quarters: str) -> str:
    """When a principle was practised, by which policies, and how often with its safeguard."""
    s = game.scenario
    if not use.practised:
        return tr("reflect.not_practised", lang)
    names = ", ".join(localize(game.policy(p).name, lang, s.default_language) for p in use.policies)
    line = tr("reflect.practised", lang, quarters=quarters)
    line = f"{line[:-1]} ({names})." if line.endswith(".") else f"{line} ({names})"
    if use.safeguard is not None:
        word = facts.turn_label(s, lang).lower()
        if lang == "en" and len(use.quarters) != 1:
            word = english_plural(word)
        guard = tr(f"reflect.guard.{use.principle}", lang)
        line += " " + tr(
            "reflect.guarded",
            lang,
            guarded=len(use.guarded),
            total=len(use.quarters),
            turns=word,
            guard=guard,
        )
    return line


class Netflix:
    """The page's layout for one game, language and window."""

    def __init__(self, ink: Ink, game: Game, body: pygame.Rect, lang: str, quarters: Any) -> None:
        self.game, self.lang = game, lang
        s = game.scenario
        self.aspects = aspect_metrics(s)
        self.uses = principle_uses(game)
        self.left = pygame.Rect(body.left, body.top, body.width - ink.px(RADAR_W + 16), body.height)
        heads = [tr(f"reflect.aspect.{a}", lang) for a in self.aspects]
        self.col_w = max([ink.px(80), *(ink.width(h, SIZE, 700) + ink.px(12) for h in heads)])
        # the one sentence at the top when the player's culture ended the game, else the intro
        self.verdict = culture_verdict(game, self.uses)
        intro = (
            tr("reflect.netflix_intro", lang) if self.verdict is None else say(self.verdict, lang)
        )
        self.intro = intro
        self.intro_h = ink.wrapped_height(intro, self.left.width, SIZE)
        self.text_w = self.left.width - ink.px(28) - self.col_w * len(self.aspects)
        self.lines = [use_text(game, u, lang, quarters(s, u.quarters, lang)) for u in self.uses]
        self.heights = [
            ink.line_height(17, 800) + ink.wrapped_height(t, self.text_w, SIZE) + ink.px(16)
            for t in self.lines
        ]
        head_h = ink.line_height(SIZE, 700) + ink.px(6)
        top = self.left.top + self.intro_h + ink.px(8) + head_h
        area = pygame.Rect(self.left.left, top, self.left.width, self.left.bottom - top)
        gap = ink.px(6)
        self.pane = scroll.pane(
            ink, sum(self.heights) + gap * len(self.heights), ink.line_height(SIZE), area
        )

    def draw(self, ink: Ink, offset: int) -> None:
        """The intro, the column headers, the rows (scrolled), then the radar."""
        left = self.left
        intro = pygame.Rect(left.left, left.top - ink.px(4), left.width, self.intro_h)
        color = theme.MUTED if self.verdict is None else theme.BAD
        ink.wrapped(self.intro, intro, SIZE, color)
        view = self.pane.view
        ex = left.right - ink.px(14) - self.col_w * len(self.aspects)
        for j, aspect in enumerate(self.aspects):
            cx = ex + j * self.col_w + self.col_w // 2
            head = tr(f"reflect.aspect.{aspect}", self.lang)
            ink.text(head, (cx, view.top - ink.px(6)), SIZE, theme.MUTED, 700, anchor="midbottom")
        offset = self.pane.clamp(offset)
        ink.surface.set_clip(view)
        y = view.top - offset
        for use, line, h in zip(self.uses, self.lines, self.heights, strict=True):
            if y + h >= view.top and y <= view.bottom:
                self._row(ink, pygame.Rect(left.left, y, view.width, h), use, line, ex)
            y += h + ink.px(6)
        ink.surface.set_clip(None)
        scroll.frame(ink, self.pane, offset, tr("scroll.more", self.lang), theme.BG)
        self._radar(ink)

    def _row(self, ink: Ink, r: pygame.Rect, use: PrincipleUse, line: str, ex: int) -> None:
        s = self.game.scenario
        widgets.panel(ink.surface, r, theme.PANEL, ink.px(10))
        x = r.left + ink.px(14)
        color = theme.TEXT if use.practised else theme.FAINT
        title = tr(f"reflect.p.{use.principle}", self.lang)
        ink.wrapped(
            title,
            pygame.Rect(x, r.top + ink.px(6), self.text_w, ink.line_height(17, 800)),
            17,
            color,
            800,
        )
        body = pygame.Rect(x, r.top + ink.px(8) + ink.line_height(17, 800), self.text_w, r.height)
        ink.wrapped(line, body, SIZE, theme.MUTED if use.practised else theme.FAINT)
        for j, (aspect, metric) in enumerate(self.aspects.items()):
            cx = ex + j * self.col_w + self.col_w // 2
            value = use.effects.get(aspect, 0.0)
            tiny = abs(value) < 0.5 * 10 ** -facts.decimals(s, metric)
            good = facts.good_change(s, metric, value)
            shown = "—" if tiny else facts.show(s, metric, value, self.lang, sign=True)
            tone = theme.FAINT if tiny else theme.GOOD if good else theme.BAD
            ink.text(shown, (cx, r.centery), 18, tone, 800, anchor="center")

    def _radar(self, ink: Ink) -> None:
        left = self.left
        box = pygame.Rect(left.right + ink.px(16), left.top, ink.px(RADAR_W), left.height)
        widgets.panel(ink.surface, box, theme.PANEL, ink.px(16))
        width = box.width - ink.px(36)
        head = tr("reflect.values_title", self.lang)
        head_h = ink.wrapped_height(head, width, SIZE, 800)
        ink.wrapped(
            head,
            pygame.Rect(box.left + ink.px(18), box.top + ink.px(16), width, head_h),
            SIZE,
            theme.ACCENT,
            800,
        )
        close = tr("reflect.netflix_close", self.lang)
        close_h = ink.wrapped_height(close, width, SIZE, 600)
        counts = value_counts(self.game)
        top = max(counts.values()) or 1
        labels = [tr(f"value.{v}", self.lang) for v in VALUES]
        area = box.inflate(-ink.px(20), 0)
        area.top = box.top + ink.px(24) + head_h
        area.height = box.bottom - ink.px(24) - close_h - area.top
        screen_charts.radar(ink, area, labels, [counts[v] / top for v in VALUES], theme.ACCENT)
        room = pygame.Rect(box.left + ink.px(18), box.bottom - ink.px(14) - close_h, width, close_h)
        ink.wrapped(close, room, SIZE, theme.TEXT, 600)
