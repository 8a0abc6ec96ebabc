"""What every screen is: it handles an event and returns the next screen (or itself),
and draws itself from state without changing it. Overlays keep their parent and draw it
dimmed beneath them.

A screen sees the app as a :class:`Host` (what it may ask of it), never importing the app
module. A screen reaches another by name: ``return self.go("debrief")`` (the table is
``game.ui.screens.SCREENS``). A screen says how ``agen shots`` shows it in :meth:`Screen.shots`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pygame

from game.i18n import tr
from game.ui import theme, widgets
from game.ui.options import Options
from game.ui.settings import Settings
from game.ui.widgets import Button, Ink

if TYPE_CHECKING:  # not loaded before the title screen's first frame
    from game.engine import Action, Game
    from game.session import Notice, Player, Session


class Host(Protocol):
    """What a screen may ask of the running app (``game.ui.app.App`` is one): language,
    paths, session, window, and going elsewhere."""

    options: Options
    settings: Settings
    config_dir: Path
    data_dir: Path
    lang: str
    session: Session | None
    surface: pygame.Surface
    mouse: tuple[int, int]
    keyboard_focus: bool
    running: bool
    screen: Screen
    class_link: Any  # class mode: the background sender (game.classlink.link.ClassLink)

    @property
    def size(self) -> tuple[int, int]:
        """The window size in pixels."""
        ...

    @property
    def save_path(self) -> Path:
        """The autosave file."""
        ...

    @property
    def results_dir(self) -> Path:
        """Where finished games' result files go."""
        ...

    def t(self, key: str, **fields: object) -> str:
        """A UI string in the current language."""
        ...

    def set_language(self, lang: str) -> None:
        """Switch the UI language and remember it."""
        ...

    def toast(self, text: str, good: bool = False, on: object = None) -> None:
        """Show a short message at the bottom of the window (gone when screen ``on`` is left)."""
        ...

    def tell(self, notices: list[Notice]) -> None:
        """Show what the session says happened after an action."""
        ...

    def begin(self, session: Session) -> None:
        """Play ``session`` from now on, saved from its first moment."""
        ...

    def act(self, action: Action) -> None:
        """Adopt, cancel or answer an event through the session, then autosave."""
        ...

    def end_quarter(self) -> int | None:
        """End the quarter (unless the class blocks it): the quarter that ended, or None."""
        ...

    def autosave(self) -> None:
        """Save the game in progress (a failure is a message)."""
        ...

    def finish_game(self) -> None:
        """The game is over: write its result file, then drop the autosave."""
        ...

    def make(self, name: str, *args: Any, **kwargs: Any) -> Screen:
        """A new screen called ``name`` from the table, built with these arguments."""
        ...

    def go(self, name: str, *args: Any, **kwargs: Any) -> Screen:
        """The screen to show for "go to ``name``" (what stands in front of it, if anything)."""
        ...


@dataclass
class Stage:
    """A moment of the sample game that ``agen shots`` walks through, in this order:

    ``start`` (no game yet), ``first_turn`` (turn 1, its events not yet answered),
    ``first_turn_answered``, ``mid_turn`` (a later turn, an event pending if one came),
    ``mid_turn_answered``, ``report`` (a turn just resolved: ``reported``), ``over`` (the game
    finished and its result written). ``turn`` is the turn screen of the moment (the parent
    of dialogs), None before a game starts; ``player`` the sample player.
    """

    name: str
    app: Host
    player: Player
    turn: Screen | None = None
    reported: int = 0


@dataclass
class Shot:
    """One PNG of ``agen shots``: ``<lang>-<file>.png`` showing ``make()`` with the mouse at
    ``mouse``."""

    file: str
    make: Callable[[], Screen]
    mouse: tuple[int, int] = (-1, -1)


