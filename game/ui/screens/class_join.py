"""Join a live class: the server's address and the class code (as the projector shows them),
then the name (or a team's name and its members) and an optional NIP.

The network work runs on a background thread; the screen shows "connecting" meanwhile and
the result, or the reason it failed, when the thread is done.
"""

from __future__ import annotations

import threading

import pygame

from game.session import Player
from game.ui import class_play, class_shots, theme
from game.ui.join_worker import Joined, JoinFailed, check_form, join_class
from game.ui.screens.base import Host, Screen, Shot, Stage
from game.ui.text_form import TextForm
from game.ui.widgets import Button, Ink

FIELDS = ("address", "code", "name", "nip", "members")
LIMITS = {"address": 120, "code": 40, "name": 60, "nip": 18, "members": 200}


class ClassJoinScreen(Screen):
    """The join form."""

    name = "class_join"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        return class_shots.join_shots(stage.app) if stage.name == "start" else []

    def __init__(self, app: Host, player: Player | None = None, code: str = "") -> None:
        super().__init__(app)
        self.error: JoinFailed | None = None
        self.thread: threading.Thread | None = None
        self.outcome: Joined | JoinFailed | None = None
        start = player or Player("", None, "")
        self.form = TextForm(
            self.size,
            FIELDS,
            self.field_rect,
            LIMITS,
            {
                "address": app.settings.class_address or "",
                "code": code,
                "name": start.name,
                "nip": start.player_id or "",
            },
        )
        first = "name" if app.settings.class_address else "address"
        if code and not start.name:
            first = "name"
        self.form.entries[first].focus()

    # -- layout -------------------------------------------------------------------------

    def field_rect(self, key: str) -> pygame.Rect:
        """Where a field's entry sits."""
        w, _ = self.size
        left, gap = self.px(96), self.px(32)
        full = min(self.px(1088), w - 2 * left)
        half = (full - gap) // 2
        row = {"address": 0, "code": 0, "name": 1, "nip": 1, "members": 2}[key]
        right = key in ("code", "nip")
        top = self.px(250) + row * self.px(108)
        width = full if key == "members" else half
        return pygame.Rect(left + (half + gap if right else 0), top, width, self.px(54))

    def values(self) -> dict[str, str]:
        """What has been typed."""
        return self.form.texts()

    def buttons(self) -> list[Button]:
        y = self.field_rect("members").bottom + self.px(74)
        x = self.px(96)
        busy = self.thread is not None
        return [
            Button(
                "back",
                self.t("common.back"),
                pygame.Rect(x, y, self.px(200), self.px(56)),
                hint="Esc",
            ),
            Button(
                "join",
                self.t("class.connecting") if busy else self.t("class.join_button"),
                pygame.Rect(x + self.px(220), y, self.px(340), self.px(56)),
                enabled=not busy,
                primary=True,
                hint="Enter",
            ),
        ]

    # -- input --------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Screen:
        if event.type == class_play.CLASS_EVENT:
            return self._landed()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self.press("back")
        if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB:
            self.form.tab(backwards=bool(event.mod & pygame.KMOD_SHIFT))
            return self
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.press("join")
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for b in self.buttons():
                if b.hit(event.pos):
                    return self.press(b.key)
        self.form.process(event)
        return self

    def press(self, key: str) -> Screen:
        if key == "back":
            v = self.values()
            return self.go("player", Player(v["name"].strip(), v["nip"].strip() or None, ""))
        if key == "join" and self.thread is None:
            v = self.values()
            try:
                form = check_form(v["address"], v["code"], v["name"], v["nip"], v["members"])
            except JoinFailed as exc:
                return self._failed(exc)
            self.error = None
            self.outcome = None
            self.app.settings.class_address = v["address"].strip()
            self.app.settings.save(self.app.config_dir)
            data_dir, lang, factory = self.app.data_dir, self.app.lang, class_play.client_factory()

            def work() -> None:
                try:
                    self.outcome = join_class(form, data_dir, lang, factory)
                except JoinFailed as exc:
                    self.outcome = exc
                except Exception as exc:  # a surprise from the network or the disk: one line
                    self.outcome = JoinFailed("class.err.refused", "address", reason=str(exc))
                class_play.notify()

            self.thread = threading.Thread(target=work, name="agen-join", daemon=True)
            self.thread.start()
        return self

    def _failed(self, exc: JoinFailed) -> Screen:
        self.error = exc
        if exc.field in self.form.entries:
            self.form.focus(exc.field)
        return self

    def _landed(self) -> Screen:
        """The join thread has finished: show the briefing, or why it failed."""
        if self.thread is None or self.thread.is_alive() or self.outcome is None:
            return self
        self.thread = None
        outcome, self.outcome = self.outcome, None
        if isinstance(outcome, JoinFailed):
            return self._failed(outcome)
        return self.go("class_briefing", outcome)

    def wants_ticks(self) -> bool:
        return True

    def tick(self, dt: float) -> bool:
        self.form.tick(self.size, dt)
        return True

    def close(self) -> None:
        self.form.close()

    # -- drawing ------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self.backdrop(surface)
        ink = Ink(surface)
        x = ink.px(96)
        w, _ = surface.get_size()
        ink.text(self.t("class.join_kicker"), (x, ink.px(50)), 18, theme.ACCENT, 800)
        ink.text(self.t("class.join_title"), (x, ink.px(74)), 44, theme.TEXT, 800)
        ink.wrapped(
            self.t("class.join_intro"),
            pygame.Rect(x, ink.px(138), min(ink.px(1088), w - 2 * x), ink.px(60)),
            20,
            theme.MUTED,
        )
        for key in FIELDS:
            rect = self.field_rect(key)
            ink.text(
                self.t(f"class.field_{key}"),
                (rect.left, rect.top - ink.px(32)),
                19,
                theme.ACCENT,
                700,
                max_width=rect.width,
            )
        members = self.field_rect("members")
        ink.text(
            self.t("class.members_hint"),
            (members.left, members.bottom + ink.px(6)),
            16,
            theme.FAINT,
            max_width=members.width,
        )
        self.form.draw(surface)
        self.draw_buttons(ink, 22)
        join = self.buttons()[1].rect
        message, color = None, theme.BAD
        if self.thread is not None:
            message, color = self.t("class.connecting_long"), theme.MUTED
        elif self.error is not None:
            message = self.error.message(self.app.lang)
        if message:
            ink.wrapped(
                message,
                pygame.Rect(
                    join.right + ink.px(24),
                    join.top - ink.px(6),
                    w - join.right - ink.px(24) - x,
                    ink.px(80),
                ),
                18,
                color,
                700,
                max_lines=3,
            )
