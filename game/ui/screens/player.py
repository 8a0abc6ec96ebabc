"""Player and class entry: name, optional NIP, class code (pygame_gui text entries)."""

from __future__ import annotations

import pygame

from game.session import Player
from game.ui import theme, widgets
from game.ui.screens.base import Host, Screen, Shot, Stage
from game.ui.text_form import TextForm
from game.ui.widgets import Button, Ink

FIELDS = ("name", "nip", "cohort")
LIMITS = {"name": 60, "nip": 18, "cohort": 30}


class PlayerScreen(Screen):
    """Who is playing, in which class."""

    name = "player"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        if stage.name != "start":
            return []

        def filled() -> Screen:
            screen = stage.app.make("player", stage.player)
            screen.tick(0.01)
            return screen

        return [Shot("02-player", filled)]

    def __init__(self, app: Host, player: Player | None = None) -> None:
        super().__init__(app)
        self.error: str | None = None
        start = player or Player("", None, "")
        self.form = TextForm(
            self.size,
            FIELDS,
            lambda key: self._field_rect(FIELDS.index(key)),
            LIMITS,
            {"name": start.name, "nip": start.player_id or "", "cohort": start.cohort},
        )
        self.form.entries["name"].focus()

    def _field_rect(self, i: int) -> pygame.Rect:
        w, _ = self.size
        return pygame.Rect(
            self.px(96),
            self.px(250) + i * self.px(112),
            min(self.px(620), w - self.px(192)),
            self.px(54),
        )

    def values(self) -> dict[str, str]:
        """What the player has typed so far."""
        return {k: text.strip() for k, text in self.form.texts().items()}

    def buttons(self) -> list[Button]:
        y = self._field_rect(3).top + self.px(10)
        x = self.px(96)
        return [
            Button(
                "back",
                self.t("common.back"),
                pygame.Rect(x, y, self.px(200), self.px(56)),
                hint="Esc",
            ),
            Button(
                "next",
                self.t("player.next"),
                pygame.Rect(x + self.px(220), y, self.px(300), self.px(56)),
                primary=True,
                hint="Enter",
            ),
            Button(
                "join",
                self.t("class.join_button_player"),
                self._class_panel()
                .inflate(-self.px(48), 0)
                .clip(pygame.Rect(0, self._class_panel().bottom - self.px(84), 99999, self.px(56))),
                hint="F2",
            ),
        ]

    def _class_panel(self) -> pygame.Rect:
        """The "live class" box beside the form."""
        w, _ = self.size
        left = self._field_rect(0).right + self.px(48)
        top = self._field_rect(0).top - self.px(34)
        return pygame.Rect(left, top, max(self.px(300), w - left - self.px(96)), self.px(310))

    def handle(self, event: pygame.event.Event) -> Screen:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self.press("back")
        if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB:
            self.form.tab(backwards=bool(event.mod & pygame.KMOD_SHIFT))
            return self
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.press("next")
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F2:
            return self.press("join")
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for b in self.buttons():
                if b.hit(event.pos):
                    return self.press(b.key)
        self.form.process(event)
        return self

    def press(self, key: str) -> Screen:
        if key == "back":
            return self.go("title")
        if key == "join":
            v = self.values()
            return self.go("class_join", Player(v["name"], v["nip"] or None, v["cohort"]))
        if key == "next":
            v = self.values()
            if not v["name"]:
                self.error = "player.need_name"
                self.form.entries["name"].focus()
                return self
            if not v["cohort"]:
                self.error = "player.need_cohort"
                self.form.entries["cohort"].focus()
                return self
            return self.go("scenario", Player(v["name"], v["nip"] or None, v["cohort"]))
        return self

    def wants_ticks(self) -> bool:
        return True

    def tick(self, dt: float) -> bool:
        self.form.tick(self.size, dt)
        return True

    def close(self) -> None:
        self.form.close()

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop(surface)
        ink = Ink(surface)
        x = ink.px(96)
        ink.text(self.t("player.title"), (x, ink.px(70)), 44, theme.TEXT, 800)
        ink.wrapped(
            self.t("player.intro"),
            pygame.Rect(x, ink.px(136), ink.px(900), ink.px(80)),
            22,
            theme.MUTED,
        )
        labels = ("player.name", "player.nip", "player.cohort")
        for i, key in enumerate(labels):
            rect = self._field_rect(i)
            ink.text(self.t(key), (rect.left, rect.top - ink.px(34)), 20, theme.ACCENT, 700)
        if self.error:
            rect = self._field_rect(3)
            ink.text(
                self.t(self.error),
                (rect.left + ink.px(560), rect.top + ink.px(38)),
                20,
                theme.BAD,
                700,
                anchor="midleft",
                max_width=self.size[0] - rect.left - ink.px(600),
            )
        box = self._class_panel()
        widgets.panel(surface, box, theme.PANEL, ink.px(16), theme.LINE, ink.px(2))
        inner = box.inflate(-ink.px(48), -ink.px(40))
        ink.text(self.t("class.player_kicker"), inner.topleft, 16, theme.ACCENT, 800)
        ink.wrapped(
            self.t("class.player_pitch"),
            pygame.Rect(inner.left, inner.top + ink.px(32), inner.width, ink.px(150)),
            19,
            theme.MUTED,
        )
        self.form.draw(surface)
        self.draw_buttons(ink, 22)
