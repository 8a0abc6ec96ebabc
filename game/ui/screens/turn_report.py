"""The turn report: "why did this move?" — each metric's change and its largest causes."""

from __future__ import annotations

from typing import Any

import pygame

from game.engine import Game
from game.engine.explain import cause_label
from game.scenario import localize
from game.ui import facts, theme, widgets
from game.ui.screens.base import Screen
from game.ui.widgets import Button, Ink

CAUSES = 3


class TurnReportScreen(Screen):
    """What the last turn did, metric by metric."""

    name = "report"

    def __init__(self, app: Any, turn: int) -> None:
        super().__init__(app)
        self.turn = turn

    @property
    def game(self) -> Game:
        """The game being played."""
        assert self.app.session is not None
        game: Game = self.app.session.game
        return game

    def buttons(self) -> list[Button]:
        w, h = self.size
        r = pygame.Rect(0, 0, self.px(320), self.px(56))
        r.bottomright = (w - self.px(32), h - self.px(22))
        key = "report.to_debrief" if self.game.over else "report.next_turn"
        return [Button("continue", self.t(key), r, primary=True, hint="Enter")]

    def handle(self, event: pygame.event.Event) -> Screen:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE):
            return self.press("continue")
        return super().handle(event)

    def press(self, key: str) -> Screen:
        from game.ui.screens.turn import TurnScreen

        return TurnScreen.enter(self.app)

    def rows(self) -> list[tuple[str, float, list[tuple[str, float]]]]:
        """Each shown metric with its change this turn and largest causes."""
        game = self.game
        s = game.c.scenario
        out = []
        names = facts.visible(s)
        if s.budget is not None:
            names = [s.budget, *names]
        for name in names:
            slot = game.c.slot(name)
            change = game.history[self.turn][slot] - game.history[self.turn - 1][slot]
            causes = []
            if name in s.metrics:
                causes = [(cause_label(game.c, c, self.app.lang), c.delta) for c in game.ledger.causes(self.turn, slot)[:CAUSES]]
            out.append((name, change, causes))
        return out

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop(surface)
        ink = Ink(surface)
        w, h = surface.get_size()
        game, lang = self.game, self.app.lang
        s = game.c.scenario
        label = localize(s.turn_label, lang, s.default_language)
        ink.text(self.t("report.kicker"), (ink.px(32), ink.px(20)), 16, theme.ACCENT, 800)
        ink.text(self.t("report.title", label=label, n=self.turn), (ink.px(32), ink.px(42)), 34, theme.TEXT, 800)
        events = [e for (t, e) in game.fired_log if t == self.turn]
        decided = [d for d in game.decisions if d.turn == self.turn]
        ink.text(self.t("report.summary", decisions=len(decided), events=len(events)), (w - ink.px(32), ink.px(56)), 17,
                 theme.MUTED, anchor="topright")
        rows = self.rows()
        top = ink.px(104)
        bottom = h - ink.px(96)
        cols = 2 if len(rows) > 5 else 1
        per_col = (len(rows) + cols - 1) // cols
        gap = ink.px(10)
        cw = (w - ink.px(64) - gap * (cols - 1)) // cols
        rh = (bottom - top - gap * (per_col - 1)) // max(1, per_col)
        for i, (name, change, causes) in enumerate(rows):
            rect = pygame.Rect(ink.px(32) + (i // per_col) * (cw + gap), top + (i % per_col) * (rh + gap), cw, rh)
            self._row(ink, rect, name, change, causes)
        self.draw_buttons(ink)

    def _row(self, ink: Ink, rect: pygame.Rect, name: str, change: float, causes: list[tuple[str, float]]) -> None:
        game, lang = self.game, self.app.lang
        s = game.c.scenario
        widgets.panel(ink.surface, rect, theme.PANEL, ink.px(10))
        pad = ink.px(12)
        left_w = ink.px(190)
        value = game.history[self.turn][game.c.slot(name)]
        ink.text(facts.label(s, name, lang), (rect.left + pad, rect.top + ink.px(6)), 15, theme.MUTED, 600,
                 max_width=left_w)
        v = ink.text(facts.show(s, name, value, lang), (rect.left + pad, rect.top + ink.px(26)), 22, theme.TEXT, 800)
        tiny = abs(change) < 0.5 * 10 ** -facts.decimals(s, name)
        color = theme.MUTED if tiny else theme.GOOD if facts.good_change(s, name, change) else theme.BAD
        ink.text("±0" if tiny else facts.show(s, name, change, lang, sign=True), (v.right + ink.px(10), v.centery), 17, color,
                 800, anchor="midleft", max_width=rect.left + left_w + pad - v.right)
        x = rect.left + left_w + ink.px(24)
        room = rect.right - pad - x
        line = ink.line_height(15)
        if not causes:
            key = "why.derived" if name in s.derived else "why.none"
            ink.text(self.t(key), (x, rect.top + ink.px(8)), 15, theme.FAINT, max_width=room)
            return
        biggest = max(abs(d) for _, d in causes) or 1.0
        y = rect.top + ink.px(6)
        for text, delta in causes:
            if y + line > rect.bottom - ink.px(2):
                break
            good = facts.good_change(s, name, delta)
            bar_w = max(ink.px(3), round(ink.px(44) * abs(delta) / biggest))
            pygame.draw.rect(ink.surface, theme.GOOD if good else theme.BAD, (x, y + line // 4, bar_w, line // 2),
                             border_radius=ink.px(3))
            amount = facts.show(s, name, delta, lang, sign=True)
            ink.text(amount, (x + ink.px(50), y), 15, theme.GOOD if good else theme.BAD, 700)
            ax = x + ink.px(50) + ink.width(amount, 15, 700) + ink.px(10)
            ink.text(text, (ax, y), 15, theme.TEXT, max_width=rect.right - pad - ax)
            y += line
