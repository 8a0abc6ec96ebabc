"""The save dialog of the Aksi Perubahan draft: a folder (the player's documents), a file
name to edit (or a whole path), Save and Cancel. Writes the same document as
``agen results aksi``, in the window's language, with the player's predictions."""

from __future__ import annotations

import re
from pathlib import Path

import pygame

from game import paths
from game.errors import AgenError
from game.i18n import say_error
from game.results.aksi import Author, write_aksi
from game.ui import theme, widgets
from game.ui.screens.base import Host, Overlay, Screen, Shot, Stage
from game.ui.widgets import Button, Ink

_UNSAFE = re.compile(r"[^A-Za-z0-9-]+")
MAX_NAME = 120


def default_folder() -> Path:
    """Where drafts go: the player's documents folder, in an "Agen Perubahan" folder."""
    try:
        base = paths.user_documents_dir()
    except OSError:  # pragma: no cover - no home folder
        base = Path.home()
    return base / "Agen Perubahan"


def default_name(player: str, scenario: str) -> str:
    """``Aksi-Perubahan-<player>-<scenario>.docx`` in safe characters."""
    who = _UNSAFE.sub("-", player).strip("-")[:40] or "peserta"
    return f"Aksi-Perubahan-{who}-{_UNSAFE.sub('-', scenario).strip('-')[:40]}.docx"


class AksiDialog(Overlay):
    """Save the draft; a message says where it went (or why it could not)."""

    name = "aksi"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        if stage.name != "over":
            return []
        app = stage.app
        return [
            Shot(
                "14e-save-aksi",
                lambda: app.make("aksi", app.make("reflection", app.make("debrief"))),
            )
        ]

    def __init__(self, app: Host, parent: Screen, folder: Path | None = None) -> None:
        super().__init__(app, parent)
        session = app.session
        assert session is not None
        self.folder = folder or default_folder()
        self.filename = default_name(session.player.name, session.loaded.scenario.id)
        self.saved: Path | None = None
        self.error: str | None = None

    def target(self) -> Path:
        """The file the draft will be written to."""
        typed = self.filename.strip() or default_name("x", "draft")
        path = Path(typed).expanduser()
        return path if path.is_absolute() else self.folder / path

    def _rect(self) -> pygame.Rect:
        return self.dialog_rect(860, 420)

    def _field(self) -> pygame.Rect:
        rect = self._rect()
        return pygame.Rect(
            rect.left + self.px(32), rect.top + self.px(232), rect.width - self.px(64), self.px(52)
        )

    def buttons(self) -> list[Button]:
        rect = self._rect()
        y = rect.bottom - self.px(24) - self.px(56)
        cancel = Button(
            "cancel",
            self.t("common.close" if self.saved else "reflect.cancel"),
            pygame.Rect(rect.left + self.px(32), y, self.px(220), self.px(56)),
            hint="Esc",
        )
        ok = pygame.Rect(0, y, self.px(240), self.px(56))
        ok.right = rect.right - self.px(32)
        return [
            cancel,
            Button("save", self.t("reflect.save"), ok, primary=True, hint="Enter"),
        ]

    def handle(self, event: pygame.event.Event) -> Screen:
        if event.type == pygame.TEXTINPUT:
            if len(self.filename) < MAX_NAME:
                self.filename += event.text
            return self
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return self.parent
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                return self.press("save")
            if event.key == pygame.K_BACKSPACE:
                self.filename = self.filename[:-1]
            return self
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for b in self.buttons():
                if b.hit(event.pos):
                    return self.press(b.key)
        return self

    def press(self, key: str) -> Screen:
        if key == "cancel":
            return self.parent
        session = self.app.session
        assert session is not None
        author = Author(session.player.name, session.player.player_id, session.player.cohort)
        try:
            self.saved = write_aksi(
                session.game, author, tuple(session.predictions), self.app.lang, self.target()
            )
            self.error = None
            self.app.toast(self.t("reflect.saved", path=str(self.saved)), good=True)
        except (AgenError, OSError) as exc:
            self.error = say_error(exc, self.app.lang)
            self.app.toast(self.t("reflect.save_failed", reason=self.error))
        return self

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        ink = Ink(surface)
        rect = self._rect()
        widgets.panel(surface, rect, theme.PANEL, ink.px(18), theme.ACCENT, ink.px(3))
        x = rect.left + ink.px(32)
        inner = rect.width - ink.px(64)
        ink.text(self.t("reflect.save_title"), (x, rect.top + ink.px(24)), 28, theme.TEXT, 800)
        ink.wrapped(
            self.t("reflect.save_intro"),
            pygame.Rect(x, rect.top + ink.px(70), inner, ink.px(70)),
            16,
            theme.MUTED,
            max_lines=3,
        )
        ink.text(self.t("reflect.save_folder"), (x, rect.top + ink.px(146)), 16, theme.FAINT, 700)
        ink.text(str(self.folder), (x, rect.top + ink.px(168)), 17, theme.TEXT, max_width=inner)
        field = self._field()
        ink.text(self.t("reflect.save_name"), (x, field.top - ink.px(24)), 16, theme.FAINT, 700)
        widgets.panel(surface, field, theme.BG, ink.px(10), theme.ACCENT, ink.px(2))
        shown = ink.text(
            self.filename,
            (field.left + ink.px(14), field.centery),
            20,
            theme.TEXT,
            600,
            anchor="midleft",
            max_width=field.width - ink.px(40),
        )
        if not self.saved:
            pygame.draw.line(
                surface,
                theme.ACCENT,
                (shown.right + ink.px(3), field.top + ink.px(12)),
                (shown.right + ink.px(3), field.bottom - ink.px(12)),
                max(1, ink.px(2)),
            )
        if self.saved is not None:
            status, color = self.t("reflect.saved", path=str(self.saved)), theme.GOOD
        elif self.error is not None:
            status, color = self.t("reflect.save_failed", reason=self.error), theme.BAD
        else:
            status, color = self.t("reflect.save_keys"), theme.FAINT
        ink.wrapped(
            status,
            pygame.Rect(x, field.bottom + ink.px(10), inner, ink.px(44)),
            16,
            color,
            600,
            max_lines=2,
        )
        self.draw_buttons(ink)
