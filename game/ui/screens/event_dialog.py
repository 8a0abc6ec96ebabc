"""An event that fired: its text and choices (unmet ones greyed with the reason), then
the outcome of the choice. An overlay: the turn screen stays beneath it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.engine import Choose
from game.scenario import localize
from game.scenario.schema import Event
from game.ui import theme, widgets
from game.ui.screens.base import Overlay, Screen
from game.ui.widgets import Button, Ink

if TYPE_CHECKING:
    from game.ui.screens.turn import TurnScreen


class EventDialog(Overlay):
    """One event awaiting the player's answer."""

    name = "event"

    def __init__(self, app: Any, parent: TurnScreen, event_id: str) -> None:
        super().__init__(app, parent)
        self.host = parent
        self.event_id = event_id
        self.chosen: str | None = None

    @property
    def event(self) -> Event:
        """The event's definition."""
        c = self.host.game.c
        ev: Event = c.scenario.events[c.event_index[self.event_id]]
        return ev

    def _rect(self) -> pygame.Rect:
        ink = Ink(self.app.surface)
        s = self.host.game.c.scenario
        lang = self.app.lang
        width = min(ink.px(900), self.size[0] - ink.px(40))
        inner = width - ink.px(64)
        text_h = min(ink.wrapped_height(localize(self.event.text, lang, s.default_language), inner, 19), ink.px(200))
        if self.chosen is None:
            body = sum(max(ink.px(56), ink.wrapped_height(localize(c.label, lang, s.default_language), inner - ink.px(80), 19, 700)
                           + ink.px(22)) + ink.line_height(15) + ink.px(10) for c in self.event.choices)
        else:
            body = ink.px(260)
        height = min(self.size[1] - ink.px(40), ink.px(110) + text_h + ink.px(40) + body + ink.px(30))
        rect = pygame.Rect(0, 0, width, height)
        rect.center = (self.size[0] // 2, self.size[1] // 2)
        return rect

    def _text_height(self, ink: Ink) -> int:
        s = self.host.game.c.scenario
        inner = self._rect().width - ink.px(64)
        return ink.wrapped_height(localize(self.event.text, self.app.lang, s.default_language), inner, 19)

    def buttons(self) -> list[Button]:
        rect = self._rect()
        ink = Ink(self.app.surface)
        game = self.host.game
        s = game.c.scenario
        lang = self.app.lang
        inner = rect.inflate(-ink.px(64), 0)
        if self.chosen is not None:
            b = pygame.Rect(0, 0, ink.px(280), ink.px(56))
            b.bottomright = (inner.right, rect.bottom - ink.px(28))
            return [Button("continue", self.t("common.continue"), b, primary=True, hint="Enter")]
        y = rect.top + ink.px(110) + min(self._text_height(ink), ink.px(200)) + ink.px(20)
        out = []
        for i, choice in enumerate(self.event.choices):
            refusal = game.why_not_choose(self.event_id, choice.id)
            label = localize(choice.label, lang, s.default_language)
            h = max(ink.px(56), ink.wrapped_height(label, inner.width - ink.px(80), 19, 700) + ink.px(22))
            if refusal is not None:
                h += ink.line_height(15)
            out.append(Button(f"choice:{choice.id}", label, pygame.Rect(inner.left, y, inner.width, h),
                              enabled=refusal is None, hint=str(i + 1)))
            y += h + ink.px(10)
        return out

    def handle(self, event: pygame.event.Event) -> Screen:
        if event.type == pygame.KEYDOWN and self.chosen is None:
            index = event.key - pygame.K_1
            if 0 <= index < len(self.event.choices):
                return self.choose(self.event.choices[index].id)
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                return self.choose(self.host.game.default_choice(self.event_id))
            return self
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE):
            return self.press("continue")
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for b in self.buttons():
                if b.hit(event.pos):
                    return self.press(b.key)
        return self

    def choose(self, choice_id: str) -> Screen:
        """Answer the event (a refused choice becomes a message)."""
        self.host.game.act(Choose(self.event_id, choice_id))
        self.chosen = choice_id
        self.app.autosave()
        return self

    def press(self, key: str) -> Screen:
        if key.startswith("choice:"):
            return self.choose(key.partition(":")[2])
        if key == "continue":
            nxt: Screen = self.host.next_event() or self.parent
            return nxt
        return self

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        ink = Ink(surface)
        rect = self._rect()
        s = self.host.game.c.scenario
        lang = self.app.lang
        widgets.panel(surface, rect, theme.PANEL, ink.px(18), theme.ACCENT, ink.px(3))
        x = rect.left + ink.px(32)
        inner_w = rect.width - ink.px(64)
        ink.text(self.t("event.kicker"), (x, rect.top + ink.px(24)), 16, theme.ACCENT, 800)
        ink.text(localize(self.event.title, lang, s.default_language), (x, rect.top + ink.px(48)), 32, theme.TEXT, 800,
                 max_width=inner_w)
        body = pygame.Rect(x, rect.top + ink.px(110), inner_w, ink.px(200))
        ink.wrapped(localize(self.event.text, lang, s.default_language), body, 19, theme.TEXT)
        if self.chosen is None:
            for b in self.buttons():
                hover = b.hit(self.app.mouse)
                widgets.panel(surface, b.rect, theme.PANEL_HI if hover else theme.mix(theme.PANEL, theme.BG, 0.3),
                              ink.px(12), theme.ACCENT if hover else theme.LINE, ink.px(2))
                fg = theme.TEXT if b.enabled else theme.FAINT
                badge = pygame.Rect(b.rect.left + ink.px(14), b.rect.top + ink.px(13), ink.px(30), ink.px(30))
                widgets.panel(surface, badge, theme.ACCENT if b.enabled else theme.LINE, ink.px(8))
                ink.text(b.hint, badge.center, 17, theme.BG, 800, anchor="center")
                text = pygame.Rect(b.rect.left + ink.px(60), b.rect.top + ink.px(11), b.rect.width - ink.px(80), b.rect.height)
                used = ink.wrapped(b.label, text, 19, fg, 700)
                if not b.enabled:
                    reason = self.host.game.why_not_choose(self.event_id, b.key.partition(":")[2])
                    if reason is not None:
                        ink.text(reason.message(lang), (text.left, text.top + used), 15, theme.BAD, 600,
                                 max_width=text.width)
            return
        choice = next(c for c in self.event.choices if c.id == self.chosen)
        y = rect.top + ink.px(110) + min(self._text_height(ink), ink.px(200)) + ink.px(24)
        ink.text(self.t("event.you_chose"), (x, y), 16, theme.MUTED, 700)
        y += ink.px(28)
        y += ink.wrapped(localize(choice.label, lang, s.default_language), pygame.Rect(x, y, inner_w, ink.px(90)),
                         22, theme.ACCENT, 700) + ink.px(16)
        if choice.outcome is not None:
            ink.wrapped(localize(choice.outcome, lang, s.default_language),
                        pygame.Rect(x, y, inner_w, rect.bottom - ink.px(100) - y), 20, theme.TEXT)
        self.draw_buttons(ink)