class Screen:
    """A screen of the game."""

    name = "screen"
    # whether the arrow keys move a focus between the buttons (whose ring then shows); a
    # screen under a dialog never shows one
    keys_on_buttons = True

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        """The PNGs ``agen shots`` renders of this screen at ``stage`` (none by default)."""
        return []

    def __init__(self, app: Host) -> None:
        self.app = app
        self.focus = 0

    # -- helpers ------------------------------------------------------------------------

    @property
    def game(self) -> Game:
        """The game of the current session (screens that show one are opened with it)."""
        session = self.app.session
        assert session is not None
        game: Game = session.game
        return game

    def t(self, key: str, **fields: object) -> str:
        """A UI string in the current language."""
        return tr(key, self.app.lang, **fields)

    @property
    def size(self) -> tuple[int, int]:
        """The window size."""
        return self.app.size

    @property
    def scale(self) -> float:
        """Scale of the window against 1280×720."""
        return theme.scale_for(self.app.size)

    def px(self, value: float) -> int:
        """A 1280×720 length scaled to the window."""
        return round(value * self.scale)

    def buttons(self) -> list[Button]:
        """The screen's buttons, laid out for the current window size."""
        return []

    def go(self, name: str, *args: Any, **kwargs: Any) -> Screen:
        """The screen called ``name`` in the table, opened with these arguments."""
        return self.app.go(name, *args, **kwargs)

    # -- protocol -----------------------------------------------------------------------

    def arrive(self) -> Screen:
        """The screen to show when this one is opened (itself, or one standing in front)."""
        return self

    def handle(self, event: pygame.event.Event) -> Screen:
        """Handle one event; return the next screen (or self). Default: buttons and focus."""
        buttons = [b for b in self.buttons() if b.enabled]
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for b in buttons:
                if b.hit(event.pos):
                    return self.press(b.key)
        elif event.type == pygame.KEYDOWN and buttons:
            if event.key in (pygame.K_DOWN, pygame.K_TAB):
                self.focus = (self.focus + 1) % len(buttons)
            elif event.key == pygame.K_UP:
                self.focus = (self.focus - 1) % len(buttons)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                return self.press(buttons[min(self.focus, len(buttons) - 1)].key)
        return self

    def press(self, key: str) -> Screen:
        """A button (or its key) was pressed."""
        return self

    def hover_key(self, pos: tuple[int, int]) -> Any:
        """What is under the mouse; the app redraws only when this changes."""
        return widgets.hovered(self.buttons(), pos)

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the screen; must not change any state."""
        surface.fill(theme.BG)

    def wants_ticks(self) -> bool:
        """Whether the screen animates (then the app wakes up regularly)."""
        return False

    def tick(self, dt: float) -> bool:
        """Advance animations by ``dt`` seconds; return whether a redraw is needed."""
        return False

    def close(self) -> None:
        """Release widgets when the screen is left."""

    # -- shared drawing -----------------------------------------------------------------

    def draw_buttons(self, ink: Ink, size: int = 22) -> None:
        """Draw the screen's buttons, lit when hovered or focused by keyboard."""
        mouse = self.app.mouse
        enabled = [b for b in self.buttons() if b.enabled]
        ringed = self.app.keyboard_focus and self.keys_on_buttons and self.app.screen is self
        focused = enabled[self.focus].key if ringed and self.focus < len(enabled) else None
        for b in self.buttons():
            b.draw(ink, b.hit(mouse) or b.key == focused, size)

    def backdrop(self, surface: pygame.Surface) -> None:
        """The shared background: a soft vertical gradient band at the top."""
        surface.blit(_backdrop(surface.get_size(), self.px(150)), (0, 0))


@lru_cache(maxsize=4)
def _backdrop(size: tuple[int, int], band: int) -> pygame.Surface:
    """The background drawn once per window size (56 bands a frame were a third of it)."""
    surface = pygame.Surface(size)
    surface.fill(theme.BG)
    for i in range(0, band, 4):
        c = theme.mix(theme.BG_TOP, theme.BG, i / band)
        pygame.draw.rect(surface, c, (0, i, size[0], 4))
    return surface


class Overlay(Screen):
    """A dialog over its parent screen, which stays drawn (dimmed) underneath."""

    def __init__(self, app: Host, parent: Screen) -> None:
        super().__init__(app)
        self.parent = parent
        self._under: tuple[object, pygame.Surface] | None = None

    def _under_key(self, surface: pygame.Surface) -> object:
        """What the dimmed parent shows: the window, the language and the game's moves (the
        parent takes no input while the dialog is open, so nothing else changes it)."""
        session = self.app.session
        moves = (session.game.turn, len(session.game.decisions)) if session is not None else ()
        return (surface.get_size(), self.app.lang, moves)

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the parent dimmed (drawn once and kept while it cannot change: a full
        redraw and a full-window veil each frame were most of a dialog's frame time);
        subclasses then draw their dialog."""
        key = self._under_key(surface)
        if self._under is not None and self._under[0] == key:
            surface.blit(self._under[1], (0, 0))
            return
        self.parent.draw(surface)
        widgets.shade(surface)
        self._under = (key, surface.copy())

    def dialog_rect(self, width: int, height: int) -> pygame.Rect:
        """A centred dialog of 1280×720 size ``width``×``height``, kept inside the window."""
        w, h = self.size
        rect = pygame.Rect(
            0, 0, min(self.px(width), w - self.px(40)), min(self.px(height), h - self.px(40))
        )
        rect.center = (w // 2, h // 2)
        return rect
