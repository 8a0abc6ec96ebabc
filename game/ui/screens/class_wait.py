"""Waiting for the facilitator: the next quarter is not open yet (lockstep), or the class is
paused. Nothing to press: the game moves on by itself when the class does. Without a
connection the player may choose to play on alone.
"""

from __future__ import annotations

import pygame

from game.ui import class_play, class_shots, facts, theme
from game.ui.screens.base import Host, Screen, Shot, Stage
from game.ui.widgets import Button, Ink


class ClassWaitScreen(Screen):
    """The class is not ready for this player's next quarter."""

    name = "class_wait"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        return class_shots.wait_shots(stage.app) if stage.name == "mid_turn_answered" else []

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        class_play.link(app).set_waiting(True)

    def status_spot(self) -> None:
        """No banner: the screen says it itself."""
        return None

    def offline(self) -> bool:
        """Whether the class server does not answer."""
        return class_play.link(self.app).state.online is False

    def buttons(self) -> list[Button]:
        y = self.size[1] - self.px(96)
        out = [
            Button(
                "menu",
                self.t("turn.menu"),
                pygame.Rect(self.px(96), y, self.px(200), self.px(56)),
                hint="Esc",
            )
        ]
        if self.offline():
            out.append(
                Button(
                    "play_on",
                    self.t("class.play_on"),
                    pygame.Rect(self.px(316), y, self.px(420), self.px(56)),
                    primary=True,
                    hint="P",
                )
            )
        return out

    def handle(self, event: pygame.event.Event) -> Screen:
        if class_play.blocked(self.app) is None:
            return self.go("turn")
        if event.type == pygame.KEYDOWN:  # Enter must not slip past the wait by accident
            if event.key == pygame.K_ESCAPE:
                return self.press("menu")
            if event.key == pygame.K_p and self.offline():
                return self.press("play_on")
            return self
        return super().handle(event)

    def press(self, key: str) -> Screen:
        if key == "menu":
            return self.go("menu", self)
        if key == "play_on":
            class_play.link(self.app).play_on = True
            return self.go("turn")
        return self

    def close(self) -> None:
        class_play.link(self.app).set_waiting(False)

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop(surface)
        ink = Ink(surface)
        w, h = surface.get_size()
        x = ink.px(96)
        width = min(ink.px(1000), w - 2 * x)
        session = self.app.session
        assert session is not None
        s, game = session.game.scenario, session.game
        label = facts.turn_label(s, self.app.lang)
        code = session.joined.code if session.joined is not None else ""
        paused = class_play.blocked(self.app) == "paused"
        ink.text(self.t("class.wait_kicker", code=code), (x, ink.px(90)), 20, theme.ACCENT, 800)
        title = (
            self.t("class.paused_title")
            if paused
            else self.t("class.wait_title", label=label, n=game.turn)
        )
        used = ink.wrapped(
            title, pygame.Rect(x, ink.px(122), width, ink.px(130)), 48, theme.TEXT, 800
        )
        body = (
            self.t("class.paused_body")
            if paused
            else self.t("class.wait_body", label=label, n=game.turn, unit=label.lower())
        )
        y = ink.px(122) + used + ink.px(16)
        y += ink.wrapped(body, pygame.Rect(x, y, width, ink.px(120)), 24, theme.MUTED)
        timer = class_play.time_text(self.app)  # the server's seconds, only while it runs
        if timer is not None:
            y += ink.px(12) + ink.wrapped(
                timer, pygame.Rect(x, y + ink.px(12), width, ink.px(40)), 24, theme.INFO, 700
            )
        self._pips(ink, x, y + ink.px(40), s.turns, game.turn, paused)
        if self.offline():
            ink.wrapped(
                self.t("class.wait_offline"),
                pygame.Rect(x, h - ink.px(200), width, ink.px(90)),
                20,
                theme.ACCENT,
                700,
            )
        self.draw_buttons(ink, 22)

    def _pips(self, ink: Ink, x: int, y: int, turns: int, current: int, paused: bool) -> None:
        """The quarters as dots: played ones filled, the one waited for ringed."""
        r = ink.px(14)
        step = min(ink.px(56), (self.size[0] - 2 * x) // max(1, turns))
        for i in range(1, turns + 1):
            c = (x + r + (i - 1) * step, y)
            if i < current:
                pygame.draw.circle(ink.surface, theme.GOOD, c, r)
            elif i == current:
                pygame.draw.circle(ink.surface, theme.ACCENT, c, r + ink.px(4), ink.px(4))
                if paused:
                    pygame.draw.rect(
                        ink.surface,
                        theme.ACCENT,
                        (c[0] - ink.px(7), c[1] - ink.px(8), ink.px(5), ink.px(16)),
                    )
                    pygame.draw.rect(
                        ink.surface,
                        theme.ACCENT,
                        (c[0] + ink.px(2), c[1] - ink.px(8), ink.px(5), ink.px(16)),
                    )
            else:
                pygame.draw.circle(ink.surface, theme.LINE, c, r, ink.px(3))
            ink.text(str(i), (c[0], c[1] + r + ink.px(8)), 16, theme.MUTED, 700, anchor="midtop")
