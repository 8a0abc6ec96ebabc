"""Who plays a game alone: name, optional NIP, and the cohort (pygame_gui text entries).

The cohort only labels the results for comparing classes later; joining a live class is the
other way in ("Gabung kelas"). What is typed there is easy to mistake for the projector's
class code, so when it is the code of a live class at the last used address (any case),
the screen offers to join that class instead of starting alone.
"""

from __future__ import annotations

import threading

import pygame

from game.session import Player
from game.ui import class_play, theme, widgets
from game.ui.join_worker import live_class
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
        self.checking: threading.Thread | None = None
        self.found: str | None = None  # what the check thread found (a live class's code)
        self.offer: str | None = None  # the live class offered instead of a game alone

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
        if self.offer is not None:
            box = self._offer_box()
            y, x = box.bottom - self.px(80), box.left + self.px(32)
            return [
                Button(
                    "offer_join",
                    self.t("player.offer_join", code=self.offer),
                    pygame.Rect(x, y, self.px(330), self.px(56)),
                    primary=True,
                    hint="Enter",
                ),
                Button(
                    "offer_solo",
                    self.t("player.offer_solo"),
                    pygame.Rect(x + self.px(350), y, self.px(300), self.px(56)),
                    hint="Esc",
                ),
            ]
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

    def _offer_box(self) -> pygame.Rect:
        w, h = self.size
        width = min(self.px(760), w - self.px(96))
        return pygame.Rect((w - width) // 2, h // 2 - self.px(150), width, self.px(300))

    def handle(self, event: pygame.event.Event) -> Screen:
        if event.type == class_play.CLASS_EVENT:
            return self._checked()
        if self.offer is not None:
            return self._handle_offer(event)
        if self.checking is not None:
            return self
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

    def _handle_offer(self, event: pygame.event.Event) -> Screen:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.press("offer_join")
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self.press("offer_solo")
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for b in self.buttons():
                if b.hit(event.pos):
                    return self.press(b.key)
        return self

    def _check(self, v: dict[str, str]) -> Screen:
        """Ask the last used class server whether the cohort typed is a live class's code."""
        address, lang = self.app.settings.class_address or "", self.app.lang
        factory = class_play.client_factory()
        self.found = None

        def work() -> None:
            self.found = live_class(address, v["cohort"], lang, factory)
            class_play.notify()

        self.checking = threading.Thread(target=work, name="agen-cohort-check", daemon=True)
        self.checking.start()
        return self

    def _checked(self) -> Screen:
        """The check has answered: offer the live class, or start the game alone."""
        if self.checking is None or self.checking.is_alive():
            return self
        self.checking = None
        if self.found is not None:
            self.offer = self.found
            return self
        return self._solo()

    def _solo(self) -> Screen:
        v = self.values()
        return self.go("scenario", Player(v["name"], v["nip"] or None, v["cohort"]))

    def press(self, key: str) -> Screen:
        if key == "offer_join" and self.offer is not None:
            v = self.values()
            player = Player(v["name"], v["nip"] or None, "")
            return self.go("class_join", player, code=self.offer)
        if key == "offer_solo":
            return self._solo()
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
            if self.app.settings.class_address:
                return self._check(v)
            return self._solo()
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
        cohort = self._field_rect(2)
        ink.text(
            self.t("player.cohort_hint"),
            (cohort.left, cohort.bottom + ink.px(6)),
            16,
            theme.FAINT,
            max_width=cohort.width,
        )
        if self.offer is not None:
            self._draw_offer(surface, ink)
            return
        self.form.draw(surface)
        self.draw_buttons(ink, 22)
        if self.checking is not None:
            rect = self._field_rect(3)
            ink.text(
                self.t("player.checking"),
                (rect.left + ink.px(560), rect.top + ink.px(38)),
                20,
                theme.MUTED,
                700,
                anchor="midleft",
                max_width=self.size[0] - rect.left - ink.px(600),
            )

    def _draw_offer(self, surface: pygame.Surface, ink: Ink) -> None:
        """A live class has this code: join it, or play alone with it as a label."""
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surface.blit(shade, (0, 0))
        box = self._offer_box()
        widgets.panel(surface, box, theme.PANEL, ink.px(16), theme.ACCENT, ink.px(3))
        inner = box.inflate(-ink.px(64), -ink.px(56))
        ink.text(
            self.t("player.offer_title"), inner.topleft, 28, theme.TEXT, 800, max_width=inner.width
        )
        address = self.app.settings.class_address or ""
        ink.wrapped(
            self.t("player.offer_text", code=self.offer, address=address),
            pygame.Rect(inner.left, inner.top + ink.px(48), inner.width, ink.px(110)),
            20,
            theme.MUTED,
        )
        self.draw_buttons(ink, 22)
