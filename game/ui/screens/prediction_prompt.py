"""Predict before you see: adopting a policy first asks what it will do to the two or three
metrics it moves most, by the quarter the prediction is about. One click per line (or the
keys 1–3 on the focused line); Enter adopts with the answers given; Esc adopts without
predicting. The answers are kept in the session and go into the result file."""

from __future__ import annotations

from typing import Any

import pygame

from game.engine import Adopt
from game.engine.prediction import DIRECTIONS, Direction, Prediction, due_turn, moved_metrics
from game.scenario import localize
from game.ui import facts, theme, widgets
from game.ui.screens.base import Host, Overlay, Screen, Shot, Stage
from game.ui.widgets import Button, Ink


class PredictionPrompt(Overlay):
    """Asks for the player's expectation before a policy is adopted."""

    name = "predict"
    keys_on_buttons = False  # the keys move between the answer lines; Enter and Esc are named

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        turn, app = stage.turn, stage.app
        if stage.name != "mid_turn_answered" or turn is None or app.session is None:
            return []
        game = app.session.game
        open_ids = [p.id for p in game.scenario.policies if game.why_not_adopt(p.id) is None]
        if not open_ids:
            return []

        def make() -> Screen:
            prompt = cls(app, turn, open_ids[0])
            if prompt.metrics:
                prompt.answer(prompt.metrics[0], "up")
            return prompt

        return [Shot("10b-predict", make)]

    def __init__(self, app: Host, parent: Screen, policy_id: str) -> None:
        super().__init__(app, parent)
        self.policy_id = policy_id
        self.metrics = moved_metrics(self.game, policy_id)
        self.by = due_turn(self.game, self.game.turn)
        self.answers: dict[str, Direction] = {}
        self.line = 0  # the line the keys 1–3 answer

    def _rect(self) -> pygame.Rect:
        return self.dialog_rect(860, 300 + 74 * len(self.metrics))

    def choice_rects(self) -> dict[tuple[str, Direction], pygame.Rect]:
        """Where each answer button of each metric line is."""
        rect = self._rect()
        out = {}
        y = rect.top + self.px(170)
        w = self.px(140)
        for metric in self.metrics:
            x = rect.right - self.px(32) - 3 * w - 2 * self.px(10)
            for d in DIRECTIONS:
                out[(metric, d)] = pygame.Rect(x, y, w, self.px(52))
                x += w + self.px(10)
            y += self.px(74)
        return out

    def buttons(self) -> list[Button]:
        rect = self._rect()
        y = rect.bottom - self.px(24) - self.px(56)
        ink = Ink(self.app.surface)
        skip_w = max(self.px(260), widgets.button_width(ink, self.t("reflect.predict_skip"), "Esc"))
        skip = Button(
            "skip",
            self.t("reflect.predict_skip"),
            pygame.Rect(rect.left + self.px(32), y, skip_w, self.px(56)),
            hint="Esc",
        )
        adopt_w = max(
            self.px(260), widgets.button_width(ink, self.t("reflect.predict_adopt"), "Enter")
        )
        adopt = pygame.Rect(0, y, adopt_w, self.px(56))
        adopt.right = rect.right - self.px(32)
        return [
            skip,
            Button("adopt", self.t("reflect.predict_adopt"), adopt, primary=True, hint="Enter"),
        ]

    def hover_key(self, pos: tuple[int, int]) -> Any:
        hit = next((k for k, r in self.choice_rects().items() if r.collidepoint(pos)), None)
        return hit or super().hover_key(pos)

    def handle(self, event: pygame.event.Event) -> Screen:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return self.press("skip")
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                return self.press("adopt")
            if event.key in (pygame.K_1, pygame.K_2, pygame.K_3) and self.metrics:
                self.answer(self.metrics[self.line], DIRECTIONS[event.key - pygame.K_1])
                return self
            if event.key in (pygame.K_DOWN, pygame.K_TAB) and self.metrics:
                self.line = (self.line + 1) % len(self.metrics)
                return self
            if event.key == pygame.K_UP and self.metrics:
                self.line = (self.line - 1) % len(self.metrics)
                return self
            return self
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for (metric, d), r in self.choice_rects().items():
                if r.collidepoint(event.pos):
                    self.answer(metric, d)
                    return self
        return super().handle(event)

    def answer(self, metric: str, direction: Direction) -> None:
        """Record one answer (a second click on the same answer takes it back)."""
        if self.answers.get(metric) == direction:
            del self.answers[metric]
        else:
            self.answers[metric] = direction
            if metric in self.metrics:
                self.line = min(self.metrics.index(metric) + 1, len(self.metrics) - 1)

    def press(self, key: str) -> Screen:
        session = self.app.session
        game = self.game
        turn = game.turn
        predictions = [
            Prediction(turn, self.policy_id, m, self.by, d) for m, d in self.answers.items()
        ]
        if key == "adopt" and session is not None:  # a refusal becomes a message (App)
            self.app.tell(session.adopt_predicting(self.policy_id, predictions))
        else:
            self.app.act(Adopt(self.policy_id))
        name = localize(
            game.policy(self.policy_id).name,
            self.app.lang,
            game.scenario.default_language,
        )
        self.app.toast(self.t("policy.adopted", name=name), good=True, on=self.parent)
        return self.parent

    def _line(self, ink: Ink, i: int, metric: str, x: int) -> None:
        """One metric to predict: its label and the three answers."""
        game, lang = self.game, self.app.lang
        s = game.scenario
        surface = ink.surface
        rects = self.choice_rects()
        hover = self.hover_key(self.app.mouse)
        first = rects[(metric, DIRECTIONS[0])]
        focus = i == self.line and self.app.keyboard_focus
        ink.text(
            facts.label(s, metric, lang),
            (x, first.centery),
            20,
            theme.ACCENT if focus else theme.TEXT,
            700,
            anchor="midleft",
            max_width=first.left - x - ink.px(16),
        )
        for d in DIRECTIONS:
            r = rects[(metric, d)]
            chosen = self.answers.get(metric) == d
            lit = hover == (metric, d)
            bg = theme.ACCENT if chosen else theme.PANEL_HI if lit else theme.BG_TOP
            fg = theme.ACCENT_DARK if chosen else theme.TEXT
            widgets.panel(surface, r, bg, ink.px(10), theme.ACCENT if lit else theme.LINE)
            label = self.t(f"reflect.{d}")
            if d != "same":
                good = facts.good_change(s, metric, 1.0 if d == "up" else -1.0)
                widgets.arrow(
                    surface,
                    (r.left + ink.px(22), r.centery),
                    ink.px(11),
                    d == "up",
                    fg if chosen else theme.GOOD if good else theme.BAD,
                )
            ink.text(
                label,
                (r.centerx + ink.px(10 if d != "same" else 0), r.centery),
                18,
                fg,
                700,
                anchor="center",
                max_width=r.width - ink.px(40),
            )

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        ink = Ink(surface)
        rect = self._rect()
        game, lang = self.game, self.app.lang
        s = game.scenario
        widgets.panel(surface, rect, theme.PANEL, ink.px(18), theme.ACCENT, ink.px(3))
        x = rect.left + ink.px(32)
        inner = rect.width - ink.px(64)
        ink.text(self.t("reflect.predict_title"), (x, rect.top + ink.px(24)), 16, theme.ACCENT, 800)
        policy = localize(game.policy(self.policy_id).name, lang, s.default_language)
        when = f"{facts.turn_label(s, lang)} {self.by}"
        ink.wrapped(
            self.t("reflect.predict_ask", policy=policy, turn=when),
            pygame.Rect(x, rect.top + ink.px(52), inner, ink.px(72)),
            24,
            theme.TEXT,
            800,
            max_lines=2,
        )
        ink.text(
            self.t("reflect.predict_note"),
            (x, rect.top + ink.px(124)),
            16,
            theme.MUTED,
            max_width=inner,
        )
        for i, metric in enumerate(self.metrics):
            self._line(ink, i, metric, x)
        ink.text(
            self.t("reflect.predict_keys"),
            (rect.centerx, rect.top + ink.px(170 + 74 * len(self.metrics) + 6)),
            16,
            theme.FAINT,
            anchor="midtop",
            max_width=inner,
        )
        self.draw_buttons(ink)
