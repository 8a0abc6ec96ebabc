"""The title screen: continue a saved game, new game, join a class, leaderboard, language, quit."""

from __future__ import annotations

import math

import pygame

from game import session as sessions  # Session loads on first use (game/session/__init__.py)
from game.errors import AgenError
from game.i18n import other_language, say_error
from game.scenario.vocabulary import CATEGORIES
from game.ui import theme, widgets
from game.ui.screens.base import Screen, Shot, Stage
from game.ui.widgets import Button, Ink

TOP = 300  # where the buttons start (design pixels of the 1280x720 layout)


class TitleScreen(Screen):
    """The first screen."""

    name = "title"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        if stage.name != "start":
            return []
        return [Shot("01-title", lambda: stage.app.make("title"), (200, 420))]

    def buttons(self) -> list[Button]:
        x, y = self.px(96), self.px(TOP)
        bw, bh, gap = self.px(440), self.px(50), self.px(12)
        has_save = self.app.save_path.is_file()
        keys = [
            ("continue", self.t("title.continue"), has_save, "C"),
            ("new", self.t("title.new"), True, "N"),
            (
                "join",
                self.t("class.join_button_player"),
                True,
                "G" if self.app.lang == "id" else "J",
            ),
            ("leaderboard", self.t("title.leaderboard"), True, "L"),
            ("language", self.t("title.language"), True, "B"),
            ("quit", self.t("title.quit"), True, "Esc"),
        ]
        out = []
        for i, (key, label, enabled, hint) in enumerate(keys):
            rect = pygame.Rect(x, y + i * (bh + gap), bw, bh)
            out.append(
                Button(
                    key,
                    label,
                    rect,
                    enabled,
                    primary=key == ("continue" if has_save else "new"),
                    hint=hint,
                )
            )
        return out

    def handle(self, event: pygame.event.Event) -> Screen:
        if event.type == pygame.KEYDOWN:
            shortcut = {
                pygame.K_c: "continue",
                pygame.K_n: "new",
                pygame.K_g: "join",
                pygame.K_j: "join",
                pygame.K_l: "leaderboard",
                pygame.K_b: "language",
                pygame.K_ESCAPE: "quit",
            }.get(event.key)
            if shortcut is not None:
                if shortcut == "continue" and not self.app.save_path.is_file():
                    return self
                return self.press(shortcut)
        return super().handle(event)

    def press(self, key: str) -> Screen:
        if key == "quit":
            self.app.running = False
            return self
        if key == "language":
            self.app.set_language(other_language(self.app.lang))
            return self
        if key == "new":
            return self.go("player")
        if key == "join":
            return self.go("class_join")
        if key == "leaderboard":
            return self.go("leaderboard", self)
        if key == "continue":
            try:
                self.app.session = sessions.Session.resume(self.app.save_path)
            except AgenError as exc:
                self.app.toast(
                    self.t("title.cannot_continue", reason=say_error(exc, self.app.lang))
                )
                return self
            return self.go("turn")
        return self

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop(surface)
        ink = Ink(surface)
        w, h = surface.get_size()
        x = ink.px(96)
        ink.text(self.t("title.kicker"), (x, ink.px(90)), 20, theme.ACCENT, 700)
        ink.text("Agen Perubahan", (x, ink.px(118)), 72, theme.TEXT, 800)
        ink.wrapped(
            self.t("title.tagline"),
            pygame.Rect(x, ink.px(216), ink.px(620), ink.px(TOP - 224)),
            20,
            theme.MUTED,
        )
        self.draw_buttons(ink, 24)
        lang_label = self.t("title.language_now")
        below = self.buttons()[-1].rect.bottom
        ink.text(lang_label, (x, below + ink.px(12)), 18, theme.FAINT)
        self._emblem(surface, ink, (w - ink.px(330), h // 2 + ink.px(20)), ink.px(190))
        if self.app.options.playtest:
            ink.text(
                self.t("playtest.badge"),
                (w - ink.px(24), ink.px(20)),
                18,
                theme.ACCENT,
                700,
                anchor="topright",
            )

    def _emblem(self, surface: pygame.Surface, ink: Ink, center: tuple[int, int], r: int) -> None:
        """Eight policy categories around a rising chart: the game in one picture."""
        cx, cy = center
        pygame.draw.circle(surface, theme.PANEL, center, r + ink.px(40))
        pygame.draw.circle(surface, theme.LINE, center, r + ink.px(40), ink.px(2))
        bars = [0.35, 0.5, 0.45, 0.7, 0.9]
        bw = ink.px(26)
        base = cy + ink.px(60)
        for i, frac in enumerate(bars):
            bx = cx - ink.px(80) + i * ink.px(34)
            bh = round(ink.px(150) * frac)
            color = theme.mix(theme.INFO, theme.ACCENT, i / (len(bars) - 1))
            pygame.draw.rect(surface, color, (bx, base - bh, bw, bh), border_radius=ink.px(4))
        for i, cat in enumerate(CATEGORIES):
            a = -math.pi / 2 + i * 2 * math.pi / len(CATEGORIES)
            pos = (round(cx + r * math.cos(a)), round(cy + r * math.sin(a)))
            widgets.category_icon(surface, cat, pos, ink.px(26))
