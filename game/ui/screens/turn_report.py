"""The turn report: "why did this move?" — each metric's change and its largest causes."""

from __future__ import annotations

import pygame

from game.engine.explain import cause_label
from game.i18n import tr_n
from game.ui import facts, theme, widgets
from game.ui.reveals import draw_reveals, due_reveals
from game.ui.screens.base import Host, Screen, Shot, Stage
from game.ui.widgets import Button, Ink

CAUSES = 3
CAUSE_SIZE = 14
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

    def buttons(self) -> list[Button]:
        w, h = self.size
        r = pygame.Rect(0, 0, self.px(320), self.px(56))
        r.bottomright = (w - self.px(32), h - self.px(22))
        key = "report.to_debrief" if self.game.over else "report.next_turn"
        return [Button("continue", self.t(key), r, primary=True, hint="Enter")]

    def handle(self, event: pygame.event.Event) -> Screen:
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

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop(surface)
        ink = Ink(surface)
        w, h = surface.get_size()
        game, lang = self.game, self.app.lang
        s = game.scenario
        label = facts.turn_label(s, lang)
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
        ink.text(
            self.t(
                "report.summary",
                decisions=tr_n("count.decisions", len(decided), lang),
                events=tr_n("count.events", len(events), lang),
            ),
            (w - ink.px(32), ink.px(56)),
            17,
            theme.MUTED,
            anchor="topright",
        )
        rows = self.rows()
        top = ink.px(104)
        bottom = h - ink.px(96)
        reveals = due_reveals(self.app, self.turn)
        if reveals:  # beside the button, under the metrics
            button = self.buttons()[0].rect
            panel = pygame.Rect(ink.px(32), h - ink.px(90), button.left - ink.px(48), ink.px(80))
            draw_reveals(self.app, ink, panel, reveals)
        cols = 2 if len(rows) > 5 else 1
        gap = ink.px(10)
        cw = (w - ink.px(64) - gap * (cols - 1)) // cols
        left_w = self._label_width(ink, rows)
        per_col = (len(rows) + cols - 1) // cols
        if cols == 2:  # split where the fewest causes are cut short
            options = range(max(1, per_col - 2), min(len(rows), per_col + 2))
            per_col = min(
                options,
                key=lambda k: (
                    self._heights(ink, cw, left_w, rows[:k], bottom - top)[1]
                    + self._heights(ink, cw, left_w, rows[k:], bottom - top)[1],
                    abs(k - per_col),
                ),
            )
        for c, column in enumerate([rows[:per_col], rows[per_col:]] if cols == 2 else [rows]):
            heights, _ = self._heights(ink, cw, left_w, column, bottom - top)
            y = top
            row_gap = min(gap, (bottom - top - sum(heights)) // max(1, len(column) - 1))
            for (name, change, causes), rh in zip(column, heights, strict=True):
                self._row(
                    ink,
                    pygame.Rect(ink.px(32) + c * (cw + gap), y, cw, rh),
                    left_w,
                    name,
                    change,
                    causes,
                )
                y += rh + row_gap
        self.draw_buttons(ink)

    def _heights(
        self,
        ink: Ink,
        width: int,
        left_w: int,
        column: list[tuple[str, float, list[tuple[str, float]]]],
        room: int,
    ) -> tuple[list[int], int]:
        """Row heights of one column: each row at least as tall as its label and value; the
        room left goes, a line at a time, to the rows whose causes need more lines. Also
        returns how many lines of causes stay cut short (rows that do not fit count 1000)."""
        gap = ink.px(6)
        base = ink.px(56)
        line = ink.line_height(CAUSE_SIZE)
        fits = max(1, (base - ink.px(10)) // line)
        wants = [
            max(0, sum(self._geometry(ink, width, left_w, name, causes)[3]) - fits)
            for name, _, causes in column
        ]
        heights = [base] * len(column)
        spare = room - base * len(column) - gap * (len(column) - 1)
        while spare >= line and any(wants):
            i = max(range(len(wants)), key=lambda k: wants[k])
            heights[i] += line
            wants[i] -= 1
            spare -= line
        overflow = 1000 if spare < 0 else 0
        return heights, sum(wants) + overflow

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
                ink.width(facts.label(s, name, lang), 15, 600),
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
            [len(widgets.wrap(text, ink.font(CAUSE_SIZE), text_w)) for text, _ in causes],
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
        game, lang = self.game, self.app.lang
        s = game.scenario
        widgets.panel(ink.surface, rect, theme.PANEL, ink.px(10))
        pad = ink.px(12)
        x, text_x, text_w, lines = self._geometry(ink, rect.width, left_w, name, causes)
        x, text_x = rect.left + x, rect.left + text_x
        left_w = x - ink.px(24) - rect.left
        value = game.value_at(self.turn, name)
        label = facts.label(s, name, lang)
        label_size = next(
            (size for size in (15, 14, 13) if ink.width(label, size, 600) <= left_w), 13
        )
        ink.text(
            label,
            (rect.left + pad, rect.top + ink.px(6)),
            label_size,
            theme.MUTED,
            600,
            max_width=left_w,
        )
        v = ink.text(
            facts.show(s, name, value, lang),
            (rect.left + pad, rect.top + ink.px(26)),
            22,
            theme.TEXT,
            800,
        )
        tiny = abs(change) < 0.5 * 10 ** -facts.decimals(s, name)
        color = (
            theme.MUTED if tiny else theme.GOOD if facts.good_change(s, name, change) else theme.BAD
        )
        ink.text(
            "±0" if tiny else facts.show(s, name, change, lang, sign=True),
            (v.right + ink.px(10), v.centery),
            17,
            color,
            800,
            anchor="midleft",
            max_width=rect.left + left_w + pad - v.right,
        )
        top, bottom = rect.top + ink.px(6), rect.bottom - ink.px(4)
        if not causes:
            key = "why.derived" if name in s.derived else "why.none"
            ink.wrapped(
                self.t(key),
                pygame.Rect(x, top, rect.right - pad - x, bottom - top),
                CAUSE_SIZE,
                theme.FAINT,
            )
            return
        biggest = max(abs(d) for _, d in causes) or 1.0
        line = ink.line_height(CAUSE_SIZE)
        budget = max(1, (bottom - top) // line)
        shown = min(len(causes), budget)
        y = top
        for i, (text, delta) in enumerate(causes[:shown]):
            alloc = max(1, min(lines[i], budget - (shown - i - 1)))
            budget -= alloc
            good = facts.good_change(s, name, delta)
            bar_w = max(ink.px(3), round(ink.px(BAR) * abs(delta) / biggest))
            pygame.draw.rect(
                ink.surface,
                theme.GOOD if good else theme.BAD,
                (x, y + line // 4, bar_w, line // 2),
                border_radius=ink.px(3),
            )
            ink.text(
                facts.show(s, name, delta, lang, sign=True),
                (x + ink.px(BAR + 6), y),
                CAUSE_SIZE,
                theme.GOOD if good else theme.BAD,
                700,
            )
            ink.wrapped(
                text,
                pygame.Rect(text_x, y, text_w, alloc * line),
                CAUSE_SIZE,
                theme.TEXT,
                max_lines=alloc,
            )
            y += alloc * line
