"""The turn report: "why did this move?" — each metric's change and its largest causes."""

from __future__ import annotations

from typing import cast

import pygame

from game.engine.explain import cause_label
from game.i18n import tr_n
from game.ui import facts, scroll, theme, widgets
from game.ui.reveals import draw_reveals, due_reveals, reveals_height
from game.ui.screens.base import Host, Screen, Shot, Stage
from game.ui.scroll import GUTTER
from game.ui.widgets import Button, Ink

CAUSES = 3
Row = tuple[str, float, list[tuple[str, float]]]  # a metric, its change, its causes
CAUSE_SIZE = 16
BAR = 34


class TurnReportScreen(Screen):
    """What the last turn did, metric by metric."""

    name = "report"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        if stage.name != "report":
            return []
        return [Shot("12-report", lambda: stage.app.make("report", stage.reported))]

    def __init__(self, app: Host, turn: int) -> None:
        super().__init__(app)
        self.turn = turn
        self.offset = 0  # how far the rows are scrolled

    def buttons(self) -> list[Button]:
        w, h = self.size
        r = pygame.Rect(0, 0, self.px(320), self.px(56))
        r.bottomright = (w - self.px(32), h - self.px(22))
        key = "report.to_debrief" if self.game.over else "report.next_turn"
        return [Button("continue", self.t(key), r, primary=True, hint="Enter")]

    def handle(self, event: pygame.event.Event) -> Screen:
        moved = scroll.handle(self.pane(), self.offset, event, self.app.mouse)
        if moved is not None:
            self.offset = moved
            return self
        if event.type == pygame.KEYDOWN and event.key in (
            pygame.K_RETURN,
            pygame.K_KP_ENTER,
            pygame.K_SPACE,
            pygame.K_ESCAPE,
        ):
            return self.press("continue")
        return super().handle(event)

    def press(self, key: str) -> Screen:
        return self.go("turn")

    def rows(self) -> list[tuple[str, float, list[tuple[str, float]]]]:
        """Each shown metric with its change this turn and largest causes."""
        game = self.game
        s = game.scenario
        out = []
        names = facts.visible(s)
        if s.budget is not None:
            names = [s.budget, *names]
        for name in names:
            change = game.value_at(self.turn, name) - game.value_at(self.turn - 1, name)
            causes = []
            if name in s.metrics:
                shown = [
                    c
                    for c in game.causes(self.turn, name)
                    if abs(c.delta) >= 0.5 * 10 ** -facts.decimals(s, name)
                ]
                causes = [
                    (cause_label(game.compiled, c, self.app.lang), c.delta) for c in shown[:CAUSES]
                ]
            out.append((name, change, causes))
        return out

    def _label_width(self, ink: Ink, rows: list[tuple[str, float, list[tuple[str, float]]]]) -> int:
        """Width of the label column: the widest label, or value and change, of the report."""
        game, lang = self.game, self.app.lang
        s = game.scenario
        widest = ink.px(150)
        for name, change, _ in rows:
            value = facts.show(s, name, game.value_at(self.turn, name), lang)
            shown = facts.show(s, name, change, lang, sign=True)
            widest = max(
                widest,
                ink.width(facts.label(s, name, lang), 16, 600),
                ink.width(value, 22, 800) + ink.px(10) + ink.width(shown, 17, 800),
            )
        return widest

    def _geometry(
        self, ink: Ink, width: int, left_w: int, name: str, causes: list[tuple[str, float]]
    ) -> tuple[int, int, int, list[int]]:
        """Where a row's causes go: (bar x, text x, text width, lines each cause wraps to)."""
        s = self.game.scenario
        pad = ink.px(12)
        left_w = min(left_w, width * 2 // 5)
        x = left_w + ink.px(20)
        amounts = [facts.show(s, name, delta, self.app.lang, sign=True) for _, delta in causes]
        amount_w = max((ink.width(a, CAUSE_SIZE, 700) for a in amounts), default=0)
        text_x = x + ink.px(BAR + 6) + amount_w + ink.px(8)
        text_w = width - pad - text_x
        return (
            x,
            text_x,
            text_w,
            [ink.wrapped_height(text, text_w, CAUSE_SIZE) for text, _ in causes],
        )

    def _row(
        self,
        ink: Ink,
        rect: pygame.Rect,
        left_w: int,
        name: str,
        change: float,
        causes: list[tuple[str, float]],
    ) -> None:
        """A metric: its label, value and change at the left, its causes at the right."""
        s = self.game.scenario
        widgets.panel(ink.surface, rect, theme.PANEL, ink.px(10))
        pad = ink.px(12)
        x, text_x, text_w, _ = self._geometry(ink, rect.width, left_w, name, causes)
        x, text_x = rect.left + x, rect.left + text_x
        self._value(ink, rect, left_w, name, change)
        y = rect.top + ink.px(7)
        if not causes:
            key = "why.derived" if name in s.derived else "why.none"
            room = pygame.Rect(x, y, rect.right - pad - x, rect.height)
            ink.wrapped(self.t(key), room, CAUSE_SIZE, theme.FAINT)
            return
        biggest = max(abs(d) for _, d in causes) or 1.0
        line = ink.line_height(CAUSE_SIZE)
        for text, delta in causes:
            good = facts.good_change(s, name, delta)
            color = theme.GOOD if good else theme.BAD
            bar_w = max(ink.px(3), round(ink.px(BAR) * abs(delta) / biggest))
            bar = (x, y + line // 4, bar_w, line // 2)
            pygame.draw.rect(ink.surface, color, bar, border_radius=ink.px(3))
            amount = facts.show(s, name, delta, self.app.lang, sign=True)
            ink.text(amount, (x + ink.px(BAR + 6), y), CAUSE_SIZE, color, 700)
            h = ink.wrapped_height(text, text_w, CAUSE_SIZE)
            ink.wrapped(text, pygame.Rect(text_x, y, text_w, h), CAUSE_SIZE, theme.TEXT)
            y += h

    def _value(self, ink: Ink, rect: pygame.Rect, left_w: int, name: str, change: float) -> None:
        """The label (wrapped), the value after the turn and its change."""
        s, lang = self.game.scenario, self.app.lang
        pad = ink.px(12)
        label = facts.label(s, name, lang)
        label_h = ink.wrapped_height(label, left_w, 16, 600)
        top = rect.top + ink.px(7)
        ink.wrapped(label, pygame.Rect(rect.left + pad, top, left_w, label_h), 16, theme.MUTED, 600)
        value = facts.show(s, name, self.game.value_at(self.turn, name), lang)
        v = ink.text(value, (rect.left + pad, top + label_h), 22, theme.TEXT, 800)
        tiny = abs(change) < 0.5 * 10 ** -facts.decimals(s, name)
        good = facts.good_change(s, name, change)
        color = theme.MUTED if tiny else theme.GOOD if good else theme.BAD
        shown = "±0" if tiny else facts.show(s, name, change, lang, sign=True)
        ink.text(shown, (v.right + ink.px(10), v.centery), 17, color, 800, anchor="midleft")

    def area(self) -> pygame.Rect:
        """Where the rows scroll: under the title, above the button."""
        w, h = self.size
        top = self.px(104)
        return pygame.Rect(self.px(32), top, w - self.px(64), h - self.px(96) - top)

    def items(self, ink: Ink) -> list[tuple[pygame.Rect, object]]:
        """What the report holds, placed in content coordinates: the predictions that came
        due (if any), then the metrics in two columns, each row as tall as its text."""
        area = self.area()
        placed: list[tuple[pygame.Rect, object]] = []
        y = 0
        reveals = due_reveals(self.app, self.turn)
        if reveals:
            rh = reveals_height(self.app, ink, area.width - ink.px(GUTTER), reveals)
            placed.append((pygame.Rect(0, 0, area.width - ink.px(GUTTER), rh), reveals))
            y = rh + ink.px(10)
        gap = ink.px(10)
        cw = (area.width - ink.px(GUTTER) - gap) // 2
        rows = self.rows()
        left_w = min(self._label_width(ink, rows), cw * 2 // 5)
        for i in range(0, len(rows), 2):
            pair = rows[i : i + 2]
            rh = max(self._row_height(ink, cw, left_w, row) for row in pair)
            for c, row in enumerate(pair):
                placed.append((pygame.Rect(c * (cw + gap), y, cw, rh), (left_w, row)))
            y += rh + gap
        return placed

    def pane(self) -> scroll.Pane:
        """The scrolled window onto the report's items."""
        ink = Ink(pygame.Surface((1, 1)))
        ink.scale = self.scale
        placed = self.items(ink)
        height = max((r.bottom for r, _ in placed), default=0)
        return scroll.pane(ink, height, ink.line_height(CAUSE_SIZE), self.area())

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop(surface)
        ink = Ink(surface)
        self._header(ink)
        pane = self.pane()
        offset = pane.clamp(self.offset)
        view = pane.view
        surface.set_clip(view)
        for rect, what in self.items(ink):
            at = rect.move(view.left, view.top - offset)
            if at.bottom < view.top or at.top > view.bottom:
                continue
            if isinstance(what, list):
                draw_reveals(self.app, ink, at, what)
            else:
                left_w, (name, change, causes) = cast(tuple[int, Row], what)
                self._row(ink, at, left_w, name, change, causes)
        surface.set_clip(None)
        scroll.frame(ink, pane, offset, self.t("scroll.more"), theme.BG)
        self.draw_buttons(ink)

    def _header(self, ink: Ink) -> None:
        game, lang = self.game, self.app.lang
        label = facts.turn_label(game.scenario, lang)
        ink.text(self.t("report.kicker"), (ink.px(32), ink.px(20)), 16, theme.ACCENT, 800)
        ink.text(
            self.t("report.title", label=label, n=self.turn),
            (ink.px(32), ink.px(42)),
            34,
            theme.TEXT,
            800,
        )
        events = [e for (t, e) in game.fired_log if t == self.turn]
        decided = [d for d in game.decisions if d.turn == self.turn]
        summary = self.t(
            "report.summary",
            decisions=tr_n("count.decisions", len(decided), lang),
            events=tr_n("count.events", len(events), lang),
        )
        ink.text(
            summary, (self.size[0] - ink.px(32), ink.px(56)), 17, theme.MUTED, anchor="topright"
        )

    def _row_height(
        self, ink: Ink, width: int, left_w: int, row: tuple[str, float, list[tuple[str, float]]]
    ) -> int:
        """A row as tall as its label and value, or its causes, whichever is taller."""
        name, _, causes = row
        s = self.game.scenario
        label_h = ink.wrapped_height(facts.label(s, name, self.app.lang), left_w, 16, 600)
        left = label_h + ink.line_height(22, 800)
        _, _, text_w, _ = self._geometry(ink, width, left_w, name, causes)
        if causes:
            right = sum(ink.wrapped_height(text, text_w, CAUSE_SIZE) for text, _ in causes)
        else:
            key = "why.derived" if name in s.derived else "why.none"
            right = ink.wrapped_height(self.t(key), width - left_w - ink.px(44), CAUSE_SIZE)
        return max(left, right) + ink.px(14)
