"""The scenario's briefing again, over the turn screen (from the Esc menu), scrollable."""

from __future__ import annotations

import pygame

from game.scenario import localize
from game.ui import scroll, theme, widgets
from game.ui.briefing_text import briefing_view
from game.ui.screens.base import Host, Overlay, Screen, Shot, Stage
from game.ui.widgets import Button, Ink


class BriefingOverlay(Overlay):
    """The whole briefing in a dialog; Esc, Enter or Close returns to the parent."""

    name = "briefing"

    @classmethod
    def shots(cls, stage: Stage) -> list[Shot]:
        turn = stage.turn
        if stage.name != "mid_turn_answered" or turn is None:
            return []
        return [Shot("11b-briefing", lambda: stage.app.make("briefing", turn))]

    def __init__(self, app: Host, parent: Screen) -> None:
        super().__init__(app, parent)
        self.offset = 0

    def _rect(self) -> pygame.Rect:
        return self.dialog_rect(960, 660)

    def buttons(self) -> list[Button]:
        rect = self._rect()
        b = pygame.Rect(0, 0, self.px(240), self.px(56))
        b.bottomright = (rect.right - self.px(32), rect.bottom - self.px(24))
        return [Button("close", self.t("common.close"), b, primary=True, hint="Esc")]

    def view(self) -> scroll.TextView:
        """Where the briefing text shows."""
        ink = Ink(self.app.surface)
        rect = self._rect()
        session = self.app.session
        assert session is not None
        s = session.loaded.scenario
        top = rect.top + ink.px(104)
        bottom = self.buttons()[0].rect.top - ink.px(12)
        area = pygame.Rect(rect.left + ink.px(32), top, rect.width - ink.px(64), bottom - top)
        return briefing_view(ink, s, self.app.lang, area)

    def handle(self, event: pygame.event.Event) -> Screen:
        moved = scroll.handle(self.view(), self.offset, event, self.app.mouse)
        if moved is not None:
            self.offset = moved
            return self
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                return self.parent
            return self
        outside = event.type == pygame.MOUSEBUTTONUP and not self._rect().collidepoint(event.pos)
        if (
            event.type == pygame.MOUSEBUTTONUP
            and event.button == 1
            and (outside or self.buttons()[0].hit(event.pos))
        ):
            return self.parent
        return self

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        ink = Ink(surface)
        rect = self._rect()
        session = self.app.session
        assert session is not None
        s = session.loaded.scenario
        lang = self.app.lang
        widgets.panel(surface, rect, theme.PANEL, ink.px(18), theme.ACCENT, ink.px(3))
        x = rect.left + ink.px(32)
        ink.text(self.t("briefing.kicker"), (x, rect.top + ink.px(24)), 16, theme.ACCENT, 800)
        ink.text(
            localize(s.title, lang, s.default_language),
            (x, rect.top + ink.px(48)),
            30,
            theme.TEXT,
            800,
            max_width=rect.width - ink.px(64),
        )
        view = self.view()
        scroll.draw(ink, view, self.offset, self.t("scroll.more"))
        close = self.buttons()[0].rect
        if view.limit:
            ink.text(
                self.t("briefing.keys"),
                (x, close.centery),
                16,
                theme.FAINT,
                600,
                anchor="midleft",
                max_width=close.left - x - ink.px(24),
            )
        self.draw_buttons(ink)
