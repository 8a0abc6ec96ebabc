"""A form of pygame_gui text entries: built for the window's size, Tab moves between fields.

The player form and the class join form both use it; the screen says where each field sits
and how long its text may be, and keeps its own labels, buttons and checks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.ui.theme import gui_theme

# Fields that hold only digits, whatever the form: a NIP (Nomor Induk Pegawai) is 18 digits.
DIGITS_ONLY = frozenset({"nip"})


class TextForm:
    """Named text entries in a fixed order, rebuilt (keeping their text) when the size changes."""

    def __init__(
        self,
        size: tuple[int, int],
        fields: tuple[str, ...],
        rect_of: Callable[[str], pygame.Rect],
        limits: Mapping[str, int],
        texts: Mapping[str, str],
    ) -> None:
        self.fields = fields
        self.rect_of = rect_of
        self.limits = limits
        self.manager = pygame_gui.UIManager(size, gui_theme(), enable_live_theme_updates=False)
        self.entries: dict[str, UITextEntryLine] = {}
        self.built_for: tuple[int, int] = (0, 0)
        self.build(size, texts)

    def build(self, size: tuple[int, int], texts: Mapping[str, str]) -> None:
        """(Re)create the entries for a window of ``size``, holding ``texts``."""
        self.manager.set_window_resolution(size)
        for entry in self.entries.values():
            entry.kill()
        self.entries = {}
        for key in self.fields:
            entry = UITextEntryLine(
                self.rect_of(key), self.manager, initial_text=texts.get(key, "")
            )
            entry.set_text_length_limit(self.limits[key])
            if key in DIGITS_ONLY:
                entry.set_allowed_characters("numbers")
            self.entries[key] = entry
        self.built_for = size

    def texts(self) -> dict[str, str]:
        """What has been typed, field by field (as typed)."""
        return {k: e.get_text() for k, e in self.entries.items()}

    def focus(self, key: str) -> None:
        """Put the cursor in one field (and out of the others)."""
        for entry in self.entries.values():
            entry.unfocus()
        self.entries[key].focus()

    def tab(self, backwards: bool) -> None:
        """Move the cursor to the next field (the previous with ``backwards``), round the end."""
        keys = self.fields
        current = next((i for i, k in enumerate(keys) if self.entries[k].is_focused), -1)
        self.focus(keys[(current + (-1 if backwards else 1)) % len(keys)])

    def process(self, event: pygame.event.Event) -> None:
        """Give an event to the entries (typing, clicks into a field)."""
        self.manager.process_events(event)

    def tick(self, size: tuple[int, int], dt: float) -> None:
        """Rebuild after the window changed size; let the entries animate (the cursor)."""
        if size != self.built_for:
            self.build(size, self.texts())
        self.manager.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.manager.draw_ui(surface)

    def close(self) -> None:
        """Free the entries (the screen is left)."""
        self.manager.clear_and_reset()
