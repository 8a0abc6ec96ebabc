"""An event that fired: its text and choices (unmet ones greyed with the reason), then
the outcome of the choice. An overlay: the turn screen stays beneath it.
"""

from __future__ import annotations

import pygame

from game.engine import Choose
from game.scenario import localize
from game.scenario.format_model import Event
from game.ui import facts, scroll, theme, widgets
from game.ui.screens.base import Host, Overlay, Screen, Shot, Stage
from game.ui.widgets import Button, Ink


class EventDialog(Overlay):
    """One event awaiting the player's answer."""

    name = "event"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        app, turn = stage.app, stage.turn
        if turn is None or app.session is None:
            return []
        game = app.session.game
        pending = game.pending_events()
        if not pending:
            return []
        if stage.name == "first_turn":
            return [Shot("04-event-turn1", lambda: app.make("event", turn, pending[0]))]
        if stage.name != "mid_turn":
            return []

        def answered() -> Screen:
            dialog = EventDialog(app, turn, pending[0])
            dialog.choose(game.default_choice(pending[0]))
            return dialog

        return [
            Shot("06-event-mid", lambda: app.make("event", turn, pending[0])),
            Shot("07-event-outcome", answered),
        ]

    def __init__(self, app: Host, parent: Screen, event_id: str) -> None:
        super().__init__(app, parent)
        self.event_id = event_id
        self.chosen: str | None = None
        self.offset = 0  # how far the column under the title is scrolled

    @property
    def event(self) -> Event:
        """The event's definition."""
        return self.game.event(self.event_id)

    # -- layout: a fixed header, then one column (text, then choices or the outcome) that
    # scrolls when it is taller than the window allows --------------------------------

    HEADER = 110
    GAP = 20

    def _width(self, ink: Ink) -> int:
        return min(ink.px(900), self.size[0] - ink.px(40))

    def _text(self) -> str:
        s = self.game.scenario
        return localize(self.event.text, self.app.lang, s.default_language)

    def _rows(self, ink: Ink, inner: int) -> list[tuple[int, int]]:
        """(top in the column, height) of each choice, below the text."""
        game = self.game
        s = game.scenario
        y = self._text_block(ink, inner).height + ink.px(self.GAP)
        rows = []
        for choice in self.event.choices:
            label = localize(choice.label, self.app.lang, s.default_language)
            h = max(ink.px(56), ink.wrapped_height(label, inner - ink.px(80), 19, 700) + ink.px(22))
            refused = self.refused(choice.id)
            if refused is not None:
                h += ink.wrapped_height(refused, inner - ink.px(80), 16, 600)
            rows.append((y, h))
            y += h + ink.px(10)
        return rows

    def refused(self, choice_id: str) -> str | None:
        """Why a choice cannot be taken, in words (its requirement said from the labels)."""
        reason = self.game.why_not_choose(self.event_id, choice_id)
        if reason is None:
            return None
        choice = next(c for c in self.event.choices if c.id == choice_id)
        need = None if choice.requires is None else (choice.requires, choice.requires_text)
        return facts.refusal_words(self.game, reason, self.app.lang, need)

    def _text_block(self, ink: Ink, inner: int) -> scroll.Block:
        return scroll.render_block(
            self._text(), max(1, inner), 19, 400, theme.TEXT, theme.PANEL, ink.scale, 1.0
        )

    def _outcome_height(self, ink: Ink, inner: int) -> int:
        s = self.game.scenario
        lang = self.app.lang
        choice = next(c for c in self.event.choices if c.id == self.chosen)
        h = (
            ink.px(28)
            + ink.wrapped_height(localize(choice.label, lang, s.default_language), inner, 22, 700)
            + ink.px(16)
        )
        if choice.outcome is not None:
            h += ink.wrapped_height(localize(choice.outcome, lang, s.default_language), inner, 20)
        return h

    def _content_height(self, ink: Ink, inner: int) -> int:
        if self.chosen is None:
            rows = self._rows(ink, inner)
            return rows[-1][0] + rows[-1][1] if rows else self._text_block(ink, inner).height
        return self._text_block(ink, inner).height + ink.px(24) + self._outcome_height(ink, inner)

    def _footer(self, ink: Ink) -> int:
        return ink.px(30) if self.chosen is None else ink.px(28 + 56 + 20)

    def _rect(self) -> pygame.Rect:
        ink = Ink(self.app.surface)
        width = self._width(ink)
        need = (
            ink.px(self.HEADER) + self._content_height(ink, width - ink.px(64)) + self._footer(ink)
        )
        if self.chosen is not None:
            need = max(need, ink.px(self.HEADER + 260))
        rect = pygame.Rect(0, 0, width, min(self.size[1] - ink.px(40), need))
        rect.center = (self.size[0] // 2, self.size[1] // 2)
        return rect

    def pane(self) -> scroll.Pane:
        """The scrolling column under the title."""
        ink = Ink(self.app.surface)
        rect = self._rect()
        area = pygame.Rect(
            rect.left + ink.px(32),
            rect.top + ink.px(self.HEADER),
            rect.width - ink.px(50),
            rect.height - ink.px(self.HEADER) - self._footer(ink),
        )
        full = self._content_height(ink, rect.width - ink.px(64))
        if full <= area.height:
            return scroll.pane(ink, full, ink.line_height(19), area)
        narrow = self._content_height(ink, rect.width - ink.px(64) - ink.px(scroll.GUTTER))
        return scroll.pane(ink, narrow, ink.line_height(19), area)

    def _inner(self, ink: Ink, pane: scroll.Pane) -> int:
        """Width of the column's text (narrower when a scrollbar is shown)."""
        rect = self._rect()
        return rect.width - ink.px(64) - (ink.px(scroll.GUTTER) if pane.limit else 0)

    def buttons(self) -> list[Button]:
        """The choices (placed as scrolled; a click counts only on the visible part) or Continue."""
        rect = self._rect()
        ink = Ink(self.app.surface)
        game = self.game
        s = game.scenario
        lang = self.app.lang
        if self.chosen is not None:
            b = pygame.Rect(0, 0, ink.px(280), ink.px(56))
            b.bottomright = (rect.right - ink.px(32), rect.bottom - ink.px(28))
            return [Button("continue", self.t("common.continue"), b, primary=True, hint="Enter")]
        pane = self.pane()
        inner = self._inner(ink, pane)
        top = pane.view.top - pane.clamp(self.offset)
        out = []
        for i, (choice, (y, h)) in enumerate(
            zip(self.event.choices, self._rows(ink, inner), strict=True)
        ):
            refusal = game.why_not_choose(self.event_id, choice.id)
            label = localize(choice.label, lang, s.default_language)
            out.append(
                Button(
                    f"choice:{choice.id}",
                    label,
                    pygame.Rect(pane.view.left, top + y, inner, h),
                    enabled=refusal is None,
                    hint=str(i + 1),
                )
            )
        return out

    def handle(self, event: pygame.event.Event) -> Screen:
        pane = self.pane()
        moved = scroll.handle(pane, self.offset, event, self.app.mouse)
        if moved is not None:
            self.offset = moved
            return self
        if event.type == pygame.KEYDOWN and self.chosen is None:
            index = event.key - pygame.K_1
            if 0 <= index < len(self.event.choices):
                return self.choose(self.event.choices[index].id)
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                return self.choose(self.game.default_choice(self.event_id))
            return self
        if event.type == pygame.KEYDOWN and event.key in (
            pygame.K_RETURN,
            pygame.K_KP_ENTER,
            pygame.K_SPACE,
            pygame.K_ESCAPE,
        ):
            return self.press("continue")
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for b in self.buttons():
                visible = self.chosen is not None or pane.view.collidepoint(event.pos)
                if visible and b.hit(event.pos):
                    return self.press(b.key)
        return self

    def choose(self, choice_id: str) -> Screen:
        """Answer the event (a refused choice becomes a message)."""
        self.app.act(Choose(self.event_id, choice_id))  # then autosaved
        self.chosen = choice_id
        ink = Ink(self.app.surface)
        pane = self.pane()
        self.offset = pane.clamp(
            self._text_block(ink, self._inner(ink, pane)).height
        )  # show the outcome
        return self

    def press(self, key: str) -> Screen:
        if key.startswith("choice:"):
            return self.choose(key.partition(":")[2])
        if key == "continue":
            return self.parent.arrive()
        return self

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        ink = Ink(surface)
        rect = self._rect()
        s = self.game.scenario
        lang = self.app.lang
        widgets.panel(surface, rect, theme.PANEL, ink.px(18), theme.ACCENT, ink.px(3))
        x = rect.left + ink.px(32)
        ink.text(self.t("event.kicker"), (x, rect.top + ink.px(24)), 16, theme.ACCENT, 800)
        ink.text(
            localize(self.event.title, lang, s.default_language),
            (x, rect.top + ink.px(48)),
            32,
            theme.TEXT,
            800,
            max_width=rect.width - ink.px(64),
        )
        pane = self.pane()
        inner = self._inner(ink, pane)
        top = pane.view.top - pane.clamp(self.offset)
        clip = surface.get_clip()
        surface.set_clip(pane.view.clip(clip))
        block = self._text_block(ink, inner)
        surface.blit(block.surface, (x, top))
        if self.chosen is None:
            self._draw_choices(ink)
        else:
            self._draw_outcome(ink, x, top + block.height + ink.px(24), inner)
        surface.set_clip(clip)
        scroll.frame(ink, pane, self.offset, self.t("scroll.more"))
        if self.chosen is not None:
            self.draw_buttons(ink)

    def _draw_choices(self, ink: Ink) -> None:
        surface = ink.surface
        view = self.pane().view
        for b in self.buttons():
            hover = b.hit(self.app.mouse) and view.collidepoint(self.app.mouse)
            widgets.panel(
                surface,
                b.rect,
                theme.PANEL_HI if hover else theme.mix(theme.PANEL, theme.BG, 0.3),
                ink.px(12),
                theme.ACCENT if hover else theme.LINE,
                ink.px(2),
            )
            fg = theme.TEXT if b.enabled else theme.FAINT
            badge = pygame.Rect(
                b.rect.left + ink.px(14), b.rect.top + ink.px(13), ink.px(30), ink.px(30)
            )
            widgets.panel(surface, badge, theme.ACCENT if b.enabled else theme.LINE, ink.px(8))
            ink.text(b.hint, badge.center, 17, theme.BG, 800, anchor="center")
            text = pygame.Rect(
                b.rect.left + ink.px(60),
                b.rect.top + ink.px(11),
                b.rect.width - ink.px(80),
                b.rect.height,
            )
            used = ink.wrapped(b.label, text, 19, fg, 700)
            if not b.enabled:
                words = self.refused(b.key.partition(":")[2])
                if words is not None:
                    room = pygame.Rect(
                        text.left, text.top + used, text.width, b.rect.bottom - text.top - used
                    )
                    ink.wrapped(words, room, 16, theme.BAD, 600)

    def _draw_outcome(self, ink: Ink, x: int, y: int, inner: int) -> None:
        s = self.game.scenario
        lang = self.app.lang
        choice = next(c for c in self.event.choices if c.id == self.chosen)
        ink.text(self.t("event.you_chose"), (x, y), 16, theme.MUTED, 700)
        y += ink.px(28)
        label = localize(choice.label, lang, s.default_language)
        y += ink.wrapped(label, pygame.Rect(x, y, inner, 0), 22, theme.ACCENT, 700) + ink.px(16)
        if choice.outcome is not None:
            ink.wrapped(
                localize(choice.outcome, lang, s.default_language),
                pygame.Rect(x, y, inner, 0),
                20,
                theme.TEXT,
            )
