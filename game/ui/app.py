"""The app loop: one window, the current screen, toasts; waits for events, redraws only
when something changed, so an idle game uses next to no CPU.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game import paths
from game.errors import AgenError
from game.i18n import say, say_error, tr
from game.session.ports import FileKeeper
from game.ui import class_play, theme, widgets
from game.ui.options import Options
from game.ui.screens import SCREENS
from game.ui.screens.base import Screen
from game.ui.settings import Settings

if TYPE_CHECKING:  # the engine and the session load with the first game, not before the title
    from game.engine import Action
    from game.session import Notice, Session

TOAST_SECONDS = 4.0
IDLE_WAIT_MS = 1000
TICK_MS = 50


def break_long_words(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` with every word too wide for a line (a file path) split into pieces that fit,
    after a "/", "\\", "_" or "-" where it can, so that wrapping never runs past its box."""
    out = []
    for line in text.split("\n"):
        words = []
        for word in line.split(" "):
            while word and not fits(word):
                cut = 1
                while cut < len(word) and fits(word[: cut + 1]):
                    cut += 1
                soft = [i + 1 for i in range(cut) if word[i] in "/\\_-"]
                cut = soft[-1] if soft and soft[-1] > cut // 2 else cut
                words.append(word[:cut] + "\n")
                word = word[cut:]
            words.append(word)
        out.append(" ".join(words).replace("\n ", "\n"))
    return "\n".join(out)


@dataclass
class Toast:
    """A short message at the top of the window (e.g. a refused action, the result's file)."""

    text: str
    until: float
    good: bool = False
    on: object = None  # the screen it speaks of: it goes when that screen is left


