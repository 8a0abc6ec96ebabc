"""The Esc menu over the turn screen: resume, read the briefing, save and quit to the title,
language."""

from __future__ import annotations

import pygame

from game.i18n import other_language
from game.ui import theme, widgets
from game.ui.screens.base import Overlay, Screen, Shot, Stage
from game.ui.widgets import Button, Ink


class MenuOverlay(Overlay):
    """A small menu; the game stays beneath it."""

    name = "menu"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        turn = stage.turn
        if stage.name != "mid_turn_answered" or turn is None:
            return []
        return [Shot("11-menu", lambda: stage.app.make("menu", turn))]

    def _rect(self) -> pygame.Rect:
        return self.dialog_rect(520, 440)

    def buttons(self) -> list[Button]:
        rect = self._rect()
        x, w, h = rect.left + self.px(40), rect.width - self.px(80), self.px(56)
        y = rect.top + self.px(110)
        keys = [
            ("resume", self.t("menu.resume"), "Esc"),
            ("briefing", self.t("menu.briefing"), "P"),
            ("save_quit", self.t("menu.save_quit"), "Q"),
            ("language", self.t("title.language"), "B"),
        ]
        return [
            Button(
                k, label, pygame.Rect(x, y + i * (h + self.px(14)), w, h), primary=i == 0, hint=hint
            )
            for i, (k, label, hint) in enumerate(keys)
        ]

    def handle(self, event: pygame.event.Event) -> Screen:
        if event.type == pygame.KEYDOWN:
            shortcut = {
                pygame.K_ESCAPE: "resume",
                pygame.K_q: "save_quit",
                pygame.K_b: "language",
                pygame.K_p: "briefing",
            }.get(event.key)
            if shortcut:
                return self.press(shortcut)
        return super().handle(event)

    def press(self, key: str) -> Screen:
        if key == "resume":
            return self.parent
        if key == "briefing":
            return self.go("briefing", self.parent)
        if key == "language":
            self.app.set_language(other_language(self.app.lang))
            return self
        if key == "save_quit":
            self.app.autosave()
            self.app.session = None
            return self.go("title")
        return self

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        ink = Ink(surface)
        rect = self._rect()
        widgets.panel(surface, rect, theme.PANEL, ink.px(18), theme.ACCENT, ink.px(3))
        ink.text(
            self.t("menu.title"),
            (rect.centerx, rect.top + ink.px(36)),
            32,
            theme.TEXT,
            800,
            anchor="midtop",
        )
        self.draw_buttons(ink, 22)