class App:
    """The running game: window, language, paths, session and the current screen."""

    SCREENS = SCREENS  # the screens by name; see game/ui/screens/__init__.py

    def __init__(
        self, options: Options | None = None, headless_size: tuple[int, int] | None = None
    ) -> None:
        self.options = options or Options()
        self.config_dir = self.options.config_dir or paths.user_config_dir()
        self.data_dir = self.options.data_dir or paths.user_data_dir()
        self.settings = Settings.load(self.config_dir)
        self.lang = self.settings.language
        self._session: Session | None = None
        self.toasts: list[Toast] = []
        self.mouse: tuple[int, int] = (-1, -1)
        self.keyboard_focus = False
        self.running = True
        self.fullscreen = False
        self.windowed_size = theme.MIN_SIZE
        self.frames = 0
        pygame.display.init()  # display and font only: the game has no sound, so no mixer
        pygame.font.init()
        if headless_size is not None:
            self.surface = pygame.Surface(headless_size)
            self.window = False
        else:
            self.surface = pygame.display.set_mode(theme.MIN_SIZE, pygame.RESIZABLE)
            pygame.display.set_caption("Agen Perubahan")
            self.window = True
            self._limit_window()
        pygame.key.set_repeat(400, 40)
        self.screen: Screen = self.make("title")
        self._hover: Any = None
        self._swallow_text = ""  # text of a key that switched screens, not to be typed
        self.class_link: Any = None  # class mode: the background sender (game.classlink.link)
        class_play.resume_sending(self)

    # -- paths and settings -------------------------------------------------------------

    @property
    def size(self) -> tuple[int, int]:
        """The window size in pixels."""
        w, h = self.surface.get_size()
        return (w, h)

    @property
    def save_path(self) -> Path:
        """The autosave file."""
        return paths.autosave_path(self.data_dir, self.options.playtest)

    @property
    def results_dir(self) -> Path:
        """Where finished games' result files go."""
        if self.options.results_dir is not None:
            return self.options.results_dir
        if self.settings.results_dir:
            return Path(self.settings.results_dir)
        return paths.results_dir(self.data_dir)

    def set_language(self, lang: str) -> None:
        """Switch the UI language and remember it."""
        self.lang = lang
        self.settings.language = lang
        self.settings.save(self.config_dir)
        if self.session is not None:
            self.session.language = lang

    def t(self, key: str, **fields: object) -> str:
        """A UI string in the current language."""
        return tr(key, self.lang, **fields)

    # -- messages -----------------------------------------------------------------------

    def toast(self, text: str, good: bool = False, on: object = None) -> None:
        """Show a short message (the same message again only restarts its timer); one that
        speaks of a screen (``on``, e.g. "Adopted: ..." on the turn screen) goes when the
        player leaves that screen, so it never covers the next one."""
        others = [t for t in self.toasts if t.text != text]
        self.toasts = [*others[-2:], Toast(text, time.monotonic() + TOAST_SECONDS, good, on)]

    def refused(self, exc: AgenError) -> None:
        """Show a refused action as a message, never a crash."""
        message = getattr(exc, "message", None)
        self.toast(message(self.lang) if callable(message) else say_error(exc, self.lang))

    def tell(self, notices: list[Notice]) -> None:
        """Show what the session says happened after an action."""
        for notice in notices:
            self.toast(say(notice.message, self.lang), notice.good)

    # -- the session and the player's actions (the use-cases are the session's) ---------

    @property
    def session(self) -> Session | None:
        """The game being played, if any."""
        return self._session

    @session.setter
    def session(self, session: Session | None) -> None:
        if session is not None:
            self._equip(session)
        self._session = session

    def _equip(self, session: Session) -> None:
        """Give the session the window's keeper (the autosave file), class sink (the outbox)
        and result folders: the results folder, then this computer's own when that (e.g. a
        shared class drive) cannot be written; none in a playtest."""
        session.keeper = FileKeeper(self.save_path)
        session.sink = class_play.OutboxSink(self)
        local = paths.results_dir(self.data_dir)
        folders = (self.results_dir,) if self.results_dir == local else (self.results_dir, local)
        session.result_folders = () if self.options.playtest else folders

    def begin(self, session: Session) -> None:
        """Play ``session`` from now on, saved from its first moment."""
        self.session = session
        self.autosave()

    def act(self, action: Action) -> None:
        """The player adopts, cancels or answers an event; then the game is saved (a refused
        action raises ActionRefused, which the loop shows as a message)."""
        if self.session is not None:
            self.tell(self.session.act(action))

    def end_quarter(self) -> int | None:
        """End the quarter (unless the class blocks it): the quarter that ended, or None."""
        if self.session is None:
            return None
        self._equip(self.session)  # the results folder may have changed in the settings
        ended = self.session.end_quarter(lambda: class_play.blocked(self))
        if ended is None:
            return None
        self.tell(ended[1])
        return ended[0]

    def autosave(self) -> None:
        """Save the game in progress; a failure is a message, not a crash."""
        if self.session is not None:
            self.tell(self.session.autosave())

    def finish_game(self) -> None:
        """The game is over: write its result file, then drop the autosave (see
        Session.finish; when no folder takes the result, the autosave is kept)."""
        if self.session is not None:
            self._equip(self.session)
            self.tell(self.session.finish())

    # -- screens by name -----------------------------------------------------------------

    @classmethod
    def screen_class(cls, name: str) -> type[Screen]:
        """The class of the screen called ``name`` (KeyError when the table has none)."""
        module, _, attr = cls.SCREENS[name].partition(":")
        found: type[Screen] = getattr(importlib.import_module(f"game.ui.screens.{module}"), attr)
        return found

    def make(self, name: str, *args: Any, **kwargs: Any) -> Screen:
        """A new screen called ``name``, built with these arguments (nothing in front of it)."""
        return self.screen_class(name)(self, *args, **kwargs)

    def go(self, name: str, *args: Any, **kwargs: Any) -> Screen:
        """The screen to show for "go to ``name``": the new screen, or what stands in front of
        it (the turn screen of a finished game is its debrief; a pending event's dialog)."""
        return self.make(name, *args, **kwargs).arrive()

    # -- the loop -----------------------------------------------------------------------

    def switch(self, screen: Screen) -> None:
        """Make ``screen`` current (closing widgets of the one left, unless it is kept)."""
        if screen is not self.screen:
            here = (screen, getattr(screen, "parent", None))
            self.toasts = [t for t in self.toasts if t.on is None or t.on in here]
            keep = (
                getattr(screen, "parent", None) is self.screen
                or getattr(self.screen, "parent", None) is screen
            )
            if not keep:
                self.screen.close()
            self.screen = screen

    def dispatch(self, event: pygame.event.Event) -> bool:
        """Route one event; return whether the window needs a redraw."""
        if event.type == pygame.QUIT:
            self.autosave()
            self.running = False
            return False
        if event.type == pygame.VIDEORESIZE and self.window and not self.fullscreen:
            self._resize(event.w, event.h)
            return True
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSIZECHANGED):
            current = pygame.display.get_surface() if self.window else None
            if current is not None:
                self.surface = current
            return True
        if event.type == class_play.CLASS_EVENT:
            ended = class_play.on_event(self)  # the class timer may end the quarter
            if ended is not None:
                self.switch(self.go("report", ended))
                return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return True
        if event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
            was_keyboard = self.keyboard_focus
            self.keyboard_focus = False
            hover = self.screen.hover_key(event.pos)
            if hover != self._hover or was_keyboard:
                self._hover = hover
                return True
            return bool(getattr(self.screen, "wants_motion", False)) and self._forward(event)
        swallow, self._swallow_text = self._swallow_text, ""
        if event.type == pygame.TEXTINPUT and swallow and event.text == swallow:
            return False  # the text of the key that opened this screen is not typed into it
        if event.type == pygame.KEYDOWN:
            self.keyboard_focus = True
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            self.mouse = event.pos
        before = self.screen
        redraw = self._forward(event)
        if event.type == pygame.KEYDOWN and self.screen is not before:
            self._swallow_text = event.unicode
        return redraw

    def _forward(self, event: pygame.event.Event) -> bool:
        before = self.screen
        try:
            nxt = self.screen.handle(event)
        except AgenError as exc:  # a refused action or bad input: a message, never a crash
            self.refused(exc)
            return True
        self.switch(nxt)
        if nxt is not before:
            self._hover = nxt.hover_key(self.mouse)
        return event.type not in (pygame.MOUSEBUTTONDOWN, pygame.WINDOWMOVED, pygame.ACTIVEEVENT)

    def render(self, surface: pygame.Surface | None = None) -> pygame.Surface:
        """Draw the current screen and the messages."""
        target = surface or self.surface
        self.screen.draw(target)
        class_play.draw_status(self, target)
        self._draw_toasts(target)
        self.frames += 1
        return target

    def toast_boxes(self, surface: pygame.Surface) -> list[tuple[Toast, str, pygame.Rect]]:
        """Where each toast goes and its text, broken to fit: at the top of the window, newest
        first, under the title bar area, where no screen has its buttons."""
        ink = widgets.Ink(surface)
        w, _ = surface.get_size()
        width = min(ink.px(760), w - ink.px(80))
        inner = width - ink.px(40)
        font = ink.font(20, 600)
        y = ink.px(16)
        out = []
        for toast in reversed(self.toasts):
            text = break_long_words(toast.text, lambda part: font.size(part)[0] <= inner)
            height = ink.wrapped_height(text, inner, 20, 600) + ink.px(24)
            rect = pygame.Rect(0, 0, width, height)
            rect.midtop = (w // 2, y)
            out.append((toast, text, rect))
            y = rect.bottom + ink.px(10)
        return out

    def _draw_toasts(self, surface: pygame.Surface) -> None:
        if not self.toasts:
            return
        ink = widgets.Ink(surface)
        for toast, text, rect in self.toast_boxes(surface):
            color = theme.GOOD if toast.good else theme.BAD
            widgets.panel(
                surface, rect, theme.PANEL_HI, radius=ink.px(12), border=color, width=ink.px(3)
            )
            ink.wrapped(text, rect.inflate(-ink.px(40), -ink.px(24)), 20, theme.TEXT, 600)

    def run(self) -> None:
        """Wait for events and redraw only when something changed."""
        self._flip()
        last = time.monotonic()
        while self.running:
            ticking = self.screen.wants_ticks()
            timeout = TICK_MS if ticking else self._toast_wait()
            first = pygame.event.wait(timeout)
            events = [] if first.type == pygame.NOEVENT else [first, *pygame.event.get()]
            dirty = False
            for event in events:
                dirty = self.dispatch(event) or dirty
                if not self.running:
                    return
            now = time.monotonic()
            if ticking:
                dirty = self.screen.tick(now - last) or dirty
            last = now
            if self.toasts and self.toasts[0].until <= now:
                self.toasts = [t for t in self.toasts if t.until > now]
                dirty = True
            if dirty:
                self._flip()

    def _toast_wait(self) -> int:
        if not self.toasts:
            return IDLE_WAIT_MS
        left = min(t.until for t in self.toasts) - time.monotonic()
        return max(10, min(IDLE_WAIT_MS, int(left * 1000) + 10))

    def _flip(self) -> None:
        self.render()
        if self.window:
            pygame.display.flip()

    # -- window -------------------------------------------------------------------------

    def _limit_window(self) -> None:
        try:
            win = pygame.Window.from_display_module()
            win.minimum_size = theme.MIN_SIZE
        except (AttributeError, pygame.error):
            pass

    def _resize(self, w: int, h: int) -> None:
        w = max(theme.MIN_SIZE[0], w)
        h = max(theme.MIN_SIZE[1], h)
        self.windowed_size = (w, h)
        self.surface = pygame.display.set_mode((w, h), pygame.RESIZABLE)

    def toggle_fullscreen(self) -> None:
        """F11: fullscreen on and off."""
        if not self.window:
            return
        self.fullscreen = not self.fullscreen
        if self.fullscreen:
            self.surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.surface = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
